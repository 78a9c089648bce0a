/**
 * Run Report end to end against the sandbox in its production profile, where ServiceTitan Reporting's
 * limit holds as on live tenants: one run of the same report per minute per tenant, each page counting,
 * and a 429 that states its wait only in the body's title.
 *
 * The sandbox's budget, its request times and the client share one fake clock that the client's sleep
 * advances, so a run that waits minutes takes milliseconds and every wait is measured exactly.
 */
import type { Connection } from "@prismatic-io/spectral";
import { type Sandbox, startSandbox } from "../../sandbox/server";
import { JOBS_COMPLETED_ROWS } from "../../sandbox/resources/reporting";
import { sandboxConnection } from "../../scripts/lib/connection";
import { createServiceTitanClient } from "../../src/http/client";
import { runReport, type RunReportOptions } from "../../src/reporting/run";
import { spectral as harness } from "../support/harness";

const START = Date.UTC(2026, 2, 2, 8, 0, 0);
const clock = { now: START };
let sb: Sandbox;
let connection: Connection;

beforeAll(async () => {
  // the fake clock runs minutes ahead per test; a day-long token keeps the tokens out of what is tested here
  sb = await startSandbox({ port: 0, clock: () => new Date(clock.now), tokenLifetimeSeconds: 86_400, production: { rateLimit: { now: () => clock.now } } });
  connection = await sandboxConnection(sb);
});
afterAll(async () => {
  await sb?.close();
});
beforeEach(() => {
  // a fresh minute for every test: no budget carried over from the test before
  clock.now += 10 * 60_000;
  sb.requests.length = 0;
});

/** A client on the shared fake clock; `waits` records every sleep (budget slots and retry waits). */
const fakeClient = (lines: string[] = []) => {
  const waits: number[] = [];
  const now = () => clock.now;
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.now += ms;
  };
  const logger = { info: (m: unknown) => lines.push(String(m)) };
  return { client: createServiceTitanClient(connection, { now, sleep, logger }), waits, now };
};

const JANUARY = { From: "2026-01-01", To: "01/31/2026" };
const jobsReport = (o: Partial<RunReportOptions> = {}): RunReportOptions => ({
  category: "operations",
  reportId: 2001,
  parameters: JANUARY,
  fetchAll: true,
  pageSize: 1000,
  page: 1,
  deadlineAt: clock.now + 14 * 60_000,
  ...o,
});

const dataRequests = (reportId = 2001) => sb.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/reports/${reportId}/data`));

test("Fetch All of a 3-page report: keyed rows, none dropped or repeated, one page a minute, no 429 provoked", async () => {
  const lines: string[] = [];
  const { client, waits, now } = fakeClient(lines);
  const run = await runReport(client, { ...jobsReport(), now });

  expect(run.count).toBe(JOBS_COMPLETED_ROWS);
  expect(run.totalCount).toBe(JOBS_COMPLETED_ROWS);
  expect(run.pages).toBe(3);
  expect(new Set(run.rows.map((r) => r.JobNumber)).size).toBe(JOBS_COMPLETED_ROWS);
  expect(run.rows[0]).toEqual({ JobNumber: "J-100001", CompletedOn: "2026-01-01", BusinessUnitId: 1001, BusinessUnit: "HVAC Service", JobType: "No Cool", Revenue: 150 });
  expect(run.rows[JOBS_COMPLETED_ROWS - 1].JobNumber).toBe(`J-${100000 + JOBS_COMPLETED_ROWS}`);
  expect(run.fields.map((f) => `${f.name}:${f.dataType}`)).toEqual(["JobNumber:String", "CompletedOn:Date", "BusinessUnitId:Number", "BusinessUnit:String", "JobType:String", "Revenue:Number"]);
  expect(run.parameters).toEqual([
    { name: "From", value: "2026-01-01" },
    { name: "To", value: "2026-01-31" },
  ]);

  // Three data requests, all answered 200 (the sandbox never had to refuse one), each a minute after the one before.
  const reads = dataRequests();
  expect(reads.map((r) => `page ${r.query.page} size ${r.query.pageSize}: ${r.status}`)).toEqual(["page 1 size 1000: 200", "page 2 size 1000: 200", "page 3 size 1000: 200"]);
  const times = reads.map((r) => Date.parse(r.time));
  for (let i = 1; i < times.length; i += 1) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(60_000);
  expect(waits).toEqual([60_000, 60_000]);
  expect(sb.requests.filter((r) => r.status === 429)).toEqual([]);
  // progress: a closing line with the totals and the waits
  expect(lines.join("\n")).toMatch(/"Run Report" "Jobs Completed by Business Unit": done, 2,500 rows from 3 pages in 3 requests, 2 waits \(120\.0 s\)/);
});

test("a 429 whose body states the wait: waited as asked, then the pages at the report's pace; no other 429", async () => {
  // Another run of the same report (another process: its own clock function, so its own budget) a few seconds before.
  const other = createServiceTitanClient(connection, { now: () => clock.now, sleep: async () => {} });
  await other.request({ module: "reporting", method: "POST", path: "/report-category/operations/reports/2001/data", body: { parameters: [{ name: "From", value: "2026-01-01" }, { name: "To", value: "2026-01-31" }] }, query: { pageSize: 1 }, operation: "another run" });
  clock.now += 5_000;

  const { client, waits, now } = fakeClient();
  const run = await runReport(client, { ...jobsReport(), now });
  expect(run.count).toBe(JOBS_COMPLETED_ROWS);
  const statuses = dataRequests().map((r) => r.status);
  expect(statuses).toEqual([200, 429, 200, 200, 200]);
  // the 429 said "Try again in 55 seconds" and nothing else: the client waited exactly that before trying again
  expect(waits[0]).toBe(55_000);
  const times = dataRequests().map((r) => Date.parse(r.time));
  // never two pages of this run within a minute: the refused attempt counts as a run too
  for (let i = 2; i < times.length; i += 1) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(55_000);
  for (let i = 3; i < times.length; i += 1) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(60_000);
});

test("parameters that do not fit the definition: one error naming every bad one, and no data request sent", async () => {
  const { client, now } = fakeClient();
  const bad = { Form: "2026-01-01", To: "yesterday", BusinessUnitIds: "1001, twelve" };
  const error = await runReport(client, { ...jobsReport({ parameters: bad }), now }).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.name).toBe("InputError");
  const message = String(error?.message);
  expect(message).toMatch(/4 parameters do not fit report "Jobs Completed by Business Unit" \(ID 2001\), so nothing was sent/);
  expect(message).toMatch(/"Form" is not a parameter of this report; it takes: From \(Date, required\), To \(Date, required\), BusinessUnitIds \(Number, a list\)/);
  expect(message).toMatch(/"To" \(Date\) expects a date such as 2026-01-15/);
  expect(message).toMatch(/"BusinessUnitIds" \(Number, a list\) expects a number .* for each item, got "twelve"/);
  expect(message).toMatch(/"From" \(Date\) is required by this report/);
  // the definition was read; no data request went out
  expect(sb.requests.map((r) => `${r.method} ${r.path.replace(/^.*\/tenant\/[^/]+/, "")}`).filter((p) => !p.includes("/connect/"))).toEqual([
    "GET /report-category/operations/reports/2001",
  ]);
});

test("listed values are enforced as the definition spells them; types are read like the rest of the component", async () => {
  const { client, now } = fakeClient();
  const refused = await runReport(client, { category: "technician", reportId: 3001, parameters: { ...JANUARY, TechnicianStatus: "Busy", MinimumRevenue: "lots" }, fetchAll: false, pageSize: 50, page: 1, deadlineAt: clock.now + 60_000, now }).catch((e: Error) => e);
  expect(String((refused as Error).message)).toMatch(/"TechnicianStatus" accepts only Active, Inactive, All \(the report's listed values\), got "Busy"/);
  expect(String((refused as Error).message)).toMatch(/"MinimumRevenue" \(Number\) expects a number/);
  expect(dataRequests(3001)).toEqual([]);

  const run = await runReport(client, { category: "technician", reportId: 3001, parameters: { ...JANUARY, TechnicianStatus: "active", MinimumRevenue: "20000" }, fetchAll: false, pageSize: 50, page: 1, deadlineAt: clock.now + 60_000, now });
  expect(run.parameters).toEqual([
    { name: "From", value: "2026-01-01" },
    { name: "To", value: "2026-01-31" },
    { name: "TechnicianStatus", value: "Active" },
    { name: "MinimumRevenue", value: 20000 },
  ]);
  expect(run.rows.length).toBeGreaterThan(0);
  for (const row of run.rows) {
    expect(row.Active).toBe(true);
    expect(row.Revenue as number).toBeGreaterThanOrEqual(20000);
  }
});

test("a run whose remaining pages cannot fit before its deadline stops after the first page with a clear error", async () => {
  const { client, waits, now } = fakeClient();
  const error = await runReport(client, { ...jobsReport({ deadlineAt: clock.now + 90_000 }), now }).catch((e: Error & { code?: string }) => e);
  expect((error as { code?: string }).code).toBe("ST_DEADLINE");
  expect(String((error as Error).message)).toMatch(
    /stopped at the run's time limit after 1 page \(1,000 rows\) of report "Jobs Completed by Business Unit" \(ID 2001\); 2 more pages \(at least 2 minutes\) remained.*Raise Page Size \(up to 25,000\)/,
  );
  expect(dataRequests()).toHaveLength(1);
  expect(waits).toEqual([]);
});

test("without Fetch All: the page asked for, and hasMore says more rows exist", async () => {
  const { client, now } = fakeClient();
  const run = await runReport(client, { ...jobsReport({ fetchAll: false, page: 3 }), now });
  expect(run.count).toBe(500);
  expect(run.rows[0].JobNumber).toBe("J-102001");
  expect(run.hasMore).toBe(false);
  const second = await runReport(client, { ...jobsReport({ fetchAll: false, page: 2 }), now });
  expect(second.hasMore).toBe(true);
});

test("the Run Report action through the component: dropdown-linked inputs, key/value parameters, keyed rows", async () => {
  const result = (await harness.action("runReport", {
    connection,
    reportCategory: "marketing",
    reportId: "4001",
    parameters: [
      { key: "From", value: "2026-01-01" },
      { key: "To", value: "2026-01-31" },
      { key: "IncludeUnbooked", value: "false" },
    ],
  })) as { data: { rows: Array<Record<string, unknown>>; fields: Array<{ name: string }>; count: number } };
  expect(result.data.fields.map((f) => f.name)).toEqual(["Campaign", "Calls", "Leads", "Booked", "Revenue"]);
  expect(result.data.count).toBe(6);
  expect(result.data.rows[0]).toEqual({ Campaign: "Google Ads - Spring Tune-Up", Calls: 50, Leads: 30, Booked: 30, Revenue: expect.any(Number) });

  const refused = await harness.action("runReport", { connection, reportCategory: "marketing", reportId: "4001", parameters: [{ key: "To", value: "2026-13-01" }] }).catch((e: Error) => e);
  expect(String((refused as Error).message)).toMatch(/2 parameters do not fit report "Leads by Campaign"[\s\S]*"To" \(Date\)[\s\S]*"From" \(Date\) is required/);
});
