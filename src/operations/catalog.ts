/**
 * The operation catalog: every generated descriptor joined with its curated entry and given a unique,
 * stable action key. Key collisions are an error here, so they cannot reach a published component.
 */
import { allOperations, catalogIndex, operationsByModule } from "./generated";
import { curatedOperations } from "./curated";
import { curatedInputProblems } from "./curated/check";
import type { CuratedOperation } from "./curated/types";
import { actionKeyFor } from "./naming";
import type { ModuleKey, OperationDescriptor } from "./types";

export interface CatalogEntry {
  key: string;
  op: OperationDescriptor;
  curated: CuratedOperation;
}

export const operationRef = (op: Pick<OperationDescriptor, "module" | "operationId">): string => `${op.module}:${op.operationId}`;

/** The generated descriptor of one operation, by module and ServiceTitan operationId; undefined when the contract has none. */
export const findOperation = (module: ModuleKey, operationId: string): OperationDescriptor | undefined =>
  operationsByModule[module]?.find((o) => o.operationId === operationId);

/** Every catalog action's key, in catalog order: read from the generated index, no descriptor parsed. */
export const catalogKeys = (): string[] => catalogIndex.map(([key]) => key);

let rowsByKey: Map<string, readonly [string, ModuleKey, string]> | undefined;

/**
 * One catalog entry by action key, made from the generated index (catalogIndex.json): only that
 * operation's module is parsed. The index is what buildCatalog made when `npm run generate` last ran,
 * with every check below passed; test/generated/catalogIndex.test.ts keeps it equal to buildCatalog().
 */
export const catalogEntry = (key: string): CatalogEntry | undefined => {
  rowsByKey ??= new Map(catalogIndex.map((row) => [row[0], row]));
  const row = rowsByKey.get(key);
  if (!row) return undefined;
  const [, module, operationId] = row;
  const op = findOperation(module, operationId);
  if (!op) throw new Error(`Catalog index: ${module}:${operationId} (action ${key}) is not in the generated catalog; run npm run generate.`);
  return { key, op, curated: curatedOperations[operationRef(op)] ?? {} };
};

/**
 * The whole catalog from the descriptors and curated words, every key derived and every check run:
 * unique keys, curated words naming only operations and inputs the contract has. `npm run generate`
 * writes its keys to the catalog index; tests and docs use it whole.
 */
export const buildCatalog = (
  operations: OperationDescriptor[] = allOperations(),
  curated: Record<string, CuratedOperation> = curatedOperations,
): CatalogEntry[] => {
  // Runs at every cold start: one pass, one ref string per operation, no per-entry copies.
  const refs = new Set<string>();
  const byKey = new Map<string, CatalogEntry[]>();
  let clashing = false;
  const misnamed: string[] = [];
  const entries = operations.map((op) => {
    const ref = operationRef(op);
    refs.add(ref);
    const c = curated[ref] ?? {};
    if (c.inputs) for (const problem of curatedInputProblems(op, c)) misnamed.push(`${ref} ${problem}`);
    const entry = { key: c.key ?? actionKeyFor(op), op, curated: c };
    const same = byKey.get(entry.key);
    if (same) {
      same.push(entry);
      clashing = true;
    } else byKey.set(entry.key, [entry]);
    return entry;
  });
  if (clashing) {
    const clashes = [...byKey.entries()].filter(([, list]) => list.length > 1);
    throw new Error(
      `Action keys must be unique; give these a curated key: ${clashes
        .map(([key, list]) => `${key} (${list.map((e) => operationRef(e.op)).join(", ")})`)
        .join("; ")}`,
    );
  }
  const unknown = Object.keys(curated).filter((ref) => !refs.has(ref));
  if (unknown.length) throw new Error(`Curated words name operations the contract does not have: ${unknown.join(", ")}.`);
  if (misnamed.length) throw new Error(`Curated words name inputs the contract does not have: ${misnamed.join("; ")}.`);
  return entries;
};
