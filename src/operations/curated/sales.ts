/**
 * Curated words for ServiceTitan Sales and Estimates (module "sales"), one entry per operation keyed by
 * operationId: estimates and their items. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";
import { closed } from "./words";

export const curation: ModuleCuration = {
  EstimatesExport_EstimatesAsyncLegacy: {
    key: "exportEstimatesLegacy",
    label: "Export Estimates (Older Feed)",
    description:
      "Exports estimates from ServiceTitan Sales and Estimates through the older export path; prefer Export Estimates, the current one. Works as a change feed: returns estimates created or changed since From, with a Continue From token for the next call; Drain Until Caught Up reads every batch. Calls GET /estimates/export (scope tn.sal.estimates:r).",
  },
  Estimates_PutItem: {
    key: "upsertEstimateItem",
    label: "Add or Update Estimate Item",
    description:
      "Adds an item (a pricebook service, material or equipment, with quantity and price) to an estimate, or updates the one it names, in ServiceTitan Sales and Estimates. Calls PUT /estimates/{id}/items (scope tn.sal.estimates:w).",
    inputs: {
      "body.id": {
        label: "Estimate Item ID",
        comments: {
          replace: "The estimate's item to update, by ID (from Get Estimate or List Estimate Items); leave empty to add a new item.",
        },
      },
    },
  },
  Estimates_Sell: {
    key: "sellEstimate",
    label: "Sell Estimate",
    description:
      "Marks an estimate as sold in ServiceTitan Sales and Estimates, crediting the employee who sold it. Calls PUT /estimates/{id}/sell (scope tn.sal.estimates:w).",
  },
  Estimates_Unsell: {
    key: "unsellEstimate",
    label: "Unsell Estimate",
    description:
      "Returns a sold estimate to open in ServiceTitan Sales and Estimates, undoing Sell Estimate. Calls PUT /estimates/{id}/unsell (scope tn.sal.estimates:w).",
  },
  ProposalTypes_Get: { key: "listProposalTypes", label: "List Proposal Types" },
  Estimates_GetList: { inputs: { "query.status": closed({ Publish: "Published", Draft: "Draft" }, { example: "Publish" }) } },
};
