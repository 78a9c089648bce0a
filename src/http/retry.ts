/**
 * Retry policy: the one place that decides whether a failed attempt is repeated and how long to wait.
 *
 * - 429 is retried on every method: ServiceTitan refused the request, so nothing happened.
 * - 502/503/504, resets, timeouts and a cut-off 2xx body are retried only on idempotent methods:
 *   a POST or PATCH that may have reached ServiceTitan is never sent twice.
 * - Connect-phase failures (refused, DNS) never reached the server and are retried on every method.
 * - Waits honour Retry-After (seconds or HTTP-date), else exponential backoff with jitter, capped;
 *   a total time budget bounds the whole call.
 */
import type { HttpMethod } from "../operations/types";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step when no Retry-After is given. */
  baseDelayMs: number;
  /** Largest computed backoff step. */
  maxDelayMs: number;
  /** Largest Retry-After honoured; a longer one ends the call with an error instead of stalling it. */
  maxRetryAfterMs: number;
  /** Time from the first attempt after which no new attempt starts. */
  totalBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
  totalBudgetMs: 300_000,
};

const IDEMPOTENT = new Set<string>(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
export const isIdempotent = (method: HttpMethod | string): boolean => IDEMPOTENT.has(method.toUpperCase());

/** Network error codes raised before the request could reach the server. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** Network error codes where the request may have reached the server. */
const MAYBE_SENT = new Set(["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "ERR_SOCKET_CONNECTION_TIMEOUT"]);

/** What happened on one attempt. */
export type AttemptOutcome =
  | { kind: "status"; status: number }
  | { kind: "network"; code?: string; message?: string }
  | { kind: "badBody"; status: number };

/**
 * Whether an attempt that ended with `outcome` may be made again. `repeatable` says whether sending the
 * request a second time can have no further effect: true for an idempotent method, or for a request the
 * server itself refuses to apply twice (an idempotency token).
 */
export const isRetryableOutcome = (outcome: AttemptOutcome, repeatable: boolean): boolean => {
  switch (outcome.kind) {
    case "status":
      if (outcome.status === 429) return true;
      return [502, 503, 504].includes(outcome.status) && repeatable;
    case "badBody":
      return repeatable;
    case "network": {
      const code = outcome.code ?? "";
      if (NEVER_SENT.has(code)) return true;
      if (MAYBE_SENT.has(code) || /socket hang up/i.test(outcome.message ?? "")) return repeatable;
      return false;
    }
  }
};

/** `isRetryableOutcome` for a plain request, judged by its method alone. */
export const isRetryable = (method: HttpMethod | string, outcome: AttemptOutcome): boolean =>
  isRetryableOutcome(outcome, isIdempotent(method));

/** Parses Retry-After: delta-seconds or an HTTP-date. Returns milliseconds, or undefined. */
export const parseRetryAfter = (value: unknown, now: number = Date.now()): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = String(Array.isArray(value) ? value[0] : value).trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
};

/**
 * The wait before attempt number `attempt + 1` (attempt counts from 1). Retry-After wins when present;
 * otherwise "full jitter" exponential backoff: random in [step/2, step], step = base·2^(attempt-1).
 */
export const backoffDelay = (
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number => {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
};
