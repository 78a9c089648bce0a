/** Helpers shared by the specific resource handlers. */
import type { HttpMethod, OperationDescriptor, OperationKind, SchemaNode } from "../../src/operations/types";
import { genericHandler } from "../generic";
import { ApiError, badRequest } from "../problem";
import type { Handler, HandlerContext, RouteDef } from "../router";
import type { Rec, Store } from "../store";

export type Body = Record<string, unknown>;

export const isObject = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);

/** The JSON body as an object, or a 400. */
export const bodyOf = (ctx: HandlerContext): Body => {
  if (isObject(ctx.body)) return ctx.body;
  throw badRequest({ request: ["A JSON object request body is required."] });
};

export const idParam = (ctx: HandlerContext, name = "id"): number => {
  const raw = ctx.params[name] ?? "";
  if (!/^\d{1,18}$/.test(raw)) throw badRequest({ [name]: [`The value '${raw}' is not valid for ${name}.`] });
  return Number(raw);
};

export const mustGet = (store: Store, key: string, id: number, label: string, field = "id"): Rec => {
  const rec = store.get(key, id);
  if (!rec) throw new ApiError(404, `${label} not found.`, { [field]: [`${label} with ID ${id} was not found.`] });
  return rec;
};

/** A referenced record that must exist (400 naming the body field, as ServiceTitan validation does). */
export const mustReference = (store: Store, key: string, id: unknown, label: string, field: string): Rec | undefined => {
  if (id === undefined || id === null) return undefined;
  const coll = store.has(key) ? store.collection(key) : undefined;
  if (!coll || coll.size === 0) return undefined; // nothing seeded: accept any id
  const rec = typeof id === "number" ? coll.get(id) : undefined;
  if (!rec) throw badRequest({ [field]: [`${label} with ID ${String(id)} does not exist.`] });
  return rec;
};

export const pick = (rec: Body, fields: readonly string[]): Body => {
  const out: Body = {};
  for (const f of fields) out[f] = rec[f] === undefined ? null : rec[f];
  return out;
};

export const digits = (s: unknown): string => String(s ?? "").replace(/\D/g, "");

// ---- tiny schema builders for built-in validation (replaced by the generated descriptors when present)
export const S = {
  str: (extra: Partial<SchemaNode> = {}): SchemaNode => ({ type: "string", ...extra }),
  int: (extra: Partial<SchemaNode> = {}): SchemaNode => ({ type: "integer", format: "int64", ...extra }),
  num: (): SchemaNode => ({ type: "number" }),
  bool: (): SchemaNode => ({ type: "boolean", nullable: true }),
  dt: (extra: Partial<SchemaNode> = {}): SchemaNode => ({ type: "string", format: "date-time", ...extra }),
  arr: (items: SchemaNode): SchemaNode => ({ type: "array", items }),
  obj: (properties: Record<string, SchemaNode>, required: string[] = []): SchemaNode => ({ type: "object", properties, required }),
  enum: (values: string[], nullable = false): SchemaNode => ({ type: "string", enum: values, nullable }),
};

export const CONTACT_TYPES = ["Phone", "Email", "Fax", "MobilePhone"];
export const contactSchema = S.obj(
  { type: S.enum(CONTACT_TYPES), value: S.str(), memo: S.str({ nullable: true }) },
  ["type", "value"],
);
export const addressSchema = S.obj(
  {
    street: S.str(),
    unit: S.str({ nullable: true }),
    city: S.str(),
    state: S.str(),
    zip: S.str(),
    country: S.str(),
    latitude: { type: "number", nullable: true },
    longitude: { type: "number", nullable: true },
  },
  ["street", "city", "state", "zip", "country"],
);

interface RouteOptions {
  kind?: OperationKind;
  body?: SchemaNode;
  bodyRequired?: boolean;
}

const builtinDescriptor = (module: string, method: HttpMethod, path: string, o: RouteOptions): OperationDescriptor => ({
  module: module as OperationDescriptor["module"],
  operationId: `Sandbox_${method}_${path}`,
  tag: "Sandbox",
  method,
  path,
  kind: o.kind ?? "action",
  params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path" as const,
    required: true,
    schema: m[1] === "booking_provider" || /id$/i.test(m[1]) ? { type: "integer" as const } : { type: "string" as const },
  })),
  body: o.body ? { contentType: "application/json", required: o.bodyRequired ?? true, schema: o.body } : undefined,
});

/** A specific (built-in) route; its small descriptor validates until a generated one is attached. */
export const route = (module: string, method: HttpMethod, path: string, handler: Handler, options: RouteOptions = {}): RouteDef => ({
  module,
  method,
  path,
  handler,
  source: "builtin",
  descriptor: builtinDescriptor(module, method, path, options),
});

/** A generic route used only when the generated catalog does not provide the operation. */
export const fallback = (module: string, method: HttpMethod, path: string, kind: OperationKind, collection?: string): RouteDef => ({
  module,
  method,
  path,
  source: "generated",
  handler: genericHandler({ module, method, path, kind, collection }),
});
