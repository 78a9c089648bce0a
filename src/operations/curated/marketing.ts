/**
 * Curated words for ServiceTitan Marketing (module "marketing"), one entry per operation keyed by operationId.
 * Two routes whose derived keys would clash: the campaign costs route gets a key that says which it is.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  // ---- campaigns -----------------------------------------------------------------------------------------------
  Campaigns_GetCosts: { key: "listCostsOfCampaign", label: "List Costs of Campaign" },
};
