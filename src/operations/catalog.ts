/**
 * The operation catalog: every generated descriptor joined with its curated entry and given a unique,
 * stable action key. Key collisions are an error here, so they cannot reach a published component.
 */
import { generatedOperations } from "./generated";
import { curatedOperations } from "./curated";
import type { CuratedOperation } from "./curated/types";
import { actionKeyFor } from "./naming";
import type { OperationDescriptor } from "./types";

export interface CatalogEntry {
  key: string;
  op: OperationDescriptor;
  curated: CuratedOperation;
}

export const operationRef = (op: Pick<OperationDescriptor, "module" | "operationId">): string => `${op.module}:${op.operationId}`;

export const buildCatalog = (
  operations: OperationDescriptor[] = generatedOperations,
  curated: Record<string, CuratedOperation> = curatedOperations,
): CatalogEntry[] => {
  const entries = operations.map((op) => {
    const c = curated[operationRef(op)] ?? {};
    return { key: c.key ?? actionKeyFor(op), op, curated: c };
  });
  const byKey = new Map<string, CatalogEntry[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const clashes = [...byKey.entries()].filter(([, list]) => list.length > 1);
  if (clashes.length) {
    throw new Error(
      `Action keys must be unique; give these a curated key: ${clashes
        .map(([key, list]) => `${key} (${list.map((e) => operationRef(e.op)).join(", ")})`)
        .join("; ")}`,
    );
  }
  for (const ref of Object.keys(curated)) {
    if (!operations.some((op) => operationRef(op) === ref)) {
      throw new Error(`Curated entry ${ref} matches no operation in the contract.`);
    }
  }
  return entries;
};
