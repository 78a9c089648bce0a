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
];

/** Dropdowns measured in moreDropdowns.test.ts by their own tests (not in the table). */
export const MORE_KEYS_TESTED_APART = ["selectTechnicianOrEmployee", "selectTaskEmployee", "selectContact", "selectContactMethod", "selectLocationContact"];
