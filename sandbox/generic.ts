/**
 * The generic handler: serves any operation from its descriptor. list → paged collection, get → by id,
 * create → insert, update → PATCH merge / PUT replace, delete → remove, export → change feed, other
 * actions → the target record (shaped like the response example) or an empty 200.
 *
 * Collections are keyed by path template (`crm:/customers/{}/notes`); path parameters before the last
 * segment bind the parent, so `/customers/1001/notes` is customer 1001's notes.
 */
import type { OperationDescriptor, OperationKind } from "../src/operations/types";
import { exportPage } from "./exportFeed";
import { commonFilters, DEFAULT_PAGE_RULES, documentedPageRules, listCollection, type PageRules, param, parseListQuery, type Predicate } from "./paging";
import { ApiError, badRequest, type FieldErrors } from "./problem";
import type { Handler, HandlerContext, RouteDef } from "./router";
import { splitPath } from "./router";
import { collectionKey, K, type Rec } from "./store";

const isParam = (s: string): boolean => s.startsWith("{") && s.endsWith("}");
const paramName = (s: string): string => s.slice(1, -1);
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** "job-types" → "Job type", "customers" → "Customer". */
export const resourceLabel = (segment: string): string => {
  const words = segment.replace(/-/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const singular = words.endsWith("ies") ? `${words.slice(0, -3)}y` : words.endsWith("s") && !words.endsWith("ss") ? words.slice(0, -1) : words;
  return singular.charAt(0).toUpperCase() + singular.slice(1);
};

/** Keeps the example's fields, filled from the record when it has them. No example → the record. */
export const shapeLike = (rec: Record<string, unknown>, example: unknown): Record<string, unknown> => {
  if (!isPlainObject(example) || Object.keys(example).length === 0) return rec;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(example)) out[key] = rec[key] !== undefined ? rec[key] : example[key];
  return out;
};

/** The item example of a list/export response example (`data[0]`), or the example itself. */
export const itemExample = (descriptor: OperationDescriptor | undefined): unknown => {
  const ex = descriptor?.response?.example;
  if (isPlainObject(ex) && Array.isArray(ex.data)) return ex.data[0];
  return ex;
};

/** Export resources whose records live in a differently named collection. */
const EXPORT_COLLECTIONS: Record<string, string> = {
  "crm:customers/contacts": K.customerContacts,
  "crm:locations/contacts": K.locationContacts,
  "crm:bookings": K.bookings,
  "jpm:job-notes": "jpm:/jobs/{}/notes",
  "jpm:project-notes": "jpm:/projects/{}/notes",
  "jpm:job-canceled-logs": K.jobCanceledLogs,
  "jpm:job-history": "jpm:/jobs/{}/history",
  "accounting:invoice-items": "accounting:/invoices/{}/items",
};

export const exportCollectionKey = (module: string, path: string): string => {
  const resource = splitPath(path).slice(1).join("/");
  return EXPORT_COLLECTIONS[`${module}:${resource}`] ?? collectionKey(module, `/${resource}`);
};

/** Plain-value equality filters for query parameters named like record fields (`customerId`, `jobIds`). */
const SKIP_QUERY = new Set(
  ["page", "pageSize", "includeTotal", "sort", "ids", "active", "name", "createdBefore", "createdOnOrAfter", "modifiedBefore", "modifiedOnOrAfter", "from", "includeRecentChanges"].map((s) => s.toLowerCase()),
);

const fieldFilters = (descriptor: OperationDescriptor | undefined, query: Record<string, string>): Predicate[] => {
  const preds: Predicate[] = [];
  for (const p of descriptor?.params ?? []) {
    if (p.in !== "query" || SKIP_QUERY.has(p.name.toLowerCase())) continue;
    const raw = param(query, p.name);
    if (raw === undefined || raw === "") continue;
    if (/Ids$/.test(p.name)) {
      const field = p.name.slice(0, -1);
      const values = new Set(raw.split(",").map((s) => s.trim()));
      preds.push((r) => r[field] === undefined || values.has(String(r[field])));
    } else {
      const field = p.name;
      const want = raw.toLowerCase();
      preds.push((r) => r[field] === undefined || isPlainObject(r[field]) || String(r[field]).toLowerCase() === want);
    }
  }
  return preds;
};

interface Shape {
  segments: string[];
  /** Indices of parameter segments. */
  paramIdx: number[];
  lastIsParam: boolean;
}

const shapeOf = (path: string): Shape => {
  const segments = splitPath(path);
  const paramIdx = segments.flatMap((s, i) => (isParam(s) ? [i] : []));
  return { segments, paramIdx, lastIsParam: paramIdx.includes(segments.length - 1) };
};

const templateOf = (segments: string[], upto: number): string => `/${segments.slice(0, upto).join("/")}`;

/** Parent key: the bound values of the parameters among the first `upto` segments, joined by "/". */
const parentKey = (shape: Shape, params: Record<string, string>, upto: number): string =>
  shape.paramIdx.filter((i) => i < upto).map((i) => params[paramName(shape.segments[i])]).join("/");

const numericId = (raw: string, name: string): number => {
  if (!/^\d{1,18}$/.test(raw)) throw badRequest({ [name]: [`The value '${raw}' is not valid for ${name}.`] });
  return Number(raw);
};

/**
 * 404 when a parameter names a record of a collection the sandbox knows (has records in) and that
 * record does not exist. Checks every parameter before segment `upto`.
 */
const checkParents = (ctx: HandlerContext, shape: Shape, module: string, upto: number): void => {
  for (const i of shape.paramIdx) {
    if (i >= upto || i === 0) continue;
    const key = collectionKey(module, templateOf(shape.segments, i));
    const coll = ctx.env.store.has(key) ? ctx.env.store.collection(key) : undefined;
    if (!coll || coll.size === 0) continue;
    const raw = ctx.params[paramName(shape.segments[i])];
    const id = /^\d{1,18}$/.test(raw) ? Number(raw) : NaN;
    if (!coll.get(id)) {
      const label = resourceLabel(shape.segments[i - 1]);
      throw new ApiError(404, `${label} not found.`, { [paramName(shape.segments[i])]: [`${label} with ID ${raw} was not found.`] });
    }
  }
};

const mergePatch = (old: Rec, patch: Record<string, unknown>): Rec => {
  const next: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(patch)) {
    if (k === "id") continue;
    next[k] = isPlainObject(v) && isPlainObject(old[k]) ? { ...(old[k] as object), ...v } : v;
  }
  return next as Rec;
};

const READ_ONLY = new Set(["id", "createdOn", "modifiedOn", "createdById"]);

export interface GenericSpec {
  module: string;
  method: OperationDescriptor["method"];
  path: string;
  kind: OperationKind;
  descriptor?: OperationDescriptor;
  /** Collection override (default: derived from the path). */
  collection?: string;
  /** Projects a stored record into the response (default: shaped like the response example). */
  view?: (rec: Rec) => unknown;
}

/** The page rules of a list: its documented ones while `zeroBasedPages` is on, else 1-based up to 5000. */
export const listPageRules = (ctx: Pick<HandlerContext, "env">, descriptor: OperationDescriptor | undefined): PageRules =>
  ctx.env.production?.zeroBasedPages && descriptor ? documentedPageRules(descriptor.params) : DEFAULT_PAGE_RULES;

export const genericHandler = (spec: GenericSpec): Handler => {
  const shape = shapeOf(spec.path);
  const n = shape.segments.length;
  const example = (): unknown => itemExample(spec.descriptor);
  const view = spec.view ?? ((rec: Rec) => shapeLike(rec, example()));
  const hasParam = (name: string): boolean => !spec.descriptor || spec.descriptor.params.some((p) => p.name.toLowerCase() === name.toLowerCase());
  const emptyOk = { status: 200 };

  /** Resolves the record an action/sub-resource path points at (last known parameter). */
  const target = (ctx: HandlerContext): Rec | undefined => {
    for (let k = shape.paramIdx.length - 1; k >= 0; k--) {
      const i = shape.paramIdx[k];
      if (i === 0) continue;
      const key = collectionKey(spec.module, templateOf(shape.segments, i));
      if (!ctx.env.store.has(key) || ctx.env.store.collection(key).size === 0) continue;
      const raw = ctx.params[paramName(shape.segments[i])];
      const rec = /^\d{1,18}$/.test(raw) ? ctx.env.store.get(key, Number(raw)) : undefined;
      if (rec) return rec;
    }
    return undefined;
  };

  switch (spec.kind) {
    case "list": {
      const key = spec.collection ?? collectionKey(spec.module, spec.path);
      return (ctx) => {
        checkParents(ctx, shape, spec.module, n);
        const lq = parseListQuery(ctx.query, undefined, listPageRules(ctx, spec.descriptor));
        const errors: FieldErrors = {};
        const preds = commonFilters(ctx.query, { active: hasParam("active"), name: hasParam("name") }, errors);
        if (Object.keys(errors).length) throw badRequest(errors);
        preds.push(...fieldFilters(spec.descriptor, ctx.query));
        const parent = shape.paramIdx.length ? parentKey(shape, ctx.params, n) : undefined;
        return { status: 200, body: listCollection(ctx.env.store.collection(key), lq, preds, view, parent) };
      };
    }
    case "export": {
      const key = spec.collection ?? exportCollectionKey(spec.module, spec.path);
      const feed = `${spec.module}:${spec.path}`;
      return (ctx) => {
        const activeRaw = hasParam("active") ? param(ctx.query, "active")?.toLowerCase() : undefined;
        const filter = activeRaw === "true" ? (r: Rec) => r.active !== false : activeRaw === "false" ? (r: Rec) => r.active === false : undefined;
        return { status: 200, body: exportPage(ctx.env.store.collection(key), feed, ctx.query, ctx.env.feed, view, filter) };
      };
    }
    case "get":
    case "update":
    case "delete":
      if (shape.lastIsParam && !(spec.kind === "get" && spec.method !== "GET")) {
        const key = spec.collection ?? collectionKey(spec.module, templateOf(shape.segments, n - 1));
        const idName = paramName(shape.segments[n - 1]);
        const label = resourceLabel(shape.segments[n - 2] ?? "record");
        return (ctx) => {
          checkParents(ctx, shape, spec.module, n - 1);
          const id = numericId(ctx.params[idName], idName);
          const coll = ctx.env.store.collection(key);
          const rec = coll.get(id);
          const parent = parentKey(shape, ctx.params, n - 1);
          if (!rec || (shape.paramIdx.length > 1 && coll.parentOf(id) !== parent)) {
            throw new ApiError(404, `${label} not found.`, { [idName]: [`${label} with ID ${id} was not found.`] });
          }
          if (spec.kind === "get") return { status: 200, body: view(rec) };
          if (spec.kind === "delete") {
            ctx.env.store.remove(key, id);
            return emptyOk;
          }
          const body = isPlainObject(ctx.body) ? ctx.body : {};
          const next = ctx.env.store.update(key, id, (old) => {
            if (spec.method === "PUT") {
              const replaced: Record<string, unknown> = { id, ...body, active: old.active, createdOn: old.createdOn };
              for (const f of READ_ONLY) if (old[f] !== undefined) replaced[f] = old[f];
              return replaced as Rec;
            }
            return mergePatch(old, body);
          })!;
          return spec.descriptor?.response?.example === undefined ? emptyOk : { status: 200, body: view(next) };
        };
      }
      return actionHandler(spec, shape, target, view);
    case "create":
      if (!shape.lastIsParam) {
        const key = spec.collection ?? collectionKey(spec.module, spec.path);
        return (ctx) => {
          checkParents(ctx, shape, spec.module, n);
          const base = ctx.env.recordExamples.get(key);
          const fields: Record<string, unknown> = base ? structuredClone(base) : {};
          for (const f of ["id", "createdOn", "modifiedOn", "active"]) delete fields[f];
          if (isPlainObject(ctx.body)) Object.assign(fields, ctx.body);
          else if (ctx.body !== undefined) fields.value = ctx.body;
          const rec = ctx.env.store.insert(key, fields, { parent: parentKey(shape, ctx.params, n) });
          return { status: 200, body: view(rec) };
        };
      }
      return actionHandler(spec, shape, target, view);
    default:
      return actionHandler(spec, shape, target, view);
  }
};

const actionHandler = (
  spec: GenericSpec,
  shape: Shape,
  target: (ctx: HandlerContext) => Rec | undefined,
  view: (rec: Rec) => unknown,
): Handler => {
  return (ctx) => {
    checkParents(ctx, shape, spec.module, shape.segments.length);
    const rec = target(ctx);
    const ex = spec.descriptor?.response?.example;
    if (spec.method !== "GET" && rec && isPlainObject(ctx.body) && spec.method !== "DELETE") {
      // an action carrying fields (reschedule, special instructions …) updates the record it targets
      const key = rec && findKey(ctx, shape, spec.module, rec);
      if (key) {
        const patch = Object.fromEntries(Object.entries(ctx.body).filter(([k]) => !READ_ONLY.has(k)));
        const next = ctx.env.store.update(key, rec.id, (old) => mergePatch(old, patch))!;
        return ex === undefined ? { status: 200 } : { status: 200, body: view(next) };
      }
    }
    if (ex === undefined) return { status: 200 };
    if (rec) return { status: 200, body: view(rec) };
    return { status: 200, body: structuredClone(ex) };
  };
};

const findKey = (ctx: HandlerContext, shape: Shape, module: string, rec: Rec): string | undefined => {
  for (let k = shape.paramIdx.length - 1; k >= 0; k--) {
    const i = shape.paramIdx[k];
    if (i === 0) continue;
    const key = collectionKey(module, templateOf(shape.segments, i));
    if (ctx.env.store.get(key, rec.id) === rec) return key;
  }
  return undefined;
};

/** Route definitions for every descriptor (generic handlers). */
export const genericRoutes = (descriptors: readonly OperationDescriptor[]): RouteDef[] =>
  descriptors.map((d) => ({
    module: d.module,
    method: d.method,
    path: d.path,
    ...(d.version ? { version: d.version } : {}),
    descriptor: d,
    source: "generated" as const,
    handler: genericHandler({ module: d.module, method: d.method, path: d.path, kind: d.kind, descriptor: d }),
  }));

/** Record examples per collection (from get descriptors, else list item examples) to fill created records. */
export const recordExamples = (descriptors: readonly OperationDescriptor[]): Map<string, Record<string, unknown>> => {
  const out = new Map<string, Record<string, unknown>>();
  for (const d of descriptors) {
    if (d.method !== "GET" || (d.kind !== "get" && d.kind !== "list")) continue;
    const shape = shapeOf(d.path);
    const key =
      d.kind === "get" && shape.lastIsParam
        ? collectionKey(d.module, templateOf(shape.segments, shape.segments.length - 1))
        : d.kind === "list"
          ? collectionKey(d.module, d.path)
          : undefined;
    const ex = itemExample(d);
    if (!key || !isPlainObject(ex)) continue;
    if (d.kind === "get" || !out.has(key)) out.set(key, ex);
  }
  return out;
};
