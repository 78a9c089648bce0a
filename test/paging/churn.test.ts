/**
 * Fetch All over a list that changes between page requests (offset paging: a record removed or moved
 * ahead of the read position shifts every later record back by one, so one record slips past a page
 * boundary unseen). Fetch All must never hand back such a set as complete: it re-reads, or fails
 * saying the list changed. Records inserted between pages are still returned once. Lists whose pages
 * start at 0 are read from page 0.
 */
import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import { fetchAll } from "../../src/paging/pages";

const req: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"' };
type Rec = { id: number };
const range = (from: number, n: number): Rec[] => Array.from({ length: n }, (_, i) => ({ id: from + i }));

/**
 * An offset-paged list over `records` (a live array the test may change). `firstPage` is the number of
 * the list's first page; `beforeEach(n, query)` runs before the n-th request is answered.
 */
const liveList = (records: Rec[], opts: { firstPage?: number; beforeEach?: (n: number, q: Record<string, unknown>) => void } = {}) => {
  const seen: Array<Record<string, unknown>> = [];
  const firstPage = opts.firstPage ?? 1;
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "http://x",
    request: async <T>(r: StRequest) => {
      const q = { ...(r.query as Record<string, unknown>) };
      seen.push(q);
      opts.beforeEach?.(seen.length, q);
      const page = Number(q.page ?? firstPage);
      const size = Number(q.pageSize ?? 50);
      const offset = (page - firstPage) * size;
      // A page number below the first is refused as ServiceTitan refuses it; nothing is invented.
      if (offset < 0) throw new Error(`page ${page} is below the first page ${firstPage}`);
      const data = records.slice(offset, offset + size);
      const body = {
        page,
        pageSize: size,
        hasMore: offset + size < records.length,
        data,
        ...(q.includeTotal === true ? { totalCount: records.length } : {}),
      };
      return { status: 200, headers: {}, data: body as T };
    },
  };
  return { client, seen };
};

const idsOf = (page: { data: unknown[] }): number[] => page.data.map((r) => (r as Rec).id);

describe("Fetch All over a list that changes between pages", () => {
  test("a record removed from an earlier page after it was read: every current record is still returned (re-read)", async () => {
    const records = range(1, 25);
    const { client } = liveList(records, {
      // Before page 2 is answered, record 3 (on page 1, already read) is deleted: record 11 moves onto page 1.
      beforeEach: (_n, q) => {
        if (q.page === 2 && records.some((r) => r.id === 3)) records.splice(2, 1);
      },
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    const ids = idsOf(all);
    for (const r of records) expect(ids).toContain(r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a record moved in the sort order between pages (edited under sort by modifiedOn) is not lost", async () => {
    const records = range(1, 25);
    let moved = false;
    const { client } = liveList(records, {
      beforeEach: (_n, q) => {
        // Record 5 is edited: it moves from page 1 to the end of the list; 6..25 shift back by one.
        if (q.page === 2 && !moved) {
          moved = true;
          const [r] = records.splice(4, 1);
          records.push(r);
        }
      },
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    const ids = idsOf(all);
    expect([...ids].sort((a, b) => a - b)).toEqual(range(1, 25).map((r) => r.id));
  });

  test("a delete ahead of the read position plus an insert at the end (same total) is still caught", async () => {
    const records = range(1, 30);
    let changed = false;
    const { client } = liveList(records, {
      beforeEach: (_n, q) => {
        if (q.page === 3 && !changed) {
          changed = true;
          records.splice(0, 1); // record 1 deleted
          records.push({ id: 31 }); // a new one appended: the total stays 30
        }
      },
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    const ids = idsOf(all);
    for (const r of records) expect(ids).toContain(r.id);
  });

  test("a list that keeps changing on every read fails with an error that says so, never a partial result", async () => {
    const records = range(1, 40);
    let next = 1000;
    const { client } = liveList(records, {
      beforeEach: (_n, q) => {
        // Before every later page, the first record is deleted and a new one appended.
        if (Number(q.page) > 1 && Number(q.pageSize) > 1) {
          records.splice(0, 1);
          records.push({ id: next++ });
        }
      },
    });
    await expect(fetchAll(client, req, { pageSize: 10, concurrency: 2 })).rejects.toThrow(/the list changed while it was read/);
  });

  test("a list that changes during the first two reads and holds still on the third: the third, last allowed, read is returned whole", async () => {
    const records = range(1, 40);
    let reads = 0;
    let next = 1000;
    const { client } = liveList(records, {
      beforeEach: (_n, q) => {
        if (Number(q.page) === 1 && Number(q.pageSize) > 1) reads += 1;
        // During reads 1 and 2 the first record is deleted and a new one appended before every later page.
        else if (reads <= 2 && Number(q.pageSize) > 1) {
          records.splice(0, 1);
          records.push({ id: next++ });
        }
      },
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    expect(reads).toBe(3);
    expect([...idsOf(all)].sort((a, b) => a - b)).toEqual(records.map((r) => r.id).sort((a, b) => a - b));
  });

  test("records inserted between pages are returned once; no re-read is needed when nothing shifted back", async () => {
    const records = range(1, 25);
    const { client, seen } = liveList(records, {
      beforeEach: (_n, q) => {
        // A new record arrives at the front before page 2: records shift forward (a duplicate, no loss).
        if (q.page === 2 && records[0].id !== 0) records.unshift({ id: 0 });
      },
    });
    const all = await fetchAll(client, req, { pageSize: 10, concurrency: 1 });
    const ids = idsOf(all);
    expect(new Set(ids).size).toBe(ids.length);
    for (let id = 1; id <= 25; id++) expect(ids).toContain(id);
    expect(seen.length).toBeLessThan(12);
  });

  test("bounded concurrency and the Max Records guard still hold", async () => {
    const records = range(1, 100);
    let inFlight = 0;
    let peak = 0;
    const { client } = liveList(records);
    const slow: ServiceTitanClient = {
      ...client,
      request: async (r) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        try {
          return await client.request(r);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const all = await fetchAll(slow, req, { pageSize: 10, concurrency: 3 });
    expect(all.data).toHaveLength(100);
    expect(peak).toBeLessThanOrEqual(3);
    await expect(fetchAll(client, req, { pageSize: 10, maxRecords: 50 })).rejects.toThrow(/more than 50 records/);
  });
});

describe("lists whose pages start at 0", () => {
  test("Fetch All reads page 0 first and skips nothing", async () => {
    const records = range(1, 1200);
    const { client, seen } = liveList(records, { firstPage: 0 });
    const all = await fetchAll(client, req, { pageSize: 500, totalRequired: true, firstPage: 0 });
    expect(idsOf(all)).toEqual(records.map((r) => r.id));
    expect(seen[0].page).toBe(0);
  });
});
