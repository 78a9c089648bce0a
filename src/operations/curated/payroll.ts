/**
 * Curated words for ServiceTitan Payroll (module "payroll"), one entry per operation keyed by
 * operationId: payroll: gross pay items, adjustments, timesheets, activity codes and pay rates. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  LocationLaborType_GetListByLocations: { key: "listLocationLaborRates", label: "List Location Labor Rates" },
};
