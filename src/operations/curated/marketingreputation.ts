/**
 * Curated words for ServiceTitan Marketing Reputation (module "marketingreputation"), one entry per operation keyed by
 * operationId: reviews. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  reviews: { inputs: { "query.campaignIds": { label: "Campaign IDs", dataSource: "selectCampaign" } } },
};
