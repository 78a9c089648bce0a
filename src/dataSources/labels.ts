/**
 * Labels that need more than one field of a record (an address), or names from other lists (a job's
 * type and customer). Kept apart from the factory: a definition names one of these instead of a
 * `{field}` template.
 *
 * Job labels cost few and bounded requests: one list of job types (one page of 5,000), and the
 * customers of the listed jobs by ID, at most 50 IDs a request (the `ids` filter's limit) and at most
 * MAX_CUSTOMER_BATCHES requests, the customers of the newest jobs first. A lookup that fails leaves
 * its part out of the labels ("#10045" alone at worst): a dropdown never fails because of a label.
 */
import type { ServiceTitanClient, StRequest } from "../http/client";
import { rulesFor } from "../http/rules";
import { findOperation } from "../operations/catalog";
import type { ModuleKey } from "../operations/types";
import { fetchPage, MAX_PAGE_SIZE } from "../paging/pages";

type Row = Record<string, unknown>;

/** Formats one record; undefined when it has nothing to show (the factory then reads "<Noun> <id>"). */
export type RecordLabel = (record: Row) => string | undefined;

const text = (v: unknown): string => (v === undefined || v === null ? "" : String(v).trim());

/** "1200 Main St, Unit 4, San Diego, CA 92101": the parts a record has, in postal order. */
export const addressLine = (address: unknown): string => {
  if (!address || typeof address !== "object") return "";
  const a = address as Row;
  const region = [text(a.state), text(a.zip)].filter(Boolean).join(" ");
  return [text(a.street), text(a.unit), text(a.city), region].filter(Boolean).join(", ");
};

/** "Home — 1200 Main St, San Diego, CA 92101"; the name alone without an address, the address alone without a name. */
export const locationLabel: RecordLabel = (record) => {
  const parts = [text(record.name), addressLine(record.address)].filter(Boolean);
  return parts.length ? parts.join(" — ") : undefined;
};

/** The given parts that a record has, joined with " · " ("#10045 · Standard"); undefined when none. */
export const joined =
  (...parts: Array<(record: Row) => unknown>): RecordLabel =>
  (record) => {
    const present = parts.map((part) => text(part(record))).filter(Boolean);
    return present.length ? present.join(" · ") : undefined;
  };

/** A field, prefixed with "#" when present ("#10045"). */
export const numbered =
  (field: string) =>
  (record: Row): string =>
    text(record[field]) ? `#${text(record[field])}` : "";

/** The calendar date of an ISO date-time field ("2026-01-15"). */
export const dateOf =
  (field: string) =>
  (record: Row): string =>
    text(record[field]).slice(0, 10);

/** A money amount ("$249.50"). */
export const amountOf =
  (field: string) =>
  (record: Row): string => {
    const n = Number(record[field]);
    return record[field] === undefined || record[field] === null || !Number.isFinite(n) ? "" : `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  };

/** The name inside a reference object ({ id, name }). */
export const nameIn =
  (field: string) =>
  (record: Row): unknown =>
    record[field] && typeof record[field] === "object" ? (record[field] as Row).name : undefined;

const minutesOf = (hms: string): number | undefined => {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(hms);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};
const clock = (minutes: number): string => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** An arrival window: "08:00–10:00" from its start and duration (hh:mm:ss). */
export const arrivalWindowLabel: RecordLabel = (record) => {
  const start = minutesOf(text(record.start));
  if (start === undefined) return undefined;
  const duration = minutesOf(text(record.duration));
  return duration === undefined ? clock(start) : `${clock(start)}–${clock(start + duration)}`;
};

/** A lead: who called and what about ("Avery Anderson — AC not cooling"), the summary cut at 60 characters. */
export const leadLabel: RecordLabel = (record) => {
  const summary = text(record.summary);
  const short = summary.length > 60 ? `${summary.slice(0, 59).trimEnd()}…` : summary;
  const parts = [text(record.leadCustomerName), short].filter(Boolean);
  return parts.length ? parts.join(" — ") : undefined;
};

/**
 * A phone call: "2026-01-15 09:30 · Inbound · Avery Anderson" — when it was received (UTC), its direction,
 * and the customer, or the caller's number when no customer is known. The v3 list holds the call under
 * `leadCall`; a record without it is read as the call itself.
 */
export const callLabel: RecordLabel = (record) => {
  const call = record.leadCall && typeof record.leadCall === "object" ? (record.leadCall as Record<string, unknown>) : record;
  const when = text(call.receivedOn ?? call.createdOn).replace("T", " ").slice(0, 16);
  const customer = call.customer && typeof call.customer === "object" ? text((call.customer as Record<string, unknown>).name) : "";
  const parts = [when, text(call.direction), customer || text(call.from)].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A campaign's cost of one month: "January 2026 · $112.40 a day". */
export const campaignCostLabel: RecordLabel = (record) => {
  const month = MONTHS[Number(record.month) - 1];
  const daily = amountOf("dailyCost")(record);
  const when = month && text(record.year) ? `${month} ${text(record.year)}` : "";
  return when ? [when, daily && `${daily} a day`].filter(Boolean).join(" · ") : undefined;
};

/** How many customer batches (of 50 IDs) one Select Job load may request: 1,000 customers. */
export const MAX_CUSTOMER_BATCHES = 20;
/** The `ids` filter takes at most 50 IDs. */
export const IDS_PER_REQUEST = 50;
/** Customer batches requested at the same time. */
const BATCH_CONCURRENCY = 4;

const listRequest = (module: ModuleKey, operationId: string, query: StRequest["query"]): { req: StRequest; firstPage: number } => {
  const op = findOperation(module, operationId);
  if (!op) throw new Error(`${module}:${operationId} is not in the generated catalog.`);
  return {
    req: { module: op.module, ...(op.version ? { version: op.version } : {}), method: "GET", path: op.path, query, operation: `"Select job" names (${operationId})`, scope: op.scope },
    firstPage: rulesFor(op).firstPage,
  };
};

/** Id → name of the records of one page; an empty map when the request fails. */
const namesOf = async (client: ServiceTitanClient, module: ModuleKey, operationId: string, query: StRequest["query"], pageSize: number): Promise<Map<string, string>> => {
  try {
    const { req, firstPage } = listRequest(module, operationId, query);
    const page = await fetchPage<Row>(client, req, firstPage, pageSize);
    return new Map(page.data.filter((r) => r && r.id !== undefined && text(r.name)).map((r) => [String(r.id), text(r.name)]));
  } catch {
    return new Map();
  }
};

/** The distinct customer IDs of the jobs, in the jobs' order (newest first), at most `limit`. */
const customerIdsOf = (jobs: Row[], limit: number): string[] => {
  const ids = new Set<string>();
  for (const job of jobs) {
    if (!job || typeof job !== "object") continue;
    const id = text(job.customerId);
    if (id) ids.add(id);
    if (ids.size >= limit) break;
  }
  return [...ids];
};

/** Runs `tasks` at most `n` at a time. */
const pooled = async <T>(tasks: Array<() => Promise<T>>, n: number): Promise<T[]> => {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker));
  return out;
};

/** "#10045 · AC Repair · Avery Anderson", leaving out what could not be resolved. */
export const jobLabelWith =
  (jobTypes: Map<string, string>, customers: Map<string, string>): RecordLabel =>
  (job) => {
    const number = text(job.jobNumber);
    if (!number) return undefined;
    const parts = [`#${number}`, jobTypes.get(text(job.jobTypeId)), customers.get(text(job.customerId))];
    return parts.filter(Boolean).join(" · ");
  };

/** Resolves the job-type and customer names of listed jobs and returns their label. */
export const jobLabels = async (client: ServiceTitanClient, jobs: Row[]): Promise<RecordLabel> => {
  const ids = customerIdsOf(jobs, MAX_CUSTOMER_BATCHES * IDS_PER_REQUEST);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) batches.push(ids.slice(i, i + IDS_PER_REQUEST));
  const [jobTypes, customerMaps] = await Promise.all([
    jobs.length ? namesOf(client, "jpm", "JobTypes_GetList", { active: "Any" }, MAX_PAGE_SIZE) : new Map<string, string>(),
    pooled(
      batches.map((batch) => () => namesOf(client, "crm", "Customers_GetList", { ids: batch.join(","), active: "Any" }, IDS_PER_REQUEST)),
      BATCH_CONCURRENCY,
    ),
  ]);
  const customers = new Map(customerMaps.flatMap((map) => [...map]));
  return jobLabelWith(jobTypes, customers);
};
