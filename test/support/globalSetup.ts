/**
 * jest globalSetup: runs in the main process, whose output is always shown (a skipped test file's
 * console output is not). Starts the secret scan, and says loudly when the official OpenAPI documents
 * are missing, so the contract and drift tests never disappear from a green run without a reason.
 * In CI (`CI` set, as .ci/run does) the documents are always there, so their absence fails the run.
 */
import secretScanSetup from "./secretScanSetup";
import { findOpenApiDir, missingDocsReason } from "./openapiDocs";

export const docsBanner = (): string | undefined =>
  findOpenApiDir()
    ? undefined
    : `\n${"=".repeat(100)}\nCONTRACT TESTS SKIPPED — ${missingDocsReason()}\n${"=".repeat(100)}\n`;

/** Whether this is a CI run: `CI` set to anything but "", "0" or "false". */
export const isCi = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
};

export default async function globalSetup(): Promise<void> {
  const banner = docsBanner();
  if (banner && isCi()) {
    throw new Error(`CI is set but the official OpenAPI documents are missing, so the contract and drift tests cannot run.\n${missingDocsReason()}`);
  }
  await secretScanSetup();
  if (banner) process.stdout.write(banner);
}
