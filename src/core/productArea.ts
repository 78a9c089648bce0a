/**
 * What a product area hands to the component (issue 17): one folder per area of hand-written work
 * (src/crm/, src/schedulingPro/, src/leads/, src/recordChanges/, src/webhooks/), each exporting one
 * value of this shape from its index.ts. src/areas.ts lists them; src/index.ts, src/actions/index.ts
 * and the docs generator loop over that list instead of naming each area.
 *
 * The shape lives in the leaf folder so every area can name it without importing another folder that
 * imports areas back.
 */
import type {
  ActionDefinition,
  ConfigVarResultCollection,
  ConnectionDefinition,
  DataSourceDefinition,
  DataSourceType,
  Inputs,
  TriggerDefinition,
} from "@prismatic-io/spectral";
import { copyProperty } from "./lazy";

export type AreaDataSource = DataSourceDefinition<Inputs, ConfigVarResultCollection, DataSourceType>;

/** A reference page of its own in documentation/reference/ (an area that is an API apart). */
export interface ReferenceGroup {
  slug: string;
  title: string;
  /** The page's first line. */
  intro: string;
}

export interface ProductArea {
  /** The area's folder under src/, e.g. "crm". */
  key: string;
  title: string;
  /** Keyed as the component registers them; keys are unique across the whole component. */
  actions: Record<string, ActionDefinition>;
  triggers: Record<string, TriggerDefinition>;
  dataSources: Record<string, AreaDataSource>;
  /** Connections of the area's own (the Leads Integration Platform has its own credentials). */
  connections: ConnectionDefinition[];
  /** Where its actions appear in the reference; without one they appear under "Workflows". */
  referenceGroup?: ReferenceGroup;
}

/**
 * One record from many, in order; a key seen twice is an error (`<what> key <key> is defined twice.`).
 * Values are not read: a value made on first read (src/core/lazy.ts) stays so in the merged record.
 */
export const mergeKeyed = <T>(what: string, parts: ReadonlyArray<Record<string, T>>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const part of parts) {
    for (const key of Object.keys(part)) {
      if (key in out) throw new Error(`${what} key ${key} is defined twice.`);
      copyProperty(part, out, key);
    }
  }
  return out;
};
