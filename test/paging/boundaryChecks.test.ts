/**
 * Fetch All's page-boundary checks, in the cases mutation testing (npm run mutation -- paging) showed
 * untested: records without an id, a record edited in place at a boundary, a short page before the
 * last, pages answered out of order, and a pass found changed spending no further requests. Also the
 * error a changing list ends with, and an export drain's deadline when both bounds are given.
 */
import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import { deadlineFrom } from "../../src/paging/exportFeed";
import { fetchAll, ListChangedError } from "../../src/paging/pages";

const req: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"' };

type Query = Record<string, unknown>;

/**
 * An offset-paged list over `records` (a live array the test may change); pages start at 1. `before(q, n)`
 * runs before the n-th request (1-based) is answered and may return a promise the answer waits for.
 */
const offsetList = (records: unknown[], before?: (q: Query, n: number) => void | Promise<void>) => {
  const seen: Query[] = [];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "http://x",
    request: async <T>(r: StRequest) => {
      const q = { ...(r.query as Query) };
      seen.push(q);
      await before?.(q, seen.length);
      const size = Number(q.pageSize);
      const offset = (Number(q.page) - 1) * size;
      const body = {
        page: q.page,
        pageSize: size,
        hasMore: offset + size < records.length,
        data: records.slice(offset, offset + size),
        ...(q.includeTotal === true ? { totalCount: records.length } : {}),
      };
      return { status: 200, headers: {}, data: body as T };
    },
  };
  return { client, seen };
};

const isProbe = (q: Query) => q.pageSize === 1;
const names = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ name: `r${from + i}` }));

describe("boundary checks on records without an id (compared by content)", () => {
  test("a record removed ahead of the read position is caught: the list is read again and every record returned", async () => {
    const records: unknown[] = names(25);
    let removed = false;
    const { client } = offsetList(records, (q) => {
      // Before page 2 is answered, r3 (already read on page 1) is removed: r11 slips onto page 1 unseen.
      if (q.page === 2 && !isProbe(q) && !removed) {
        removed = true;
        records.splice(2, 1);
      }
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    expect(all.data).toEqual(records);
    expect(all.data).toContainEqual({ name: "r11" });
  });

  test("a list that holds still is read once: its boundaries compare equal", async () => {
    const records = names(25);
    const { client, seen } = offsetList(records);
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1, attempts: 1 });
    expect(all.data).toEqual(records);
    expect(seen.filter((q) => !isProbe(q))).toHaveLength(3);
    expect(seen.filter(isProbe)).toHaveLength(2);
  });
});

test("a record edited in place at a boundary (same id, new content) is the same record: no re-read", async () => {
  const records: Array<{ id: number; v?: number }> = Array.from({ length: 25 }, (_, i) => ({ id: i + 1 }));
  const { client, seen } = offsetList(records, (q) => {
    // Before the boundary after page 1 is re-read, its record (id 10) is edited: it stays where it was.
    if (isProbe(q) && q.page === 10) records[9] = { id: 10, v: 2 };
  });
  const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1, attempts: 1 });
  expect(all.data).toHaveLength(25);
  expect(seen.filter((q) => !isProbe(q))).toHaveLength(3);
});

test("a page before the last that holds fewer records than the page size means the list shrank: never returned as complete", async () => {
  // Every read answers the same: page 2 of 3 is one record short (record 4 went missing between pages).
  const byPage: Record<number, { hasMore: boolean; totalCount?: number; data: unknown[] }> = {
    1: { hasMore: true, totalCount: 6, data: [{ id: 1 }, { id: 2 }] },
    2: { hasMore: true, data: [{ id: 3 }] },
    3: { hasMore: false, data: [{ id: 5 }, { id: 6 }] },
  };
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      const q = r.query as Query;
      // A boundary re-read (one record at an offset) answers what is at that offset in the pages above.
      const data = isProbe(q) ? [[{ id: 1 }, { id: 2 }, { id: 3 }, { id: 5 }, { id: 6 }][Number(q.page) - 1]] : byPage[Number(q.page)].data;
      return {
        status: 200,
        headers: {},
        data: { page: q.page, pageSize: q.pageSize, ...(isProbe(q) ? { hasMore: true } : byPage[Number(q.page)]), data } as T,
      };
    },
  };
  await expect(fetchAll(client, req, { pageSize: 2, concurrency: 1, attempts: 2 })).rejects.toBeInstanceOf(ListChangedError);
});

test("once a boundary shows the list changed, the other boundaries of that read send no request", async () => {
  const records: unknown[] = Array.from({ length: 7 }, (_, i) => ({ id: i + 1 }));
  const { client, seen } = offsetList(records, (q) => {
    // Pages are walked one by one (no total); before the first boundary re-read, record 1 is removed.
    if (isProbe(q) && records.length === 7) records.splice(0, 1);
  });
  await expect(fetchAll(client, req, { pageSize: 2, countTotal: false, concurrency: 1, attempts: 1 })).rejects.toBeInstanceOf(
    ListChangedError,
  );
  // Pages 1-4, then one boundary re-read; the two other boundaries are not asked for.
  expect(seen.filter((q) => !isProbe(q)).map((q) => q.page)).toEqual([1, 2, 3, 4]);
  expect(seen.filter(isProbe)).toHaveLength(1);
});

test("a read found changed reads no further pages, even when the last counted page says there is more", async () => {
  const records: unknown[] = Array.from({ length: 4 }, (_, i) => ({ id: i + 1 }));
  let changed = false;
  const { client, seen } = offsetList(records, (q) => {
    // The total says 4 (2 pages of 2); before page 2 is answered, record 1 is removed and 5, 6, 7 added.
    if (q.page === 2 && !isProbe(q) && !changed) {
      changed = true;
      records.splice(0, 1);
      records.push({ id: 5 }, { id: 6 }, { id: 7 });
    }
  });
  await expect(fetchAll(client, req, { pageSize: 2, concurrency: 1, attempts: 1 })).rejects.toBeInstanceOf(ListChangedError);
  // Page 1, page 2 (which says more), the boundary re-read that shows the change — and no page 3.
  expect(seen.map((q) => `${q.page}/${q.pageSize}`)).toEqual(["1/2", "2/2", "2/1"]);
});

test("pages answered out of order: a boundary is checked only once both its pages are in", async () => {
  const records: unknown[] = Array.from({ length: 8 }, (_, i) => ({ id: i + 1 }));
  let openGate: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  const { client, seen } = offsetList(records, (q) => {
    // Page 2 is answered only after page 4 has been asked for (and one turn of the event loop later).
    if (q.page === 2 && !isProbe(q)) return gate;
    if (q.page === 4 && !isProbe(q)) setImmediate(openGate);
  });
  const all = await fetchAll(client, req, { pageSize: 2, concurrency: 2 });
  expect(all.data).toEqual(records);
  expect(
    seen
      .filter(isProbe)
      .map((q) => q.page)
      .sort(),
  ).toEqual([2, 4, 6]);
});

test("a list that keeps changing ends with a ListChangedError (by name too, for callers that cannot import the class)", async () => {
  const records: unknown[] = Array.from({ length: 6 }, (_, i) => ({ id: i + 1 }));
  let next = 100;
  const { client } = offsetList(records, (q) => {
    if (isProbe(q)) {
      records.splice(0, 1);
      records.push({ id: next++ });
    }
  });
  const error = await fetchAll(client, req, { pageSize: 2, concurrency: 1, attempts: 2 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ListChangedError);
  expect((error as Error).name).toBe("ListChangedError");
  expect((error as Error).message).toMatch(/^ServiceTitan "List Customers": the list changed while it was read .*; 2 reads in a row/);
});

test("an export drain given both a duration and a deadline stops at the earlier of the two", () => {
  expect(deadlineFrom(1_000, 500, 1_200)).toBe(1_200);
  expect(deadlineFrom(1_000, 500, 2_000)).toBe(1_500);
  expect(deadlineFrom(1_000, undefined, 2_000)).toBe(2_000);
  expect(deadlineFrom(1_000, 500, undefined)).toBe(1_500);
  expect(deadlineFrom(1_000)).toBeUndefined();
});
