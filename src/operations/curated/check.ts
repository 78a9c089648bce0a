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

/** "<placement>.<wire name>" → schema, for every contract field that becomes an input. */
export const curatableFields = (op: OperationDescriptor): Map<string, SchemaNode> => {
  const fields = new Map<string, SchemaNode>();
  const paged = op.kind === "list" && op.params.some((p) => p.name === "page") && op.params.some((p) => p.name === "pageSize");
  for (const p of op.params) {
    if (p.in === "query" && paged && PAGING_PARAMS.has(p.name)) continue;
    if (p.in === "query" && op.kind === "export" && EXPORT_PARAMS.has(p.name)) continue;
    fields.set(`${p.in}.${p.name}`, p.schema);
  }
  const schema = op.body?.schema;
  if (op.body) {
    const props = schema?.type === "object" ? schema.properties : undefined;
    for (const [name, s] of Object.entries(props ?? {})) if (!s.readOnly) fields.set(`body.${name}`, s);
    const mapLike = Boolean(schema?.additionalProperties && typeof schema.additionalProperties === "object");
    if (!props || mapLike) fields.set("body.body", schema ?? {});
  }
  return fields;
};

/** What is wrong with an operation's curated input words; empty when every key names a field. */
export const curatedInputProblems = (op: OperationDescriptor, curated: CuratedOperation): string[] => {
  const inputs = curated.inputs;
  if (!inputs) return [];
  const fields = curatableFields(op);
  const upload = [...fields.entries()].some(([field, s]) => field.startsWith("body.") && s.format === "binary");
  const problems: string[] = [];
  for (const [key, words] of Object.entries(inputs)) {
    if (key === "fileName" && upload) {
      if (words.note !== undefined || words.choices !== undefined) problems.push(`${key}: the File Name input takes only a replaced comment, no added one or choices`);
      continue;
    }
    const matches = key.includes(".") ? (fields.has(key) ? [fields.get(key) as SchemaNode] : []) : [...fields.entries()].filter(([f]) => f.endsWith(`.${key}`)).map(([, s]) => s);
    if (matches.length === 0) {
      problems.push(`${key}: no such input (fields: ${[...fields.keys()].join(", ") || "none"}${upload ? ", fileName" : ""})`);
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
