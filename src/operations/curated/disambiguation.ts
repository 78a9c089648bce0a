import type { CuratedCatalog } from "./types";

/**
 * Operations whose derived keys would clash: ServiceTitan publishes two routes for the same thing
 * (tenant vs booking provider, old vs new path). Each gets a key that says which one it is.
 */
export const disambiguation: CuratedCatalog = {
  "crm:Bookings_GetList2": { key: "listBookingsByProvider", label: "List Bookings by Provider" },
  "crm:Bookings_GetContactList2": { key: "listBookingContactsByProvider", label: "List Booking Contacts by Provider" },
  "jpm:JobCancelReasons_GetList": { key: "listCancelReasons", label: "List Cancel Reasons (Job Cancel Reasons Route)" },
  "jpm:JobHoldReasons_Get": { key: "listHoldReasons", label: "List Hold Reasons (Job Hold Reasons Route)" },
  "accounting:InventoryBills_GetListPaginated": { key: "listInventoryBillsPaginated", label: "List Inventory Bills (Paged)" },
  "equipmentsystems:InstalledEquipment_Get2": { key: "listInstalledEquipmentAttachments", label: "List Installed Equipment Attachments" },
  "marketing:Campaigns_GetCosts": { key: "listCostsOfCampaign", label: "List Costs of Campaign" },
};
