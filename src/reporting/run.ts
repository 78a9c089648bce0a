/**
 * Running a report: its definition read, its parameters checked (parameters.ts), then its data read one
 * page or every page, with rows returned as objects keyed by the report's field names.
 *
 * ServiceTitan allows one run of the same report per minute per tenant and counts each page as a run
 * (api facts §3, §12). The transport applies that budget to every data request (src/http/rules.ts, one
 * call per 60 s per category and report, counted from each answer) and honours the wait a 429 states in
 * its body, so Fetch All here simply reads the pages one after another: never two at once, never a page
 * read twice. Each page carries the run's deadline; when the report reports its total, a run whose
 * remaining pages cannot fit before the deadline stops at once with a clear error instead of waiting
 * minutes to fail. Rows are checked against the total so that none is dropped or repeated; a report
 * whose total changes between pages (data still being written) fails saying so.
 */
import type { ServiceTitanClient, StRequest } from "../http/client";
import { ServiceTitanDeadlineError } from "../http/errors";
import { requestFor } from "../http/requestFor";
import { rowFor } from "../http/rules";
import { formatCount, startProgress } from "../paging/progress";
import { readDefinition, REPORT_LABELS, type ReportAddress, type ReportDefinition } from "./definition";
import { checkReportParameters, type SentParameter } from "./parameters";

/** ServiceTitan's largest report page (reporting-v2: pageSize 1–25000; the transport rule says the same). */
export const REPORT_MAX_PAGE_SIZE = rowFor("reporting", "ReportCategoryReports_GetData")?.maxPageSize ?? 25_000;
/** The wait between two pages of one report (the transport rule's period). */
export const REPORT_PAGE_INTERVAL_MS = rowFor("reporting", "ReportCategoryReports_GetData")?.budget?.periodMs ?? 60_000;

export interface HeaderField {
  name: string;
  label?: string;
  dataType?: string;
}

export interface RunReportOptions extends ReportAddress {
  /** The Parameters input as cleaned (rows, an object or a list of {name, value}). */
  parameters: unknown;
  fetchAll: boolean;
  pageSize: number;
  /** The page to read without Fetch All (from 1). */
  page: number;
  /** With Fetch All: fail rather than return more rows than this (default 1,000,000). */
  maxRecords?: number;
  /** The run's deadline (epoch ms on `now`'s scale). */
  deadlineAt: number;
  /** The clock of progress lines and the deadline check; the client's own clock paces requests. */
  now?: () => number;
}

export interface ReportRun {
  report: { id: number; name: string; category: string };
  parameters: SentParameter[];
  fields: HeaderField[];
  rows: Array<Record<string, unknown>>;
  count: number;
  /** The first page read and the page size. */
  page: number;
  pageSize: number;
  pages: number;
  hasMore: boolean;
  totalCount: number | null;
}

interface DataPage {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount?: number | null;
  data: unknown[][];
  fields: HeaderField[];
}

export const RUN_REPORT = '"Run Report"';

const assertDataPage = (body: unknown): DataPage => {
  const page = body as DataPage;
  if (!page || typeof page !== "object" || !Array.isArray(page.data) || !Array.isArray(page.fields) || typeof page.hasMore !== "boolean") {
    throw new Error(`ServiceTitan ${RUN_REPORT}: the answer is not a page of report data (missing data, fields or hasMore).`);
  }
  return page;
};

/**
 * Rows as objects keyed by field name, in field order. A row shorter than the fields gets null for the
 * missing cells; a row longer than them keeps its extra cells under "column<n>" (never silently dropped).
 */
export const keyRows = (fields: readonly HeaderField[], data: readonly unknown[][]): Array<Record<string, unknown>> =>
  data.map((cells) => {
    const row: Record<string, unknown> = {};
    const list = Array.isArray(cells) ? cells : [cells];
    fields.forEach((f, i) => {
      Object.defineProperty(row, f.name, { value: i < list.length ? list[i] : null, enumerable: true, writable: true, configurable: true });
    });
    for (let i = fields.length; i < list.length; i += 1) row[`column${i + 1}`] = list[i];
    return row;
  });

/** The fields a data page names, with the data types the definition gives them. */
const typedFields = (fields: readonly HeaderField[], def: ReportDefinition): HeaderField[] =>
  fields.map((f) => {
    const known = def.fields.find((d) => d.name === f.name);
    return { name: f.name, label: f.label ?? known?.label ?? f.name, dataType: known?.dataType ?? f.dataType ?? "String" };
  });

const sameNames = (a: readonly HeaderField[], b: readonly HeaderField[]): boolean => a.length === b.length && a.every((f, i) => f.name === b[i].name);

const minutes = (ms: number): string => `${Math.ceil(ms / 60_000)} minute${Math.ceil(ms / 60_000) === 1 ? "" : "s"}`;

/** The error of a run stopped by its deadline: what was read, what was left, and what to change. */
const stoppedAtDeadline = (def: ReportDefinition, read: { pages: number; rows: number }, pagesLeft: number | undefined, cause?: Error): ServiceTitanDeadlineError => {
  const left = pagesLeft === undefined ? "more pages" : `${pagesLeft} more page${pagesLeft === 1 ? "" : "s"} (at least ${minutes(pagesLeft * REPORT_PAGE_INTERVAL_MS)})`;
  const message =
    `ServiceTitan ${RUN_REPORT}: stopped at the run's time limit after ${read.pages} page${read.pages === 1 ? "" : "s"} (${formatCount(read.rows)} rows) of report "${def.name}" (ID ${def.id}); ` +
    `${left} remained. ServiceTitan allows one page of the same report per minute, so no rows are returned rather than part of the report. ` +
    `Raise Page Size (up to ${formatCount(REPORT_MAX_PAGE_SIZE)}) so the report needs fewer pages, raise Time Limit, or narrow the parameters.` +
    (cause ? ` (${cause.message})` : "");
  const error = new ServiceTitanDeadlineError(message, 0, read.pages);
  return error;
};

/** Runs a report: definition, parameter check, then one page or every page (Fetch All). */
export const runReport = async (client: ServiceTitanClient, o: RunReportOptions): Promise<ReportRun> => {
  const now = o.now ?? Date.now;
  const maxRecords = o.maxRecords ?? 1_000_000;
  const def = await readDefinition(client, o, RUN_REPORT);
  const parameters = checkReportParameters(def, o.parameters);
  const base: StRequest = requestFor(
    "reporting",
    "ReportCategoryReports_GetData",
    { report_category: o.category, reportId: o.reportId, body: { parameters } },
    RUN_REPORT,
    REPORT_LABELS,
  );
  const read = (page: number): Promise<DataPage> =>
    client
      .request({ ...base, query: { page, pageSize: o.pageSize, includeTotal: true }, deadlineAt: o.deadlineAt })
      .then((res) => assertDataPage(res.data));

  const first = o.fetchAll ? 1 : o.page;
  const progress = startProgress(client, { title: `${RUN_REPORT} "${def.name}"`, noun: "rows", now });
  const rows: Array<Record<string, unknown>> = [];
  let fields: HeaderField[] | undefined;
  let total: number | undefined;
  let pages = 0;
  let page = first;
  let hasMore = false;
  for (;;) {
    let answer: DataPage;
    try {
      answer = await read(page);
    } catch (error) {
      if (error instanceof ServiceTitanDeadlineError && pages > 0) {
        throw stoppedAtDeadline(def, { pages, rows: rows.length }, total === undefined ? undefined : Math.ceil((total - rows.length) / o.pageSize), error);
      }
      throw error;
    }
    pages += 1;
    fields ??= answer.fields;
    if (!sameNames(fields, answer.fields)) {
      throw new Error(`ServiceTitan ${RUN_REPORT}: the fields of report "${def.name}" changed between pages (the report was edited while it ran); run it again.`);
    }
    const pageTotal = typeof answer.totalCount === "number" ? answer.totalCount : undefined;
    if (total !== undefined && pageTotal !== undefined && pageTotal !== total) {
      throw new Error(
        `ServiceTitan ${RUN_REPORT}: report "${def.name}" held ${formatCount(total)} rows on its first page and ${formatCount(pageTotal)} on page ${page}: its data changed while it was read, so rows may have moved between pages. No rows are returned rather than a set that could miss or repeat some; run it for a period that has ended, or again later.`,
      );
    }
    total ??= pageTotal;
    rows.push(...keyRows(fields, answer.data));
    const seen = Math.max(rows.length, total ?? 0);
    if (o.fetchAll && seen > maxRecords) {
      throw new Error(`ServiceTitan ${RUN_REPORT}: report "${def.name}" holds more than ${formatCount(maxRecords)} rows (at least ${formatCount(seen)}); narrow the parameters or raise Max Records.`);
    }
    hasMore = answer.hasMore && answer.data.length > 0;
    progress.step({ records: rows.length, pages, ...(total === undefined ? {} : { total, totalPages: Math.max(1, Math.ceil(total / o.pageSize)) }) });
    if (!o.fetchAll || !hasMore) break;
    // The remaining pages, one a minute: stop now when they cannot fit before the deadline.
    if (total !== undefined) {
      const pagesLeft = Math.ceil((total - rows.length) / o.pageSize);
      if (pagesLeft > 0 && now() + pagesLeft * REPORT_PAGE_INTERVAL_MS > o.deadlineAt) throw stoppedAtDeadline(def, { pages, rows: rows.length }, pagesLeft);
    }
    page += 1;
  }
  if (o.fetchAll && total !== undefined && rows.length !== total) {
    throw new Error(
      `ServiceTitan ${RUN_REPORT}: report "${def.name}" announced ${formatCount(total)} rows but its pages held ${formatCount(rows.length)}; no rows are returned rather than an incomplete or repeated set. Run it again.`,
    );
  }
  progress.done({ records: rows.length });
  return {
    report: { id: def.id, name: def.name, category: o.category },
    parameters,
    fields: typedFields(fields ?? def.fields, def),
    rows,
    count: rows.length,
    page: first,
    pageSize: o.pageSize,
    pages,
    hasMore: o.fetchAll ? false : hasMore,
    totalCount: total ?? null,
  };
};
