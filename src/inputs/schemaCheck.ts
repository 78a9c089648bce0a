/**
 * Checks a parsed JSON value against an operation's schema (a generated SchemaNode) and returns every
 * problem with its path inside the value, e.g. "locations[0].address.zip is required".
 */
import type { SchemaNode } from "../operations/types";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const join = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const typeName = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;

/** Is this a real calendar date/time (rejects 2026-02-30, 25:00)? */
export const isRealDateTime = (text: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return false;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999, which refused 0001–0099
  const date = new Date(0);
  date.setUTCFullYear(+y, +mo - 1, +d);
  return (
    +y >= 1 &&
    date.getUTCFullYear() === +y &&
    date.getUTCMonth() === +mo - 1 &&
    date.getUTCDate() === +d &&
    +h < 24 &&
    +mi < 60 &&
    +s < 61
  );
};

export const checkAgainstSchema = (value: unknown, node: SchemaNode | undefined, path = "", out: string[] = []): string[] => {
  if (!node || node.recursive) return out;
  const where = path || "value";
  if (value === null) {
    if (!node.nullable && node.type) out.push(`${where} must not be null`);
    return out;
  }
  if (node.oneOf?.length) {
    const fits = node.oneOf.some((alt) => checkAgainstSchema(value, alt, path).length === 0);
    if (!fits) out.push(`${where} does not match any allowed shape`);
    return out;
  }
  if (node.enum?.length) {
    if (!node.enum.some((e) => e === value || String(e).toLowerCase() === String(value).toLowerCase())) {
      out.push(`${where} must be one of ${node.enum.join(", ")} (got ${JSON.stringify(value)})`);
    }
    return out;
  }
  switch (node.type) {
    case "string":
      if (typeof value !== "string") out.push(`${where} must be a string, not ${typeName(value)}`);
      else {
        if (node.format === "date-time" && value && (!DATE_TIME.test(value) && !DATE.test(value) || !isRealDateTime(value)))
          out.push(`${where} must be an ISO 8601 date-time such as 2026-01-15T09:30:00Z (got "${value}")`);
        if (node.format === "date" && value && (!DATE.test(value) || !isRealDateTime(value)))
          out.push(`${where} must be a date such as 2026-01-15 (got "${value}")`);
        if ((node.format === "uuid" || node.format === "guid") && value && !UUID.test(value)) out.push(`${where} must be a GUID (got "${value}")`);
        if (node.maxLength !== undefined && value.length > node.maxLength)
          out.push(`${where} must be at most ${node.maxLength} characters`);
        if (node.minLength !== undefined && value.length < node.minLength)
          out.push(`${where} must be at least ${node.minLength} characters`);
      }
      break;
    case "integer":
      if (typeof value === "bigint") break; // an int64 beyond 2^53, kept exact
      if (typeof value !== "number" || !Number.isInteger(value)) out.push(`${where} must be a whole number, not ${JSON.stringify(value)}`);
      else {
        if (node.minimum !== undefined && value < node.minimum) out.push(`${where} must be at least ${node.minimum}`);
        if (node.maximum !== undefined && value > node.maximum) out.push(`${where} must be at most ${node.maximum}`);
      }
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) out.push(`${where} must be a number, not ${JSON.stringify(value)}`);
      break;
    case "boolean":
      if (typeof value !== "boolean") out.push(`${where} must be true or false, not ${JSON.stringify(value)}`);
      break;
    case "array":
      if (!Array.isArray(value)) out.push(`${where} must be an array (a list in [ ]), not ${typeName(value)}`);
      else value.forEach((item, i) => checkAgainstSchema(item, node.items, join(path, i), out));
      break;
    case "object":
      if (typeof value !== "object" || Array.isArray(value)) {
        out.push(`${where} must be an object (in { }), not ${typeName(value)}`);
        break;
      }
      for (const name of node.required ?? []) {
        const v = (value as Record<string, unknown>)[name];
        if (v === undefined && !node.properties?.[name]?.readOnly) out.push(`${join(path, name)} is required`);
      }
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const prop = node.properties?.[key];
        if (prop) checkAgainstSchema(v, prop, join(path, key), out);
        else if (node.additionalProperties && typeof node.additionalProperties === "object")
          checkAgainstSchema(v, node.additionalProperties, join(path, key), out);
        else if (node.properties && node.additionalProperties !== true) {
          // Unknown keys are almost always typos (jobsIds for jobIds); say so instead of letting
          // ServiceTitan silently ignore them.
          const known = Object.keys(node.properties);
          out.push(`${join(path, key)} is not a field ServiceTitan accepts here (known fields: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""})`);
        }
      }
      break;
  }
  return out;
};
