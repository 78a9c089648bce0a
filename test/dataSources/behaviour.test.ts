/**
 * Picklist behaviour that does not need 12,000 records: empty lists, short lists (one request),
 * bad or missing inputs (fail before any request, naming the input), API errors, the definitions
 * shown in the designer, and the label/sort rules themselves.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { reportingData } from "../../sandbox/resources/reporting";
import { schedulingProData } from "../../sandbox/resources/schedulingPro";
import { SEGMENTS, TASK_LISTS } from "../../sandbox/resources/shortLists";
import { K } from "../../sandbox/store";
import { builtPicklists, dataSources } from "../../src/dataSources";
import { buildPicklist, labelFor, sortByLabel, toItems } from "../../src/dataSources/picklist";
import { useSandbox } from "../support/harness";
import { apiRequests, runDataSource } from "./support";

const ZERO = {
  customers: 0,
  technicians: 0,
  employees: 0,
  businessUnits: 0,
  jobTypes: 0,
  campaigns: 0,
  jobs: 0,
  bookings: 0,
  callReasons: 0,
  jobCancelReasons: 0,
  userRoles: 0,
  tagTypes: 0,
  bookingProviderTags: 0,
  everyOtherList: 0,
};

describe("an empty tenant", () => {
  let sandbox: Sandbox;
  let connection: Connection;
  const t = useSandbox("production", { seedData: ZERO });
  beforeAll(() => {
    ({ sb: sandbox, connection } = t);
    // Scheduling Pro's generated schedulers have no seed knob: empty them here
    schedulingProData(sandbox.store, 1).schedulers.splice(0);
    // nor do Reporting's fixed categories and reports: a tenant with one category and no reports
    const reporting = reportingData(sandbox.store);
    reporting.categories.splice(0);
    reporting.reports.splice(0);
    // lists served in one answer show a fixed set until their collections exist: make them, empty
    for (const key of [...Object.values(TASK_LISTS), SEGMENTS]) sandbox.store.collection(key);
    // the generic seed of every other list is off in ZERO (everyOtherList: 0)
  });
  beforeEach(() => sandbox.clearRequests());

  const needsParent = ["selectCustomerContact", "selectLocationContact", "selectReport"];
  it.each(Object.keys(dataSources).filter((k) => !needsParent.includes(k)))("%s returns []", async (key) => {
    await expect(runDataSource(key, { connection })).resolves.toEqual([]);
    // sequential lists stop after page 1; concurrent ones asked for page 2 at the same time; a merged
    // dropdown reads two lists; a list served in one answer costs one request
    const def = builtPicklists().find((b) => b.key === key)?.definition;
    const perList = def?.field ? 1 : def?.strategy === "concurrent" ? 2 : 1;
    expect(apiRequests(sandbox)).toHaveLength(perList * (def?.merge ? 2 : 1));
  });

  it("selectReport returns [] for a category without reports", async () => {
    reportingData(sandbox.store).categories.push({ id: "custom", name: "Custom Reports" });
    await expect(runDataSource("selectReport", { connection, reportCategory: "custom" })).resolves.toEqual([]);
    expect(apiRequests(sandbox)).toHaveLength(1);
    reportingData(sandbox.store).categories.splice(0);
  });

  it("selectCustomerContact returns [] for a customer without contacts", async () => {
    const customer = sandbox.store.insert(K.customers, { name: "No Contacts Ltd", type: "Commercial" });
    await expect(runDataSource("selectCustomerContact", { connection, customerId: String(customer.id) })).resolves.toEqual([]);
  });
});

describe("inputs and errors", () => {
  let sandbox: Sandbox;
  let connection: Connection;
  const t = useSandbox("production", { seedData: { ...ZERO, customers: 3, businessUnits: 17 } });
  beforeAll(() => ({ sb: sandbox, connection } = t));
  beforeEach(() => sandbox.clearRequests());

  it("a short reference list costs one request and is sorted numerically", async () => {
    const items = await runDataSource("selectBusinessUnit", { connection });
    expect(apiRequests(sandbox)).toHaveLength(1);
    expect(items).toHaveLength(17);
    const names = items.map((i) => i.label.replace(/ \(ID: \d+\)$/, ""));
    // seed names: "HVAC - Service", …, "HVAC 9 - Service", …, "HVAC 17 - Service"
    expect(names.indexOf("HVAC 9 - Service")).toBeGreaterThan(-1);
    expect(names.indexOf("HVAC 9 - Service")).toBeLessThan(names.indexOf("HVAC 17 - Service"));
    expect(names[0]).toBe("Drains - Service");
  });

  it("selectCustomerContact without a Customer ID fails before any request, naming the input", async () => {
    await expect(runDataSource("selectCustomerContact", { connection })).rejects.toThrow(/^Customer ID: expected a value \(this input is required\)/);
    await expect(runDataSource("selectCustomerContact", { connection, customerId: "abc" })).rejects.toThrow(/^Customer ID: expected a positive whole-number ID/);
    expect(apiRequests(sandbox)).toHaveLength(0);
  });

  it("selectCustomerContact lists the customer's contacts", async () => {
    const customer = sandbox.store.all(K.customers)[0];
    const contacts = sandbox.store.all(K.customerContacts, customer.id);
    expect(contacts.length).toBeGreaterThan(0);
    const items = await runDataSource("selectCustomerContact", { connection, customerId: ` ${customer.id} ` });
    expect(items.map((i) => i.key).sort()).toEqual(contacts.map((c) => String(c.id)).sort());
    expect(items[0].label).toMatch(/^(MobilePhone|Email|Phone): \S+ \(ID: \d+\)$/);
  });

  it("an unknown customer surfaces ServiceTitan's 404 as a readable error", async () => {
    await expect(runDataSource("selectCustomerContact", { connection, customerId: "999999999" })).rejects.toThrow(/404|not found/i);
  });

  it("a bad Active value fails before any request", async () => {
    await expect(runDataSource("selectBusinessUnit", { connection, active: "yes" })).rejects.toThrow(/^Active: expected one of True, Any, False/);
    expect(apiRequests(sandbox)).toHaveLength(0);
  });
});

describe("definitions shown in the designer", () => {
  it.each(Object.entries(dataSources))("%s is a picklist that says how many it lists, with an example", (key, ds) => {
    expect(ds.dataSourceType).toBe("picklist");
    // up to two of the list's largest pages (5,000; Journal Entries 500), or one request for a list served whole
    const def = builtPicklists().find((b) => b.key === key)?.definition;
    expect(ds.display.description).toMatch(def?.field ? /one request/ : key === "selectJournalEntry" ? /up to 1,000 / : /up to 10,000 /);
    const example = (ds.examplePayload as { result: Array<{ key: unknown; label: unknown }> }).result;
    expect(example.length).toBeGreaterThan(0);
    for (const e of example) {
      expect(typeof e.key).toBe("string");
      expect(typeof e.label).toBe("string");
    }
    expect(example).toEqual(sortByLabel(example as never));
    const inputs = ds.inputs as Record<string, { label?: string; comments?: string; clean?: unknown; type: string }>;
    expect(inputs.connection?.type).toBe("connection");
    for (const [name, def] of Object.entries(inputs)) {
      if (name === "connection") continue;
      expect(def.label).toBeTruthy();
      expect(def.comments).toBeTruthy();
      expect(typeof def.clean).toBe("function");
    }
  });

  it("a definition naming a missing or non-list operation is refused at load time", () => {
    const base = { key: "x", noun: ["x", "xs"] as [string, string], label: "{name}", labelDescription: "name", example: [] };
    expect(() => buildPicklist({ ...base, operation: { module: "crm", operationId: "Nope_GetList" } })).toThrow(/not in the generated catalog/);
    expect(() => buildPicklist({ ...base, operation: { module: "crm", operationId: "Customers_Create" } })).toThrow(/not a paged list/);
    expect(() => buildPicklist({ ...base, operation: { module: "crm", operationId: "Customers_GetContactList" } })).toThrow(/path parameter id .* has no input/);
  });
});

describe("labels and order", () => {
  const named = { label: "{name}", noun: ["booking", "bookings"] as [string, string] };

  it("fills the template, adds the ID, and falls back to '<Noun> <id>' when a field is empty", () => {
    expect(labelFor(named, { id: 7, name: "Jane Doe" })).toBe("Jane Doe (ID: 7)");
    expect(labelFor(named, { id: 1, name: "  " })).toBe("Booking 1 (ID: 1)");
    expect(labelFor(named, { id: 2, name: null })).toBe("Booking 2 (ID: 2)");
    expect(labelFor({ label: "#{jobNumber}", withId: false, noun: ["job", "jobs"] }, { id: 3, jobNumber: "1234" })).toBe("#1234");
    expect(labelFor({ label: "{type}: {value}", noun: ["customer contact", "customer contacts"] }, { id: 4, type: "Email" })).toBe("Customer Contact 4 (ID: 4)");
    expect(labelFor({ label: "{customer.name}", noun: ["invoice", "invoices"] }, { id: 5, customer: { name: "Acme" } })).toBe("Acme (ID: 5)");
  });

  it("sorts case-insensitively, numbers as numbers, equal labels in their original order", () => {
    const items = ["#10", "banana", "#9", "Apple", "#2", "apple", "item 100", "Item 20"].map((label, i) => ({ key: String(i), label }));
    const sorted = sortByLabel(items);
    expect(sorted.map((i) => i.label)).toEqual(["#2", "#9", "#10", "Apple", "apple", "banana", "Item 20", "item 100"]);
    expect(sorted.filter((i) => /^apple$/i.test(i.label ?? "")).map((i) => i.key)).toEqual(["3", "5"]);
  });

  it("keeps one item per id, skips records without an id, and stops at 10,000", () => {
    const records = [{ id: 2, name: "b" }, { id: 1, name: "a" }, { id: 2, name: "b again" }, { name: "no id" }, null];
    expect(toItems(named, records)).toEqual([
      { key: "1", label: "a (ID: 1)" },
      { key: "2", label: "b (ID: 2)" },
    ]);
    const many = Array.from({ length: 10_050 }, (_, i) => ({ id: i + 1, name: `n${i}` }));
    expect(toItems(named, many)).toHaveLength(10_000);
  });
});
