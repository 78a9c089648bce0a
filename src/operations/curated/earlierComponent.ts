/**
 * The 58 action keys of the earlier ServiceTitan component (typo `deletCustomersContact` included). Only
 * these keep a Debug Request input, so flows built on them behave as before; every other action, data
 * source and trigger is logged through Prismatic's debug mode (src/http/clientFor.ts). The seed parity
 * tests (test/seed/) pin the same list independently.
 */
export const EARLIER_COMPONENT_ACTION_KEYS: ReadonlySet<string> = new Set([
  "assignTechnicians", "unassignTechnicians", "listAppointmentsAssignment", "createAppointment", "getAppointment",
  "listAppointments", "deleteAppointment", "createBookingByProvider", "getBookingByProvider", "getBookingByTenant",
  "listBookingByProvider", "listBookingByTenant", "updateBooking", "createCustomerContact", "updateCustomerContact",
  "deletCustomersContact", "listCustomersContact", "createCustomer", "updateCustomer", "listCustomers",
  "getCustomer", "createInstalledEquipment", "createInstalledEquipmentAttachment", "getInstalledEquipment",
  "listInstalledEquipment", "listInstalledEquipmentAttachments", "updateInstalledEquipment", "listInvoices",
  "createInvoices", "deleteInvoiceItem", "updateInvoice", "updateInvoiceCustomFields", "updateInvoiceItems",
  "createJob", "listJobCancelReasons", "cancelJob", "updateJob", "listJobs", "getJob", "createLocation",
  "updateLocation", "getLocation", "listLocations", "listBusinessUnits", "listUserRoles", "rawRequest",
  "createPayment", "listPayments", "updatePayment", "updatePaymentCustomFields", "createProject", "getProject",
  "listProjects", "updateProject", "createTechnician", "updateTechnician", "listTechnicians", "getTechnician",
]);

/** For a field the earlier component took as free text where ServiceTitan's document defines a boolean. */
const WAS_TEXT_BOOLEAN =
  "The earlier component took free text here; ServiceTitan's document defines a true/false field, so only true or false is accepted (anything else is refused before sending).";

/**
 * What changed for a flow built on the earlier component, by action key and input key. These notes are
 * for builders moving over, so they live in the docs (a "Coming from the earlier component" section of
 * the action, written by scripts/generate-docs.ts), never in the input's comment, which explains what
 * the input does (issue 15 item 6).
 */
export const EARLIER_COMPONENT_INPUT_NOTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  createAppointment: {
    technicianId:
      "The earlier component took a single Technician ID under this key; ServiceTitan's document takes a list (technicianIds), so one ID or several may be given and all are sent as that list.",
  },
  createBookingByProvider: { isFirstTimeClient: WAS_TEXT_BOOLEAN, isSendConfirmationEmail: WAS_TEXT_BOOLEAN },
  createCustomer: { doNotMail: WAS_TEXT_BOOLEAN, doNotService: WAS_TEXT_BOOLEAN },
  createJob: { invoiceSignatureIsRequired: WAS_TEXT_BOOLEAN },
};
