/**
 * The product areas of hand-written work, in the order the component lists their actions and
 * triggers. A new area (Reporting, …) is one folder with an index.ts exporting a ProductArea
 * (src/core/productArea.ts) and one line here; src/index.ts, src/actions/index.ts and the docs
 * generator read this list and name no area themselves.
 */
import type { ConnectionDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import { type AreaDataSource, mergeKeyed, type ProductArea } from "./core/productArea";
import { crmArea } from "./crm";
import { leadsArea } from "./leads";
import { recordChangesArea } from "./recordChanges";
import { reportingArea } from "./reporting";
import { schedulingProArea } from "./schedulingPro";
import { webhooksArea } from "./webhooks";

export const areas: readonly ProductArea[] = [recordChangesArea, crmArea, schedulingProArea, webhooksArea, leadsArea, reportingArea];

/** Every area's triggers, keyed (a key defined twice fails at load). */
export const areaTriggers: Record<string, TriggerDefinition> = mergeKeyed(
  "Trigger",
  areas.map((a) => a.triggers),
);

/** Every area's own data sources, keyed. */
export const areaDataSources: Record<string, AreaDataSource> = mergeKeyed(
  "Data source",
  areas.map((a) => a.dataSources),
);

/** The connections the areas bring of their own (the Leads Integration Platform's), in area order. */
export const areaConnections: ConnectionDefinition[] = areas.flatMap((a) => a.connections);
