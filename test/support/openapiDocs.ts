/**
 * Locates and loads the official ServiceTitan OpenAPI documents for tests (drift test, contract tests).
 * The documents are not part of this repository: they are read from `$SERVICETITAN_OPENAPI_DIR` when it is
 * set (and from nowhere else: a folder named on purpose that does not hold them is a missing-documents
 * case, not a reason to read another copy), otherwise from `../shared/servicetitan-openapi` relative to the
 * repository root. When they are missing, tests that need them skip with a message naming the paths tried
 * (see `describeWithDocs`), and a CI run fails (globalSetup.ts).
 */
import * as path from "path";
import type { ModuleKey } from "../../src/operations/types";
import {
  hasModuleDocuments,
  LEGACY_DIR,
  LEGACY_OPERATIONS,
  MODULE_FILES,
  MODULE_KEYS,
  openApiDirCandidates,
  readJson,
} from "../../scripts/generateOperations/documents";

export { hasModuleDocuments, LEGACY_DIR, LEGACY_OPERATIONS, MODULE_FILES, MODULE_KEYS };

/** The folders tests look in: `$SERVICETITAN_OPENAPI_DIR` alone when set, else the default places. */
export function testDocsCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const explicit = env.SERVICETITAN_OPENAPI_DIR?.trim();
  return explicit ? [path.resolve(explicit)] : openApiDirCandidates(env);
}

/** The folder holding every module document, or undefined when the documents are not available. */
export function findOpenApiDir(): string | undefined {
  return testDocsCandidates(process.env).find(hasModuleDocuments);
}

/** Human-readable reason for skipping, listing every path tried. */
export function missingDocsReason(): string {
  return (
    "ServiceTitan OpenAPI documents not found; skipping tests that need them. Paths tried:\n" +
    testDocsCandidates(process.env)
      .map((c) => `  - ${c}`)
      .join("\n") +
    "\nSet SERVICETITAN_OPENAPI_DIR to the folder holding crm-v2.json, jpm-v2.json, …"
  );
}

const cache = new Map<string, any>();

function load(file: string): any {
  let doc = cache.get(file);
  if (!doc) {
    doc = readJson(file);
    cache.set(file, doc);
  }
  return doc;
}

function requireDir(): string {
  const dir = findOpenApiDir();
  if (!dir) throw new Error(missingDocsReason());
  return dir;
}

/** The current (OpenAPI 3.1) document of a module, parsed (cached per process; do not mutate). */
export function loadDocument(moduleKey: ModuleKey): any {
  return load(path.join(requireDir(), MODULE_FILES[moduleKey]));
}

/**
 * The legacy OpenAPI 3.0.1 document of a module (only crm, jpm, dispatch, accounting, marketing exist),
 * or undefined when there is none.
 */
export function loadLegacyDocument(moduleKey: ModuleKey): any | undefined {
  const file = path.join(requireDir(), LEGACY_DIR, MODULE_FILES[moduleKey]);
  try {
    return load(file);
  } catch (err: any) {
    if (err?.code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * `describe` when the documents are available, otherwise `describe.skip` after a console.warn that says why.
 * Chosen once, at load time, so a missing folder shows as skipped tests rather than passing empty ones.
 */
export function describeWithDocs(name: string, fn: (dir: string) => void): void {
  const dir = findOpenApiDir();
  if (dir) {
    describe(name, () => fn(dir));
  } else {
    console.warn(missingDocsReason());
    describe.skip(name, () => fn(""));
  }
}
