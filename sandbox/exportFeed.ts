/**
 * Export feeds (`GET /export/<resource>`), read from a change log per collection. Every create, update,
 * deactivation and deletion appends the record's current version; a continuation token is a position in
 * that log, so bursts of changes with one `modifiedOn` are never lost or skipped, and a token stays
 * valid however the log grows.
 *
 * Like ServiceTitan, the feed is a snapshot by default: a version that a later change superseded is
 * skipped, so a record changed twice between two reads arrives once, in its latest version, at the
 * position of its latest change. `snapshot: false` serves every version (a change log).
 */
import { badRequest } from "./problem";
import { param, toIso } from "./paging";
import type { Collection, Rec } from "./store";

export interface ExportResponse<T = unknown> {
  hasMore: boolean;
  continueFrom: string;
  data: T[];
}

export interface FeedOptions {
  /** Records per response (new changes; repeated ones come on top). */
  pageSize: number;
  /** Already-delivered changes repeated when `includeRecentChanges=true`. */
  overlap: number;
  /** Serve only each record's latest version (default true). */
  snapshot?: boolean;
}

interface TokenPayload {
  v: 1;
  f: string;
  p: number;
}

export const encodeToken = (feed: string, position: number): string =>
  Buffer.from(JSON.stringify({ v: 1, f: feed, p: position } satisfies TokenPayload)).toString("base64url");

const decodeToken = (token: string): TokenPayload | undefined => {
  if (!/^[A-Za-z0-9_=-]+$/.test(token)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as TokenPayload;
    if (parsed && parsed.v === 1 && typeof parsed.f === "string" && Number.isInteger(parsed.p) && parsed.p >= 0) {
      return parsed;
    }
  } catch {
    // not a token
  }
  return undefined;
};

/** Resolves `from` (empty, a token of this feed, or a date / date-time) to a log position. */
export const resolveFrom = (log: readonly Rec[], feed: string, from: string | undefined, served: (i: number) => boolean = () => true): number => {
  if (from === undefined || from.trim() === "") return 0;
  const token = decodeToken(from.trim());
  if (token) {
    if (token.f !== feed) {
      throw badRequest({ from: ["The continuation token belongs to a different export; start again without 'from'."] });
    }
    return Math.min(token.p, log.length);
  }
  const iso = toIso(from);
  if (!iso) {
    throw badRequest({
      from: [`The value '${from}' is neither a continuation token nor a date such as "2020-01-01".`],
    });
  }
  for (let i = 0; i < log.length; i++) if (served(i) && String(log[i].modifiedOn) >= iso) return i;
  return log.length;
};

export const exportPage = <T = unknown>(
  collection: Collection,
  feed: string,
  query: Record<string, string>,
  options: FeedOptions,
  view: (rec: Rec) => T = (r) => r as unknown as T,
  filter?: (rec: Rec) => boolean,
): ExportResponse<T> => {
  const log = collection.log;
  const served = options.snapshot === false ? () => true : (i: number) => collection.isLatest(i);
  const position = resolveFrom(log, feed, param(query, "from"), served);
  collection.onFeedRead?.(position);
  const recentRaw = (param(query, "includeRecentChanges") ?? "").trim().toLowerCase();
  if (recentRaw !== "" && recentRaw !== "true" && recentRaw !== "false") {
    throw badRequest({ includeRecentChanges: [`The value '${recentRaw}' is not valid for IncludeRecentChanges.`] });
  }
  // the repeated window: the `overlap` latest served entries before the position
  const repeated: number[] = [];
  if (recentRaw === "true") {
    for (let i = Math.min(position, log.length) - 1; i >= 0 && repeated.length < options.overlap; i--) if (served(i)) repeated.unshift(i);
  }
  const picked: number[] = [];
  let end = position;
  for (; end < log.length && picked.length < options.pageSize; end++) if (served(end)) picked.push(end);
  // the log's last entry is always a latest version, so anything left after `end` is still to serve
  const hasMore = end < log.length;
  const data: T[] = [];
  for (const i of [...repeated, ...picked]) if (!filter || filter(log[i])) data.push(view(log[i]));
  return { hasMore, continueFrom: encodeToken(feed, end), data };
};
