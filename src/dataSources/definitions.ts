/**
 * The picklists, as data: which list operation fills each dropdown, how a record reads, and which
 * extra inputs it takes. The factory (picklist.ts) does the rest.
 *
 * Label styles follow what integration builders already see: "<name> (ID: <id>)" for named records
 * (the default: an entry without `label` reads `{name}`), "#<number>" for jobs and invoices,
 * "#<number> (ID: <id>)" for appointments.
 *
 * Not here, on purpose:
 * - selectRouter: the Scheduling Pro document has no operation that lists routers (only a router's
 *   sessions and performance, which need a router ID already).
 */
import { jobLabels, locationLabel } from "./labels";
import { idFilterInput, idPathInput, type PicklistDefinition } from "./picklist";

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
];
