/**
 * jest globalTeardown of the secret scan: scans everything the run wrote and fails the run when a
 * secret leaked, naming the test file and the file:line that wrote it (see secretScan.ts).
 */
import { rmSync } from "node:fs";
import { formatLeaks, scanCaptureDir } from "./secretScan";

export default async function secretScanTeardown(): Promise<void> {
  const dir = process.env.ST_SECRET_SCAN_DIR;
  if (!dir) return;
  const { lines, leaks } = scanCaptureDir(dir);
  rmSync(dir, { recursive: true, force: true });
  if (leaks.length) throw new Error(formatLeaks(leaks));
  process.stdout.write(`Secret scan: ${lines} captured output lines checked, no secret found.\n`);
}
