/**
 * Output schemas (issue 15 item 4): what an action's `data` holds, as JSON Schema, so a builder can
 * reference its fields before a test run. Generated actions derive it from the response contract the
 * generator stores compactly (`Shape`, see types.ts); hand-written actions describe theirs in the same
 * notation. The JSON Schema is built only when it is read: Spectral converts every action at load time,
 * and most executions never look at a schema (scripts/webpack/spectralColdStart.js keeps the
 * conversion from reading it early).
 */
import type { ActionOutputSchema } from "@prismatic-io/spectral";
import type { Shape } from "./types";

export type JsonSchema = Record<string, unknown>;

const TYPES: Record<string, string | undefined> = { s: "string", i: "integer", n: "number", b: "boolean", o: "object" };
/** Contract formats a JSON Schema reader understands; ServiceTitan's "guid" is a UUID. */
const FORMATS: Record<string, string | undefined> = { "date-time": "date-time", date: "date", time: "time", guid: "uuid", uuid: "uuid", email: "email", uri: "uri" };
const LEAF = /^([sinbo*])(?::([\w-]+))?(\?)?(?:=(.*))?$/s;

const nullable = (schema: JsonSchema): JsonSchema => {
  if (typeof schema.type === "string") schema.type = [schema.type, "null"];
  if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  return schema;
};

/** The JSON Schema of a compact shape. */
export const schemaOfShape = (shape: Shape): JsonSchema => {
  if (typeof shape === "string") {
    const m = LEAF.exec(shape);
    if (!m) throw new Error(`Not a shape leaf: ${shape}`);
    const [, code, format, maybeNull, values] = m;
    const type = TYPES[code];
    const schema: JsonSchema = type ? { type } : {};
    const known = format ? FORMATS[format] : undefined;
    if (known) schema.format = known;
    if (format === "duration") schema.pattern = "^(\\d+\\.)?\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$";
    if (format === "binary") schema.contentMediaType = "application/octet-stream";
    if (values !== undefined) schema.enum = values.split("|").map((v) => (code === "i" || code === "n" ? Number(v) : v));
    return maybeNull && type ? nullable(schema) : schema;
  }
  if (Array.isArray(shape)) {
    const schema: JsonSchema = { type: "array", items: schemaOfShape(shape[0] ?? "*") };
    return shape[1] === "?" ? nullable(schema) : schema;
  }
  const properties: Record<string, JsonSchema> = {};
  const schema: JsonSchema = { type: "object", properties };
  for (const [key, value] of Object.entries(shape)) {
    if (key === "?") continue;
    if (key === "*") schema.additionalProperties = schemaOfShape(value as Shape);
    else properties[key] = schemaOfShape(value as Shape);
  }
  return "?" in shape ? nullable(schema) : schema;
};

/**
 * An action output schema built on first read (then kept): `build` runs when Prismatic, the docs or a
 * test look at the schema, not when the component loads.
 */
export const lazyOutputSchema = (build: () => JsonSchema): ActionOutputSchema => {
  let built: JsonSchema | undefined;
  return {
    type: "actionOutput",
    get schema() {
      built ??= build();
      return built as ActionOutputSchema["schema"];
    },
  };
};

/** The output schema of a hand-written action, from its shape. */
export const shapeOutput = (shape: Shape, description?: string): ActionOutputSchema =>
  lazyOutputSchema(() => ({ ...schemaOfShape(shape), ...(description ? { description } : {}) }));

let shapes: Record<string, Shape> | undefined;

/**
 * The response contract of an operation, from generated/shapes.json. Required here, on first use, so
 * the bundle parses that file only when a schema is asked for, never during a cold start.
 */
export const responseShapeOf = (op: { module: string; operationId: string }): Shape | undefined => {
  shapes ??= require("./generated/shapes.json") as Record<string, Shape>;
  return shapes[`${op.module}:${op.operationId}`];
};

/** Drain Until Caught Up adds these to an export page. */
const DRAIN_EXTRAS: Record<string, Shape> = { requests: "i", duplicatesRemoved: "i", error: "s" };

/** What a generated action's `data` is, by how it answers. */
export type OutputKind = "json" | "export" | "file" | "empty";

/** The output schema of a generated action: its response contract, plus what the action adds. */
export const contractOutputSchema = (shape: Shape | undefined, kind: OutputKind): JsonSchema => {
  switch (kind) {
    case "file":
      return { type: "string", contentMediaType: "application/octet-stream", description: "The file's content; the action returns its content type with it." };
    case "empty":
      return { type: "object", description: "Empty: ServiceTitan answers a successful call without a body." };
    case "export": {
      const schema = schemaOfShape(shape ?? "o");
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const [key, extra] of Object.entries(DRAIN_EXTRAS)) properties[key] ??= schemaOfShape(extra);
      return schema;
    }
    default:
      return shape === undefined ? {} : schemaOfShape(shape);
  }
};

/** The shape of an example value (for an answer reshaped by our code, whose contract is the example itself). */
export const shapeOfExample = (value: unknown): Shape => {
  if (value === null || value === undefined) return "*";
  if (Array.isArray(value)) return [value.length ? shapeOfExample(value[0]) : "*"];
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? Object.fromEntries(entries.map(([k, v]) => [k, shapeOfExample(v)])) : "o";
  }
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) ? "s:date-time" : "s";
  if (typeof value === "number") return "n";
  if (typeof value === "boolean") return "b";
  return "*";
};
