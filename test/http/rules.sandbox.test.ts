/**
 * End to end against the sandbox (issue 17 item 4): the sandbox enforces Reporting's budget the way live
 * tenants do — one run of the same report per minute per tenant, each page counting, a 429 with the wait
 * only in its title — and the component paces its runs by its own transport rule instead of running
 * into that 429. Different reports are not held back by each other.
 *
 * The sandbox routes Reporting by hand (sandbox/resources/reporting.ts) with the per-report budget on its
 * data route (RouteDef.budget); its budget and the client share a fake clock that the client's sleep advances.
 */
import type { Connection } from "@prismatic-io/spectral";
import { type Sandbox, startSandbox } from "../../sandbox/server";
import { sandboxConnection } from "../../scripts/lib/connection";
import { clientFor } from "../../src/http/clientFor";
import type { StRequest } from "../../src/http/client";
import { fetchAll } from "../../src/paging/pages";

const clock = { now: 1_700_000_000_000 };
let sb: Sandbox;
let connection: Connection;

beforeAll(async () => {
  // the production profile, its Reporting budget on the sandbox's fake clock
  sb = await startSandbox({ port: 0, production: { rateLimit: { now: () => clock.now } } });
  connection = await sandboxConnection(sb);
});
afterAll(async () => {
  await sb.close();
});

const JANUARY = [
  { name: "From", value: "2026-01-01" },
  { name: "To", value: "2026-01-31" },
];
/** Report 2001 (2,500 jobs in January) and 3001 (technician performance), with the dates they require. */
const run = (category: string, reportId: number): StRequest => ({
  module: "reporting",
  method: "POST",
  path: `/report-category/${category}/reports/${reportId}/data`,
  body: { parameters: JANUARY },
  operation: `"Run Report" ${reportId}`,
});

test("Fetch All of a three-page report and a second report: paced by the component, never refused by ServiceTitan", async () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.now += ms;
  };
  const client = clientFor({}, { connection }, { now: () => clock.now, sleep });

  const all = await fetchAll<unknown[]>(client, run("operations", 2001), { pageSize: 1000, countTotal: false });
  expect(all.data).toHaveLength(2500);
  expect(new Set(all.data.map((row) => row[0])).size).toBe(2500);
  // Three pages and two boundary checks, each a run of the report: a minute before each later one.
  // (Only page, size and status are compared: a failure message must not print the recorded headers.)
  const reads = sb.requests.filter((r) => r.path.endsWith("/reports/2001/data")).map((r) => `page ${r.query.page} size ${r.query.pageSize}: ${r.status}`);
  expect(reads).toEqual(["page 1 size 1000: 200", "page 2 size 1000: 200", "page 3 size 1000: 200", "page 1000 size 1: 200", "page 2000 size 1: 200"]);
  expect(waits).toEqual([60_000, 60_000, 60_000, 60_000]);

  // Another report right away: its own budget, no wait.
  await client.request(run("technician", 3001));
  expect(waits).toHaveLength(4);

  // The sandbox never had to refuse a run.
  expect(sb.requests.map((r) => r.status).filter((status) => status === 429)).toEqual([]);
});
