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
