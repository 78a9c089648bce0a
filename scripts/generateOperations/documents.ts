/**
 * Where the official ServiceTitan OpenAPI documents live and which file feeds which module.
 *
 * The documents are never committed to this repository: they are read from
 * `$SERVICETITAN_OPENAPI_DIR` or, by default, `../shared/servicetitan-openapi` next to the repo root.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOG_MODULES, MODULE_KEYS, type ModuleKey } from "../../src/operations/modules";

/** Document file name for each module in the catalog, from the module registry (src/operations/modules.ts). */
export const MODULE_FILES: Readonly<Record<ModuleKey, string>> = Object.freeze(
  Object.fromEntries(CATALOG_MODULES.map((m) => [m.key, m.document])) as Record<ModuleKey, string>,
);

/** Fixed module order used everywhere (generated index, tests): the registry's. */
export { MODULE_KEYS };

/** Sub-directory holding the last OpenAPI 3.0.1 documents (March 2026) for operations dropped since. */
export const LEGACY_DIR = "legacy-3.0.1-2026-03-17";

/**
 * Operations taken from the legacy documents because users' existing integrations still call them.
 * Each is included only while the current document lacks the same method + path.
 */
export const LEGACY_OPERATIONS: ReadonlyArray<{ module: ModuleKey; method: "post"; path: string; operationId: string }> =
  Object.freeze([{ module: "accounting", method: "post", path: "/tenant/{tenant}/payments", operationId: "Payments_Create" }]);

/** Root of this repository (two levels above scripts/generateOperations). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The directories searched for the documents, in order. */
export function openApiDirCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates: string[] = [];
  const fromEnv = env.SERVICETITAN_OPENAPI_DIR;
  if (fromEnv && fromEnv.trim() !== "") candidates.push(path.resolve(fromEnv));
  candidates.push(path.resolve(REPO_ROOT, "..", "shared", "servicetitan-openapi"));
  return candidates;
}

/** True when `dir` holds every module document we need. */
export function hasModuleDocuments(dir: string): boolean {
  return Object.values(MODULE_FILES).every((file) => fs.existsSync(path.join(dir, file)));
}

/** First candidate directory that holds all module documents, or undefined. */
export function findOpenApiDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return openApiDirCandidates(env).find(hasModuleDocuments);
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
