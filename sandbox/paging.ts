/**
 * Paged list responses `{ page, pageSize, hasMore, totalCount?, data }` and the common list filters
 * (ids, active, created/modified windows, name, sort). Filters scan once and stop as soon as the page
 * is full (unless `includeTotal` asks for the count); sorted orders are cached by the collection.
 */
import { badRequest, type FieldErrors } from "./problem";
import type { Collection, Rec } from "./store";

export const MAX_PAGE_SIZE = 5000;
export const DEFAULT_PAGE_SIZE = 50;

export interface ListQuery {
  page: number;
  /** The list's first page: 1, or 0 for lists whose document gives `page` a minimum of 0. */
  firstPage: number;
  pageSize: number;
  includeTotal: boolean;
  sortField: string;
  descending: boolean;
}

export type Predicate = (rec: Rec) => boolean;

export interface PagedResponse<T = unknown> {
  page: number;
  pageSize: number;
  hasMore: boolean;
  totalCount?: number;
  data: T[];
}

/** Case-insensitive lookup of a query parameter. */
export const param = (query: Record<string, string>, name: string): string | undefined => {
  if (name in query) return query[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(query)) if (key.toLowerCase() === lower) return query[key];
  return undefined;
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const parseIntParam = (
  query: Record<string, string>,
  name: string,
  errors: FieldErrors,
): number | undefined => {
  const raw = param(query, name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d{1,18}$/.test(raw.trim())) {
    errors[name] = [`The value '${raw}' is not valid for ${capitalise(name)}.`];
    return undefined;
  }
  return Number(raw);
};

export const parseBoolParam = (
  query: Record<string, string>,
  name: string,
  errors: FieldErrors,
): boolean | undefined => {
  const raw = param(query, name);
  if (raw === undefined || raw === "") return undefined;
  const v = raw.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  errors[name] = [`The value '${raw}' is not valid for ${capitalise(name)}.`];
  return undefined;
};

/** Parses a date or date-time filter into the ISO format records use (so strings compare correctly). */
export const parseDateParam = (
  query: Record<string, string>,
  name: string,
  errors: FieldErrors,
): string | undefined => {
  const raw = param(query, name);
  if (raw === undefined || raw === "") return undefined;
  const iso = toIso(raw);
  if (!iso) errors[name] = [`The value '${raw}' is not valid for ${capitalise(name)}.`];
  return iso;
};

/** "2020-01-01" or an ISO date-time (zone optional, UTC assumed) → `toISOString()` form; undefined if invalid. */
export const toIso = (raw: string): string | undefined => {
  const s = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(s)) return undefined;
  const withZone = /T|\s/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? `${s.replace(" ", "T")}Z` : s;
  const ms = Date.parse(withZone.length === 10 ? `${withZone}T00:00:00Z` : withZone);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-30 over into March; ServiceTitan refuses an impossible date.
  const [y, m, d] = s.slice(0, 10).split("-").map(Number);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) return undefined;
  return new Date(ms).toISOString();
};

export const parseIdsParam = (
  query: Record<string, string>,
  name: string,
  errors: FieldErrors,
): Set<number> | undefined => {
  const raw = param(query, name);
  if (raw === undefined || raw.trim() === "") return undefined;
  const ids = new Set<number>();
  for (const part of raw.split(",")) {
    const p = part.trim();
    if (!p) continue;
    if (!/^\d{1,18}$/.test(p)) {
      errors[name] = [`The value '${raw}' is not valid for ${capitalise(name)}: expected comma-separated IDs.`];
      return undefined;
    }
    ids.add(Number(p));
  }
  return ids;
};

/** How a list pages: its first page number and largest page size (most lists: 1 and 5000). */
export interface PageRules {
  firstPage: number;
  maxPageSize: number;
}

export const DEFAULT_PAGE_RULES: PageRules = { firstPage: 1, maxPageSize: MAX_PAGE_SIZE };

/** A list's page rules from its descriptor: the documented `page` minimum (0 or 1) and `pageSize` maximum. */
export const documentedPageRules = (params: ReadonlyArray<{ name: string; schema: { minimum?: number; maximum?: number } }>): PageRules => {
  const page = params.find((p) => p.name === "page")?.schema;
  const size = params.find((p) => p.name === "pageSize")?.schema;
  return {
    firstPage: page?.minimum === 0 ? 0 : 1,
    maxPageSize: size?.maximum !== undefined && size.maximum < MAX_PAGE_SIZE ? size.maximum : MAX_PAGE_SIZE,
  };
};

/**
 * Page parameters. `sortFields` are the fields `sort` may name (case-insensitive, `+Field`/`-Field`).
 * Throws a 400 ApiError for out-of-range values (pageSize > 5000 included).
 */
export const parseListQuery = (
  query: Record<string, string>,
  sortFields: readonly string[] = ["id", "createdOn", "modifiedOn", "name"],
  rules: PageRules = DEFAULT_PAGE_RULES,
): ListQuery => {
  const errors: FieldErrors = {};
  const { firstPage, maxPageSize } = rules;
  const page = parseIntParam(query, "page", errors) ?? firstPage;
  const pageSize = parseIntParam(query, "pageSize", errors) ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  const includeTotal = parseBoolParam(query, "includeTotal", errors) ?? false;
  if (!errors.page && page < firstPage) errors.page = [`The field Page must be greater than or equal to ${firstPage}.`];
  if (!errors.pageSize && (pageSize < 1 || pageSize > maxPageSize)) {
    errors.pageSize = [`The field PageSize must be between 1 and ${maxPageSize}.`];
  }
  let sortField = "id";
  let descending = false;
  const sort = param(query, "sort");
  if (sort !== undefined && sort.trim() !== "") {
    const m = /^\s*([+-]?)\s*([A-Za-z]+)\s*$/.exec(sort.replace(/^ /, "+"));
    const field = m && sortFields.find((f) => f.toLowerCase() === m[2].toLowerCase());
    if (!m || !field) {
      errors.sort = [
        `The value '${sort}' is not valid for Sort. Use +Field or -Field with one of: ${sortFields.map(capitalise).join(", ")}.`,
      ];
    } else {
      sortField = field;
      descending = m[1] === "-";
    }
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return { page, firstPage, pageSize, includeTotal, sortField, descending };
};

export interface CommonFilterOptions {
  /** `active` default when the parameter is absent: "True" for most lists, "Any" for some. */
  activeDefault?: "True" | "Any" | "False";
  /** Whether the endpoint has an `active` parameter at all (false: no active filtering). */
  active?: boolean;
  /** Query parameter holding comma-separated ids (default "ids"). */
  idsParam?: string;
  /** Whether `name` filters by case-insensitive substring on the `name` field. */
  name?: boolean;
}

/** Predicates for ids / active / createdBefore / createdOnOrAfter / modifiedBefore / modifiedOnOrAfter / name. */
export const commonFilters = (
  query: Record<string, string>,
  options: CommonFilterOptions = {},
  errors: FieldErrors = {},
): Predicate[] => {
  const preds: Predicate[] = [];
  const ids = parseIdsParam(query, options.idsParam ?? "ids", errors);
  if (ids) preds.push((r) => ids.has(r.id));
  if (options.active !== false) {
    const raw = param(query, "active") ?? options.activeDefault ?? "True";
    const v = raw.trim().toLowerCase();
    if (v === "true") preds.push((r) => r.active !== false);
    else if (v === "false") preds.push((r) => r.active === false);
    else if (v !== "any") errors.active = [`The value '${raw}' is not valid for Active. Use True, Any or False.`];
  }
  const createdBefore = parseDateParam(query, "createdBefore", errors);
  if (createdBefore) preds.push((r) => String(r.createdOn) < createdBefore);
  const createdOnOrAfter = parseDateParam(query, "createdOnOrAfter", errors);
  if (createdOnOrAfter) preds.push((r) => String(r.createdOn) >= createdOnOrAfter);
  const modifiedBefore = parseDateParam(query, "modifiedBefore", errors);
  if (modifiedBefore) preds.push((r) => String(r.modifiedOn) < modifiedBefore);
  const modifiedOnOrAfter = parseDateParam(query, "modifiedOnOrAfter", errors);
  if (modifiedOnOrAfter) preds.push((r) => String(r.modifiedOn) >= modifiedOnOrAfter);
  if (options.name !== false) {
    const name = param(query, "name");
    if (name) {
      const needle = name.toLowerCase();
      preds.push((r) => typeof r.name === "string" && r.name.toLowerCase().includes(needle));
    }
  }
  return preds;
};

/** Builds one page from records already in the requested order. */
export const paginate = <T = unknown>(
  recs: readonly Rec[],
  preds: readonly Predicate[],
  lq: ListQuery,
  view: (rec: Rec) => T = (r) => r as unknown as T,
): PagedResponse<T> => {
  const skip = (lq.page - lq.firstPage) * lq.pageSize;
  const data: T[] = [];
  let hasMore = false;
  let total: number | undefined;
  if (preds.length === 0) {
    const end = Math.min(recs.length, skip + lq.pageSize);
    for (let i = skip; i < end; i++) data.push(view(recs[i]));
    hasMore = recs.length > skip + lq.pageSize;
    total = recs.length;
  } else {
    let matched = 0;
    const n = preds.length;
    outer: for (let i = 0; i < recs.length; i++) {
      const r = recs[i];
      for (let p = 0; p < n; p++) if (!preds[p](r)) continue outer;
      if (matched >= skip && matched < skip + lq.pageSize) data.push(view(r));
      else if (matched >= skip + lq.pageSize) {
        hasMore = true;
        if (!lq.includeTotal) break;
      }
      matched++;
    }
    total = matched;
  }
  const out: PagedResponse<T> = { page: lq.page, pageSize: lq.pageSize, hasMore, data };
  if (lq.includeTotal) out.totalCount = total;
  return out;
};

/** Sort + filter + page over a collection in one call. */
export const listCollection = <T = unknown>(
  collection: Collection,
  lq: ListQuery,
  preds: readonly Predicate[],
  view?: (rec: Rec) => T,
  parent?: string,
): PagedResponse<T> => {
  const recs = collection.sorted(lq.sortField, lq.descending, parent);
  return paginate(recs, preds, lq, view);
};
