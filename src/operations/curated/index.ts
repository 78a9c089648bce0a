/**
 * The curated catalog: each catalog module's curated file (curated/<module>.ts, named by its registry
 * entry in ../modules.ts) compiled into entries keyed by "<module>:<operationId>", the form the catalog
 * and the factory read. Comment words become `comments` (replace the generated comment) or `note`
 * (added after it). Unknown operation IDs and input keys are refused when the catalog is built
 * (../catalog.ts).
 *
 * Seed parity: the 58 action keys, labels and input keys that integrations built on the earlier
 * ServiceTitan component are wired to (seed 001) live in the module files as entries with a `key`;
 * test/seed pins them against its own table, whatever file an entry is in. Keys are kept exactly, the
 * typo `deletCustomersContact` included; `rawRequest` is hand-written (src/actions/rawRequest.ts).
 */
import { defineLazy } from "../../core/lazy";
import { CATALOG_MODULES, type ModuleKey } from "../modules";
import { SORT_FIELDS } from "./sortFields";
import { sortBy } from "./words";
import type { CuratedCatalog, CuratedInput, CuratedOperation, InputWords, ModuleCuration, OperationWords } from "./types";

const compileInput = (where: string, words: InputWords): CuratedInput => {
  const { comments, ...rest } = words;
  if (comments === undefined) return rest;
  if (typeof comments.replace === "string" && comments.add === undefined) return { ...rest, comments: comments.replace };
  if (typeof comments.add === "string" && comments.replace === undefined) return { ...rest, note: comments.add };
  throw new Error(`Curated words for ${where}: comments must be { replace: "…" } or { add: "…" }.`);
};

const compileOperation = (ref: string, words: OperationWords): CuratedOperation => {
  if (!words.inputs) return words as CuratedOperation;
  const inputs: Record<string, CuratedInput> = {};
  for (const [field, input] of Object.entries(words.inputs)) inputs[field] = compileInput(`${ref} input ${field}`, input);
  return { ...words, inputs };
};

/** One module's curated file as catalog entries. */
export const compileModule = (module: string, curation: ModuleCuration): CuratedCatalog => {
  const out: CuratedCatalog = {};
  for (const [operationId, words] of Object.entries(curation)) {
    const ref = `${module}:${operationId}`;
    out[ref] = compileOperation(ref, words);
  }
  return out;
};

/** An operation's curated words with its list's Sort closed to the fields its document names (sortFields.ts). */
const withSortFields = (words: OperationWords | undefined, fields: readonly string[] | undefined): OperationWords => {
  if (!fields) return words ?? {};
  const w = words ?? {};
  return { ...w, inputs: { "query.sort": sortBy(fields), ...w.inputs } };
};

/**
 * Every catalog module's curated words, keyed "<module>:<operationId>", each compiled on first read
 * (cold start: an execution reads one action's words). Keys in module order, each module's curated
 * operations first, then those that only have Sort fields.
 */
export const curatedOperations: CuratedCatalog = (() => {
  const out: CuratedCatalog = {};
  for (const m of CATALOG_MODULES) {
    const module: ModuleKey = m.key;
    const curation: ModuleCuration = m.curated;
    const sorts: Record<string, readonly string[]> = SORT_FIELDS[module] ?? {};
    for (const operationId of new Set([...Object.keys(curation), ...Object.keys(sorts)])) {
      const ref = `${module}:${operationId}`;
      defineLazy(out, ref, () => compileOperation(ref, withSortFields(curation[operationId], sorts[operationId])));
    }
  }
  return out;
})();
