/**
 * The component's data sources: one picklist per definition in definitions.ts, built by the one
 * picklist factory. keys.ts reads the same keys from definitions.ts (test/dataSources/links.test.ts
 * checks them against what the component ships) so the action factory can link inputs without
 * importing this module.
 */
import { picklistDefinitions } from "./definitions";
import { type AnyDataSource, buildPicklist, type BuiltPicklist } from "./picklist";

export type { AnyDataSource } from "./picklist";

export const builtPicklists: BuiltPicklist[] = picklistDefinitions.map(buildPicklist);

export const dataSources: Record<string, AnyDataSource> = (() => {
  const out: Record<string, AnyDataSource> = {};
  for (const built of builtPicklists) {
    if (built.key in out) throw new Error(`Data source key ${built.key} is defined twice.`);
    out[built.key] = built.dataSource;
  }
  return out;
})();
