/**
 * Edges of the retry policy and the rate limiter found by mutation testing (npm run mutation -- http):
 * every never-sent network code, unknown codes, Retry-After text variants, the smallest limiter, and a
 * grant with no wait not waiting for a timer.
 */
import { RateLimiter } from "../../src/http/rateLimit";
import { isRetryable, parseRetryAfter } from "../../src/http/retry";

describe("network failures", () => {
  test("every connect-phase failure is retried even on a POST (the request never left)", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]) {
      expect([code, isRetryable("POST", { kind: "network", code })]).toEqual([code, true]);
    }
  });

  test("every failure that may have reached the server is retried on a read, never on a POST", () => {
    for (const code of ["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "ERR_SOCKET_CONNECTION_TIMEOUT"]) {
      expect([code, isRetryable("GET", { kind: "network", code }), isRetryable("POST", { kind: "network", code })]).toEqual([code, true, false]);
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
      const grant = () => void limiter.acquire().then((release) => {
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
