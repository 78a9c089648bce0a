/** Shared set-up for the data source tests: a harness over the real component and sandbox helpers. */
import { recordForScan } from "../support/secretScan";
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import type { Sandbox } from "../../sandbox/server";
import type { Rec } from "../../sandbox/store";

export const harness = createHarness(component);

export interface Item {
  key: string;
  label: string;
}

/** Log lines written by data sources during the tests (cleared by `clearLogs`). */
export const logs: Array<{ level: string; text: string }> = [];
export const clearLogs = (): void => {
  logs.length = 0;
};
const capture = (level: string) => (...args: unknown[]) => {
  const text = args.map(String).join(" ");
  logs.push({ level, text });
  recordForScan(`logger.${level}`, text);
};
const logger = { debug: capture("debug"), info: capture("info"), log: capture("log"), warn: capture("warn"), error: capture("error"), metric: capture("metric") };

/** Calls a data source through Spectral's adapter (inputs cleaned, defaults applied). */
export const runDataSource = async (key: string, params: Record<string, unknown>): Promise<Item[]> => {
  const out = (await harness.dataSource(key, params, { logger } as never)) as { result: Item[] };
  return out.result;
};

/** API requests the sandbox received (the token exchange excluded). */
export const apiRequests = (sandbox: Sandbox) => sandbox.requests.filter((r) => /\/v2\/tenant\//.test(r.path));

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
