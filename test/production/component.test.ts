/**
 * The component against the sandbox's production behaviours (README "The sandbox behaves like
 * production"), through real actions, data sources and the record trigger:
 *
 * - records that break the contract (an integer where a string enum is documented, null in a required
 *   field) are passed through unchanged — never "fixed", dropped or refused;
 * - a missing scope (403 `Scope validation failed`) and the contacts of an inactive customer (409
 *   `Customer ID = N is not active`) end with errors that carry ServiceTitan's words and say what to do.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { spectral as harness, useSandbox } from "../support/harness";
import { runRecordChanges } from "../triggers/support";

let sb: Sandbox;
let connection: Connection;
const t = useSandbox("production", { seed: 3 });
beforeAll(() => ({ sb, connection } = t));

type Rec = Record<string, unknown> & { id: number };
const listed = async (key: string, params: Record<string, unknown> = {}) =>
  ((await harness.action(key, { connection, fetchAll: "true", ...params })) as { data: { data: Rec[] } }).data.data;

describe("records that break the contract pass through unchanged", () => {
  test("Fetch All, Get, the record trigger and the dropdown hand them on as ServiceTitan sent them", async () => {
    const intType = sb.store.all(K.customers).find((c) => typeof c.type === "number");
    const nullCreator = sb.store.all(K.customers).find((c) => c.createdById === null);
    const nullPriority = sb.store.all(K.jobs).find((j) => j.priority === null);
    expect(intType && nullCreator && nullPriority).toBeTruthy(); // the sandbox's default breaks them

    const customers = await listed("listCustomers");
    expect(customers.find((c) => c.id === intType!.id)?.type).toBe(intType!.type);
    expect(customers.find((c) => c.id === nullCreator!.id)).toHaveProperty("createdById", null);
    const jobs = await listed("listJobs");
    expect(jobs.find((j) => j.id === nullPriority!.id)).toHaveProperty("priority", null);

    const one = (await harness.action("getCustomer", { connection, customerId: String(intType!.id) })) as { data: Rec };
    expect(one.data.type).toBe(intType!.type);

    const run = await runRecordChanges(connection, {}, { startFrom: "beginning", maxRecordsPerRun: "10000" });
    const delivered = run.data.records.find((r) => r.id === intType!.id);
    expect((delivered?.record as Rec | undefined)?.type).toBe(intType!.type);

    const picked = (await harness.dataSource("selectCustomers", { connection })) as { result: Array<{ key: string }> };
    expect(picked.result.map((o) => o.key)).toContain(String(intType!.id));
  });
});

describe("production refusals read well", () => {
  test("a scope the app was not granted: 403 with ServiceTitan's title and the scope to add", async () => {
    const customerId = String(sb.store.all(K.customers)[0].id);
    const granted = sb.grantedScopes;
    if (!granted) throw new Error("the sandbox should grant scopes by default");
    const saved = new Set(granted);
    granted.delete("tn.crm.customers:r");
    try {
      await expect(harness.action("getCustomer", { connection, customerId })).rejects.toThrow(
        /403.*Scope validation failed.*"tn\.crm\.customers:r"/s,
      );
    } finally {
      for (const s of saved) granted.add(s);
    }
    expect(((await harness.action("getCustomer", { connection, customerId })) as { data: Rec }).data.id).toBe(Number(customerId));
  });

  test("the contacts of an inactive customer: 409 with ServiceTitan's words", async () => {
    const customer = sb.store.all(K.customers)[1];
    sb.store.update(K.customers, customer.id, { active: false });
    await expect(harness.action("listCustomersContact", { connection, customerId: String(customer.id) })).rejects.toThrow(
      new RegExp(`409.*Customer ID = ${customer.id} is not active`, "s"),
    );
  });
});
