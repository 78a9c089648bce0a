/**
 * Reading one run's worth of changes from a ServiceTitan export feed.
 *
 * The feed is a change log: every create, update, deactivation and deletion appends the record's
 * current version, and a continuation token is a position in that log. That is why this trigger polls
 * the export feeds rather than list endpoints by `modifiedOnOrAfter`: a token never skips records that
 * share a timestamp or that change while we read, and inactive records come through too.
 *
 * A cursor is { token, start, seen, pinned, mark }:
 * - `token`: the last continuation token whose page was fully processed (absent before the first page).
 * - `start`: where the very first request starts when there is no token yet (a date, or empty for the
 *   beginning of the feed).
 * - `seen`: a memory of change keys (id, modifiedOn, content hash) already handled, newest last. With
 *   "include recent changes" ServiceTitan repeats changes just before the token; they are recognised
 *   here and dropped, within a run and across runs. The memory keeps every change modified within
 *   RECENT_CHANGES_WINDOW_MS of the newest one handled, and at least BOUNDARY_MEMORY changes plus
 *   twice the most repeats seen in one response (`window`), so a repeat window longer than a fixed
 *   count is still covered; SEEN_MEMORY_CAP bounds the state.
 * - `pinned`: how many of the newest `seen` keys were handled *after* `token` (a run that stops in the
 *   middle of a page keeps the page's token and remembers what it already handled from that page, so
 *   the next run re-reads the page and skips them). Pinned keys are never trimmed.
 * - `mark`: the high-water mark, the newest modifiedOn handled before this run (or the start date).
 *   Export feeds are snapshots: a record created and edited again between two runs arrives once,
 *   already edited, so "modifiedOn equals createdOn" would call it an update. A record created after
 *   the mark cannot have been handled before, so it is delivered as created (its first version in a
 *   run; a later version of it in the same run is an update).
 * - `since`: every change handled with a modifiedOn from then on is still in `seen`. A record whose
 *   id is nowhere in that memory and that was created since then was never handled either (it was
 *   edited again before the feed reached its first version, even during a run), so it is created too.
 *
 * A run keeps its progress: every request carries the run's deadline (`deadlineAt`), no request starts
 * after it, and a request that fails after earlier pages were handled ends the run with the changes
 * read, the cursor of the last page finished and the reason (stoppedBy "error"), so the trigger
 * delivers them and saves that position instead of throwing them away.
 *
 * Paging itself is src/paging/exportFeed.ts `fetchExportPage`; nothing here re-implements it.
 */
import { createHash } from "node:crypto";
import type { ServiceTitanClient, StRequest } from "../http/client";
import { fetchExportPage } from "../paging/exportFeed";
import { startProgress } from "../paging/progress";

export type ChangeType = "created" | "updated" | "deactivated";

/** How far apart createdOn and modifiedOn may be for a version to still count as the creation. */
export const CREATED_TOLERANCE_MS = 1000;

/** Keys always remembered before the token, whatever their timestamps. */
export const BOUNDARY_MEMORY = 1000;
/**
 * How far back (modifiedOn, from the newest change handled) the memory reaches: longer than the
 * window ServiceTitan repeats with "include recent changes" (its most recent changes; it asks
 * consumers to wait 5 to 10 minutes between caught-up reads).
 */
export const RECENT_CHANGES_WINDOW_MS = 60 * 60 * 1000;
/** Upper bound on remembered keys, so the saved state stays small (about 50 bytes a key). */
export const SEEN_MEMORY_CAP = 50_000;

const timeOf = (value: unknown): number | undefined => {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
};

/**
 * created: active and modifiedOn equals createdOn (within a second); deactivated: `active: false`
 * (a deactivation or a deletion, which the feed reports as a last inactive version); otherwise updated.
 * A record without both timestamps cannot be shown to be new, so it counts as updated.
 */
export const classifyChange = (record: unknown, mark?: number): ChangeType => {
  const rec = (record && typeof record === "object" ? record : {}) as Record<string, unknown>;
  if (rec.active === false) return "deactivated";
  const created = timeOf(rec.createdOn);
  const modified = timeOf(rec.modifiedOn);
  if (created === undefined) return "updated";
  // Created after everything handled before: new to us, however often it was edited since.
  if (mark !== undefined && created > mark) return "created";
  if (modified === undefined || Math.abs(modified - created) <= CREATED_TOLERANCE_MS) return "created";
  return "updated";
};

/**
 * Identity of one change: id + modifiedOn + a hash of the version's content. A repeat from "include
 * recent changes" is byte-identical, so it gets the same key; two different versions that share one
 * timestamp (a burst) get different keys and are both delivered.
 */
export const changeKey = (record: unknown): string => {
  const rec = (record && typeof record === "object" ? record : {}) as Record<string, unknown>;
  const hash = createHash("sha1").update(JSON.stringify(record) ?? "").digest("base64url").slice(0, 12);
  return `${String(rec.id ?? "")}|${String(rec.modifiedOn ?? "")}|${hash}`;
};

export interface Cursor {
  token?: string;
  start?: string;
  seen: string[];
  pinned: number;
  /** The newest modifiedOn handled (ISO), or the start date: records created after it are new to us. */
  mark?: string;
  /** The most changes ServiceTitan repeated in one response so far ("include recent changes"). */
  window?: number;
  /** Every change handled with a modifiedOn at or after this (ISO) is in `seen`. */
  since?: string;
}

export interface Change<T = unknown> {
  changeType: ChangeType;
  id: unknown;
  modifiedOn: unknown;
  record: T;
}

export interface PollOptions {
  includeRecentChanges: boolean;
  show: Record<ChangeType, boolean>;
  /** Visible changes delivered per run at most. */
  maxRecords: number;
  /** No new page is requested after this many milliseconds. */
  maxMs: number;
  /** Safety bound on requests per run. */
  maxRequests?: number;
  /** Epoch ms by which the run must end (the earlier of this and maxMs counts); sent with each request. */
  deadlineAt?: number;
  now?: () => number;
  /** Starts the run's progress and closing lines (src/paging/progress.ts); default "Read <operation>". */
  title?: string;
}

export interface PollResult<T = unknown> {
  changes: Change<T>[];
  cursor: Cursor;
  /** True when the run stopped on a bound and the feed has more for the next run. */
  hasMore: boolean;
  hidden: number;
  duplicatesRemoved: number;
  requests: number;
  stoppedBy?: "maxRecords" | "maxTime" | "maxRequests" | "error";
  /** stoppedBy "error": why the run ended early (what it read is kept; the next run continues). */
  error?: string;
}

/**
 * A fresh cursor; a start date is also the first high-water mark (records created after it are new).
 * From the beginning, every record is new to the flow: the mark is the epoch, so a record that is
 * created and edited again before the first run that sees it is still delivered as created, even
 * when the feed was empty on the runs before.
 */
export const emptyCursor = (start?: string): Cursor => {
  const t = timeOf(start) ?? 0;
  return { ...(start === undefined ? {} : { start }), seen: [], pinned: 0, mark: new Date(t).toISOString() };
};

/** modifiedOn of a change key ("id|modifiedOn|hash"). */
const keyTime = (key: string): number | undefined => {
  const parts = key.split("|");
  return parts.length >= 3 ? timeOf(parts.slice(1, -1).join("|")) : undefined;
};

/**
 * Keeps every pinned key and, before them, the newest BOUNDARY_MEMORY + 2 × `window` keys (`window`:
 * the most repeats ServiceTitan sent in one response so far) plus every older key modified within
 * RECENT_CHANGES_WINDOW_MS of `mark`; at most SEEN_MEMORY_CAP keys in all (pinned ones first). The
 * window is covered whether ServiceTitan measures it in changes or in time.
 */
export const trimSeen = (
  seen: string[],
  pinned: number,
  mark?: number,
  window = 0,
  catchUp: { catchingUp: boolean; since?: number } = { catchingUp: false },
): { seen: string[]; since?: number } => {
  // While a backlog is being caught up over bounded runs, nothing is forgotten for its age (only the cap
  // applies): a record of the backlog created long before the mark and edited again before the feed
  // reaches it was never handled, and only a complete memory can tell it apart from an old record.
  const keepAll = catchUp.catchingUp ? 0 : Math.max(0, seen.length - pinned - BOUNDARY_MEMORY - 2 * window);
  const oldest = mark === undefined ? undefined : mark - RECENT_CHANGES_WINDOW_MS;
  // `since`: every change handled with a modifiedOn at or after it is still remembered — never before the
  // point from which the memory was complete already (the start, or the last trim).
  let since = catchUp.catchingUp ? catchUp.since : oldest === undefined || catchUp.since === undefined ? oldest : Math.max(oldest, catchUp.since);
  const dropped = (key: string) => {
    const t = keyTime(key);
    if (t === undefined) return;
    since = since === undefined ? t + 1 : Math.max(since, t + 1);
  };
  const kept: string[] = [];
  for (let i = 0; i < seen.length; i++) {
    const t = i < keepAll ? keyTime(seen[i]) : undefined;
    if (i >= keepAll || (oldest !== undefined && t !== undefined && t >= oldest)) kept.push(seen[i]);
    else dropped(seen[i]);
  }
  const cap = Math.max(SEEN_MEMORY_CAP, pinned);
  if (kept.length > cap) for (const key of kept.splice(0, kept.length - cap)) dropped(key);
  return { seen: kept, since };
};

/** The record id of a change key. */
const keyId = (key: string): string => key.slice(0, key.indexOf("|"));

/** How a run's closing line says why it stopped before the end of the feed. */
const STOP_NOTES: Record<NonNullable<PollResult["stoppedBy"]>, string> = {
  maxRecords: "stopped at Max Records per Run; the next run continues",
  maxTime: "stopped at Max Seconds per Run; the next run continues",
  maxRequests: "stopped at the most requests one run makes; the next run continues",
  error: "stopped by a failed request; the changes read are delivered and the next run continues after them",
};

export const pollChanges = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  from: Cursor,
  options: PollOptions,
): Promise<PollResult<T>> => {
  const now = options.now ?? Date.now;
  const started = now();
  const deadlineAt = options.deadlineAt === undefined ? started + options.maxMs : Math.min(started + options.maxMs, options.deadlineAt);
  const mark = timeOf(from.mark);
  let newest = mark;
  /** Ids handled in this run: a second version of a record in one run is never its creation. */
  const idsThisRun = new Set<string>();
  /** Ids of every change remembered; with `since`, a record created since then and absent here is new. */
  const knownIds = new Set(from.seen.map(keyId));
  // A fresh cursor has handled nothing: its memory is complete from its start (the epoch from the beginning).
  const fresh = from.token === undefined && from.seen.length === 0 && from.since === undefined;
  const since = fresh ? (timeOf(from.start) ?? 0) : timeOf(from.since);
  let error: string | undefined;
  let window = from.window ?? 0;
  const maxRequests = options.maxRequests ?? 1000;
  const seen = [...from.seen];
  const seenSet = new Set(seen);
  let token = from.token;
  let pinned = from.pinned;
  const changes: Change<T>[] = [];
  let hidden = 0;
  let duplicatesRemoved = 0;
  let requests = 0;
  let hasMore = true;
  let stoppedBy: PollResult["stoppedBy"];
  // Progress counts the changes read (delivered or hidden), repeats left out.
  const progress = startProgress(client, { title: options.title ?? `Read ${req.operation}`, noun: "changes", now });

  const remember = (key: string): void => {
    seen.push(key);
    seenSet.add(key);
  };

  while (hasMore) {
    if (changes.length >= options.maxRecords) {
      stoppedBy = "maxRecords";
      break;
    }
    if (requests > 0 && now() >= deadlineAt) {
      stoppedBy = "maxTime";
      break;
    }
    if (requests >= maxRequests) {
      stoppedBy = "maxRequests";
      break;
    }
    // The first request of a brand-new cursor asks for no repeats: they would be changes from before
    // the chosen start.
    let page: Awaited<ReturnType<typeof fetchExportPage<T>>>;
    try {
      page = await fetchExportPage<T>(client, req, token ?? from.start, token !== undefined && options.includeRecentChanges, deadlineAt);
    } catch (failure) {
      if (requests === 0) throw failure; // nothing read yet: nothing to keep
      error = failure instanceof Error ? failure.message : String(failure);
      stoppedBy = "error";
      break;
    }
    requests += 1;
    // The repeats of "include recent changes" lead the response: measure them, so the memory keeps up.
    let repeats = 0;
    while (repeats < page.data.length && seenSet.has(changeKey(page.data[repeats]))) repeats += 1;
    window = Math.max(window, repeats);
    let cut = false;
    for (let i = 0; i < page.data.length; i++) {
      const record = page.data[i];
      const key = changeKey(record);
      if (seenSet.has(key)) {
        duplicatesRemoved += 1;
        continue;
      }
      if (changes.length >= options.maxRecords) {
        // Stop inside the page: keep its token, the handled part of it stays pinned in `seen`.
        cut = true;
        break;
      }
      remember(key);
      pinned += 1;
      const rec = record as Record<string, unknown>;
      const modified = timeOf(rec?.modifiedOn);
      if (modified !== undefined && (newest === undefined || modified > newest)) newest = modified;
      const id = String(rec?.id ?? "");
      const firstSight = !idsThisRun.has(id) && !knownIds.has(id);
      const created = timeOf(rec?.createdOn);
      // Never handled, and created since the memory is complete: its first version reaching us is its creation.
      const unseenSince = firstSight && since !== undefined && created !== undefined && created >= since ? created - 1 : undefined;
      const changeType = classifyChange(record, unseenSince ?? (idsThisRun.has(id) ? undefined : mark));
      idsThisRun.add(id);
      if (!options.show[changeType]) {
        hidden += 1;
        continue;
      }
      changes.push({ changeType, id: rec?.id, modifiedOn: rec?.modifiedOn, record });
    }
    progress.step({ records: changes.length + hidden, pages: requests });
    if (cut) {
      stoppedBy = "maxRecords";
      hasMore = true;
      break;
    }
    if (page.continueFrom) token = page.continueFrom;
    else if (token === undefined) token = from.start ?? "";
    pinned = 0;
    hasMore = page.hasMore;
  }
  if (stoppedBy === "error") hasMore = true;
  if (!hasMore) stoppedBy = undefined;
  progress.done(stoppedBy ? { note: STOP_NOTES[stoppedBy] } : {});
  const memory = trimSeen(seen, pinned, newest, window, { catchingUp: hasMore, since });
  const cursor: Cursor = { token, start: from.start, seen: memory.seen, pinned };
  if (newest !== undefined) cursor.mark = new Date(newest).toISOString();
  if (memory.since !== undefined) cursor.since = new Date(memory.since).toISOString();
  if (window > 0) cursor.window = window;
  return {
    error,
    changes,
    cursor,
    hasMore,
    hidden,
    duplicatesRemoved,
    requests,
    stoppedBy,
  };
};
