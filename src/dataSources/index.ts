/**
 * The component's data sources: one picklist per definition in definitions.ts, built by the one
 * picklist factory. keys.ts reads the same keys from definitions.ts (test/dataSources/links.test.ts
 * checks them against what the component ships) so the action factory can link inputs without
 * importing this module.
 *
 * Each picklist is built on first read (issue 16 item 9, cold start): building one joins it with its
 * operation's descriptor, which parses that module's generated descriptors; an execution needs one.
 */
import { lazyRecord } from "../core/lazy";
import { picklistDefinitions } from "./definitions";
import { type AnyDataSource, buildPicklist, type BuiltPicklist } from "./picklist";

export type { AnyDataSource } from "./picklist";

const keys = picklistDefinitions.map((d) => d.key);
const twice = keys.find((key, i) => keys.indexOf(key) !== i);
if (twice) throw new Error(`Data source key ${twice} is defined twice.`);

/** Each picklist by key, built on first read. */
const picklists: Record<string, BuiltPicklist> = lazyRecord(keys, (key) =>
  buildPicklist(picklistDefinitions.find((d) => d.key === key) as (typeof picklistDefinitions)[number]),
);

/** Every picklist, in definition order (builds them all: docs and tests). */
export const builtPicklists = (): BuiltPicklist[] => keys.map((key) => picklists[key]);

export const dataSources: Record<string, AnyDataSource> = lazyRecord(keys, (key) => picklists[key].dataSource);
