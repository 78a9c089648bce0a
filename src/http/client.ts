/**
 * The one transport: every action, data source and trigger reaches ServiceTitan through `request`.
 * It owns the base URL, auth headers, JSON in and out, timeouts, retries (retry.ts), the rate limit
 * (rateLimit.ts), error messages (errors.ts) and redaction (redact.ts).
 */
import axios, { type AxiosResponse } from "axios";
import type { Connection } from "@prismatic-io/spectral";
import type { HttpMethod } from "../operations/types";
import { resolveConnection } from "./endpoints";
import { toApiError, toBodyError, toNetworkError, type FailedCall } from "./errors";
import { DEFAULT_REQUESTS_PER_SECOND, rateLimiterFor } from "./rateLimit";
import { redact, redactHeaders, redactValue } from "./redact";
import {
  type AttemptOutcome,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry";

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
}

export interface StResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  contentType?: string;
}

export interface Logger {
  debug?: (...args: unknown[]) => void;
  info?: (...args: unknown[]) => void;
  warn?: (...args: unknown[]) => void;
}

export interface ClientOptions {
  logger?: Logger;
  /** Log each request and response (redacted) through the logger. */
  debug?: boolean;
  /** Per-attempt timeout; ServiceTitan's own server timeout is 100 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  requestsPerSecond?: number;
  /** Replaceable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ServiceTitanClient {
  readonly tenant: string;
  readonly apiBaseUrl: string;
  request<T = unknown>(req: StRequest): Promise<StResponse<T>>;
}

export const DEFAULT_TIMEOUT_MS = 100_000;
const DEBUG_BODY_LIMIT = 10_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** JSON with bigint support: int64 IDs beyond 2^53 are written as exact integer literals. */
export const toJson = (value: unknown): string => {
  let hasBig = false;
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === "bigint") {
      hasBig = true;
      return `__st_bigint__${v.toString()}__`;
    }
    return v;
  });
  return hasBig ? text.replace(/"__st_bigint__(-?\d+)__"/g, "$1") : text;
};

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

const lowerHeaders = (headers: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
};

const truncate = (text: string): string =>
  text.length > DEBUG_BODY_LIMIT ? `${text.slice(0, DEBUG_BODY_LIMIT)}… (${text.length} bytes)` : text;

export const createServiceTitanClient = (
  connection: Connection,
  options: ClientOptions = {},
): ServiceTitanClient => {
  const resolved = resolveConnection(connection);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? defaultSleep;
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limiter = rateLimiterFor(
    `${resolved.apiBaseUrl}|${resolved.tenant}`,
    options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
  );
  const log = options.logger;

  const request = async <T>(req: StRequest): Promise<StResponse<T>> => {
    if (!req.path.startsWith("/") || req.path.includes("..") || /^[a-z]+:/i.test(req.path)) {
      throw new Error(`Path: expected a path below the tenant base starting with "/", got "${redact(req.path)}".`);
    }
    const url = `${resolved.apiBaseUrl}/${req.module}/v2/tenant/${resolved.tenant}${req.path}${buildQuery(req.query)}`;
    const call: FailedCall = { operation: req.operation, method: req.method, path: req.path, scope: req.scope };
    const data = req.rawBody ? req.rawBody.data : req.body === undefined ? undefined : toJson(req.body);
    const headers: Record<string, string> = {
      Accept: req.responseType === "binary" ? "*/*" : "application/json",
      ...(req.headers ?? {}),
      Authorization: `Bearer ${resolved.accessToken}`,
      "ST-App-Key": resolved.appKey,
    };
    if (data !== undefined) headers["Content-Type"] = req.rawBody?.contentType ?? "application/json";

    if (options.debug) {
      log?.info?.(
        redact(
          `ServiceTitan request: ${req.method} ${url}\nheaders: ${redactValue(redactHeaders(headers))}${
            data !== undefined && typeof data === "string" ? `\nbody: ${truncate(data)}` : ""
          }`,
        ),
      );
    }

    const started = Date.now();
    let attempt = 0;
    for (;;) {
      attempt += 1;
      await limiter.acquire();
      let response: AxiosResponse<Buffer> | undefined;
      let outcome: AttemptOutcome;
      let networkError: unknown;
      try {
        response = await axios.request<Buffer>({
          method: req.method,
          url,
          data,
          headers,
          timeout,
          responseType: "arraybuffer",
          transformResponse: [(body) => body],
          validateStatus: () => true,
          maxRedirects: 0,
          maxContentLength: Number.POSITIVE_INFINITY,
          maxBodyLength: Number.POSITIVE_INFINITY,
          proxy: false,
        });
        outcome = { kind: "status", status: response.status };
      } catch (error) {
        networkError = error;
        const e = error as { code?: string; message?: string };
        outcome = { kind: "network", code: e.code, message: e.message };
      }

      let result: StResponse<T> | undefined;
      let failure: Error | undefined;
      if (response) {
        const status = response.status;
        const responseHeaders = lowerHeaders(response.headers);
        const raw = Buffer.isBuffer(response.data) ? response.data : Buffer.from(response.data ?? "");
        const contentType = responseHeaders["content-type"];
        if (options.debug) {
          log?.info?.(
            redact(
              `ServiceTitan response: ${status} for ${req.method} ${req.path} in ${Date.now() - started} ms\nbody: ${truncate(
                req.responseType === "binary" && status < 300 ? `<${raw.length} bytes>` : raw.toString("utf8"),
              )}`,
            ),
          );
        }
        if (status >= 200 && status < 300) {
          if (req.responseType === "binary") {
            result = { status, headers: responseHeaders, data: raw as unknown as T, contentType };
          } else {
            const text = raw.toString("utf8");
            if (!text.trim()) {
              result = { status, headers: responseHeaders, data: undefined as T, contentType };
            } else {
              try {
                result = { status, headers: responseHeaders, data: JSON.parse(text) as T, contentType };
              } catch {
                // A 2xx whose JSON is cut short or is an HTML page: never hand back a partial result.
                outcome = { kind: "badBody", status };
                failure = toBodyError(call, status, text);
              }
            }
          }
        } else if (status >= 300 && status < 400) {
          // Downloads may redirect to a storage URL; hand the location back instead of following it
          // with our credentials attached.
          result = {
            status,
            headers: responseHeaders,
            data: { redirectUrl: responseHeaders.location ?? null } as T,
            contentType,
          };
        } else {
          failure = toApiError(call, status, raw.toString("utf8"), connection);
        }
        if (result) return result;

        const retryAfter = status === 429 ? parseRetryAfter(responseHeaders["retry-after"]) : undefined;
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
          throw failure ?? toApiError(call, status, "", connection);
        }
        if (await shouldWait(outcome, retryAfter)) continue;
        throw failure ?? toApiError(call, status, "", connection);
      }

      if (await shouldWait(outcome, undefined)) continue;
      throw toNetworkError(call, networkError, attempt);
    }

    async function shouldWait(outcome: AttemptOutcome, retryAfter: number | undefined): Promise<boolean> {
      if (attempt >= policy.maxAttempts || !isRetryable(req.method, outcome)) return false;
      const wait = backoffDelay(attempt, retryAfter, policy);
      if (Date.now() - started + wait > policy.totalBudgetMs) return false;
      log?.warn?.(
        `ServiceTitan ${req.operation}: ${
          outcome.kind === "status"
            ? `HTTP ${outcome.status}`
            : outcome.kind === "badBody"
              ? "incomplete response body"
              : `network error ${outcome.code ?? ""}`.trim()
        }; retrying in ${wait} ms (attempt ${attempt + 1} of ${policy.maxAttempts}).`,
      );
      await sleep(wait);
      return true;
    }
  };

  return { tenant: resolved.tenant, apiBaseUrl: resolved.apiBaseUrl, request };
};
