/**
 * Transport rules as data (issue 17 item 4): what the one attempt loop (core.ts) must know about an
 * operation besides its URL — how many calls it may make in a period and what those calls are counted
 * by (its budget), whether a failure whose outcome is unknown may be sent again (repeatable), the
 * largest page it takes and the number of its first page.
 *
 * Defaults come from the operation's contract descriptor: a request is repeatable when its method is
 * idempotent; the page-size cap is the contract's `pageSize` maximum, else ServiceTitan's general 5,000;
 * the first page is the contract's `page` minimum (0 or 1). Everything the contract does not say is a
 * row of TRANSPORT_RULES, with the source of the fact. A row is found by module + operationId, or by
 * module + method + path template — the way Raw Request's calls are matched.
 *
 * How each rule is applied, all in src/http: page size and first page are checked in client.ts before
 * anything is sent (an InputError naming the input); the budget and "repeatable" are applied by
 * core.ts's attempt loop on every attempt (budget.ts holds the per-key windows).
 */
import { fail } from "../core/errors";
import type { HttpMethod, OperationDescriptor } from "../operations/types";

/** ServiceTitan's general page-size maximum (partner portal "Timeouts and pagination": 1–5000). */
export const SERVICETITAN_MAX_PAGE_SIZE = 5000;

/** ServiceTitan's default budget for every call of a tenant: 60 calls a second per app and tenant (api facts §3). */
export const TENANT_BUDGET = { calls: 60, periodMs: 1000 } as const;

/**
 * A budget of calls besides the tenant's 60 a second. Every attempt counts — a retry and each page of
 * a paged read are calls of their own. A call's slot is free again `periodMs` after its answer is in.
 */
export interface Budget {
  calls: number;
  periodMs: number;
  /**
   * What is counted together, always within one tenant: "tenant" — every call the row matches;
   * "path" — each request path apart; a list of path parameters — each combination of their values
   * apart (e.g. ["report_category", "reportId"]: one budget per report).
   */
  per: "tenant" | "path" | readonly string[];
  /** The limit in words, for messages and logs: "one run of the same report per minute per tenant". */
  says: string;
}

/** One exception to the defaults: a row of the table. */
export interface TransportRule {
  module: string;
  operationId: string;
  method: HttpMethod;
  /** Path template below the tenant base, as in the contract; Raw Request's calls are matched on it. */
  path: string;
  /** The operation's API version when it is not v2 (as in its descriptor). */
  version?: string;
  budget?: Budget;
  /**
   * A POST that only reads may be declared repeatable: a 5xx, reset or timeout is then retried like a
   * GET's. A write never is: sending it twice could act twice.
   */
  repeatable?: boolean;
  maxPageSize?: number;
  firstPage?: 0 | 1;
  /**
   * What a 500 from this operation usually means on live tenants, added to its error message (a 500 is
   * never retried, retry.ts): telecom answers an unknown call ID with 500 instead of 404.
   */
  serverErrorMeans?: string;
  /** Where the fact comes from (kept with the row; never shown to users). */
  source: string;
}

/** A telecom operation on one call: an unknown call ID answers 500 on live tenants, so its error says so. */
function unknownCallRow(operationId: string, method: HttpMethod, path: string): TransportRule {
  return {
    module: "telecom",
    operationId,
    method,
    path,
    serverErrorMeans:
      "ServiceTitan answers 500, not 404, when the call ID does not exist: check the call ID (List Calls shows the tenant's calls) before trying again.",
    source: "api facts §12: live tenants answer a call ID that does not exist with 500, not 404 (aditya999123/servicetitan-node)",
  };
}

export const TRANSPORT_RULES: readonly TransportRule[] = [
  {
    module: "reporting",
    operationId: "ReportCategoryReports_GetData",
    method: "POST",
    path: "/report-category/{report_category}/reports/{reportId}/data",
    budget: {
      calls: 1,
      periodMs: 60_000,
      per: ["report_category", "reportId"],
      says: "one run of the same report per minute per tenant, each page counting as a run",
    },
    repeatable: true,
    maxPageSize: 25_000,
    firstPage: 1,
    source:
      "api facts §3 (1 call of the same report per minute per tenant) and §12 (each page counts; live tenants send the wait only in the 429 title); reporting-v2 pageSize 1–25000; a POST that reads the report",
  },
  {
    module: "dispatch",
    operationId: "Capacity_GetList",
    method: "POST",
    path: "/capacity",
    repeatable: true,
    source: "dispatch-v2: a POST that computes available capacity and changes nothing",
  },
  {
    module: "accounting",
    operationId: "JournalEntries_GetList",
    method: "GET",
    path: "/journal-entries",
    maxPageSize: 500,
    source: "accounting-v2 states the maximum only in words: at most 500 a page",
  },
  {
    module: "accounting",
    operationId: "JournalEntries_GetSummary",
    method: "GET",
    path: "/journal-entries/{id}/summary",
    maxPageSize: 500,
    source: "accounting-v2 states the maximum only in words: at most 500 a page",
  },
  {
    module: "accounting",
    operationId: "JournalEntries_GetDetails",
    method: "GET",
    path: "/journal-entries/{id}/details",
    maxPageSize: 500,
    source: "accounting-v2 states the maximum only in words: at most 500 a page",
  },
  unknownCallRow("Calls_GetDetails", "GET", "/calls/{id}"),
  unknownCallRow("Calls_Update", "PUT", "/calls/{id}"),
  unknownCallRow("Calls_GetRecording", "GET", "/calls/{id}/recording"),
  unknownCallRow("Calls_GetVoiceMail", "GET", "/calls/{id}/voicemail"),
];

/** What the rules need of a contract descriptor. */
export type RuleTarget = Pick<OperationDescriptor, "module" | "operationId" | "method" | "path" | "params" | "version">;

/** The rules in force for one operation. */
export interface OperationRules {
  /** "module:operationId" when the operation is known. */
  ref?: string;
  /** Path template, when known (for the budget's path parameters). */
  path?: string;
  repeatable: boolean;
  budget?: Budget;
  /** The operation pages (page / pageSize); the paging checks apply only then. */
  paged: boolean;
  maxPageSize: number;
  firstPage: number;
  /** What a 500 from this operation usually means (its row's `serverErrorMeans`). */
  serverErrorMeans?: string;
}

const IDEMPOTENT = new Set<string>(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH may not, unless a rule says so. */
export const isIdempotent = (method: HttpMethod | string): boolean => IDEMPOTENT.has(method.toUpperCase());

/** The number of the first page of an operation: its contract's `page` minimum (0 or 1; 1 when unstated). */
export const firstPageOf = (pageMinimum: number | undefined): number => (pageMinimum === 0 ? 0 : 1);

const ruleRef = (r: { module: string; operationId: string }): string => `${r.module}:${r.operationId}`;
const ROWS = new Map<string, TransportRule>(TRANSPORT_RULES.map((r) => [ruleRef(r), r]));

/** The rules of an operation with no descriptor (Raw Request to a module outside the catalog): the method decides. */
export const methodRules = (method: string): OperationRules => ({
  repeatable: isIdempotent(method),
  paged: false,
  maxPageSize: SERVICETITAN_MAX_PAGE_SIZE,
  firstPage: 1,
});

const withRow = (base: OperationRules, row: TransportRule | undefined): OperationRules => {
  if (!row) return base;
  return {
    ...base,
    ref: ruleRef(row),
    path: row.path,
    repeatable: row.repeatable ?? base.repeatable,
    budget: row.budget ?? base.budget,
    paged: base.paged || row.maxPageSize !== undefined || row.firstPage !== undefined,
    maxPageSize: row.maxPageSize ?? base.maxPageSize,
    firstPage: row.firstPage ?? base.firstPage,
    ...(row.serverErrorMeans ? { serverErrorMeans: row.serverErrorMeans } : {}),
  };
};

/** The rules of an operation: defaults from its descriptor, then its row in TRANSPORT_RULES. */
export const rulesFor = (op: RuleTarget): OperationRules => {
  const page = op.params.find((p) => p.in === "query" && p.name === "page");
  const pageSize = op.params.find((p) => p.in === "query" && p.name === "pageSize");
  const base: OperationRules = {
    ref: ruleRef(op),
    path: op.path,
    repeatable: isIdempotent(op.method),
    paged: Boolean(page && pageSize),
    maxPageSize: Math.min(pageSize?.schema.maximum ?? SERVICETITAN_MAX_PAGE_SIZE, SERVICETITAN_MAX_PAGE_SIZE),
    firstPage: firstPageOf(page?.schema.minimum),
  };
  const row = ROWS.get(ruleRef(op));
  // A row may raise the cap above the general 5,000 (Reporting's 25,000): its own figure wins.
  return withRow(base, row);
};

/** The rows of one module (the table is small; looked up per request). */
export const rowsOf = (module: string): TransportRule[] => TRANSPORT_RULES.filter((r) => r.module === module);
export const rowFor = (module: string, operationId: string): TransportRule | undefined => ROWS.get(`${module}:${operationId}`);

// ---------------------------------------------------------------------------------------------------
// Matching a concrete request path to a path template (Raw Request, and callers that name no operation).
// ---------------------------------------------------------------------------------------------------

const segmentsOf = (path: string): string[] => path.split("/").filter((s) => s !== "");
const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}");

/**
 * The path parameters of `path` under `template` ({name: segment as sent}), or undefined when the
 * template does not match. Literal segments compare case-insensitively (ServiceTitan's routing does).
 */
export const matchTemplate = (template: string, path: string): Record<string, string> | undefined => {
  const t = segmentsOf(template);
  const p = segmentsOf(path);
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i += 1) {
    if (isParam(t[i])) params[t[i].slice(1, -1)] = p[i];
    else if (t[i].toLowerCase() !== p[i].toLowerCase()) return undefined;
  }
  return params;
};

/** Literal segments first: "/customers/export" is a better match for /customers/export than "/customers/{id}". */
const specificity = (template: string): string => segmentsOf(template).map((s) => (isParam(s) ? "1" : "0")).join("");

/** The best-matching template among candidates for `method` and `path`, or undefined. */
export const bestMatch = <T extends { method: string; path: string }>(candidates: readonly T[], method: string, path: string): T | undefined => {
  let best: T | undefined;
  for (const c of candidates) {
    if (c.method !== method.toUpperCase() || !matchTemplate(c.path, path)) continue;
    if (!best || specificity(c.path) < specificity(best.path)) best = c;
  }
  return best;
};

/** What a request says about itself, for finding its rules. */
export interface RuleQuery {
  module: string;
  method: string;
  /** Path below the tenant base, as sent. */
  path: string;
  /** The API version of the tenant base it is sent under (absent: v2). */
  version?: string;
  operationId?: string;
}

/**
 * The rules of one request: by operationId when the caller names it, else by matching its method and
 * path against the module's descriptors (`descriptorsOf`) and the table's rows. A request that matches
 * nothing gets the method's defaults.
 */
export const rulesForRequest = (req: RuleQuery, descriptorsOf: (module: string) => readonly RuleTarget[] | undefined): OperationRules => {
  // telecom serves GET /calls under v2 and v3: a path is matched only among the operations of its version
  const version = req.version ?? "v2";
  const sameVersion = <T extends { version?: string }>(list: readonly T[]): T[] => list.filter((o) => (o.version ?? "v2") === version);
  const ops = descriptorsOf(req.module) ?? [];
  const op = req.operationId
    ? ops.find((o) => o.operationId === req.operationId)
    : bestMatch(sameVersion(ops), req.method, req.path);
  if (op) return rulesFor(op);
  const row = req.operationId ? rowFor(req.module, req.operationId) : bestMatch(sameVersion(rowsOf(req.module)), req.method, req.path);
  return withRow(methodRules(req.method), row);
};

/**
 * The key of a budget for one request: which calls share it. `scope` is the tenant's own key (host and
 * tenant); the row's reference keeps budgets of different operations apart.
 */
export const budgetKey = (rules: OperationRules, scope: string, path: string): string => {
  const budget = rules.budget;
  if (!budget) return scope;
  const base = `${scope}|${rules.ref ?? rules.path ?? ""}`;
  if (budget.per === "tenant") return base;
  if (budget.per === "path") return `${base}|${path.toLowerCase()}`;
  const params = rules.path ? (matchTemplate(rules.path, path) ?? {}) : {};
  return `${base}|${budget.per.map((name) => `${name}=${decoded(params[name] ?? "")}`).join("&")}`;
};

/** A path segment as its value (a malformed escape is kept as sent). */
const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The inputs page values come from, for messages: the factory's Page and Page Size, or Raw Request's query rows. */
const PAGE_INPUT = { page: "Page", pageSize: "Page Size" } as const;

const asNumber = (value: unknown): number | undefined => {
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined || one === null || one === "") return undefined;
  return typeof one === "number" ? one : typeof one === "bigint" ? Number(one) : Number(String(one).trim());
};

/**
 * The page-size cap and first page, enforced before anything is sent: a page size over the operation's
 * cap (or below 1) or a page before its first page fails as an InputError naming the input (and the
 * query parameter, for Raw Request's rows).
 */
export const checkPaging = (rules: OperationRules, query: Record<string, unknown> | undefined): void => {
  if (!rules.paged || !query) return;
  const size = asNumber(query.pageSize);
  if (size !== undefined && !(Number.isInteger(size) && size >= 1 && size <= rules.maxPageSize)) {
    fail(
      `${PAGE_INPUT.pageSize} (query parameter pageSize)`,
      `a whole number from 1 to ${rules.maxPageSize}, the largest page ServiceTitan returns for this operation`,
      query.pageSize,
    );
  }
  const page = asNumber(query.page);
  if (page !== undefined && !(Number.isInteger(page) && page >= rules.firstPage)) {
    fail(
      `${PAGE_INPUT.page} (query parameter page)`,
      `a whole number from ${rules.firstPage} (this list's first page is ${rules.firstPage})`,
      query.page,
    );
  }
};
