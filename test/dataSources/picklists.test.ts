/**
 * Every picklist against a sandbox holding 12,000 records of its kind: 10,000 items come back in at
 * most two requests of 5,000, labelled in the established style, sorted, one per record.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { schedulingProData } from "../../sandbox/resources/schedulingPro";
import { K, type Rec } from "../../sandbox/store";
import { dataSources } from "../../src/dataSources";
import { addressLine } from "../../src/dataSources/labels";
import { useSandbox } from "../support/harness";
import { MORE_CASES, MORE_KEYS_TESTED_APART } from "./moreCases";
import { apiRequests, clearLogs, insertMany, isSorted, logs, runDataSource } from "./support";

const N = 12_000;
const named = (r: { id: unknown; name?: unknown }) => `${String(r.name)} (ID: ${String(r.id)})`;

type Row = Record<string, unknown> & { id: unknown };

interface Case {
  key: string;
  collection: string;
  label: (r: Row) => string;
  /** The label starts with `label(r)` (more follows it). */
  startsWith?: boolean;
  /** Paths of the label lookups a load may add besides its own two pages (at most 21 requests). */
  lookups?: RegExp;
  /** Records to insert through the store API when seed data cannot make them. */
  insert?: (i: number) => Record<string, unknown>;
}

const CASES: Case[] = [
  { key: "selectCustomers", collection: K.customers, label: named },
  { key: "selectLocation", collection: K.locations, label: (r) => `${String(r.name)} — ${addressLine(r.address)} (ID: ${String(r.id)})` },
  // names of job types and customers: labels.test.ts; here the number leads and the lookups stay bounded
  { key: "selectJob", collection: K.jobs, label: (r) => `#${String(r.jobNumber)}`, startsWith: true, lookups: /\/(job-types|customers)$/ },
  { key: "selectAppointment", collection: K.appointments, label: (r) => `#${String(r.appointmentNumber)} (ID: ${r.id})` },
  { key: "selectBooking", collection: K.bookings, label: named },
  { key: "selectTechnician", collection: K.technicians, label: named },
  { key: "selectBusinessUnit", collection: K.businessUnits, label: named },
  { key: "selectJobType", collection: K.jobTypes, label: named },
  { key: "selectCampaign", collection: K.campaigns, label: named },
  { key: "selectTagType", collection: K.tagTypes, label: named },
  { key: "selectJobCancelReason", collection: K.jobCancelReasons, label: named },
  { key: "selectCallReason", collection: K.callReasons, label: named },
  { key: "selectUserRole", collection: K.userRoles, label: named },
  { key: "selectBookingProviderTag", collection: K.bookingProviderTags, label: (r) => `${String(r.tagName)} (ID: ${r.id})` },
  {
    key: "selectProject",
    collection: "jpm:/projects",
    label: named,
    insert: (i) => ({ name: `Kitchen remodel ${i + 1}`, number: String(5000 + i), status: "In Progress" }),
  },
  {
    key: "selectInstalledEquipment",
    collection: "equipmentsystems:/installed-equipment",
    label: named,
    insert: (i) => ({ name: `${i % 2 ? "furnace" : "Water Heater"} ${i + 1}`, serialNumber: `SN${i}`, status: "Installed" }),
  },
  {
    key: "selectInvoice",
    collection: "accounting:/invoices",
    label: (r) => `#${String(r.referenceNumber)}`,
    insert: (i) => ({ referenceNumber: String(30_000 - i), total: "100.00", balance: "0.00" }),
  },
  // Scheduling Pro data lives in the sandbox's own generated set (string ids), not in a store collection
  { key: "selectScheduler", collection: "schedulingpro", label: named },
  {
    key: "selectJobHoldReason",
    collection: "jpm:/job-hold-reasons",
    label: named,
    insert: (i) => ({ name: `Hold reason ${i + 1}` }),
  },
];

const timings: string[] = [];
let sandbox: Sandbox;
let connection: Connection;
let contactCustomer: Rec;

const t0 = performance.now();
const t = useSandbox("production", {
  seedData: {
    customers: N,
    secondLocationEvery: 5,
    technicians: N,
    employees: 0,
    businessUnits: N,
    jobTypes: N,
    campaigns: N,
    jobs: N,
    bookings: N,
    callReasons: N,
    jobCancelReasons: N,
    userRoles: N,
    tagTypes: N,
    bookingProviderTags: N,
  },
});
beforeAll(() => {
  sandbox = t.sb;
  for (const c of CASES) if (c.insert) insertMany(sandbox, c.collection, N, c.insert);
  const sp = schedulingProData(sandbox.store, 1);
  const template = sp.schedulers[0];
  for (let i = 0; i < N; i++) sp.schedulers.push({ ...template, id: `sch-t-${i + 1}`, name: `Scheduler ${i + 1}`, isDefault: false });
  contactCustomer = sandbox.store.all(K.customers)[3];
  insertMany(
    sandbox,
    K.customerContacts,
    N,
    (i) => ({ type: i % 3 ? "Email" : "Phone", value: i % 3 ? `person${i}@example.com` : `619555${String(i).padStart(4, "0")}`, memo: null, customerId: contactCustomer.id }),
    String(contactCustomer.id),
  );
  connection = t.connection;
  timings.push(`set-up ${Math.round(performance.now() - t0)} ms`);
}, 60_000);

afterAll(() => {
  if (process.env.PICKLIST_TIMINGS) console.log(timings.join("\n"));
});

beforeEach(() => {
  sandbox.clearRequests();
  clearLogs();
});

const recordsOf = (collection: string, parent?: string): Row[] =>
  collection === "schedulingpro" ? (schedulingProData(sandbox.store, 1).schedulers as unknown as Row[]) : sandbox.store.all(collection, parent);

const check = async (
  key: string,
  collection: string,
  label: (r: Row) => string,
  params: Record<string, unknown>,
  parent?: string,
  opts: Pick<Case, "startsWith" | "lookups"> = {},
) => {
  const all = recordsOf(collection, parent);
  expect(all.length).toBeGreaterThanOrEqual(N);
  const byId = new Map(all.map((r) => [String(r.id), r]));

  const t0 = performance.now();
  const listed = await runDataSource(key, { connection, ...params });
  timings.push(`${key} ${Math.round(performance.now() - t0)} ms`);

  const sent = apiRequests(sandbox);
  const requests = opts.lookups ? sent.filter((r) => !(opts.lookups as RegExp).test(r.path)) : sent;
  expect(sent.length - requests.length).toBeLessThanOrEqual(21);
  expect(requests.length).toBeGreaterThanOrEqual(1);
  expect(requests.length).toBeLessThanOrEqual(2);
  for (const r of requests) expect(r.query.pageSize).toBe("5000");
  expect(requests.map((r) => r.query.page).sort()).toEqual(["1", "2"]);

  // more exist than fit: the last item says so, the records come before it
  const more = listed[listed.length - 1];
  expect(more.label).toMatch(/^More than 10,000 .* exist: the (newest|first) 10,000 are listed/);
  const items = listed.slice(0, -1);
  expect(items).toHaveLength(10_000);
  expect(new Set(items.map((i) => i.key)).size).toBe(10_000);
  const mismatches: string[] = [];
  for (const item of items) {
    const rec = byId.get(item.key);
    const want = rec ? label(rec) : "(no such record)";
    if (opts.startsWith ? !item.label.startsWith(want) : item.label !== want) mismatches.push(`${item.key}: ${item.label} ≠ ${want}`);
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
  expect(isSorted(items)).toBe(true);
  // lists that can be sorted are read newest first (sort=-Id) and keep the newest 10,000; the others their first 10,000
  const newestFirst = requests.every((r) => r.query.sort === "-Id");
  if (!newestFirst) expect(requests.every((r) => r.query.sort === undefined)).toBe(true);
  const ordered = newestFirst ? [...all].sort((a, b) => Number(b.id) - Number(a.id)) : all;
  const expected = new Set(ordered.slice(0, 10_000).map((r) => String(r.id)));
  expect(items.every((i) => expected.has(i.key))).toBe(true);
  expect(more.label).toContain(newestFirst ? "newest" : "first");
  // the flow log says so too (besides the transport's retry warnings: the production sandbox drops a connection now and then)
  expect(logs.filter((l) => l.level === "warn" && !/; retrying in \d+ ms/.test(l.text)).map((l) => l.text)).toEqual([
    expect.stringMatching(new RegExp(`more than 10000 .* the dropdown shows the ${newestFirst ? "newest" : "first"} 10000`)),
  ]);
  return items;
};

describe("picklists over 12,000 records", () => {
  it("covers every shipped data source", () => {
    // the dropdowns added for issue 15 item 8 share this factory; their records and labels: moreDropdowns.test.ts
    const more = [...MORE_CASES.map((c) => c.key), ...MORE_KEYS_TESTED_APART];
    expect([...CASES.map((c) => c.key), "selectCustomerContact", ...more].sort()).toEqual(Object.keys(dataSources).sort());
  });

  it.each(CASES.map((c) => [c.key, c] as const))("%s returns 10,000 items in at most two requests", async (_key, c) => {
    await check(c.key, c.collection, c.label, {}, undefined, c);
  });

  it("selectCustomerContact lists one customer's contacts (10,000 of 12,000+)", async () => {
    const items = await check(
      "selectCustomerContact",
      K.customerContacts,
      (r) => `${String(r.type)}: ${String(r.value)} (ID: ${String(r.id)})`,
      { customerId: String(contactCustomer.id) },
      String(contactCustomer.id),
    );
    expect(items[0].label).toMatch(/^Email: /);
    for (const r of apiRequests(sandbox)) expect(r.path).toBe(`/crm/v2/tenant/${sandbox.credentials.tenant}/customers/${contactCustomer.id}/contacts`);
  });

  it("sends active=True by default where the operation filters on it, and the chosen value otherwise", async () => {
    await runDataSource("selectUserRole", { connection });
    expect(apiRequests(sandbox).map((r) => r.query.active)).toEqual(["True", "True"]);
    sandbox.clearRequests();
    await runDataSource("selectUserRole", { connection, active: "any" });
    expect(apiRequests(sandbox).map((r) => r.query.active)).toEqual(["Any", "Any"]);
    sandbox.clearRequests();
    await runDataSource("selectBookingProviderTag", { connection });
    expect(apiRequests(sandbox)).toHaveLength(2);
    expect(apiRequests(sandbox).every((r) => !("active" in r.query))).toBe(true);
  });
});
