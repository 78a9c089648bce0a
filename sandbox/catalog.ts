/**
 * Loads the generated operation catalog (src/operations/generated/index.ts, `allOperations()`)
 * when it exists. Loaded with a computed require so the sandbox type-checks and runs before the
 * generator has produced it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { OperationDescriptor } from "../src/operations/types";

export const GENERATED_DIR = join(__dirname, "..", "src", "operations", "generated");

export const loadGeneratedOperations = (): OperationDescriptor[] => {
  const candidates = ["index.ts", "index.js"].map((f) => join(GENERATED_DIR, f));
  const file = candidates.find((f) => existsSync(f));
  if (!file) return [];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { allOperations?: () => OperationDescriptor[] };
    return typeof mod.allOperations === "function" ? mod.allOperations() : [];
  } catch (error) {
    process.emitWarning(`sandbox: could not load the generated operations (${(error as Error).message}); built-in routes only.`);
    return [];
  }
};
