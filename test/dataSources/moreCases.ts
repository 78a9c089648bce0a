/**
 * The records and labels for the dropdowns of moreDropdowns.test.ts: one realistic record or two per
 * list (sandbox-seed style), and how each should read.
 */
import { SEGMENTS, TASK_LISTS } from "../../sandbox/resources/shortLists";
import { K } from "../../sandbox/store";

type Fields = Record<string, unknown>;

export interface MoreCase {
  key: string;
  /** Store collection of the records (the generic sandbox serves it). */
  collection: string;
  records: Fields[];
  /** The label each record should read (without " (ID: …)"). */
  labels: string[];
  params?: () => Record<string, unknown>;
}

export const MORE_CASES: MoreCase[] = [
  {
    key: "selectLead",
    collection: "crm:/leads",
    records: [
      { status: "Open", leadCustomerName: "Avery Anderson", summary: "AC not cooling; outdoor unit buzzing." },
      { status: "Open", leadCustomerName: "Blake Brooks", summary: "Water heater has been leaking into the garage since Sunday night, please call first" },
    ],
    labels: ["Avery Anderson — AC not cooling; outdoor unit buzzing.", "Blake Brooks — Water heater has been leaking into the garage since Sunday…"],
  },
  { key: "selectEmployee", collection: K.employees, records: [], labels: [] }, // filled from the seed below
  {
    // served by the telecom v3 list, which nests each call under leadCall
    key: "selectCall",
    collection: "telecom:/calls",
    records: [
      { receivedOn: "2026-01-15T09:30:00Z", direction: "Inbound", from: "6195550142", customer: { id: 28451107, name: "Avery Anderson" }, active: true },
      { receivedOn: "2026-01-15T16:02:41Z", direction: "Outbound", from: "6195550100", customer: null, active: true },
    ],
    labels: ["2026-01-15 09:30 · Inbound · Avery Anderson", "2026-01-15 16:02 · Outbound · 6195550100"],
  },
  {
    key: "selectZone",
    collection: "dispatch:/zones",
    records: [{ name: "North Glendale", active: true, zips: ["91203"] }, { name: "South Glendale", active: true, zips: ["91204"] }],
    labels: ["North Glendale", "South Glendale"],
  },
  {
    key: "selectArrivalWindow",
    collection: "dispatch:/arrival-windows",
    records: [{ start: "08:00:00", duration: "02:00:00", active: true }, { start: "13:30:00", duration: "04:00:00", active: true }],
    labels: ["08:00–10:00", "13:30–17:30"],
  },
  { key: "selectTeam", collection: "dispatch:/teams", records: [{ name: "HVAC North", active: true }], labels: ["HVAC North"] },
  {
    key: "selectTechnicianShift",
    collection: "dispatch:/technician-shifts",
    records: [{ title: "On call", shiftType: "OnCall", start: "2026-01-15T16:00:00Z", end: "2026-01-16T00:00:00Z", active: true }],
    labels: ["2026-01-15 · On call"],
  },
  { key: "selectTechnicianSkill", collection: "dispatch:/technician-skills", records: [{ name: "Heat pump certified", active: true }], labels: ["Heat pump certified"] },
  {
    key: "selectNonJobAppointment",
    collection: "dispatch:/non-job-appointments",
    records: [{ name: "Team meeting", start: "2026-01-15T15:00:00Z", duration: "01:00:00", active: true }],
    labels: ["2026-01-15 · Team meeting"],
  },
  { key: "selectProjectStatus", collection: "jpm:/project-statuses", records: [{ name: "In Progress", order: 1 }], labels: ["In Progress"] },
  { key: "selectProjectSubStatus", collection: "jpm:/project-substatuses", records: [{ name: "Waiting on permit", statusId: 1, active: true }], labels: ["Waiting on permit"] },
  { key: "selectProjectType", collection: "jpm:/project-types", records: [{ name: "Remodel" }], labels: ["Remodel"] },
  { key: "selectJobCustomFieldType", collection: "jpm:/jobs/custom-fields", records: [{ name: "Gate Code", dataType: "Text" }], labels: ["Gate Code"] },
  {
    key: "selectBudgetCode",
    collection: "jpm:/work-breakdown-structure/budget-codes",
    records: [{ code: "CAP-455", description: "Capacitor replacement" }],
    labels: ["CAP-455 · Capacitor replacement"],
  },
  { key: "selectBudgetSegment", collection: SEGMENTS, records: [{ name: "Residential", isActive: true }], labels: ["Residential"] },
  { key: "selectPaymentTerm", collection: "accounting:/payment-terms", records: [{ name: "Net 30", active: true }], labels: ["Net 30"] },
  { key: "selectPaymentType", collection: "accounting:/payment-types", records: [{ name: "Credit Card", active: true }], labels: ["Credit Card"] },
  {
    key: "selectPayment",
    collection: "accounting:/payments",
    records: [{ date: "2026-01-15T16:00:00Z", customer: { id: 5, name: "Avery Anderson" }, total: "1249.5", active: true }],
    labels: ["2026-01-15 · Avery Anderson · $1,249.50"],
  },
  {
    key: "selectCreditMemo",
    collection: "accounting:/credit-memos",
    records: [{ referenceNumber: "REF-10045", customer: { id: 5, name: "Avery Anderson" }, total: 75, active: true }],
    labels: ["#REF-10045 · Avery Anderson · $75.00"],
  },
  {
    key: "selectBankDeposit",
    collection: "accounting:/bank-deposits",
    records: [{ name: "Credit Card", depositDate: "2026-01-15T16:00:00Z", grossAmount: 2480 }],
    labels: ["2026-01-15 · Credit Card · $2,480.00"],
  },
  {
    key: "selectJournalEntry",
    collection: "accounting:/journal-entries",
    records: [{ number: 10045, name: "January invoices", postDate: "2026-01-31" }],
    labels: ["#10045 · January invoices · 2026-01-31"],
  },
  {
    key: "selectApBill",
    collection: "accounting:/ap-bills",
    records: [{ referenceNumber: "REF-10045", vendorNumber: "V-2291", billAmount: "249.50" }],
    labels: ["#REF-10045 · V-2291 · $249.50"],
  },
  {
    key: "selectInventoryBill",
    // the sandbox keeps the paginated list's records apart from the older unpaged one's
    collection: "accounting:/inventory-bills/paginated",
    records: [{ referenceNumber: "REF-20001", vendorNumber: "V-3310", billAmount: "88.2" }],
    labels: ["#REF-20001 · V-3310 · $88.20"],
  },
  { key: "selectGlAccount", collection: "accounting:/gl-accounts", records: [{ number: "4000", name: "Service Revenue", active: true }], labels: ["4000 · Service Revenue"] },
  { key: "selectTaxZone", collection: "accounting:/tax-zones", records: [{ name: "Glendale", active: true }], labels: ["Glendale"] },
  { key: "selectRemittanceVendor", collection: "accounting:/remittance-vendors", records: [{ name: "Ferguson Supply", active: true }], labels: ["Ferguson Supply"] },
  { key: "selectEquipmentType", collection: "equipmentsystems:/equipment-types", records: [{ name: "Furnace", active: true }], labels: ["Furnace"] },
  { key: "selectCampaignCategory", collection: "marketing:/categories", records: [{ name: "Online", active: true }], labels: ["Online"] },
  {
    key: "selectCampaignCost",
    collection: "marketing:/costs",
    records: [{ year: 2026, month: 1, dailyCost: 112.4, campaignId: 40 }],
    labels: ["January 2026 · $112.40 a day"],
  },
  {
    key: "selectTask",
    collection: "taskmanagement:/tasks",
    records: [{ taskNumber: 52906499, name: "Call back about the estimate", active: true }],
    labels: ["#52906499 · Call back about the estimate"],
  },
  { key: "selectTaskType", collection: TASK_LISTS.taskTypes, records: [{ name: "Billing", active: true }], labels: ["Billing"] },
  { key: "selectTaskSource", collection: TASK_LISTS.taskSources, records: [{ name: "Phone call", active: true }], labels: ["Phone call"] },
  { key: "selectTaskResolution", collection: TASK_LISTS.taskResolutions, records: [{ name: "Refund issued", active: true }], labels: ["Refund issued"] },
  // the modules added with issue 16 (their lists start with the sandbox's generic seed records; the test empties them first)
  { key: "selectEstimate", collection: "sales:/estimates", records: [{ name: "Furnace replacement", jobNumber: "10452", status: { name: "Open" } }], labels: ["Furnace replacement · job #10452"] },
  { key: "selectEstimateTemplate", collection: "sales:/estimate-templates", records: [{ name: "Water heater swap", active: true }], labels: ["Water heater swap"] },
  { key: "selectProposalTemplate", collection: "sales:/proposal-templates", records: [{ name: "Standard HVAC proposal", active: true }], labels: ["Standard HVAC proposal"] },
  { key: "selectPurchaseOrder", collection: "inventory:/purchase-orders", records: [{ number: "PO-10021", status: "Pending" }], labels: ["#PO-10021"] },
  { key: "selectPurchaseOrderRequest", collection: "inventory:/purchase-orders/requests", records: [{ requestNumber: "POR-10011", requestStatus: "Pending" }], labels: ["#POR-10011 · Pending"] },
  { key: "selectPurchaseOrderType", collection: "inventory:/purchase-order-types", records: [{ name: "Stock replenishment", active: true }], labels: ["Stock replenishment"] },
  { key: "selectPurchaseOrderMarkup", collection: "inventory:/purchase-order-markups", records: [{ from: 100, to: 500, percent: 35 }], labels: ["100 to 500: 35%"] },
  { key: "selectVendor", collection: "inventory:/vendors", records: [{ name: "Ferguson HVAC Supply", active: true }], labels: ["Ferguson HVAC Supply"] },
  { key: "selectReceipt", collection: "inventory:/receipts", records: [{ number: "R-10011", active: true }], labels: ["#R-10011"] },
  { key: "selectReturn", collection: "inventory:/returns", records: [{ number: "RT-10011", active: true }], labels: ["#RT-10011"] },
  { key: "selectReturnType", collection: "inventory:/return-types", records: [{ name: "Defective part", active: true }], labels: ["Defective part"] },
  { key: "selectInventoryAdjustment", collection: "inventory:/adjustments", records: [{ number: "A-10011", active: true }], labels: ["#A-10011"] },
  { key: "selectTransfer", collection: "inventory:/transfers", records: [{ number: "T-10011", status: "Pending" }], labels: ["#T-10011"] },
  { key: "selectTruck", collection: "inventory:/trucks", records: [{ name: "Truck 12 - Morgan", active: true }], labels: ["Truck 12 - Morgan"] },
  { key: "selectWarehouse", collection: "inventory:/warehouses", records: [{ name: "Glendale Main Warehouse", active: true }], labels: ["Glendale Main Warehouse"] },
  { key: "selectInventoryTemplate", collection: "inventory:/inventory-templates", records: [{ name: "Standard HVAC truck stock", active: true }], labels: ["Standard HVAC truck stock"] },
  { key: "selectForm", collection: "forms:/forms", records: [{ name: "Furnace safety checklist", active: true }], labels: ["Furnace safety checklist"] },
  { key: "selectMembership", collection: "memberships:/memberships", records: [{ status: "Active", from: "2024-01-15", active: true }], labels: ["Active membership from 2024-01-15"] },
  { key: "selectMembershipType", collection: "memberships:/membership-types", records: [{ name: "Comfort Club Gold", active: true }], labels: ["Comfort Club Gold"] },
  { key: "selectRecurringService", collection: "memberships:/recurring-services", records: [{ name: "Spring AC tune-up", active: true }], labels: ["Spring AC tune-up"] },
  { key: "selectRecurringServiceType", collection: "memberships:/recurring-service-types", records: [{ recurrenceType: "Monthly", recurrenceInterval: 6, active: true }], labels: ["Monthly every 6"] },
  {
    key: "selectRecurringServiceEvent",
    collection: "memberships:/recurring-service-events",
    records: [{ locationRecurringServiceName: "Spring AC tune-up", date: "2024-04-01T00:00:00Z", status: "NotAttempted" }],
    labels: ["Spring AC tune-up · 2024-04-01T00:00:00Z"],
  },
  { key: "selectPricebookService", collection: "pricebook:/services", records: [{ code: "HVAC-TUNE", displayName: "AC tune-up", active: true }], labels: ["HVAC-TUNE · AC tune-up"] },
  { key: "selectPricebookMaterial", collection: "pricebook:/materials", records: [{ code: "FLT-1620", displayName: "Filter 16x20x1", active: true }], labels: ["FLT-1620 · Filter 16x20x1"] },
  { key: "selectPricebookEquipment", collection: "pricebook:/equipment", records: [{ code: "FURN-80", displayName: "80% gas furnace", active: true }], labels: ["FURN-80 · 80% gas furnace"] },
  { key: "selectPricebookCategory", collection: "pricebook:/categories", records: [{ name: "Heating", active: true }], labels: ["Heating"] },
  { key: "selectDiscountOrFee", collection: "pricebook:/discounts-and-fees", records: [{ code: "MEMBER10", displayName: "Member discount 10%", active: true }], labels: ["MEMBER10 · Member discount 10%"] },
  { key: "selectMaterialMarkup", collection: "pricebook:/materialsmarkup", records: [{ from: 0, to: 50, percent: 100 }], labels: ["0 to 50: 100%"] },
  { key: "selectRateSheet", collection: "pricebook:/clientspecificpricing", records: [{ exceptions: [] }], labels: ["Rate Sheet <id>"] },
  {
    key: "selectPayroll",
    collection: "payroll:/payrolls",
    records: [{ employeeType: "Technician", employeeId: 4410031, startedOn: "2024-01-01", endedOn: "2024-01-14", active: true }],
    labels: ["Technician 4410031 · 2024-01-01 to 2024-01-14"],
  },
  { key: "selectGrossPayItem", collection: "payroll:/gross-pay-items", records: [{ activity: "Job work", date: "2024-01-15" }], labels: ["Job work · 2024-01-15"] },
  { key: "selectPayrollAdjustment", collection: "payroll:/payroll-adjustments", records: [{ memo: "Tool allowance", amount: 50 }], labels: ["Tool allowance"] },
  { key: "selectActivityCode", collection: "payroll:/activity-codes", records: [{ code: "OT", name: "Overtime", active: true }], labels: ["OT · Overtime"] },
  { key: "selectTimesheetCode", collection: "payroll:/timesheet-codes", records: [{ code: "MTG", description: "Meeting", active: true }], labels: ["MTG · Meeting"] },
  { key: "selectTimesheetActivity", collection: "timesheets:/activities", records: [{ memo: "Drove to supply house" }], labels: ["Drove to supply house"] },
  { key: "selectActivityType", collection: "timesheets:/activity-types", records: [{ code: "DRV", description: "Driving", active: true }], labels: ["DRV · Driving"] },
  { key: "selectActivityCategory", collection: "timesheets:/activity-categories", records: [{ name: "Break", active: true }], labels: ["Break"] },
  { key: "selectFinding", collection: "findings:/location-findings", records: [{ name: "Cracked heat exchanger", active: true }], labels: ["Cracked heat exchanger"] },
  { key: "selectServiceAgreement", collection: "service-agreements:/service-agreements", records: [{ name: "Annual maintenance - Doe residence" }], labels: ["Annual maintenance - Doe residence"] },
];

/** Dropdowns measured in moreDropdowns.test.ts by their own tests (not in the table). */
export const MORE_KEYS_TESTED_APART = [
  "selectInventoryLocation",
  "selectTechnicianOrEmployee",
  "selectTaskEmployee",
  "selectContact",
  "selectContactMethod",
  "selectLocationContact",
  // Reporting's, over the sandbox's fixed reports: test/reporting/dropdowns.test.ts
  "selectReportCategory",
  "selectReport",
];
