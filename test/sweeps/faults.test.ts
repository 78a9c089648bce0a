/**
 * Fault sweep: every misbehaviour the sandbox can produce, for a read (GET, Get Customer) and a write
 * (POST, Create Customer), through Spectral's adapter and the real transport. Each fault is either
 * retried (where repeating is safe) or ends in an error whose message says what happened; a POST is
 * never sent twice except after a 429 (ServiceTitan refused it, so nothing happened); Fetch All and
 * export drains return every record or fail — never a silent partial result.
 */
import type { Connection } from "@prismatic-io/spectral";
import { createServiceTitanClient, type StRequest } from "../../src/http/client";
import { fetchAll } from "../../src/paging/pages";
import type { FaultRule, Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { captureLogger, spectral as harness, useSandbox } from "../support/harness";

// Kept off the terminal, but still handed to the run's secret scan.
const quiet = { logger: captureLogger().logger } as never;

const address = { street: "1 Main St", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
const createParams = (connection: Connection, name: string) => ({
  connection,
  name,
  address: JSON.stringify(address),
  locations: JSON.stringify([{ name: "Home", address }]),
});

type Expect = { ok: true; requests: number; unverified?: boolean } | { ok: false; requests: number; message: RegExp };

/** What each fault must lead to, for a GET and for a POST (`times: 1`: the fault hits one request). */
const SWEEP: Array<{ name: string; rule: FaultRule; get: Expect; post: Expect }> = [
  {
    name: "429 with Retry-After",
    rule: { kind: "429", retryAfter: 1 },
    get: { ok: true, requests: 2 },
    post: { ok: true, requests: 2 }, // refused before processing: repeating is safe
  },
  {
    name: "500",
    rule: { kind: "500" },
    get: { ok: false, requests: 1, message: /^ServiceTitan "Get Customer" failed with 500 Internal Server Error: Internal Server Error — traceId: 00-[0-9a-f]{32}-/ },
    post: { ok: false, requests: 1, message: /^ServiceTitan "Create Customer" failed with 500 Internal Server Error: Internal Server Error — traceId: / },
  },
  ...(["502", "503", "504"] as const).map((status) => {
    const text = { "502": "Bad Gateway", "503": "Service Unavailable", "504": "Gateway Timeout" }[status];
    return {
      name: status,
      // "after": the write reached ServiceTitan and only the answer was lost
      rule: { kind: status, phase: "after" } as FaultRule,
      get: { ok: true, requests: 2 } as Expect,
      post: { ok: false, requests: 1, message: new RegExp(`^ServiceTitan "Create Customer" failed with ${status} ${text}: ${text} — traceId: `) } as Expect,
    };
  }),
  {
    name: "connection reset",
    rule: { kind: "reset" },
    get: { ok: true, requests: 2 },
    post: { ok: false, requests: 1, message: /^ServiceTitan "Create Customer" lost its connection \(reset\) after 1 attempt \(POST \/customers\)\.$/ },
  },
  {
    name: "truncated JSON",
    rule: { kind: "truncatedJson" },
    get: { ok: true, requests: 2 },
    post: {
      ok: false,
      requests: 1,
      message: /^ServiceTitan "Create Customer" returned 200 with a body that is not valid JSON \(\d+ bytes, starting "\{"id":\d+.*"\); the response was incomplete, so no partial result is returned\. The request may have been carried out: check in ServiceTitan before running it again\.$/,
    },
  },
  {
    name: "HTML error page",
    rule: { kind: "html" },
    get: { ok: true, requests: 2 },
    post: { ok: false, requests: 1, message: /^ServiceTitan "Create Customer" failed with 502 Bad Gateway — Response: 502 Bad Gateway 502 Bad Gateway sandbox-proxy$/ },
  },
  {
    name: "empty body with 500",
    rule: { kind: "empty", status: 500 },
    get: { ok: false, requests: 1, message: /^ServiceTitan "Get Customer" failed with 500 Internal Server Error — The response had no body\.$/ },
    post: { ok: false, requests: 1, message: /^ServiceTitan "Create Customer" failed with 500 Internal Server Error — The response had no body\.$/ },
  },
  {
    name: "empty body with 200",
    rule: { kind: "empty" },
    // a read answered with nothing is a cut-off response: read again
    get: { ok: true, requests: 2 },
    // A create answered 200 with nothing is never repeated, and never reported as a success: the
    // factory knows Create Customer promises the created record, so the result is unknown.
    post: {
      ok: false,
      requests: 1,
      message: /^ServiceTitan "Create Customer" answered 200 without the record it returns on success, so the result is unknown: the record may have been created\. Check in ServiceTitan before running it again\.$/,
    },
  },
];

describe("fault sweep: one GET and one POST action per fault", () => {
  let sb: Sandbox;
  let connection: Connection;
  let customerId: string;
  let created = 0;
  const t = useSandbox("production", { seedData: { customers: 20 } });
  beforeAll(() => ({ sb, connection, customerId } = t));

  const customersNamed = (name: string) => sb.store.all(K.customers).filter((c) => c.name === name).length;

  for (const c of SWEEP) {
    test(`GET, ${c.name}: ${c.get.ok ? "retried, then answered" : "a clear error"}`, async () => {
      sb.faults.set([{ ...c.rule, times: 1, match: { method: "GET", pathIncludes: `/customers/${customerId}` } }]);
      sb.clearRequests();
      const run = harness.action("getCustomer", { connection, customerId }, quiet);
      if (c.get.ok) {
        const result = (await run) as { data: { id: number; name: string } };
        expect(String(result.data.id)).toBe(customerId);
        expect(result.data.name).toEqual(expect.any(String));
      } else {
        await expect(run).rejects.toThrow(c.get.message);
      }
      const gets = sb.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/customers/${customerId}`));
      expect(gets).toHaveLength(c.get.requests);
      expect(gets[0].fault).toBeDefined();
    });

    test(`POST, ${c.name}: ${c.post.ok ? "answered" : "a clear error"}, sent ${c.post.requests === 1 ? "once" : "again only after 429"}`, async () => {
      const name = `Sweep ${++created} ${c.name}`;
      sb.faults.set([{ ...c.rule, times: 1, match: { method: "POST", pathIncludes: "/customers" } }]);
      sb.clearRequests();
      const run = harness.action("createCustomer", createParams(connection, name), quiet);
      if (c.post.ok) await run;
      else await expect(run).rejects.toThrow(c.post.message);
      const posts = sb.requests.filter((r) => r.method === "POST" && r.path.endsWith("/customers"));
      expect(posts).toHaveLength(c.post.requests);
      expect(posts.every((p) => JSON.parse(p.body).name === name)).toBe(true);
      // never two customers for one action run: a refused 429 created nothing, a lost answer is not repeated
      expect(customersNamed(name)).toBeLessThanOrEqual(1);
      if (c.post.ok && !c.post.unverified) expect(customersNamed(name)).toBe(1);
    });
  }
});

describe("fault sweep: timeouts and the retry budget (transport)", () => {
  let sb: Sandbox;
  let connection: Connection;
  let customerId: string;

  const t = useSandbox("production", { seedData: { customers: 5 } });
  beforeAll(() => ({ sb, connection, customerId } = t));

  test("GET that times out once is read again", async () => {
    sb.faults.set([{ kind: "slow", delayMs: 1500, times: 1 }]);
    sb.clearRequests();
    const client = createServiceTitanClient(connection, { timeoutMs: 300 });
    const res = await client.request<{ id: number }>({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: '"Get Customer"' });
    expect(String(res.data.id)).toBe(customerId);
    expect(sb.requests).toHaveLength(2);
  });

  test("POST that times out is not sent again, and says it timed out", async () => {
    sb.faults.set([{ kind: "slow", delayMs: 1500, times: 1 }]);
    sb.clearRequests();
    const client = createServiceTitanClient(connection, { timeoutMs: 300 });
    await expect(
      client.request({ module: "crm", method: "POST", path: "/customers", body: { name: "Timeout Test", address, locations: [{ name: "Home", address }] }, operation: '"Create Customer"' }),
    ).rejects.toThrow(/^ServiceTitan "Create Customer" timed out after 1 attempt \(POST \/customers\)\.$/);
    // how long it took is the bench's business; what matters here is the attempt count and the message
    expect(sb.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  test("a GET that keeps timing out stops at the total budget, not at maxAttempts", async () => {
    sb.faults.set([{ kind: "slow", delayMs: 2000 }]);
    sb.clearRequests();
    const waits: number[] = [];
    const client = createServiceTitanClient(connection, {
      timeoutMs: 200,
      retry: { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 100, totalBudgetMs: 1000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const error = await client.request({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: '"Get Customer"' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const attempts = sb.requests.length;
    expect((error as Error).message).toBe(`ServiceTitan "Get Customer" timed out after ${attempts} attempts (GET /customers/${customerId}).`);
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThan(8); // the budget, not the attempt count, ended it
    expect(waits).toHaveLength(attempts - 1);
  });

  test("a GET that keeps failing with 503 ends, after maxAttempts, with the last error", async () => {
    sb.faults.set([{ kind: "503" }]);
    sb.clearRequests();
    const waits: number[] = [];
    const client = createServiceTitanClient(connection, { retry: { maxAttempts: 4 }, sleep: async (ms) => void waits.push(ms) });
    await expect(client.request({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: '"Get Customer"' })).rejects.toThrow(
      /^ServiceTitan "Get Customer" failed with 503 Service Unavailable: Service Unavailable — traceId: /,
    );
    expect(sb.requests).toHaveLength(4);
    // exponential backoff with jitter: each step within [base·2^(n-1)/2, base·2^(n-1)]
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual((500 * 2 ** i) / 2);
      expect(w).toBeLessThanOrEqual(500 * 2 ** i);
    });
  });
});

/** Faults injected on the third request of a multi-page read. */
const PAGE_FAULTS: Array<{ name: string; rule: FaultRule; completes: boolean }> = [
  { name: "429", rule: { kind: "429", retryAfter: 1 }, completes: true },
  { name: "500", rule: { kind: "500" }, completes: false },
  { name: "503", rule: { kind: "503" }, completes: true },
  { name: "reset", rule: { kind: "reset" }, completes: true },
  { name: "truncated JSON", rule: { kind: "truncatedJson" }, completes: true },
  { name: "HTML page", rule: { kind: "html" }, completes: true },
  { name: "empty 200", rule: { kind: "empty" }, completes: true },
  { name: "a 200 that is not a page", rule: { kind: "status", status: 200, body: { items: [] } }, completes: false },
];

/** Lets the first two matching requests through, then applies `rule` once. */
const onThirdRequest = (fragment: string, rule: FaultRule): FaultRule[] => [
  { name: "pass", kind: "slow", delayMs: 0, times: 2, match: { pathIncludes: fragment } },
  { ...rule, name: "page3", times: 1, match: { pathIncludes: fragment } },
];

describe("fault sweep: Fetch All never returns a partial result; export drains declare one (hasMore, error) and resume", () => {
  let sb: Sandbox;
  let connection: Connection;
  let listed: number;
  let exported: number;

  // 12,000 customers: three pages of 5,000 for Fetch All, twelve export pages of 1,000
  const t = useSandbox("production", { seedData: { customers: 12_000 }, exportPageSize: 1000 });
  beforeAll(async () => {
    ({ sb, connection } = t);
    const all = (await harness.action("listCustomers", { connection, fetchAll: "true" }, quiet)) as { data: { data: unknown[] } };
    listed = all.data.data.length;
    const drained = (await harness.action("exportCustomers", { connection, drain: "true" }, quiet)) as { data: { data: unknown[] } };
    exported = drained.data.data.length;
    expect(listed).toBe(12_000);
    expect(exported).toBe(12_000);
  });

  const ids = (records: Array<{ id: number }>) => new Set(records.map((r) => r.id)).size;

  for (const f of PAGE_FAULTS) {
    test(`Fetch All, ${f.name} on page request 3: ${f.completes ? "every record, none twice" : "an error"}`, async () => {
      sb.faults.set(onThirdRequest("/customers", f.rule));
      sb.clearRequests();
      const outcome = await harness
        .action("listCustomers", { connection, fetchAll: "true" }, quiet)
        .then((r) => (r as { data: { data: Array<{ id: number }> } }).data.data)
        .catch((e: Error) => e);
      expect(sb.requests.some((r) => r.fault?.endsWith(":page3"))).toBe(true);
      if (f.completes) {
        expect(outcome).not.toBeInstanceOf(Error);
        const records = outcome as Array<{ id: number }>;
        expect(records).toHaveLength(listed);
        expect(ids(records)).toBe(listed);
      } else {
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error).message).toMatch(/^ServiceTitan "List Customers"/);
      }
    });

    test(`export drain, ${f.name} on request 3: ${f.completes ? "every record, none twice" : "the records read, hasMore and the reason; resuming completes the set"}`, async () => {
      sb.faults.set(onThirdRequest("/export/customers", f.rule));
      sb.clearRequests();
      const outcome = await harness
        .action("exportCustomers", { connection, drain: "true" }, quiet)
        .then((r) => (r as { data: { data: Array<{ id: number }>; hasMore: boolean } }).data)
        .catch((e: Error) => e);
      expect(sb.requests.some((r) => r.fault?.endsWith(":page3"))).toBe(true);
      if (f.completes) {
        expect(outcome).not.toBeInstanceOf(Error);
        const drained = outcome as { data: Array<{ id: number }>; hasMore: boolean };
        expect(drained.hasMore).toBe(false);
        expect(drained.data).toHaveLength(exported);
        expect(ids(drained.data)).toBe(exported);
      } else {
        // A failure after progress keeps it: the pages read, the token after them, hasMore and the reason.
        const partial = outcome as { data: Array<{ id: number }>; hasMore: boolean; continueFrom: string; error?: string };
        expect(partial.hasMore).toBe(true);
        expect(partial.error).toMatch(/^ServiceTitan "Export Customers"/);
        expect(partial.data).toHaveLength(2000);
        sb.faults.clear();
        const rest = (await harness.action("exportCustomers", { connection, drain: "true", from: partial.continueFrom }, quiet)) as {
          data: { data: Array<{ id: number }>; hasMore: boolean };
        };
        expect(rest.data.hasMore).toBe(false);
        expect(ids([...partial.data, ...rest.data.data])).toBe(exported);
        expect(partial.data.length + rest.data.data.length).toBe(exported);
      }
    });
  }
  // Runs last in this block: it adds a customer to the sandbox.
  test("Fetch All, newest first, with a customer created after page 1: the shift is seen, the list read again, every record once", async () => {
    // Newest first, a new customer goes to the front: every later record moves one place back, so page 2
    // repeats the record that ended page 1 and the boundary check sees the shift. Fetch All reads the list
    // again and returns every record once, the new customer included — never the shifted set.
    const client = createServiceTitanClient(connection, quiet);
    let created: number | undefined;
    const served: number[] = [];
    const shifting = {
      ...client,
      request: async <T>(r: StRequest) => {
        const res = await client.request<T>(r);
        served.push(...(res.data as { data: Array<{ id: number }> }).data.map((c) => c.id));
        if (created === undefined) created = sb.store.insert(K.customers, { name: "Shift Maker", type: "Residential" }).id;
        return res;
      },
    };
    const req: StRequest = { module: "crm", method: "GET", path: "/customers", query: { sort: "-id" }, operation: '"List Customers"' };
    const all = await fetchAll<{ id: number }>(shifting, req);
    expect(served.filter((id, i) => served.indexOf(id) !== i).length).toBeGreaterThan(0); // records really came twice
    expect(all.data).toHaveLength(listed + 1);
    expect(ids(all.data)).toBe(listed + 1);
    expect(all.data.map((c) => c.id)).toContain(created); // the second read saw it
  });

});
