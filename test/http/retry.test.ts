import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isIdempotent,
  isRetryable,
  parseRetryAfter,
  serviceTitanWaitHint,
  waitFromBody,
} from "../../src/http/retry";

describe("retry policy", () => {
  test("429 is retried on every method, POST and PATCH included", () => {
    for (const m of ["GET", "POST", "PATCH", "PUT", "DELETE"]) expect(isRetryable(m, { kind: "status", status: 429 })).toBe(true);
  });

  test("502/503/504 are retried only on idempotent methods", () => {
    for (const status of [502, 503, 504]) {
      expect(isRetryable("GET", { kind: "status", status })).toBe(true);
      expect(isRetryable("PUT", { kind: "status", status })).toBe(true);
      expect(isRetryable("POST", { kind: "status", status })).toBe(false);
      expect(isRetryable("PATCH", { kind: "status", status })).toBe(false);
    }
  });

  test("client errors and 500 are not retried", () => {
    for (const status of [400, 401, 403, 404, 409, 500]) expect(isRetryable("GET", { kind: "status", status })).toBe(false);
  });

  test("a reset may have reached the server: idempotent only; a refused connect never did: any method", () => {
    expect(isRetryable("GET", { kind: "network", code: "ECONNRESET" })).toBe(true);
    expect(isRetryable("POST", { kind: "network", code: "ECONNRESET" })).toBe(false);
    expect(isRetryable("POST", { kind: "network", message: "socket hang up" })).toBe(false);
    expect(isRetryable("POST", { kind: "network", code: "ECONNREFUSED" })).toBe(true);
    expect(isRetryable("PATCH", { kind: "network", code: "ECONNABORTED" })).toBe(false);
  });

  test("a cut-off 2xx body is re-read only for idempotent methods", () => {
    expect(isRetryable("GET", { kind: "badBody", status: 200 })).toBe(true);
    expect(isRetryable("POST", { kind: "badBody", status: 200 })).toBe(false);
  });

  test("idempotent methods", () => {
    expect(["GET", "PUT", "DELETE", "HEAD", "OPTIONS"].every(isIdempotent)).toBe(true);
    expect(isIdempotent("POST") || isIdempotent("PATCH")).toBe(false);
  });

  test("Retry-After in seconds and as an HTTP-date", () => {
    expect(parseRetryAfter("1")).toBe(1000);
    expect(parseRetryAfter("2.5")).toBe(2500);
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  test("Retry-After wins over backoff; backoff grows, has jitter and is capped", () => {
    expect(backoffDelay(3, 1234)).toBe(1234);
    const low = () => 0;
    const high = () => 1;
    expect(backoffDelay(1, undefined, DEFAULT_RETRY_POLICY, low)).toBe(250);
    expect(backoffDelay(1, undefined, DEFAULT_RETRY_POLICY, high)).toBe(500);
    expect(backoffDelay(3, undefined, DEFAULT_RETRY_POLICY, high)).toBe(2000);
    expect(backoffDelay(30, undefined, DEFAULT_RETRY_POLICY, high)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});

describe("stated waits", () => {
  const now = Date.parse("2026-11-22T10:00:00Z");
  const title = (t: string) => JSON.stringify({ status: 429, title: t, traceId: "x" });

  test("a 429 body's title gives the wait; Retry-After wins when both are there", () => {
    expect(serviceTitanWaitHint(429, {}, title("Rate limit is exceeded. Try again in 50 seconds."), now)).toBe(50_000);
    expect(serviceTitanWaitHint(429, { "retry-after": "2" }, title("Rate limit is exceeded. Try again in 50 seconds."), now)).toBe(2000);
    expect(waitFromBody("Please retry after 2 minutes")).toBe(120_000);
    expect(waitFromBody("TRY AGAIN IN 1 SECOND")).toBe(1000);
    expect(waitFromBody("Rate limit is exceeded.")).toBeUndefined();
  });

  test("Retry-After counts on 503 (seconds or HTTP-date); a body's words count only on 429", () => {
    expect(serviceTitanWaitHint(503, { "retry-after": "Sun, 22 Nov 2026 10:00:05 GMT" }, "", now)).toBe(5000);
    expect(serviceTitanWaitHint(503, {}, title("Try again in 9 seconds."), now)).toBeUndefined();
    expect(serviceTitanWaitHint(502, { "retry-after": "3" }, "", now)).toBeUndefined();
  });
});

describe("decideRetry", () => {
  const throttled = { kind: "status", status: 429 } as const;
  const unavailable = { kind: "status", status: 503 } as const;

  test("a stated wait is used as it is, never backoff", () => {
    expect(decideRetry(throttled, true, 7000, { attempt: 1, elapsedMs: 0 }, DEFAULT_RETRY_POLICY, () => 0)).toEqual({ retry: true, waitMs: 7000, stated: true });
  });

  test("a stated wait over the cap or the remaining budget stops with what was asked and allowed", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 20_000, totalBudgetMs: 60_000 };
    expect(decideRetry(throttled, true, 30_000, { attempt: 1, elapsedMs: 0 }, policy)).toEqual({
      retry: false,
      stop: { kind: "waitTooLong", askedMs: 30_000, allowedMs: 20_000 },
    });
    expect(decideRetry(throttled, true, 15_000, { attempt: 1, elapsedMs: 50_000 }, policy)).toEqual({
      retry: false,
      stop: { kind: "waitTooLong", askedMs: 15_000, allowedMs: 10_000 },
    });
  });

  test("the deadline: no wait that ends at or past it; it wins when it is the tighter limit", () => {
    expect(decideRetry(throttled, true, 5000, { attempt: 1, elapsedMs: 0, leftMs: 5000 })).toEqual({
      retry: false,
      stop: { kind: "deadline", askedMs: 5000, leftMs: 5000 },
    });
    expect(decideRetry(unavailable, true, undefined, { attempt: 1, elapsedMs: 0, leftMs: 100 }, DEFAULT_RETRY_POLICY, () => 1)).toEqual({
      retry: false,
      stop: { kind: "deadline", leftMs: 100 },
    });
    expect(decideRetry(unavailable, true, undefined, { attempt: 1, elapsedMs: 0, leftMs: 10_000 }, DEFAULT_RETRY_POLICY, () => 1)).toEqual({
      retry: true,
      waitMs: 500,
      stated: false,
    });
    // An attempt cut off by the deadline's shortened timeout ends the call even on a POST.
    expect(decideRetry({ kind: "network", code: "ECONNABORTED" }, false, undefined, { attempt: 1, elapsedMs: 0, leftMs: 0, cutAtDeadline: true }).retry).toBe(false);
  });

  test("not retryable or out of attempts: stops without waiting", () => {
    expect(decideRetry(unavailable, false, 1000, { attempt: 1, elapsedMs: 0 })).toEqual({ retry: false, stop: { kind: "notRetryable" } });
    expect(decideRetry(throttled, true, 1000, { attempt: 8, elapsedMs: 0 })).toEqual({ retry: false, stop: { kind: "attempts", attempts: 8 } });
  });
});
