/**
 * Curated words must name what exists: an input key a contract field does not have would be ignored
 * without a word, so the catalog build refuses it (catalog.ts). The fields are the ones the factory
 * (src/actions/fromOperation.ts) turns into inputs: path parameters, query parameters other than the
 * paging and change-feed ones it offers itself, writable body fields, a whole body, and the File Name of
 * a multipart upload.
 */
import type { OperationDescriptor, SchemaNode } from "../types";
import type { CuratedEnum, CuratedOperation } from "./types";

// Sort is not among them: the factory offers a list's Sort itself, but curated words may close its fields (an `enum`).
const PAGING_PARAMS = new Set(["page", "pageSize", "includeTotal"]);
const EXPORT_PARAMS = new Set(["from", "includeRecentChanges"]);

const paged = (op: OperationDescriptor): boolean =>
  op.kind === "list" && op.params.some((p) => p.name === "page") && op.params.some((p) => p.name === "pageSize");

/** The schema of one contract field that becomes an input ("path", "query" or "body" and its wire name), or undefined. */
const fieldSchema = (op: OperationDescriptor, placement: string, name: string): SchemaNode | undefined => {
  if (placement === "path" || placement === "query") {
    if (placement === "query" && ((EXPORT_PARAMS.has(name) && op.kind === "export") || (PAGING_PARAMS.has(name) && paged(op)))) return undefined;
    return op.params.find((p) => p.in === placement && p.name === name)?.schema;
  }
  if (placement !== "body" || !op.body) return undefined;
  const schema = op.body.schema;
  const props = schema?.type === "object" ? schema.properties : undefined;
  const own = props && Object.hasOwn(props, name) ? props[name] : undefined;
  if (own) return own.readOnly ? undefined : own;
  const mapLike = Boolean(schema?.additionalProperties && typeof schema.additionalProperties === "object");
  return name === "body" && (!props || mapLike) ? (schema ?? {}) : undefined;
};

/** Every "<placement>.<wire name>" that becomes an input, for messages. */
const fieldNames = (op: OperationDescriptor): string[] => {
  const names = op.params.map((p) => `${p.in}.${p.name}`).filter((f) => fieldSchema(op, ...(f.split(".") as [string, string])));
  const props = op.body?.schema?.type === "object" ? op.body.schema.properties : undefined;
  for (const name of [...Object.keys(props ?? {}), "body"]) if (fieldSchema(op, "body", name)) names.push(`body.${name}`);
  return names;
};

const isUpload = (op: OperationDescriptor): boolean =>
  Object.values((op.body?.schema?.type === "object" && op.body.schema.properties) || {}).some((s) => !s.readOnly && s.format === "binary");

/** What is wrong with an operation's curated input words; empty when every key names a field. Runs at every catalog build: direct look-ups only. */
export const curatedInputProblems = (op: OperationDescriptor, curated: CuratedOperation): string[] => {
  const inputs = curated.inputs;
  if (!inputs) return [];
  const problems: string[] = [];
  for (const key in inputs) {
    const words = inputs[key];
    if (key === "fileName" && isUpload(op)) {
      if (words.note !== undefined || words.choices !== undefined) problems.push(`${key}: the File Name input takes only a replaced comment, no added one or choices`);
      continue;
    }
    if ((key === "query.sort" || key === "sort") && paged(op) && (!words.enum || words.key !== undefined || words.label !== undefined)) {
      // The factory builds a list's Sort itself (shared key and label); curated words only close its fields.
      problems.push(`${key}: a list's Sort takes an enum of its fields (sortBy) and no key or label of its own`);
      continue;
    }
    const dot = key.indexOf(".");
    const matches: SchemaNode[] = [];
    if (dot > 0) {
      const schema = fieldSchema(op, key.slice(0, dot), key.slice(dot + 1));
      if (schema) matches.push(schema);
    } else {
      for (const placement of ["path", "query", "body"]) {
        const schema = fieldSchema(op, placement, key);
        if (schema) matches.push(schema);
      }
    }
    if (matches.length === 0) {
      const known = fieldNames(op).join(", ") || "none";
      problems.push(`${key}: no such input (fields: ${known}${isUpload(op) ? ", fileName" : ""})`);
      continue;
    }
    if (words.enum) {
      for (const schema of matches) problems.push(...curatedEnumProblems(key, schema, words.enum, words.choices !== undefined));
    }
    if (words.choices && !words.enum) {
      for (const schema of matches) {
        const values = (schema.type === "array" ? schema.items?.enum : schema.enum)?.map(String) ?? [];
        if (values.length === 0) problems.push(`${key}: choices given, but the field has no fixed set of values`);
        else {
          const unknown = Object.keys(words.choices).filter((v) => !values.includes(v));
          if (unknown.length) problems.push(`${key}: choices ${unknown.join(", ")} are not among its values (${values.join(", ")})`);
        }
      }
    }
  }
  return problems;
};

/** A curated enum closes a plain text field only: the contract's own enum wins, and its labels go in `choices`. */
const curatedEnumProblems = (
  key: string,
  schema: SchemaNode,
  curatedEnum: CuratedEnum,
  withChoices: boolean,
): string[] => {
  const problems: string[] = [];
  if (schema.enum?.length || schema.items?.enum?.length) problems.push(`${key}: the contract already gives its values; label them with choices`);
  else if (schema.type !== undefined && schema.type !== "string") problems.push(`${key}: an enum closes a text field only (this one is ${schema.type})`);
  else if (schema.format) problems.push(`${key}: an enum closes a plain text field only (this one is ${schema.format})`);
  const values = Object.keys(curatedEnum.values);
  if (values.length < 2) problems.push(`${key}: an enum needs at least two values`);
  if (values.some((v) => v.trim() === "" || v !== v.trim() || (curatedEnum.several && v.includes(","))))
    problems.push(`${key}: enum values must be text without leading or trailing spaces${curatedEnum.several ? " without commas" : ""}`);
  if (withChoices) problems.push(`${key}: give the labels in the enum's values, not in choices`);
  return problems;
};

// ---- structured inputs (src/inputs/structured.ts) ----------------------------------------------------------

/** One step of a structured input's body path: a field, its list's first item, or one more item of its list. */
export interface PathStep {
  name: string;
  item?: "first" | "append";
}

/** Where a structured input's value goes: the steps from the body down, and the schema found there. */
export interface StructuredTarget {
  steps: PathStep[];
  /** The schema of the value the input gives: the field, or for an appended item the item's schema. */
  schema: SchemaNode;
}

/** "locations[0].contacts[]" → steps; undefined for anything else the grammar does not allow. */
export const parseStructuredPath = (path: string): PathStep[] | undefined => {
  const steps: PathStep[] = [];
  for (const part of path.split(".")) {
    const m = /^([A-Za-z_$][\w$]*)(\[0\]|\[\])?$/.exec(part);
    if (!m) return undefined;
    steps.push({ name: m[1], ...(m[2] === "[0]" ? { item: "first" as const } : m[2] === "[]" ? { item: "append" as const } : {}) });
  }
  return steps.length ? steps : undefined;
};

/** The body schema at a structured path; a problem text when the path names nothing writable. */
export const resolveStructuredPath = (op: OperationDescriptor, path: string): StructuredTarget | string => {
  const steps = parseStructuredPath(path);
  if (!steps) return `"${path}" is not a body path (field, field[0].field or field[])`;
  let schema: SchemaNode | undefined = op.body?.schema;
  for (const [i, step] of steps.entries()) {
    const props: Record<string, SchemaNode> | undefined = schema?.type === "object" ? schema.properties : undefined;
    const next: SchemaNode | undefined = props && Object.hasOwn(props, step.name) ? props[step.name] : undefined;
    if (!next || next.readOnly) return `"${path}": the body has no writable field ${steps.slice(0, i + 1).map((s) => s.name).join(".")}`;
    if (step.item) {
      if (next.type !== "array" || !next.items) return `"${path}": ${step.name} is not a list`;
      if (step.item === "append" && i !== steps.length - 1) return `"${path}": [] (one more item) ends a path`;
      schema = next.items;
    } else schema = next;
  }
  return { steps, schema: schema as SchemaNode };
};
