/**
 * Transport rules as data (issue 17 item 4, src/http/rules.ts), each proven through the one transport
 * against a local capture server: a per-report budget paces runs of the same report (and only those),
 * a wait longer than the call may wait fails before sending, a POST that only reads is retried like a
 * GET while a write is not, and page-size caps and first pages are refused before any request.
 *
 * Time is an injected wall clock that the injected sleep advances: no assertion depends on the
 * machine's speed, and nothing really waits a minute.
 */
import { createServiceTitanClient, type StRequest } from "../../src/http/client";
import { rulesFor, rulesForRequest, TRANSPORT_RULES } from "../../src/http/rules";
import { operationsByModule } from "../../src/operations/generated";
import type { ModuleKey } from "../../src/operations/types";
import { fetchAll, fetchPage } from "../../src/paging/pages";
import { type CaptureServer, captureConnection, startCaptureServer } from "../support/captureServer";

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.clear();
  server.setResponder(() => ({ status: 200, body: { page: 1, pageSize: 50, hasMore: false, data: [] } }));
});

/** A client on a fake clock: `sleep` advances it, each request takes 200 ms of it. Waits are recorded. */
const onFakeClock = (options: Record<string, unknown> = {}) => {
  const clock = { now: 1_800_000_000_000 };
  const waits: number[] = [];
  const sentAt: number[] = [];
  const client = createServiceTitanClient(captureConnection(server), {
    now: () => clock.now,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock.now += ms;
    },
    ...options,
  });
  server.setResponder(() => {
    sentAt.push(clock.now);
    clock.now += 200;
    return { status: 200, body: { page: 1, pageSize: 50, hasMore: false, data: [{ id: 1 }] } };
  });
  return { client, waits, sentAt, clock };
};

/** Run Report as Raw Request sends it: no operationId, matched on method and path. */
const runReport = (category: string, reportId: number, extra: Partial<StRequest> = {}): StRequest => ({
  module: "reporting",
  method: "POST",
  path: `/report-category/${category}/reports/${reportId}/data`,
  body: { parameters: [] },
  operation: `"Run Report" ${reportId}`,
  ...extra,
});

describe("budget: one run of the same report per minute per tenant", () => {
  test("two runs of the same report within a minute: the second waits until a minute after the first answer", async () => {
    const { client, waits, sentAt } = onFakeClock();
    await client.request(runReport("operations", 101));
    await client.request(runReport("operations", 101));
    expect(server.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
    // The first answer was in 200 ms after it was sent; the second is sent a full minute after that.
    expect(sentAt[1] - (sentAt[0] + 200)).toBe(60_000);
  });

  test("different reports (or the same report ID in another category) do not wait for each other", async () => {
    const { client, waits } = onFakeClock();
    await client.request(runReport("operations", 201));
    await client.request(runReport("operations", 202));
    await client.request(runReport("marketing", 201));
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([]);
  });

  test("each page counts: Fetch All of a three-page report waits a minute before each later page", async () => {
    const { client, waits, clock } = onFakeClock();
    const rows = [1, 2, 3, 4, 5, 6].map((id) => ({ id }));
    server.setResponder((req) => {
      const page = Number(req.query.page);
      const size = Number(req.query.pageSize);
      clock.now += 200;
      return { status: 200, body: { page, pageSize: size, hasMore: page * size < rows.length, data: rows.slice((page - 1) * size, page * size) } };
    });
    const all = await fetchAll(client, runReport("operations", 301), { pageSize: 2, countTotal: false });
    expect(all.data).toHaveLength(6);
    // Three pages and two boundary checks: five runs, four waits of a minute each.
    expect(server.requests).toHaveLength(5);
    expect(waits).toEqual([60_000, 60_000, 60_000, 60_000]);
  });

  test("pages queued behind the budget (Fetch All reads pages concurrently) are not failed by the time they spent queued", async () => {
    const { client, waits, clock } = onFakeClock();
    const rows = Array.from({ length: 8 }, (_, i) => ({ id: i + 1 }));
    server.setResponder((req) => {
      const page = Number(req.query.page);
      const size = Number(req.query.pageSize);
      clock.now += 200;
      return { status: 200, body: { page, pageSize: size, hasMore: page * size < rows.length, totalCount: rows.length, data: rows.slice((page - 1) * size, page * size) } };
    });
    const all = await fetchAll(client, runReport("operations", 351), { pageSize: 1, concurrency: 8 });
    expect(all.data).toHaveLength(8);
    // Eight pages and seven boundary checks, a minute apart: far more than the 300 s a single call may
    // spend on retries, yet no call failed for the time it waited its turn.
    expect(server.requests).toHaveLength(15);
    expect(waits).toHaveLength(14);
  });

  test("a wait longer than the time left before the run's deadline fails at once, nothing sent, saying why", async () => {
    const { client, clock, waits } = onFakeClock();
    await client.request(runReport("operations", 401));
    const error = (await client.request(runReport("operations", 401, { deadlineAt: clock.now + 10_000 })).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.message).toMatch(/was not sent.*one run of the same report per minute per tenant.*wait 60 s, more than the 10 s left before the run's time limit/);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test("a wait longer than the retry policy's longest wait fails at once (ST_BUDGET)", async () => {
    const { client, waits } = onFakeClock({ retry: { maxRetryAfterMs: 30_000 } });
    await client.request(runReport("operations", 501));
    const error = (await client.request(runReport("operations", 501)).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe("ST_BUDGET");
    expect(error.message).toMatch(/more than the 30 s this call may wait/);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe("repeatable: a POST that only reads is retried after a 5xx; a write never", () => {
  const failOnce = () => {
    let n = 0;
    server.setResponder(() => {
      n += 1;
      return n === 1 ? { status: 503, body: { title: "Service Unavailable" } } : { status: 200, body: { page: 1, pageSize: 50, hasMore: false, data: [] } };
    });
  };
  const quick = () => createServiceTitanClient(captureConnection(server), { sleep: async () => {}, retry: { baseDelayMs: 1 } });

  test("report data (matched by path, as Raw Request sends it) is sent again after a 503", async () => {
    failOnce();
    await quick().request(runReport("operations", 601));
    expect(server.requests).toHaveLength(2);
  });

  test("capacity (named by its operationId) is sent again after a 503", async () => {
    failOnce();
    await quick().request({ module: "dispatch", method: "POST", path: "/capacity", body: {}, operation: '"Get Capacity"', operationId: "Capacity_GetList" });
    expect(server.requests).toHaveLength(2);
  });

  test("a create is never sent twice", async () => {
    failOnce();
    await expect(
      quick().request({ module: "crm", method: "POST", path: "/customers", body: { name: "x" }, operation: '"Create Customer"', operationId: "Customers_Create" }),
    ).rejects.toThrow(/503/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("page-size cap and first page, refused before any request", () => {
  const client = () => createServiceTitanClient(captureConnection(server));
  const intacct: StRequest = { module: "settings", method: "GET", path: "/business-units/intacct", operation: '"List Intacct Mappings"' };
  const journal: StRequest = { module: "accounting", method: "GET", path: "/journal-entries", operation: '"List Journal Entries"', operationId: "JournalEntries_GetList" };

  test("over the contract's cap (Intacct mappings, 500): an input error naming Page Size, nothing sent", async () => {
    await expect(fetchPage(client(), intacct, 0, 501, true)).rejects.toThrow(/^Page Size \(query parameter pageSize\): expected a whole number from 1 to 500.*got 501/);
    expect(server.requests).toHaveLength(0);
    await fetchPage(client(), intacct, 0, 500, true);
    expect(server.requests).toHaveLength(1);
  });

  test("over a cap stated only in words (journal entries, a table row): refused", async () => {
    await expect(fetchPage(client(), journal, 1, 1000)).rejects.toThrow(/Page Size.*from 1 to 500/);
    expect(server.requests).toHaveLength(0);
  });

  test("over ServiceTitan's general 5,000 (customers), also through Raw Request's text values: refused", async () => {
    const customers: StRequest = { module: "crm", method: "GET", path: "/customers", operation: "Raw Request (GET /customers)" };
    await expect(client().request({ ...customers, query: { pageSize: "5001" } })).rejects.toThrow(/Page Size.*from 1 to 5000.*got "5001"/);
    await expect(client().request({ ...customers, query: { pageSize: "lots" } })).rejects.toThrow(/Page Size/);
    expect(server.requests).toHaveLength(0);
  });

  test("a row may allow more than 5,000 (report data: 25,000)", async () => {
    await client().request(runReport("operations", 701, { query: { page: 1, pageSize: 25_000 } }));
    expect(server.requests).toHaveLength(1);
    await expect(client().request(runReport("operations", 702, { query: { pageSize: 25_001 } }))).rejects.toThrow(/from 1 to 25000/);
    expect(server.requests).toHaveLength(1);
  });

  test("a page before the list's first page: refused naming Page (page 0 only where the list starts at 0)", async () => {
    await expect(client().request({ module: "crm", method: "GET", path: "/customers", query: { page: 0 }, operation: '"List Customers"' })).rejects.toThrow(
      /^Page \(query parameter page\): expected a whole number from 1 \(this list's first page is 1\), got 0/,
    );
    expect(server.requests).toHaveLength(0);
    await fetchPage(client(), intacct, 0, 50, true);
    expect(server.requests).toHaveLength(1);
  });
});

describe("the table", () => {
  test("every row names a real operation of its contract: same method and path", () => {
    for (const row of TRANSPORT_RULES) {
      const ops = operationsByModule[row.module as ModuleKey];
      expect(ops).toBeDefined(); // every row's module is in the catalog (Reporting joined it with issue 16)
      const op = ops?.find((o) => o.operationId === row.operationId);
      expect(op && `${op.method} ${op.path}`).toBe(`${row.method} ${row.path}`);
    }
  });

  test("defaults come from the descriptor; a row overrides them", () => {
    const intacct = operationsByModule.settings.find((o) => o.operationId === "IntacctBusinessUnitMappings_Get");
    expect(intacct && rulesFor(intacct)).toMatchObject({ paged: true, maxPageSize: 500, firstPage: 0, repeatable: true });
    const capacity = operationsByModule.dispatch.find((o) => o.operationId === "Capacity_GetList");
    expect(capacity && rulesFor(capacity).repeatable).toBe(true);
    const create = operationsByModule.crm.find((o) => o.operationId === "Customers_Create");
    expect(create && rulesFor(create).repeatable).toBe(false);
    // Raw Request: literal segments win ("/customers/{id}" does not capture /customers/contacts).
    const byPath = (path: string) => rulesForRequest({ module: "crm", method: "GET", path }, (m) => operationsByModule[m as ModuleKey]).ref;
    expect(byPath("/customers/contacts")).toBe("crm:Customers_GetModifiedContactsList");
    expect(byPath("/customers/123")).toBe("crm:Customers_Get");
  });
});
