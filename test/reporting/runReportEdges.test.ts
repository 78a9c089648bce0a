/**
 * Run Report where ServiceTitan says less than the sandbox does (a capture server answers): no total on
 * the pages, so the run learns only at the transport's budget check that the next page cannot start
 * before its deadline — it stops there with the same clear error, keeping no partial rows; and a report
 * whose total changes between pages (data still being written) fails rather than return rows that may
 * have moved. One fake clock, advanced by the client's sleep.
 */
import { createServiceTitanClient } from "../../src/http/client";
import { runReport } from "../../src/reporting/run";
import { type CapturedRequest, type CaptureServer, captureConnection, startCaptureServer } from "../support/captureServer";

const DEFINITION = {
  id: 9,
  name: "Calls by Hour",
  modifiedOn: "2025-01-01T00:00:00Z",
  parameters: [{ name: "Day", label: "Day", dataType: "Date", isArray: false, isRequired: true, acceptValues: null }],
  fields: [{ name: "Hour", label: "Hour", dataType: "String" }],
};

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

const clock = { now: Date.UTC(2026, 0, 1) };
const client = () =>
  createServiceTitanClient(captureConnection(server), {
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
const answer = (pageOf: (req: CapturedRequest) => Record<string, unknown>) =>
  server.setResponder((req) => (req.method === "GET" ? { status: 200, body: DEFINITION } : { status: 200, body: pageOf(req) }));
const dataPages = () => server.requests.filter((r) => r.method === "POST").map((r) => r.query.page);

beforeEach(() => {
  server.clear();
  clock.now += 3_600_000;
});

test("no total: the page that cannot start before the deadline ends the run with the clear error", async () => {
  answer((req) => ({ page: Number(req.query.page), pageSize: 2, hasMore: true, data: [[`${req.query.page}a`], [`${req.query.page}b`]], fields: [{ name: "Hour", label: "Hour" }] }));
  const error = await runReport(client(), {
    category: "telecom",
    reportId: 9,
    parameters: { Day: "2026-01-05" },
    fetchAll: true,
    pageSize: 2,
    page: 1,
    deadlineAt: clock.now + 90_000,
    now: () => clock.now,
  }).catch((e: Error & { code?: string }) => e);
  expect((error as { code?: string }).code).toBe("ST_DEADLINE");
  expect((error as Error).message).toMatch(/stopped at the run's time limit after 2 pages \(4 rows\) of report "Calls by Hour" \(ID 9\); more pages remained/);
  expect(dataPages()).toEqual(["1", "2"]);
});

test("a total that changes between pages fails: rows may have moved", async () => {
  answer((req) => ({ page: Number(req.query.page), pageSize: 2, hasMore: true, totalCount: req.query.page === "1" ? 5 : 6, data: [["x"], ["y"]], fields: [{ name: "Hour", label: "Hour" }] }));
  await expect(
    runReport(client(), { category: "telecom", reportId: 9, parameters: { Day: "2026-01-05" }, fetchAll: true, pageSize: 2, page: 1, deadlineAt: clock.now + 600_000, now: () => clock.now }),
  ).rejects.toThrow(/held 5 rows on its first page and 6 on page 2: its data changed while it was read/);
});
