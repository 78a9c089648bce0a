/**
 * Structured inputs (issue 15 item 1): plain inputs for the parts of a body builders fill most —
 * addresses, a customer's first location, a job's first appointment, phone numbers and emails — so the
 * everyday flows need no JSON. The curated files declare them (`structured` on an operation's words,
 * src/operations/curated/types.ts); this module is the one rule that turns the declarations into inputs
 * and their values into the body.
 *
 * - An object target (an address) becomes a Spectral structured object: one plain input per field.
 *   Structured objects cannot nest, so a list item is never one: its fields are plain inputs.
 * - A field of a list's first item ("locations[0].name") is a plain input derived from the contract's
 *   schema there, so it is cleaned as any input of that type is (dates as people type them, ID lists,
 *   lengths); "contacts[]" with a contact type adds one {type, value} item.
 * - The JSON input of the same body field stays, under its key, for the rest: structured items come
 *   first and the JSON list's items follow; for an object the JSON gives the base and the fields filled
 *   here replace the same fields of it. It is optional once structured inputs can fill the field; where
 *   the contract requires the field, a value from neither fails before any request, naming both.
 * - A half-filled object or first item fails before any request, naming what is missing; these checks
 *   join the list of every invalid input (src/inputs/allErrors.ts).
 */
import { type InputFieldDefinition, structuredObjectInput } from "@prismatic-io/spectral";
import { InputError } from "../core/errors";
import { type PathStep, resolveStructuredPath } from "../operations/curated/check";
import type { StructuredInputWords } from "../operations/curated/types";
import { humanize, singular } from "../operations/naming";
import type { OperationDescriptor, SchemaNode } from "../operations/types";
import type { InputCheck } from "./allErrors";
import { isEmpty } from "./clean";
import { inputFromSpec } from "./fromSchema";
import { dataSourceFor } from "./links";

interface Part {
  key: string;
  words: StructuredInputWords;
  steps: PathStep[];
  schema: SchemaNode;
  /** An object target's fields: name, label, required by the contract. */
  children?: Array<{ name: string; label: string; required: boolean }>;
  definition: InputFieldDefinition;
}

/** The JSON input that carries a body field: its key and label. */
export interface JsonInput {
  key: string;
  label: string;
}

export interface StructuredPlan {
  /** The body fields structured inputs fill (their JSON inputs are optional). */
  fields: ReadonlySet<string>;
  /** The structured inputs that fill one body field, in declaration order. */
  inputsFor(field: string): Array<[string, InputFieldDefinition]>;
  /** The params with every filled body field merged into its JSON input's value, and what is wrong, per body field. */
  assemble(params: Record<string, unknown>): { values: Record<string, unknown>; problems: Map<string, string[]> };
  /** `assemble` for the cross-input checks: params read key by key (see below). */
  overlay(params: Record<string, unknown>): { values: Record<string, unknown>; problems: Map<string, string[]> };
  /** `assemble`, throwing one InputError when anything is wrong. */
  apply(params: Record<string, unknown>): Record<string, unknown>;
  /** One cross-input check per body field, for the list of every invalid input. */
  checks: InputCheck[];
}

/** The body fields a set of declarations fills (before any input is built). */
export const structuredFieldsOf = (words: Readonly<Record<string, StructuredInputWords>> | undefined): Set<string> =>
  new Set(Object.values(words ?? {}).map((w) => w.into.split(/[.[]/)[0]));

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const blank = (value: unknown): boolean =>
  isEmpty(value) || (isPlain(value) && Object.values(value).every((v) => isEmpty(v)));

const list = (labels: string[], word: "and" | "or"): string =>
  labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} ${word} ${labels[labels.length - 1]}`;

const noun = (field: string): string => singular(humanize(field)).toLowerCase();

/** Builds one structured input's definition from the contract's schema at its target. */
const partFor = (op: OperationDescriptor, key: string, words: StructuredInputWords, dataSources?: ReadonlySet<string>): Part => {
  const target = resolveStructuredPath(op, words.into);
  if (typeof target === "string") throw new Error(`${op.operationId}: structured input ${key}: ${target}.`);
  const last = target.steps[target.steps.length - 1];
  let schema = target.schema;
  if (last.item === "append") {
    const type = schema.properties?.type;
    const value = schema.properties?.value;
    if (!words.contactType || !value || !type?.enum?.map(String).includes(words.contactType)) {
      throw new Error(`${op.operationId}: structured input ${key} adds a ${words.into} item: it needs a contactType among ${type?.enum?.join(", ") ?? "none"}.`);
    }
    schema = value;
  } else if (words.contactType) throw new Error(`${op.operationId}: structured input ${key}: contactType belongs to a [] path only.`);

  if (schema.type === "object") {
    const fields = words.fields ?? [];
    if (fields.length === 0) throw new Error(`${op.operationId}: structured input ${key} fills an object: name its fields.`);
    const stray = Object.keys(words.fieldWords ?? {}).filter((name) => !fields.includes(name));
    if (stray.length) throw new Error(`${op.operationId}: structured input ${key} has words for ${stray.join(", ")}, which are not among its fields.`);
    const children: NonNullable<Part["children"]> = [];
    const inputs: Record<string, InputFieldDefinition> = {};
    for (const name of fields) {
      const child = schema.properties?.[name];
      if (!child || child.type === "object" || child.type === "array") {
        throw new Error(`${op.operationId}: structured input ${key}: ${name} is not a plain field of ${words.into}.`);
      }
      const own = words.fieldWords?.[name] ?? {};
      const label = own.label ?? humanize(name);
      children.push({ name, label, required: Boolean(schema.required?.includes(name)) });
      inputs[name] = inputFromSpec({ name, placement: "body", schema: child, required: false }, label, own).definition;
    }
    const missing = (schema.required ?? []).filter((r) => !fields.includes(r));
    if (missing.length) throw new Error(`${op.operationId}: structured input ${key} leaves out required ${missing.join(", ")}.`);
    const definition = structuredObjectInput({
      label: words.label,
      comments: words.comments,
      inputs: inputs as never,
    }) as unknown as InputFieldDefinition;
    return { key, words, steps: target.steps, schema, children, definition };
  }
  if (words.fields) throw new Error(`${op.operationId}: structured input ${key}: fields belong to an object target.`);
  const dataSource = dataSourceFor(key, dataSources, op);
  const { definition } = inputFromSpec({ name: key, placement: "body", schema, required: false }, words.label, {
    label: words.label,
    comments: words.comments,
    ...(words.example !== undefined ? { example: words.example } : {}),
    ...(dataSource ? { dataSource } : {}),
  });
  return { key, words, steps: target.steps, schema, definition };
};

/**
 * The structured inputs of one action. `jsonInputs` names the input that carries each body field (its
 * key stays the one integrations use); `actionLabel` starts the message when a required field is empty.
 */
export const planStructured = (args: {
  op: OperationDescriptor;
  actionLabel: string;
  words: Readonly<Record<string, StructuredInputWords>>;
  jsonInputs: ReadonlyMap<string, JsonInput>;
  dataSources?: ReadonlySet<string>;
}): StructuredPlan => {
  const { op, actionLabel, words, jsonInputs } = args;
  const parts = Object.entries(words).map(([key, w]) => partFor(op, key, w, args.dataSources));
  const fields = structuredFieldsOf(words);
  const bodySchema = op.body?.schema;
  for (const field of fields) {
    if (!jsonInputs.has(field)) throw new Error(`${op.operationId}: structured inputs fill ${field}, which has no input of its own.`);
  }
  const partsOf = (field: string) => parts.filter((p) => p.steps[0].name === field);
  for (const part of parts) {
    const same = part.words.sameAs === undefined ? undefined : parts.find((p) => p.key === part.words.sameAs);
    if (part.words.sameAs !== undefined && (!same || !part.children || !same.children || same.words.sameAs !== undefined)) {
      throw new Error(`${op.operationId}: structured input ${part.key} is the same as ${part.words.sameAs}, which is no other group of fields.`);
    }
    const missing = same?.children?.filter((c) => c.required && !part.children?.some((o) => o.name === c.name)) ?? [];
    if (same && missing.length) throw new Error(`${op.operationId}: structured input ${part.key} lacks ${missing.map((c) => c.name).join(", ")} of ${same.key}.`);
  }

  /** What a builder must fill for a field the contract requires, when nothing fills it. */
  const neededFor = (field: string): string => {
    const fieldSchema = bodySchema?.properties?.[field];
    const own = partsOf(field);
    if (fieldSchema?.type === "array") {
      const first = own.filter((p) => p.steps[0].item === "first" && p.steps.length > 1);
      if (first.length) {
        const required = new Set(fieldSchema.items?.required ?? []);
        const labels = first.filter((p) => required.has(p.steps[1].name)).map((p) => p.words.label);
        return `at least one ${noun(field)}: fill in ${list(labels, "and")}, or ${jsonInputs.get(field)?.label}`;
      }
      return `at least one ${noun(field)}: fill in ${list([...own.map((p) => p.words.label), jsonInputs.get(field)?.label ?? field], "or")}`;
    }
    return `${/^[aeiou]/i.test(noun(field)) ? "an" : "a"} ${noun(field)}: fill in ${list([...own.map((p) => p.words.label), jsonInputs.get(field)?.label ?? field], "or")}`;
  };

  /** Merges every body field, or only `only` (a check reads no more inputs than its field's). */
  const merge = (params: Record<string, unknown>, only?: string) => {
    const problems = new Map<string, string[]>();
    const problem = (field: string, text: string) => problems.set(field, [...(problems.get(field) ?? []), text]);
    const draft: Record<string, unknown> = {};
    /** First items made here, with the parts that filled them (for their required fields). */
    const firstItems = new Map<Record<string, unknown>, { field: string; schema?: SchemaNode; filledBy: Part[] }>();

    for (const part of parts) {
      const field = part.steps[0].name;
      if (only !== undefined && field !== only) continue;
      // Empty here and in the field's JSON input: the value of the input it is the same as, if any (that input reports its own problems).
      const borrowed = part.words.sameAs !== undefined && blank(params[part.key]) && blank(params[(jsonInputs.get(field) as JsonInput).key]);
      const raw = borrowed ? params[part.words.sameAs as string] : params[part.key];
      if (blank(raw)) continue;
      let value: unknown = raw;
      if (part.children) {
        if (borrowed && !isPlain(raw)) continue;
        if (!isPlain(raw)) {
          problem(field, `${part.words.label}: expected its fields (${list(part.children.map((c) => c.label), "and")}), got ${typeof raw}.`);
          continue;
        }
        const filled = Object.fromEntries(part.children.filter((c) => !isEmpty(raw[c.name])).map((c) => [c.name, raw[c.name]]));
        const missing = part.children.filter((c) => c.required && filled[c.name] === undefined).map((c) => c.label);
        if (missing.length && borrowed) continue;
        if (missing.length) {
          const required = part.children.filter((c) => c.required).map((c) => c.label);
          problem(field, `${part.words.label}: ${list(missing, "and")} missing; ${list(required, "and")} go together.`);
          continue;
        }
        value = filled;
      } else if (part.words.contactType) value = { type: part.words.contactType, value: raw };

      let at: Record<string, unknown> = draft;
      let schema: SchemaNode | undefined = bodySchema;
      part.steps.forEach((step, i) => {
        const final = i === part.steps.length - 1;
        schema = schema?.properties?.[step.name];
        if (step.item === "append") {
          const items = (at[step.name] as unknown[] | undefined) ?? [];
          at[step.name] = [...items, value];
        } else if (step.item === "first") {
          const items = (at[step.name] as Array<Record<string, unknown>> | undefined) ?? [{}];
          at[step.name] = items;
          if (final) items[0] = value as Record<string, unknown>;
          else {
            const item = items[0];
            const seen = firstItems.get(item) ?? { field, schema: schema?.items, filledBy: [] };
            seen.filledBy.push(part);
            firstItems.set(item, seen);
            at = item;
            schema = schema?.items;
          }
        } else if (final) at[step.name] = value;
        else at = (at[step.name] ??= {}) as Record<string, unknown>;
      });
    }

    for (const [item, seen] of firstItems) {
      const missing = (seen.schema?.required ?? []).filter((name) => isEmpty(item[name]));
      if (!missing.length) continue;
      const labelOf = (name: string) =>
        partsOf(seen.field).find((p) => p.steps.length > 1 && p.steps[1].name === name && p.steps[0].item === "first")?.words.label ?? humanize(name);
      problem(
        seen.field,
        `${list(missing.map(labelOf), "and")}: needed for the first ${noun(seen.field)}, since ${list(seen.filledBy.map((p) => p.words.label), "and")} ${seen.filledBy.length > 1 ? "are" : "is"} filled in.`,
      );
    }

    // Only the inputs read here count for the list of every invalid input (allErrors.ts): no spread of params.
    const fieldValues = new Map<string, unknown>();
    for (const field of fields) {
      if (only !== undefined && field !== only) continue;
      const json = jsonInputs.get(field) as JsonInput;
      const given = params[json.key];
      const made = draft[field];
      let merged: unknown = given;
      if (Array.isArray(made)) merged = [...made, ...(Array.isArray(given) ? given : [])];
      else if (isPlain(made)) merged = isPlain(given) ? { ...given, ...made } : made;
      if (blank(merged) && bodySchema?.required?.includes(field) && !problems.has(field)) {
        problem(field, `${actionLabel} needs ${neededFor(field)}.`);
      }
      fieldValues.set(json.key, blank(merged) ? undefined : merged);
    }
    return { fieldValues, problems };
  };

  const assemble = (params: Record<string, unknown>) => {
    const { fieldValues, problems } = merge(params);
    return { values: { ...params, ...Object.fromEntries(fieldValues) }, problems };
  };

  /**
   * Like `assemble`, but the params are read only where a key is read: the filled body fields come from
   * here, every other key from the params. For the cross-input checks, so an invalid input that a check
   * never reads does not silence it (allErrors.ts watches which inputs a check reads).
   */
  const overlay = (params: Record<string, unknown>) => {
    const { fieldValues, problems } = merge(params);
    const values = new Proxy(params, {
      get: (target, key, receiver) => (typeof key === "string" && fieldValues.has(key) ? fieldValues.get(key) : Reflect.get(target, key, receiver)),
    });
    return { values, problems };
  };

  return {
    fields,
    inputsFor: (field) => partsOf(field).map((p) => [p.key, p.definition]),
    assemble,
    overlay,
    apply: (params) => {
      const { values, problems } = assemble(params);
      const all = [...problems.values()].flat();
      if (all.length) throw new InputError(all.join("\n"));
      return values;
    },
    checks: [...fields].map((field) => (params: Record<string, unknown>) => {
      const found = merge(params, field).problems.get(field);
      if (found?.length) throw new InputError(found.join(" "));
    }),
  };
};
