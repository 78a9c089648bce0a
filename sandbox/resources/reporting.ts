/**
 * Reporting: report categories, reports with their definitions (parameters with data types, required
 * flags and accepted values; fields) and deterministic rows, as ServiceTitan Reporting serves them.
 *
 * - Data is asked for with POST …/reports/{reportId}/data and the parameters in the body. Like
 *   ServiceTitan, the sandbox refuses unknown parameters and missing required ones (400, one error per
 *   parameter), and values that do not read as the parameter's type or are not among its listed values.
 * - Rows come back as arrays in field order with the field list, paged (page from 1, pageSize 1–25,000,
 *   1,000 by default).
 * - One run of the same report per minute per tenant, each page counting (api facts §3, §12): the data
 *   route's budget is 1 request per 60 s per path, so in the production profile a second page of the same
 *   report within a minute is answered 429 with the wait only in the body's title.
 * - Report 2001 ("Jobs Completed by Business Unit") holds 2,500 rows in January 2026: several pages at a
 *   small page size.
 * Everything is fixed data (no seed, no clock): the same request always gets the same rows.
 */
import { ApiError, badRequest, type FieldErrors } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { parseBoolParam, parseIntParam } from "../paging";
import type { Store } from "../store";
import { route } from "./common";

type DataType = "String" | "Number" | "Boolean" | "Date" | "Time";
type Cell = string | number | boolean | null;

interface Parameter {
  name: string;
  label: string;
  dataType: DataType;
  isArray: boolean;
  isRequired: boolean;
  acceptValues: { fields: Array<{ name: string; label: string }>; dynamicSetId: string | null; values: Cell[][] | null } | null;
}

interface Report {
  id: number;
  category: string;
  name: string;
  description: string;
  modifiedOn: string;
  parameters: Parameter[];
  fields: Array<{ name: string; label: string; dataType: DataType }>;
  /** The rows for the parameters given (already checked). */
  rows: (values: Record<string, unknown>) => Cell[][];
}

export const REPORT_CATEGORIES = [
  { id: "operations", name: "Operations" },
  { id: "marketing", name: "Marketing" },
  { id: "accounting", name: "Accounting" },
  { id: "technician", name: "Technician" },
];

const KEY_NAME = [
  { name: "Value", label: "Value" },
  { name: "Name", label: "Name" },
];

export const DYNAMIC_VALUE_SETS: Record<string, { fields: Array<{ name: string; label: string }>; data: Cell[][] }> = {
  "business-units": {
    fields: KEY_NAME,
    data: [
      [1001, "HVAC Service"],
      [1002, "HVAC Install"],
      [1003, "Plumbing Service"],
      [1004, "Electrical Service"],
    ],
  },
  technicians: {
    fields: KEY_NAME,
    data: [
      [3001, "Morgan Lee"],
      [3002, "Sam Ortiz"],
      [3003, "Priya Nair"],
      [3004, "Dale Brooks"],
      [3005, "Ana Castillo"],
    ],
  },
};

const param_ = (name: string, label: string, dataType: DataType, isRequired: boolean, extra: Partial<Parameter> = {}): Parameter => ({
  name,
  label,
  dataType,
  isArray: false,
  isRequired,
  acceptValues: null,
  ...extra,
});

const DATE_RANGE = [param_("From", "From", "Date", true), param_("To", "To", "Date", true)];
const BUSINESS_UNITS = DYNAMIC_VALUE_SETS["business-units"].data;
const TECHNICIANS = DYNAMIC_VALUE_SETS.technicians.data;
const JOB_TYPES = ["No Cool", "No Heat", "Maintenance", "Drain Cleaning", "Panel Upgrade", "Water Heater"];

const dayOf = (i: number, days: number): string => `2026-01-${String(1 + (i % days)).padStart(2, "0")}`;
const inRange = (date: string, v: Record<string, unknown>): boolean => date >= String(v.From).slice(0, 10) && date <= String(v.To).slice(0, 10);
/** A fixed amount per row: the same every run. */
const amount = (i: number, base: number, spread: number): number => Math.round((base + ((i * 7919) % spread)) * 100) / 100;

/** Report 2001's rows: 2,500 jobs in January 2026. */
export const JOBS_COMPLETED_ROWS = 2500;
const jobsCompleted: Cell[][] = Array.from({ length: JOBS_COMPLETED_ROWS }, (_, i) => {
  const bu = BUSINESS_UNITS[i % BUSINESS_UNITS.length];
  return [`J-${100001 + i}`, dayOf(Math.floor(i / 81), 31), bu[0], bu[1], JOB_TYPES[i % JOB_TYPES.length], amount(i, 150, 2400)];
});

export const REPORTS: Report[] = [
  {
    id: 2001,
    category: "operations",
    name: "Jobs Completed by Business Unit",
    description: "Jobs completed in a period, with their business unit, job type and revenue.",
    modifiedOn: "2025-11-04T16:20:00Z",
    parameters: [
      ...DATE_RANGE,
      param_("BusinessUnitIds", "Business Units", "Number", false, {
        isArray: true,
        acceptValues: { fields: KEY_NAME, dynamicSetId: "business-units", values: null },
      }),
    ],
    fields: [
      { name: "JobNumber", label: "Job #", dataType: "String" },
      { name: "CompletedOn", label: "Completed On", dataType: "Date" },
      { name: "BusinessUnitId", label: "Business Unit ID", dataType: "Number" },
      { name: "BusinessUnit", label: "Business Unit", dataType: "String" },
      { name: "JobType", label: "Job Type", dataType: "String" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
    ],
    rows: (v) => {
      const units = Array.isArray(v.BusinessUnitIds) ? new Set(v.BusinessUnitIds.map(Number)) : undefined;
      return jobsCompleted.filter((r) => inRange(String(r[1]), v) && (!units || units.has(Number(r[2]))));
    },
  },
  {
    id: 2002,
    category: "operations",
    name: "Dispatch Board Snapshot",
    description: "Appointments on one day from a time of day onward, with their status.",
    modifiedOn: "2025-12-01T08:00:00Z",
    parameters: [
      param_("Date", "Date", "Date", true),
      param_("StartTime", "Starting At", "Time", false),
      param_("Status", "Status", "String", false, {
        acceptValues: { fields: KEY_NAME, dynamicSetId: null, values: [["Scheduled", "Scheduled"], ["Dispatched", "Dispatched"], ["Working", "Working"], ["Done", "Done"]] },
      }),
    ],
    fields: [
      { name: "AppointmentNumber", label: "Appointment #", dataType: "String" },
      { name: "Start", label: "Start", dataType: "Time" },
      { name: "Technician", label: "Technician", dataType: "String" },
      { name: "Status", label: "Status", dataType: "String" },
    ],
    rows: (v) => {
      const statuses = ["Scheduled", "Dispatched", "Working", "Done"];
      const all: Cell[][] = Array.from({ length: 24 }, (_, i) => [`A-${String(v.Date).slice(0, 10)}-${i + 1}`, `${String(7 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}:00`, TECHNICIANS[i % TECHNICIANS.length][1], statuses[i % 4]]);
      return all.filter((r) => (!v.StartTime || String(r[1]) >= String(v.StartTime)) && (!v.Status || r[3] === v.Status));
    },
  },
  {
    id: 3001,
    category: "technician",
    name: "Technician Performance",
    description: "Jobs completed, revenue and average ticket per technician in a period.",
    modifiedOn: "2025-10-15T12:00:00Z",
    parameters: [
      ...DATE_RANGE,
      param_("TechnicianStatus", "Technician Status", "String", false, {
        acceptValues: { fields: KEY_NAME, dynamicSetId: null, values: [["Active", "Active technicians"], ["Inactive", "Inactive technicians"], ["All", "All technicians"]] },
      }),
      param_("MinimumRevenue", "Minimum Revenue", "Number", false),
    ],
    fields: [
      { name: "TechnicianId", label: "Technician ID", dataType: "Number" },
      { name: "Technician", label: "Technician", dataType: "String" },
      { name: "JobsCompleted", label: "Jobs Completed", dataType: "Number" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
      { name: "AverageTicket", label: "Average Ticket", dataType: "Number" },
      { name: "Active", label: "Active", dataType: "Boolean" },
    ],
    rows: (v) =>
      TECHNICIANS.map((t, i): Cell[] => {
        const jobs = 40 + i * 9;
        const revenue = amount(i, 18_000, 30_000);
        return [t[0], t[1], jobs, revenue, Math.round((revenue / jobs) * 100) / 100, i !== 3];
      }).filter(
        (r) =>
          (v.TechnicianStatus === undefined || v.TechnicianStatus === "All" || r[5] === (v.TechnicianStatus === "Active")) &&
          (v.MinimumRevenue === undefined || Number(r[3]) >= Number(v.MinimumRevenue)),
      ),
  },
  {
    id: 4001,
    category: "marketing",
    name: "Leads by Campaign",
    description: "Calls, leads, bookings and revenue per marketing campaign in a period.",
    modifiedOn: "2025-09-30T10:00:00Z",
    parameters: [...DATE_RANGE, param_("IncludeUnbooked", "Include Unbooked Leads", "Boolean", false)],
    fields: [
      { name: "Campaign", label: "Campaign", dataType: "String" },
      { name: "Calls", label: "Calls", dataType: "Number" },
      { name: "Leads", label: "Leads", dataType: "Number" },
      { name: "Booked", label: "Booked", dataType: "Number" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
    ],
    rows: (v) =>
      ["Google Ads - Spring Tune-Up", "Facebook - Water Heaters", "Yard Signs", "Referral Program", "Direct Mail - Q1", "Website Organic"].map((c, i): Cell[] => {
        const leads = 30 + i * 11;
        const booked = v.IncludeUnbooked === false ? leads : Math.floor(leads * 0.6);
        return [c, leads + 20, leads, booked, amount(i, 9000, 20_000)];
      }),
  },
  {
    id: 5001,
    category: "accounting",
    name: "Invoices Past Due",
    description: "Open invoices past their due date on a day, by how late they are.",
    modifiedOn: "2025-08-20T09:00:00Z",
    parameters: [
      param_("AsOf", "As Of", "Date", true),
      param_("MinimumDaysLate", "Minimum Days Late", "Number", false, {
        acceptValues: { fields: KEY_NAME, dynamicSetId: null, values: [[30, "30 days or more"], [60, "60 days or more"], [90, "90 days or more"]] },
      }),
    ],
    fields: [
      { name: "InvoiceNumber", label: "Invoice #", dataType: "String" },
      { name: "Customer", label: "Customer", dataType: "String" },
      { name: "DaysLate", label: "Days Late", dataType: "Number" },
      { name: "Balance", label: "Balance", dataType: "Number" },
    ],
    rows: (v) =>
      Array.from({ length: 30 }, (_, i): Cell[] => [`INV-${70001 + i}`, `Customer ${i + 1}`, 5 + i * 4, amount(i, 80, 3000)]).filter(
        (r) => v.MinimumDaysLate === undefined || Number(r[2]) >= Number(v.MinimumDaysLate),
      ),
  },
];

/** One sandbox's Reporting data: the fixed sets above, in lists a test may empty (an empty tenant). */
export interface ReportingData {
  categories: Array<{ id: string; name: string }>;
  reports: Report[];
  sets: Record<string, { fields: Array<{ name: string; label: string }>; data: Cell[][] }>;
}

const cache = new WeakMap<Store, ReportingData>();
export const reportingData = (store: Store): ReportingData => {
  let data = cache.get(store);
  if (!data) {
    data = { categories: REPORT_CATEGORIES.map((c) => ({ ...c })), reports: [...REPORTS], sets: { ...DYNAMIC_VALUE_SETS } };
    cache.set(store, data);
  }
  return data;
};
const dataOf = (ctx: HandlerContext): ReportingData => reportingData(ctx.env.store);

// ---- handlers ---------------------------------------------------------------------------------------

/** page (from 1), pageSize (1–max, `defaultSize` when absent), includeTotal; a 400 for bad values. */
const pageOf = (ctx: HandlerContext, max: number, defaultSize: number) => {
  const errors: FieldErrors = {};
  const page = parseIntParam(ctx.query, "page", errors) ?? 1;
  const pageSize = parseIntParam(ctx.query, "pageSize", errors) ?? defaultSize;
  const includeTotal = parseBoolParam(ctx.query, "includeTotal", errors) ?? false;
  if (!errors.page && page < 1) errors.page = ["The field Page must be greater than or equal to 1."];
  if (!errors.pageSize && (pageSize < 1 || pageSize > max)) errors.pageSize = [`The field PageSize must be between 1 and ${max}.`];
  if (Object.keys(errors).length) throw badRequest(errors);
  return { page, pageSize, includeTotal };
};

const paged = <T>(ctx: HandlerContext, all: readonly T[], max = 5000, defaultSize = 50) => {
  const { page, pageSize, includeTotal } = pageOf(ctx, max, defaultSize);
  const skip = (page - 1) * pageSize;
  return {
    page,
    pageSize,
    hasMore: all.length > skip + pageSize,
    ...(includeTotal ? { totalCount: all.length } : {}),
    data: all.slice(skip, skip + pageSize),
  };
};

const categoryOf = (ctx: HandlerContext): string => {
  const id = ctx.params.report_category ?? "";
  const hit = dataOf(ctx).categories.find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (!hit) throw new ApiError(404, "Report category not found.", { report_category: [`Report category '${id}' was not found.`] });
  return hit.id;
};

const reportOf = (ctx: HandlerContext): Report => {
  const category = categoryOf(ctx);
  const raw = ctx.params.reportId ?? "";
  const report = /^\d{1,18}$/.test(raw) ? dataOf(ctx).reports.find((r) => r.category === category && r.id === Number(raw)) : undefined;
  if (!report) throw new ApiError(404, "Report not found.", { reportId: [`Report ${raw} was not found in category '${category}'.`] });
  return report;
};

const definitionOf = (r: Report) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  modifiedOn: r.modifiedOn,
  parameters: r.parameters,
  fields: r.fields,
});

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/** One value as ServiceTitan reads the parameter's type, or undefined when it does not read. */
const typed = (p: Parameter, v: unknown): unknown => {
  switch (p.dataType) {
    case "String":
      return typeof v === "string" ? v : undefined;
    case "Number":
      return typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
    case "Boolean":
      return typeof v === "boolean" ? v : undefined;
    case "Date":
      return typeof v === "string" && DATE.test(v) && !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)) ? v : undefined;
    case "Time":
      return typeof v === "string" && TIME.test(v) ? v : undefined;
  }
};

/** The body's parameters checked against the report's definition: 400 naming every bad one. */
const checkedParameters = (ctx: HandlerContext, report: Report): Record<string, unknown> => {
  const body = ctx.body as { parameters?: unknown } | undefined;
  const given = Array.isArray(body?.parameters) ? (body.parameters as Array<{ name?: unknown; value?: unknown }>) : [];
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  for (const g of given) {
    const name = String(g?.name ?? "");
    const p = report.parameters.find((x) => x.name === name);
    if (!p) {
      errors[name] = [`The report has no parameter '${name}'.`];
      continue;
    }
    if (g.value === null || g.value === undefined) continue;
    const items = p.isArray ? (Array.isArray(g.value) ? g.value : [g.value]) : [g.value];
    if (!p.isArray && Array.isArray(g.value)) {
      errors[name] = [`The parameter '${name}' takes a single value.`];
      continue;
    }
    const read = items.map((item) => typed(p, item));
    if (read.some((x) => x === undefined)) {
      errors[name] = [`The value of '${name}' is not a valid ${p.dataType}.`];
      continue;
    }
    const accepted = p.acceptValues?.values?.map((row) => row[0]);
    if (accepted && read.some((x) => !accepted.some((a) => a === x))) {
      errors[name] = [`The value of '${name}' is not one of the accepted values.`];
      continue;
    }
    values[name] = p.isArray ? read : read[0];
  }
  for (const p of report.parameters) {
    if (p.isRequired && values[p.name] === undefined && !errors[p.name]) errors[p.name] = [`The parameter '${p.name}' is required.`];
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return values;
};

/** The Reporting routes; the data route carries ServiceTitan's per-report budget. */
export const reportingRoutes = (): RouteDef[] => [
  route("reporting", "GET", "/report-categories", (ctx) => ({ status: 200, body: paged(ctx, dataOf(ctx).categories) }), { kind: "list" }),
  route(
    "reporting",
    "GET",
    "/report-category/{report_category}/reports",
    (ctx) => {
      const category = categoryOf(ctx);
      const list = dataOf(ctx).reports.filter((r) => r.category === category).map((r) => ({ id: r.id, name: r.name, description: r.description }));
      return { status: 200, body: paged(ctx, list) };
    },
    { kind: "list" },
  ),
  route("reporting", "GET", "/report-category/{report_category}/reports/{reportId}", (ctx) => ({ status: 200, body: definitionOf(reportOf(ctx)) }), { kind: "get" }),
  {
    ...route("reporting", "POST", "/report-category/{report_category}/reports/{reportId}/data", (ctx) => {
      const report = reportOf(ctx);
      const values = checkedParameters(ctx, report);
      const page = paged(ctx, report.rows(values), 25_000, 1000);
      return { status: 200, body: { ...page, fields: report.fields.map((f) => ({ name: f.name, label: f.label })) } };
    }),
    // one run of the same report per minute per tenant, each page counting (the path names the report)
    budget: { limit: 1, windowMs: 60_000, per: "path" },
  },
  route("reporting", "GET", "/dynamic-value-sets/{dynamicSetId}", (ctx) => {
    const id = ctx.params.dynamicSetId ?? "";
    const set = Object.hasOwn(dataOf(ctx).sets, id) ? dataOf(ctx).sets[id] : undefined;
    if (!set) throw new ApiError(404, "Dynamic value set not found.", { dynamicSetId: [`Dynamic value set '${id}' was not found.`] });
    return { status: 200, body: { ...paged(ctx, set.data), fields: set.fields } };
  }, { kind: "list" }),
];

