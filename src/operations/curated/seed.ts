import type { CuratedCatalog, CuratedInput } from "./types";

/**
 * Seed parity: the 58 action keys, labels and input keys that integrations built on the earlier
 * ServiceTitan component are wired to (seed 001, Rebuilt from its published reference). Keys are kept
 * exactly, the typo `deletCustomersContact` included; `rawRequest` is the hand-written action in
 * src/actions/rawRequest.ts and so has no entry here.
 *
 * Everything here is data on top of the factory: which operation a key names, the input key each
 * contract field gets, a label, an example and, where the earlier component asked for a value the
 * contract leaves optional, a tighter required flag. Where the earlier component described a field
 * differently from ServiceTitan's document (a free-text "true if …" where the document wants a
 * boolean, one ID where it wants a list), the document decides what is sent and `note` tells the user.
 */

// ---- small builders, so each entry below reads as a table -------------------------------------------

/** An ID input, or a list of IDs, under the key integrations use (the contract decides which). */
const id = (key: string, label: string, example = "1234567"): CuratedInput => ({ key, label, example });
const ids = id;
/** Any other input: key, label and, optionally, an example. */
const field = (key: string, label: string, example?: string, extra: Partial<CuratedInput> = {}): CuratedInput => ({
  key,
  label,
  ...(example !== undefined ? { example } : {}),
  ...extra,
});

const WAS_TEXT_BOOLEAN =
  "The earlier component took free text here; ServiceTitan's document defines a true/false field, so only true or false is accepted (anything else is refused before sending).";

// ---- examples shared by several entries -------------------------------------------------------------

const ADDRESS = JSON.stringify({ street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" });
const CONTACTS = JSON.stringify([
  { type: "MobilePhone", value: "555-201-3344", memo: "Owner's mobile" },
  { type: "Email", value: "jane.smith@example.com" },
]);
const CUSTOM_FIELDS = JSON.stringify([{ typeId: 1234567, value: "Gate code 4411" }]);
const EXTERNAL_DATA = JSON.stringify({
  applicationGuid: "6b29fc40-ca47-1067-b31d-00dd010662da",
  externalData: [{ key: "crmId", value: "C-1001" }],
});
const ITEMS = JSON.stringify([{ skuId: 1234567, description: "Replace capacitor", quantity: 1, unitPrice: 125.5 }]);
const CUSTOM_FIELD_OPERATIONS = JSON.stringify([
  { objectId: 1234567, customFields: [{ name: "PO Reference", value: "PO-5521" }] },
]);
const SPLITS = JSON.stringify([{ invoiceId: 1234567, amount: 125.5 }]);
const DATE_TIME = "2026-01-15T09:30:00Z";

/** Inputs every list action shares are built by the factory (src/inputs/shared.ts); nothing to add. */
const list = (key: string, label: string, inputs: Record<string, CuratedInput> = {}) => ({ key, label, inputs });

export const seed: CuratedCatalog = {
  // ---- Dispatch: appointment assignments -------------------------------------------------------------
  "dispatch:AppointmentAssignments_AssignTechnicians": {
    key: "assignTechnicians",
    label: "Assign Technician to Appointment",
    inputs: {
      "body.jobAppointmentId": id("jobAppointmentId", "Job Appointment ID"),
      "body.technicianIds": ids("technicianIds", "Technician IDs", "1234567"),
    },
  },
  "dispatch:AppointmentAssignments_UnassignTechnicians": {
    key: "unassignTechnicians",
    label: "Unassign Technicians from Appointment",
    inputs: {
      "body.jobAppointmentId": id("jobAppointmentId", "Job Appointment ID"),
      "body.technicianIds": ids("technicianIds", "Technician IDs", "1234567"),
    },
  },
  "dispatch:AppointmentAssignments_GetList": list("listAppointmentsAssignment", "List Appointment Assignment"),

  // ---- Job Planning: appointments ---------------------------------------------------------------------
  "jpm:Appointments_Add": {
    key: "createAppointment",
    label: "Create Appointment",
    inputs: {
      "body.jobId": id("jobId", "Job ID"),
      "body.start": field("start", "Start", DATE_TIME),
      "body.end": field("end", "End", "2026-01-15T11:30:00Z"),
      "body.arrivalWindowStart": field("arrivalWindowStart", "Arrival Window Start", DATE_TIME),
      "body.arrivalWindowEnd": field("arrivalWindowEnd", "Arrival Window End", "2026-01-15T10:30:00Z"),
      "body.specialInstructions": field("specialInstructions", "Special Instructions", "Call the office on arrival."),
      "body.technicianIds": field("technicianId", "Technician IDs", "1234567", {
        note: "The earlier component took a single Technician ID under this key; ServiceTitan's document takes a list (technicianIds), so one ID or several may be given and all are sent as that list.",
      }),
    },
  },
  "jpm:Appointments_Get": { key: "getAppointment", label: "Get Appointment", inputs: { "path.id": id("appointmentId", "Appointment ID") } },
  "jpm:Appointments_GetList": list("listAppointments", "List Appointments"),
  "jpm:Appointments_Delete": { key: "deleteAppointment", label: "Delete Appointment", inputs: { "path.id": id("appointmentId", "Appointment ID") } },

  // ---- CRM: bookings ------------------------------------------------------------------------------------
  "crm:Bookings_Create": {
    key: "createBookingByProvider",
    label: "Create Booking by Provider",
    inputs: {
      "path.booking_provider": id("bookingProvider", "Booking Provider"),
      "body.source": field("source", "Source", "Website chat"),
      "body.name": field("name", "Name", "Jane Smith"),
      "body.summary": field("summary", "Summary", "AC not cooling; customer home after 2pm."),
      "body.isFirstTimeClient": field("isFirstTimeClient", "Is First Time Client", "true", { note: WAS_TEXT_BOOLEAN }),
      "body.externalId": field("externalId", "External ID", "chat-88213"),
      "body.address": field("address", "Address", ADDRESS),
      "body.contacts": field("contacts", "Contacts", CONTACTS),
      "body.customerType": field("customerType", "Customer Type", "Residential"),
      "body.start": field("start", "Start", DATE_TIME),
      "body.campaignId": id("campaignId", "Campaign ID"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.jobTypeId": id("jobTypeId", "Job Type ID"),
      "body.priority": field("priority", "Priority", "Normal"),
      "body.uploadedImages": field("uploadedImages", "Uploaded Images", "https://example.com/photos/unit.jpg"),
      "body.isSendConfirmationEmail": field("isSendConfirmationEmail", "Send Confirmation Email", "false", { note: WAS_TEXT_BOOLEAN }),
    },
  },
  "crm:Bookings_GetForProvider": {
    key: "getBookingByProvider",
    label: "Get Booking by Provider",
    inputs: { "path.booking_provider": id("bookingProvider", "Booking Provider"), "path.id": id("bookingId", "Booking ID") },
  },
  "crm:Bookings_Get": { key: "getBookingByTenant", label: "Get Booking by Tenant", inputs: { "path.id": id("bookingId", "Booking ID") } },
  "crm:Bookings_GetList2": list("listBookingByProvider", "List Bookings by Provider", {
    "path.booking_provider": id("bookingProvider", "Booking Provider"),
  }),
  "crm:Bookings_GetList": list("listBookingByTenant", "List Bookings by Tenant"),
  "crm:Bookings_Update": {
    key: "updateBooking",
    label: "Update Booking",
    inputs: {
      "path.booking_provider": id("bookingProvider", "Booking Provider"),
      "path.id": id("bookingId", "Booking ID"),
      "body.address": field("address", "Address", ADDRESS),
      "body.isFirstTimeClient": field("isFirstTimeClient", "Is First Time Client", "false"),
    },
  },

  // ---- CRM: customers and their contacts ----------------------------------------------------------------
  "crm:Customers_CreateContact": {
    key: "createCustomerContact",
    label: "Create Customer Contact",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "body.type": field("type", "Customer Contact Type", "MobilePhone"),
      "body.value": field("value", "Contact Value", "555-201-3344"),
      "body.memo": field("memo", "Memo", "Owner's mobile"),
    },
  },
  "crm:Customers_UpdateContact": {
    key: "updateCustomerContact",
    label: "Update Customer Contact",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "path.contactId": id("customerContactId", "Customer Contact ID"),
      "body.type": field("type", "Customer Contact Type", "Email"),
      "body.value": field("value", "Contact Value", "jane.smith@example.com"),
      "body.memo": field("memo", "Memo", "Billing questions"),
    },
  },
  "crm:Customers_DeleteContact": {
    key: "deletCustomersContact",
    label: "Delete Customer Contact",
    inputs: { "path.id": id("customerId", "Customer ID"), "path.contactId": id("customerContactId", "Customer Contact ID") },
  },
  "crm:Customers_GetContactList": list("listCustomersContact", "List Customer Contacts", { "path.id": id("customerId", "Customer ID") }),
  "crm:Customers_Create": {
    key: "createCustomer",
    label: "Create Customer",
    inputs: {
      "body.name": field("name", "Name", "Jane Smith"),
      "body.address": field("address", "Address", ADDRESS),
      "body.locations": field(
        "locations",
        "Locations",
        JSON.stringify([{ name: "Home", address: JSON.parse(ADDRESS), contacts: [{ type: "Phone", value: "555-201-3344" }] }]),
      ),
      "body.contacts": field("contacts", "Contacts", CONTACTS),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.doNotMail": field("doNotMail", "Do Not Mail", "false", { note: WAS_TEXT_BOOLEAN }),
      "body.doNotService": field("doNotService", "Do Not Service", "false", { note: WAS_TEXT_BOOLEAN }),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
      "body.type": field("type", "Customer Type", "Residential"),
    },
  },
  "crm:Customers_Update": {
    key: "updateCustomer",
    label: "Update Customer",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "body.name": field("name", "Name", "Jane Smith"),
      "body.type": field("type", "Customer Type", "Commercial"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  "crm:Customers_GetList": list("listCustomers", "List Customers"),
  "crm:Customers_Get": { key: "getCustomer", label: "Get Customer", inputs: { "path.id": id("customerId", "Customer ID") } },

  // ---- Equipment Systems: installed equipment -----------------------------------------------------------
  "equipmentsystems:InstalledEquipment_Create": {
    key: "createInstalledEquipment",
    label: "Create Installed Equipment",
    inputs: {
      "body.locationId": id("locationId", "Location ID"),
      "body.name": field("name", "Name", "Rooftop AC unit"),
      "body.installedOn": field("installedOn", "Installed On", DATE_TIME),
      "body.serialNumber": field("serialNumber", "Serial Number", "SN-4471-992"),
      "body.memo": field("memo", "Memo", "Installed with new thermostat."),
      "body.manufacturer": field("manufacturer", "Manufacturer", "Carrier"),
      "body.model": field("model", "Model", "24ACC636A003"),
      "body.cost": field("cost", "Cost", "3450.00"),
      "body.manufacturerWarrantyStart": field("manufacturerWarrantyStart", "Manufacturer Warranty Start", DATE_TIME),
      "body.manufacturerWarrantyEnd": field("manufacturerWarrantyEnd", "Manufacturer Warranty End", "2036-01-15T09:30:00Z"),
      "body.serviceProviderWarrantyStart": field("serviceProviderWarrantyStart", "Service Provider Warranty Start", DATE_TIME),
      "body.serviceProviderWarrantyEnd": field("serviceProviderWarrantyEnd", "Service Provider Warranty End", "2027-01-15T09:30:00Z"),
      "body.customFields": field("customFields", "Custom Fields", JSON.stringify([{ typeId: 1234567, value: "Roof access" }])),
      "body.attachments": field("attachments", "Attachments", JSON.stringify([{ type: "Document", url: "https://example.com/manual.pdf" }])),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  "equipmentsystems:InstalledEquipment_PostAttachment": {
    key: "createInstalledEquipmentAttachment",
    label: "Create Installed Equipment Attachment",
    inputs: {
      "body.file": field("file", "Attachment File", undefined, {
        required: true,
        note: "Required here: an upload without a file has nothing to store. The file is sent as a multipart/form-data part named file.",
      }),
      fileName: {
        label: "File Name",
        required: true,
        comments: "Name of the file as ServiceTitan stores it, with its extension, such as warranty.csv. Sent as the file part's filename.",
        example: "warranty.csv",
      },
    },
  },
  "equipmentsystems:InstalledEquipment_Get": {
    key: "getInstalledEquipment",
    label: "Get Installed Equipment",
    inputs: { "path.id": id("installedEquipmentId", "Installed Equipment ID") },
  },
  "equipmentsystems:InstalledEquipment_GetList": list("listInstalledEquipment", "List Installed Equipment"),
  "equipmentsystems:InstalledEquipment_Get2": {
    key: "listInstalledEquipmentAttachments",
    label: "List Installed Equipment Attachments",
    inputs: {
      "query.path": field("path", "Attachment Path", "InstalledEquipment/Documents/manual.pdf", {
        comments:
          "Where the attachment is stored, as returned by Create Installed Equipment Attachment (its path field) or listed in an installed equipment's attachments. Optional: leave empty to leave it out of the request. Query parameter \"path\".",
      }),
    },
  },
  "equipmentsystems:InstalledEquipment_Update": {
    key: "updateInstalledEquipment",
    label: "Update Installed Equipment",
    inputs: {
      "path.id": id("installedEquipmentId", "Installed Equipment ID"),
      "body.name": field("name", "Name", "Rooftop AC unit"),
      "body.memo": field("memo", "Memo", "Replaced contactor."),
      "body.cost": field("cost", "Cost", "3450.00"),
    },
  },

  // ---- Accounting: invoices -----------------------------------------------------------------------------
  "accounting:Invoices_GetList": list("listInvoices", "List Invoices"),
  "accounting:Invoices_CreateAdjustmentInvoice": {
    key: "createInvoices",
    label: "Create Invoices",
    description:
      "Creates an adjustment invoice against an existing invoice in ServiceTitan Accounting (POST /invoices, scope tn.acc.invoices:w). ServiceTitan only creates invoices this way; job invoices come from jobs.",
    inputs: {
      "body.adjustmentToId": id("adjustmentToId", "Adjustment To ID"),
      "body.assignedToId": id("assignedToId", "Assigned To ID"),
      "body.exportId": field("exportId", "Export ID", "EXP-2026-0042"),
      "body.invoicedOn": field("invoicedOn", "Invoiced On", DATE_TIME),
      "body.items": field("items", "Items", ITEMS),
      "body.number": field("number", "Number", "INV-10421-A"),
      "body.reviewStatus": field("reviewStatus", "Review Status", "NeedsReview"),
      "body.royaltyDate": field("royaltyDate", "Royalty Date", DATE_TIME),
      "body.royaltyMemo": field("royaltyMemo", "Royalty Memo", "Quarterly royalty"),
      "body.royaltySentOn": field("royaltySentOn", "Royalty Sent On", DATE_TIME),
      "body.royaltyStatus": field("royaltyStatus", "Royalty Status", "Pending"),
      "body.subtotal": field("subtotal", "Subtotal", "125.50"),
      "body.summary": field("summary", "Summary", "Credit for a missed appointment."),
      "body.tax": field("tax", "Tax", "10.04"),
      "body.typeId": id("typeId", "Type ID"),
    },
  },
  "accounting:Invoices_DeleteInvoiceItem": {
    key: "deleteInvoiceItem",
    label: "Delete Invoice Item",
    inputs: { "path.invoiceId": id("invoiceId", "Invoice ID"), "path.itemId": id("itemId", "Item ID") },
  },
  "accounting:Invoices_UpdateInvoice": {
    key: "updateInvoice",
    label: "Update Invoice",
    inputs: {
      "path.id": id("invoiceId", "Invoice ID"),
      "body.items": field("items", "Items", ITEMS),
      "body.summary": field("summary", "Summary", "Adjusted after site visit."),
    },
  },
  "accounting:Invoices_UpdateCustomFields": {
    key: "updateInvoiceCustomFields",
    label: "Update Invoice Custom Fields",
    inputs: { "body.operations": field("operations", "Operations", CUSTOM_FIELD_OPERATIONS) },
  },
  "accounting:Invoices_UpdateInvoiceItems": {
    key: "updateInvoiceItems",
    label: "Update Invoice Items",
    inputs: {
      "path.invoiceId": id("invoiceId", "Invoice ID"),
      "body.description": field("description", "Description", "Replace capacitor"),
      "body.quantity": field("quantity", "Quantity", "1"),
      "body.unitPrice": field("unitPrice", "Unit Price", "125.50"),
      "body.id": id("itemId", "Item ID"),
    },
  },

  // ---- Job Planning: jobs ---------------------------------------------------------------------------------
  "jpm:Jobs_Create": {
    key: "createJob",
    label: "Create Job",
    inputs: {
      "body.customerId": id("customerId", "Customer ID"),
      "body.locationId": id("locationId", "Location ID"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.jobTypeId": id("jobTypeId", "Job Type ID"),
      "body.priority": field("priority", "Priority", "Normal"),
      "body.campaignId": id("campaignId", "Campaign ID"),
      "body.appointments": field(
        "appointments",
        "Appointments",
        JSON.stringify([{ start: DATE_TIME, end: "2026-01-15T11:30:00Z", technicianIds: [1234567] }]),
      ),
      "body.projectId": id("projectId", "Project ID"),
      "body.summary": field("summary", "Summary", "AC not cooling."),
      "body.customerPo": field("customerPo", "Customer PO", "PO-5521"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.invoiceSignatureIsRequired": field("invoiceSignatureIsRequired", "Invoice Signature Is Required", "true", {
        note: WAS_TEXT_BOOLEAN,
      }),
      "body.jobGeneratedLeadSource": field("jobGeneratedLeadSource", "Job Generated Lead Source", JSON.stringify({ jobId: 1234567, employeeId: 7654321 })),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  "jpm:JobCancelReasons_GetList": list("listJobCancelReasons", "List Job Cancel Reasons"),
  "jpm:Jobs_Cancel": {
    key: "cancelJob",
    label: "Cancel Job",
    inputs: {
      "path.id": id("jobId", "Job ID"),
      "body.reasonId": id("reasonId", "Reason ID"),
      "body.memo": field("memo", "Job Memo", "Customer rescheduled with another provider."),
    },
  },
  "jpm:Jobs_Update": {
    key: "updateJob",
    label: "Update Job",
    inputs: { "path.id": id("jobId", "Job ID"), "body.summary": field("summary", "Summary", "AC not cooling; filter replaced.") },
  },
  "jpm:Jobs_GetList": list("listJobs", "List Jobs"),
  "jpm:Jobs_Get": {
    key: "getJob",
    label: "Get Job",
    inputs: {
      "path.id": id("jobId", "Job ID"),
      "query.externalDataApplicationGuid": field("externalDataApplicationGuid", "External Data Application GUID", "6B29FC40-CA47-1067-B31D-00DD010662DA"),
    },
  },

  // ---- CRM: locations -------------------------------------------------------------------------------------
  "crm:Locations_Create": {
    key: "createLocation",
    label: "Create Location",
    inputs: {
      "body.name": field("name", "Name", "Main Street Office"),
      "body.address": field("address", "Address", ADDRESS),
      "body.customerId": id("customerId", "Customer ID"),
      "body.contacts": field("contacts", "Contacts", CONTACTS),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  "crm:Locations_Update": {
    key: "updateLocation",
    label: "Update Location",
    inputs: {
      "path.id": id("locationId", "Location ID"),
      "body.name": field("name", "Name", "Main Street Office"),
      "body.address": field("address", "Address", JSON.stringify({ ...JSON.parse(ADDRESS), latitude: 34.1425, longitude: -118.2551 })),
    },
  },
  "crm:Locations_Get": { key: "getLocation", label: "Get Location", inputs: { "path.id": id("locationId", "Location ID") } },
  "crm:Locations_GetList": list("listLocations", "List Locations"),

  // ---- Settings ---------------------------------------------------------------------------------------------
  "settings:BusinessUnits_GetList": list("listBusinessUnits", "List Business Units"),
  "settings:UserRoles_GetList": list("listUserRoles", "List User Roles"),

  // ---- Accounting: payments -----------------------------------------------------------------------------
  "accounting:Payments_Create": {
    key: "createPayment",
    label: "Create Payment",
    inputs: {
      "body.typeId": id("typeId", "Type ID"),
      "body.splits": field("splits", "Splits", SPLITS, {
        required: true,
        note: "Required here, as in the earlier component: a payment is applied to invoices through its splits.",
      }),
      "body.authCode": field("authCode", "Auth Code", "A1B2C3"),
      "body.checkNumber": field("checkNumber", "Check Number", "10452"),
      "body.exportId": field("exportId", "Export ID", "EXP-2026-0042"),
      "body.memo": field("memo", "Memo", "Paid on site."),
      "body.paidOn": field("paidOn", "Paid On", DATE_TIME),
      "body.status": field("status", "Status", "Pending"),
    },
  },
  "accounting:Payments_GetList": list("listPayments", "List Payments"),
  "accounting:Payments_Update": {
    key: "updatePayment",
    label: "Update Payment",
    inputs: {
      "path.id": id("paymentId", "Payment ID"),
      "body.typeId": id("typeId", "Type ID"),
      "body.splits": field("splits", "Splits", SPLITS),
      "body.memo": field("memo", "Memo", "Corrected amount."),
    },
  },
  "accounting:Payments_UpdateCustomFields": {
    key: "updatePaymentCustomFields",
    label: "Update Payment Custom Fields",
    inputs: { "body.operations": field("operations", "Operations", CUSTOM_FIELD_OPERATIONS) },
  },

  // ---- Job Planning: projects ---------------------------------------------------------------------------
  "jpm:Projects_Create": {
    key: "createProject",
    label: "Create Project",
    inputs: {
      "body.locationId": id("locationId", "Location ID"),
      "body.customerId": id("customerId", "Customer ID"),
      "body.name": field("name", "Name", "Kitchen remodel"),
      "body.summary": field("summary", "Summary", "Full kitchen remodel, phase 1."),
      "body.projectManagerIds": ids("projectManagerIds", "Project Manager IDs"),
      "body.statusId": id("statusId", "Status ID"),
      "body.subStatusId": id("subStatusId", "Sub Status ID"),
      "body.startDate": field("startDate", "Start Date", DATE_TIME),
      "body.targetCompletionDate": field("targetCompletionDate", "Target Completion Date", "2026-03-01T17:00:00Z"),
      "body.actualCompletionDate": field("actualCompletionDate", "Actual Completion Date", "2026-03-04T17:00:00Z"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
    },
  },
  "jpm:Projects_Get": {
    key: "getProject",
    label: "Get Project",
    inputs: { "path.id": id("projectId", "Project ID") },
  },
  "jpm:Projects_GetList": list("listProjects", "List Projects"),
  "jpm:Projects_Update": {
    key: "updateProject",
    label: "Update Project",
    inputs: {
      "path.id": id("projectId", "Project ID"),
      "body.jobIds": ids("jobIds", "Job IDs"),
      "body.projectManagerIds": ids("projectManagerIds", "Project Manager IDs"),
      "body.name": field("name", "Name", "Kitchen remodel"),
      "body.startDate": field("startDate", "Start Date", DATE_TIME),
    },
  },

  // ---- Settings: technicians ----------------------------------------------------------------------------
  "settings:Technicians_Create": {
    key: "createTechnician",
    label: "Create Technician",
    inputs: {
      "body.name": field("name", "Name", "Sam Rivera"),
      "body.accountCreationMethod": field("accountCreationMethod", "Account Creation Method", "SendInvite"),
      "body.roleId": id("roleId", "Role ID"),
      "body.positions": field("positions", "Positions", "Service"),
      "body.licenseType": field("licenseType", "License Type", "ManagedTech"),
      "body.aadUserId": field("aadUserId", "Azure Active Directory User ID", "6B29FC40-CA47-1067-B31D-00DD010662DA"),
      "body.bio": field("bio", "Biography", "NATE-certified HVAC technician."),
      "body.burdenRate": field("burdenRate", "Burden Rate", "18.50"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.customFields": field("customFields", "Custom Fields", JSON.stringify([{ typeId: 1234567, value: "Van 12" }])),
      "body.dailyGoal": field("dailyGoal", "Daily Goal", "1500"),
      "body.email": field("email", "Email", "sam.rivera@example.com"),
      "body.home": field("home", "Home Address", JSON.stringify({ street: "88 Oak Ave", city: "Pasadena", state: "CA", zip: "91101", country: "USA" })),
      "body.jobFilter": field("jobFilter", "Job Filter", "AllScheduledDispatchedWorking"),
      "body.jobHistoryDateFilter": field("jobHistoryDateFilter", "Job History Date Filter", "LastSevenDays"),
      "body.login": field("login", "Login Username", "srivera"),
      "body.memo": field("memo", "Memo", "Prefers north-side routes."),
      "body.password": field("password", "Password", "Temp-Passw0rd-2026"),
      "body.phoneNumber": field("phoneNumber", "Phone Number", "555-201-3344"),
      "body.team": field("team", "Team", "HVAC North"),
    },
  },
  "settings:Technicians_Update": {
    key: "updateTechnician",
    label: "Update Technician",
    inputs: {
      "path.id": id("technicianId", "Technician ID"),
      "body.name": field("name", "Name", "Sam Rivera"),
      "body.team": field("team", "Team", "HVAC South"),
    },
  },
  "settings:Technicians_GetList": list("listTechnicians", "List Technicians"),
  "settings:Technicians_Get": { key: "getTechnician", label: "Get Technician", inputs: { "path.id": id("technicianId", "Technician ID") } },
};

/**
 * The 58 action keys of the earlier component: the entries above plus the hand-written Raw Request.
 * Only these keep a Debug Request input, so flows built on them behave as before; every other action
 * is logged through Prismatic's debug mode (src/http/clientFor.ts).
 */
export const SEED_ACTION_KEYS: ReadonlySet<string> = new Set([...Object.values(seed).map((entry) => String(entry.key)), "rawRequest"]);
