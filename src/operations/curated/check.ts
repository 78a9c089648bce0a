/**
 * Curated words must name what exists: an input key a contract field does not have would be ignored
 * without a word, so the catalog build refuses it (catalog.ts). The fields are the ones the factory
 * (src/actions/fromOperation.ts) turns into inputs: path parameters, query parameters other than the
 * paging and change-feed ones it offers itself, writable body fields, a whole body, and the File Name of
 * a multipart upload.
 */
import type { OperationDescriptor, SchemaNode } from "../types";
import type { CuratedOperation } from "./types";

const PAGING_PARAMS = new Set(["page", "pageSize", "includeTotal", "sort"]);
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
    if (words.choices) {
      for (const schema of matches) {
        const values = schema.type !== "array" && schema.enum ? schema.enum.map(String) : [];
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
