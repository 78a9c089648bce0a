/**
 * The sandbox behaves like production by default (README "The sandbox behaves like production"): rate
 * limit with the wait in the body only, scopes, snapshot export feeds, churn between pages, lists that
 * page from 0, records that break the contract, 409s, trickling bodies. Raw HTTP against the sandbox.
 */
import { productionFromEnv, routeBudgets } from "../../sandbox/production";
import { RateLimiter } from "../../sandbox/rateLimit";
import type { RouteDef } from "../../sandbox/router";
import { K } from "../../sandbox/store";
import { connect, useClient, expectProblem } from "./helpers";

const ids = (body: any): number[] => body.data.map((x: any) => x.id);

describe("sandbox rate limit (on by default)", () => {
  let now = 1_000_000;
  const c = useClient({ production: { rateLimit: { now: () => now } } });

  it("allows 60 requests per sliding second per tenant, then answers a 429 with the wait only in the title", async () => {
    now += 10_000;
    for (let i = 0; i < 60; i++) {
      now += 5;
      expect((await c.get("crm", "/customers?pageSize=1")).status).toBe(200);
    }
    const limited = await c.get("crm", "/customers?pageSize=1");
    expect(limited.status).toBe(429);
    expectProblem(limited.body, 429);
    expect(limited.body.title).toBe("Rate limit is exceeded. Try again in 1 seconds.");
    expect(limited.headers.get("retry-after")).toBeNull();
    // the window slides: once the oldest request is a second old, one slot frees
    now += 1000 - 60 * 5 + 5;
    expect((await c.get("crm", "/customers?pageSize=1")).status).toBe(200);
    expect((await c.get("crm", "/customers?pageSize=1")).status).toBe(429);
  });

  it("can be turned off", async () => {
    const free = await connect({ production: { rateLimit: false } });
    try {
      const statuses = await Promise.all(Array.from({ length: 80 }, () => free.get("crm", "/customers?pageSize=1").then((r) => r.status)));
      expect(statuses.every((s) => s === 200)).toBe(true);
    } finally {
      await free.sb.close();
    }
  });
});

describe("npm run sandbox: production behaviours from the environment", () => {
  it("are all on unless SANDBOX_OPT_OUT names them", () => {
    expect(productionFromEnv({})).toEqual({});
    expect(productionFromEnv({ SANDBOX_OPT_OUT: "rateLimit, snapshotFeeds" })).toEqual({ rateLimit: false, snapshotFeeds: false });
    expect(productionFromEnv({ SANDBOX_OPT_OUT: "all" })).toBe(false);
    expect(productionFromEnv({ SANDBOX_RETRY_AFTER: "1" })).toEqual({ rateLimit: { retryAfterHeader: true } });
    expect(() => productionFromEnv({ SANDBOX_OPT_OUT: "rateLimits" })).toThrow(/unknown behaviour rateLimits/);
  });
});

describe("sandbox route budgets", () => {
  let now = 5_000_000;
  const c = useClient({
    production: {
      rateLimit: {
        now: () => now,
        retryAfterHeader: true,
        // a report-like budget: one run of the same path per minute per tenant, each page counting
        budgets: [{ name: "report", limit: 1, windowMs: 60_000, per: "path", match: { method: "GET", path: "/crm/v2/tenant/{tenant}/customers/{id}" } }],
      },
    },
  });

  it("counts each path on its own, says how long to wait and adds Retry-After when asked", async () => {
    const [a, b] = c.sb.store.all(K.customers);
    expect((await c.get("crm", `/customers/${a.id}`)).status).toBe(200);
    expect((await c.get("crm", `/customers/${b.id}`)).status).toBe(200);
    now += 10_000;
    const again = await c.get("crm", `/customers/${a.id}?page=2`);
    expect(again.status).toBe(429);
    expect(again.body.title).toBe("Rate limit is exceeded. Try again in 50 seconds.");
    expect(again.headers.get("retry-after")).toBe("50");
    expect((await c.get("crm", "/customers?pageSize=1")).status).toBe(200); // other routes: tenant budget only
    now += 50_000;
    expect((await c.get("crm", `/customers/${a.id}`)).status).toBe(200);
  });
});

describe("budgets declared by a route", () => {
  it("count each report path per tenant, every page included, and leave other routes alone", () => {
    const route: RouteDef = {
      module: "reporting",
      method: "POST",
      path: "/report-category/{category}/reports/{reportId}/data",
      handler: () => ({ status: 200 }),
      source: "builtin",
      budget: { limit: 1, windowMs: 60_000, per: "path" },
    };
    let now = 0;
    const limiter = new RateLimiter({ budgets: routeBudgets([route]), now: () => now });
    const report = (id: number, tenant = "1") => `/reporting/v2/tenant/${tenant}/report-category/ops/reports/${id}/data`;
    expect(limiter.admit("1", "POST", report(7))).toBeUndefined();
    now += 15_000;
    expect(limiter.admit("1", "POST", report(7))).toEqual({ budget: "POST reporting/report-category/{category}/reports/{reportId}/data", waitSeconds: 45 });
    expect(limiter.admit("1", "POST", report(8))).toBeUndefined(); // another report
    expect(limiter.admit("2", "POST", report(7, "2"))).toBeUndefined(); // another tenant
    expect(limiter.admit("1", "GET", "/crm/v2/tenant/1/customers")).toBeUndefined();
    now += 45_000;
    expect(limiter.admit("1", "POST", report(7))).toBeUndefined();
  });
});

describe("sandbox scopes", () => {
  it("grants every catalog scope by default and answers 403 outside a configured set", async () => {
    const all = await connect();
    try {
      expect((await all.get("crm", "/customers?pageSize=1")).status).toBe(200);
      expect((await all.get("jpm", "/jobs?pageSize=1")).status).toBe(200);
    } finally {
      await all.sb.close();
    }
    const c = await connect({ production: { scopes: ["tn.crm.customers:r"] } });
    try {
      expect((await c.get("crm", "/customers?pageSize=1")).status).toBe(200);
      const denied = await c.get("jpm", "/jobs?pageSize=1");
      expect(denied.status).toBe(403);
      expectProblem(denied.body, 403);
      expect(denied.body.title).toBe("Scope validation failed");
      c.sb.grantedScopes!.add("tn.jpm.jobs:r");
      expect((await c.get("jpm", "/jobs?pageSize=1")).status).toBe(200);
    } finally {
      await c.sb.close();
    }
  });
});

describe("sandbox export feeds are snapshots", () => {
  let now = Date.parse("2026-05-01T12:00:00.000Z");
  const c = useClient({ seedData: { customers: 12 }, exportPageSize: 5, clock: () => new Date(now) });

  const drain = async (from?: string, extra = "") => {
    const data: any[] = [];
    let token = from;
    for (let i = 0; i < 50; i++) {
      const res = await c.get("crm", `/export/customers?${token ? `from=${encodeURIComponent(token)}` : ""}${extra}`);
      expect(res.status).toBe(200);
      data.push(...res.body.data);
      token = res.body.continueFrom;
      if (!res.body.hasMore) break;
    }
    return { data, token: token! };
  };

  it("delivers a record changed twice between reads once, latest version, at its latest position", async () => {
    const { token } = await drain();
    const [a, b] = c.sb.store.all(K.customers);
    now += 1000;
    const created = await c.call("crm", "POST", "/customers", { name: "Snap Shot", type: "Residential", address: { street: "1 A St", city: "Austin", state: "TX", zip: "78701", country: "USA" }, locations: [{ name: "Home", address: { street: "1 A St", city: "Austin", state: "TX", zip: "78701", country: "USA" } }] });
    expect(created.status).toBe(200);
    now += 1000;
    await c.call("crm", "PATCH", `/customers/${a.id}`, { name: "First Edit" });
    now += 1000;
    await c.call("crm", "PATCH", `/customers/${b.id}`, { doNotMail: true });
    now += 1000;
    await c.call("crm", "PATCH", `/customers/${a.id}`, { name: "Second Edit" });
    now += 1000;
    await c.call("crm", "PATCH", `/customers/${created.body.id}`, { name: "Snap Shot Edited" });
    const { data, token: next } = await drain(token);
    expect(data.map((x) => x.id)).toEqual([b.id, a.id, created.body.id]);
    expect(data.map((x) => x.name)).toEqual([b.name, "Second Edit", "Snap Shot Edited"]);
    // the continuation token of the earlier read stays valid; a full read holds each record once
    expect((await drain(token)).data).toHaveLength(3);
    const full = (await drain()).data;
    expect(new Set(full.map((x) => x.id)).size).toBe(full.length);
    expect((await drain(next)).data).toHaveLength(0);
  });

  it("includeRecentChanges repeats the configured window of recent changes", async () => {
    const { token } = await drain();
    const repeated = await c.get("crm", `/export/customers?from=${encodeURIComponent(token)}&includeRecentChanges=true`);
    expect(repeated.body.data).toHaveLength(2);
    const wide = await connect({ seedData: { customers: 12 }, recentChangesOverlap: 4 });
    try {
      const end = (await wide.get("crm", "/export/customers")).body.continueFrom;
      expect((await wide.get("crm", `/export/customers?from=${encodeURIComponent(end)}&includeRecentChanges=true`)).body.data).toHaveLength(4);
    } finally {
      await wide.sb.close();
    }
  });

  it("serves every version when snapshots are turned off", async () => {
    const log = await connect({ seedData: { customers: 3 }, production: { snapshotFeeds: false } });
    try {
      const end = (await log.get("crm", "/export/customers")).body.continueFrom;
      const id = log.sb.store.all(K.customers)[0].id;
      await log.call("crm", "PATCH", `/customers/${id}`, { name: "One" });
      await log.call("crm", "PATCH", `/customers/${id}`, { name: "Two" });
      expect((await log.get("crm", `/export/customers?from=${encodeURIComponent(end)}`)).body.data.map((x: any) => x.name)).toEqual(["One", "Two"]);
    } finally {
      await log.sb.close();
    }
  });
});

describe("sandbox churn between pages", () => {
  const c = useClient({ seedData: { customers: 30 } });
  afterEach(() => c.sb.faults.clear());

  const page = (n: number, extra = "") => c.get("crm", `/customers?pageSize=10&page=${n}${extra}`);

  it("delete: a record of an earlier page disappears before a later page is served, so one record is skipped", async () => {
    const first = ids((await page(1)).body);
    const before = c.sb.store.all(K.customers).map((r) => r.id);
    c.sb.faults.add({ kind: "churn", action: "delete", match: { path: "**/customers" }, times: 1 });
    const second = await page(2);
    expect(c.sb.store.get(K.customers, first[9])).toBeUndefined();
    expect(ids(second.body)).toEqual(before.slice(11, 21));
    expect(c.sb.requests.at(-1)?.fault).toBe("churn:delete");
    expect(ids((await page(2)).body)).toEqual(before.slice(11, 21)); // times: 1
  });

  it("first pages are never churned; deactivate, insert and move change the list", async () => {
    c.sb.faults.add({ kind: "churn", action: "deactivate", match: { path: "**/customers" }, times: 1 });
    const first = ids((await page(1)).body);
    expect(c.sb.store.get(K.customers, first[9])?.active).toBe(true);
    await page(2);
    expect(c.sb.store.get(K.customers, first[9])?.active).toBe(false);

    const count = c.sb.store.all(K.customers).length;
    c.sb.faults.add({ kind: "churn", action: "insert", match: { path: "**/customers" }, times: 1 });
    const byName = ids((await page(1, "&sort=+Name")).body);
    await page(2, "&sort=+Name");
    expect(c.sb.store.all(K.customers).length).toBe(count + 1);
    const inserted = c.sb.store.all(K.customers).at(-1)!;
    expect(inserted.name).toBe(c.sb.store.get(K.customers, byName[9])!.name);

    c.sb.faults.add({ kind: "churn", action: "move", match: { path: "**/customers" }, times: 1 });
    const twenty = ids((await c.get("crm", "/customers?pageSize=20&sort=+Name")).body);
    await page(3, "&sort=+Name"); // earlier pages hold 20 records: the 20th by name moves
    const all = (await c.get("crm", "/customers?pageSize=100&sort=+Name")).body.data;
    expect(all.at(-1).id).toBe(twenty[19]);
    expect(String(all.at(-1).name).startsWith("zz ")).toBe(true);
  });

  it("churns a child list (one customer's contacts) and spends `times` only when it changes something", async () => {
    const owner = c.sb.store.all(K.customers)[3];
    for (let i = 0; i < 8; i++) await c.call("crm", "POST", `/customers/${owner.id}/contacts`, { type: "Email", value: `c${i}@example.com` });
    const contacts = () => c.sb.store.all(K.customerContacts, owner.id).map((r) => r.id);
    const before = contacts();
    c.sb.faults.add({ kind: "churn", action: "delete", match: { path: "**/contacts" }, times: 1 });
    expect((await c.get("crm", "/customers/contacts?customerIds=1&page=2")).status).toBe(200); // nothing to change there
    expect(c.sb.faults.list()[0].hits).toBe(0);
    const second = await c.get("crm", `/customers/${owner.id}/contacts?pageSize=4&page=2`);
    expect(contacts()).toEqual(before.filter((id) => id !== before[3]));
    expect(ids(second.body)).toEqual(before.slice(5, 9));
    expect(c.sb.faults.list()[0].hits).toBe(1);
  });

  it("refuses a churn rule without an action", () => {
    expect(() => c.sb.faults.add({ kind: "churn", match: { path: "**/customers" } })).toThrow(/action/);
  });
});

describe("sandbox lists that page from 0", () => {
  const c = useClient();

  it("the Intacct business-unit mappings page from 0, pageSize at most 500, includeTotal required", async () => {
    const total = c.sb.store.all("settings:/business-units/intacct").length;
    expect(total).toBeGreaterThanOrEqual(3);
    const p0 = await c.get("settings", "/business-units/intacct?page=0&pageSize=2&includeTotal=true");
    expect(p0.status).toBe(200);
    expect(p0.body).toMatchObject({ page: 0, pageSize: 2, hasMore: true, totalCount: total });
    const p1 = await c.get("settings", "/business-units/intacct?page=1&pageSize=2&includeTotal=true");
    expect(ids(p1.body)).toEqual(c.sb.store.all("settings:/business-units/intacct").slice(2, 4).map((r) => r.id));
    expect((await c.get("settings", "/business-units/intacct?page=0&pageSize=501&includeTotal=true")).status).toBe(400);
    expect((await c.get("settings", "/business-units/intacct?page=0&pageSize=2")).status).toBe(400);
    expect((await c.get("settings", "/business-units/intacct?page=-1&pageSize=2&includeTotal=true")).status).toBe(400);
    expect((await c.get("crm", "/customers?page=0")).status).toBe(400); // other lists still start at 1
  });
});

describe("sandbox records that break the contract", () => {
  it("a few seeded records carry an integer for a string enum or null in a required field, the same for a seed", async () => {
    const look = async (seed: number) => {
      const c = await connect({ seed });
      try {
        const customers = (await c.get("crm", "/customers?pageSize=100")).body.data;
        const technicians = (await c.get("settings", "/technicians?pageSize=100")).body.data;
        const jobs = (await c.get("jpm", "/jobs?pageSize=100")).body.data;
        return {
          intType: customers.filter((x: any) => typeof x.type === "number").map((x: any) => x.id),
          nullCreator: customers.filter((x: any) => x.createdById === null).map((x: any) => x.id),
          nullPriority: jobs.filter((x: any) => x.priority === null).map((x: any) => x.id),
          intLicense: technicians.filter((x: any) => typeof x.licenseType === "number").map((x: any) => x.id),
        };
      } finally {
        await c.sb.close();
      }
    };
    const one = await look(3);
    expect(one.intType).toHaveLength(1);
    expect(one.nullCreator).toHaveLength(1);
    expect(one.nullPriority).toHaveLength(1);
    expect(one.intLicense).toHaveLength(1);
    expect(await look(3)).toEqual(one);
    const clean = await connect({ seed: 3, production: { contractBreaks: false } });
    try {
      const customers = (await clean.get("crm", "/customers?pageSize=100")).body.data;
      expect(customers.every((x: any) => typeof x.type === "string")).toBe(true);
    } finally {
      await clean.sb.close();
    }
  });
});

describe("sandbox 409s", () => {
  const c = useClient();
  afterEach(() => c.sb.faults.clear());

  it("the contacts of an inactive customer answer 409", async () => {
    const id = c.sb.store.all(K.customers)[2].id;
    expect((await c.get("crm", `/customers/${id}/contacts`)).status).toBe(200);
    c.sb.store.update(K.customers, id, { active: false });
    const res = await c.get("crm", `/customers/${id}/contacts`);
    expect(res.status).toBe(409);
    expectProblem(res.body, 409);
    expect(res.body.title).toBe(`Customer ID = ${id} is not active`);
  });

  it("a maintenance 409 on any route succeeds once repeated", async () => {
    c.sb.faults.add({ kind: "maintenance", times: 2, match: { path: "/jpm/**" } });
    for (let i = 0; i < 2; i++) {
      const res = await c.get("jpm", "/jobs?pageSize=1");
      expect(res.status).toBe(409);
      expectProblem(res.body, 409);
      expect(res.body.title).toBe("The service is suspended for maintenance. Please try again later.");
    }
    expect((await c.get("jpm", "/jobs?pageSize=1")).status).toBe(200);
  });
});

describe("sandbox trickling bodies", () => {
  const c = useClient();

  it("sends the headers at once, then the body in chunks over delayMs", async () => {
    c.sb.faults.add({ kind: "trickle", delayMs: 400, chunks: 4, times: 1 });
    const res = await fetch(`${c.sb.apiBase("crm")}/customers?pageSize=5`, { headers: { authorization: `Bearer ${c.token}`, "st-app-key": c.sb.credentials.appKey } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const pieces: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(value);
    }
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    const text = Buffer.concat(pieces).toString("utf8");
    expect(JSON.parse(text).data).toHaveLength(5);
    expect(c.sb.requests.at(-1)?.fault).toBe("trickle");
  });
});
