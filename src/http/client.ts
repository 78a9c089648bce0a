/**
 * The one transport: every action, data source and trigger reaches ServiceTitan through `request`.
 * It owns the base URL and auth headers; the attempt loop (timeouts, retries via retry.ts, the rate
 * limit, JSON parsing, debug logging) is core.ts's `sendWithPolicy`, shared with the Leads client;
 * error messages come from errors.ts and redaction from redact.ts.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { HttpMethod } from "../operations/types";
import { type CoreResponse, sendSettings, sendWithPolicy, type TransportOptions } from "./core";
import { resolveConnection } from "./endpoints";
import { toApiError, type FailedCall } from "./errors";
import { fail } from "../inputs/clean";
import { redact } from "./redact";

export type { Logger } from "./core";

export type QueryValue = string | number | boolean | bigint | null | undefined | Array<string | number | bigint>;
export type QueryParams = Record<string, QueryValue>;

export interface StRequest {
  /** API module path segment, e.g. "crm", "jpm", "equipmentsystems". */
  module: string;
  method: HttpMethod;
  /** Path below the tenant base, starting with "/", path parameters already encoded. */
  path: string;
  query?: QueryParams;
  /** JSON body (serialised here; bigint values are written as exact integers). */
  body?: unknown;
  /** A pre-built body (e.g. multipart form data) sent as-is, with its own headers. */
  rawBody?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
  /** Human name of the operation for error messages, e.g. "Create Customer". */
  operation: string;
  /** OAuth scope the operation needs (named in 403 messages). */
  scope?: string;
  /** "binary" returns the body as a Buffer with its content type. */
  responseType?: "json" | "binary";
  /**
   * The operation promises a body on success (a create returning the new record): an empty 2xx
   * answer other than 204 fails with a "result unknown" error instead of returning nothing.
   */
  expectBody?: boolean;
  /** Epoch ms by which the run must be done: the request (all its attempts) gets only the time left. */
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
}

export const DEFAULT_TIMEOUT_MS = 100_000;

import { toJson } from "./json";

export { toJson };

/** One path parameter value, encoded as a single path segment. */
export const encodePathValue = (value: unknown): string => encodeURIComponent(String(value));

/**
 * Fills a path template ("/customers/{id}/notes") from `values` keyed by parameter name, each value
 * encoded as one segment. A parameter without a value fails naming its input (`labelOf(name)`): cleaned
 * inputs never arrive empty, but a caller that skips cleaning must not send "/customers//notes".
 */
export const fillPath = (template: string, values: Record<string, unknown>, labelOf: (name: string) => string): string =>
  template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === "") fail(labelOf(name), "a value (this input is required)");
    return encodePathValue(value);
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

  const request = async <T>(req: StRequest): Promise<StResponse<T>> => {
    if (!req.path.startsWith("/") || req.path.includes("..") || /^[a-z]+:/i.test(req.path)) {
      throw new Error(`Path: expected a path below the tenant base starting with "/", got "${redact(req.path)}".`);
    }
    const url = `${resolved.apiBaseUrl}/${req.module}/v2/tenant/${resolved.tenant}${req.path}${buildQuery(req.query)}`;
    const data = req.rawBody ? req.rawBody.data : req.body === undefined ? undefined : toJson(req.body);
    const headers: Record<string, string> = {
      Accept: req.responseType === "binary" ? "*/*" : "application/json",
      ...(req.headers ?? {}),
      Authorization: `Bearer ${resolved.accessToken}`,
      "ST-App-Key": resolved.appKey,
    };
    if (data !== undefined) headers["Content-Type"] = req.rawBody?.contentType ?? "application/json";

    const call: FailedCall = { operation: req.operation, method: req.method, path: req.path, scope: req.scope };
    return sendWithPolicy<T>(
      url,
      { method: req.method, headers, data, responseType: req.responseType, expectBody: req.expectBody },
      call,
      { ...settings, label: "ServiceTitan", toError: (status, body) => toApiError(call, status, body, connection) },
    );
  };

  return { tenant: resolved.tenant, apiBaseUrl: resolved.apiBaseUrl, request };
};
