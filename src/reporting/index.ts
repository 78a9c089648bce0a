/**
 * Reporting workflows: Run Report (actions/runReport.ts) — a report's parameters checked against its
 * definition (parameters.ts), its pages read at ServiceTitan's pace and its rows keyed by field name
 * (run.ts). The Report Category and Report dropdowns are picklists like every other (src/dataSources/
 * definitions.ts: generic machinery stays horizontal); the generated Reporting actions take their words from
 * src/operations/curated/reporting.ts.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { runReport } from "./actions/runReport";

export const reportingArea: ProductArea = {
  key: "reporting",
  title: "Reporting workflows",
  actions: { runReport: runReport as unknown as ActionDefinition },
  triggers: {},
  dataSources: {},
  connections: [],
};
