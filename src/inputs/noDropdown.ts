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

export const NO_DROPDOWN: NoDropdown[] = [
  // ---- named by another record
  {
    key: "dynamicSetId",
    resource: "dynamic-value-sets",
    kind: "external",
    reason:
      "A Reporting dynamic value set is named by the report parameter that draws on it (acceptValues.dynamicSetId in Get Report Definition); no operation lists the sets themselves — the one under /dynamic-value-sets reads a named set's values.",
  },
  // ---- telecom
  {
    key: "agentExternalId",
    where: /^telecom /,
    resource: "external-agents",
    kind: "external",
    reason: "The ID an outside answering service gives its agent in its own system; ServiceTitan lists no such agents.",
  },
  // ---- no operation lists the resource
  { key: "routerId", resource: "routers", kind: "no-list", reason: "Scheduling Pro has no operation that lists routers (only a router's sessions and performance, which need its ID)." },
  { key: "batchId", resource: "batches", kind: "no-list", reason: "Accounting batches are named on the records they hold (invoice, payment, bill), but no operation lists them." },
  { key: "userIds", resource: "users", kind: "no-list", reason: "Login user IDs (the userId of a technician or employee record); no operation lists users themselves." },
  { key: "serviceDaysIds", resource: "service-days", kind: "no-list", reason: "A zone's service days are values of the zone itself; no operation lists them." },
  { key: "typeId", where: /^accounting \w+ \/invoices/, resource: "invoice-types", kind: "no-list", reason: "Invoice types have no list operation in the Accounting API (a payment's typeId has the Payment Types dropdown)." },
  { key: "membershipDurationBillingId", resource: "duration-billing-items", kind: "no-list", reason: "Duration-billing items are read per membership type (not a paged list), so one dropdown cannot offer them all." },
  { key: "durationBillingId", where: /^memberships /, resource: "duration-billing-items", kind: "no-list", reason: "The membership type's duration-billing item, read per membership type (not a paged list)." },
  { key: "itemId", where: /^sales /, resource: "estimate-items", kind: "ambiguous", reason: "An item of the estimate named in the same action; List Estimate Items reads them per estimate, and a tenant-wide dropdown would offer other estimates' items." },
  { key: "itemGroupRootId", where: /^sales /, resource: "item-group-roots", kind: "ambiguous", reason: "The group an estimate item belongs to is another item of the same estimate; a tenant-wide dropdown would offer other estimates' items." },
  { key: "itemId", resource: "invoice-items", kind: "no-list", reason: "An invoice's items are read with the invoice (or the invoice-items export), not from a list that pages." },
  { key: "durationBillingId", resource: "duration-billings", kind: "no-list", reason: "Duration-billing items come with an invoice item; no operation lists them." },
  { key: "itemGroupRootId", resource: "item-group-roots", kind: "no-list", reason: "The group an invoice item belongs to is another item of the same invoice; no operation lists groups." },
  { key: "templateId", resource: "task-templates", kind: "no-list", reason: "Invoice task templates have no list operation in the Accounting API." },
  { key: "barcodeId", resource: "barcodes", kind: "no-list", reason: "The barcode printed on installed equipment: a value scanned in the field, not a record any operation lists." },
  { key: "versionId", resource: "journal-entry-versions", kind: "no-list", reason: "A journal entry's version comes from the entry just read (its versionId field); no operation lists versions." },
  { key: "proposalTypeId", resource: "proposal-types", kind: "no-list", reason: "Proposal types are named on proposal templates (proposalTypeName), but no operation lists them." },
  { key: "transferTypeIds", resource: "transfer-types", kind: "no-list", reason: "Inventory transfer types have no list operation (a transfer shows its type by name)." },
  { key: "costTypeId", resource: "cost-types", kind: "no-list", reason: "A pricebook material's cost type has no list operation in the Pricebook API." },
  { key: "costTypeIds", resource: "cost-types", kind: "no-list", reason: "Pricebook cost types have no list operation in the Pricebook API." },
  { key: "laborTypeId", resource: "labor-types", kind: "no-list", reason: "Labor types are named on activity types and location rates, but no operation lists them." },
  { key: "invoiceTemplateId", resource: "invoice-templates", kind: "no-list", reason: "Membership invoice templates are read by ID only; no operation pages through them." },
  { key: "invoiceTemplateForFollowingYearsId", resource: "invoice-templates", kind: "no-list", reason: "A membership invoice template (for the years after the first); no operation pages through them." },
  { key: "billingTemplateId", resource: "invoice-templates", kind: "no-list", reason: "The membership's billing (invoice) template; no operation pages through invoice templates." },
  { key: "paymentMethodId", resource: "payment-methods", kind: "no-list", reason: "A customer's stored payment method; no operation lists payment methods." },
  { key: "nonJobEventAssignmentId", resource: "non-job-event-assignments", kind: "no-list", reason: "The assignment of a technician to a non-job event; no operation lists these assignments." },
  { key: "attachmentId", where: /^forms /, resource: "attachment", kind: "no-list", reason: "A file attached to a form submission: its ID is in the submission's answers; no operation lists form attachments." },

  // ---- listed only below another record
  { key: "noteId", where: /^crm \w+ \/customers\//, resource: "notes", kind: "parent", list: "crm Customers_GetNotes", reason: "A customer's notes are listed per customer (List Customer Notes)." },
  { key: "noteId", where: /^crm \w+ \/locations\//, resource: "notes", kind: "parent", list: "crm Locations_GetNotes", reason: "A location's notes are listed per location (List Location Notes)." },
  { key: "contactId", where: /^crm \w+ \/booking-provider\//, resource: "contacts", kind: "parent", list: "crm Bookings_GetContactList2", reason: "A provider booking's contacts are listed per booking provider and booking; both IDs come from the flow." },
  { key: "taskId", where: /^accounting \w+ \/invoices\//, resource: "tasks", kind: "parent", list: "accounting Invoices_GetInvoiceTasks", reason: "An invoice's tasks are listed per invoice (its ID is in the same action)." },
  { key: "segmentItemId", resource: "items", kind: "parent", list: "jpm BudgetCodes_ListCompanySegmentItems", reason: "Budget-code segment items are listed per segment (the segment ID is in the same action)." },
  { key: "segmentItemIds", resource: "items", kind: "parent", list: "jpm BudgetCodes_ListCompanySegmentItems", reason: "Budget-code segment items are listed per segment, so one dropdown cannot offer them all." },

  { key: "attachmentId", where: /^findings /, resource: "attachments", kind: "parent", list: "findings Findings_GetFindingAttachments", reason: "A finding's attachments are listed per finding (its ID is in the same action)." },

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

  { key: "externalPayrollId", resource: "external", kind: "external", reason: "The person's ID in the company's outside payroll system." },
  { key: "internalId", where: /^marketingreputation /, resource: "external", kind: "external", reason: "The review platform's own ID for a review." },

  // ---- meaning left open by the contract
  { key: "relatedEntityId", resource: "related-entities", kind: "ambiguous", reason: "The record a contact is related to: a customer, a location or another kind, depending on the relationship type." },
  { key: "relationshipId", resource: "relationships", kind: "ambiguous", reason: "The record whose related contacts are listed, of whichever kind the relationship links." },
  { key: "skuId", resource: "skus", kind: "ambiguous", reason: "A pricebook item (SKU): a service, a material or a piece of equipment, each in its own list; the key does not say which." },
  { key: "parentItemId", resource: "items", kind: "ambiguous", reason: "Another item of the same estimate (its items are read with List Estimate Items for that estimate); a tenant-wide list of items would offer other estimates' items." },
  { key: "saleTaskId", resource: "tasks", kind: "ambiguous", reason: "The pricebook task that sells the membership; the contract does not say which pricebook list it comes from." },
  { key: "renewalMembershipTaskId", resource: "tasks", kind: "ambiguous", reason: "The pricebook task that renews the membership; the contract does not say which pricebook list it comes from." },
  { key: "createdById", resource: "users", kind: "ambiguous", reason: "The login user who created the record (a technician's or an employee's userId); no operation lists users." },
];

/** The allow-list entry for an input, if any (the first entry whose key and `where` match). */
export const noDropdownFor = (key: string, where?: string): NoDropdown | undefined =>
  NO_DROPDOWN.find((e) => e.key === key && (!e.where || (where !== undefined && e.where.test(where))));
