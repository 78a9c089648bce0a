/** Shared set-up for the data source tests: the one test harness (test/support/harness.ts) and sandbox helpers. */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import type { Rec } from "../../sandbox/store";
import { captureLogger, spectral } from "../support/harness";

export const harness = spectral;

export interface Item {
  key: string;
  label: string;
}

const captured = captureLogger();
const { logger } = captured;
/** Log lines written by data sources during the tests (cleared by `clearLogs`). */
export const logs = captured.entries;
export const clearLogs = captured.clear;

/** Calls a data source through Spectral's adapter (inputs cleaned, defaults applied). */
export const runDataSource = async (key: string, params: Record<string, unknown>): Promise<Item[]> => {
  const out = (await harness.dataSource(key, params, { logger } as never)) as { result: Item[] };
  return out.result;
};

/** API requests the sandbox received (the token exchange excluded). */
export const apiRequests = (sandbox: Sandbox) => sandbox.requests.filter((r) => /\/v\d+\/tenant\//.test(r.path));

/** Inserts `count` records built by `make(i)` into a sandbox collection. */
export const insertMany = (
  sandbox: Sandbox,
  collection: string,
  count: number,
  make: (i: number) => Record<string, unknown>,
  parent?: string,
): Rec[] => Array.from({ length: count }, (_, i) => sandbox.store.insert(collection, make(i), parent ? { parent } : {}));

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** True when labels are in the picklist order (case-insensitive, numeric-aware). */
export const isSorted = (items: Item[]): boolean => items.every((item, i) => i === 0 || collator.compare(items[i - 1].label, item.label) <= 0);

export type { Connection };
