/**
 * Reading one run's worth of changes from a ServiceTitan export feed.
 *
 * The feed is a change log: every create, update, deactivation and deletion appends the record's
 * current version, and a continuation token is a position in that log. That is why this trigger polls
 * the export feeds rather than list endpoints by `modifiedOnOrAfter`: a token never skips records that
 * share a timestamp or that change while we read, and inactive records come through too.
 *
 * A cursor is { token, start, seen, pinned }:
 * - `token`: the last continuation token whose page was fully processed (absent before the first page).
 * - `start`: where the very first request starts when there is no token yet (a date, or empty for the
 *   beginning of the feed).
 * - `seen`: a bounded memory of change keys (id, modifiedOn, content hash) already handled, newest
 *   last. With "include recent changes" ServiceTitan repeats changes just before the token; they are
 *   recognised here and dropped, within a run and across runs.
 * - `pinned`: how many of the newest `seen` keys were handled *after* `token` (a run that stops in the
 *   middle of a page keeps the page's token and remembers what it already handled from that page, so
 *   the next run re-reads the page and skips them). Pinned keys are never trimmed.
 *
 * Paging itself is src/paging/exportFeed.ts `fetchExportPage`; nothing here re-implements it.
 */
import { createHash } from "node:crypto";
import type { ServiceTitanClient, StRequest } from "../http/client";
import { fetchExportPage } from "../paging/exportFeed";

export type ChangeType = "created" | "updated" | "deactivated";

/** How far apart createdOn and modifiedOn may be for a version to still count as the creation. */
export const CREATED_TOLERANCE_MS = 1000;

/** Keys remembered before the token, enough to recognise ServiceTitan's "recent changes" repeats. */
export const BOUNDARY_MEMORY = 1000;

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
export const classifyChange = (record: unknown): ChangeType => {
  const rec = (record && typeof record === "object" ? record : {}) as Record<string, unknown>;
  if (rec.active === false) return "deactivated";
  const created = timeOf(rec.createdOn);
  const modified = timeOf(rec.modifiedOn);
  if (created === undefined) return "updated";
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
  now?: () => number;
}

export interface PollResult<T = unknown> {
  changes: Change<T>[];
  cursor: Cursor;
  /** True when the run stopped on a bound and the feed has more for the next run. */
  hasMore: boolean;
  hidden: number;
  duplicatesRemoved: number;
  requests: number;
  stoppedBy?: "maxRecords" | "maxTime" | "maxRequests";
}

export const emptyCursor = (start?: string): Cursor => ({ start, seen: [], pinned: 0 });

/** Keeps every pinned key plus BOUNDARY_MEMORY keys before them. */
const trimSeen = (seen: string[], pinned: number): string[] => {
  const keep = pinned + BOUNDARY_MEMORY;
  return seen.length > keep ? seen.slice(seen.length - keep) : seen;
};

export const pollChanges = async <T = unknown>(
  client: ServiceTitanClient,
  req: StRequest,
  from: Cursor,
  options: PollOptions,
): Promise<PollResult<T>> => {
  const now = options.now ?? Date.now;
  const started = now();
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

  const remember = (key: string): void => {
    seen.push(key);
    seenSet.add(key);
  };

  while (hasMore) {
    if (changes.length >= options.maxRecords) {
      stoppedBy = "maxRecords";
      break;
    }
    if (requests > 0 && now() - started >= options.maxMs) {
      stoppedBy = "maxTime";
      break;
    }
    if (requests >= maxRequests) {
      stoppedBy = "maxRequests";
      break;
    }
    // The first request of a brand-new cursor asks for no repeats: they would be changes from before
    // the chosen start.
    const page = await fetchExportPage<T>(client, req, token ?? from.start, token !== undefined && options.includeRecentChanges);
    requests += 1;
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
      const changeType = classifyChange(record);
      if (!options.show[changeType]) {
        hidden += 1;
        continue;
      }
      const rec = record as Record<string, unknown>;
      changes.push({ changeType, id: rec?.id, modifiedOn: rec?.modifiedOn, record });
    }
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
  if (!hasMore) stoppedBy = undefined;
  return {
    changes,
    cursor: { token, start: from.start, seen: trimSeen(seen, pinned), pinned },
    hasMore,
    hidden,
    duplicatesRemoved,
    requests,
    stoppedBy,
  };
};
