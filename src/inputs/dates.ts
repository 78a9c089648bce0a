/**
 * Dates as people type them (issue 15 item 9): the one place that reads date and date-time text and
 * places a wall-clock time in a time zone.
 *
 * Accepted: ISO 8601 (2024-01-15, 2024-01-15T09:30:00Z, 2024-01-15T09:30-05:00, a space for the T) and the
 * common US forms — 01/15/2024 or 1/15/2024, each optionally followed by a time: 9:00 AM, 9:00:30 PM,
 * 14:30 — plus an ISO date with such a time (2024-01-15 9:00 AM). Slashed dates are always month/day/year
 * (US order; 15/01/2024 is refused, never read as 15 January), years have four digits, and the calendar
 * is checked (02/30/2024 is refused).
 *
 * A value that names its zone (Z or ±hh:mm) is an instant. One that does not is a wall-clock time; for
 * actions it is placed in the connection's Time Zone at perform time (src/inputs/allErrors.ts), with Intl
 * and no date library. Wall-clock times that a daylight-saving change skips or repeats are read as
 * Temporal's "compatible" rule does: a skipped time moves forward by the gap (02:30 on a spring-forward
 * night is 03:30 daylight time), a repeated one is the earlier of the two.
 */
import { fail } from "../core/errors";

/** A calendar date and time of day, no zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface ParsedDateText {
  wall: WallClock;
  /** No time of day was given. */
  dateOnly: boolean;
  /** The offset from UTC the text names, in minutes; undefined when it names none. */
  offsetMinutes?: number;
}

/** What a refusal says, by what went wrong. */
export type DateTextProblem = "form" | "calendar" | "time" | "offset";

const ISO_DATE = "(\\d{4})-(\\d{2})-(\\d{2})";
const US_DATE = "(\\d{1,2})/(\\d{1,2})/(\\d{4})";
const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?(?:\\s*([ap])\\.?m\\.?)?";
const ZONE = "(z|[+-]\\d{2}:?\\d{2})";
const DATE_TEXT = new RegExp(`^(?:${ISO_DATE}|${US_DATE})(?:(t|\\s+)${TIME}\\s*${ZONE}?)?$`, "i");

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** Reads one of the accepted forms; a problem names why it was refused. */
export const parseDateText = (text: string): ParsedDateText | DateTextProblem => {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return "form";
  const [, iy, imo, id, um, ud, uy, sep, h, mi, s, frac, ampm, zone] = m;
  const us = uy !== undefined;
  // "T" belongs to ISO 8601 only: 01/15/2024T09:00 is no form anyone types.
  if (us && sep && sep.toLowerCase() === "t") return "form";
  const year = Number(us ? uy : iy);
  const month = Number(us ? um : imo);
  const day = Number(us ? ud : id);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return "calendar";
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return "time";
    hour = (hour % 12) + (ampm.toLowerCase() === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return "time";
  let offsetMinutes: number | undefined;
  if (zone) {
    if (zone.toLowerCase() === "z") offsetMinutes = 0;
    else {
      const oh = Number(zone.slice(1, 3));
      const om = Number(zone.slice(-2));
      if (oh > 23 || om > 59) return "offset";
      offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
    }
  }
  const millisecond = frac ? Number(frac.padEnd(3, "0").slice(0, 3)) : 0;
  return { wall: { year, month, day, hour, minute, second, millisecond }, dateOnly: h === undefined, offsetMinutes };
};

/** The wall clock read as if it were UTC, in epoch milliseconds (years below 100 kept as written). */
export const wallAsUtc = (w: WallClock): number => {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
};

/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants ServiceTitan (and four-digit years) can hold. */
const MIN_INSTANT = -62_135_596_800_000;
const MAX_INSTANT = 253_402_300_799_999;

/** An instant as ServiceTitan is sent it: UTC ISO 8601, milliseconds only when there are any. */
export const isoUtc = (instant: number): string => new Date(instant).toISOString().replace(".000Z", "Z");

export const inInstantRange = (instant: number): boolean => instant >= MIN_INSTANT && instant <= MAX_INSTANT;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
};

/** True for a time zone name Intl knows (IANA names such as America/Chicago, and UTC). */
export const isTimeZone = (zone: string): boolean => {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
};

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export const offsetAt = (instant: number, zone: string): number => {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = wallAsUtc({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: 0,
  });
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return wall - whole;
};

const DAY = 86_400_000;

/**
 * The instant a wall-clock time names in a zone. Around a daylight-saving change: a time that exists
 * twice is the earlier; a time that does not exist moves forward by the gap.
 */
export const wallToInstant = (wall: WallClock, zone: string): number => {
  const local = wallAsUtc(wall);
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const fits = [local - before, local - after].filter((instant) => offsetAt(instant, zone) === local - instant);
  if (fits.length) return Math.min(...fits);
  return local - before; // in a gap: the offset in force before it, which lands after the gap
};

/** The connection's Time Zone (UTC when empty); a name Intl does not know is reported as an input problem. */
export const connectionTimeZone = (connection: unknown, problems: string[]): string => {
  const raw = (connection as { fields?: Record<string, unknown> } | undefined)?.fields?.timeZone;
  const zone = typeof raw === "string" ? raw.trim() : "";
  if (!zone) return "UTC";
  if (isTimeZone(zone)) return zone;
  problems.push(`Time Zone (connection): expected an IANA time zone such as America/Chicago, got "${zone.slice(0, 80)}".`);
  return "UTC";
};

/**
 * A date-time typed without a zone, as a date-time input's `clean` returns it for actions: the perform's
 * input pass (src/inputs/allErrors.ts) places it in the connection's Time Zone. It is never sent as is:
 * as JSON or text it throws.
 */
export class ZonelessDateTime {
  constructor(
    readonly label: string,
    readonly wall: WallClock,
    readonly typed: unknown,
  ) {}

  /** UTC ISO 8601 of this wall-clock time in the zone. */
  toUtc(zone: string): string {
    const instant = wallToInstant(this.wall, zone);
    if (!inInstantRange(instant)) {
      return fail(this.label, `a date-time whose UTC time falls in years 0001–9999 (this one is out of range in ${zone})`, this.typed);
    }
    return isoUtc(instant);
  }

  toJSON(): never {
    throw new Error(`${this.label}: the date-time was not placed in a time zone before sending (a component bug).`);
  }

  toString(): never {
    return this.toJSON();
  }
}
