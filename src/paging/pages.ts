/**
 * Paging for ServiceTitan list endpoints (page / pageSize / includeTotal → page, pageSize, hasMore,
 * totalCount?, data). One page, or Fetch All: page size 5000; once the first page reports the total,
 * the remaining pages are fetched with bounded concurrency (the transport's rate limiter still
 * applies); results are assembled once at the end (no repeated array copying); records are
 * de-duplicated by id so a record that shifts between pages while fetching is not returned twice,
 * and fetching continues past the announced total while ServiceTitan still reports more.
 */
import type { QueryParams, ServiceTitanClient, StRequest } from "../http/client";

export const MAX_PAGE_SIZE = 5000;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_MAX_RECORDS = 1_000_000;
export const DEFAULT_CONCURRENCY = 4;

export interface ListPage<T = unknown> {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount?: number | null;
  data: T[];
}

export interface FetchAllOptions {
  /** Stop with an error when more than this many records exist (protects the runner's memory). */
  maxRecords?: number;
  /** The operation accepts includeTotal (default true); without it pages are walked one by one. */
  countTotal?: boolean;
  /** The operation requires includeTotal on every request (sent as false after the first page). */
  totalRequired?: boolean;
  concurrency?: number;
  pageSize?: number;
}

/** includeTotal: true/false are sent as given; undefined leaves the parameter out (not every list has it). */
const withPage = (req: StRequest, page: number, pageSize: number, includeTotal: boolean | undefined): StRequest => ({
  ...req,
  query: { ...(req.query as QueryParams), page, pageSize, includeTotal },
});

const assertPage = (req: StRequest, body: unknown): ListPage => {
  const page = body as ListPage;
  if (!page || typeof page !== "object" || !Array.isArray(page.data) || typeof page.hasMore !== "boolean") {
    throw new Error(`ServiceTitan ${req.operation}: the response is not a page of records (missing data or hasMore).`);
  }
  return page;
};

export const fetchPage = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  page: number,
  pageSize: number,
  includeTotal?: boolean,
): Promise<ListPage<T>> => {
  const res = await client.request(withPage(req, page, pageSize, includeTotal));
  return assertPage(req, res.data) as ListPage<T>;
};

const idOf = (record: unknown): unknown =>
  record && typeof record === "object" ? (record as { id?: unknown }).id : undefined;

export const fetchAll = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  options: FetchAllOptions = {},
): Promise<ListPage<T>> => {
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const laterTotal = options.totalRequired ? false : undefined;
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const tooMany = (n: number) =>
    new Error(
      `ServiceTitan ${req.operation}: more than ${maxRecords} records match (at least ${n}); narrow the filters or raise Max Records.`,
    );

  const first = await fetchPage<T>(client, req, 1, pageSize, options.countTotal === false ? undefined : true);
  const pages: T[][] = [first.data];
  let count = first.data.length;
  if (count > maxRecords) throw tooMany(count);
  let lastPage = 1;
  let hasMore = first.hasMore;

  const total = typeof first.totalCount === "number" ? first.totalCount : undefined;
  if (hasMore && total !== undefined) {
    if (total > maxRecords) throw tooMany(total);
    const lastKnown = Math.ceil(total / pageSize);
    const pending: number[] = [];
    for (let p = 2; p <= lastKnown; p += 1) pending.push(p);
    const results = new Map<number, ListPage<T>>();
    const worker = async () => {
      for (let p = pending.shift(); p !== undefined; p = pending.shift()) {
        try {
          results.set(p, await fetchPage<T>(client, req, p, pageSize, laterTotal));
        } catch (error) {
          pending.length = 0; // the call has failed: the other workers stop instead of spending the rate limit
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    for (let p = 2; p <= lastKnown; p += 1) {
      const page = results.get(p) as ListPage<T>;
      pages.push(page.data);
      count += page.data.length;
      lastPage = p;
      hasMore = page.hasMore;
      if (!hasMore) break;
    }
    if (count > maxRecords) throw tooMany(count);
  }
  // Without a total (or when records were added while fetching): go on page by page.
  while (hasMore) {
    lastPage += 1;
    const page = await fetchPage<T>(client, req, lastPage, pageSize, laterTotal);
    pages.push(page.data);
    count += page.data.length;
    if (count > maxRecords) throw tooMany(count);
    hasMore = page.hasMore;
    if (page.data.length === 0) break;
  }

  const seen = new Set<unknown>();
  const data: T[] = [];
  for (const chunk of pages) {
    for (const record of chunk) {
      const id = idOf(record);
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      data.push(record);
    }
  }
  return { page: 1, pageSize: data.length, hasMore: false, totalCount: data.length, data };
};
