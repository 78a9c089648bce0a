/**
 * The picklists, as data: which list operation fills each dropdown, how a record reads, and which
 * extra inputs it takes. The factory (picklist.ts) does the rest.
 *
 * Label styles follow what integration builders already see: "<name> (ID: <id>)" for named records
 * (the default: an entry without `label` reads `{name}`), "#<number>" for jobs and invoices,
 * "#<number> (ID: <id>)" for appointments.
 *
 * Every ID input whose resource has a list operation links to one of these (src/inputs/links.ts);
 * test/dataSources/coverage.test.ts holds the ID inputs without one to the reasons in
 * src/inputs/noDropdown.ts.
 *
 * Not here, on purpose:
 * - selectRouter: the Scheduling Pro document has no operation that lists routers (only a router's
 *   sessions and performance, which need a router ID already).
 */
import { cleanString } from "../inputs/clean";
import { amountOf, arrivalWindowLabel, callLabel, campaignCostLabel, dateOf, joined, jobLabels, leadLabel, locationLabel, nameIn, numbered } from "./labels";
import { idFilterInput, idPathInput, type PicklistDefinition, type PicklistInput } from "./picklist";
import { input } from "@prismatic-io/spectral";

/**
 * The category whose reports the Report dropdown lists. A category's ID is text ("operations"), not a
 * number, so this is a plain required text input (itself filled from the category dropdown), not the
 * numeric ID input other parent lists take.
 */
const reportCategoryInput: PicklistInput = {
  placement: "path",
  name: "report_category",
  definition: input({
    label: "Report Category",
    type: "string",
    required: true,
    comments: "The category whose reports fill the dropdown, by its text ID (for example operations): pick it from the Report Category dropdown.",
    example: "operations",
    placeholder: "operations",
    dataSource: "selectReportCategory",
    clean: cleanString("Report Category", { required: true }),
  }),
};

export const picklistDefinitions: PicklistDefinition[] = [
  // ---- the dropdowns integration builders already use (keys kept exactly)
  {
    key: "selectAppointment",
    operation: { module: "jpm", operationId: "Appointments_GetList" },
    noun: ["appointment", "appointments"],
    label: "#{appointmentNumber}",
    labelDescription: "appointment number",
    strategy: "concurrent",
    example: [{ key: "1", label: "#1 (ID: 1)" }],
  },
  {
    key: "selectBooking",
    operation: { module: "crm", operationId: "Bookings_GetList" },
    noun: ["booking", "bookings"],
    strategy: "concurrent",
    example: [
      { key: "1", label: "Booking 1 (ID: 1)" },
      { key: "2", label: "Booking 2 (ID: 2)" },
    ],
  },
  {
    key: "selectCustomers",
    operation: { module: "crm", operationId: "Customers_GetList" },
    noun: ["customer", "customers"],
    strategy: "concurrent",
    example: [
      { key: "2", label: "Jane Doe (ID: 2)" },
      { key: "1", label: "John Doe (ID: 1)" },
    ],
  },
  {
    key: "selectInstalledEquipment",
    operation: { module: "equipmentsystems", operationId: "InstalledEquipment_GetList" },
    noun: ["installed equipment", "installed equipment records"],
    strategy: "concurrent",
    example: [
      { key: "1", label: "Installed Equipment 1 (ID: 1)" },
      { key: "2", label: "Installed Equipment 2 (ID: 2)" },
    ],
  },
  {
    key: "selectInvoice",
    operation: { module: "accounting", operationId: "Invoices_GetList" },
    noun: ["invoice", "invoices"],
    label: "#{referenceNumber}",
    withId: false,
    labelDescription: "invoice reference number",
    strategy: "concurrent",
    example: [{ key: "1", label: "#1234" }],
  },
  {
    key: "selectJob",
    operation: { module: "jpm", operationId: "Jobs_GetList" },
    noun: ["job", "jobs"],
    label: "#{jobNumber}",
    resolveLabels: jobLabels,
    withId: false,
    labelDescription: "job number (each label also shows the job type and customer)",
    strategy: "concurrent",
    example: [
      { key: "31204567", label: "#10045 · AC Repair · Avery Anderson" },
      { key: "31204590", label: "#10046 · No Heat · Blake Brooks" },
      { key: "31204612", label: "#10047 · Drain Cleaning · Casey Carter" },
    ],
  },
  {
    key: "selectLocation",
    operation: { module: "crm", operationId: "Locations_GetList" },
    noun: ["location", "locations"],
    format: locationLabel,
    labelDescription: "name and address",
    inputs: {
      customerId: idFilterInput(
        "customerId",
        "Customer ID",
        "Lists only this customer's locations; leave empty to list every location.",
        "selectCustomers",
      ),
    },
    strategy: "concurrent",
    example: [
      { key: "28451109", label: "Anderson Residence — 1200 Maple Ave, Glendale, CA 91203 (ID: 28451109)" },
      { key: "28451122", label: "Brooks Dental Care — 455 Oak St, Suite 200, Austin, TX 78701 (ID: 28451122)" },
    ],
  },
  {
    key: "selectProject",
    operation: { module: "jpm", operationId: "Projects_GetList" },
    noun: ["project", "projects"],
    strategy: "concurrent",
    example: [
      { key: "1", label: "Project 1 (ID: 1)" },
      { key: "2", label: "Project 2 (ID: 2)" },
    ],
  },
  {
    key: "selectTechnician",
    operation: { module: "settings", operationId: "Technicians_GetList" },
    noun: ["technician", "technicians"],
    example: [
      { key: "2", label: "Jane Doe (ID: 2)" },
      { key: "1", label: "John Doe (ID: 1)" },
    ],
  },

  // ---- settings and reference lists (usually short: one request)
  {
    key: "selectBusinessUnit",
    operation: { module: "settings", operationId: "BusinessUnits_GetList" },
    noun: ["business unit", "business units"],
    example: [
      { key: "12", label: "HVAC - Service (ID: 12)" },
      { key: "14", label: "Plumbing - Service (ID: 14)" },
    ],
  },
  {
    key: "selectJobType",
    operation: { module: "jpm", operationId: "JobTypes_GetList" },
    noun: ["job type", "job types"],
    example: [
      { key: "31", label: "AC Repair (ID: 31)" },
      { key: "30", label: "No Heat (ID: 30)" },
    ],
  },
  {
    key: "selectCampaign",
    operation: { module: "marketing", operationId: "Campaigns_GetList" },
    noun: ["campaign", "campaigns"],
    example: [
      { key: "40", label: "Google Ads (ID: 40)" },
      { key: "42", label: "Referral Program (ID: 42)" },
    ],
  },
  {
    key: "selectTagType",
    operation: { module: "settings", operationId: "TagTypes_GetList" },
    noun: ["tag type", "tag types"],
    example: [
      { key: "51", label: "Member (ID: 51)" },
      { key: "50", label: "VIP (ID: 50)" },
    ],
  },
  {
    key: "selectJobCancelReason",
    operation: { module: "jpm", operationId: "JobCancelReasons_GetList" },
    noun: ["job cancel reason", "job cancel reasons"],
    example: [
      { key: "60", label: "Customer canceled (ID: 60)" },
      { key: "61", label: "Scheduled with competitor (ID: 61)" },
    ],
  },
  {
    // Call reasons come from the Job Booking API (jbce); bookings' dismiss and leads refer to them.
    key: "selectCallReason",
    operation: { module: "jbce", operationId: "CallReasons_Get" },
    noun: ["call reason", "call reasons"],
    example: [
      { key: "70", label: "Price shopping (ID: 70)" },
      { key: "71", label: "Service area (ID: 71)" },
    ],
  },
  {
    key: "selectJobHoldReason",
    operation: { module: "jpm", operationId: "JobHoldReasons_Get" },
    noun: ["job hold reason", "job hold reasons"],
    example: [
      { key: "66", label: "Parts on order (ID: 66)" },
      { key: "65", label: "Waiting for customer approval (ID: 65)" },
    ],
  },
  {
    key: "selectUserRole",
    operation: { module: "settings", operationId: "UserRoles_GetList" },
    noun: ["user role", "user roles"],
    example: [
      { key: "21", label: "Dispatcher (ID: 21)" },
      { key: "20", label: "Technician (ID: 20)" },
    ],
  },
  {
    key: "selectBookingProviderTag",
    operation: { module: "crm", operationId: "BookingProviderTags_GetList" },
    noun: ["booking provider tag", "booking provider tags"],
    label: "{tagName}",
    labelDescription: "tag name",
    example: [
      { key: "70", label: "partner-1 (ID: 70)" },
      { key: "71", label: "partner-2 (ID: 71)" },
    ],
  },
  {
    key: "selectCustomerContact",
    operation: { module: "crm", operationId: "Customers_GetContactList" },
    noun: ["customer contact", "customer contacts"],
    label: "{type}: {value}",
    labelDescription: "contact type and value",
    inputs: {
      customerId: idPathInput(
        "id",
        "Customer ID",
        "The customer whose contact methods (phone numbers, email addresses) fill the dropdown.",
      ),
    },
    example: [
      { key: "81", label: "Email: jane.doe@example.com (ID: 81)" },
      { key: "80", label: "MobilePhone: 6195550123 (ID: 80)" },
    ],
  },
  {
    key: "selectScheduler",
    operation: { module: "schedulingpro", operationId: "Scheduler_Schedulers" },
    noun: ["scheduler", "schedulers"],
    example: [
      { key: "sch-main", label: "Main website scheduler (ID: sch-main)" },
      { key: "sch-promo", label: "Spring promotion (ID: sch-promo)" },
    ],
  },

  // ---- CRM contacts and leads
  {
    key: "selectContact",
    operation: { module: "crm", operationId: "Contacts_GetList" },
    noun: ["contact", "contacts"],
    example: [
      { key: "0f8fad5b-d9cb-469f-a165-70867728950e", label: "Avery Anderson (ID: 0f8fad5b-d9cb-469f-a165-70867728950e)" },
      { key: "7c9e6679-7425-40de-944b-e07fc1f90ae7", label: "Blake Brooks (ID: 7c9e6679-7425-40de-944b-e07fc1f90ae7)" },
    ],
  },
  {
    key: "selectContactMethod",
    operation: { module: "crm", operationId: "Contacts_SearchContactMethods" },
    noun: ["contact method", "contact methods"],
    label: "{type}: {value}",
    labelDescription: "contact method type and value",
    inputs: {
      contactId: idFilterInput(
        "contactId",
        "Contact ID",
        "Lists only this contact's phone numbers and email addresses; leave empty to list every contact's.",
        "selectContact",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        cleanString("Contact ID"),
      ),
    },
    example: [
      { key: "b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", label: "Email: avery.anderson@example.com (ID: b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d)" },
      { key: "a2e0b1c3-4d5e-4f6a-9b8c-7d6e5f4a3b2c", label: "MobilePhone: 5125550142 (ID: a2e0b1c3-4d5e-4f6a-9b8c-7d6e5f4a3b2c)" },
    ],
  },
  {
    key: "selectLocationContact",
    operation: { module: "crm", operationId: "Locations_GetContactList" },
    noun: ["location contact", "location contacts"],
    label: "{type}: {value}",
    labelDescription: "contact type and value",
    inputs: {
      locationId: idPathInput("id", "Location ID", "The location whose contact methods (phone numbers, email addresses) fill the dropdown."),
    },
    example: [
      { key: "91", label: "Email: frontdesk@brooksdental.example.com (ID: 91)" },
      { key: "90", label: "Phone: 5125550177 (ID: 90)" },
    ],
  },
  {
    key: "selectLead",
    operation: { module: "crm", operationId: "Leads_GetList" },
    noun: ["lead", "leads"],
    format: leadLabel,
    labelDescription: "caller name and summary",
    strategy: "concurrent",
    example: [
      { key: "7710042", label: "Avery Anderson — AC not cooling; outdoor unit buzzing. (ID: 7710042)" },
      { key: "7710043", label: "Blake Brooks — Water heater leaking in garage. (ID: 7710043)" },
    ],
  },

  {
    // Telecom's current (v3) calls list; the newest calls first.
    key: "selectCall",
    operation: { module: "telecom", operationId: "Calls_Calls" },
    noun: ["call", "calls"],
    format: callLabel,
    labelDescription: "time received (UTC), direction and caller",
    example: [
      { key: "66340700", label: "2026-01-15 09:30 · Inbound · Avery Anderson (ID: 66340700)" },
      { key: "66340701", label: "2026-01-15 16:02 · Inbound · Blake Brooks (ID: 66340701)" },
    ],
  },

  // ---- people
  {
    key: "selectEmployee",
    operation: { module: "settings", operationId: "Employees_GetList" },
    noun: ["employee", "employees"],
    example: [
      { key: "4410031", label: "Morgan Patel (ID: 4410031)" },
      { key: "4410012", label: "Sam Rivera (ID: 4410012)" },
    ],
  },
  {
    // Who sold a job or manages a project may be a technician or an office employee: both lists, tagged.
    key: "selectTechnicianOrEmployee",
    operation: { module: "settings", operationId: "Technicians_GetList" },
    merge: { operation: { module: "settings", operationId: "Employees_GetList" }, tags: ["Technician", "Employee"] },
    noun: ["technician or employee", "technicians and employees"],
    label: "{name} · {kind}",
    labelDescription: "name (each label says Technician or Employee)",
    example: [
      { key: "4410031", label: "Morgan Patel · Employee (ID: 4410031)" },
      { key: "4410012", label: "Sam Rivera · Technician (ID: 4410012)" },
    ],
  },

  // ---- dispatch
  {
    key: "selectZone",
    operation: { module: "dispatch", operationId: "Zone_GetList" },
    noun: ["zone", "zones"],
    example: [
      { key: "215", label: "North Glendale (ID: 215)" },
      { key: "216", label: "South Glendale (ID: 216)" },
    ],
  },
  {
    key: "selectArrivalWindow",
    operation: { module: "dispatch", operationId: "ArrivalWindows_GetList" },
    noun: ["arrival window", "arrival windows"],
    format: arrivalWindowLabel,
    labelDescription: "start and end time",
    example: [
      { key: "66340700", label: "08:00–10:00 (ID: 66340700)" },
      { key: "66340701", label: "10:00–12:00 (ID: 66340701)" },
    ],
  },
  {
    key: "selectTeam",
    operation: { module: "dispatch", operationId: "Team_GetList" },
    noun: ["team", "teams"],
    example: [
      { key: "9", label: "HVAC North (ID: 9)" },
      { key: "10", label: "Plumbing South (ID: 10)" },
    ],
  },
  {
    key: "selectTechnicianShift",
    operation: { module: "dispatch", operationId: "TechnicianShifts_GetList" },
    noun: ["technician shift", "technician shifts"],
    format: joined(dateOf("start"), (r) => r.title || r.shiftType),
    labelDescription: "start date and title",
    strategy: "concurrent",
    example: [
      { key: "5520014", label: "2026-01-15 · On call (ID: 5520014)" },
      { key: "5520015", label: "2026-01-16 · Normal (ID: 5520015)" },
    ],
  },
  {
    key: "selectTechnicianSkill",
    operation: { module: "dispatch", operationId: "TechnicianSkills_GetList" },
    noun: ["technician skill", "technician skills"],
    example: [
      { key: "10045", label: "Heat pump certified (ID: 10045)" },
      { key: "10046", label: "Tankless water heaters (ID: 10046)" },
    ],
  },
  {
    key: "selectNonJobAppointment",
    operation: { module: "dispatch", operationId: "NonJobAppointments_GetList" },
    noun: ["non-job appointment", "non-job appointments"],
    format: joined(dateOf("start"), (r) => r.name),
    labelDescription: "start date and name",
    strategy: "concurrent",
    example: [
      { key: "31204571", label: "2026-01-15 · Team meeting (ID: 31204571)" },
      { key: "31204572", label: "2026-01-16 · Truck maintenance (ID: 31204572)" },
    ],
  },

  // ---- projects and budget codes (Job Planning)
  {
    key: "selectProjectStatus",
    operation: { module: "jpm", operationId: "ProjectStatuses_GetList" },
    noun: ["project status", "project statuses"],
    example: [
      { key: "92833027", label: "Completed (ID: 92833027)" },
      { key: "92833026", label: "In Progress (ID: 92833026)" },
    ],
  },
  {
    key: "selectProjectSubStatus",
    operation: { module: "jpm", operationId: "ProjectSubStatuses_GetList" },
    noun: ["project sub-status", "project sub-statuses"],
    inputs: {
      statusId: idFilterInput("statusId", "Status ID", "Lists only the sub-statuses of this project status; leave empty to list all.", "selectProjectStatus"),
    },
    example: [
      { key: "92833042", label: "Waiting on parts (ID: 92833042)" },
      { key: "92833041", label: "Waiting on permit (ID: 92833041)" },
    ],
  },
  {
    key: "selectProjectType",
    operation: { module: "jpm", operationId: "ProjectTypes_GetList" },
    noun: ["project type", "project types"],
    example: [
      { key: "88293493", label: "New Construction (ID: 88293493)" },
      { key: "88293492", label: "Remodel (ID: 88293492)" },
    ],
  },
  {
    key: "selectJobCustomFieldType",
    operation: { module: "jpm", operationId: "Jobs_GetCustomFieldTypes" },
    noun: ["job custom field", "job custom fields"],
    example: [
      { key: "84745315", label: "Gate Code (ID: 84745315)" },
      { key: "84745316", label: "Permit Number (ID: 84745316)" },
    ],
  },
  {
    key: "selectBudgetCode",
    operation: { module: "jpm", operationId: "BudgetCodes_ListCompanyBudgetCodes" },
    noun: ["budget code", "budget codes"],
    format: joined((r) => r.code, (r) => r.description),
    labelDescription: "code and description",
    example: [
      { key: "66340700", label: "CAP-455 · Capacitor replacement (ID: 66340700)" },
      { key: "66340701", label: "DUCT-120 · Duct sealing (ID: 66340701)" },
    ],
  },
  {
    key: "selectBudgetSegment",
    operation: { module: "jpm", operationId: "BudgetCodes_ListCompanySegments" },
    // its answer holds `data` but no `hasMore`: one page of 5,000
    field: "data",
    noun: ["budget code segment", "budget code segments"],
    example: [
      { key: "49660180", label: "Commercial (ID: 49660180)" },
      { key: "49660179", label: "Residential (ID: 49660179)" },
    ],
  },

  // ---- accounting
  {
    key: "selectPaymentTerm",
    operation: { module: "accounting", operationId: "PaymentTerms_GetList" },
    noun: ["payment term", "payment terms"],
    example: [
      { key: "11", label: "Due on receipt (ID: 11)" },
      { key: "12", label: "Net 30 (ID: 12)" },
    ],
  },
  {
    key: "selectPaymentType",
    operation: { module: "accounting", operationId: "PaymentTypes_GetList" },
    noun: ["payment type", "payment types"],
    example: [
      { key: "21", label: "Check (ID: 21)" },
      { key: "22", label: "Credit Card (ID: 22)" },
    ],
  },
  {
    key: "selectPayment",
    operation: { module: "accounting", operationId: "Payments_GetList" },
    noun: ["payment", "payments"],
    format: joined(dateOf("date"), nameIn("customer"), amountOf("total")),
    labelDescription: "date, customer and amount",
    strategy: "concurrent",
    example: [
      { key: "24702028", label: "2026-01-15 · Avery Anderson · $249.50 (ID: 24702028)" },
      { key: "24702031", label: "2026-01-16 · Blake Brooks · $1,180.00 (ID: 24702031)" },
    ],
  },
  {
    key: "selectCreditMemo",
    operation: { module: "accounting", operationId: "CreditMemos_GetCreditMemosList" },
    noun: ["credit memo", "credit memos"],
    format: joined(numbered("referenceNumber"), nameIn("customer"), amountOf("total")),
    labelDescription: "reference number, customer and total",
    strategy: "concurrent",
    example: [
      { key: "66340700", label: "#REF-10045 · Avery Anderson · $249.50 (ID: 66340700)" },
      { key: "66340701", label: "#REF-10046 · Blake Brooks · $75.00 (ID: 66340701)" },
    ],
  },
  {
    key: "selectBankDeposit",
    operation: { module: "accounting", operationId: "Deposits_GetList" },
    noun: ["bank deposit", "bank deposits"],
    format: joined(dateOf("depositDate"), (r) => r.name, amountOf("grossAmount")),
    labelDescription: "deposit date, name and gross amount",
    example: [
      { key: "9340021", label: "2026-01-15 · Credit Card · $2,480.00 (ID: 9340021)" },
      { key: "9340022", label: "2026-01-16 · Checks · $915.50 (ID: 9340022)" },
    ],
  },
  {
    key: "selectJournalEntry",
    operation: { module: "accounting", operationId: "JournalEntries_GetList" },
    noun: ["journal entry", "journal entries"],
    format: joined(numbered("number"), (r) => r.name, dateOf("postDate")),
    labelDescription: "number, name and post date",
    strategy: "concurrent",
    example: [
      { key: "0f8fad5b-d9cb-469f-a165-70867728950e", label: "#10045 · January invoices · 2026-01-31 (ID: 0f8fad5b-d9cb-469f-a165-70867728950e)" },
      { key: "7c9e6679-7425-40de-944b-e07fc1f90ae7", label: "#10046 · January payments · 2026-01-31 (ID: 7c9e6679-7425-40de-944b-e07fc1f90ae7)" },
    ],
  },
  {
    key: "selectApBill",
    operation: { module: "accounting", operationId: "ApBills_GetListPaginated" },
    noun: ["AP bill", "AP bills"],
    format: joined(numbered("referenceNumber"), (r) => r.vendorNumber, amountOf("billAmount")),
    labelDescription: "reference number, vendor number and amount",
    strategy: "concurrent",
    example: [
      { key: "66340700", label: "#REF-10045 · V-2291 · $249.50 (ID: 66340700)" },
      { key: "66340701", label: "#REF-10046 · V-2291 · $1,020.00 (ID: 66340701)" },
    ],
  },
  {
    key: "selectInventoryBill",
    operation: { module: "accounting", operationId: "InventoryBills_GetListPaginated" },
    noun: ["inventory bill", "inventory bills"],
    format: joined(numbered("referenceNumber"), (r) => r.vendorNumber, amountOf("billAmount")),
    labelDescription: "reference number, vendor number and amount",
    strategy: "concurrent",
    example: [
      { key: "66340700", label: "#REF-10045 · V-2291 · $249.50 (ID: 66340700)" },
      { key: "66340701", label: "#REF-10046 · V-3310 · $88.20 (ID: 66340701)" },
    ],
  },
  {
    key: "selectGlAccount",
    operation: { module: "accounting", operationId: "GlAccounts_GetList" },
    noun: ["GL account", "GL accounts"],
    format: joined((r) => r.number, (r) => r.name),
    labelDescription: "account number and name",
    example: [
      { key: "80276787", label: "4000 · Service Revenue (ID: 80276787)" },
      { key: "80276790", label: "5000 · Cost of Goods Sold (ID: 80276790)" },
    ],
  },
  {
    key: "selectTaxZone",
    operation: { module: "accounting", operationId: "TaxZones_GetList" },
    noun: ["tax zone", "tax zones"],
    example: [
      { key: "31", label: "Glendale (ID: 31)" },
      { key: "32", label: "Los Angeles County (ID: 32)" },
    ],
  },
  {
    key: "selectRemittanceVendor",
    operation: { module: "accounting", operationId: "RemittanceVendors_GetList" },
    noun: ["remittance vendor", "remittance vendors"],
    example: [
      { key: "4120", label: "Ferguson Supply (ID: 4120)" },
      { key: "4121", label: "Johnstone Supply (ID: 4121)" },
    ],
  },

  // ---- equipment and marketing
  {
    key: "selectEquipmentType",
    operation: { module: "equipmentsystems", operationId: "EquipmentTypes_GetList" },
    noun: ["equipment type", "equipment types"],
    example: [
      { key: "7230020", label: "Air Handler (ID: 7230020)" },
      { key: "7230019", label: "Furnace (ID: 7230019)" },
    ],
  },
  {
    key: "selectCampaignCategory",
    operation: { module: "marketing", operationId: "CampaignCategories_GetList" },
    noun: ["campaign category", "campaign categories"],
    example: [
      { key: "96383161", label: "Offline (ID: 96383161)" },
      { key: "96383160", label: "Online (ID: 96383160)" },
    ],
  },
  {
    key: "selectCampaignCost",
    operation: { module: "marketing", operationId: "CampaignCosts_GetList" },
    noun: ["campaign cost", "campaign costs"],
    format: campaignCostLabel,
    labelDescription: "month and daily cost",
    inputs: {
      campaignId: idFilterInput("campaignId", "Campaign ID", "Lists only this campaign's monthly costs; leave empty to list every campaign's.", "selectCampaign"),
    },
    example: [
      { key: "2210048", label: "February 2026 · $98.00 a day (ID: 2210048)" },
      { key: "2210047", label: "January 2026 · $112.40 a day (ID: 2210047)" },
    ],
  },

  // ---- task management: tasks, and the short lists of its /data answer (one request each)
  {
    key: "selectTask",
    operation: { module: "taskmanagement", operationId: "Tasks_GetTasks" },
    noun: ["task", "tasks"],
    format: joined(numbered("taskNumber"), (r) => r.name),
    labelDescription: "task number and name",
    strategy: "concurrent",
    example: [
      { key: "66340700", label: "#52906499 · Call back about the estimate (ID: 66340700)" },
      { key: "66340701", label: "#52906500 · Refund the duplicate payment (ID: 66340701)" },
    ],
  },
  {
    key: "selectTaskType",
    operation: { module: "taskmanagement", operationId: "ClientSideData_Get" },
    field: "taskTypes",
    noun: ["task type", "task types"],
    example: [
      { key: "55467997", label: "Billing (ID: 55467997)" },
      { key: "55467998", label: "Customer complaint (ID: 55467998)" },
    ],
  },
  {
    key: "selectTaskSource",
    operation: { module: "taskmanagement", operationId: "ClientSideData_Get" },
    field: "taskSources",
    noun: ["task source", "task sources"],
    example: [
      { key: "66019960", label: "Phone call (ID: 66019960)" },
      { key: "66019961", label: "Technician (ID: 66019961)" },
    ],
  },
  {
    key: "selectTaskResolution",
    operation: { module: "taskmanagement", operationId: "ClientSideData_Get" },
    field: "taskResolutions",
    noun: ["task resolution", "task resolutions"],
    example: [
      { key: "48611093", label: "Refund issued (ID: 48611093)" },
      { key: "48611092", label: "Resolved by phone (ID: 48611092)" },
    ],
  },
  {
    key: "selectTaskEmployee",
    operation: { module: "taskmanagement", operationId: "ClientSideData_Get" },
    field: "employees",
    noun: ["task management employee", "task management employees"],
    example: [
      { key: "4410031", label: "Morgan Patel (ID: 4410031)" },
      { key: "4410012", label: "Sam Rivera (ID: 4410012)" },
    ],
  },
  // ---- the modules added with issue 16 (sales, inventory, memberships, pricebook, payroll, timesheets, forms, findings, service agreements)
  {
    key: "selectEstimate",
    operation: { module: "sales", operationId: "Estimates_GetList" },
    noun: ["estimate", "estimates"],
    label: "{name} · job #{jobNumber}",
    labelDescription: "estimate name and job number",
    strategy: "concurrent",
    example: [
      { key: "41200318", label: "AC tune-up · job #10467 (ID: 41200318)" },
      { key: "41200311", label: "Furnace replacement · job #10452 (ID: 41200311)" },
    ],
  },
  {
    key: "selectEstimateTemplate",
    operation: { module: "sales", operationId: "EstimateTemplates_Get" },
    noun: ["estimate template", "estimate templates"],
    example: [
      { key: "5120", label: "Good-better-best AC (ID: 5120)" },
      { key: "5121", label: "Water heater swap (ID: 5121)" },
    ],
  },
  {
    key: "selectProposalTemplate",
    operation: { module: "sales", operationId: "ProposalTemplates_Get" },
    noun: ["proposal template", "proposal templates"],
    example: [
      { key: "881", label: "Plumbing repair proposal (ID: 881)" },
      { key: "880", label: "Standard HVAC proposal (ID: 880)" },
    ],
  },
  {
    key: "selectPurchaseOrder",
    operation: { module: "inventory", operationId: "PurchaseOrders_GetList" },
    noun: ["purchase order", "purchase orders"],
    label: "#{number}",
    labelDescription: "purchase order number",
    strategy: "concurrent",
    example: [
      { key: "730021", label: "#PO-10021 (ID: 730021)" },
      { key: "730022", label: "#PO-10022 (ID: 730022)" },
    ],
  },
  {
    key: "selectPurchaseOrderType",
    operation: { module: "inventory", operationId: "PurchaseOrderTypes_GetList" },
    noun: ["purchase order type", "purchase order types"],
    example: [
      { key: "12", label: "Job order (ID: 12)" },
      { key: "13", label: "Stock replenishment (ID: 13)" },
    ],
  },
  {
    key: "selectPurchaseOrderMarkup",
    operation: { module: "inventory", operationId: "PurchaseOrdersMarkup_Get" },
    noun: ["purchase order markup", "purchase order markups"],
    label: "{from} to {to}: {percent}%",
    labelDescription: "cost range and percent",
    example: [
      { key: "31", label: "0 to 100: 50% (ID: 31)" },
      { key: "32", label: "100 to 500: 35% (ID: 32)" },
    ],
  },
  {
    key: "selectVendor",
    operation: { module: "inventory", operationId: "Vendors_GetList" },
    noun: ["vendor", "vendors"],
    example: [
      { key: "6101", label: "Ferguson HVAC Supply (ID: 6101)" },
      { key: "6102", label: "Johnstone Supply (ID: 6102)" },
    ],
  },
  {
    key: "selectReceipt",
    operation: { module: "inventory", operationId: "Receipts_GetList" },
    noun: ["receipt", "receipts"],
    label: "#{number}",
    labelDescription: "receipt number",
    example: [
      { key: "940011", label: "#R-10011 (ID: 940011)" },
    ],
  },
  {
    key: "selectReturn",
    operation: { module: "inventory", operationId: "Returns_GetList" },
    noun: ["return", "returns"],
    label: "#{number}",
    labelDescription: "return number",
    example: [
      { key: "950011", label: "#RT-10011 (ID: 950011)" },
    ],
  },
  {
    key: "selectReturnType",
    operation: { module: "inventory", operationId: "ReturnTypes_GetList" },
    noun: ["return type", "return types"],
    // the list requires activeOnly: the active return types are the ones a return can take
    query: { activeOnly: true },
    example: [
      { key: "3", label: "Defective part (ID: 3)" },
      { key: "4", label: "Overstock (ID: 4)" },
    ],
  },
  {
    key: "selectInventoryAdjustment",
    operation: { module: "inventory", operationId: "Adjustments_GetList" },
    noun: ["inventory adjustment", "inventory adjustments"],
    label: "#{number}",
    labelDescription: "adjustment number",
    example: [
      { key: "960011", label: "#A-10011 (ID: 960011)" },
    ],
  },
  {
    key: "selectTransfer",
    operation: { module: "inventory", operationId: "Transfers_GetList" },
    noun: ["inventory transfer", "inventory transfers"],
    label: "#{number}",
    labelDescription: "transfer number",
    example: [
      { key: "970011", label: "#T-10011 (ID: 970011)" },
    ],
  },
  {
    key: "selectTruck",
    operation: { module: "inventory", operationId: "Trucks_GetList" },
    noun: ["truck", "trucks"],
    example: [
      { key: "7101", label: "Truck 12 - Morgan (ID: 7101)" },
      { key: "7102", label: "Truck 14 - Sam (ID: 7102)" },
    ],
  },
  {
    key: "selectWarehouse",
    operation: { module: "inventory", operationId: "Warehouses_GetList" },
    noun: ["warehouse", "warehouses"],
    example: [
      { key: "7001", label: "Glendale Main Warehouse (ID: 7001)" },
    ],
  },
  {
    key: "selectForm",
    operation: { module: "forms", operationId: "Form_GetForms" },
    noun: ["form", "forms"],
    example: [
      { key: "2201", label: "Furnace safety checklist (ID: 2201)" },
      { key: "2202", label: "Job completion sign-off (ID: 2202)" },
    ],
  },
  {
    key: "selectMembership",
    operation: { module: "memberships", operationId: "CustomerMemberships_GetList" },
    noun: ["membership", "memberships"],
    label: "{status} membership from {from}",
    labelDescription: "status and start date",
    strategy: "concurrent",
    example: [
      { key: "81001", label: "Active membership from 2024-01-15 (ID: 81001)" },
    ],
  },
  {
    key: "selectMembershipType",
    operation: { module: "memberships", operationId: "MembershipTypes_GetList" },
    noun: ["membership type", "membership types"],
    example: [
      { key: "501", label: "Comfort Club Gold (ID: 501)" },
      { key: "502", label: "Comfort Club Silver (ID: 502)" },
    ],
  },
  {
    key: "selectRecurringService",
    operation: { module: "memberships", operationId: "LocationRecurringServices_GetList" },
    noun: ["recurring service", "recurring services"],
    example: [
      { key: "82001", label: "Spring AC tune-up (ID: 82001)" },
    ],
  },
  {
    key: "selectRecurringServiceType",
    operation: { module: "memberships", operationId: "RecurringServiceTypes_GetList" },
    noun: ["recurring service type", "recurring service types"],
    label: "{recurrenceType} every {recurrenceInterval}",
    labelDescription: "recurrence",
    example: [
      { key: "601", label: "Monthly every 6 (ID: 601)" },
    ],
  },
  {
    key: "selectRecurringServiceEvent",
    operation: { module: "memberships", operationId: "LocationRecurringServiceEvents_GetList" },
    noun: ["recurring service event", "recurring service events"],
    label: "{locationRecurringServiceName} · {date}",
    labelDescription: "service name and date",
    example: [
      { key: "83001", label: "Spring AC tune-up · 2024-04-01T00:00:00Z (ID: 83001)" },
    ],
  },
  {
    key: "selectPricebookService",
    operation: { module: "pricebook", operationId: "Services_GetList" },
    noun: ["pricebook service", "pricebook services"],
    label: "{code} · {displayName}",
    labelDescription: "code and name",
    strategy: "concurrent",
    example: [
      { key: "9101", label: "HVAC-TUNE · AC tune-up (ID: 9101)" },
    ],
  },
  {
    key: "selectPricebookMaterial",
    operation: { module: "pricebook", operationId: "Materials_GetList" },
    noun: ["pricebook material", "pricebook materials"],
    label: "{code} · {displayName}",
    labelDescription: "code and name",
    strategy: "concurrent",
    example: [
      { key: "9201", label: "FLT-1620 · Filter 16x20x1 (ID: 9201)" },
    ],
  },
  {
    key: "selectPricebookEquipment",
    operation: { module: "pricebook", operationId: "Equipment_GetList" },
    noun: ["pricebook equipment item", "pricebook equipment items"],
    label: "{code} · {displayName}",
    labelDescription: "code and name",
    strategy: "concurrent",
    example: [
      { key: "9301", label: "FURN-80 · 80% gas furnace (ID: 9301)" },
    ],
  },
  {
    key: "selectPricebookCategory",
    operation: { module: "pricebook", operationId: "Categories_GetList" },
    noun: ["pricebook category", "pricebook categories"],
    example: [
      { key: "9001", label: "Heating (ID: 9001)" },
      { key: "9002", label: "Plumbing (ID: 9002)" },
    ],
  },
  {
    key: "selectDiscountOrFee",
    operation: { module: "pricebook", operationId: "DiscountAndFees_GetList" },
    noun: ["discount or fee", "discounts and fees"],
    label: "{code} · {displayName}",
    labelDescription: "code and name",
    example: [
      { key: "9401", label: "MEMBER10 · Member discount 10% (ID: 9401)" },
    ],
  },
  {
    key: "selectMaterialMarkup",
    operation: { module: "pricebook", operationId: "MaterialsMarkup_GetList" },
    noun: ["material markup", "material markups"],
    label: "{from} to {to}: {percent}%",
    labelDescription: "cost range and percent",
    example: [
      { key: "41", label: "0 to 50: 100% (ID: 41)" },
    ],
  },
  {
    key: "selectRateSheet",
    operation: { module: "pricebook", operationId: "ClientSpecificPricing_GetAllRateSheets" },
    noun: ["rate sheet", "rate sheets"],
    // rate sheets carry no name: each reads "Rate Sheet <id>"
    labelDescription: "rate sheet ID",
    example: [
      { key: "51", label: "Rate Sheet 51 (ID: 51)" },
    ],
  },
  {
    key: "selectPayroll",
    operation: { module: "payroll", operationId: "Payrolls_GetList" },
    noun: ["payroll", "payrolls"],
    label: "{employeeType} {employeeId} · {startedOn} to {endedOn}",
    labelDescription: "employee and period",
    strategy: "concurrent",
    example: [
      { key: "70011", label: "Technician 4410031 · 2024-01-01T00:00:00Z to 2024-01-14T00:00:00Z (ID: 70011)" },
    ],
  },
  {
    key: "selectGrossPayItem",
    operation: { module: "payroll", operationId: "GrossPayItems_GetList" },
    noun: ["gross pay item", "gross pay items"],
    label: "{activity} · {date}",
    labelDescription: "activity and date",
    strategy: "concurrent",
    example: [
      { key: "71011", label: "Job work · 2024-01-15T00:00:00Z (ID: 71011)" },
    ],
  },
  {
    key: "selectPayrollAdjustment",
    operation: { module: "payroll", operationId: "PayrollAdjustments_GetList" },
    noun: ["payroll adjustment", "payroll adjustments"],
    label: "{memo}",
    labelDescription: "memo",
    example: [
      { key: "72011", label: "Tool allowance (ID: 72011)" },
    ],
  },
  {
    key: "selectActivityCode",
    operation: { module: "payroll", operationId: "ActivityCodes_GetList" },
    noun: ["activity code", "activity codes"],
    label: "{code} · {name}",
    labelDescription: "code and name",
    example: [
      { key: "302", label: "OT · Overtime (ID: 302)" },
      { key: "301", label: "REG · Regular time (ID: 301)" },
    ],
  },
  {
    key: "selectTimesheetCode",
    operation: { module: "payroll", operationId: "TimesheetCodes_GetList" },
    noun: ["timesheet code", "timesheet codes"],
    label: "{code} · {description}",
    labelDescription: "code and description",
    example: [
      { key: "401", label: "MTG · Meeting (ID: 401)" },
      { key: "402", label: "TRN · Training (ID: 402)" },
    ],
  },
  {
    key: "selectTimesheetActivity",
    operation: { module: "timesheets", operationId: "ActivitiesControllers_GetList" },
    noun: ["timesheet activity", "timesheet activities"],
    label: "{memo}",
    labelDescription: "memo",
    example: [
      { key: "73011", label: "Timesheet activity 73011 (ID: 73011)" },
    ],
  },
  {
    key: "selectActivityType",
    operation: { module: "timesheets", operationId: "ActivityTypes_GetList" },
    noun: ["activity type", "activity types"],
    label: "{code} · {description}",
    labelDescription: "code and description",
    example: [
      { key: "801", label: "DRV · Driving (ID: 801)" },
    ],
  },
  {
    key: "selectActivityCategory",
    operation: { module: "timesheets", operationId: "ActivityCategories_GetList" },
    noun: ["activity category", "activity categories"],
    example: [
      { key: "852", label: "Break (ID: 852)" },
      { key: "851", label: "Work (ID: 851)" },
    ],
  },
  {
    key: "selectFinding",
    operation: { module: "findings", operationId: "Findings_GetList" },
    noun: ["finding", "findings"],
    example: [
      { key: "88001", label: "Cracked heat exchanger (ID: 88001)" },
    ],
  },
  {
    key: "selectServiceAgreement",
    operation: { module: "service-agreements", operationId: "ServiceAgreements_GetList" },
    noun: ["service agreement", "service agreements"],
    example: [
      { key: "89001", label: "Annual maintenance - Doe residence (ID: 89001)" },
    ],
  },
  {
    // Stock is kept at inventory locations: the warehouses and the trucks, both lists, tagged.
    key: "selectInventoryLocation",
    operation: { module: "inventory", operationId: "Warehouses_GetList" },
    merge: { operation: { module: "inventory", operationId: "Trucks_GetList" }, tags: ["Warehouse", "Truck"] },
    noun: ["inventory location", "inventory locations"],
    label: "{name} · {kind}",
    labelDescription: "name and whether it is a warehouse or a truck",
    example: [
      { key: "7001", label: "Glendale Main Warehouse · Warehouse (ID: 7001)" },
      { key: "7101", label: "Truck 12 - Morgan · Truck (ID: 7101)" },
    ],
  },
  {
    key: "selectPurchaseOrderRequest",
    operation: { module: "inventory", operationId: "PurchaseOrders_GetRequests" },
    noun: ["purchase order request", "purchase order requests"],
    label: "#{requestNumber} · {requestStatus}",
    labelDescription: "request number and status",
    example: [{ key: "740011", label: "#POR-10011 · Pending (ID: 740011)" }],
  },
  {
    key: "selectInventoryTemplate",
    operation: { module: "inventory", operationId: "InventoryTemplates_GetList" },
    noun: ["inventory template", "inventory templates"],
    example: [{ key: "7201", label: "Standard HVAC truck stock (ID: 7201)" }],
  },
  // ---- Reporting: report categories, and the reports of the category chosen (used by Run Report, src/reporting/)
  {
    key: "selectReportCategory",
    operation: { module: "reporting", operationId: "ReportCategories_GetCategories" },
    noun: ["report category", "report categories"],
    example: [
      { key: "accounting", label: "Accounting (ID: accounting)" },
      { key: "operations", label: "Operations (ID: operations)" },
    ],
  },
  {
    key: "selectReport",
    operation: { module: "reporting", operationId: "ReportCategoryReports_GetReports" },
    noun: ["report", "reports"],
    inputs: { reportCategory: reportCategoryInput },
    example: [
      { key: "2002", label: "Dispatch Board Snapshot (ID: 2002)" },
      { key: "2001", label: "Jobs Completed by Business Unit (ID: 2001)" },
    ],
  },
];
