/**
 * Seed records for every collection the hand-written seed (seedData.ts) leaves empty (issue 16 item 7):
 * each list and export operation of the catalog finds records, shaped like its documented response item
 * (the descriptors' realistic examples), so a flow or the record trigger built on any module has
 * something to read in the sandbox.
 *
 * Deterministic: same operations, same seed → same records. Runs after the hand-written seed, so no
 * record of it changes id. A collection under a parent (`/jobs/{}/notes`) is seeded under the parent
 * collection's first records when that collection has any; otherwise it is left empty.
 */
import type { OperationDescriptor } from "../src/operations/types";
import { exportCollectionKey, isPlainObject, itemExample } from "./generic";
import { collectionKey, type Store } from "./store";

const PARENTS_PER_COLLECTION = 2;

/** The n-th record (from 1) made from an example: its own id, names told apart, timestamps a day apart. */
const variant = (example: Record<string, unknown>, n: number, createdOn: string): Record<string, unknown> => {
  const out: Record<string, unknown> = structuredClone(example);
  delete out.id;
  for (const field of ["name", "displayName", "code", "number"]) {
    if (typeof out[field] === "string" && n > 1) out[field] = `${out[field]} ${n}`;
  }
  out.createdOn = createdOn;
  out.modifiedOn = createdOn;
  out.active = true;
  return out;
};

/** Collection key and item example of each list or export operation, in catalog order. */
const seedTargets = (operations: readonly OperationDescriptor[], handled: (op: OperationDescriptor) => boolean): Map<string, Record<string, unknown>> => {
  const out = new Map<string, Record<string, unknown>>();
  for (const op of operations) {
    if (op.method !== "GET" || (op.kind !== "list" && op.kind !== "export")) continue;
    // a hand-written list handler makes its own records; export feeds read whatever the collection holds
    if (op.kind === "list" && handled(op)) continue;
    const key = op.kind === "export" ? exportCollectionKey(op.module, op.path) : collectionKey(op.module, op.path);
    const example = itemExample(op);
    if (!out.has(key) && isPlainObject(example) && Object.keys(example).length > 0) out.set(key, example);
  }
  return out;
};

/**
 * Fills every empty collection of the given operations with `count` records (per parent); returns the keys it filled. `handled` names the
 * operations a hand-written handler serves (sandbox/resources/): their data is that handler's to make.
 */
export const seedGeneric = (
  store: Store,
  operations: readonly OperationDescriptor[],
  count: number,
  handled: (op: OperationDescriptor) => boolean = () => false,
): string[] => {
  if (count <= 0) return [];
  const filled: string[] = [];
  const day = 24 * 3600 * 1000;
  const start = Date.UTC(2024, 11, 1);
  let tick = 0;
  // parents before the collections under them (a stable sort keeps catalog order otherwise)
  const depth = (key: string) => key.split("{}").length;
  const targets = [...seedTargets(operations, handled)].sort(([a], [b]) => depth(a) - depth(b));
  for (const [key, example] of targets) {
    if (store.all(key).length > 0) continue;
    const at = key.lastIndexOf("/{}");
    let parents: string[] = [""];
    if (at >= 0) {
      // "jpm:/jobs/{}/notes" → parent collection "jpm:/jobs"; only the last parameter binds a parent
      const parentKey = key.slice(0, at);
      if (parentKey.includes("{}")) continue;
      parents = store.all(parentKey).slice(0, PARENTS_PER_COLLECTION).map((p) => String(p.id));
      if (!parents.length) continue;
    }
    for (const parent of parents) {
      for (let n = 1; n <= count; n++) {
        const createdOn = new Date(start + day * (tick++ % 28)).toISOString();
        store.insert(key, variant(example, n, createdOn), { parent, createdOn });
      }
    }
    filled.push(key);
  }
  return filled;
};
