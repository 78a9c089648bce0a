/**
 * Curated words for ServiceTitan Marketing Reputation (module "marketingreputation"), one entry per operation keyed by
 * operationId: reviews. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  reviews: {
    inputs: {
      "query.campaignIds": { label: "Campaign IDs", dataSource: "selectCampaign" },
      "query.sources": { comments: { replace: "Only reviews from these review sites, such as Google or Facebook: one per row, or separated by commas." }, example: "Google" },
      "query.fromRating": { comments: { replace: "Only reviews rated at least this many stars (1 to 5)." }, example: "4" },
      "query.toRating": { comments: { replace: "Only reviews rated at most this many stars (1 to 5)." }, example: "5" },
    },
  },
};
