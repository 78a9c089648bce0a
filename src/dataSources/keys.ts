/**
 * The keys of the component's data sources. Kept apart from their definitions so input factories
 * can link to them without importing the data sources themselves. Must list exactly the keys built in
 * index.ts (test/dataSources/keys.test.ts checks both ways).
 */
export const DATA_SOURCE_KEYS: ReadonlySet<string> = new Set<string>([
  // already used by integration builders
  "selectAppointment",
  "selectBooking",
  "selectCustomers",
  "selectInstalledEquipment",
  "selectInvoice",
  "selectJob",
  "selectLocation",
  "selectProject",
  "selectTechnician",
  // reference lists
  "selectBusinessUnit",
  "selectJobType",
  "selectCampaign",
  "selectTagType",
  "selectJobCancelReason",
  "selectCallReason",
  "selectJobHoldReason",
  "selectUserRole",
  "selectBookingProviderTag",
  "selectCustomerContact",
  "selectScheduler",
]);
