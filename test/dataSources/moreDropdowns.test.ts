/**
 * The dropdowns for the resources that ID inputs name (issue 15 item 8): each lists the sandbox's
 * records of its kind through the transport, labelled so a builder can tell them apart. The paging and
 * truncation rules they share with every picklist are measured in picklists.test.ts and truncated.test.ts.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { builtPicklists } from "../../src/dataSources";
import { useSandbox } from "../support/harness";
import { MORE_CASES } from "./moreCases";
import { apiRequests, runDataSource } from "./support";

let sandbox: Sandbox;
let connection: Connection;
const t = useSandbox("production", { seedData: { customers: 3, technicians: 2, employees: 2, jobs: 0, bookings: 0, everyOtherList: 0 } });
beforeAll(() => ({ sb: sandbox, connection } = t));
beforeEach(() => sandbox.clearRequests());

const listed = (items: Array<{ key: string; label: string }>) => items.map((i) => i.label.replace(/ \(ID: [^)]+\)$/, "")).sort();

describe.each(MORE_CASES.filter((c) => c.records.length))("$key", (c) => {
  it("lists the records, labelled for a builder, through the list operation", async () => {
    // only this case's records (the generically served modules start with seed records)
    for (const r of sandbox.store.all(c.collection)) sandbox.store.remove(c.collection, Number(r.id));
    const ids = c.records.map((r) => String(sandbox.store.insert(c.collection, r).id));
    const items = await runDataSource(c.key, { connection, ...c.params?.() });
    // "<id>" in an expected label stands for the record's id (records without a name read "<Noun> <id>")
    expect(listed(items)).toEqual(c.labels.map((l, i) => l.replace("<id>", ids[i])).sort());
    const op = builtPicklists().find((b) => b.key === c.key)?.op;
    const requests = apiRequests(sandbox);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    for (const r of requests) expect(r.path).toBe(`/${op?.module}/${op?.version ?? "v2"}/tenant/${sandbox.credentials.tenant}${op?.path}`);
  });
});

test("selectInventoryLocation lists the warehouses and the trucks, each labelled with its kind", async () => {
  for (const key of ["inventory:/warehouses", "inventory:/trucks"]) for (const r of sandbox.store.all(key)) sandbox.store.remove(key, Number(r.id));
  const warehouse = sandbox.store.insert("inventory:/warehouses", { name: "Glendale Main Warehouse", active: true });
  const truck = sandbox.store.insert("inventory:/trucks", { name: "Truck 12 - Morgan", active: true });
  const items = await runDataSource("selectInventoryLocation", { connection });
  expect(items).toEqual([
    { key: String(warehouse.id), label: `Glendale Main Warehouse · Warehouse (ID: ${warehouse.id})` },
    { key: String(truck.id), label: `Truck 12 - Morgan · Truck (ID: ${truck.id})` },
  ]);
  expect(apiRequests(sandbox).map((r) => r.path.replace(/.*\//, "")).sort()).toEqual(["trucks", "warehouses"]);
});

test("selectEmployee lists the employees; selectTechnicianOrEmployee both, each labelled with its kind", async () => {
  const employees = sandbox.store.all(K.employees);
  const technicians = sandbox.store.all(K.technicians);
  expect(listed(await runDataSource("selectEmployee", { connection }))).toEqual(employees.map((e) => String(e.name)).sort());
  sandbox.clearRequests();
  const both = await runDataSource("selectTechnicianOrEmployee", { connection });
  expect(listed(both)).toEqual([...technicians.map((r) => `${String(r.name)} · Technician`), ...employees.map((r) => `${String(r.name)} · Employee`)].sort());
  expect(both.map((i) => i.key).sort()).toEqual([...technicians, ...employees].map((r) => String(r.id)).sort());
  expect(apiRequests(sandbox).map((r) => r.path.replace(/.*\//, "")).sort()).toEqual(["employees", "technicians"]);
});

test("selectTaskEmployee lists the employees Task Management names, in one request", async () => {
  const items = await runDataSource("selectTaskEmployee", { connection });
  expect(listed(items)).toEqual(sandbox.store.all(K.employees).map((e) => String(e.name)).sort());
  expect(apiRequests(sandbox)).toHaveLength(1);
});

test("selectContact and selectContactMethod (narrowed to one contact) list CRM contacts by GUID", async () => {
  const avery = await t.invoke("createContact", { name: "Avery Anderson", title: "Owner" });
  const blake = await t.invoke("createContact", { name: "Blake Brooks", title: "Property manager" });
  await t.invoke("createContactMethod", { contactId: avery.id, type: "Email", value: "avery.anderson@example.com" });
  await t.invoke("createContactMethod", { contactId: blake.id, type: "MobilePhone", value: "5125550142" });
  const contacts = await runDataSource("selectContact", { connection });
  expect(contacts).toEqual(expect.arrayContaining([{ key: avery.id, label: `Avery Anderson (ID: ${avery.id})` }, { key: blake.id, label: `Blake Brooks (ID: ${blake.id})` }]));
  const methods = await runDataSource("selectContactMethod", { connection, contactId: ` ${avery.id} ` });
  expect(listed(methods)).toEqual(["Email: avery.anderson@example.com"]);
});

test("selectLocationContact lists one location's contacts", async () => {
  const location = sandbox.store.all(K.locations)[0];
  const contacts = sandbox.store.all(K.locationContacts, location.id);
  const items = await runDataSource("selectLocationContact", { connection, locationId: String(location.id) });
  expect(items.map((i) => i.key).sort()).toEqual(contacts.map((c) => String(c.id)).sort());
  await expect(runDataSource("selectLocationContact", { connection })).rejects.toThrow(/^Location ID: expected a value/);
});
