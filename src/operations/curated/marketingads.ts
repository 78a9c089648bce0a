/**
 * Curated words for ServiceTitan Marketing Ads (module "marketingads"), one entry per operation keyed by
 * operationId: ad attribution: campaign performance, attributed leads and external call attributions. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  Performance_Get: { key: "listAdPerformance", label: "List Ad Campaign Performance" },
  CapacityAwarenessWarning_Get: { key: "getCapacityWarnings", label: "Get Capacity Warnings" },
};
