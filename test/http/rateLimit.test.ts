import { RateLimiter, rateLimiterFor } from "../../src/http/rateLimit";

describe("rate limiter", () => {
  test("at most N grants in any one-second window, FIFO", () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    const waits = Array.from({ length: 180 }, () => limiter.reserve());
    // First 60 immediately, next 60 one second later, next 60 two seconds later.
    expect(waits.slice(0, 60).every((w) => w === 0)).toBe(true);
    expect(waits.slice(60, 120).every((w) => w === 1000)).toBe(true);
    expect(waits.slice(120).every((w) => w === 2000)).toBe(true);
    // Sliding window: any 60 consecutive grants span at least one second.
    const grantTimes = waits.map((w) => w + now);
    for (let i = 60; i < grantTimes.length; i++) expect(grantTimes[i] - grantTimes[i - 60]).toBeGreaterThanOrEqual(1000);
    now = 5000;
    expect(limiter.reserve()).toBe(0);
  });

  test("shared per tenant key; distinct tenants do not wait for each other", () => {
    expect(rateLimiterFor("https://a|1")).toBe(rateLimiterFor("https://a|1"));
    expect(rateLimiterFor("https://a|1")).not.toBe(rateLimiterFor("https://a|2"));
  });

  test("concurrent acquires are spread over time", async () => {
    const limiter = new RateLimiter(10);
    const started = Date.now();
    await Promise.all(Array.from({ length: 25 }, () => limiter.acquire().then((release) => release())));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
  });

  test("a slot is held while its request is in flight: the request N places later starts one second after it ENDED", async () => {
    let now = 0;
    const sleeps: number[] = [];
    const limiter = new RateLimiter(1, () => now, async (ms) => {
      sleeps.push(ms);
      now += ms;
    });
    const first = await limiter.acquire();
    let secondGranted = false;
    const second = limiter.acquire().then((release) => {
      secondGranted = true;
      return release;
    });
    now = 1500; // the first request is still waiting for its answer, a second and a half later
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(secondGranted).toBe(false);
    now = 1700;
    first(); // its answer arrived at 1700: it reached the server at some time before that
    (await second)();
    expect(sleeps).toEqual([1000]);
    expect(now).toBe(2700);
  });

  test("releasing twice frees the slot once", async () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now, async (ms) => {
      now += ms;
    });
    const release = await limiter.acquire();
    release();
    now = 200;
    release(); // a second call must not push the slot's free time to 1200
    await limiter.acquire();
    expect(now).toBe(1000);
  });

  test("refuses a rate below one request per second", () => {
    expect(() => new RateLimiter(0)).toThrow(/at least 1/);
  });
});

describe("rate limiter clock", () => {
  afterEach(() => jest.restoreAllMocks());

  test("the default clock is monotonic: a wall clock set back an hour does not stall grants", () => {
    let wall = Date.parse("2026-12-03T04:00:00Z");
    jest.spyOn(Date, "now").mockImplementation(() => wall);
    const limiter = new RateLimiter(2);
    limiter.reserve();
    limiter.reserve();
    wall -= 3_600_000;
    // Two grants were made an instant ago: the third waits at most the one-second window.
    expect(limiter.reserve()).toBeLessThanOrEqual(1000);
  });

  test("an injected clock that jumps backwards never makes a wait longer than the window", () => {
    let now = 50_000;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.reserve()).toBe(0);
    expect(limiter.reserve()).toBe(0);
    now = 10_000;
    const wait = limiter.reserve();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
  });

  test("an injected clock that jumps forwards frees every slot", () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    for (let i = 0; i < 3; i += 1) limiter.reserve();
    expect(limiter.reserve()).toBe(1000);
    now = 1_000_000;
    expect(limiter.reserve()).toBe(0);
  });
});
