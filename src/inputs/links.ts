/**
 * Which data source fills which ID input. One table, used by the action factory (generated actions),
 * hand-written actions and triggers alike; the input-standards test checks every ID input that has a
 * matching data source is linked.
 */
export const DATA_SOURCE_FOR_INPUT: Record<string, string> = {
  customerId: "selectCustomers",
  locationId: "selectLocation",
  jobId: "selectJob",
  appointmentId: "selectAppointment",
  jobAppointmentId: "selectAppointment",
  technicianId: "selectTechnician",
  technicianIds: "selectTechnician",
  invoiceId: "selectInvoice",
  projectId: "selectProject",
  bookingId: "selectBooking",
  installedEquipmentId: "selectInstalledEquipment",
  businessUnitId: "selectBusinessUnit",
  jobTypeId: "selectJobType",
  campaignId: "selectCampaign",
  tagTypeId: "selectTagType",
  tagTypeIds: "selectTagType",
  roleId: "selectUserRole",
  bookingProvider: "selectBookingProviderTag",
  bookingProviderTagId: "selectBookingProviderTag",
  callReasonId: "selectCallReason",
  reasonId: "selectJobCancelReason",
  jobCancelReasonId: "selectJobCancelReason",
  customerContactId: "selectCustomerContact",
  schedulerId: "selectScheduler",
  routerId: "selectRouter",
};

/** The data source for an input key, if one exists among the component's data sources. */
export const dataSourceFor = (inputKey: string, available?: ReadonlySet<string>): string | undefined => {
  const key = DATA_SOURCE_FOR_INPUT[inputKey];
  if (!key) return undefined;
  return !available || available.has(key) ? key : undefined;
};
