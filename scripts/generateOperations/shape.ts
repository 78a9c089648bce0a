/**
 * The response contract in compact form (`Shape`, decoded by src/operations/outputSchema.ts): what each
 * action's output looks like — types, formats, enums, nullability, nesting — at about the size of an
 * example, so the bundle and its cold start stay small. Descriptions, limits and required lists are left
 * out: an output schema only has to tell a builder which fields there are and what they hold.
 */
import type { ModuleKey, OperationDescriptor, SchemaNode, Shape } from "../../src/operations/types";

const TYPE_CODES: Record<string, string> = { string: "s", integer: "i", number: "n", boolean: "b" };
/** Formats a builder (and a JSON Schema validator) can use; int32, int64, decimal … say nothing more than the type. */
const KEPT_FORMATS = new Set(["date-time", "date", "time", "guid", "uuid", "email", "uri", "duration", "binary"]);
/** Keys with a meaning of their own in an object shape. */
const RESERVED = new Set(["?", "*"]);
const MAX_DEPTH = 10;

const typeOf = (node: SchemaNode): string | undefined => node.type ?? (node.properties ? "object" : node.items ? "array" : undefined);

export function compactShape(node: SchemaNode, depth = 0): Shape {
  if (node.oneOf?.length && !node.type) return node.oneOf.length === 1 ? compactShape(node.oneOf[0], depth) : "*";
  const type = typeOf(node);
  if (node.recursive || depth >= MAX_DEPTH) return node.nullable ? "o?" : "o";
  if (type === "array") {
    const item = node.items ? compactShape(node.items, depth + 1) : "*";
    return node.nullable ? [item, "?"] : [item];
  }
  if (type === "object") {
    const out: Record<string, Shape | 1> = {};
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      if (RESERVED.has(name)) throw new Error(`Response property "${name}" clashes with the shape notation.`);
      out[name] = compactShape(sub, depth + 1);
    }
    if (node.additionalProperties && typeof node.additionalProperties === "object") out["*"] = compactShape(node.additionalProperties, depth + 1);
    if (Object.keys(out).length === 0) return node.nullable ? "o?" : "o";
    if (node.nullable) out["?"] = 1;
    return out;
  }
  const code = type ? TYPE_CODES[type] : undefined;
  if (!code) return "*";
  const format = node.format && KEPT_FORMATS.has(node.format) ? `:${node.format}` : "";
  const enumPart = node.enum?.length ? `=${node.enum.join("|")}` : "";
  return `${code}${format}${node.nullable ? "?" : ""}${enumPart}`;
}

/**
 * Moves every operation's response shape out of its descriptor into one file, `shapes.json`, keyed by
 * "<module>:<operationId>", one operation per line. The component reads that file only when an output
 * schema is first asked for (src/operations/outputSchema.ts), so a cold start does not parse it.
 */
export function takeResponseShapes(byModule: Record<ModuleKey, OperationDescriptor[]>): string {
  const lines: string[] = [];
  for (const ops of Object.values(byModule)) {
    for (const op of ops) {
      const response = op.response as (OperationDescriptor["response"] & { shape?: Shape }) | undefined;
      if (response?.shape === undefined) continue;
      lines.push(`${JSON.stringify(`${op.module}:${op.operationId}`)}:${JSON.stringify(response.shape)}`);
      delete response.shape;
    }
  }
  return `{\n${lines.join(",\n")}\n}\n`;
}
