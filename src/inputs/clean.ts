/**
 * Input cleaning: the one place that turns what a user typed into typed values. Each helper returns
 * a `clean` function for a Spectral input. Bad input throws an InputError naming the input's label and
 * what was expected, before any request is sent (Spectral runs `clean` before `perform`).
 */
import { z } from "zod";
import { parseJsonExact } from "../core/json";
import { fail, InputError } from "../core/errors";
import { registerSecret } from "../core/redact";
import type { SchemaNode } from "../operations/types";
import { inInstantRange, isoUtc, type ParsedDateText, parseDateText, wallAsUtc, ZonelessDateTime } from "./dates";
import { checkAgainstSchema } from "./schemaCheck";

// The input errors live in the leaf src/core/errors.ts (everything may import them); re-exported here for
// the input helpers' callers.
export { checkDateRange, fail, InputError } from "../core/errors";

export interface CleanOptions {
  required?: boolean;
}

/** Empty means "not set": undefined, null, "", whitespace, or an empty list. */
export const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

const required = (label: string, opts: CleanOptions | undefined, value: unknown): boolean => {
  if (!isEmpty(value)) return true;
  if (opts?.required) fail(label, "a value (this input is required)");
  return false;
};

const INT64_MAX = 9223372036854775807n;

/** One ID: a positive whole number. Returns a number, or a bigint beyond 2^53 so it stays exact. */
export const parseId = (label: string, value: unknown): number | bigint => {
  const text = typeof value === "number" || typeof value === "bigint" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d+$/.test(text)) return fail(label, "a positive whole-number ID such as 1234567", value);
  const big = BigInt(text);
  if (big <= 0n) return fail(label, "a positive whole-number ID such as 1234567 (not 0)", value);
  if (big > INT64_MAX) return fail(label, "an ID no larger than 9223372036854775807", value);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
};

export const cleanId =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): number | bigint | undefined =>
    required(label, opts, value) ? parseId(label, value) : undefined;

/** Splits a value list, a comma/whitespace separated string, or a JSON array string into items. */
export const splitList = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === "string" && v.includes(",") ? splitList(v) : [v]));
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[")) {
      try {
        const parsed = JSON.parse(text);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        /* fall through to splitting */
      }
    }
    return text.split(/[\s,;]+/).filter((s) => s.length > 0);
  }
  return [value];
};

export const cleanIdList =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): Array<number | bigint> | undefined => {
    if (!required(label, opts, value)) return undefined;
    const items = splitList(value).filter((v) => !isEmpty(v));
    if (items.length === 0) return opts?.required ? fail(label, "at least one ID") : undefined;
    return items.map((item, i) => parseId(`${label} (item ${i + 1})`, item));
  };

export const cleanStringList =
  (label: string, opts?: CleanOptions & { enum?: Array<string | number> }) =>
  (value: unknown): string[] | undefined => {
    if (!required(label, opts, value)) return undefined;
    // Rows of a list of choices may each hold several, "High,Urgent", when no choice has a separator in it.
    const splitRows = opts?.enum?.every((v) => /^[^\s,;]+$/.test(String(v)));
    const items = (Array.isArray(value) && !splitRows ? value : splitList(value)).map((v) => String(v).trim()).filter((v) => v);
    if (opts?.enum) items.forEach((item, i) => matchEnum(`${label} (item ${i + 1})`, opts.enum as Array<string | number>, item));
    return items.length ? items.map((item) => (opts?.enum ? String(matchEnum(label, opts.enum, item)) : item)) : undefined;
  };

export interface IntegerOptions extends CleanOptions {
  min?: number;
  max?: number;
}

const INT_PATTERN = /^-?\d+$/;

export const cleanInteger =
  (label: string, opts?: IntegerOptions) =>
  (value: unknown): number | undefined => {
    if (!required(label, opts, value)) return undefined;
    const text = typeof value === "number" ? String(value) : String(value).trim();
    if (!INT_PATTERN.test(text)) return fail(label, "a whole number", value);
    const n = Number(text);
    if (!Number.isSafeInteger(n)) return fail(label, "a whole number within ±9007199254740991", value);
    if (opts?.min !== undefined && n < opts.min) return fail(label, `a whole number of at least ${opts.min}`, value);
    if (opts?.max !== undefined && n > opts.max) return fail(label, `a whole number no larger than ${opts.max}`, value);
    return n;
  };

export const cleanNumber =
  (label: string, opts?: IntegerOptions) =>
  (value: unknown): number | undefined => {
    if (!required(label, opts, value)) return undefined;
    const parsed = z.coerce.number().finite().safeParse(typeof value === "string" ? value.trim() : value);
    if (!parsed.success || typeof value === "boolean" || !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(String(value).trim()))
      return fail(label, "a number such as 125.50", value);
    const n = parsed.data;
    if (opts?.min !== undefined && n < opts.min) return fail(label, `a number of at least ${opts.min}`, value);
    if (opts?.max !== undefined && n > opts.max) return fail(label, `a number no larger than ${opts.max}`, value);
    return n;
  };

/** Strict booleans: true/false only (any case). "yes" or a typo is an error, never a silent true. */
export const cleanBoolean =
  (label: string, opts?: CleanOptions & { default?: boolean }) =>
  (value: unknown): boolean | undefined => {
    if (typeof value === "boolean") return value;
    if (isEmpty(value)) {
      if (opts?.default !== undefined) return opts.default;
      return required(label, opts, value) ? undefined : undefined;
    }
    const text = String(value).trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    return fail(label, "true or false", value);
  };

const DATE_EXPECTED = "a real date in the form YYYY-MM-DD or MM/DD/YYYY (month first), such as 2026-01-15 or 01/15/2026";
const DATE_TIME_EXPECTED =
  "an ISO 8601 date-time such as 2026-01-15T09:30:00Z, or a date and time such as 01/15/2026 9:30 AM or 2026-01-15 14:30 (slashed dates are MM/DD/YYYY)";

/** A calendar date: 2026-01-15, 01/15/2026 or 1/15/2026 (US order only, src/inputs/dates.ts); sent as YYYY-MM-DD. */
export const cleanDate =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): string | undefined => {
    if (!required(label, opts, value)) return undefined;
    const parsed = parseDateText(String(value));
    if (typeof parsed === "string" || !parsed.dateOnly) return fail(label, DATE_EXPECTED, value);
    const { year, month, day } = parsed.wall;
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  };

/** A date-time text read: an instant (its zone named), or a wall-clock time; refusals name the input. */
const readDateTime = (label: string, value: unknown): number | ParsedDateText => {
  const parsed = parseDateText(String(value));
  if (parsed === "offset") return fail(label, "a time-zone offset between -23:59 and +23:59", value);
  if (parsed === "calendar" && /^\s*[\d/-]+\s*$/.test(String(value))) return fail(label, "a real date such as 2026-01-15 or 01/15/2026 (month first)", value);
  if (typeof parsed === "string") return fail(label, DATE_TIME_EXPECTED, value);
  if (parsed.offsetMinutes === undefined) return parsed;
  const instant = wallAsUtc(parsed.wall) - parsed.offsetMinutes * 60_000;
  if (!inInstantRange(instant)) {
    return fail(label, "a date-time whose UTC time falls in years 0001–9999 (this one is out of range once its offset is applied)", value);
  }
  return instant;
};

/**
 * A date-time, sent in UTC ISO 8601. Accepts ISO 8601 and the US forms of src/inputs/dates.ts. With a
 * zone (Z or ±hh:mm) it is that instant; without one it is read in UTC (a bare date: midnight UTC).
 * Actions use cleanLocalDateTime, which reads zone-less values in the connection's Time Zone instead.
 */
export const cleanDateTime =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): string | undefined => {
    if (!required(label, opts, value)) return undefined;
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return fail(label, "a valid date-time", String(value));
      return value.toISOString();
    }
    const read = readDateTime(label, value);
    return isoUtc(typeof read === "number" ? read : wallAsUtc(read.wall));
  };

/**
 * A date-time input of an action: like cleanDateTime, but a value without a zone is returned as a
 * ZonelessDateTime, which the action's input pass (src/inputs/allErrors.ts) places in the connection's
 * Time Zone (default UTC) before perform — the zone is known only then.
 */
export const cleanLocalDateTime =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): string | ZonelessDateTime | undefined => {
    if (!required(label, opts, value)) return undefined;
    if (value instanceof Date) return cleanDateTime(label, opts)(value);
    const read = readDateTime(label, value);
    return typeof read === "number" ? isoUtc(read) : new ZonelessDateTime(label, read.wall, value);
  };

const matchEnum = (label: string, values: Array<string | number>, value: unknown): string | number => {
  const text = String(value).trim();
  const hit = values.find((v) => String(v) === text) ?? values.find((v) => String(v).toLowerCase() === text.toLowerCase());
  if (hit === undefined) return fail(label, `one of ${values.join(", ")}`, value);
  return hit;
};

export const cleanEnum =
  (label: string, values: Array<string | number>, opts?: CleanOptions) =>
  (value: unknown): string | number | undefined =>
    required(label, opts, value) ? matchEnum(label, values, value) : undefined;

export interface StringOptions extends CleanOptions {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  patternHint?: string;
}

export const cleanString =
  (label: string, opts?: StringOptions) =>
  (value: unknown): string | undefined => {
    if (!required(label, opts, value)) return undefined;
    if (typeof value === "object") return fail(label, "text", value);
    const text = String(value).trim();
    if (opts?.minLength !== undefined && text.length < opts.minLength)
      return fail(label, `at least ${opts.minLength} characters (got ${text.length})`);
    if (opts?.maxLength !== undefined && text.length > opts.maxLength)
      return fail(label, `at most ${opts.maxLength} characters (got ${text.length})`);
    if (opts?.pattern && !opts.pattern.test(text)) return fail(label, opts.patternHint ?? `text matching ${opts.pattern}`, value);
    return text;
  };

/** A secret text (key, token, password): cleaned like cleanString, then registered so no log line or error shows it. */
export const cleanSecret =
  (label: string, opts?: StringOptions) =>
  (value: unknown): string | undefined => {
    // registered before it is checked, so a refusal that quotes the value masks it
    if (typeof value === "string") registerSecret(value.trim());
    const text = cleanString(label, opts)(value);
    registerSecret(text);
    return text;
  };

export interface JsonOptions extends CleanOptions {
  /** The shape the operation expects; the parsed value is checked against it. */
  schema?: SchemaNode;
  expect?: "object" | "array" | "any";
}

/** JSON code input: parsed, then checked against the operation's schema with paths in messages. */
export const cleanJson =
  (label: string, opts?: JsonOptions) =>
  (value: unknown): unknown => {
    if (!required(label, opts, value)) return undefined;
    let parsed: unknown = value;
    if (typeof value === "string") {
      try {
        // int64 IDs beyond 2^53 are kept exact (bigint) and written back as the same digits
        parsed = parseJsonExact(value, "bigint");
      } catch (error) {
        return fail(label, `valid JSON (${(error as Error).message.replace(/^JSON\.parse: /, "")})`);
      }
    }
    const expect = opts?.expect ?? (opts?.schema?.type === "array" ? "array" : opts?.schema?.type === "object" ? "object" : "any");
    if (expect === "array" && !Array.isArray(parsed)) return fail(label, "a JSON array (a list in [ ])", parsed);
    if (expect === "object" && (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)))
      return fail(label, "a JSON object (in { })", parsed);
    if (opts?.schema) {
      const problems = checkAgainstSchema(parsed, opts.schema);
      if (problems.length) {
        throw new InputError(`${label}: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}.`);
      }
    }
    return parsed;
  };

/** One row of a key/value input: the key (trimmed text), the value as given, and the row's label for messages. */
export interface KeyValueRow {
  key: string;
  value: unknown;
  label: string;
}

export interface KeyValueRowsOptions {
  /** Fields read as the key of an object row, first present wins (default: key). */
  keyFields?: string[];
  /** Fields read as the value of an object row (default: value). */
  valueFields?: string[];
  /** When true an empty key is left to the caller (it names the column its own way); else refused here. */
  emptyKeyAllowed?: boolean;
  /** What to say when the whole value is neither rows nor JSON. */
  expected?: string;
  /** What to say about a row that is neither an object nor "key=value". */
  itemExpected?: string;
  /**
   * When true a row may be keyed "__proto__" (the caller stores rows with `setOwn`); otherwise such a row
   * is refused with a message, since assigning it to a plain object would silently drop it.
   */
  protoKeyAllowed?: boolean;
}

/** Sets `key` as an own, enumerable property whatever its name, so "__proto__" stays a plain key. */
export const setOwn = <T>(target: Record<string, T>, key: string, value: NoInfer<T>): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * The rows of a key/value input, however they came: Prismatic's {key, value} rows, "key=value" strings,
 * a plain object, or JSON text of either (int64 numbers kept exact). Bad rows fail naming "<Label> (item n)".
 */
export const keyValueRows = (label: string, value: unknown, opts: KeyValueRowsOptions = {}): KeyValueRow[] => {
  const keyFields = opts.keyFields ?? ["key"];
  const valueFields = opts.valueFields ?? ["value"];
  const expected = opts.expected ?? 'key/value rows, or a JSON object such as {"source":"web"}';
  let items: unknown = value;
  if (typeof value === "string") {
    try {
      items = parseJsonExact(value, "bigint");
    } catch {
      return fail(label, expected, value);
    }
  }
  let rows: KeyValueRow[];
  if (items && typeof items === "object" && !Array.isArray(items)) {
    rows = Object.entries(items as Record<string, unknown>).map(([key, v], i) => ({ key: key.trim(), value: v, label: `${label} (item ${i + 1})` }));
  } else if (Array.isArray(items)) {
    rows = items.map((item, i) => {
      const itemLabel = `${label} (item ${i + 1})`;
      if (typeof item === "string" && item.includes("=")) {
        const [k, ...rest] = item.split("=");
        return { key: k.trim(), value: rest.join("=").trim(), label: itemLabel };
      }
      if (!item || typeof item !== "object" || Array.isArray(item)) return fail(itemLabel, opts.itemExpected ?? "a key and a value", item);
      const raw = item as Record<string, unknown>;
      if (!opts.emptyKeyAllowed && !keyFields.some((f) => f in raw)) return fail(itemLabel, opts.itemExpected ?? "a key and a value", item);
      const pick = (fields: string[]) => fields.map((f) => raw[f]).find((v) => v !== undefined && v !== null);
      const key = pick(keyFields);
      if (typeof key === "object") return fail(itemLabel, "a text key", key);
      return { key: key === undefined ? "" : String(key).trim(), value: pick(valueFields), label: itemLabel };
    });
  } else return fail(label, expected, value);
  if (!opts.emptyKeyAllowed) for (const row of rows) if (!row.key) fail(row.label, "a non-empty key");
  if (!opts.protoKeyAllowed) for (const row of rows) if (row.key === "__proto__") fail(row.label, 'a key other than "__proto__"');
  return rows;
};

/** Key/value list input → plain object of strings. */
export const cleanKeyValueList =
  (label: string, opts?: CleanOptions) =>
  (value: unknown): Record<string, string> | undefined => {
    if (!required(label, opts, value)) return undefined;
    const out: Record<string, string> = {};
    for (const row of keyValueRows(label, value, { protoKeyAllowed: true })) {
      setOwn(out, row.key, row.value === undefined || row.value === null ? "" : String(row.value));
    }
    return Object.keys(out).length ? out : undefined;
  };
