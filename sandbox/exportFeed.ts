/**
 * Export feeds (`GET /export/<resource>`): a change log per collection. Every create, update,
 * deactivation and deletion appends the record's current version; a continuation token is the
 * position in that log, so bursts of changes with one `modifiedOn` are never lost or skipped.
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
export const resolveFrom = (log: readonly Rec[], feed: string, from: string | undefined): number => {
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
  for (let i = 0; i < log.length; i++) if (String(log[i].modifiedOn) >= iso) return i;
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
  const position = resolveFrom(log, feed, param(query, "from"));
  collection.onFeedRead?.(position);
  const recentRaw = (param(query, "includeRecentChanges") ?? "").trim().toLowerCase();
  if (recentRaw !== "" && recentRaw !== "true" && recentRaw !== "false") {
    throw badRequest({ includeRecentChanges: [`The value '${recentRaw}' is not valid for IncludeRecentChanges.`] });
  }
  if (position >= log.length) return { hasMore: false, continueFrom: encodeToken(feed, log.length), data: [] };
  const start = recentRaw === "true" ? Math.max(0, position - options.overlap) : position;
  const end = Math.min(log.length, position + options.pageSize);
  const data: T[] = [];
  for (let i = start; i < end; i++) if (!filter || filter(log[i])) data.push(view(log[i]));
  return { hasMore: end < log.length, continueFrom: encodeToken(feed, end), data };
};
