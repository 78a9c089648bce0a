/**
 * Export feeds (/export/...): `from` takes a continuation token or a date; each response gives
 * hasMore and continueFrom. Draining follows continueFrom until hasMore is false and returns the last
 * token, so the next run resumes exactly there. With includeRecentChanges ServiceTitan may repeat a
 * record; the drain keeps one copy per id (the last one seen, which is the newest version).
 *
 * A drain keeps its progress: every request carries the run's deadline (`deadlineAt`, so the transport
 * gives it only the time left), no request starts once the deadline has passed, and a request that
 * fails after earlier pages were read ends the drain with those records, the token that resumes right
 * after them (`hasMore: true`) and the reason, instead of throwing them away.
 *
 * A drain of several requests writes its progress and a closing line with the totals to the execution
 * log at info level, debug or not (progress.ts); debug mode adds a line per request.
 */
import type { ServiceTitanClient, StRequest } from "../http/client";
import { nounOf, startProgress } from "./progress";

export interface ExportResponse<T = unknown> {
  hasMore: boolean;
  continueFrom: string;
  data: T[];
}

export interface DrainOptions {
  from?: string;
  includeRecentChanges?: boolean;
  /** Stop after this many records (hasMore stays true and continueFrom lets you resume). */
  maxRecords?: number;
  /** Safety bound on requests per drain. */
  maxRequests?: number;
  /** Stop starting new requests after this long (ms); the token returned resumes where it stopped. */
  maxMillis?: number;
  /** Epoch ms by which the drain must end (the earlier of this and maxMillis counts); sent with each request. */
  deadlineAt?: number;
  /** The clock (epoch ms); injectable for tests. */
  now?: () => number;
}

/**
 * Defaults for draining from an action: bounded so one run never nears the runner's memory (1 GB) and
 * time (15 min) limits; when a bound is reached the result says hasMore and carries the token to resume.
 */
export const DRAIN_DEFAULT_MAX_RECORDS = 100_000;
export const DRAIN_DEFAULT_MAX_MILLIS = 600_000;

export interface DrainResult<T = unknown> extends ExportResponse<T> {
  requests: number;
  duplicatesRemoved: number;
  /** Set when a request failed after progress: why the drain stopped early (continueFrom resumes it). */
  error?: string;
}

/** The earlier of an absolute deadline and a duration from `start` (undefined when neither is set). */
export const deadlineFrom = (start: number, maxMillis?: number, deadlineAt?: number): number | undefined => {
  const byDuration = maxMillis === undefined ? undefined : start + maxMillis;
  if (byDuration === undefined) return deadlineAt;
  return deadlineAt === undefined ? byDuration : Math.min(byDuration, deadlineAt);
};

const assertExport = (req: StRequest, body: unknown): ExportResponse => {
  const res = body as ExportResponse;
  if (!res || typeof res !== "object" || !Array.isArray(res.data) || typeof res.hasMore !== "boolean" || !("continueFrom" in res)) {
    throw new Error(`ServiceTitan ${req.operation}: the response is not an export page (missing data, hasMore or continueFrom).`);
  }
  return res;
};

export const fetchExportPage = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  from: string | undefined,
  includeRecentChanges?: boolean,
  deadlineAt?: number,
): Promise<ExportResponse<T>> => {
  const res = await client.request({
    ...req,
    query: { ...req.query, from: from || undefined, includeRecentChanges: includeRecentChanges ? true : undefined },
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
  });
  return assertExport(req, res.data) as ExportResponse<T>;
};

/** A stable identity for de-duplication: id, else the whole record. */
const keyOf = (record: unknown): string => {
  if (record && typeof record === "object" && "id" in record) return `id:${String((record as { id: unknown }).id)}`;
  return `json:${JSON.stringify(record)}`;
};

export const drainExport = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  options: DrainOptions = {},
): Promise<DrainResult<T>> => {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const maxRequests = options.maxRequests ?? 10_000;
  const now = options.now ?? Date.now;
  const deadline = deadlineFrom(now(), options.maxMillis, options.deadlineAt);
  const detail = client.progress;
  const log = detail ? (message: string) => detail(`Drain ${req.operation}: ${message}`) : () => {};
  const progress = startProgress(client, { title: `Drain ${req.operation}`, noun: nounOf(req), now });
  let stop: string | undefined;
  const byKey = new Map<string, T>();
  let from = options.from;
  let requests = 0;
  let received = 0;
  let hasMore = true;
  let error: string | undefined;
  log(`reading from ${options.from ? "the given token or date" : "the start of the feed"}.`);
  while (hasMore) {
    if (requests >= maxRequests) {
      log(`stopped after ${requests} requests (the most one drain makes); Continue From resumes.`);
      stop = "stopped at the most requests one drain makes; Continue From resumes";
      break;
    }
    if (deadline !== undefined && now() >= deadline) {
      log(`stopped at its time limit after ${requests} requests; Continue From resumes.`);
      stop = "stopped at its time limit; Continue From resumes";
      break;
    }
    let page: ExportResponse<T>;
    try {
      page = await fetchExportPage<T>(client, req, from, options.includeRecentChanges, deadline);
    } catch (failure) {
      if (requests === 0) throw failure; // nothing read yet: nothing to keep
      error = failure instanceof Error ? failure.message : String(failure);
      log(`stopped after ${requests} requests by a failure; the records read are kept and Continue From resumes after them: ${error}`);
      stop = "stopped by a failed request; the records read are kept and Continue From resumes after them";
      break;
    }
    requests += 1;
    received += page.data.length;
    for (const record of page.data) {
      const key = keyOf(record);
      byKey.delete(key); // re-insert so the newest version keeps the newest position
      byKey.set(key, record);
    }
    hasMore = page.hasMore;
    if (page.continueFrom) from = page.continueFrom;
    progress.step({ records: byKey.size, pages: requests });
    log(`request ${requests}: ${page.data.length} records, ${byKey.size} so far${received > byKey.size ? ` (${received - byKey.size} repeats kept once)` : ""}; ${hasMore ? "more to read" : "caught up"}.`);
    if (byKey.size >= maxRecords) {
      if (hasMore) {
        log(`stopped at Max Records (${maxRecords}); Continue From resumes.`);
        stop = "stopped at Max Records; Continue From resumes";
      }
      break;
    }
  }
  const data = [...byKey.values()];
  progress.done({ records: data.length, ...(stop ? { note: stop } : {}) });
  return { hasMore, continueFrom: from ?? "", data, requests, duplicatesRemoved: received - data.length, ...(error ? { error } : {}) };
};
