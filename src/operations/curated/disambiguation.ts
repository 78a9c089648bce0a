import type { CuratedCatalog } from "./types";

/**
 * Operations whose derived keys would clash: ServiceTitan publishes two routes for the same thing
 * (tenant vs booking provider, old vs new path). Each gets a key that says which one it is.
 */
export const disambiguation: CuratedCatalog = {
  "crm:Bookings_GetContactList2": { key: "listBookingContactsByProvider", label: "List Booking Contacts by Provider" },
  // The seed's listJobCancelReasons is the reason catalog (/job-cancel-reasons, see seed.ts); this
  // route returns the reasons given for specific jobs.
  "jpm:Jobs_GetCancelReasons": { key: "listCancelReasonsForJobs", label: "List Cancel Reasons for Jobs" },
  "jpm:JobHoldReasons_Get": { key: "listHoldReasons", label: "List Hold Reasons (Job Hold Reasons Route)" },
  "accounting:InventoryBills_GetListPaginated": { key: "listInventoryBillsPaginated", label: "List Inventory Bills (Paged)" },
  "marketing:Campaigns_GetCosts": { key: "listCostsOfCampaign", label: "List Costs of Campaign" },
};
