/**
 * End to end against the sandbox (issue 17 item 4): the sandbox enforces Reporting's budget the way live
 * tenants do — one run of the same report per minute per tenant, each page counting, a 429 with the wait
 * only in its title — and the component paces its runs by its own transport rule instead of running
 * into that 429. Different reports are not held back by each other.
 *
 * The sandbox does not route Reporting yet (issue 16 brings it); this suite routes the one operation
 * from a descriptor of ServiceTitan's document and lets the sandbox accept the module for its duration.
 * The sandbox's budget and the client share a fake clock that the client's sleep advances.
 */
import type { Connection } from "@prismatic-io/spectral";
import { type Sandbox, startSandbox } from "../../sandbox/server";
import { collectionKey } from "../../sandbox/store";
import { sandboxConnection } from "../../scripts/lib/connection";
import { clientFor } from "../../src/http/clientFor";
import type { StRequest } from "../../src/http/client";
import type { OperationDescriptor } from "../../src/operations/types";
import { fetchAll } from "../../src/paging/pages";

const PATH = "/report-category/{report_category}/reports/{reportId}/data";

/** ReportCategoryReports_GetData as the generator would describe it (names, types and limits only). */
const reportData = {
  module: "reporting",
  operationId: "ReportCategoryReports_GetData",
  tag: "ReportCategoryReports",
  method: "POST",
  path: PATH,
  scope: "tn.rpr.reports:r",
  kind: "list",
  params: [
    { name: "report_category", in: "path", required: true, schema: { type: "string" } },
    { name: "reportId", in: "path", required: true, schema: { type: "integer", format: "int64" } },
    { name: "page", in: "query", required: false, schema: { type: "integer", format: "int32" } },
    { name: "pageSize", in: "query", required: false, schema: { type: "integer", format: "int32", minimum: 1, maximum: 25000 } },
    { name: "includeTotal", in: "query", required: false, schema: { type: "boolean" } },
  ],
  body: { contentType: "application/json", required: false, schema: { type: "object", properties: { parameters: { type: "array", items: { type: "object" } } } } },
  response: { status: 200, contentType: "application/json", example: { page: 1, pageSize: 50, hasMore: false, data: [{ id: 1, total: 0 }] } },
} as unknown as OperationDescriptor;

const clock = { now: 1_700_000_000_000 };
let sb: Sandbox;
let connection: Connection;

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    operations: [reportData],
    production: {
      rateLimit: {
        budgets: [{ name: "report runs", limit: 1, windowMs: 60_000, per: "path", match: { method: "POST", path: `/reporting/v2/tenant/{tenant}${PATH}` } }],
        now: () => clock.now,
      },
    },
  });
  connection = await sandboxConnection(sb);
  const rows = collectionKey("reporting", PATH);
  for (let i = 1; i <= 5; i += 1) sb.store.insert(rows, { total: i * 100 }, { parent: "operations/101" });
});
afterAll(async () => {
  await sb.close();
});

const run = (reportId: number): StRequest => ({
  module: "reporting",
  method: "POST",
  path: `/report-category/operations/reports/${reportId}/data`,
  body: { parameters: [] },
  operation: `"Run Report" ${reportId}`,
});

test("Fetch All of a three-page report and a second report: paced by the component, never refused by ServiceTitan", async () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.now += ms;
  };
  const client = clientFor({}, { connection }, { now: () => clock.now, sleep });

  const all = await fetchAll<{ total: number }>(client, run(101), { pageSize: 2, countTotal: false });
  expect(all.data.map((r) => r.total)).toEqual([100, 200, 300, 400, 500]);
  // Three pages and two boundary checks, each a run of the report: a minute before each later one.
  // (Only page, size and status are compared: a failure message must not print the recorded headers.)
  const reads = sb.requests.filter((r) => r.path.endsWith("/reports/101/data")).map((r) => `page ${r.query.page} size ${r.query.pageSize}: ${r.status}`);
  expect(reads).toEqual(["page 1 size 2: 200", "page 2 size 2: 200", "page 3 size 2: 200", "page 2 size 1: 200", "page 4 size 1: 200"]);
  expect(waits).toEqual([60_000, 60_000, 60_000, 60_000]);

  // Another report right away: its own budget, no wait.
  await client.request(run(102));
  expect(waits).toHaveLength(4);

  // The sandbox never had to refuse a run.
  expect(sb.requests.map((r) => r.status).filter((status) => status === 429)).toEqual([]);
});
