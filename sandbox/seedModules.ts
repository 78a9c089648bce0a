/**
 * Seed records for the modules the sandbox serves only generically (issue 16 item 7): each top-level list
 * of these modules starts with a few records shaped like the item its document describes (the generator's
 * example: names, amounts and dates like the rest of the seed), so a flow built on List Pricebook Services
 * or List Memberships sees data before it creates any. Deterministic: a fixed count per list, timestamps in
 * 2024; inserted after every other seed record, so no earlier id moves. Export feeds read the same
 * collections.
 */
import type { OperationDescriptor } from "../src/operations/types";
import { itemExample } from "./generic";
import { collectionKey, type Store } from "./store";

export const GENERIC_SEED_MODULES: readonly string[] = [
  "memberships",
  "pricebook",
  "service-agreements",
  "timesheets",
  "payroll",
  "inventory",
  "forms",
  "sales",
  "customer-interactions",
  "marketingads",
  "marketingreputation",
  "findings",
];

const RECORDS_PER_LIST = 3;

export const seedModuleRecords = (store: Store, operations: readonly OperationDescriptor[]): void => {
  const modules = new Set(GENERIC_SEED_MODULES);
  for (const d of operations) {
    if (!modules.has(d.module) || d.kind !== "list" || d.method !== "GET" || d.path.includes("{")) continue;
    const key = collectionKey(d.module, d.path);
    const example = itemExample(d);
    if (store.all(key).length > 0 || typeof example !== "object" || example === null || Array.isArray(example)) continue;
    for (let i = 0; i < RECORDS_PER_LIST; i++) {
      const { id: _id, createdOn: _c, modifiedOn: _m, ...fields } = structuredClone(example) as Record<string, unknown>;
      const on = new Date(Date.UTC(2024, 10, 4 + i * 7, 15)).toISOString();
      store.insert(key, fields, { createdOn: on, modifiedOn: on });
    }
  }
};
