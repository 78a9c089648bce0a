import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import { drainExport } from "../../src/paging/exportFeed";
import { fetchAll, fetchPage } from "../../src/paging/pages";

const req: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"' };

/** A fake ServiceTitan list endpoint over `records`, counting requests. */
const listClient = (records: Array<{ id: number }>, opts: { withTotal?: boolean; onRequest?: (page: number) => void } = {}) => {
  const seen: Array<Record<string, unknown>> = [];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "http://x",
    request: async <T>(r: StRequest) => {
      const q = r.query as Record<string, number | boolean>;
      seen.push({ ...q });
      const page = Number(q.page ?? 1);
      const size = Number(q.pageSize ?? 50);
      opts.onRequest?.(page);
      const data = records.slice((page - 1) * size, page * size);
      const body = { page, pageSize: size, hasMore: page * size < records.length, data, ...(q.includeTotal && opts.withTotal !== false ? { totalCount: records.length } : {}) };
      return { status: 200, headers: {}, data: body as T };
    },
  };
  return { client, seen };
};

const range = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe("fetchAll", () => {
  test("uses ⌈N/5000⌉ pages of 5000 plus one 1-record check per page boundary, and returns every record once, in order", async () => {
    const { client, seen } = listClient(range(12_345));
    const all = await fetchAll(client, req);
    expect(seen.filter((q) => q.pageSize === 5000).map((q) => q.page)).toEqual([1, 2, 3]);
    // The boundary checks re-read the last record of pages 1 and 2 (offsets 4999 and 9999).
    expect(seen.filter((q) => q.pageSize === 1).map((q) => q.page).sort((a, b) => Number(a) - Number(b))).toEqual([5000, 10_000]);
    expect(seen).toHaveLength(5);
    expect(all.data.length).toBe(12_345);
    expect(all.data.map((r) => (r as { id: number }).id)).toEqual(range(12_345).map((r) => r.id));
    expect(all).toMatchObject({ hasMore: false, totalCount: 12_345 });
  });

  test("without a total it walks page by page until hasMore is false", async () => {
    const { client, seen } = listClient(range(10_001), { withTotal: false });
    const all = await fetchAll(client, req);
    expect(seen.filter((q) => q.pageSize === 5000).map((q) => q.page)).toEqual([1, 2, 3]);
    expect(seen.filter((q) => q.pageSize === 1).map((q) => q.page)).toEqual([5000, 10_000]);
    expect(all.data.length).toBe(10_001);
  });

  test("records added while fetching are not lost, and shifted duplicates are removed", async () => {
    // After page 1 was read, a new record is inserted at the front: every later record moves one place back,
    // so page 2 starts with the record that ended page 1 (a real repeat on the wire). The boundary check
    // sees the shift and the list is read again: every record once, the new one included.
    const records = range(10_000);
    const served: number[] = [];
    const { client } = listClient(records, {
      onRequest: (page) => {
        if (page === 2 && records.length === 10_000) records.unshift({ id: 20_000 });
      },
    });
    const request = client.request.bind(client);
    client.request = async <T>(r: StRequest) => {
      const res = await request<T>(r);
      served.push(...(res.data as { data: Array<{ id: number }> }).data.map((x) => x.id));
      return res;
    };
    const all = await fetchAll(client, req, { concurrency: 1, pageSize: 5000 });
    const ids = all.data.map((r) => (r as { id: number }).id);
    expect(served.slice(5000, 5001)).toEqual([5000]); // the shift really repeated record 5000 at the start of page 2
    expect(ids.filter((id) => id === 5000)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(10_001); // 1‥10 000 and the inserted 20 000, once each
    expect([...ids].sort((x, y) => x - y)).toEqual([...range(10_000).map((r) => r.id), 20_000]);
  });

  test("a record that moved later in the order while another took its place is returned once", async () => {
    // After page 1 was read, record 10 is edited so it sorts after 5999, and a new record takes its place:
    // the record at the page boundary is unchanged (the check passes), but page 2 now holds record 10 again.
    const records = range(10_000);
    const { client } = listClient(records, {
      onRequest: (page) => {
        if (page === 2 && records[9].id === 10) {
          const [moved] = records.splice(9, 1, { id: 30_000 });
          records.splice(5999, 0, moved);
        }
      },
    });
    const all = await fetchAll(client, req, { concurrency: 1, pageSize: 5000 });
    const ids = all.data.map((r) => (r as { id: number }).id);
    expect(ids.filter((id) => id === 10)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => x - y)).toEqual(range(10_000).map((r) => r.id)); // 30 000 came after page 1 was read
  });

  test("maxRecords guard fails instead of silently truncating", async () => {
    const { client } = listClient(range(6000));
    await expect(fetchAll(client, req, { maxRecords: 5500 })).rejects.toThrow(/more than 5500 records/);
  });

  test("a response that is not a page is an error, never a partial result", async () => {
    const client: ServiceTitanClient = { tenant: "1", apiBaseUrl: "x", request: async <T>() => ({ status: 200, headers: {}, data: { oops: true } as T }) };
    await expect(fetchPage(client, req, 1, 50)).rejects.toThrow(/not a page of records/);
  });
});

describe("drainExport", () => {
  test("follows continueFrom to the end, keeps the newest copy of repeated records, returns the last token", async () => {
    const pages = [
      { hasMore: true, continueFrom: "t1", data: [{ id: 1, v: 1 }, { id: 2, v: 1 }] },
      { hasMore: true, continueFrom: "t2", data: [{ id: 2, v: 1 }, { id: 3, v: 1 }] },
      { hasMore: false, continueFrom: "t3", data: [{ id: 1, v: 2 }] },
    ];
    const froms: unknown[] = [];
    const client: ServiceTitanClient = {
      tenant: "1",
      apiBaseUrl: "x",
      request: async <T>(r: StRequest) => {
        froms.push((r.query as Record<string, unknown>).from);
        return { status: 200, headers: {}, data: pages[froms.length - 1] as T };
      },
    };
    const out = await drainExport(client, { ...req, path: "/export/customers" }, { from: "2026-01-01", includeRecentChanges: true });
    expect(froms).toEqual(["2026-01-01", "t1", "t2"]);
    expect(out.continueFrom).toBe("t3");
    expect(out.hasMore).toBe(false);
    expect(out.data).toEqual([{ id: 2, v: 1 }, { id: 3, v: 1 }, { id: 1, v: 2 }]);
    expect(out.duplicatesRemoved).toBe(2);
  });
});

describe("bounds", () => {
  test("Fetch All sends includeTotal on every page when the operation requires it, and honours a smaller page size", async () => {
    const { client, seen } = listClient(range(1200));
    const all = await fetchAll(client, req, { pageSize: 500, totalRequired: true });
    expect(all.data).toHaveLength(1200);
    expect(seen.map((q) => [q.page, q.pageSize, q.includeTotal])).toEqual([
      [1, 500, true],
      [2, 500, false],
      [3, 500, false],
      // the boundary checks (the last record of pages 1 and 2) say includeTotal too
      [500, 1, false],
      [1000, 1, false],
    ]);
  });

  test("when one page fails, the other workers stop asking", async () => {
    // Pages 3‥5 are held until page 2 has failed; only then are they answered. A worker that did not stop
    // would go on to ask for pages 6‥20 once its page is answered, so the count is read after every
    // held request has been answered and the workers have had time to ask again.
    let calls = 0;
    let page2Failed = false;
    const held: Array<() => void> = [];
    const client: ServiceTitanClient = {
      tenant: "1",
      apiBaseUrl: "x",
      request: async <T>(r: StRequest) => {
        calls += 1;
        const q = r.query as Record<string, number>;
        if (q.page === 2) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          page2Failed = true;
          throw new Error("page 2 failed");
        }
        if (q.page > 1 && !page2Failed) await new Promise<void>((resolve) => held.push(resolve));
        return { status: 200, headers: {}, data: { page: q.page, pageSize: 5000, hasMore: true, totalCount: 100_000, data: [{ id: q.page }] } as T };
      },
    };
    const run = fetchAll(client, req, { concurrency: 4 });
    const outcome = run.then(
      () => "resolved",
      (error: Error) => error.message,
    );
    while (!page2Failed) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(held).toHaveLength(3); // pages 3, 4 and 5 were in flight when page 2 failed
    for (const release of held) release();
    expect(await outcome).toBe("page 2 failed");
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(5); // page 1, then pages 2‥5 in flight; none of pages 6‥20 was asked for
  });

  test("a drain stops at its time bound and hands back the token to resume from", async () => {
    let n = 0;
    const client: ServiceTitanClient = {
      tenant: "1",
      apiBaseUrl: "x",
      request: async <T>() => {
        n += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { status: 200, headers: {}, data: { hasMore: true, continueFrom: `t${n}`, data: [{ id: n }] } as T };
      },
    };
    const out = await drainExport(client, { ...req, path: "/export/customers" }, { maxMillis: 50 });
    expect(out.hasMore).toBe(true);
    expect(out.continueFrom).toBe(`t${out.requests}`);
    expect(out.data).toHaveLength(out.requests);
    expect(out.requests).toBeLessThan(10);
  });
});
