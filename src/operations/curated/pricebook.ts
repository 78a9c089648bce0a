/**
 * Curated words for ServiceTitan Pricebook (module "pricebook"), one entry per operation keyed by
 * operationId: the pricebook: services, materials, equipment, discounts and fees, and their categories. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  Categories_GetList: { key: "listPricebookCategories", label: "List Pricebook Categories" },
  Categories_Create: { key: "createPricebookCategory", label: "Create Pricebook Category" },
  Categories_Get: { key: "getPricebookCategory", label: "Get Pricebook Category" },
  Categories_Update: { key: "updatePricebookCategory", label: "Update Pricebook Category" },
  Categories_Delete: { key: "deletePricebookCategory", label: "Delete Pricebook Category" },
  Export_Categories: { key: "exportPricebookCategories", label: "Export Pricebook Categories" },
  Equipment_GetList: { key: "listPricebookEquipment", label: "List Pricebook Equipment" },
  Equipment_Create: { key: "createPricebookEquipment", label: "Create Pricebook Equipment" },
  Equipment_Get: { key: "getPricebookEquipment", label: "Get Pricebook Equipment" },
  Equipment_Update: { key: "updatePricebookEquipment", label: "Update Pricebook Equipment" },
  Equipment_Delete: { key: "deletePricebookEquipment", label: "Delete Pricebook Equipment" },
  Export_Equipment: { key: "exportPricebookEquipment", label: "Export Pricebook Equipment" },
  Materials_GetList: { key: "listPricebookMaterials", label: "List Pricebook Materials" },
  Materials_Create: { key: "createPricebookMaterial", label: "Create Pricebook Material" },
  Materials_Get: { key: "getPricebookMaterial", label: "Get Pricebook Material" },
  Materials_Update: { key: "updatePricebookMaterial", label: "Update Pricebook Material" },
  Materials_Delete: { key: "deletePricebookMaterial", label: "Delete Pricebook Material" },
  Export_Materials: { key: "exportPricebookMaterials", label: "Export Pricebook Materials" },
  Services_GetList: { key: "listPricebookServices", label: "List Pricebook Services" },
  Services_Create: { key: "createPricebookService", label: "Create Pricebook Service" },
  Services_Get: { key: "getPricebookService", label: "Get Pricebook Service" },
  Services_Update: { key: "updatePricebookService", label: "Update Pricebook Service" },
  Services_Delete: { key: "deletePricebookService", label: "Delete Pricebook Service" },
  Export_Services: { key: "exportPricebookServices", label: "Export Pricebook Services" },
  ClientSpecificPricing_GetAllRateSheets: { key: "listClientSpecificRateSheets", label: "List Client-Specific Pricing Rate Sheets" },
  ClientSpecificPricing_UpdateRateSheet: { key: "updateClientSpecificRateSheet", label: "Update Client-Specific Pricing Rate Sheet" },
  DiscountAndFees_GetList: { key: "listDiscountsAndFees", label: "List Discounts and Fees" },
  DiscountAndFees_Create: { key: "createDiscountOrFee", label: "Create Discount or Fee" },
  DiscountAndFees_Get: { key: "getDiscountOrFee", label: "Get Discount or Fee" },
  DiscountAndFees_Update: { key: "updateDiscountOrFee", label: "Update Discount or Fee" },
  DiscountAndFees_Delete: { key: "deleteDiscountOrFee", label: "Delete Discount or Fee" },
  Materials_GetCostTypes: { key: "listPricebookMaterialCostTypes", label: "List Pricebook Material Cost Types" },
  MaterialsMarkup_GetList: { key: "listMaterialMarkups", label: "List Material Markups" },
  MaterialsMarkup_Create: { key: "createMaterialMarkup", label: "Create Material Markup" },
  MaterialsMarkup_Get: { key: "getMaterialMarkup", label: "Get Material Markup" },
  MaterialsMarkup_Update: { key: "updateMaterialMarkup", label: "Update Material Markup" },
  Images_Get: {
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
