/**
 * Turns an OpenAPI 3.0 / 3.1 schema into our compact, fully resolved `SchemaNode`.
 *
 * Rules (contract facts only — every description, summary, title, example and vendor extension is dropped):
 * - `$ref` is inlined; the node records the components/schemas name in `ref`. A `$ref` to a schema that is
 *   already being resolved further up the same branch becomes `{ type: "object", recursive: true, ref }`.
 * - OpenAPI 3.1 `type: [X, "null"]` → `type: X, nullable: true`; OpenAPI 3.0 `nullable: true` is kept as is.
 *   A type array with several non-null types becomes `oneOf` of one node per type.
 * - `oneOf` / `anyOf`: `{ type: "null" }` branches only set `nullable`; when a single other branch remains
 *   (ServiceTitan's way to attach a description or nullability to a `$ref`) it is merged into the node,
 *   otherwise the branches are kept as `oneOf`.
 * - `allOf`: parts are merged — properties in order, `required` united, other keywords last-wins.
 * - Enums (ServiceTitan models them as named string or integer schemas) keep their `enum` values.
 * - `additionalProperties: {}` / `true` → `true`; `false` is kept; a schema is resolved.
 * - Output keys are written in one fixed order (`KEY_ORDER`) so the generated files are deterministic.
 */
import type { SchemaNode } from "../../src/operations/types";

/** Output key order for every SchemaNode (matches the interface in src/operations/types.ts). */
export const KEY_ORDER: ReadonlyArray<keyof SchemaNode> = [
  "type",
  "format",
  "enum",
  "nullable",
  "items",
  "properties",
  "required",
  "additionalProperties",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "readOnly",
  "oneOf",
  "recursive",
  "ref",
];

const SIMPLE_TYPES = new Set(["string", "integer", "number", "boolean", "object", "array"]);
const NUMERIC_KEYWORDS = ["minimum", "maximum", "minLength", "maxLength"] as const;

/** Minimal view of an OpenAPI document: only `components` is used to follow `$ref`s. */
export interface OpenApiLike {
  components?: { schemas?: Record<string, unknown>; [k: string]: unknown };
  [k: string]: unknown;
}

/** Last segment of a local JSON pointer, unescaped (`#/components/schemas/Foo` → `Foo`). */
export function refName(ref: string): string {
  const last = ref.split("/").pop() ?? ref;
  return decodeURIComponent(last).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Follows a local JSON pointer (`#/a/b/c`) inside `doc`. Throws on anything else. */
export function followPointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`Only local $ref pointers are supported, got ${ref}`);
  let node: any = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = node[key];
  }
  return node;
}

/** Writes the keys of `node` in KEY_ORDER, dropping undefined values. */
export function orderNode(node: SchemaNode): SchemaNode {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (node[key] !== undefined) out[key] = node[key];
  }
  return out as SchemaNode;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A branch that only says "null" (`{ type: "null" }` or `{ type: ["null"] }`). */
function isNullBranch(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const t = schema.type;
  const onlyNull = t === "null" || (Array.isArray(t) && t.length === 1 && t[0] === "null");
  return onlyNull && !("$ref" in schema) && !schema.properties && !schema.oneOf && !schema.anyOf && !schema.allOf;
}

/**
 * Merges `over` on top of `base` (used for oneOf-with-one-branch, $ref siblings and allOf):
 * properties are concatenated (later wins per name, first position kept), required is united,
 * nullable is OR-ed, everything else is last-wins.
 */
export function mergeNodes(base: SchemaNode, over: SchemaNode): SchemaNode {
  const merged: SchemaNode = { ...base };
  for (const key of KEY_ORDER) {
    const value = over[key];
    if (value === undefined) continue;
    if (key === "properties" && base.properties) {
      merged.properties = { ...base.properties, ...(value as Record<string, SchemaNode>) };
    } else if (key === "required" && base.required) {
      merged.required = [...base.required, ...(value as string[]).filter((n) => !base.required!.includes(n))];
    } else if (key === "nullable") {
      merged.nullable = Boolean(base.nullable) || Boolean(value) || undefined;
    } else if (key === "ref" && base.ref && value !== base.ref) {
      // Two different named schemas merged: keep the first (the one the node was declared as).
      continue;
    } else {
      (merged as any)[key] = value;
    }
  }
  return orderNode(merged);
}

export class SchemaResolver {
  constructor(private readonly doc: OpenApiLike) {}

  /** Resolves `schema` found in `this.doc`. `stack` holds the schema names currently being expanded. */
  resolve(schema: unknown, stack: readonly string[] = []): SchemaNode {
    if (schema === true || schema === undefined || (isObject(schema) && Object.keys(schema).length === 0)) return {};
    if (!isObject(schema)) throw new Error(`Not a schema: ${JSON.stringify(schema)}`);

    // 1. $ref (with optional 3.1 sibling keywords merged on top).
    if (typeof schema.$ref === "string") {
      const name = refName(schema.$ref);
      let node: SchemaNode;
      if (stack.includes(name)) {
        node = { type: "object", recursive: true, ref: name };
      } else {
        node = this.resolve(followPointer(this.doc, schema.$ref), [...stack, name]);
        if (schema.$ref.startsWith("#/components/schemas/")) node = orderNode({ ...node, ref: name });
      }
      const { $ref: _ignored, ...siblings } = schema;
      return Object.keys(siblings).length === 0 ? node : mergeNodes(node, this.resolve(siblings, stack));
    }

    // 2. The node's own keywords.
    const own: SchemaNode = {};
    let nullable = schema.nullable === true;
    let typeAlternatives: SchemaNode[] | undefined;

    const t = schema.type;
    if (typeof t === "string") {
      if (t === "null") nullable = true;
      else if (SIMPLE_TYPES.has(t)) own.type = t as SchemaNode["type"];
    } else if (Array.isArray(t)) {
      if (t.includes("null")) nullable = true;
      const nonNull = t.filter((x: unknown) => x !== "null" && SIMPLE_TYPES.has(String(x))) as NonNullable<SchemaNode["type"]>[];
      if (nonNull.length === 1) own.type = nonNull[0];
      else if (nonNull.length > 1) typeAlternatives = nonNull.map((type) => ({ type }));
    }
    if (typeof schema.format === "string") own.format = schema.format;
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v: unknown) => typeof v === "string" || typeof v === "number");
      if (values.length > 0) own.enum = values;
      if (schema.enum.includes(null)) nullable = true;
    }
    if (schema.items !== undefined && !Array.isArray(schema.items)) own.items = this.resolve(schema.items, stack);
    if (isObject(schema.properties)) {
      const props: Record<string, SchemaNode> = {};
      for (const [name, sub] of Object.entries(schema.properties)) props[name] = this.resolve(sub, stack);
      own.properties = props;
    }
    if (Array.isArray(schema.required) && schema.required.length > 0) own.required = [...schema.required];
    if (schema.additionalProperties !== undefined) {
      const ap = schema.additionalProperties;
      if (ap === false) own.additionalProperties = false;
      else if (ap === true || (isObject(ap) && Object.keys(ap).length === 0)) own.additionalProperties = true;
      else own.additionalProperties = this.resolve(ap, stack);
    }
    for (const key of NUMERIC_KEYWORDS) {
      if (typeof schema[key] === "number") own[key] = schema[key];
    }
    if (typeof schema.pattern === "string") own.pattern = schema.pattern;
    if (schema.readOnly === true) own.readOnly = true;

    let node: SchemaNode = own;

    // 3. allOf: merge every part, then the node's own keywords on top.
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
      let merged: SchemaNode = {};
      const refs = new Set<string>();
      for (const part of schema.allOf) {
        if (isNullBranch(part)) {
          nullable = true;
          continue;
        }
        const resolved = this.resolve(part, stack);
        if (resolved.ref) refs.add(resolved.ref);
        merged = mergeNodes(merged, { ...resolved, ref: undefined });
      }
      if (refs.size === 1) merged = { ...merged, ref: [...refs][0] };
      node = mergeNodes(merged, node);
    }

    // 4. oneOf / anyOf: null branches → nullable; a single remaining branch is merged into the node.
    const alternatives = [
      ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
      ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ];
    if (alternatives.length > 0) {
      const branches: SchemaNode[] = [];
      for (const alt of alternatives) {
        if (isNullBranch(alt)) nullable = true;
        else branches.push(this.resolve(alt, stack));
      }
      if (branches.length === 1) node = mergeNodes(branches[0], node);
      else if (branches.length > 1) node = { ...node, oneOf: branches };
    } else if (typeAlternatives) {
      node = { ...node, oneOf: typeAlternatives };
    }

    if (nullable) node = { ...node, nullable: true };
    return orderNode(node);
  }
}
