/**
 * Field rules of the Leads Integration Platform (seed 003, "Models"), as `clean` functions built on
 * src/inputs/clean.ts. Each rule fails with an InputError naming the input, before anything is sent.
 *
 * - "up to 128 symbols"        → MAX_LEADS_LENGTH
 * - "no special characters"    → letters, digits, "-" and "_" only (IDs in ServiceTitan's own examples
 *                                 are GUIDs and slugs such as besthvaccompany_0001)
 * - "no spaces"                → no whitespace anywhere
 * - "must be unique"           → an empty Idempotency Token is derived from the booking (bookingToken:
 *                                 one Partner Booking ID ↔ one token, the same on every re-run);
 *                                 duplicates within one request (profile IDs, extra-detail keys
 *                                 ignoring case) are refused here
 */
import { createHash } from "node:crypto";
import { cleanDateTime, cleanString, fail, InputError, isEmpty, keyValueRows, type CleanOptions } from "../inputs/clean";

export const MAX_LEADS_LENGTH = 128;
export const NO_SPECIAL = /^[A-Za-z0-9_-]+$/;
export const NO_SPACES = /^\S+$/;

export interface LeadsTextRule extends CleanOptions {
  maxLength?: number;
  noSpecial?: boolean;
  noSpaces?: boolean;
}

/** Text with the seed's length, "no spaces" and "no special characters" rules. */
export const cleanLeadsText =
  (label: string, rule: LeadsTextRule) =>
  (value: unknown): string | undefined => {
    const text = cleanString(label, { required: rule.required, maxLength: rule.maxLength })(value);
    if (text === undefined) return undefined;
    if (rule.noSpecial && !NO_SPECIAL.test(text)) {
      return fail(label, "letters, digits, \"-\" and \"_\" only (no spaces or special characters)", text);
    }
    if (rule.noSpaces && !NO_SPACES.test(text)) return fail(label, "a value without spaces", text);
    return text;
  };

/**
 * The Idempotency Token as given (no spaces), or undefined when empty: the action then uses
 * `bookingToken`, which needs the other inputs and so cannot be made here.
 */
export const cleanIdempotencyToken = (value: unknown): string | undefined =>
  cleanLeadsText("Idempotency Token", { noSpaces: true, maxLength: MAX_LEADS_LENGTH })(value);

/**
 * The default Idempotency Token of a booking: a UUID-shaped SHA-256 of (account, profile, Partner Booking
 * ID). The Partner Booking ID names one booking, so one booking has one token however often the step or
 * the flow is run again — a repeat after a lost answer carries the token ServiceTitan already saw, and is
 * refused (11303) instead of becoming a second booking. A random token would change on every run.
 */
export const bookingToken = (accountId: string, profileId: string, partnerBookingId: string): string => {
  const hex = createHash("sha256")
    .update(JSON.stringify(["servicetitan-leads-booking", accountId, profileId, partnerBookingId]))
    .digest("hex");
  // RFC 9562 layout: version 8 (custom), variant 10xx.
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface Profile {
  id: string;
  name: string;
}

/**
 * Profiles as a key/value list (key = profile ID, value = profile name), or a JSON array of
 * `{ "id", "name" }`. Order is kept; a repeated ID is refused (ServiceTitan would answer 15304).
 */
export const cleanProfiles = (label: string, opts?: CleanOptions) => (value: unknown): Profile[] | undefined => {
  if (isEmpty(value)) return opts?.required ? fail(label, "at least one profile (an ID and a name)") : undefined;
  const rows = keyValueRows(label, value, {
    keyFields: ["id", "key", "Id"],
    valueFields: ["name", "value", "Name"],
    emptyKeyAllowed: true, // the ID's own rule names it "… ID: expected a value"
    expected: 'a list of profiles, or a JSON array such as [{"id":"profile-1","name":"Main office"}]',
    itemExpected: "a profile ID and name",
  });
  const seen = new Set<string>();
  return rows.map((row) => {
    const id = cleanLeadsText(`${row.label} ID`, { required: true, maxLength: MAX_LEADS_LENGTH })(row.key) as string;
    const name = cleanLeadsText(`${row.label} Name`, { required: true, maxLength: MAX_LEADS_LENGTH })(row.value) as string;
    if (seen.has(id)) throw new InputError(`${row.label} ID: "${id}" appears more than once; each profile needs its own ID.`);
    seen.add(id);
    return { id, name };
  });
};

/**
 * Extra details: key/value rows (or a JSON object) → one object of strings. Keys that differ only in
 * upper/lower case are refused before sending (ServiceTitan answers 11304 for them).
 */
export const cleanExtraDetails = (label: string) => (value: unknown): Record<string, string> | undefined => {
  if (isEmpty(value)) return undefined;
  const out: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const { key, value: v } of keyValueRows(label, value)) {
    if (v !== null && typeof v === "object") fail(`${label} "${key}"`, "a text value", v);
    const folded = key.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      throw new InputError(`${label}: the keys "${earlier}" and "${key}" are the same when case is ignored; ServiceTitan accepts each key once.`);
    }
    seen.set(folded, key);
    out[key] = v === undefined || v === null ? "" : String(v);
  }
  return Object.keys(out).length ? out : undefined;
};

/** Seconds since 1970 beyond which a number is surely milliseconds (year 5138). */
const MAX_UNIX_SECONDS = 99_999_999_999;

/**
 * Arrival-window start → Unix seconds. Accepts whole seconds ("1620744727"), an ISO 8601 date-time
 * ("2026-05-11T14:00:00Z") or a Date. A 13-digit number is refused as milliseconds.
 */
export const cleanUnixSeconds = (label: string) => (value: unknown): number | undefined => {
  if (isEmpty(value)) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(label, "a valid date-time", String(value));
    return Math.floor(value.getTime() / 1000);
  }
  const text = String(value).trim();
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (n < 0) return fail(label, "a time after 1970 (Unix seconds are never negative)", value);
    if (n > MAX_UNIX_SECONDS) return fail(label, "Unix seconds (10 digits such as 1620744727); this looks like milliseconds — divide by 1000", value);
    return n;
  }
  const iso = cleanDateTime(label)(text) as string;
  return Math.floor(Date.parse(iso) / 1000);
};

/** A plain e-mail address (one @, a dot in the domain, no spaces). */
export const cleanEmail = (label: string) => (value: unknown): string | undefined => {
  const text = cleanString(label, { maxLength: 254 })(value);
  if (text === undefined) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return fail(label, "an e-mail address such as jane@example.com", text);
  return text;
};

/** An absolute http(s) URL. */
export const cleanHttpUrl = (label: string) => (value: unknown): string | undefined => {
  const text = cleanString(label)(value);
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return fail(label, "an absolute http(s) URL such as https://partner.example.com/bookings/123", text);
  return text;
};
