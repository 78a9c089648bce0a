/**
 * The rate limiter (src/http/rateLimit.ts) and the wait hints (src/http/waitHints.ts) as units, where
 * mutation testing found them unjudged: slots of a fractional rate, one limiter per key and rate, the
 * slot a late release frees, and each way a server states a wait.
 *
 * Time is an injected clock that the injected sleep advances: nothing really waits.
 */
import { RateLimiter, rateLimiterFor } from "../../src/http/rateLimit";
import { leadsWaitHint, parseRetryAfter, retryAfterHint, serviceTitanWaitHint, waitFromBody, waitHintFrom } from "../../src/http/waitHints";

describe("rate limiter", () => {
  const fake = () => {
    const clock = { t: 0, slept: [] as number[] };
    const limiter = (rps: number) =>
      new RateLimiter(
        rps,
        () => clock.t,
        async (ms) => {
          clock.slept.push(ms);
          clock.t += ms;
        },
      );
    return { clock, limiter };
  };

  test("a fractional rate keeps its whole requests a second; below one is refused with the figure", () => {
    let now = 0;
    const limiter = new RateLimiter(2.9, () => now);
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 0, 1000]);
    now = 1;
    expect(limiter.requestsPerSecond).toBe(2.9);
    expect(() => new RateLimiter(0.5)).toThrow("Rate limit: expected at least 1 request per second, got 0.5.");
    expect(() => new RateLimiter(Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
    expect(new RateLimiter(1).requestsPerSecond).toBe(1);
    expect(new RateLimiter().requestsPerSecond).toBe(60);
  });

  test("slots go round in order: each grant waits for the slot N places earlier", async () => {
    const { clock, limiter } = fake();
    const l = limiter(2);
    const a = await l.acquire();
    const b = await l.acquire();
    clock.t = 100;
    a();
    clock.t = 300;
    b();
    (await l.acquire())(); // slot of a: free at 1100
    expect(clock.slept).toEqual([800]);
    expect(clock.t).toBe(1100);
    (await l.acquire())(); // slot of b: free at 1300
    expect(clock.slept).toEqual([800, 200]);
    (await l.acquire())(); // slot of a again: released at 1100, free at 2100
    expect(clock.slept).toEqual([800, 200, 800]);
  });

  test("an acquire never sleeps for a slot already free", async () => {
    const { clock, limiter } = fake();
    const l = limiter(1);
    (await l.acquire())();
    clock.t = 1000;
    (await l.acquire())();
    clock.t = 5000;
    (await l.acquire())();
    expect(clock.slept).toEqual([]);
  });

  test("a late release of an earlier holder does not free the slot of its next holder", async () => {
    const { clock, limiter } = fake();
    const l = limiter(1);
    const first = await l.acquire();
    const secondP = l.acquire();
    clock.t = 10;
    first();
    const second = await secondP; // granted at 1010, the slot now his
    first(); // again: nothing
    let thirdGranted = false;
    const thirdP = l.acquire().then((release) => {
      thirdGranted = true;
      return release;
    });
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    expect(thirdGranted).toBe(false);
    clock.t = 1500;
    second();
    (await thirdP)();
    expect(clock.t).toBe(2500);
  });

  test("one limiter per key and rate; the rate is the one asked for", () => {
    expect(rateLimiterFor("limits|a", 5)).toBe(rateLimiterFor("limits|a", 5));
    expect(rateLimiterFor("limits|a", 5)).not.toBe(rateLimiterFor("limits|a", 6));
    expect(rateLimiterFor("limits|b", 7).requestsPerSecond).toBe(7);
    expect(rateLimiterFor("limits|c").requestsPerSecond).toBe(60);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-22T10:00:00Z");

  test("nothing, blank or unreadable: no wait", () => {
    for (const value of [undefined, null, "", "   ", "soon", "1e3", [] as string[]]) expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  test("seconds (whole or decimal), a number, an HTTP-date ahead, a date passed is no wait", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("1.0005", now)).toBe(1001);
    expect(parseRetryAfter(7, now)).toBe(7000);
    // Several digits are seconds, not a year ("120" would parse as the year 120: a wait of 0).
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("12.5", now)).toBe(12_500);
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:00:02 GMT", now)).toBe(2000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(["Sun, 22 Nov 2026 10:00:03 GMT"], now)).toBe(3000);
  });
});

describe("a wait stated in words", () => {
  test("each wording and unit", () => {
    expect(waitFromBody("Try again in 2 minutes")).toBe(120_000);
    expect(waitFromBody("retry after 1 minute.")).toBe(60_000);
    expect(waitFromBody("Please RETRY 4 secs")).toBe(4000);
    expect(waitFromBody("try again in 2s")).toBe(2000);
    expect(waitFromBody("try again in 2 sec")).toBe(2000);
    expect(waitFromBody("try again in 0.25 seconds")).toBe(250);
    expect(waitFromBody("try again in 3 hours")).toBeUndefined();
    expect(waitFromBody("try again later")).toBeUndefined();
    expect(waitFromBody("try again in 5 secondsandmore")).toBeUndefined();
  });

  test("only the first 4000 characters are read", () => {
    expect(waitFromBody(`${"x".repeat(3970)} try again in 9 seconds`)).toBe(9000);
    expect(waitFromBody(`${"x".repeat(4000)} try again in 9 seconds`)).toBeUndefined();
  });
});

describe("the declared places", () => {
  const now = 0;

  test("a field that is not text is skipped; the next declared field is read", () => {
    const hint = waitHintFrom([{ from: "words", fields: ["title", "message"], statuses: [429] }]);
    expect(hint(429, {}, JSON.stringify({ title: 5, message: "try again in 3 seconds" }), now)).toBe(3000);
    expect(hint(429, {}, JSON.stringify({ title: "try again in 1 seconds", message: "try again in 3 seconds" }), now)).toBe(1000);
    expect(hint(429, {}, JSON.stringify({ title: "no wait here" }), now)).toBeUndefined();
    expect(hint(429, {}, "[1] try again in 4 seconds", now)).toBe(4000);
    expect(hint(503, {}, "try again in 4 seconds", now)).toBeUndefined();
  });

  test("a place that states nothing gives way to the next; the first that states a wait wins", () => {
    expect(serviceTitanWaitHint(429, { "retry-after": "junk" }, JSON.stringify({ title: "Try again in 6 seconds." }), now)).toBe(6000);
    expect(serviceTitanWaitHint(503, {}, JSON.stringify({ title: "Try again in 6 seconds." }), now)).toBeUndefined();
    expect(serviceTitanWaitHint(503, { "retry-after": "2" }, "", now)).toBe(2000);
    expect(leadsWaitHint(503, { "retry-after": "1" }, "", now)).toBe(1000);
    expect(leadsWaitHint(429, {}, JSON.stringify({ message: "try again in 2 seconds" }), now)).toBe(2000);
  });

  test("Retry-After only: no words are read", () => {
    expect(retryAfterHint(429, {}, "try again in 5 seconds", now)).toBeUndefined();
    expect(retryAfterHint(503, { "retry-after": "5" }, "", now)).toBe(5000);
    expect(retryAfterHint(502, { "retry-after": "5" }, "", now)).toBeUndefined();
  });
});
