/**
 * Curated words for ServiceTitan Pricebook (module "pricebook"), one entry per operation keyed by
 * operationId: the pricebook: services, materials, equipment, discounts and fees, and their categories. The generator's words fit the operations not listed here.
 */
import { InputError } from "../../core/errors";
import type { ModuleCuration, OperationWords } from "./types";
import { idAgainInBody } from "./words";

/**
 * ServiceTitan's contract pairs a pricebook item's budget cost code with its cost type: one without the
 * other is refused here, before anything is sent (issue 16 item 4).
 */
export const checkBudgetCostPair = (params: Record<string, unknown>): void => {
  const code = params.budgetCostCode !== undefined;
  const type = params.budgetCostType !== undefined;
  if (code !== type)
    throw new InputError(
      `Budget Cost Code and Budget Cost Type go together: set both or neither (only ${code ? "Budget Cost Code" : "Budget Cost Type"} is set).`,
    );
};

/** A create or update of a pricebook item: its key and label, with the budget cost pair checked. */
const item = (key: string, label: string): OperationWords => ({ key, label, validate: checkBudgetCostPair });

const MARKUP_ID_AGAIN = idAgainInBody("materialMarkupId", "Material Markup ID", "Markup Tier ID (Body)");

const MARKUP_INPUTS = {
  "body.from": {
    label: "Cost From",
    comments: { replace: "Lowest material cost this markup tier applies to, in the account's currency." },
    example: "0",
  },
  "body.to": {
    label: "Cost To",
    comments: { replace: "Highest material cost this markup tier applies to, in the account's currency." },
    example: "50",
  },
  "body.percent": {
    label: "Markup Percent",
    comments: { replace: "Markup added to the material's cost in this tier, in percent (50 adds half the cost)." },
    example: "50",
  },
} as const;

export const curation: ModuleCuration = {
  Categories_GetList: { key: "listPricebookCategories", label: "List Pricebook Categories" },
  Categories_Create: { key: "createPricebookCategory", label: "Create Pricebook Category" },
  Categories_Get: { key: "getPricebookCategory", label: "Get Pricebook Category" },
  Categories_Update: { key: "updatePricebookCategory", label: "Update Pricebook Category" },
  Categories_Delete: { key: "deletePricebookCategory", label: "Delete Pricebook Category" },
  Export_Categories: { key: "exportPricebookCategories", label: "Export Pricebook Categories" },
  Equipment_GetList: { key: "listPricebookEquipment", label: "List Pricebook Equipment" },
  Equipment_Create: item("createPricebookEquipment", "Create Pricebook Equipment"),
  Equipment_Get: { key: "getPricebookEquipment", label: "Get Pricebook Equipment" },
  Equipment_Update: item("updatePricebookEquipment", "Update Pricebook Equipment"),
  Equipment_Delete: { key: "deletePricebookEquipment", label: "Delete Pricebook Equipment" },
  Export_Equipment: { key: "exportPricebookEquipment", label: "Export Pricebook Equipment" },
  Materials_GetList: { key: "listPricebookMaterials", label: "List Pricebook Materials" },
  Materials_Create: item("createPricebookMaterial", "Create Pricebook Material"),
  Materials_Get: { key: "getPricebookMaterial", label: "Get Pricebook Material" },
  Materials_Update: item("updatePricebookMaterial", "Update Pricebook Material"),
  Materials_Delete: { key: "deletePricebookMaterial", label: "Delete Pricebook Material" },
  Export_Materials: { key: "exportPricebookMaterials", label: "Export Pricebook Materials" },
  Services_GetList: { key: "listPricebookServices", label: "List Pricebook Services" },
  Services_Create: item("createPricebookService", "Create Pricebook Service"),
  Services_Get: { key: "getPricebookService", label: "Get Pricebook Service" },
  Services_Update: item("updatePricebookService", "Update Pricebook Service"),
  Services_Delete: { key: "deletePricebookService", label: "Delete Pricebook Service" },
  Export_Services: { key: "exportPricebookServices", label: "Export Pricebook Services" },
  ClientSpecificPricing_GetAllRateSheets: { key: "listClientSpecificRateSheets", label: "List Client-Specific Pricing Rate Sheets" },
  ClientSpecificPricing_UpdateRateSheet: { key: "updateClientSpecificRateSheet", label: "Update Client-Specific Pricing Rate Sheet" },
  DiscountAndFees_GetList: { key: "listDiscountsAndFees", label: "List Discounts and Fees" },
  DiscountAndFees_Create: item("createDiscountOrFee", "Create Discount or Fee"),
  DiscountAndFees_Get: { key: "getDiscountOrFee", label: "Get Discount or Fee" },
  DiscountAndFees_Update: item("updateDiscountOrFee", "Update Discount or Fee"),
  DiscountAndFees_Delete: { key: "deleteDiscountOrFee", label: "Delete Discount or Fee" },
  Materials_GetCostTypes: { key: "listPricebookMaterialCostTypes", label: "List Pricebook Material Cost Types" },
  MaterialsMarkup_GetList: { key: "listMaterialMarkups", label: "List Material Markups" },
  MaterialsMarkup_Create: {
    key: "createMaterialMarkup",
    label: "Create Material Markup",
    inputs: {
      "body.id": {
        label: "Markup Tier ID",
        comments: { replace: "ID for the new markup tier; ServiceTitan's contract asks for one on creation." },
      },
      ...MARKUP_INPUTS,
    },
  },
  MaterialsMarkup_Get: {
    key: "getMaterialMarkup",
    label: "Get Material Markup",
    inputs: { "path.id": { key: "materialMarkupId", label: "Material Markup ID", comments: { replace: "The markup tier to read, by ID (see List Material Markups)." } } },
  },
  MaterialsMarkup_Update: {
    key: "updateMaterialMarkup",
    label: "Update Material Markup",
    inputs: {
      "path.id": {
        key: "materialMarkupId",
        label: "Material Markup ID",
        comments: { replace: "The markup tier to change, by ID (see List Material Markups)." },
      },
      "body.id": MARKUP_ID_AGAIN.input,
      ...MARKUP_INPUTS,
    },
    validate: MARKUP_ID_AGAIN.validate,
  },
  Images_Get: {
    inputs: {
      "query.path": {
        label: "Image Path",
        comments: {
          replace: "Where the image is stored: a path from a pricebook item's images, or the one Upload Pricebook Image returned.",
        },
      },
    },
    key: "downloadPricebookImage",
    label: "Download Pricebook Image",
    description:
      "Downloads one image of a pricebook item from ServiceTitan Pricebook, as file data with its content type; Path is the image path the item's record lists. Calls GET /images (scope tn.pb.images:r).",
  },
  Images_Post: {
    key: "uploadPricebookImage",
    label: "Upload Pricebook Image",
    description:
      "Uploads an image to ServiceTitan Pricebook and returns its path, to put in a pricebook item's images. Calls POST /images (scope tn.pb.images:w).",
  },
  PricebookBulk_Create: {
    key: "createPricebookItemsBulk",
    label: "Create Pricebook Items (Bulk)",
    description:
      "Creates many pricebook items (services, materials, equipment) in one call in ServiceTitan Pricebook. Calls POST /pricebook (scope tn.pb.pricebook:w).",
  },
  PricebookBulk_Update: {
    key: "updatePricebookItemsBulk",
    label: "Update Pricebook Items (Bulk)",
    description:
      "Updates many pricebook items (services, materials, equipment) in one call in ServiceTitan Pricebook; only the fields given are changed. Calls PATCH /pricebook (scope tn.pb.pricebook:w).",
  },
};
