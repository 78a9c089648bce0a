/**
 * Where each API states how long to wait before trying again, as data (issue 17 item 4): a client
 * declares its list of places, and `waitHintFrom` reads them in order — the first that states a wait
 * wins. One reader, one list per client; no client hard-codes its own parsing.
 *
 * - ServiceTitan's tenant APIs: `Retry-After` (seconds or an HTTP-date) on 429 and 503 when present;
 *   live tenants usually send none and state the wait only in the 429's RFC 7807 title, "Rate limit is
 *   exceeded. Try again in 50 seconds." (api facts §3 and §12), or in `message` where a gateway answers.
 * - The Leads Integration Platform: nothing is published about its 429s. It is read the standard way,
 *   `Retry-After`, and its own error body's `message` when that states a wait in words.
 */
import { parseErrorBody } from "./errors";

/**
 * Reads the wait a server asks for from one failed answer, in ms, or undefined when it states none.
 * `headers` have lower-case names; `now` is the wall clock (epoch ms) for HTTP-dates.
 */
export type WaitHint = (status: number, headers: Record<string, string>, body: string, now: number) => number | undefined;

/** One place a wait may be stated. */
export type WaitHintSource =
  /** A header holding seconds or an HTTP-date (`Retry-After`). */
  | { from: "header"; name: string; statuses: readonly number[] }
  /**
   * Words in the body ("try again in 50 seconds", "retry after 2 minutes"): in the named fields of a
   * JSON object body, or in the whole text of a body that is not JSON.
   */
  | { from: "words"; fields: readonly string[]; statuses: readonly number[] };

export const WAIT_HINTS = {
  serviceTitan: [
    { from: "header", name: "retry-after", statuses: [429, 503] },
    // `message`: the same words in the gateway's own 429 shape ({ statusCode, message }).
    { from: "words", fields: ["title", "message"], statuses: [429] },
  ],
  leads: [
    { from: "header", name: "retry-after", statuses: [429, 503] },
    { from: "words", fields: ["message"], statuses: [429] },
  ],
} as const satisfies Record<string, readonly WaitHintSource[]>;

/** Parses Retry-After: delta-seconds or an HTTP-date. Returns milliseconds, or undefined. */
export const parseRetryAfter = (value: unknown, now: number = Date.now()): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = String(Array.isArray(value) ? value[0] : value).trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
};

const UNIT_MS: Record<string, number> = { s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, minute: 60_000, minutes: 60_000 };
/** "Try again in 50 seconds", "retry after 1 second", "try again in 3 sec" (any case, any punctuation around). */
const STATED_WAIT = /(?:try again|retry)(?:\s+(?:in|after))?\s+(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?)\b/i;

/** The wait stated in words in a text, in ms. */
export const waitFromBody = (body: string): number | undefined => {
  const match = STATED_WAIT.exec(body.slice(0, 4000));
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2].toLowerCase()]);
};

const readSource = (source: WaitHintSource, headers: Record<string, string>, body: string, now: number): number | undefined => {
  if (source.from === "header") return parseRetryAfter(headers[source.name], now);
  const parsed = parseErrorBody<Record<string, unknown>>(body);
  if (!parsed) return waitFromBody(body);
  for (const field of source.fields) {
    const value = parsed[field];
    const wait = typeof value === "string" ? waitFromBody(value) : undefined;
    if (wait !== undefined) return wait;
  }
  return undefined;
};

/** The reader of a client's declared places, tried in order. */
export const waitHintFrom =
  (sources: readonly WaitHintSource[]): WaitHint =>
  (status, headers, body, now) => {
    for (const source of sources) {
      if (!source.statuses.includes(status)) continue;
      const wait = readSource(source, headers, body, now);
      if (wait !== undefined) return wait;
    }
    return undefined;
  };

/** ServiceTitan's tenant APIs. */
export const serviceTitanWaitHint: WaitHint = waitHintFrom(WAIT_HINTS.serviceTitan);
/** The Leads Integration Platform. */
export const leadsWaitHint: WaitHint = waitHintFrom(WAIT_HINTS.leads);
/** `Retry-After` on 429 and 503 only. */
export const retryAfterHint: WaitHint = waitHintFrom([WAIT_HINTS.serviceTitan[0]]);
