/**
 * Retry policy: the one place that decides whether a failed attempt is repeated and how long to wait.
 *
 * - 429 is retried on every method: ServiceTitan refused the request, so nothing happened.
 * - 502/503/504, resets, timeouts and a cut-off 2xx body are retried only on repeatable requests: an
 *   idempotent method, or a POST that only reads and is declared repeatable in rules.ts. A write that
 *   may have reached ServiceTitan is never sent twice.
 * - Connect-phase failures (refused, DNS) never reached the server and are retried on every method.
 * - A wait the server states is honoured exactly, once per wait, and never replaced by backoff. Each
 *   client reads it with its own `WaitHint`, declared as data in waitHints.ts (ServiceTitan's: `Retry-After`
 *   on 429 and 503, else a 429 body's title "Rate limit is exceeded. Try again in N seconds.").
 *   A stated wait longer than the policy's cap or the call's remaining budget ends the call at once.
 * - Without a stated wait: exponential backoff with jitter, capped; a total time budget bounds the call.
 * - A run deadline (`deadlineAt`) is never overrun: no wait that would end at or after it is started.
 */
import type { HttpMethod } from "../operations/types";
import { isIdempotent } from "./rules";

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

export { isIdempotent };
// Where each client reads a stated wait: waitHints.ts (data per client).
export { parseRetryAfter, retryAfterHint, serviceTitanWaitHint, type WaitHint, waitFromBody } from "./waitHints";

/** Network error codes raised before the request could reach the server. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** Network error codes where the request may have reached the server. */
const MAYBE_SENT = new Set(["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "ERR_SOCKET_CONNECTION_TIMEOUT"]);

/** What happened on one attempt. */
export type AttemptOutcome =
  /** `maintenance`: a 409 whose body says the service is suspended for maintenance (see isMaintenanceBody). */
  | { kind: "status"; status: number; maintenance?: boolean }
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
      // ServiceTitan's maintenance 409 succeeds when repeated (live tenants, api facts §12): like a 503.
      if (outcome.status === 409 && outcome.maintenance) return repeatable;
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

/** ServiceTitan's "The service is suspended for maintenance. Please try again later." (a 409, live tenants). */
export const isMaintenanceBody = (body: string): boolean => /suspended for maintenance/i.test(body.slice(0, 4000));

/** Why a failed attempt was not followed by another. */
export type StopReason =
  | { kind: "notRetryable" }
  | { kind: "attempts"; attempts: number }
  | { kind: "budget" }
  /** The server asked for a wait longer than the policy's cap or the call's remaining time budget. */
  | { kind: "waitTooLong"; askedMs: number; allowedMs: number }
  /** The run's deadline: the wait (stated, `askedMs`, or computed) would end at or after it, or it has passed. */
  | { kind: "deadline"; askedMs?: number; leftMs: number };

export type RetryDecision = { retry: true; waitMs: number; stated: boolean } | { retry: false; stop: StopReason };

export interface RetryState {
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** Time since the first attempt started. */
  elapsedMs: number;
  /** Time left before the run's deadline, when there is one. */
  leftMs?: number;
  /** The attempt was cut short by a timeout shortened to the time left before the deadline. */
  cutAtDeadline?: boolean;
}

/**
 * The one retry decision: after a failed attempt with `outcome` (and the wait the server stated, if
 * any), either wait `waitMs` and try again, or stop and say why.
 */
export const decideRetry = (
  outcome: AttemptOutcome,
  repeatable: boolean,
  statedWaitMs: number | undefined,
  state: RetryState,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision => {
  const stop = (reason: StopReason): RetryDecision => ({ retry: false, stop: reason });
  const left = state.leftMs;
  if (state.cutAtDeadline || (left !== undefined && left <= 0)) return stop({ kind: "deadline", leftMs: Math.max(0, left ?? 0) });
  if (!isRetryableOutcome(outcome, repeatable)) return stop({ kind: "notRetryable" });
  if (state.attempt >= policy.maxAttempts) return stop({ kind: "attempts", attempts: state.attempt });
  const budgetLeft = Math.max(0, policy.totalBudgetMs - state.elapsedMs);
  if (statedWaitMs !== undefined) {
    const allowed = Math.min(policy.maxRetryAfterMs, budgetLeft);
    // The deadline is reported as such when it is the tighter limit: callers tell it apart by its code.
    if (left !== undefined && statedWaitMs >= left && left <= allowed) return stop({ kind: "deadline", askedMs: statedWaitMs, leftMs: left });
    if (statedWaitMs > allowed) return stop({ kind: "waitTooLong", askedMs: statedWaitMs, allowedMs: allowed });
    return { retry: true, waitMs: statedWaitMs, stated: true };
  }
  const wait = backoffDelay(state.attempt, undefined, policy, random);
  if (wait > budgetLeft) return stop({ kind: "budget" });
  if (left !== undefined && wait >= left) return stop({ kind: "deadline", leftMs: left });
  return { retry: true, waitMs: wait, stated: false };
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
