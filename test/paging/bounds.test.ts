/**
 * The edges of Fetch All and export drains that mutation testing (npm run mutation -- paging) showed
 * untested: the bounds that stop a walk, what is sent on each request, and how records without an id
 * are kept.
 */
import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import { drainExport } from "../../src/paging/exportFeed";
import { fetchAll } from "../../src/paging/pages";

const req: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: '"Export Customers"' };

/** An export feed over fixed pages; records what each request asked for. */
const feed = (pages: Array<{ hasMore: boolean; continueFrom: string; data: unknown[] }>) => {
  const asked: Array<Record<string, unknown>> = [];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      asked.push({ ...(r.query as Record<string, unknown>) });
      return { status: 200, headers: {}, data: pages[asked.length - 1] as T };
    },
  };
  return { client, asked };
};

describe("drainExport bounds and requests", () => {
  const three = () => [
    { hasMore: true, continueFrom: "t1", data: [{ id: 1 }, { id: 2 }] },
    { hasMore: true, continueFrom: "t2", data: [{ id: 3 }, { id: 4 }] },
    { hasMore: false, continueFrom: "t3", data: [{ id: 5 }] },
  ];

  test("stops once maxRecords distinct records are held, saying there is more and where to resume", async () => {
    const { client, asked } = feed(three());
    const out = await drainExport(client, req, { maxRecords: 2 });
    expect(asked).toHaveLength(1);
    expect(out).toMatchObject({ hasMore: true, continueFrom: "t1", requests: 1, duplicatesRemoved: 0 });
    expect(out.data).toEqual([{ id: 1 }, { id: 2 }]);
  });

  test("maxRecords counts distinct records: below it the drain goes on", async () => {
    const { client } = feed(three());
    const out = await drainExport(client, req, { maxRecords: 3 });
    expect(out.requests).toBe(2);
    expect(out.data).toHaveLength(4);
  });

  test("stops after maxRequests requests", async () => {
    const { client, asked } = feed(three());
    const out = await drainExport(client, req, { maxRequests: 2 });
    expect(asked).toHaveLength(2);
    expect(out).toMatchObject({ hasMore: true, continueFrom: "t2", requests: 2 });
  });

  test("no request starts once the time bound is spent: nothing read, more to read, the same place to resume", async () => {
    const { client, asked } = feed(three());
    const out = await drainExport(client, req, { maxMillis: 0, from: "t0" });
    expect(asked).toHaveLength(0);
    expect(out).toMatchObject({ hasMore: true, continueFrom: "t0", requests: 0, data: [] });
  });

  test("sends from and includeRecentChanges only when given; an empty continueFrom keeps the last token", async () => {
    const { client, asked } = feed([
      { hasMore: true, continueFrom: "t1", data: [] },
      { hasMore: true, continueFrom: "", data: [] },
      { hasMore: false, continueFrom: "", data: [] },
    ]);
    const out = await drainExport(client, req, { from: "", includeRecentChanges: false });
    expect(asked).toEqual([
      { from: undefined, includeRecentChanges: undefined },
      { from: "t1", includeRecentChanges: undefined },
      { from: "t1", includeRecentChanges: undefined },
    ]);
    expect(out.continueFrom).toBe("t1");
    expect(out.hasMore).toBe(false);
  });

  test("includeRecentChanges asked for is sent as true", async () => {
    const { client, asked } = feed([{ hasMore: false, continueFrom: "t1", data: [] }]);
    await drainExport(client, req, { from: "2026-01-01", includeRecentChanges: true });
    expect(asked).toEqual([{ from: "2026-01-01", includeRecentChanges: true }]);
  });

  test("without any token the result's continueFrom is empty text", async () => {
    const { client } = feed([{ hasMore: false, continueFrom: "", data: [] }]);
    expect((await drainExport(client, req)).continueFrom).toBe("");
  });

  test("records without an id are told apart by their content; equal ones are kept once", async () => {
    const { client } = feed([{ hasMore: false, continueFrom: "t1", data: [{ name: "a" }, { name: "b" }, { name: "a" }, "x", "x", null] }]);
    const out = await drainExport(client, req);
    expect(out.data).toEqual([{ name: "b" }, { name: "a" }, "x", null]);
    expect(out.duplicatesRemoved).toBe(2);
  });

  test("ids are compared as text of the id only: { id: 1 } and { id: 1, v: 2 } are one record", async () => {
    const { client } = feed([{ hasMore: false, continueFrom: "t1", data: [{ id: 1 }, { id: 1, v: 2 }, { id: "1" }] }]);
    const out = await drainExport(client, req);
    expect(out.data).toEqual([{ id: "1" }]);
  });

  test("an answer that is not an export page is an error naming the operation", async () => {
    for (const body of [null, "text", { data: [], hasMore: true }, { data: {}, hasMore: false, continueFrom: "" }, { data: [], hasMore: "no", continueFrom: "" }]) {
      const client: ServiceTitanClient = { tenant: "1", apiBaseUrl: "x", request: async <T>() => ({ status: 200, headers: {}, data: body as T }) };
      await expect(drainExport(client, req)).rejects.toThrow('ServiceTitan "Export Customers": the response is not an export page (missing data, hasMore or continueFrom).');
    }
  });
});

/** A list endpoint answering fixed pages by number; records each query. */
const pagesOf = (byPage: Record<number, { hasMore: boolean; totalCount?: number; data: unknown[] }>) => {
  const asked: Array<Record<string, unknown>> = [];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      const q = r.query as Record<string, unknown>;
      asked.push({ ...q });
      const page = byPage[Number(q.page)];
      return { status: 200, headers: {}, data: { page: q.page, pageSize: q.pageSize, ...page } as T };
    },
  };
  return { client, asked };
};

const list: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"', query: { active: "True" } };

describe("fetchAll bounds and requests", () => {
  test("keeps the request's own query, asks for the total on page 1 only (not at all with countTotal false)", async () => {
    const { client, asked } = pagesOf({ 1: { hasMore: true, data: [{ id: 1 }] }, 2: { hasMore: false, data: [{ id: 2 }] } });
    await fetchAll(client, list, { countTotal: false, pageSize: 1 });
    expect(asked).toEqual([
      { active: "True", page: 1, pageSize: 1, includeTotal: undefined },
      { active: "True", page: 2, pageSize: 1, includeTotal: undefined },
      { active: "True", page: 1, pageSize: 1, includeTotal: undefined }, // the boundary check: page 1's last record again
    ]);
  });

  test("a page size above 5000 is lowered to 5000", async () => {
    const { client, asked } = pagesOf({ 1: { hasMore: false, totalCount: 1, data: [{ id: 1 }] } });
    await fetchAll(client, list, { pageSize: 9000 });
    expect(asked[0]).toMatchObject({ page: 1, pageSize: 5000, includeTotal: true });
  });

  test("an announced total above maxRecords fails before any further page is asked for", async () => {
    const { client, asked } = pagesOf({ 1: { hasMore: true, totalCount: 11, data: [{ id: 1 }] } });
    await expect(fetchAll(client, list, { maxRecords: 10, pageSize: 1 })).rejects.toThrow(
      'ServiceTitan "List Customers": more than 10 records match (at least 11); narrow the filters or raise Max Records.',
    );
    expect(asked).toHaveLength(1);
  });

  test("a total of exactly maxRecords is fetched", async () => {
    const { client } = pagesOf({ 1: { hasMore: true, totalCount: 2, data: [{ id: 1 }] }, 2: { hasMore: false, data: [{ id: 2 }] } });
    expect((await fetchAll(client, list, { maxRecords: 2, pageSize: 1 })).data).toHaveLength(2);
  });

  test("a first page of exactly maxRecords records is returned", async () => {
    const { client } = pagesOf({ 1: { hasMore: false, data: [{ id: 1 }, { id: 2 }] } });
    expect((await fetchAll(client, list, { maxRecords: 2 })).data).toHaveLength(2);
  });

  test("walking without a total up to exactly maxRecords records succeeds", async () => {
    const { client } = pagesOf({ 1: { hasMore: true, data: [{ id: 1 }] }, 2: { hasMore: false, data: [{ id: 2 }] } });
    expect((await fetchAll(client, list, { maxRecords: 2, pageSize: 1 })).data).toHaveLength(2);
  });

  test("pages within the total that hold more records than announced still count towards maxRecords", async () => {
    const { client } = pagesOf({ 1: { hasMore: true, totalCount: 2, data: [{ id: 1 }] }, 2: { hasMore: false, data: [{ id: 2 }, { id: 3 }] } });
    await expect(fetchAll(client, list, { maxRecords: 2, pageSize: 1 })).rejects.toThrow(/more than 2 records match \(at least 3\)/);
  });

  test("an answer that is not a page of records is an error naming the operation", async () => {
    for (const body of [null, "text", { data: {}, hasMore: false }, { data: [] }, { data: [], hasMore: "no" }]) {
      const client: ServiceTitanClient = { tenant: "1", apiBaseUrl: "x", request: async <T>() => ({ status: 200, headers: {}, data: body as T }) };
      await expect(fetchAll(client, list)).rejects.toThrow('ServiceTitan "List Customers": the response is not a page of records (missing data or hasMore).');
    }
  });

  test("a first page larger than maxRecords fails", async () => {
    const { client } = pagesOf({ 1: { hasMore: false, data: [{ id: 1 }, { id: 2 }, { id: 3 }] } });
    await expect(fetchAll(client, list, { maxRecords: 2 })).rejects.toThrow(/more than 2 records match \(at least 3\)/);
  });

  test("walking without a total: more records than maxRecords fails on the page that passes it", async () => {
    const { client, asked } = pagesOf({
      1: { hasMore: true, data: [{ id: 1 }, { id: 2 }] },
      2: { hasMore: true, data: [{ id: 3 }, { id: 4 }] },
      3: { hasMore: false, data: [{ id: 5 }] },
    });
    await expect(fetchAll(client, list, { maxRecords: 3, pageSize: 2 })).rejects.toThrow(/more than 3 records match \(at least 4\)/);
    expect(asked).toHaveLength(2);
  });

  test("pages fetched past the announced total count towards maxRecords too", async () => {
    const { client } = pagesOf({
      1: { hasMore: true, totalCount: 2, data: [{ id: 1 }] },
      2: { hasMore: true, data: [{ id: 2 }] },
      3: { hasMore: false, data: [{ id: 3 }] },
    });
    await expect(fetchAll(client, list, { maxRecords: 2, pageSize: 1 })).rejects.toThrow(/more than 2 records match \(at least 3\)/);
  });

  test("an empty page ends the walk even when it says there is more", async () => {
    const { client, asked } = pagesOf({ 1: { hasMore: true, data: [{ id: 1 }] }, 2: { hasMore: true, data: [] } });
    const all = await fetchAll(client, list, { pageSize: 1 });
    expect(asked.map((q) => q.page)).toEqual([1, 2, 1]); // pages 1 and 2, then the check of their boundary
    expect(all).toEqual({ page: 1, pageSize: 1, hasMore: false, totalCount: 1, data: [{ id: 1 }] });
  });

  test("when a page within the total says there is no more, later pages are not read into the result", async () => {
    const { client } = pagesOf({
      1: { hasMore: true, totalCount: 3, data: [{ id: 1 }] },
      2: { hasMore: false, data: [{ id: 2 }] },
      3: { hasMore: false, data: [{ id: 3 }] },
    });
    const all = await fetchAll(client, list, { pageSize: 1, concurrency: 1 });
    expect(all.data).toEqual([{ id: 1 }, { id: 2 }]);
  });

  test("records without an id are all kept; records with one are kept once", async () => {
    const { client } = pagesOf({ 1: { hasMore: false, data: [{ name: "a" }, { name: "a" }, "x", null, null, { id: 7 }, { id: 7 }] } });
    expect((await fetchAll(client, list)).data).toEqual([{ name: "a" }, { name: "a" }, "x", null, null, { id: 7 }]);
  });

  test("concurrency below 1 still fetches (one worker)", async () => {
    const { client } = pagesOf({
      1: { hasMore: true, totalCount: 3, data: [{ id: 1 }] },
      2: { hasMore: true, data: [{ id: 2 }] },
      3: { hasMore: false, data: [{ id: 3 }] },
    });
    expect((await fetchAll(client, list, { pageSize: 1, concurrency: 0 })).data).toHaveLength(3);
  });
});
