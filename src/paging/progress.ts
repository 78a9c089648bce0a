/**
 * Progress where builders look (issue 15 item 13), the one rule for every run that may take many
 * requests: Fetch All (pages.ts), export drains (exportFeed.ts), dropdown loads (src/dataSources/
 * picklist.ts) and the record trigger's runs (src/recordChanges/changeFeed.ts).
 *
 * Such a run writes to the execution log at info level, whether or not debug mode is on:
 * - while it reads, at most one line per PROGRESS_EVERY_MS — `Fetch All "List Customers": 15,000 of
 *   100,000 customers, page 3 of 20.` when the list reports its total, else `… 15,000 customers so far,
 *   page 3.` — the first one no sooner than an interval after the run began, and never after its first
 *   request alone;
 * - when it ends, one closing line with the totals: records, pages, requests and re-reads, the waits the
 *   transport imposed (rate limits, budgets, retries) and the time taken.
 * A run of one request writes nothing at all. Debug mode adds its own per-page detail (the client's
 * `progress`); these lines are apart from it.
 *
 * Lines go through the client's `runLog`, which redacts them; the clock is injectable (`now`).
 */

/** At most one progress line per this many milliseconds. */
export const PROGRESS_EVERY_MS = 5000;

/** The waits a client's transport imposed so far: how many, and how long in all. */
export interface WaitTally {
  count: number;
  ms: number;
}

/** Where a run reports: a ServiceTitan client is one (both members optional, so test doubles are too). */
export interface ProgressSink {
  /** Info-level execution log, redacted. */
  readonly runLog?: (message: string) => void;
  /** The transport's wait tally. */
  readonly waits?: () => WaitTally;
}

export interface ProgressOptions {
  /** Starts every line, e.g. `Fetch All "List Customers"`. */
  title: string;
  /** What is counted, plural, e.g. "customers". */
  noun: string;
  /** The clock (epoch ms); Date.now unless a test injects one. */
  now?: () => number;
}

/** Where a run stands after a request: records and pages so far, and the totals when the list reports them. */
export interface ProgressPoint {
  records: number;
  pages: number;
  total?: number;
  totalPages?: number;
}

export interface RunProgress {
  /** A request that read a new page was answered. */
  step(point: ProgressPoint): void;
  /** A request that read again what was read before (a page-boundary check, a list read anew) was answered. */
  reread(): void;
  /** The run ended: the closing line (only when it made more than one request). */
  done(final?: { records?: number; note?: string }): void;
}

/** 15000 → "15,000". */
export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const seconds = (ms: number): string => `${(Math.max(0, ms) / 1000).toFixed(1)} s`;

/**
 * What a request reads, for the lines: the operation's name without its verb ('"List Job Types"' → "job
 * types", acronyms kept), else the path's last named segment ("/customers/12/notes" → "notes").
 */
export const nounOf = (req: { operation: string; path: string }): string => {
  const named = /^(?:list|export|get|search|find|fetch)\s+(.+)$/i.exec(req.operation.replace(/^"|"$/g, "").trim())?.[1];
  return named ? named.replace(/\b[A-Z][a-z]/g, (w) => w.toLowerCase()) : nounOfPath(req.path);
};

/** The noun a list's path names: "/customers" → "customers", "/job-types" → "job types", "/customers/12/notes" → "notes". */
export const nounOfPath = (path: string): string => {
  const segment = path
    .split("/")
    .filter((s) => s !== "" && !/^[\d%]|^\{/.test(s))
    .pop();
  return segment ? segment.replace(/[-_]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : "records";
};

const NO_WAITS: WaitTally = { count: 0, ms: 0 };

export const startProgress = (sink: ProgressSink, options: ProgressOptions): RunProgress => {
  const log = sink.runLog;
  const now = options.now ?? Date.now;
  const { title, noun } = options;
  const tally = () => sink.waits?.() ?? NO_WAITS;
  const started = now();
  const waitsBefore = tally();
  let lastLine = started;
  let requests = 0;
  let rereads = 0;
  let at: ProgressPoint = { records: 0, pages: 0 };
  return {
    step(point) {
      requests += 1;
      at = point;
      if (!log || requests < 2) return;
      const t = now();
      if (t - lastLine < PROGRESS_EVERY_MS) return;
      lastLine = t;
      log(
        point.total === undefined
          ? `${title}: ${formatCount(point.records)} ${noun} so far, page ${point.pages}.`
          : `${title}: ${formatCount(point.records)} of ${formatCount(point.total)} ${noun}, page ${point.pages}${point.totalPages === undefined ? "" : ` of ${point.totalPages}`}.`,
      );
    },
    reread() {
      requests += 1;
      rereads += 1;
    },
    done(final = {}) {
      if (!log || requests < 2) return;
      const end = tally();
      const count = end.count - waitsBefore.count;
      const waits = count === 0 ? "no waits" : `${count} wait${count === 1 ? "" : "s"} (${seconds(end.ms - waitsBefore.ms)})`;
      const records = final.records ?? at.records;
      log(
        `${title}: done, ${formatCount(records)} ${noun} from ${at.pages} page${at.pages === 1 ? "" : "s"} in ${requests} requests${rereads ? ` (${rereads} re-reads)` : ""}, ${waits}, ${seconds(now() - started)}${final.note ? `; ${final.note}` : ""}.`,
      );
    },
  };
};
