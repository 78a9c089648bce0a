import { backoffDelay, DEFAULT_RETRY_POLICY, isIdempotent, isRetryable, parseRetryAfter } from "../../src/http/retry";

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
