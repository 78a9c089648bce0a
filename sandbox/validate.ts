/**
 * Request validation against descriptor schemas: required fields, JSON types, enums, formats.
 * Error keys are field paths ("locations[0].address.city"), messages in ASP.NET's style.
 */
import type { ParamDescriptor, SchemaNode } from "../src/operations/types";
import { toIso } from "./paging";
import type { FieldErrors } from "./problem";

const add = (errors: FieldErrors, key: string, message: string): void => {
  (errors[key || "request"] ??= []).push(message);
};

const label = (path: string): string => {
  const last = path.split(/[.[\]]/).filter(Boolean).pop() ?? "request";
  return last.charAt(0).toUpperCase() + last.slice(1);
};

const typeName: Record<string, string> = {
  integer: "System.Int64",
  number: "System.Decimal",
  boolean: "System.Boolean",
  string: "System.String",
  array: "an array",
  object: "an object",
};

/** Validates `value` against `schema`, adding messages under `path`. Depth-limited for safety. */
export const validateValue = (schema: SchemaNode | undefined, value: unknown, path: string, errors: FieldErrors, depth = 0): void => {
  if (!schema || depth > 12 || schema.recursive) return;
  if (value === null) {
    // The generator writes nullable only when the document allows null; absent means null is refused,
    // as ServiceTitan's model binding refuses it.
    if (!schema.nullable && schema.type) {
      add(errors, path, schema.type === "string" || schema.type === "object" || schema.type === "array" ? `The ${label(path)} field is required.` : `The JSON value could not be converted to ${typeName[schema.type] ?? schema.type}.`);
    }
    return;
  }
  if (value === undefined) return;
  if (schema.oneOf && !schema.type) {
    const ok = schema.oneOf.some((alt) => {
      const e: FieldErrors = {};
      validateValue(alt, value, path, e, depth + 1);
      return Object.keys(e).length === 0;
    });
    if (!ok) add(errors, path, `The value of ${label(path)} does not match any allowed shape.`);
    return;
  }
  switch (schema.type) {
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) {
        add(errors, path, `The JSON value could not be converted to ${typeName.integer}.`);
        return;
      }
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        add(errors, path, `The JSON value could not be converted to ${typeName.number}.`);
        return;
      }
      break;
    case "boolean":
      if (typeof value !== "boolean") {
        add(errors, path, `The JSON value could not be converted to ${typeName.boolean}.`);
        return;
      }
      break;
    case "string":
      if (typeof value !== "string") {
        add(errors, path, `The JSON value could not be converted to ${typeName.string}.`);
        return;
      }
      if (schema.format === "date-time" && value !== "" && !toIso(value)) {
        add(errors, path, `The JSON value '${value}' is not a valid date-time.`);
      }
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        add(errors, path, `The field ${label(path)} must be a string with a maximum length of ${schema.maxLength}.`);
      }
      break;
    case "array":
      if (!Array.isArray(value)) {
        add(errors, path, `The JSON value could not be converted to ${typeName.array}.`);
        return;
      }
      value.forEach((item, i) => validateValue(schema.items, item, `${path}[${i}]`, errors, depth + 1));
      return;
    case "object":
      if (typeof value !== "object" || Array.isArray(value)) {
        add(errors, path, `The JSON value could not be converted to ${typeName.object}.`);
        return;
      }
      validateObject(schema, value as Record<string, unknown>, path, errors, depth);
      return;
    default:
      if (schema.properties && typeof value === "object" && !Array.isArray(value)) {
        validateObject(schema, value as Record<string, unknown>, path, errors, depth);
      }
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    add(errors, path, `The value '${String(value)}' is not valid for ${label(path)}. Allowed: ${schema.enum.join(", ")}.`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) add(errors, path, `The field ${label(path)} must be at least ${schema.minimum}.`);
    if (schema.maximum !== undefined && value > schema.maximum) add(errors, path, `The field ${label(path)} must be at most ${schema.maximum}.`);
  }
};

const validateObject = (schema: SchemaNode, value: Record<string, unknown>, path: string, errors: FieldErrors, depth: number): void => {
  for (const name of schema.required ?? []) {
    const v = value[name];
    const prop = schema.properties?.[name];
    if (v === undefined || (v === null && !prop?.nullable) || (v === "" && prop?.type === "string")) {
      add(errors, path ? `${path}.${name}` : name, `The ${label(name)} field is required.`);
    }
  }
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.readOnly) continue;
    validateValue(prop, value[name], path ? `${path}.${name}` : name, errors, depth + 1);
  }
};

/** Validates a request body; `required` is the descriptor's `body.required`. */
export const validateBody = (schema: SchemaNode | undefined, required: boolean, body: unknown, errors: FieldErrors): void => {
  if (body === undefined) {
    if (required) add(errors, "request", "A non-empty request body is required.");
    return;
  }
  validateValue(schema, body, "", errors);
};

/** Validates query parameters by declared type (integers, booleans, dates, enums, required). */
export const validateQuery = (params: readonly ParamDescriptor[], query: Record<string, string>, errors: FieldErrors): void => {
  const lowerQuery = new Map(Object.entries(query).map(([k, v]) => [k.toLowerCase(), v]));
  for (const p of params) {
    if (p.in !== "query") continue;
    const raw = lowerQuery.get(p.name.toLowerCase());
    if (raw === undefined || raw === "") {
      if (p.required) add(errors, p.name, `The ${label(p.name)} field is required.`);
      continue;
    }
    const s = p.schema;
    const bad = (): void => add(errors, p.name, `The value '${raw}' is not valid for ${label(p.name)}.`);
    if (s.type === "integer" && !/^-?\d{1,19}$/.test(raw.trim())) bad();
    else if (s.type === "number" && !Number.isFinite(Number(raw))) bad();
    else if (s.type === "boolean" && !/^(true|false)$/i.test(raw.trim())) bad();
    else if (s.type === "string" && (s.format === "date-time" || s.format === "date") && !toIso(raw)) bad();
    else if (s.enum && !s.enum.some((e) => String(e).toLowerCase() === raw.trim().toLowerCase())) {
      add(errors, p.name, `The value '${raw}' is not valid for ${label(p.name)}. Allowed: ${s.enum.join(", ")}.`);
    }
  }
};

/** Path parameters declared integer must be digits. */
export const validatePathParams = (params: readonly ParamDescriptor[], bound: Record<string, string>, errors: FieldErrors): void => {
  for (const p of params) {
    if (p.in !== "path") continue;
    const v = bound[p.name];
    if (v !== undefined && p.schema.type === "integer" && !/^\d{1,19}$/.test(v)) {
      add(errors, p.name, `The value '${v}' is not valid for ${label(p.name)}.`);
    }
  }
};
