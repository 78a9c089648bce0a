import { connect, useClient, expectProblem } from "./helpers";

describe("sandbox paging", () => {
  const c = useClient({ seedData: { customers: 120 } });

  it("pages with hasMore and totalCount", async () => {
    const first = await c.get("crm", "/customers?pageSize=50&includeTotal=true");
    expect(first.body).toMatchObject({ page: 1, pageSize: 50, hasMore: true, totalCount: 120 });
    expect(first.body.data).toHaveLength(50);
    const ids = first.body.data.map((x: any) => x.id);
    expect([...ids].sort((a: number, b: number) => a - b)).toEqual(ids);
    const last = await c.get("crm", "/customers?pageSize=50&page=3");
    expect(last.body).toMatchObject({ page: 3, hasMore: false });
    expect(last.body.totalCount).toBeUndefined();
    expect(last.body.data).toHaveLength(20);
    const beyond = await c.get("crm", "/customers?pageSize=50&page=9");
    expect(beyond.body).toMatchObject({ hasMore: false, data: [] });
    const dflt = await c.get("crm", "/customers");
    expect(dflt.body.pageSize).toBe(50);
  });

  it("allows pageSize 5000 and rejects more", async () => {
    const max = await c.get("crm", "/customers?pageSize=5000");
    expect(max.status).toBe(200);
    expect(max.body.data).toHaveLength(120);
    const over = await c.get("crm", "/customers?pageSize=5001");
    expect(over.status).toBe(400);
    expectProblem(over.body, 400);
    expect(over.body.errors.pageSize).toBeDefined();
    expect((await c.get("crm", "/customers?page=0")).status).toBe(400);
  });

  it("filters by ids, active, dates and sorts", async () => {
    const all = (await c.get("crm", "/customers?pageSize=5000")).body.data;
    const pick = [all[3].id, all[7].id];
    const byIds = await c.get("crm", `/customers?ids=${pick.join(",")}`);
    expect(byIds.body.data.map((x: any) => x.id)).toEqual(pick);
    const cutoff = all[100].modifiedOn;
    const after = await c.get("crm", `/customers?modifiedOnOrAfter=${encodeURIComponent(cutoff)}&pageSize=5000`);
    expect(after.body.data).toHaveLength(20);
    const before = await c.get("crm", `/customers?createdBefore=${encodeURIComponent(cutoff)}&pageSize=5000`);
    expect(before.body.data).toHaveLength(100);
    const desc = await c.get("crm", "/customers?sort=-Id&pageSize=3");
    expect(desc.body.data.map((x: any) => x.id)).toEqual([all[119].id, all[118].id, all[117].id]);
    const byName = await c.get("crm", "/customers?sort=%2BName&pageSize=5000");
    const names = byName.body.data.map((x: any) => x.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
    expect((await c.get("crm", "/customers?sort=-Banana")).status).toBe(400);
    expect((await c.get("crm", "/customers?modifiedOnOrAfter=yesterday")).status).toBe(400);
    expect((await c.get("crm", "/customers?ids=1,x")).status).toBe(400);

    // deactivate one: hidden by default, visible with active=Any / False
    await c.call("crm", "PATCH", `/customers/${all[0].id}`, { active: false });
    expect((await c.get("crm", "/customers?pageSize=5000")).body.data).toHaveLength(119);
    expect((await c.get("crm", "/customers?pageSize=5000&active=Any")).body.data).toHaveLength(120);
    expect((await c.get("crm", "/customers?active=False")).body.data.map((x: any) => x.id)).toEqual([all[0].id]);
  });

  // Speed is measured by `npm run bench` (100,000 customers), not asserted here.
  it("serves full 5000-record pages of a large sandbox", async () => {
    const big = await connect({ seedData: { customers: 20_000, jobs: 0, bookings: 0 } });
    try {
      const page = await big.get("crm", "/customers?pageSize=5000&page=3&includeTotal=true");
      expect(page.body.data).toHaveLength(5000);
      expect(page.body.totalCount).toBe(20_000);
      expect(page.body.hasMore).toBe(true);
      const last = await big.get("crm", "/customers?pageSize=5000&page=4");
      expect(last.body.data).toHaveLength(5000);
      expect(last.body.hasMore).toBe(false);
    } finally {
      await big.sb.close();
    }
  });
});
