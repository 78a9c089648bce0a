/**
 * Edges of the retry policy and the rate limiter found by mutation testing (npm run mutation -- http):
 * every never-sent network code, unknown codes, Retry-After text variants, the smallest limiter, and a
 * grant with no wait not waiting for a timer.
 */
import { RateLimiter } from "../../src/http/rateLimit";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isMaintenanceBody,
  isRetryable,
  isRetryableOutcome,
  parseRetryAfter,
} from "../../src/http/retry";

describe("network failures", () => {
  test("every connect-phase failure is retried even on a POST (the request never left)", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]) {
      expect([code, isRetryable("POST", { kind: "network", code })]).toEqual([code, true]);
    }
  });

  test("every failure that may have reached the server is retried on a read, never on a POST", () => {
    for (const code of ["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "ERR_SOCKET_CONNECTION_TIMEOUT"]) {
      expect([code, isRetryable("GET", { kind: "network", code }), isRetryable("POST", { kind: "network", code })]).toEqual([
        code,
        true,
        false,
      ]);
    }
  });

  test("a socket hang-up is retried on a read", () => {
    expect(isRetryable("GET", { kind: "network", message: "Socket hang up" })).toBe(true);
  });

  test("an unknown network error is not retried, whatever the method", () => {
    for (const m of ["GET", "POST"]) {
      expect(isRetryable(m, { kind: "network", code: "EPROTO", message: "wrong version number" })).toBe(false);
      expect(isRetryable(m, { kind: "network" })).toBe(false);
    }
  });
});

describe("Retry-After text", () => {
  test("surrounding spaces are ignored; a list header uses its first value", () => {
    expect(parseRetryAfter(" 2 ")).toBe(2000);
    expect(parseRetryAfter(["3", "5"])).toBe(3000);
  });

  test("fractions of a second are kept to the millisecond", () => {
    expect(parseRetryAfter("2.25")).toBe(2250);
  });

  test("a number with other text around it is neither seconds nor a date", () => {
    expect(parseRetryAfter("5 seconds")).toBeUndefined();
    expect(parseRetryAfter("x5")).toBeUndefined();
  });
});

describe("rate limiter edges", () => {
  test("one request a second is a valid limit: the second grant waits a full second", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    expect(limiter.reserve()).toBe(0);
    expect(limiter.reserve()).toBe(1000);
    now = 400;
    expect(limiter.reserve()).toBe(1600);
  });

  test("a rate that is not a number is refused", () => {
    expect(() => new RateLimiter(Number.NaN)).toThrow("Rate limit: expected at least 1 request per second, got NaN.");
  });

  test("a grant with nothing to wait for does not wait for a timer", async () => {
    jest.useFakeTimers();
    try {
      const limiter = new RateLimiter(2);
      let granted = 0;
      // Each request is answered at once (released on grant): the third waits only for the window's timer.
      const grant = () =>
        void limiter.acquire().then((release) => {
          release();
          granted += 1;
        });
      grant();
      grant();
      grant();
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      expect(granted).toBe(2); // the third waits for its timer
      jest.advanceTimersByTime(1000);
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      expect(granted).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the retry decision at its exact limits", () => {
  const throttled = { kind: "status", status: 429 } as const;
  const unavailable = { kind: "status", status: 503 } as const;
  const at = (attempt: number, elapsedMs: number, leftMs?: number) => ({ attempt, elapsedMs, ...(leftMs === undefined ? {} : { leftMs }) });
  const high = () => 1;

  test("a deadline already reached stops the call, and the time left is never reported below 0", () => {
    expect(decideRetry(throttled, true, 10, at(1, 0, 0))).toEqual({ retry: false, stop: { kind: "deadline", leftMs: 0 } });
    expect(decideRetry(throttled, true, 10, at(1, 0, -250))).toEqual({ retry: false, stop: { kind: "deadline", leftMs: 0 } });
    expect(decideRetry(throttled, true, 10, { attempt: 1, elapsedMs: 0, cutAtDeadline: true })).toEqual({
      retry: false,
      stop: { kind: "deadline", leftMs: 0 },
    });
    expect(decideRetry(throttled, true, 10, at(1, 0, 11))).toEqual({ retry: true, waitMs: 10, stated: true });
  });

  test("the last allowed attempt is followed by no other; the one before it is", () => {
    expect(decideRetry(throttled, true, 1000, at(7, 0)).retry).toBe(true);
    expect(decideRetry(throttled, true, 1000, at(8, 0))).toEqual({ retry: false, stop: { kind: "attempts", attempts: 8 } });
  });

  test("a stated wait of exactly the cap is honoured; the budget spent leaves 0 allowed, never less", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 20_000, totalBudgetMs: 60_000 };
    expect(decideRetry(throttled, true, 20_000, at(1, 0), policy)).toEqual({ retry: true, waitMs: 20_000, stated: true });
    expect(decideRetry(throttled, true, 20_001, at(1, 0), policy)).toEqual({
      retry: false,
      stop: { kind: "waitTooLong", askedMs: 20_001, allowedMs: 20_000 },
    });
    expect(decideRetry(throttled, true, 1000, at(1, 90_000), policy)).toEqual({
      retry: false,
      stop: { kind: "waitTooLong", askedMs: 1000, allowedMs: 0 },
    });
  });

  test("a stated wait ending just before the deadline is honoured; the deadline is named only when it is the tighter limit", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 20_000 };
    expect(decideRetry(throttled, true, 4_999, at(1, 0, 5_000), policy)).toEqual({ retry: true, waitMs: 4_999, stated: true });
    // Asked 30 s: with 20 s left and 20 s allowed the deadline is the limit; with 25 s left the cap is.
    expect(decideRetry(throttled, true, 30_000, at(1, 0, 20_000), policy)).toEqual({
      retry: false,
      stop: { kind: "deadline", askedMs: 30_000, leftMs: 20_000 },
    });
    expect(decideRetry(throttled, true, 30_000, at(1, 0, 25_000), policy)).toEqual({
      retry: false,
      stop: { kind: "waitTooLong", askedMs: 30_000, allowedMs: 20_000 },
    });
  });

  test("a backoff of exactly the budget left is waited; one more millisecond spent stops the call", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, totalBudgetMs: 10_000 };
    expect(decideRetry(unavailable, true, undefined, at(1, 9_500), policy, high)).toEqual({ retry: true, waitMs: 500, stated: false });
    expect(decideRetry(unavailable, true, undefined, at(1, 9_501), policy, high)).toEqual({ retry: false, stop: { kind: "budget" } });
  });

  test("a backoff ending exactly at the deadline is not started; one ending before it is", () => {
    expect(decideRetry(unavailable, true, undefined, at(1, 0, 500), DEFAULT_RETRY_POLICY, high)).toEqual({
      retry: false,
      stop: { kind: "deadline", leftMs: 500 },
    });
    expect(decideRetry(unavailable, true, undefined, at(1, 0, 501), DEFAULT_RETRY_POLICY, high)).toEqual({
      retry: true,
      waitMs: 500,
      stated: false,
    });
  });

  test("backoff is half the step plus a random share of the other half, rounded to the millisecond", () => {
    expect(backoffDelay(2, undefined, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(750);
    expect(backoffDelay(1, undefined, { ...DEFAULT_RETRY_POLICY, baseDelayMs: 3 }, () => 0.5)).toBe(2);
    expect(backoffDelay(1, undefined, { ...DEFAULT_RETRY_POLICY, baseDelayMs: 3 }, () => 1)).toBe(3);
  });
});

describe("ServiceTitan's maintenance 409", () => {
  test("is retried like a 503: on a repeatable request only; a plain 409 never", () => {
    expect(isRetryableOutcome({ kind: "status", status: 409, maintenance: true }, true)).toBe(true);
    expect(isRetryableOutcome({ kind: "status", status: 409, maintenance: true }, false)).toBe(false);
    expect(isRetryableOutcome({ kind: "status", status: 409 }, true)).toBe(false);
    expect(isRetryableOutcome({ kind: "status", status: 500 }, true)).toBe(false);
    expect(isRetryableOutcome({ kind: "badBody", status: 200 }, true)).toBe(true);
    expect(isRetryableOutcome({ kind: "badBody", status: 200 }, false)).toBe(false);
  });

  test("is told by its body's words, in any case, within the body's first 4000 characters", () => {
    expect(isMaintenanceBody('{"detail":"The service is Suspended For Maintenance. Please try again later."}')).toBe(true);
    expect(isMaintenanceBody('{"detail":"conflict"}')).toBe(false);
    expect(isMaintenanceBody(`${" ".repeat(3_975)}suspended for maintenance`)).toBe(true);
    expect(isMaintenanceBody(`${" ".repeat(3_976)}suspended for maintenance`)).toBe(false);
  });
});
