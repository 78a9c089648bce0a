/**
 * Export feeds (/export/...): `from` takes a continuation token or a date; each response gives
 * hasMore and continueFrom. Draining follows continueFrom until hasMore is false and returns the last
 * token, so the next run resumes exactly there. With includeRecentChanges ServiceTitan may repeat a
 * record; the drain keeps one copy per id (the last one seen, which is the newest version).
 */
import type { ServiceTitanClient, StRequest } from "../http/client";

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
}

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
): Promise<ExportResponse<T>> => {
  const res = await client.request({
    ...req,
    query: { ...req.query, from: from || undefined, includeRecentChanges: includeRecentChanges ? true : undefined },
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
  const deadline = Date.now() + (options.maxMillis ?? Number.POSITIVE_INFINITY);
  const byKey = new Map<string, T>();
  let from = options.from;
  let requests = 0;
  let received = 0;
  let hasMore = true;
  while (hasMore) {
    if (requests >= maxRequests || (requests > 0 && Date.now() >= deadline)) break;
    const page = await fetchExportPage<T>(client, req, from, options.includeRecentChanges);
    requests += 1;
    received += page.data.length;
    for (const record of page.data) {
      const key = keyOf(record);
      byKey.delete(key); // re-insert so the newest version keeps the newest position
      byKey.set(key, record);
    }
    hasMore = page.hasMore;
    if (page.continueFrom) from = page.continueFrom;
    if (byKey.size >= maxRecords) break;
  }
  const data = [...byKey.values()];
  return { hasMore, continueFrom: from ?? "", data, requests, duplicatesRemoved: received - data.length };
};
