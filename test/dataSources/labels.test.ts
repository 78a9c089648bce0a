/**
 * Labels a builder can pick from without looking anything up: Select Location reads the address (and
 * can be narrowed to one customer), Select Job reads "#number · job type · customer". The job labels
 * cost few extra requests (one job-type list, customers by IDs in batches of at most 50) and never fail
 * the dropdown: when a lookup fails the label falls back to "#number".
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { K, type Rec } from "../../sandbox/store";
import { dataSources } from "../../src/dataSources";
import { useSandbox } from "../support/harness";
import { apiRequests, clearLogs, runDataSource } from "./support";

let sandbox: Sandbox;
let connection: Connection;
const t = useSandbox("production", { seedData: { customers: 120, secondLocationEvery: 3, jobs: 150, jobTypes: 6 } });
beforeAll(() => ({ sb: sandbox, connection } = t));
beforeEach(() => {
  sandbox.clearRequests();
  clearLogs();
});

const addressLine = (a: Record<string, unknown>): string =>
  [a.street, a.unit, a.city].filter(Boolean).join(", ") + (a.state || a.zip ? `, ${[a.state, a.zip].filter(Boolean).join(" ")}` : "");

describe("Select Location", () => {
  it("reads '<name> — <street>, <city>, <state> <zip> (ID: <id>)'", async () => {
    const items = await runDataSource("selectLocation", { connection });
    const locations = sandbox.store.all(K.locations);
    expect(items).toHaveLength(locations.length);
    const byId = new Map(locations.map((l) => [String(l.id), l]));
    for (const item of items) {
      const loc = byId.get(item.key) as Rec;
      const address = loc.address as Record<string, unknown>;
      expect(item.label).toBe(`${String(loc.name)} — ${addressLine(address)} (ID: ${loc.id})`);
    }
  });

  it("falls back to the name when a location has no address, and to 'Location <id>' without either", async () => {
    const customer = sandbox.store.all(K.customers)[0];
    const bare = sandbox.store.insert(K.locations, { customerId: customer.id, name: "Warehouse", address: null, active: true });
    const empty = sandbox.store.insert(K.locations, { customerId: customer.id, name: "", address: { street: "", city: null }, active: true });
    const items = await runDataSource("selectLocation", { connection, customerId: String(customer.id) });
    expect(items.find((i) => i.key === String(bare.id))?.label).toBe(`Warehouse (ID: ${bare.id})`);
    expect(items.find((i) => i.key === String(empty.id))?.label).toBe(`Location ${empty.id} (ID: ${empty.id})`);
    sandbox.store.remove(K.locations, bare.id);
    sandbox.store.remove(K.locations, empty.id);
  });

  it("an optional Customer input (a customer dropdown) narrows the list to that customer's locations", async () => {
    const ds = dataSources.selectLocation as unknown as { inputs: Record<string, { label: string; required?: boolean; dataSource?: string }> };
    expect(ds.inputs.customerId).toMatchObject({ required: false, dataSource: "selectCustomers" });
    const withTwo = sandbox.store.all(K.customers).find((c) => sandbox.store.all(K.locations).filter((l) => l.customerId === c.id).length > 1) as Rec;
    const own = sandbox.store.all(K.locations).filter((l) => l.customerId === withTwo.id);
    const items = await runDataSource("selectLocation", { connection, customerId: String(withTwo.id) });
    expect(items.map((i) => i.key).sort()).toEqual(own.map((l) => String(l.id)).sort());
    expect(apiRequests(sandbox).every((r) => r.query.customerId === String(withTwo.id))).toBe(true);
    await expect(runDataSource("selectLocation", { connection, customerId: "abc" })).rejects.toThrow(/^Customer ID: expected a positive whole-number ID/);
  });
});

describe("Select Job", () => {
  const expected = (): Map<string, string> => {
    const types = new Map(sandbox.store.all(K.jobTypes).map((jt) => [jt.id, String(jt.name)]));
    const customers = new Map(sandbox.store.all(K.customers).map((c) => [c.id, String(c.name)]));
    return new Map(
      sandbox.store.all(K.jobs).map((j) => [String(j.id), `#${String(j.jobNumber)} · ${types.get(j.jobTypeId as number)} · ${customers.get(j.customerId as number)}`]),
    );
  };

  it("reads '#<number> · <job type> · <customer>'", async () => {
    const items = await runDataSource("selectJob", { connection });
    const want = expected();
    expect(items).toHaveLength(want.size);
    expect(items.filter((i) => i.label !== want.get(i.key)).slice(0, 3)).toEqual([]);
  });

  it("resolves names with one job-type list and customer batches of at most 50 IDs", async () => {
    await runDataSource("selectJob", { connection });
    const reqs = apiRequests(sandbox);
    const typeReqs = reqs.filter((r) => /\/job-types$/.test(r.path));
    const customerReqs = reqs.filter((r) => /\/customers$/.test(r.path));
    expect(typeReqs).toHaveLength(1);
    const distinct = new Set(sandbox.store.all(K.jobs).map((j) => j.customerId)).size;
    expect(distinct).toBeGreaterThan(50);
    expect(customerReqs).toHaveLength(Math.ceil(distinct / 50));
    for (const r of customerReqs) {
      const ids = String(r.query.ids).split(",");
      expect(ids.length).toBeLessThanOrEqual(50);
      expect(r.query.active).toBe("Any"); // a job's customer may be inactive
    }
    const asked = customerReqs.flatMap((r) => String(r.query.ids).split(","));
    expect(new Set(asked).size).toBe(asked.length); // each customer asked once
  });

  it("a failed lookup degrades the labels, never the dropdown", async () => {
    sandbox.faults.add({ kind: "status", status: 403, body: { title: "Forbidden" }, match: { path: "/jpm/**/job-types" } });
    const noTypes = await runDataSource("selectJob", { connection });
    const jobs = sandbox.store.all(K.jobs);
    expect(noTypes).toHaveLength(jobs.length);
    for (const item of noTypes) expect(item.label).toMatch(/^#\S+ · [^·]+$/); // "#number · customer"
    sandbox.faults.clear();

    sandbox.faults.add({ kind: "status", status: 403, body: { title: "Forbidden" }, match: { path: "/crm/**/customers" } });
    sandbox.faults.add({ kind: "status", status: 403, body: { title: "Forbidden" }, match: { path: "/jpm/**/job-types" } });
    const bare = await runDataSource("selectJob", { connection });
    const numbers = new Map(jobs.map((j) => [String(j.id), `#${String(j.jobNumber)}`]));
    expect(bare.every((i) => i.label === numbers.get(i.key))).toBe(true);
  });
});
