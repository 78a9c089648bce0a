/**
 * The rate limit where it matters: on the wire. Real actions (through Spectral's adapter and the real
 * transport) are started far faster than 60 a second against a local server that notes when each request
 * arrives. The limiter's own arithmetic is tested in rateLimit.test.ts; here:
 *
 * - every request of every action passes through one limiter per tenant (fails when the transport does not
 *   call it, or when two calls on one tenant get separate limiters);
 * - in every sliding one-second window of ARRIVALS there are at most 60 (ServiceTitan counts what reaches
 *   it). A limiter that only spaced GRANTS one second apart failed this: a burst of 60 granted requests
 *   reached the server spread over a few hundred milliseconds (sockets opening, a busy CPU), while the next
 *   60, granted exactly one second after the first grants on warm sockets, arrived bunched — up to ~120
 *   within one second (measured: 92–120 for 150 actions, 67–68 for two Fetch Alls). The limiter now holds
 *   each slot until the answer is in (src/http/rateLimit.ts).
 */
import * as http from "http";
import type { AddressInfo } from "net";
import { createServiceTitanClient } from "../../src/http/client";
import { DEFAULT_REQUESTS_PER_SECOND, RateLimiter } from "../../src/http/rateLimit";
import { captureConnection } from "../support/captureServer";
import { spectral as harness } from "../support/harness";

const LIMIT = 60;

/** A list endpoint of `pages` pages (one record each, the total announced) and a record endpoint, noting arrival times. */
const startCountingServer = async (pages: number) => {
  const arrivals: Array<{ at: number; path: string }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    arrivals.push({ at: performance.now(), path: url.pathname });
    req.resume();
    req.on("end", () => {
      const page = Number(url.searchParams.get("page") ?? 1);
      const size = Number(url.searchParams.get("pageSize") ?? 50);
      // A steady list of `pages` × 5000 records (ids 1‥N), answered for any page size: Fetch All's
      // boundary checks (one record at the end of each page) find the list unchanged.
      const total = pages * 5000;
      const first = (page - 1) * size;
      const ids = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => ({ id: first + i + 1 }));
      const body = url.pathname.endsWith("/customers")
        ? { page, pageSize: size, hasMore: first + size < total, totalCount: total, data: ids }
        : { id: Number(url.pathname.split("/").pop()) };
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, arrivals, close };
};

/** The most arrivals in any window [t, t + 1000 ms) that starts at an arrival. */
const busiestSecond = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && sorted[j] < sorted[i] + 1000) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
};

/** Runs `work` while watching which limiters are asked for a grant, and how often. */
const watchingLimiters = async <T>(work: () => Promise<T>): Promise<{ result: T; grants: number; limiters: Set<RateLimiter> }> => {
  const limiters = new Set<RateLimiter>();
  let grants = 0;
  const acquire = RateLimiter.prototype.acquire;
  const spy = jest.spyOn(RateLimiter.prototype, "acquire").mockImplementation(function (this: RateLimiter) {
    limiters.add(this);
    grants += 1;
    return acquire.call(this);
  });
  try {
    return { result: await work(), grants, limiters };
  } finally {
    spy.mockRestore();
  }
};

const getCustomers = (connection: ReturnType<typeof captureConnection>, n: number) =>
  Promise.all(
    Array.from(
      { length: n },
      (_, i) => harness.action("getCustomer", { connection, customerId: String(i + 1) }) as Promise<{ data: { id: number } }>,
    ),
  );

type Listed = { data: { data: Array<{ id: number }> } };
const twoFetchAlls = (connection: ReturnType<typeof captureConnection>) =>
  Promise.all([0, 1].map(() => harness.action("listCustomers", { connection, fetchAll: "true" }) as Promise<Listed>));

describe("every request passes through its tenant's one limiter", () => {
  test("the limit is ServiceTitan's 60 requests a second", () => {
    expect(DEFAULT_REQUESTS_PER_SECOND).toBe(LIMIT);
  });

  test("150 Get Customer actions started at once: 150 grants, all from one limiter of 60 a second", async () => {
    const server = await startCountingServer(1);
    try {
      const { result, grants, limiters } = await watchingLimiters(() => getCustomers(captureConnection(server), 150));
      expect(result.map((r) => r.data.id)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
      expect(server.arrivals).toHaveLength(150);
      expect(grants).toBe(150);
      expect(limiters.size).toBe(1);
      expect([...limiters][0].requestsPerSecond).toBe(LIMIT);
    } finally {
      await server.close();
    }
  });

  test("two concurrent Fetch Alls on one tenant: every page request from the same limiter", async () => {
    const pages = 35;
    const server = await startCountingServer(pages);
    try {
      const { result, grants, limiters } = await watchingLimiters(() => twoFetchAlls(captureConnection(server)));
      for (const r of result) {
        expect(r.data.data).toHaveLength(pages * 5000);
        expect(new Set(r.data.data.map((x) => x.id)).size).toBe(pages * 5000);
      }
      // Each Fetch All: its pages plus one 1-record check per page boundary.
      const perFetch = pages + (pages - 1);
      expect(server.arrivals).toHaveLength(2 * perFetch);
      expect(grants).toBe(2 * perFetch);
      expect(limiters.size).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("the rate limit on the wire (arrivals at the server)", () => {
  test("150 Get Customer actions started at once: at most 60 reach the server in any second", async () => {
    const server = await startCountingServer(1);
    try {
      const result = await getCustomers(captureConnection(server), 150);
      expect(result).toHaveLength(150);
      expect(server.arrivals).toHaveLength(150);
      expect(busiestSecond(server.arrivals.map((a) => a.at))).toBeLessThanOrEqual(LIMIT);
    } finally {
      await server.close();
    }
  });

  test("two concurrent Fetch Alls on one tenant: at most 60 requests in any second between them", async () => {
    const pages = 35;
    const server = await startCountingServer(pages);
    try {
      const result = await twoFetchAlls(captureConnection(server));
      for (const r of result) expect(r.data.data).toHaveLength(pages * 5000);
      expect(server.arrivals).toHaveLength(2 * (2 * pages - 1));
      expect(busiestSecond(server.arrivals.map((x) => x.at))).toBeLessThanOrEqual(LIMIT);
    } finally {
      await server.close();
    }
  });

  test("without a limit the same burst is far over 60 a second (the measure can see a missing limiter)", async () => {
    // A limiter of 1 000 000 a second (the transport's own option) is as good as none.
    const server = await startCountingServer(1);
    try {
      const client = createServiceTitanClient(captureConnection(server), { requestsPerSecond: 1_000_000 });
      await Promise.all(
        Array.from({ length: 150 }, (_, i) =>
          client.request({ module: "crm", method: "GET", path: `/customers/${i + 1}`, operation: '"Get Customer"' }),
        ),
      );
      expect(busiestSecond(server.arrivals.map((x) => x.at))).toBeGreaterThan(LIMIT);
    } finally {
      await server.close();
    }
  });
});
