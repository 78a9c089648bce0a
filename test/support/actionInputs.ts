/**
 * Helpers shared by the contract test and the bad-input sweep: read an action's input definitions and
 * synthesise values from them (each input's own `example`), and find the contract schema behind each
 * input of a generated action.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Binding, BuiltAction } from "../../src/actions/fromOperation";
import type { SchemaNode } from "../../src/operations/types";

export interface InputDef {
  label?: string | { key: string; value: string };
  type?: string;
  required?: boolean;
  example?: string;
  default?: unknown;
  comments?: string;
  collection?: "valuelist" | "keyvaluelist";
  model?: Array<{ label: string; value: string }>;
  language?: string;
  clean?: (value: unknown) => unknown;
  dataSource?: string;
  /** A structured object's fields: a record in an action's definition, a list with keys once converted. */
  inputs?: InputDefs | Array<InputDef & { key: string }>;
}

export type InputDefs = Record<string, InputDef>;

/** A Spectral structured object (a group of plain inputs; it has no example or clean of its own). */
export const isStructuredInput = (def: InputDef): boolean => def.type === "structuredObject";

/** A structured object's fields by their own keys. */
export const childInputs = (def: InputDef): InputDefs =>
  Array.isArray(def.inputs) ? Object.fromEntries(def.inputs.map((c) => [c.key, c])) : (def.inputs ?? {});

/** Every input a builder fills: plain inputs as they are, a structured object's fields as "key.field". */
export const leafInputs = (inputs: InputDefs): InputDefs =>
  Object.fromEntries(
    Object.entries(inputs).flatMap(([key, def]) =>
      isStructuredInput(def) ? Object.entries(childInputs(def)).map(([child, c]) => [`${key}.${child}`, c] as const) : [[key, def] as const],
    ),
  );

export const labelOf = (def: InputDef): string => (typeof def.label === "string" ? def.label : def.label?.value ?? "");

/**
 * The names a message may use for an input: its label; for a key/value list labelled by its columns
 * ({key, value}), either column label or the input's own name in Title Case ("extraDetails" → "Extra Details").
 */
export const namesOf = (key: string, def: InputDef): string[] => {
  if (typeof def.label === "string") return [def.label];
  const own = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase()).replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return [def.label?.key, def.label?.value, own].filter((n): n is string => Boolean(n));
};

/** Inputs that are not typed by the user (the connection). */
export const isConnectionInput = (def: InputDef): boolean => def.type === "connection";

/** Inputs the synthesiser never fills on its own (escape hatches whose example is not a real filter). */
const NEVER_FILL = new Set(["customQueryParams"]);

/** A value as Prismatic hands it to `clean` for this input: value lists arrive as arrays. */
export const asPlatformValue = (def: InputDef, text: string): unknown => {
  if (def.collection === "valuelist") return [text];
  if (def.collection === "keyvaluelist") {
    if (/^\s*[[{]/.test(text)) return text; // a JSON example, which such inputs also accept
    return text.split(/[,&]/).filter(Boolean).map((pair) => {
      const [key, ...rest] = pair.split("=");
      return { key, value: rest.join("=") };
    });
  }
  return text;
};

export interface SynthOptions {
  /** Fill optional inputs from their examples too (default: only required ones). */
  optional?: boolean;
  /** Inputs to leave out entirely. */
  omit?: Iterable<string>;
  /** Explicit values (already in platform shape). */
  overrides?: Record<string, unknown>;
}

/**
 * Params for one invocation: the connection, plus every required input's example (and, with
 * `optional`, every optional input's example). An input without an example is left unset.
 */
export const synthParams = (inputs: InputDefs, connection: Connection, opts: SynthOptions = {}): Record<string, unknown> => {
  const omit = new Set(opts.omit ?? []);
  const params: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(inputs)) {
    if (omit.has(key)) continue;
    if (isConnectionInput(def)) {
      params[key] = connection;
      continue;
    }
    if (NEVER_FILL.has(key) && !def.required) continue;
    if (!def.required && !opts.optional) continue;
    if (isStructuredInput(def)) {
      // A structured object is filled field by field from its fields' examples.
      const value = Object.fromEntries(
        Object.entries(childInputs(def))
          .filter(([, c]) => c.example !== undefined)
          .map(([child, c]) => [child, asPlatformValue(c, String(c.example))]),
      );
      if (Object.keys(value).length) params[key] = value;
      continue;
    }
    if (def.example === undefined) continue;
    params[key] = asPlatformValue(def, def.example);
  }
  return { ...params, ...(opts.overrides ?? {}) };
};

/** The contract schema behind one binding of a generated action. */
export const schemaForBinding = (built: BuiltAction, binding: Binding): SchemaNode | undefined => {
  const { op } = built;
  if (binding.placement === "path" || binding.placement === "query") {
    return op.params.find((p) => p.in === binding.placement && p.name === binding.name)?.schema;
  }
  const body = op.body?.schema;
  if (!body) return undefined;
  return body.properties?.[binding.name] ?? (binding.name === "body" ? body : undefined);
};

export interface InputFacts {
  key: string;
  def: InputDef;
  label: string;
  binding?: Binding;
  schema?: SchemaNode;
}

/** Every input of an action with, for generated actions, its wire binding and schema. */
export const inputFacts = (inputs: InputDefs, built?: BuiltAction): InputFacts[] =>
  Object.entries(inputs).map(([key, def]) => {
    const binding = built?.bindings.find((b) => b.inputKey === key);
    return { key, def, label: labelOf(def), binding, schema: built && binding ? schemaForBinding(built, binding) : undefined };
  });
