/**
 * Run Report's parameters checked against the report's own definition before any data request: every
 * name must be one the report takes, every required parameter must be given, every value must read as
 * the parameter's data type (dates as the rest of the component reads them, src/inputs/dates.ts), and
 * where the definition lists the values it accepts, be one of them. All problems are reported at once in
 * one InputError naming each bad parameter; nothing is sent while any is left.
 *
 * Values from a dynamic value set (a definition that names only `dynamicSetId`) are not listed in the
 * definition; ServiceTitan checks those itself.
 */
import { InputError, keyValueRows, splitList } from "../inputs/clean";
import { parseDateText, isoUtc, wallAsUtc } from "../inputs/dates";
import type { ReportDefinition, ReportParameter } from "./definition";

/** One parameter as sent in the data request's body. */
export interface SentParameter {
  name: string;
  value: unknown;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** What each data type expects, for messages. */
const EXPECTED: Record<string, string> = {
  String: "text",
  Number: "a number such as 250 or 125.50",
  Boolean: "true or false",
  Date: "a date such as 2026-01-15 or 01/15/2026 (a time may follow)",
  Time: "a time of day such as 09:30, 14:30:00 or 9:30 AM",
};

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?$/i;

/** One value read as the data type, or undefined when it does not read as one. */
const asType = (dataType: string, value: unknown): unknown => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "object") return undefined;
  const text = String(value).trim();
  switch (dataType) {
    case "String":
      return text;
    case "Number":
      if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
      if (typeof value === "bigint") return value;
      return NUMBER.test(text) ? Number(text) : undefined;
    case "Boolean":
      if (typeof value === "boolean") return value;
      return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : undefined;
    case "Date": {
      const parsed = parseDateText(text);
      if (typeof parsed === "string") return undefined;
      const { year, month, day, hour, minute, second } = parsed.wall;
      if (parsed.dateOnly) return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      // a zone named: that instant in UTC; none: the wall-clock time as given (the tenant's own time)
      if (parsed.offsetMinutes !== undefined) return isoUtc(wallAsUtc(parsed.wall) - parsed.offsetMinutes * 60_000);
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
    }
    case "Time": {
      const m = TIME.exec(text);
      if (!m) return undefined;
      let hour = Number(m[1]);
      const minute = Number(m[2]);
      const second = Number(m[3] ?? 0);
      if (m[4]) {
        if (hour < 1 || hour > 12) return undefined;
        hour = (hour % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
      }
      if (hour > 23 || minute > 59 || second > 59) return undefined;
      return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
    }
    default:
      // a data type this component does not know yet: sent as given
      return typeof value === "string" ? text : value;
  }
};

/** The keys a parameter accepts when its definition lists them (first column of each row). */
const acceptedKeys = (p: ReportParameter): unknown[] | undefined => {
  const rows = p.acceptValues?.values;
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  return rows.map((row) => (Array.isArray(row) ? row[0] : row));
};

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || String(a) === String(b) || (typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase());

/** The accepted value as the definition spells it, or undefined when the value is not among them. */
const acceptedAs = (keys: unknown[], value: unknown): unknown => keys.find((k) => sameValue(k, value));

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

const show = (value: unknown): string => {
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A parameter as the refusals offer it: "From (Date, required)", "BusinessUnitIds (Number, a list)". */
const described = (p: ReportParameter): string => `${p.name} (${[String(p.dataType), p.isArray ? "a list" : "", p.isRequired ? "required" : ""].filter(Boolean).join(", ")})`;

/** One parameter's value as sent, or the problem with it. */
const readValue = (p: ReportParameter, value: unknown): { value: unknown } | { problem: string } => {
  const type = String(p.dataType);
  const items = p.isArray ? (Array.isArray(value) ? value : splitList(value)) : [value];
  if (!p.isArray && Array.isArray(value)) return { problem: `"${p.name}" takes one ${type} value, not a list (got ${show(value)})` };
  const keys = acceptedKeys(p);
  const out: unknown[] = [];
  for (const item of items) {
    const typed = asType(type, item);
    if (typed === undefined) return { problem: `"${p.name}" (${type}${p.isArray ? ", a list" : ""}) expects ${EXPECTED[type] ?? type}${p.isArray ? " for each item" : ""}, got ${show(item)}` };
    if (keys) {
      const hit = acceptedAs(keys, typed);
      if (hit === undefined) {
        const shown = keys.slice(0, 12).map(String).join(", ");
        return { problem: `"${p.name}" accepts only ${shown}${keys.length > 12 ? ", …" : ""} (the report's listed values), got ${show(item)}` };
      }
      out.push(hit);
    } else out.push(typed);
  }
  return { value: p.isArray ? out : out[0] };
};

/**
 * The parameters to send, checked against the definition. `given` is the Parameters input as cleaned
 * (key/value rows, a JSON object or a list of {name, value}); `label` names that input in messages.
 * Throws one InputError listing every bad parameter.
 */
export const checkReportParameters = (definition: ReportDefinition, given: unknown, label = "Parameters"): SentParameter[] => {
  const rows = isBlank(given) ? [] : keyValueRows(label, given, { keyFields: ["key", "name"], protoKeyAllowed: true });
  const byName = new Map(definition.parameters.map((p) => [p.name, p]));
  const problems: string[] = [];
  const sent: SentParameter[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const p = byName.get(row.key);
    if (!p) {
      const near = definition.parameters.find((q) => q.name.toLowerCase() === row.key.toLowerCase());
      const names = definition.parameters.map(described).join(", ") || "none";
      problems.push(`"${row.key}" is not a parameter of this report${near ? ` (did you mean "${near.name}"?)` : ""}; it takes: ${names}`);
      continue;
    }
    if (seen.has(p.name)) {
      problems.push(`"${p.name}" is given twice`);
      continue;
    }
    seen.add(p.name);
    if (isBlank(row.value)) continue; // an empty row is a parameter left out (a required one is reported below)
    const read = readValue(p, row.value);
    if ("problem" in read) problems.push(read.problem);
    else sent.push({ name: p.name, value: read.value });
  }
  for (const p of definition.parameters) {
    if (p.isRequired && !sent.some((s) => s.name === p.name) && !problems.some((m) => m.startsWith(`"${p.name}"`))) {
      problems.push(`"${p.name}" (${p.dataType}${p.isArray ? ", a list" : ""}) is required by this report and has no value`);
    }
  }
  if (problems.length) {
    const head = `${label}: ${problems.length === 1 ? "one parameter does" : `${problems.length} parameters do`} not fit report "${definition.name}" (ID ${definition.id}), so nothing was sent`;
    throw new InputError(`${head}:\n${problems.map((m) => `- ${m}`).join("\n")}`);
  }
  return sent;
};
