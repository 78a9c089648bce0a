/**
 * Turns one contract fact (a path/query parameter or a body field with its schema) into a Spectral
 * input: type, label, comments in our words, example, dropdown model and the matching `clean`.
 */
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { SchemaNode } from "../operations/types";
import { humanize, singular, words } from "../operations/naming";
import {
  cleanBoolean,
  cleanDate,
  cleanDateTime,
  cleanEnum,
  cleanId,
  cleanIdList,
  cleanInteger,
  cleanJson,
  cleanNumber,
  cleanString,
  cleanStringList,
} from "./clean";

export type Placement = "path" | "query" | "body";

export interface FieldSpec {
  /** Name on the wire. */
  name: string;
  placement: Placement;
  schema: SchemaNode;
  required: boolean;
}

/** How a cleaned value is put on the wire. */
export type WireShape = "scalar" | "commaList" | "array" | "json";

export interface BuiltInput {
  definition: InputFieldDefinition;
  wire: WireShape;
}

export interface InputOverrides {
  label?: string;
  comments?: string;
  example?: string;
  placeholder?: string;
  required?: boolean;
  dataSource?: string;
  default?: string;
}

const isIdName = (name: string): boolean => /(^id$|Id$|_id$)/.test(name);
const isIdListName = (name: string): boolean => /(^ids$|Ids$)/.test(name);
const LONG_TEXT = /(memo|summary|instructions|description|notes?|text|message|comment|body|reason)$/i;

/** Our own purpose sentences for names that recur across the API. */
const PURPOSE: Record<string, string> = {
  ids: "Only these records, by ID.",
  active: "Which records by their active flag: True (active only, ServiceTitan's usual default), False (inactive only) or Any.",
  createdBefore: "Only records created before this moment (exclusive).",
  createdOnOrAfter: "Only records created at or after this moment.",
  modifiedBefore: "Only records last changed before this moment (exclusive).",
  modifiedOnOrAfter: "Only records last changed at or after this moment.",
  name: "The name.",
  externalDataApplicationGuid: "Your application's GUID under which external data was stored; only that data is read or matched.",
  externalDataKey: "Only records whose external data has this key.",
  externalDataValues: "Only records whose external data has one of these values (comma-separated).",
  memo: "Free-text note.",
  summary: "Short description shown to office staff.",
  start: "Start date and time.",
  end: "End date and time.",
  phone: "Phone number to match.",
  email: "Email address.",
  street: "Street line of the address.",
  unit: "Unit, suite or apartment.",
  city: "City.",
  state: "State or province.",
  zip: "ZIP or postal code.",
  country: "Country.",
  latitude: "Latitude in decimal degrees (−90 to 90).",
  longitude: "Longitude in decimal degrees (−180 to 180).",
};

const typeFact = (schema: SchemaNode, name: string): string => {
  if (schema.enum?.length) return `One of: ${schema.enum.join(", ")}.`;
  switch (schema.type) {
    case "integer":
      return isIdName(name) ? "A ServiceTitan ID (a positive whole number)." : `A whole number${schema.format ? ` (${schema.format})` : ""}.`;
    case "number":
      return "A number; decimals allowed.";
    case "boolean":
      return "true or false; leave empty to send nothing.";
    case "array":
      if (schema.items?.type === "object") return "A JSON array of objects, checked against ServiceTitan's schema before sending.";
      if (schema.items?.type === "integer") return "A list of IDs: one per row, or separated by commas.";
      return "A list of values: one per row, or separated by commas.";
    case "object":
      return "A JSON object, checked against ServiceTitan's schema before sending.";
    default:
      if (schema.format === "date-time") return "A date-time in ISO 8601 (UTC unless an offset is given), such as 2026-01-15T09:30:00Z; a bare date means midnight UTC.";
      if (schema.format === "date") return "A date in the form YYYY-MM-DD.";
      if (schema.format === "guid" || schema.format === "uuid") return "A GUID such as 6B29FC40-CA47-1067-B31D-00DD010662DA.";
      if (schema.format === "binary") return "File content (a Prismatic data value or text).";
      return `Text${schema.maxLength ? ` of at most ${schema.maxLength} characters` : ""}.`;
  }
};

const wherePhrase = (spec: FieldSpec): string =>
  spec.placement === "path" ? "Part of the URL path" : spec.placement === "query" ? `Query parameter "${spec.name}"` : `Body field "${spec.name}"`;

/** Booleans say what true does, in our words: a flag on the record (body) or an option of the call (query). */
const BOOLEAN_PURPOSE: Record<string, string> = {
  includeTotal: "When true, the response also carries totalCount, the number of records matching the filters.",
  active: "When true, the record is active; when false, it is deactivated.",
};
const booleanPurpose = (spec: FieldSpec): string => {
  if (spec.placement !== "query" && BOOLEAN_PURPOSE[spec.name]) return BOOLEAN_PURPOSE[spec.name];
  if (spec.name === "includeTotal") return BOOLEAN_PURPOSE.includeTotal;
  const what = humanize(spec.name);
  return spec.placement === "query"
    ? `When true, ${spec.name}=true is sent, turning on ServiceTitan's "${what}" option for this call; when false, ${spec.name}=false is sent.`
    : `When true, "${what}" is set on the record; when false, it is cleared.`;
};

export const commentsFor = (spec: FieldSpec, required: boolean): string => {
  const isFlag = spec.schema.type === "boolean" && !spec.schema.enum?.length;
  const purpose = isFlag
    ? booleanPurpose(spec)
    : PURPOSE[spec.name] ?? (isIdName(spec.name) && spec.name !== "id" ? `ID of the ${humanize(spec.name.replace(/Id$/, "")).toLowerCase()}.` : "");
  const need = required ? "Required." : "Optional: leave empty to leave it out of the request.";
  return [purpose, typeFact(spec.schema, spec.name), need, `${wherePhrase(spec)}.`].filter(Boolean).join(" ");
};

export const exampleFor = (spec: FieldSpec): string => {
  const { schema, name } = spec;
  if (schema.enum?.length) return String(schema.enum[0]);
  switch (schema.type) {
    case "integer":
      if (isIdName(name)) return "1234567";
      if (/page$/i.test(name)) return "1";
      return "10";
    case "number":
      return /latitude/i.test(name) ? "34.0522" : /longitude/i.test(name) ? "-118.2437" : "125.50";
    case "boolean":
      return "true";
    case "array":
      if (schema.items?.type === "integer" || isIdListName(name)) return "1234567";
      if (schema.items?.type === "object") return JSON.stringify([sampleOf(schema.items)]);
      return schema.items?.enum?.length ? String(schema.items.enum[0]) : "value";
    case "object":
      return JSON.stringify(sampleOf(schema));
    default:
      if (isIdListName(name)) return "1234567,7654321";
      if (schema.format === "duration") return /start/i.test(name) ? "08:00:00" : "02:00:00";
      if (/colou?r/i.test(name) && schema.pattern?.includes("#")) return "#1E90FF";
      if (schema.format === "date-time") return "2026-01-15T09:30:00Z";
      if (schema.format === "date") return "2026-01-15";
      if (schema.format === "guid" || schema.format === "uuid") return "6B29FC40-CA47-1067-B31D-00DD010662DA";
      if (/email/i.test(name)) return "jane.smith@example.com";
      if (/phone/i.test(name)) return "555-201-3344";
      if (/zip/i.test(name)) return "90210";
      if (/^name$|Name$/.test(name)) return "Jane Smith";
      if (/memo|summary|instructions|description|notes?/i.test(name)) return "Customer prefers a morning visit.";
      return "Example";
  }
};

/** A small valid sample of an object schema (required fields only, one level of nesting). */
export const sampleOf = (schema: SchemaNode | undefined, depth = 0): unknown => {
  if (!schema) return {};
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case "integer":
      return 1234567;
    case "number":
      return 10.5;
    case "boolean":
      return true;
    case "array":
      return depth > 2 ? [] : [sampleOf(schema.items, depth + 1)];
    case "object": {
      if (depth > 3 || schema.recursive) return {};
      const out: Record<string, unknown> = {};
      const names = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 2);
      for (const n of names) {
        const prop = schema.properties?.[n];
        if (prop && !prop.readOnly) out[n] = sampleOf(prop, depth + 1);
      }
      return out;
    }
    default:
      if (schema.format === "date-time") return "2026-01-15T09:30:00Z";
      if (schema.format === "date") return "2026-01-15";
      if (schema.format === "guid" || schema.format === "uuid") return "6b29fc40-ca47-1067-b31d-00dd010662da";
      // ServiceTitan marks .NET TimeSpan values ("09:00:00") as format "duration".
      if (schema.format === "duration") return "02:00:00";
      if (schema.pattern?.includes("#") && schema.pattern.includes("A-F")) return "#1E90FF";
      return "Example";
  }
};

/** Definitions are assembled from parts here, so the literal-type checks of `input()` do not apply. */
const def = (definition: Record<string, unknown>): InputFieldDefinition => definition as unknown as InputFieldDefinition;

const TRI_STATE = [
  { label: "(not set)", value: "" },
  { label: "True", value: "true" },
  { label: "False", value: "false" },
];

/** Builds the input for one contract field. */
export const inputFromSpec = (spec: FieldSpec, label: string, overrides: InputOverrides = {}): BuiltInput => {
  const required = overrides.required ?? spec.required;
  const { schema, name } = spec;
  const base = {
    label: overrides.label ?? label,
    required,
    comments: overrides.comments ?? commentsFor(spec, required),
    example: overrides.example ?? exampleFor(spec),
    ...(overrides.placeholder ? { placeholder: overrides.placeholder } : {}),
    ...(overrides.dataSource ? { dataSource: overrides.dataSource } : {}),
    ...(overrides.default !== undefined ? { default: overrides.default } : {}),
  };
  const lbl = base.label;
  const opts = { required };

  if (schema.enum?.length && schema.type !== "array") {
    const model = schema.enum.map((v) => ({ label: humanize(String(v)), value: String(v) }));
    return {
      definition: def({ ...base, type: "string", model: required ? model : [{ label: "(not set)", value: "" }, ...model], clean: (v: unknown) => {
        const hit = cleanEnum(lbl, schema.enum as Array<string | number>, opts)(v);
        return schema.type === "integer" && hit !== undefined ? Number(hit) : hit;
      } }),
      wire: "scalar",
    };
  }
  switch (schema.type) {
    case "integer":
      if (isIdName(name) || (schema.format === "int64" && spec.placement === "path")) {
        return { definition: def({ ...base, type: "string", clean: cleanId(lbl, opts) }), wire: "scalar" };
      }
      return {
        definition: def({ ...base, type: "string", clean: cleanInteger(lbl, { ...opts, min: schema.minimum, max: schema.maximum }) }),
        wire: "scalar",
      };
    case "number":
      return {
        definition: def({ ...base, type: "string", clean: cleanNumber(lbl, { ...opts, min: schema.minimum, max: schema.maximum }) }),
        wire: "scalar",
      };
    case "boolean":
      return {
        definition: def({ ...base, type: "string", model: required ? TRI_STATE.slice(1) : TRI_STATE, clean: cleanBoolean(lbl, opts) }),
        wire: "scalar",
      };
    case "array": {
      const items = schema.items ?? {};
      if (items.type === "integer") {
        return { definition: def({ ...base, type: "string", collection: "valuelist", clean: cleanIdList(lbl, opts) }), wire: "array" };
      }
      if (items.type === "object" || items.type === "array" || !items.type) {
        return {
          definition: def({ ...base, type: "code", language: "json", clean: cleanJson(lbl, { ...opts, schema, expect: "array" }) }),
          wire: "json",
        };
      }
      return {
        definition: def({ ...base, type: "string", collection: "valuelist", clean: cleanStringList(lbl, { ...opts, enum: items.enum }) }),
        wire: "array",
      };
    }
    case "object":
      return {
        definition: def({ ...base, type: "code", language: "json", clean: cleanJson(lbl, { ...opts, schema, expect: "object" }) }),
        wire: "json",
      };
    default: {
      if (spec.placement !== "body" && isIdListName(name)) {
        return { definition: def({ ...base, type: "string", collection: "valuelist", clean: cleanIdList(lbl, opts) }), wire: "commaList" };
      }
      if (schema.format === "date-time") return { definition: def({ ...base, type: "string", clean: cleanDateTime(lbl, opts) }), wire: "scalar" };
      if (schema.format === "date") return { definition: def({ ...base, type: "string", clean: cleanDate(lbl, opts) }), wire: "scalar" };
      if (schema.format === "binary") {
        return { definition: def({ ...base, type: "data", clean: (v: unknown) => (v === undefined || v === null || v === "" ? (required ? cleanString(lbl, opts)(v) : undefined) : v) }), wire: "scalar" };
      }
      const guid = schema.format === "guid" || schema.format === "uuid";
      const type = LONG_TEXT.test(name) && spec.placement === "body" ? "text" : "string";
      return {
        definition: def({
          ...base,
          type,
          clean: cleanString(lbl, {
            ...opts,
            maxLength: schema.maxLength,
            ...(guid ? { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, patternHint: "a GUID such as 6B29FC40-CA47-1067-B31D-00DD010662DA" } : {}),
            ...(!guid && schema.pattern ? { pattern: new RegExp(schema.pattern), patternHint: `text matching ${schema.pattern}, such as ${exampleFor(spec)}` } : {}),
          }),
        }),
        wire: "scalar",
      };
    }
  }
};

/** Label for a field: humanised name, e.g. "tagTypeIds" → "Tag Type IDs". */
export const labelForField = (name: string): string => humanize(name);

/** Input key for a path parameter: "id" after "/customers" → "customerId". */
export const pathParamKey = (path: string, name: string): string => {
  if (name !== "id") return words(name).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  const segments = path.split("/");
  const at = segments.indexOf(`{${name}}`);
  const owner = segments[at - 1] ?? "record";
  const ws = words(owner);
  const last = ws.length ? ws[ws.length - 1] : "record";
  const noun = [...ws.slice(0, -1), singular(last)];
  return noun.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("") + "Id";
};
