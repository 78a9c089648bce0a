/**
 * The shared core of every transport in this component: one attempt loop that applies the rate limit,
 * sends the request, reads the answer, and decides — through retry.ts — whether to try again.
 *
 * Both the tenant client (client.ts, ServiceTitan's `/<module>/v2/tenant/<tenant>` APIs) and the Leads
 * Integration Platform client (src/leads/client.ts) call `sendWithPolicy`; they differ only in how they
 * build the URL and headers and in how an error body is turned into a message (`toError`).
 */
import { parseJsonExact } from "../core/json";
import axios, { type AxiosResponse } from "axios";
import {
  type FailedCall,
  type FailureContext,
  statedWaitTooLong,
  toBodyError,
  toBudgetError,
  toDeadlineError,
  toEmptyBodyError,
  toNetworkError,
} from "./errors";
import { budgetWindowFor } from "./budget";
import { DEFAULT_REQUESTS_PER_SECOND, type RateLimiter, rateLimiterFor, type Release } from "./rateLimit";
import { type Budget, isIdempotent } from "./rules";
import { redact, redactAndCut, redactHeaders, redactValue } from "../core/redact";
import {
  type AttemptOutcome,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isMaintenanceBody,
  type RetryPolicy,
  type StopReason,
} from "./retry";
import { serviceTitanWaitHint, type WaitHint } from "./waitHints";

export interface Logger {
  debug?: (...args: unknown[]) => void;
  info?: (...args: unknown[]) => void;
  warn?: (...args: unknown[]) => void;
}

export interface CoreResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
  contentType?: string;
}

/** What a caller may tune on either client (createServiceTitanClient, createLeadsClient). */
export interface TransportOptions {
  logger?: Logger;
  /** Log each request and response (redacted) through the logger. */
  debug?: boolean;
  /** Per-attempt timeout, wall clock, covering the whole answer body; each client has its own default. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  requestsPerSecond?: number;
  /** Replaceable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** The wall clock (epoch ms) for the run deadline, the time budget and HTTP-dates; replaceable for tests. */
  now?: () => number;
}

export interface SendInit {
  method: string;
  /** Complete request headers, credentials included (they are masked in every log line). */
  headers: Record<string, string>;
  /** Serialised body, or undefined for none. */
  data?: Buffer | string;
  /** "binary" returns the body as a Buffer. */
  responseType?: "json" | "binary";
  /**
   * When true, a failure after which the request may have reached the server (timeout, reset, 502/503/504,
   * cut-off body) is retried even though the method is POST or PATCH. Set it ONLY when the server
   * guarantees that repeating the request has no further effect — e.g. a Leads booking carrying an
   * idempotency token: ServiceTitan refuses a token it has already seen (error 11303, seed 003) instead
   * of creating a second booking. It does not promise to answer with the first booking, so the caller
   * has to read 11303 after a repeat itself (src/leads/actions.ts).
   */
  safeToRepeat?: boolean;
  /**
   * The operation's transport rule (rules.ts): whether a failure after which the request may have
   * reached the server is retried. Undefined: the method decides (GET, PUT, DELETE yes; POST, PATCH no).
   * A POST declared repeatable there only reads (ServiceTitan's report data, capacity).
   */
  repeatable?: boolean;
  /**
   * The operation's budget besides the tenant's (rules.ts), with the key its calls are counted under.
   * Every attempt waits for a slot; a wait longer than the call may wait fails before sending.
   */
  budget?: Budget & { key: string };
  /**
   * The answer promises a body (a create that returns the new record): a 2xx other than 204 with an
   * empty body is then an error whose outcome is unknown, not an empty success. It is not retried.
   */
  expectBody?: boolean;
  /**
   * The run's deadline (epoch ms, `Date.now()` scale): each attempt gets at most the time left, no
   * attempt or retry wait starts past it, and a call it ends fails with `code: "ST_DEADLINE"`.
   */
  deadlineAt?: number;
}

export interface SendOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  limiter: RateLimiter;
  sleep: (ms: number) => Promise<void>;
  /** Wall clock, epoch ms. */
  now: () => number;
  /** Reads the wait the server asks for from a failed answer (see retry.ts). */
  waitHint: WaitHint;
  logger?: Logger;
  debug?: boolean;
  /** Product name used in log lines, e.g. "ServiceTitan" or "ServiceTitan Leads". */
  label: string;
  /** Told of every wait the call makes before an attempt (a budget slot, a retry's back-off), with its length. */
  onWait?: (waitMs: number) => void;
  /** Turns a non-2xx answer into the Error thrown to the caller. */
  toError: (status: number, body: string, context: FailureContext) => Error;
}

/** Thrown errors carry how many attempts were made, so callers can reason about earlier attempts. */
export type AttemptedError = Error & { attempts?: number };

const DEBUG_BODY_LIMIT = 10_000;

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The part of SendOptions that comes from a client's TransportOptions: the retry policy over the
 * defaults, the shared rate limiter for `limiterKey` (one budget per host and account), the timeout,
 * and the client's way of reading a stated wait (`waitHint`, declared per client in waitHints.ts;
 * ServiceTitan's tenant APIs' by default).
 */
export const sendSettings = (
  options: TransportOptions,
  limiterKey: string,
  defaultTimeoutMs: number,
  waitHint: WaitHint = serviceTitanWaitHint,
): Omit<SendOptions, "label" | "toError"> => ({
  policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
  timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
  limiter: rateLimiterFor(limiterKey, options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND),
  sleep: options.sleep ?? defaultSleep,
  now: options.now ?? Date.now,
  waitHint,
  logger: options.logger,
  debug: options.debug,
});

export const lowerHeaders = (headers: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
};

/** Redacted before it is cut, so a secret straddling the cut leaves no fragment (src/core/redact.ts). */
const truncate = (text: string): string => redactAndCut(text, DEBUG_BODY_LIMIT, (length) => `… (${length} bytes)`);

const withAttempts = (error: Error, attempts: number): AttemptedError => {
  (error as AttemptedError).attempts = attempts;
  return error;
};

/**
 * Sends one logical request, with as many attempts as the retry policy allows. Returns the parsed 2xx
 * answer (or, for a 3xx, `{ redirectUrl }` — redirects are never followed with credentials attached);
 * throws the error built by `options.toError`, or a network/body/deadline error from errors.ts.
 *
 * Each attempt runs under a wall-clock timer that aborts it, body included (axios' own `timeout` only
 * watches an idle socket, so a body that trickles in would never time out).
 */
export const sendWithPolicy = async <T>(
  url: string,
  init: SendInit,
  call: FailedCall,
  options: SendOptions,
): Promise<CoreResponse<T>> => {
  const { policy, limiter, logger: log, label } = options;
  // Whether a failure may be repeated is decided by retry.ts alone. A request is repeatable when its
  // operation's rule says so (rules.ts: by default, when its method is idempotent) or when the caller
  // vouches for it (an idempotency token, see `safeToRepeat`).
  const methodIdempotent = isIdempotent(init.method);
  const ruled = init.repeatable ?? methodIdempotent;
  const repeatable = ruled || Boolean(init.safeToRepeat);
  const repeatNote = repeatable && !methodIdempotent ? (ruled ? ", repeatable: it only reads" : ", safe to repeat: idempotency token") : "";
  const { data, headers } = init;

  if (options.debug) {
    log?.info?.(
      redact(
        `${label} request: ${init.method} ${url}\nheaders: ${redactValue(redactHeaders(headers))}${
          data !== undefined && typeof data === "string" ? `\nbody: ${truncate(data)}` : ""
        }`,
      ),
    );
  }

  const now = options.now;
  /** When the call began; moved to when its first budget slot was granted, so time queued for a budget is not taken from its retries. */
  let started = now();
  const { deadlineAt } = init;
  const timeLeft = (): number | undefined => (deadlineAt === undefined ? undefined : deadlineAt - now());
  let attempt = 0;
  /** An earlier attempt was answered with something other than 401: the token was accepted then. */
  let tokenAccepted = false;
  /** The failure of the previous attempt, for a deadline that ends the call before the next one. */
  let previous: { error: Error; status?: number } | undefined;

  /** Waits and returns undefined when the attempt is to be repeated, else the reason to stop (retry.ts decides). */
  const retryOrStop = async (outcome: AttemptOutcome, statedWaitMs: number | undefined, cutAtDeadline: boolean): Promise<StopReason | undefined> => {
    const decision = decideRetry(
      outcome,
      repeatable,
      statedWaitMs,
      { attempt, elapsedMs: now() - started, leftMs: timeLeft(), cutAtDeadline },
      policy,
    );
    if (!decision.retry) return decision.stop;
    log?.warn?.(
      `${label} ${call.operation}: ${
        outcome.kind === "status"
          ? `HTTP ${outcome.status}`
          : outcome.kind === "badBody"
            ? "incomplete response body"
            : `network error ${outcome.code ?? ""}`.trim()
      }; retrying in ${decision.waitMs} ms${decision.stated ? " as the server asked" : ""} (attempt ${attempt + 1} of ${policy.maxAttempts}${repeatNote}).`,
    );
    options.onWait?.(decision.waitMs);
    await options.sleep(decision.waitMs);
    return undefined;
  };

  /** The error that ends the call, said in the terms of why it ended. */
  const ending = (error: Error, stop: StopReason, status: number | undefined, cutAtDeadline: boolean): AttemptedError => {
    if (stop.kind === "deadline") {
      const maybeCarriedOut = cutAtDeadline && !repeatable;
      return withAttempts(
        toDeadlineError(label, call, { attempts: attempt, askedMs: stop.askedMs, leftMs: stop.leftMs, last: error, status, maybeCarriedOut }),
        attempt,
      );
    }
    if (stop.kind === "waitTooLong") error.message = `${error.message} — ${statedWaitTooLong(stop.askedMs, stop.allowedMs)}`;
    return withAttempts(error, attempt);
  };

  const pastDeadline = (): AttemptedError | undefined => {
    const left = timeLeft();
    if (left === undefined || left > 0) return undefined;
    return withAttempts(
      toDeadlineError(label, call, { attempts: attempt, leftMs: 0, last: previous?.error, status: previous?.status }),
      attempt,
    );
  };

  /**
   * The operation's budget (rules.ts), taken before the tenant's slot so no tenant slot is held while
   * waiting. A wait longer than the call may wait — the policy's longest wait, or the time left before
   * the run's deadline — fails at once, nothing sent. Time spent waiting for earlier calls of the same
   * budget (pages read concurrently queue here) counts against neither.
   */
  const takeBudget = async (): Promise<Release> => {
    const budget = init.budget;
    if (!budget) return () => {};
    const window = budgetWindowFor(budget.key, budget.calls, budget.periodMs, { now, sleep: options.sleep });
    return window.acquire(
      (waitMs) => {
        const left = timeLeft();
        const allowed = policy.maxRetryAfterMs;
        const deadline = left !== undefined && waitMs >= left && left <= allowed;
        if (deadline || waitMs > allowed) {
          throw withAttempts(toBudgetError(label, call, { says: budget.says, waitMs, allowedMs: deadline ? Math.max(0, left as number) : allowed, deadline, attempts: attempt }), attempt);
        }
      },
      (waitMs) => {
        options.onWait?.(waitMs);
        if (options.debug) log?.info?.(redact(`${label} ${call.operation}: waiting ${Math.ceil(waitMs / 100) / 10} s for ServiceTitan's limit of ${budget.says}.`));
      },
    );
  };

  for (;;) {
    const late = pastDeadline();
    if (late) throw late;
    const releaseBudget = await takeBudget();
    if (attempt === 0 && init.budget) started = now();
    // The slot is held until the answer is in, so the rate limit holds for arrivals (rateLimit.ts).
    const releaseTenant = await limiter.acquire();
    const release = () => {
      releaseTenant();
      releaseBudget();
    };
    const lateAfterLimit = pastDeadline();
    if (lateAfterLimit) {
      release();
      throw lateAfterLimit;
    }
    attempt += 1;
    const left = timeLeft();
    const timeoutMs = left === undefined ? options.timeoutMs : Math.min(options.timeoutMs, left);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort();
      },
      Math.max(1, Math.ceil(timeoutMs)),
    );
    let response: AxiosResponse<Buffer> | undefined;
    let outcome: AttemptOutcome;
    let networkError: unknown;
    try {
      response = await axios.request<Buffer>({
        method: init.method,
        url,
        data,
        headers,
        signal: controller.signal,
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
      networkError = timedOut ? { code: "ECONNABORTED", message: `timeout of ${timeoutMs} ms exceeded` } : error;
      const e = networkError as { code?: string; message?: string };
      outcome = { kind: "network", code: e.code, message: e.message };
    } finally {
      clearTimeout(timer);
      release();
    }
    const cutAtDeadline = timedOut && timeoutMs < options.timeoutMs;

    let result: CoreResponse<T> | undefined;
    let failure: Error | undefined;
    if (response) {
      const status = response.status;
      const responseHeaders = lowerHeaders(response.headers);
      const raw = Buffer.isBuffer(response.data) ? response.data : Buffer.from(response.data ?? "");
      const contentType = responseHeaders["content-type"];
      const context: FailureContext = {
        attempts: attempt,
        elapsedMs: now() - started,
        tokenExpiredDuringRetries: status === 401 && tokenAccepted,
      };
      if (options.debug) {
        log?.info?.(
          redact(
            `${label} response: ${status} for ${init.method} ${call.path} in ${now() - started} ms\nbody: ${truncate(
              init.responseType === "binary" && status < 300 ? `<${raw.length} bytes>` : raw.toString("utf8"),
            )}`,
          ),
        );
      }
      if (status >= 200 && status < 300) {
        if (init.responseType === "binary") {
          result = { status, headers: responseHeaders, data: raw as unknown as T, contentType };
        } else {
          const text = raw.toString("utf8");
          if (!text.trim() && init.method === "GET" && status !== 204) {
            // A read that answers 2xx with nothing is a cut-off response, not an empty record.
            outcome = { kind: "badBody", status };
            failure = toBodyError(call, status, text);
          } else if (!text.trim() && init.expectBody && status !== 204) {
            // The record the call promises is missing: the write may have happened, so the outcome
            // stays a plain 2xx status, which is never retried.
            failure = toEmptyBodyError(call, status);
          } else if (!text.trim()) {
            result = { status, headers: responseHeaders, data: undefined as T, contentType };
          } else {
            try {
              result = { status, headers: responseHeaders, data: parseJsonExact(text) as T, contentType };
            } catch {
              // Never hand back a partial result. JSON that is cut short (or says no type) may be read
              // again on an idempotent call; a complete page of another type (a proxy's HTML) is not
              // worth repeating.
              const declaredOther = Boolean(contentType) && !/json/i.test(contentType ?? "");
              if (!declaredOther) outcome = { kind: "badBody", status };
              failure = toBodyError(call, status, text, contentType);
            }
          }
        }
      } else if (status >= 300 && status < 400 && init.responseType === "binary") {
        // Downloads may redirect to a storage URL; hand the location back instead of following it
        // with our credentials attached.
        result = { status, headers: responseHeaders, data: { redirectUrl: responseHeaders.location ?? null } as T, contentType };
      } else {
        const text = raw.toString("utf8");
        if (status === 409 && isMaintenanceBody(text)) outcome = { kind: "status", status, maintenance: true };
        failure = options.toError(status, text, context);
      }
      if (result) return result;

      const error = failure ?? options.toError(status, "", context);
      const stop = await retryOrStop(outcome, options.waitHint(status, responseHeaders, raw.toString("utf8"), now()), false);
      if (!stop) {
        if (status !== 401) tokenAccepted = true;
        previous = { error, status };
        continue;
      }
      throw ending(error, stop, status, false);
    }

    const error = toNetworkError(call, networkError, attempt);
    const stop = await retryOrStop(outcome, undefined, cutAtDeadline);
    if (!stop) {
      previous = { error };
      continue;
    }
    throw ending(error, stop, undefined, cutAtDeadline);
  }
};
