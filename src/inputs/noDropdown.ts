/**
 * ID inputs that have no dropdown, and why (test/dataSources/coverage.test.ts fails on any other ID
 * input without one, and checks each reason against the contract where it can). Listed in the docs
 * (documentation/reference/id-inputs-without-dropdown.md, from `npm run docs`).
 */
export type NoDropdownKind =
  /** No operation of the shipped documents lists the resource. */
  | "no-list"
  /** The resource is listed only below another record (its list needs a path parameter). */
  | "parent"
  /** The ID comes from outside the tenant's records (another system, a file, a login directory). */
  | "external"
  /** The contract leaves open which records the ID names; a wrong list is worse than none. */
  | "ambiguous";

export interface NoDropdown {
  key: string;
  /** Only where "<module> <METHOD> <path>" matches (absent: wherever the key has no dropdown). */
  where?: RegExp;
  /** The resource the ID names, as its path segment would read ("timesheet-codes"). */
  resource: string;
  kind: NoDropdownKind;
  /** For "parent": the list operation ("<module> <operationId>") that needs the other record's ID. */
  list?: string;
  reason: string;
}

const notShipped = (module: string) => `the ${module} API, which lists them, is not among the documents this component ships`;

export const NO_DROPDOWN: NoDropdown[] = [
  // ---- no operation lists the resource
  { key: "routerId", resource: "routers", kind: "no-list", reason: "Scheduling Pro has no operation that lists routers (only a router's sessions and performance, which need its ID)." },
  { key: "batchId", resource: "batches", kind: "no-list", reason: "Accounting batches are named on the records they hold (invoice, payment, bill), but no operation lists them." },
  { key: "timesheetCodeId", resource: "timesheet-codes", kind: "no-list", reason: `Timesheet codes: ${notShipped("Timesheets")}.` },
  { key: "estimateIds", resource: "estimates", kind: "no-list", reason: `Estimates: ${notShipped("Sales and Estimates")}.` },
  { key: "createdFromEstimateId", resource: "estimates", kind: "no-list", reason: `Estimates: ${notShipped("Sales and Estimates")}.` },
  { key: "serviceAgreementIds", resource: "service-agreements", kind: "no-list", reason: `Service agreements: ${notShipped("Service Agreements")}.` },
  { key: "skuId", resource: "skus", kind: "no-list", reason: `Pricebook items (SKUs): ${notShipped("Pricebook")}.` },
  { key: "inventoryLocationId", resource: "inventory-locations", kind: "no-list", reason: `Inventory locations (warehouses): ${notShipped("Inventory")}.` },
  { key: "truckId", resource: "trucks", kind: "no-list", reason: `Trucks: ${notShipped("Inventory")}.` },
  { key: "userIds", resource: "users", kind: "no-list", reason: "Login user IDs (the userId of a technician or employee record); no operation lists users themselves." },
  { key: "serviceDaysIds", resource: "service-days", kind: "no-list", reason: "A zone's service days are values of the zone itself; no operation lists them." },
  { key: "typeId", where: /^accounting \w+ \/invoices/, resource: "invoice-types", kind: "no-list", reason: "Invoice types have no list operation in the Accounting API (a payment's typeId has the Payment Types dropdown)." },
  { key: "itemId", resource: "invoice-items", kind: "no-list", reason: "An invoice's items are read with the invoice (or the invoice-items export), not from a list that pages." },
  { key: "durationBillingId", resource: "duration-billings", kind: "no-list", reason: "Duration-billing items come with an invoice item; no operation lists them." },
  { key: "itemGroupRootId", resource: "item-group-roots", kind: "no-list", reason: "The group an invoice item belongs to is another item of the same invoice; no operation lists groups." },
  { key: "templateId", resource: "task-templates", kind: "no-list", reason: "Invoice task templates have no list operation in the Accounting API." },
  { key: "barcodeId", resource: "barcodes", kind: "no-list", reason: "The barcode printed on installed equipment: a value scanned in the field, not a record any operation lists." },
  { key: "versionId", resource: "journal-entry-versions", kind: "no-list", reason: "A journal entry's version comes from the entry just read (its versionId field); no operation lists versions." },

  // ---- listed only below another record
  { key: "noteId", where: /^crm \w+ \/customers\//, resource: "notes", kind: "parent", list: "crm Customers_GetNotes", reason: "A customer's notes are listed per customer (List Customer Notes)." },
  { key: "noteId", where: /^crm \w+ \/locations\//, resource: "notes", kind: "parent", list: "crm Locations_GetNotes", reason: "A location's notes are listed per location (List Location Notes)." },
  { key: "contactId", where: /^crm \w+ \/booking-provider\//, resource: "contacts", kind: "parent", list: "crm Bookings_GetContactList2", reason: "A provider booking's contacts are listed per booking provider and booking; both IDs come from the flow." },
  { key: "taskId", where: /^accounting \w+ \/invoices\//, resource: "tasks", kind: "parent", list: "accounting Invoices_GetInvoiceTasks", reason: "An invoice's tasks are listed per invoice (its ID is in the same action)." },
  { key: "segmentItemId", resource: "items", kind: "parent", list: "jpm BudgetCodes_ListCompanySegmentItems", reason: "Budget-code segment items are listed per segment (the segment ID is in the same action)." },
  { key: "segmentItemIds", resource: "items", kind: "parent", list: "jpm BudgetCodes_ListCompanySegmentItems", reason: "Budget-code segment items are listed per segment, so one dropdown cannot offer them all." },

  // ---- IDs from outside the tenant's records
  { key: "externalId", resource: "external", kind: "external", reason: "The booking provider's own ID for the booking, kept by the provider's system." },
  { key: "exportId", resource: "external", kind: "external", reason: "The ID an accounting system gave the record when it was exported there." },
  { key: "referenceId", resource: "external", kind: "external", reason: "Your own reference for a contact (e.g. its ID in another CRM)." },
  { key: "aadUserId", resource: "external", kind: "external", reason: "The user's ID in the company's sign-in directory (Microsoft Entra ID), not a ServiceTitan record." },
  { key: "deliveryId", resource: "external", kind: "external", reason: "The ID of a record-changes delivery, taken from the trigger's output." },
  { key: "accountId", resource: "external", kind: "external", reason: "A Leads platform account (the partner side of an account pairing), not a record of the tenant." },
  { key: "requestId", resource: "external", kind: "external", reason: "An account-pairing request of the Leads platform, from the pairing request itself." },
  { key: "partnerBookingId", resource: "external", kind: "external", reason: "The partner's own ID for a booking sent through the Leads platform." },
  { key: "profileId", resource: "external", kind: "external", reason: "A partner profile of the Leads platform, given by ServiceTitan with the pairing." },
  { key: "serviceId", resource: "external", kind: "external", reason: "A service offered through the Leads platform, given by the partner's profile." },
  { key: "partnerLeadCallId", resource: "external", kind: "external", reason: "A partner's lead call, from the partner integration that created it." },

  // ---- meaning left open by the contract
  { key: "relatedEntityId", resource: "related-entities", kind: "ambiguous", reason: "The record a contact is related to: a customer, a location or another kind, depending on the relationship type." },
  { key: "relationshipId", resource: "relationships", kind: "ambiguous", reason: "The record whose related contacts are listed, of whichever kind the relationship links." },
];

/** The allow-list entry for an input, if any (the first entry whose key and `where` match). */
export const noDropdownFor = (key: string, where?: string): NoDropdown | undefined =>
  NO_DROPDOWN.find((e) => e.key === key && (!e.where || (where !== undefined && e.where.test(where))));
