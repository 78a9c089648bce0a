/** jest globalSetup of the secret scan: a fresh capture directory for this run (see secretScan.ts). */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default async function secretScanSetup(): Promise<void> {
  process.env.ST_SECRET_SCAN_DIR = mkdtempSync(path.join(os.tmpdir(), "st-secret-scan-"));
}
