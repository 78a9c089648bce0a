import { useClient, newCustomer, type Client } from "./helpers";

const drain = async (c: Client, path: string, from?: string, extra = "") => {
  const pages: any[] = [];
  let token = from;
  for (let i = 0; i < 100; i++) {
    const res = await c.get("crm", `${path}?${token ? `from=${encodeURIComponent(token)}` : ""}${extra}`);
    expect(res.status).toBe(200);
    pages.push(res.body);
    token = res.body.continueFrom;
    if (!res.body.hasMore) break;
  }
  return { pages, token: token!, data: pages.flatMap((p) => p.data) };
};

describe("sandbox export feeds", () => {
  let now = Date.parse("2026-05-01T12:00:00.000Z");
  const c = useClient({
    seedData: { customers: 30 },
    exportPageSize: 10,
    clock: () => new Date(now),
    production: { rateLimit: false },
    because: "these raw-HTTP drains do not pace themselves like a client; the feed semantics are under test",
  });

  it("exports from scratch in pages with continuation tokens", async () => {
    const { pages, data } = await drain(c, "/export/customers");
    expect(pages.length).toBe(3);
    expect(pages[0]).toMatchObject({ hasMore: true });
    expect(typeof pages[0].continueFrom).toBe("string");
    expect(pages[2].hasMore).toBe(false);
    expect(data).toHaveLength(30);
    expect(new Set(data.map((x: any) => x.id)).size).toBe(30);
    expect(data[0]).toEqual(expect.objectContaining({ id: expect.any(Number), active: true, modifiedOn: expect.any(String) }));
  });

  it("returns hasMore false and the same token when nothing is new, then delivers updates", async () => {
    const { token } = await drain(c, "/export/customers");
    const idle = await c.get("crm", `/export/customers?from=${encodeURIComponent(token)}`);
    expect(idle.body).toEqual({ hasMore: false, continueFrom: token, data: [] });

    now += 60_000;
    const created = (await c.call("crm", "POST", "/customers", newCustomer("Feed Person"))).body;
    now += 60_000;
    await c.call("crm", "PATCH", `/customers/${created.id}`, { name: "Feed Person II" });
    const next = await drain(c, "/export/customers", token);
    // a snapshot: created then edited between two reads arrives once, already edited
    expect(next.data.map((x: any) => [x.id, x.name])).toEqual([[created.id, "Feed Person II"]]);
    // locations and contacts have their own feeds
    const locs = await drain(c, "/export/locations");
    expect(locs.data.filter((l: any) => l.customerId === created.id)).toHaveLength(2);
    const contacts = await drain(c, "/export/customers/contacts");
    expect(contacts.data.filter((x: any) => x.customerId === created.id).length).toBeGreaterThan(0);
  });

  it("starts from a date and rejects garbage", async () => {
    const cutoff = new Date(now - 30_000).toISOString();
    const res = await drain(c, "/export/customers", cutoff);
    expect(res.data.map((x: any) => x.name)).toEqual(["Feed Person II"]);
    const fromDate = await c.get("crm", "/export/customers?from=2020-01-01");
    expect(fromDate.body.data).toHaveLength(10);
    expect((await c.get("crm", "/export/customers?from=not*a*token")).status).toBe(400);
    const other = (await c.get("crm", "/export/locations")).body.continueFrom;
    expect((await c.get("crm", `/export/customers?from=${other}`)).status).toBe(400);
  });

  it("repeats recent changes with includeRecentChanges=true", async () => {
    const { token } = await drain(c, "/export/customers");
    const ids = c.sb.store.all("crm:/customers").slice(0, 3).map((x) => x.id);
    now += 1000;
    for (const id of ids) await c.call("crm", "PATCH", `/customers/${id}`, { doNotMail: true });
    const plain = await c.get("crm", `/export/customers?from=${encodeURIComponent(token)}`);
    expect(plain.body.data).toHaveLength(3);
    const first = await c.get("crm", `/export/customers?from=${encodeURIComponent(plain.body.continueFrom)}`);
    expect(first.body.data).toHaveLength(0);
    now += 1000;
    await c.call("crm", "PATCH", `/customers/${ids[0]}`, { doNotMail: false });
    const recent = await c.get("crm", `/export/customers?from=${encodeURIComponent(plain.body.continueFrom)}&includeRecentChanges=true`);
    expect(recent.body.data.length).toBe(3); // 2 repeated + 1 new
    expect(recent.body.data.slice(0, 2).map((x: any) => x.id)).toEqual([ids[1], ids[2]]);
  });

  it("never loses a same-timestamp burst across pages", async () => {
    const { token } = await drain(c, "/export/customers");
    now += 5000; // the clock stands still during the burst
    const ids = c.sb.store.all("crm:/customers").map((x) => x.id).slice(0, 25);
    for (const id of ids) await c.call("crm", "PATCH", `/customers/${id}`, { doNotService: true });
    const burst = await drain(c, "/export/customers", token);
    expect(burst.pages.length).toBe(3);
    expect(burst.data.map((x: any) => x.id)).toEqual(ids);
    expect(new Set(burst.data.map((x: any) => x.modifiedOn)).size).toBe(1);
  });

  it("logs deletions and deactivations with active:false", async () => {
    const cust = c.sb.store.all("crm:/customers")[0];
    const contact = (await c.call("crm", "POST", `/customers/${cust.id}/contacts`, { type: "Email", value: "gone@example.com" })).body;
    const { token } = await drain(c, "/export/customers/contacts");
    await c.call("crm", "DELETE", `/customers/${cust.id}/contacts/${contact.id}`);
    const after = await drain(c, "/export/customers/contacts", token);
    expect(after.data).toEqual([expect.objectContaining({ id: contact.id, active: false, customerId: cust.id })]);
  });

  it("serves the other export feeds", async () => {
    for (const [module, path] of [
      ["jpm", "/export/jobs"],
      ["jpm", "/export/appointments"],
      ["dispatch", "/export/appointment-assignments"],
      ["settings", "/export/technicians"],
      ["crm", "/export/bookings"],
    ]) {
      const res = await c.get(module, path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.body.data.length).toBeGreaterThan(0);
    }
  });
});
