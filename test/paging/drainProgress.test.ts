/**
 * Export drains keep their progress: each request carries the run's deadline (`deadlineAt`), no request
 * starts after it, and a failure after progress returns the records read, the token that resumes right
 * after them (hasMore: true) and the reason, instead of throwing them away.
 */
import type { StRequest } from "../../src/http/client";
import { drainExport } from "../../src/paging/exportFeed";
import { fakeClient } from "../support/fakeClient";

const req: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: '"Export Customers"' };

/** An export feed of `pages` pages (2 records each); `fail(n)` may throw on the n-th request. */
const feed = (pages: number, opts: { fail?: (n: number) => void; onRequest?: (r: StRequest) => void } = {}) => {
  return fakeClient((r, n) => {
    opts.onRequest?.(r);
    opts.fail?.(n);
    const from = (r.query as Record<string, unknown>).from as string | undefined;
    const at = from ? Number(from.slice(1)) : 0;
    const data = [{ id: at * 2 + 1 }, { id: at * 2 + 2 }];
    return { hasMore: at + 1 < pages, continueFrom: `t${at + 1}`, data };
  });
};

test("a failure after progress returns the records read with the token that resumes after them", async () => {
  const { client } = feed(5, {
    fail: (n) => {
      if (n === 3) throw new Error('ServiceTitan "Export Customers" failed: 503 Service Unavailable');
    },
  });
  const out = await drainExport(client, req, {});
  expect(out.data).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
  expect(out.hasMore).toBe(true);
  expect(out.continueFrom).toBe("t2");
  expect(out.error).toMatch(/503/);
  // Resuming from the token loses nothing and repeats nothing.
  const { client: again } = feed(5);
  const rest = await drainExport(again, req, { from: out.continueFrom });
  expect([...out.data, ...rest.data].map((r) => (r as { id: number }).id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test("a failure on the first request still throws: there is nothing to keep", async () => {
  const { client } = feed(5, {
    fail: () => {
      throw new Error("401 Unauthorized");
    },
  });
  await expect(drainExport(client, req, {})).rejects.toThrow(/401/);
});

test("each request carries the run's deadline, and none starts after it (injected clock)", async () => {
  let clock = 1_000_000;
  const { client, sent } = feed(50, {
    onRequest: () => {
      clock += 100; // every request takes 100 ms of the injected clock
    },
  });
  const out = await drainExport(client, req, { deadlineAt: 1_000_350, now: () => clock });
  expect(sent.map((r) => r.deadlineAt)).toEqual([1_000_350, 1_000_350, 1_000_350, 1_000_350]);
  expect(out.requests).toBe(4);
  expect(out.hasMore).toBe(true);
  expect(out.continueFrom).toBe("t4");
});
