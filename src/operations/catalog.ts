/**
 * The operation catalog: every generated descriptor joined with its curated entry and given a unique,
 * stable action key. Key collisions are an error here, so they cannot reach a published component.
 */
import { generatedOperations, operationsByModule } from "./generated";
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

export const buildCatalog = (
  operations: OperationDescriptor[] = generatedOperations,
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
