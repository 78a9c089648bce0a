/**
 * jest globalSetup: runs in the main process, whose output is always shown (a skipped test file's
 * console output is not). Starts the secret scan, and says loudly when the official OpenAPI documents
 * are missing, so the contract and drift tests never disappear from a green run without a reason.
 */
import secretScanSetup from "./secretScanSetup";
import { findOpenApiDir, missingDocsReason } from "./openapiDocs";

export const docsBanner = (): string | undefined =>
  findOpenApiDir()
    ? undefined
    : `\n${"=".repeat(100)}\nCONTRACT TESTS SKIPPED — ${missingDocsReason()}\n${"=".repeat(100)}\n`;

export default async function globalSetup(): Promise<void> {
  await secretScanSetup();
  const banner = docsBanner();
  if (banner) process.stdout.write(banner);
}
