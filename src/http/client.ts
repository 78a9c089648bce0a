/**
 * The one transport: every action, data source and trigger reaches ServiceTitan through `request`.
 * It owns the base URL and auth headers; the attempt loop (timeouts, retries via retry.ts, the rate
 * limit, JSON parsing, debug logging) is core.ts's `sendWithPolicy`, shared with the Leads client;
 * error messages come from errors.ts and redaction from src/core/redact.ts.
 */
import type { Connection } from "@prismatic-io/spectral";
import { operationsByModule } from "../operations/generated";
import type { HttpMethod, ModuleKey } from "../operations/types";
import { type CoreResponse, sendSettings, sendWithPolicy, type TransportOptions } from "./core";
import { budgetKey, checkPaging, type RuleTarget, rulesForRequest } from "./rules";
import { resolveConnection, tenantPathProblem, tenantUrl } from "./endpoints";
import { toApiError, type FailedCall } from "./errors";
import { fail } from "../core/errors";
import { redact } from "../core/redact";

export type { Logger } from "./core";

export type QueryValue = string | number | boolean | bigint | null | undefined | Array<string | number | bigint>;
export type QueryParams = Record<string, QueryValue>;

export interface StRequest {
  /** API module path segment, e.g. "crm", "jpm", "equipmentsystems". */
  module: string;
  method: HttpMethod;
  /** Path below the tenant base, starting with "/", path parameters already encoded. */
  path: string;
  /** The operation's API version ("v3" for telecom's calls list); absent: v2, as for every other operation. */
  version?: string;
  query?: QueryParams;
  /** JSON body (serialised here; bigint values are written as exact integers). */
  body?: unknown;
  /** A pre-built body (e.g. multipart form data) sent as-is, with its own headers. */
  rawBody?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
  /** Human name of the operation for error messages, e.g. "Create Customer". */
  operation: string;
  /**
   * ServiceTitan's operationId (e.g. "Customers_GetList"): finds the operation's transport rules
   * (rules.ts) exactly. Without it they are found by method and path (Raw Request).
   */
  operationId?: string;
  /** OAuth scope the operation needs (named in 403 messages). */
  scope?: string;
  /** "binary" returns the body as a Buffer with its content type. */
  responseType?: "json" | "binary";
  /**
   * The operation promises a body on success (a create returning the new record): an empty 2xx
   * answer other than 204 fails with a "result unknown" error instead of returning nothing.
   */
  expectBody?: boolean;
  /**
   * The run's deadline (epoch ms, `Date.now()` scale), e.g. from an export drain or a trigger run: each
   * attempt gets only the time left, no attempt or retry wait starts past it, and a call it ends fails
   * with `code: "ST_DEADLINE"` (ServiceTitanDeadlineError).
   */
  deadlineAt?: number;
}

/** The answer of a tenant API call (the shape every transport returns, from core.ts). */
export type StResponse<T = unknown> = CoreResponse<T>;

/** Options of the tenant client; the timeout defaults to ServiceTitan's own server timeout, 100 s. */
export type ClientOptions = TransportOptions;

export interface ServiceTitanClient {
  readonly tenant: string;
  readonly apiBaseUrl: string;
  request<T = unknown>(req: StRequest): Promise<StResponse<T>>;
  /**
   * Where paging (Fetch All, export drains) reports its per-page detail: set when the client logs (Debug
   * Request or the platform's debug mode, see clientFor.ts), absent otherwise. Lines are redacted.
   */
  readonly progress?: (message: string) => void;
  /**
   * The execution log at info level, whether or not debug is on: where runs of several requests write
   * their throttled progress and closing lines (src/paging/progress.ts). Redacted; absent without a logger.
   */
  readonly runLog?: (message: string) => void;
  /** The waits this client's transport imposed so far (budget slots, retry back-offs): for closing lines. */
  readonly waits?: () => { count: number; ms: number };
}

/** The contract descriptors of a module, for finding an operation's rules (none for modules outside the catalog). */
const descriptorsOf = (module: string): readonly RuleTarget[] | undefined => operationsByModule[module as ModuleKey];

export const DEFAULT_TIMEOUT_MS = 100_000;

import { toJson } from "../core/json";

export { toJson };

/** One path parameter value, encoded as a single path segment. */
export const encodePathValue = (value: unknown): string => encodeURIComponent(String(value));

/**
 * Fills a path template ("/customers/{id}/notes") from `values` keyed by parameter name, each value
 * encoded as one segment; a value some server could still read as "." or ".." (or with a backslash or
 * control character) fails naming its input. A parameter without a value fails naming its input (`labelOf(name)`): cleaned
 * inputs never arrive empty, but a caller that skips cleaning must not send "/customers//notes".
 */
export const fillPath = (template: string, values: Record<string, unknown>, labelOf: (name: string) => string): string =>
  template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === "") fail(labelOf(name), "a value (this input is required)");
    const segment = encodePathValue(value);
    if (tenantPathProblem(`/${segment}`)) {
      fail(labelOf(name), 'a value that stays one path segment (not "." or "..", no backslash or control characters)', value);
    }
    return segment;
  });

/** Serialises query parameters; arrays repeat the key (OpenAPI form/explode, ServiceTitan's style). */
export const buildQuery = (query: QueryParams | undefined): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
};

export const createServiceTitanClient = (
  connection: Connection,
  options: ClientOptions = {},
): ServiceTitanClient => {
  const resolved = resolveConnection(connection);
  const settings = sendSettings(options, `${resolved.apiBaseUrl}|${resolved.tenant}`, DEFAULT_TIMEOUT_MS);
  const waited = { count: 0, ms: 0 };
  const onWait = (waitMs: number) => {
    waited.count += 1;
    waited.ms += waitMs;
  };

  const request = async <T>(req: StRequest): Promise<StResponse<T>> => {
    // The one check every caller passes: the final URL stays below this tenant's base on the API host.
    const url = tenantUrl(resolved.apiBaseUrl, req.module, resolved.tenant, req.path, buildQuery(req.query), req.version);
    const data = req.rawBody ? req.rawBody.data : req.body === undefined ? undefined : toJson(req.body);
    const headers: Record<string, string> = {
      Accept: req.responseType === "binary" ? "*/*" : "application/json",
      ...(req.headers ?? {}),
      Authorization: `Bearer ${resolved.accessToken}`,
      "ST-App-Key": resolved.appKey,
    };
    if (data !== undefined) headers["Content-Type"] = req.rawBody?.contentType ?? "application/json";

    // The operation's transport rules (rules.ts): paging is checked here, before anything is sent; the
    // budget and "repeatable" go to the attempt loop.
    const rules = rulesForRequest({ module: req.module, method: req.method, path: req.path, version: req.version, operationId: req.operationId }, descriptorsOf);
    checkPaging(rules, req.query);
    const budget = rules.budget && { ...rules.budget, key: budgetKey(rules, `${resolved.apiBaseUrl}|${resolved.tenant}`, req.path) };

    const call: FailedCall = { operation: req.operation, method: req.method, path: req.path, scope: req.scope, serverErrorMeans: rules.serverErrorMeans };
    return sendWithPolicy<T>(
      url,
      {
        method: req.method,
        headers,
        data,
        responseType: req.responseType,
        expectBody: req.expectBody,
        deadlineAt: req.deadlineAt,
        repeatable: rules.repeatable,
        budget,
      },
      call,
      { ...settings, label: "ServiceTitan", onWait, toError: (status, body, context) => toApiError(call, status, body, connection, context) },
    );
  };

  const logger = options.logger;
  const runLog = logger?.info ? (message: string) => logger.info?.(redact(message)) : undefined;
  const progress = options.debug ? runLog : undefined;
  const waits = () => ({ ...waited });
  return { tenant: resolved.tenant, apiBaseUrl: resolved.apiBaseUrl, request, waits, ...(progress ? { progress } : {}), ...(runLog ? { runLog } : {}) };
};
