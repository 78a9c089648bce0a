/**
 * What every webhook trigger of the component does before its own work, in one place: read a header,
 * compare a presented secret in constant time, read the body as JSON, refuse a request, and remember
 * the IDs of events already handled. Used by the ServiceTitan Webhook (src/webhooks/serviceTitanWebhook.ts, HMAC
 * signatures from hmac.ts) and the Leads Integration Platform webhooks (src/leads/triggers.ts, a shared
 * signing key in a header).
 *
 * How a request is refused. A Spectral webhook trigger can stop a request in two ways: throw, or return
 * a `response` plus a `branch`. A throw is the only thing that stops every later step, but the sender
 * then gets Prismatic's generic error instead of 401, and every probe or misconfigured sender shows up
 * as a failed execution. So by default (`respond`) a refused request is answered with a 4xx and takes
 * the "Rejected" branch with an empty payload (no body, headers or query): the flow's work lives on the
 * other branches, which are not taken, and nothing the caller sent reaches any step. `fail` throws
 * instead, for flows that have steps after their branches meet.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { input, type TriggerPayload } from "@prismatic-io/spectral";
import { cleanEnum } from "../inputs/clean";
import { rawBodyBytes } from "./hmac";

/* ------------------------------------------------------------------ headers and secrets */

const headerEntry = (headers: Record<string, unknown> | undefined, name: string): unknown => {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/** Case-insensitive header lookup; a repeated header's values are joined with "," (as HTTP allows). */
export const headerValue = (headers: Record<string, unknown> | undefined, name: string): string | undefined => {
  const v = headerEntry(headers, name);
  return Array.isArray(v) ? v.join(",") : v === undefined || v === null ? undefined : String(v);
};

/** Case-insensitive header lookup; of a repeated header, only the first value (for a single secret). */
export const firstHeaderValue = (headers: Record<string, unknown> | undefined, name: string): string | undefined => {
  const v = headerEntry(headers, name);
  return Array.isArray(v) ? String(v[0]) : v === undefined || v === null ? undefined : String(v);
};

/**
 * Constant-time comparison of a presented secret with the expected one. Both are hashed first so the
 * inputs to timingSafeEqual always have the same length (no early exit on length either).
 */
export const secretMatches = (presented: string | undefined, expected: string): boolean => {
  if (presented === undefined || !expected) return false;
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
};

/** Header names listed in a log line, at most, each cut to 64 characters. */
const MAX_LOGGED_HEADER_NAMES = 40;

/**
 * The NAMES of the headers that arrived, for a log line that helps a user find where a sender really
 * puts its signature: lower case, sorted, characters outside a header name's alphabet replaced by "?"
 * (so a name cannot forge log lines). Never a value: a value may be a secret or a valid signature.
 */
export const headerNamesForLog = (headers: Record<string, unknown> | undefined): string => {
  const names = Object.keys(headers ?? {}).map((n) => n.slice(0, 64).toLowerCase().replace(/[^a-z0-9!#$%&'*+.^_`|~-]/g, "?"));
  names.sort();
  const shown = names.slice(0, MAX_LOGGED_HEADER_NAMES).join(", ");
  return names.length > MAX_LOGGED_HEADER_NAMES ? `${shown} and ${names.length - MAX_LOGGED_HEADER_NAMES} more` : shown || "(none)";
};

/* ------------------------------------------------------------------ body */

/** The value at a dotted path of a parsed body ("eventId", "data.id"); undefined when any step is missing. */
export const valueAt = (value: unknown, path: string): unknown => {
  let current: unknown = value;
  for (const part of path.split(".")) {
    current = current && typeof current === "object" && Object.hasOwn(current, part) ? (current as Record<string, unknown>)[part] : undefined;
  }
  return current;
};

/**
 * Whether an event is older than `maxAgeMs` by the timestamp at `field` (ISO 8601 text, or epoch
 * seconds/milliseconds as a number). An event without a readable timestamp passes (not every sender
 * dates its events), and so does any event when `maxAgeMs` is 0. The timestamp is only worth as much
 * as the body it is read from: check it after the signature.
 */
export const eventAge = (event: unknown, field: string, maxAgeMs: number, now: number): { tooOld: boolean; at?: string } => {
  if (maxAgeMs <= 0) return { tooOld: false };
  const raw = valueAt(event, field);
  let ms: number;
  if (typeof raw === "number" && Number.isFinite(raw)) ms = raw < 1e11 ? raw * 1000 : raw;
  else if (typeof raw === "string" && raw.length <= 64) ms = Date.parse(raw);
  else return { tooOld: false };
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { tooOld: false };
  return { tooOld: now - ms > maxAgeMs, at: new Date(ms).toISOString() };
};

/**
 * The request body as JSON: Prismatic hands JSON bodies over parsed, or as text/bytes (a Buffer, or a
 * Buffer serialised as `{ type: "Buffer", data }`). The parsed body is tried first, then the raw one.
 */
export const readJsonBody = (payload: TriggerPayload): { ok: true; value: unknown } | { ok: false } => {
  for (const data of [payload.body?.data, payload.rawBody?.data]) {
    const bytes = rawBodyBytes(data);
    if (bytes === undefined) {
      if (data !== null && typeof data === "object") return { ok: true, value: data };
      continue;
    }
    const text = bytes.toString("utf8");
    if (text.trim()) {
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false };
      }
    }
  }
  return { ok: false };
};

/* ------------------------------------------------------------------ refusing */

export const REFUSAL_MODES = ["respond", "fail"] as const;
export type RefusalMode = (typeof REFUSAL_MODES)[number];

/** The "When Refused" input; `respondLabel` and `comments` say what this trigger answers and why. */
export const whenRefusedInput = (respondLabel: string, comments: string) =>
  input({
    label: "When Refused",
    type: "string",
    required: true,
    default: "respond",
    model: [
      { label: respondLabel, value: "respond" },
      { label: "Fail the execution (nothing after the trigger runs)", value: "fail" },
    ],
    comments,
    example: "respond",
    clean: (value: unknown) => cleanEnum("When Refused", [...REFUSAL_MODES], { required: true })(value) as RefusalMode,
  });

export const jsonResponse = (statusCode: number, body: unknown) => ({
  statusCode,
  contentType: "application/json",
  body: JSON.stringify(body),
});

/** The payload a refused request hands to the flow: nothing the caller sent. */
export const emptyPayload = (payload: TriggerPayload): TriggerPayload =>
  ({
    ...payload,
    headers: {},
    queryParameters: {},
    rawBody: { data: null },
    body: { data: null },
    pathFragment: "",
  }) as unknown as TriggerPayload;

export interface Refusal {
  mode: RefusalMode;
  statusCode: 400 | 401;
  /** Why, for the sender (never a secret). */
  reason: string;
  /** The error thrown in `fail` mode, in the trigger's own words. */
  failMessage: string;
}

/** Refuses a request: a 4xx answer + the "Rejected" branch with an empty payload, or (mode `fail`) a throw. */
export const refuse = (payload: TriggerPayload, { mode, statusCode, reason, failMessage }: Refusal) => {
  if (mode === "fail") throw new Error(failMessage);
  return {
    payload: emptyPayload(payload),
    response: jsonResponse(statusCode, { error: statusCode === 401 ? "unauthorized" : "bad request", reason }),
    branch: "Rejected",
  };
};

/* ------------------------------------------------------------------ events already handled */

/**
 * Records `id` in a bounded list (oldest dropped past `limit`) under `key` of the flow's instance state,
 * changing `state` in place. `seen` is true when the id was there already; `list` is the new list.
 *
 * What the memory can and cannot do: Prismatic loads a flow's instance state when an execution starts
 * and writes it back when it ends. Executions that overlap each load the same list, add their own id and
 * write their list back — the last to finish wins, so ids added by the others are lost from the memory
 * (a later repeat of one of those events is taken as new), and two copies of one event handled in
 * overlapping executions both pass as new. It drops repeats that arrive after the first copy's execution
 * has ended, which is how ServiceTitan's retries arrive.
 *
 * Returning state (the one convention of this component's triggers and actions): change
 * `context.instanceState` in place and return that WHOLE object as `instanceState`. Spectral's adapter
 * (serverTypes/perform.js) hands the returned object to the platform untouched and merges nothing, and
 * its own polling `setState` persists by changing `context.instanceState` in place; the whole object is
 * right whether the platform merges returned keys into the saved state or replaces the state with them,
 * while an object with only our key would drop every other key (e.g. the polling state) in the latter case.
 */
export const rememberId = (
  state: Record<string, unknown> | undefined,
  key: string,
  id: string,
  limit: number,
): { seen: boolean; list: string[] } => {
  const list = Array.isArray(state?.[key]) ? (state[key] as string[]) : [];
  if (list.includes(id)) return { seen: true, list };
  const next = [...list, id].slice(-limit);
  if (state) state[key] = next;
  return { seen: false, list: next };
};
