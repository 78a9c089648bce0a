/**
 * The fields each list's Sort may name, as its document lists them ("Available fields are: …"), per
 * catalog module and operationId. Compiled (curated/index.ts) into that operation's "query.sort" words:
 * a dropdown of each field ascending (+Field) and descending (-Field). A list whose document names no
 * fields (several Accounting lists say only that sorting exists) keeps the free-text Sort.
 */
import type { ModuleKey } from "../modules";

const STANDARD = ["Id", "ModifiedOn", "CreatedOn"];
const DISPATCH = ["Id", "CreatedOn", "ModifiedOn"];

export const SORT_FIELDS: Partial<Record<ModuleKey, Readonly<Record<string, readonly string[]>>>> = {
  crm: {
    BookingProviderTags_GetList: STANDARD,
    Bookings_GetList: STANDARD,
    Bookings_GetList2: STANDARD,
    ContactMethods_GetContactMethods: STANDARD,
    Contacts_GetByRelationshipId: STANDARD,
    Contacts_GetList: STANDARD,
    Contacts_GetContactRelationshipList: ["ID", "ModifiedOn", "CreatedOn"],
    Contacts_SearchContactMethods: STANDARD,
    Customers_GetList: STANDARD,
    Leads_GetList: STANDARD,
    Locations_GetList: STANDARD,
  },
  jpm: {
    Appointments_GetList: STANDARD,
    JobCancelReasons_GetList: STANDARD,
    JobHoldReasons_Get: STANDARD,
    Jobs_GetList: [...STANDARD, "Priority"],
    Jobs_GetCustomFieldTypes: ["Id", "Name"],
    ProjectStatuses_GetList: ["Id", "Name", "Order", "ModifiedOn", "CreatedOn"],
    ProjectSubStatuses_GetList: ["Id", "Name", "Order", "StatusId", "ModifiedOn", "CreatedOn"],
    Projects_GetList: [...STANDARD, "Name", "TargetCompletionDate"],
    Projects_GetCustomFieldTypes: ["Id", "Name"],
  },
  dispatch: {
    AppointmentAssignments_GetList: DISPATCH,
    NonJobAppointments_GetList: DISPATCH,
    Team_GetList: DISPATCH,
    TechnicianShifts_GetList: DISPATCH,
    TechnicianSkills_GetList: DISPATCH,
    Zone_GetList: DISPATCH,
  },
  accounting: {
    JournalEntries_GetList: ["Id", "Number", "Name", "Status", "CreatedOn", "ExportedOn", "ExportedBy", "PostDate"],
    PaymentTerms_GetList: ["Id", "Name", "CreatedOn"],
    RemittanceVendors_GetList: STANDARD,
    TaxZones_GetList: ["Id", "Name", "CreatedOn"],
  },
  equipmentsystems: {
    EquipmentTypes_GetList: ["ID", "Name", "CreatedOn", "ModifiedOn"],
    InstalledEquipment_GetList: DISPATCH,
  },
  marketing: {
    Campaigns_GetList: ["Id", "Name", "CreatedOn", "ModifiedOn"],
    // "Date" sorts by year and month.
    Campaigns_GetCosts: ["Id", "Date"],
    CampaignCategories_GetList: ["Id", "CreatedOn", "Name"],
    CampaignCosts_GetList: ["Id", "Date"],
  },
  taskmanagement: {
    Tasks_GetTasks: ["Id", "CreatedOn", "DescriptionModifiedOn", "CompletedBy", "Priority"],
  },
  jbce: {
    CallReasons_Get: STANDARD,
  },
  // the modules added to the catalog on 3 December 2026 (issue 16)
  "service-agreements": {
    ServiceAgreements_GetList: ["Id", "Name", "CreatedOn", "ModifiedOn", "StartDate", "EndDate"],
  },
  forms: {
    FormSubmission_GetFormSubmissions: ["Id", "SubmittedOn", "CreatedBy"],
  },
  inventory: {
    Adjustments_GetList: STANDARD,
    PurchaseOrdersMarkup_Get: ["Id", "From", "To", "Percent"],
    PurchaseOrderTypes_GetList: STANDARD,
    PurchaseOrders_GetList: STANDARD,
    PurchaseOrders_GetRequests: STANDARD,
    Receipts_GetList: STANDARD,
    Returns_GetList: STANDARD,
    Transfers_GetList: STANDARD,
    Trucks_GetList: STANDARD,
    Vendors_GetList: STANDARD,
    Warehouses_GetList: STANDARD,
  },
  memberships: {
    RecurringServiceTypes_GetList: ["Id", "Name", "CreatedOn", "ModifiedOn"],
  },
  payroll: {
    JobSplits_GetListByJobs: STANDARD,
    Timesheets_GetJobTimesheetsByJobs: STANDARD,
    JobSplits_GetList: STANDARD,
    Timesheets_GetJobTimesheets: STANDARD,
    LocationLaborType_GetListByLocations: ["Location", "CreatedOn"],
    Timesheets_GetNonJobTimesheets: STANDARD,
    TimesheetCodes_GetList: STANDARD,
  },
  pricebook: {
    Categories_GetList: ["Id", "Name"],
    DiscountAndFees_GetList: ["Id", "Code", "DisplayName", "CreatedOn", "ModifiedOn", "Price", "MemberPrice", "AddOnPrice", "AddOnMemberPrice", "MaterialsCost", "PrimaryVendor", "Cost", "Manufacturer", "Priority"],
    Equipment_GetList: ["Id", "Code", "DisplayName", "CreatedOn", "ModifiedOn", "Price", "MemberPrice", "AddOnPrice", "AddOnMemberPrice", "MaterialsCost", "PrimaryVendor", "Cost", "Manufacturer", "Priority"],
    Materials_GetList: ["Id", "Code", "DisplayName", "CreatedOn", "ModifiedOn", "Price", "MemberPrice", "AddOnPrice", "AddOnMemberPrice", "MaterialsCost", "PrimaryVendor", "Cost", "Manufacturer", "Priority"],
    Services_GetList: ["Id", "Code", "DisplayName", "CreatedOn", "ModifiedOn", "Price", "MemberPrice", "AddOnPrice", "AddOnMemberPrice", "MaterialsCost", "PrimaryVendor", "Cost", "Manufacturer", "Priority"],
  },
  findings: {
    Findings_GetList: ["ID", "CreatedOn", "ModifiedOn"],
  },
  timesheets: {
    ActivityCategories_GetList: STANDARD,
    ActivityTypes_GetList: STANDARD,
  },
  telecom: {
    // the v3 list names its fields in words; the older v2 list sorts with Order By instead
    Calls_Calls: DISPATCH,
  },
};
