import type { CuratedCatalog } from "./types";

/**
 * Our words for actions across all modules where the derived label, description or input wording reads
 * poorly. Seed, CRM and Scheduling Pro entries are merged after these and win where both speak.
 * Keys are never set here: integrations are wired to them.
 */
export const labels: CuratedCatalog = {
  // ---- Accounting ------------------------------------------------------------------------------------
  "accounting:PaymentTerms_GetPaymentTermModel": { label: "Get Payment Term" },
  "accounting:CreditMemos_GetCreditMemoItemsList": { label: "List Items of a Credit Memo" },
  "accounting:CreditMemos_GetCreditMemosItemsList": {
    label: "List Credit Memo Items (Across Credit Memos)",
    description:
      "Lists credit memo line items from ServiceTitan Accounting across many credit memos, filtered by credit memo, business unit or creation date. Returns one page (Page, Page Size), or every matching item with Fetch All. Calls GET /credit-memos/credit-memo-items (scope tn.acc.creditmemos:r).",
  },
  "accounting:Deposits_GetList": { label: "List Bank Deposits" },
  "accounting:Deposits_GetTransactionsList": { label: "List Bank Deposit Transactions" },
  "accounting:Deposits_MarkAsExported": { label: "Mark Bank Deposits as Exported" },
  "accounting:JournalEntries_GetSummary": { label: "List Journal Entry Summary Lines" },
  "accounting:JournalEntries_GetDetails": { label: "List Journal Entry Detail Lines" },
  "accounting:JournalEntries_SyncUpdate": {
    label: "Update Journal Entry Sync Status",
    description:
      "Records how your accounting system's sync of a journal entry went in ServiceTitan Accounting: the sync status, the version you synced and an optional message. Only the inputs you fill in are sent. Calls PATCH /journal-entries/{id}/sync (scope tn.acc.journalentries:w).",
  },
  "accounting:Payments_UpdateStatus": {
    description:
      "Sets the status (Pending, Posted or Exported) of one or more payments in ServiceTitan Accounting in one call. Calls POST /payments/status (scope tn.acc.payments:w).",
  },
  "accounting:CreditMemos_AddCreditMemoSplits": {
    label: "Apply Credit Memo to Invoices",
    description:
      "Applies a credit memo to one or more invoices in ServiceTitan Accounting by adding splits: each split names an invoice and the amount of credit it takes. Calls POST /credit-memos/{id}/splits (scope tn.acc.creditmemos:w).",
  },
  "accounting:GlAccounts_GetTypeList": { label: "List GL Account Types" },
  "accounting:TaxZones_GetList": { label: "List Tax Zones" },

  // ---- CRM ---------------------------------------------------------------------------------------------
  "crm:Customers_CreateTag": { label: "Add Tag to Customer" },
  "crm:Customers_DeleteTag": { label: "Remove Tag from Customer" },
  "crm:Locations_CreateTag": { label: "Add Tag to Location" },
  "crm:Locations_DeleteTag": { label: "Remove Tag from Location" },
  "crm:Locations_UpdatePreferredTechnician": {
    label: "Set Location Preferred Technician",
    inputs: { "path.preferredTechnicianId": { comments: "The technician to prefer for work at this location (see List Technicians). A ServiceTitan ID (a positive whole number). Required. Part of the URL path.", example: "1234567" } },
  },
  "crm:Customers_GetModifiedContactsList": {
    label: "List Contacts Across Customers",
    description:
      "Lists the contact entries (phone numbers, emails) of many customers at once from ServiceTitan CRM, filtered by customer or by when they were created or changed; handy for syncing contact changes. Returns one page (Page, Page Size), or every matching entry with Fetch All. Calls GET /customers/contacts (scope tn.crm.customers:r).",
  },
  "crm:Locations_GetLocationsContactsList": {
    label: "List Contacts Across Locations",
    description:
      "Lists the contact entries (phone numbers, emails) of many locations at once from ServiceTitan CRM, filtered by location or by when they were created or changed. Returns one page (Page, Page Size), or every matching entry with Fetch All. Calls GET /locations/contacts (scope tn.crm.locations:r).",
  },
  "crm:ContactMethods_UpsertContactMethod": { label: "Create or Replace Contact Method" },
  "crm:Contacts_GetPreferenceMetadataList": {
    label: "List Contact Preference Types",
    description:
      "Lists the communication preferences ServiceTitan can store for a contact method (such as job reminders or marketing updates), with each one's name and data type. Use the names with Get or Update Contact Method Preference. Calls GET /contacts/preferences (scope tn.crm.contacts:r).",
  },

  // ---- Dispatch ----------------------------------------------------------------------------------------
  "dispatch:Gps_Create": {
    label: "Send GPS Pings (by Provider)",
    description:
      "Sends a batch of vehicle GPS positions from your GPS provider to ServiceTitan Dispatch, so the dispatch board shows where trucks are. Returns one result per ping with its status. Calls POST /gps-provider/{gps_provider}/gps-pings (scope tn.dis.gpspings:w).",
  },
  "dispatch:ArrivalWindows_Activated": {
    label: "Activate or Deactivate Arrival Window",
    description:
      "Turns an arrival window on or off in ServiceTitan Dispatch: Is Active true makes it available when booking, false hides it. Calls PUT /arrival-windows/{id}/activated (scope tn.dis.arrivalwindows:w).",
  },
  "dispatch:Capacity_GetList": {
    label: "Get Available Capacity",
    description:
      "Asks ServiceTitan Dispatch how much technician time is free in a period, per time slot, for the business units and job type you give. Reads only, although it is sent as a POST. Returns the slots with total and open availability and the technicians free in each. Calls POST /capacity (scope tn.dis.capacity:w).",
  },
  "dispatch:BusinessHour_Create": {
    label: "Set Business Hours",
    description:
      "Sets your company's business hours in ServiceTitan Dispatch: the open hours for weekdays, Saturday and Sunday. Calls POST /business-hours (scope tn.dis.businesshours:w).",
  },
  "dispatch:TechnicianTracking_Get": {
    description:
      "Gets where a technician is and how they are moving toward an appointment, from ServiceTitan Dispatch; give the technician, the appointment, or both. Calls GET /technician-tracking (scope tn.dis.techniciantracking:r).",
  },

  // ---- Job Planning --------------------------------------------------------------------------------------
  "jpm:JobEquipment_Attach": { label: "Attach Equipment to Job" },
  "jpm:JobEquipment_Detach": { label: "Detach Equipment from Job" },
  "jpm:JobEquipment_DetachBulk": { label: "Detach Equipment from Job (Several)" },
  "jpm:JobEquipment_Get": { label: "List Equipment on Job" },
  "jpm:Projects_AttachJob": { label: "Attach Job to Project" },
  "jpm:Projects_DetachJob": { label: "Detach Job from Project" },
  "jpm:Appointments_Hold": { label: "Put Appointment on Hold" },
  "jpm:Jobs_RemoveCancellation": {
    label: "Undo Job Cancellation",
    description:
      "Reopens a canceled job in ServiceTitan Job Planning, as if it had not been canceled. Calls PUT /jobs/{id}/remove-cancellation (scope tn.jpm.jobs:w).",
  },
  "jpm:Jobs_GetJobCanceledLogs": { label: "List Job Cancellation Log" },
  "jpm:Export_JobCancelReasons": { label: "Export Job Cancellation Log" },
  "jpm:Jobs_GetBookedLog": { label: "Get Job Booking Log" },
  "jpm:BudgetCodes_CreateBudgetCodePartial": { label: "Create Budget Code (Partial)" },
  "jpm:BudgetCodes_CreateBudgetCodesBatch": { label: "Create Budget Codes (Batch)" },
  "jpm:BudgetCodes_CreateBudgetCodesPartialBatch": { label: "Create Budget Codes (Partial Batch)" },
  "jpm:BudgetCodes_ListCompanySegments": { label: "List Company Budget Segments" },
  "jpm:BudgetCodes_ListCompanySegmentItems": { label: "List Company Budget Segment Items" },
  "jpm:BudgetCodes_ListCompanySegmentItemChildren": { label: "List Child Items of Company Budget Segment Item" },
  "jpm:BudgetCodes_ListProjectSegments": { label: "List Project Budget Segments" },
  "jpm:BudgetCodes_ListProjectSegmentItems": { label: "List Project Budget Segment Items" },
  "jpm:BudgetCodes_ListProjectSegmentItemChildren": { label: "List Child Items of Project Budget Segment Item" },
  "jpm:BudgetCodes_MatchCompanyBudgetCodes": { label: "Find Company Budget Codes by Code" },
  "jpm:BudgetCodes_MatchProjectBudgetCodes": { label: "Find Project Budget Codes by Code" },

  // ---- Settings ------------------------------------------------------------------------------------------
  "settings:Employees_AccountActions": {
    label: "Run Employee Account Action",
    description:
      "Runs an action on an office employee's ServiceTitan sign-in: activate, deactivate, send an invitation or send a password reset link. Calls POST /employees/{id}/account-actions (scope tn.stt.employees:w).",
  },
  "settings:Technicians_AccountActions": {
    label: "Run Technician Account Action",
    description:
      "Runs an action on a technician's ServiceTitan sign-in: activate, deactivate, send an invitation or send a password reset link. Calls POST /technicians/{id}/account-actions (scope tn.stt.technicians:w).",
  },
};
