/**
 * Paging for ServiceTitan list endpoints (page / pageSize / includeTotal → page, pageSize, hasMore,
 * totalCount?, data). One page, or Fetch All: page size 5000 (or the operation's smaller limit), from
 * the list's own first page (0 or 1, its contract's `page` minimum); once the first page reports the
 * total, the remaining pages are fetched with bounded concurrency (the transport's rate limiter still
 * applies); results are assembled once at the end (no repeated array copying); records are
 * de-duplicated by id so a record that shifts forward between pages is not returned twice, and
 * fetching continues past the announced total while ServiceTitan still reports more.
 *
 * Pages are offsets, so a record removed or re-sorted ahead of the read position between two page
 * requests shifts a later record past a boundary unseen. Fetch All therefore checks every page
 * boundary after reading and re-reads a list that shifted, or fails with ListChangedError: it never
 * returns a set it cannot show to be complete.
 *
 * A Fetch All of several requests writes its progress and a closing line with the totals to the
 * execution log at info level, debug or not (progress.ts); debug mode adds a line per page read.
 */
import type { QueryParams, ServiceTitanClient, StRequest } from "../http/client";
import { nounOf, type RunProgress, startProgress } from "./progress";

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
  /** The number of the list's first page: 1 for most lists, 0 where the contract's `page` minimum is 0. */
  firstPage?: number;
  /** Reads of a list that changed between pages before giving up with ListChangedError (default 3). */
  attempts?: number;
  /** The clock of the progress lines (src/paging/progress.ts); Date.now unless a test injects one. */
  now?: () => number;
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

const idOf = (record: unknown): unknown => (record && typeof record === "object" ? (record as { id?: unknown }).id : undefined);

/** Two reads of one list position hold the same record: same id, or (records without one) same content. */
const sameRecord = (a: unknown, b: unknown): boolean => {
  const ia = idOf(a);
  const ib = idOf(b);
  return ia !== undefined || ib !== undefined ? ia === ib : JSON.stringify(a) === JSON.stringify(b);
};

/** The number of the first page of an operation (a transport rule, src/http/rules.ts). */

/** How many times Fetch All reads a list that changed under it before it gives up. */
export const DEFAULT_READ_ATTEMPTS = 3;

/** Fetch All read a list that kept changing between its pages: the result could have missed records. */
export class ListChangedError extends Error {
  constructor(operation: string, attempts: number) {
    super(
      `ServiceTitan ${operation}: the list changed while it was read (records were removed or moved between pages, so later records shifted past a page boundary); ${attempts} reads in a row were not stable, so no result is returned rather than an incomplete one. Narrow the filters (for example a created-before date) or run again when the list is quieter.`,
    );
    this.name = "ListChangedError";
  }
}

/**
 * Runs `tasks` with at most `concurrency` in flight; the first failure stops the others from starting
 * (they would only spend the rate limit) and is thrown.
 */
const runBounded = async (queue: Array<() => Promise<void>>, concurrency: number): Promise<void> => {
  // Tasks may add tasks to `queue` while it runs: a worker that finishes one takes the next.
  const worker = async () => {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      try {
        await task();
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
};

interface ReadSettings {
  /** Per-page detail, when the client logs (debug on); see `ServiceTitanClient.progress`. */
  log: (message: string) => void;
  /** The throttled progress and closing lines, debug or not (src/paging/progress.ts). */
  progress: RunProgress;
  pageSize: number;
  firstPage: number;
  countTotal: boolean;
  laterTotal: boolean | undefined;
  concurrency: number;
  tooMany: (n: number) => Error;
  maxRecords: number;
}

/**
 * One pass over the list: the first page, then the rest (concurrently once the total is known), and
 * a check of every page boundary. Offset paging loses a record at a boundary when records ahead of it
 * are removed or move later in the order, so once both pages around a boundary are in, the record now
 * at the earlier page's last offset is read again (one record per request) and must be the one read
 * there; a page other than the last that came back short means the list shrank. Either way `moved`
 * is true, the rest of the pass is skipped and the caller reads again.
 */
const readPages = async <T>(client: ServiceTitanClient, req: StRequest, s: ReadSettings): Promise<{ pages: T[][]; moved: boolean }> => {
  const { pageSize, firstPage, laterTotal, log, progress } = s;
  const pages: Array<T[] | undefined> = [];
  const probed = new Set<number>();
  let moved = false;
  /** Records and pages read so far, for progress lines. */
  let soFar = 0;
  let pagesRead = 0;
  let totalPages: number | undefined;
  const pageRead = (i: number, records: number, total?: number) => {
    soFar += records;
    pagesRead += 1;
    log(`page ${firstPage + i} read: ${records} records, ${soFar}${total === undefined ? "" : ` of ${total}`} so far.`);
    // Past the announced total (records added meanwhile) the line no longer claims one.
    const known = total !== undefined && totalPages !== undefined && pagesRead <= totalPages;
    progress.step(known ? { records: soFar, pages: pagesRead, total, totalPages } : { records: soFar, pages: pagesRead });
  };
  const queue: Array<() => Promise<void>> = [];
  const probe = (i: number) => async () => {
    if (moved) return;
    const before = pages[i] as T[];
    if (before.length < pageSize) {
      moved = true;
      return;
    }
    const now = await fetchPage<T>(client, req, firstPage + (i + 1) * pageSize - 1, 1, laterTotal);
    progress.reread();
    const shifted = now.data.length === 0 || !sameRecord(now.data[0], before[pageSize - 1]);
    log(`boundary after page ${firstPage + i} re-read: ${shifted ? "the record there moved, the list changed" : "unchanged"}.`);
    if (shifted) moved = true;
  };
  /** Page i is in: queue the checks of the boundaries it completes. */
  const arrived = (i: number) => {
    for (const b of [i - 1, i]) {
      if (b >= 0 && pages[b] !== undefined && pages[b + 1] !== undefined && !probed.has(b)) {
        probed.add(b);
        queue.push(probe(b));
      }
    }
  };

  const first = await fetchPage<T>(client, req, firstPage, pageSize, s.countTotal ? true : undefined);
  pages[0] = first.data;
  const total = typeof first.totalCount === "number" ? first.totalCount : undefined;
  if (total !== undefined) totalPages = Math.max(1, Math.ceil(total / pageSize));
  pageRead(0, first.data.length, total);
  let count = first.data.length;
  if (count > s.maxRecords) throw s.tooMany(count);
  let hasMore = first.hasMore;
  let read = 1;

  if (hasMore && total !== undefined) {
    if (total > s.maxRecords) throw s.tooMany(total);
    const known = Math.ceil(total / pageSize);
    const more = new Map<number, boolean>();
    for (let i = 1; i < known; i += 1) {
      queue.push(async () => {
        if (moved) return; // this pass is void already: spend no more requests on it
        const page = await fetchPage<T>(client, req, firstPage + i, pageSize, laterTotal);
        pages[i] = page.data;
        pageRead(i, page.data.length, total);
        more.set(i, page.hasMore);
        arrived(i);
      });
    }
    await runBounded(queue, s.concurrency);
    if (moved) return { pages: [], moved };
    for (let i = 1; i < known; i += 1) {
      count += (pages[i] as T[]).length;
      read = i + 1;
      hasMore = more.get(i) === true;
      if (!hasMore) break;
    }
    pages.length = read;
    if (count > s.maxRecords) throw s.tooMany(count);
  }
  // Without a total (or when records were added while fetching): go on page by page.
  while (hasMore) {
    const page = await fetchPage<T>(client, req, firstPage + read, pageSize, laterTotal);
    pages[read] = page.data;
    pageRead(read, page.data.length);
    read += 1;
    count += page.data.length;
    if (count > s.maxRecords) throw s.tooMany(count);
    hasMore = page.hasMore;
    if (page.data.length === 0) break;
  }
  // Boundaries not checked yet (pages read one by one).
  for (let i = 0; i < read; i += 1) arrived(i);
  await runBounded(queue, s.concurrency);
  return { pages: pages as T[][], moved };
};

/**
 * Every record of a list. The pages are read (concurrently within `concurrency` once the total is
 * known) and each page boundary is checked for a shift as soon as both its pages are in; a shifted read is thrown away and the list
 * read again, up to `attempts` times, after which ListChangedError is thrown: Fetch All never returns
 * a set it cannot show to be complete. Records that appear twice (inserted ahead of the read position
 * between pages) are kept once.
 */
export const fetchAll = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  options: FetchAllOptions = {},
): Promise<ListPage<T>> => {
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  const detail = client.progress;
  const log = detail ? (message: string) => detail(`Fetch All ${req.operation}: ${message}`) : () => {};
  const progress = startProgress(client, { title: `Fetch All ${req.operation}`, noun: nounOf(req), now: options.now });
  const settings = {
    log,
    progress,
    pageSize,
    maxRecords,
    firstPage: options.firstPage ?? 1,
    countTotal: options.countTotal !== false,
    laterTotal: options.totalRequired ? false : undefined,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    tooMany: (n: number) =>
      new Error(
        `ServiceTitan ${req.operation}: more than ${maxRecords} records match (at least ${n}); narrow the filters or raise Max Records.`,
      ),
  };
  const attempts = Math.max(1, options.attempts ?? DEFAULT_READ_ATTEMPTS);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    log(`reading pages of up to ${pageSize} from page ${settings.firstPage}${attempt > 1 ? ` (read ${attempt} of ${attempts})` : ""}.`);
    const read = await readPages<T>(client, req, settings);
    if (read.moved) {
      log(attempt < attempts ? "the list changed between pages; reading it again." : "the list changed between pages again; giving up.");
      continue;
    }
    const seen = new Set<unknown>();
    const data: T[] = [];
    for (const chunk of read.pages) {
      for (const record of chunk) {
        const id = idOf(record);
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        data.push(record);
      }
    }
    const dropped = read.pages.reduce((n, chunk) => n + chunk.length, 0) - data.length;
    log(`done: ${data.length} records from ${read.pages.length} pages${dropped ? ` (${dropped} read twice, kept once)` : ""}.`);
    progress.done({ records: data.length, ...(attempt > 1 ? { note: `the list changed while it was read, so it was read ${attempt} times` } : {}) });
    return { page: settings.firstPage, pageSize: data.length, hasMore: false, totalCount: data.length, data };
  }
  progress.done({ records: 0, note: `the list kept changing between pages (${attempts} reads); no result` });
  throw new ListChangedError(req.operation, attempts);
};
