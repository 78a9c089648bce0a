/**
 * Paging reports its progress through the client `clientFor(context, params)` builds (issue 17 item 4):
 * with debug on — the Debug Request input or the platform's debug mode — Fetch All logs the pages read,
 * the records so far and the boundary re-reads, an export drain logs each request and why it stopped,
 * and the transport logs the waits a budget imposes; with debug off, none of that detail — only the
 * throttled progress and closing lines every run of several requests writes (test/paging/progressRuns.test.ts).
 * Every line is redacted like the request logs.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import type { StRequest } from "../../src/http/client";
import { clientFor } from "../../src/http/clientFor";
import { drainExport } from "../../src/paging/exportFeed";
import { fetchAll } from "../../src/paging/pages";
import { captureConnection, type CaptureServer, startCaptureServer } from "../support/captureServer";
import { useSandbox } from "../support/harness";

const capturing = () => {
  const lines: string[] = [];
  const logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [level, (...args: unknown[]) => void lines.push(args.map(String).join(" "))]),
  );
  return { lines, logger };
};

const customers: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"' };
const exportCustomers: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: '"Export Customers"' };

describe("Fetch All and export drains against the sandbox", () => {
  let sb: Sandbox;
  let connection: Connection;
  const world = useSandbox("production", { seedData: { customers: 12 }, exportPageSize: 5 });
  beforeAll(() => {
    ({ sb, connection } = world);
  });
  const secrets = () => [sb.credentials.clientSecret, sb.credentials.appKey, String(connection.token?.access_token)];

  test("platform debug on: Fetch All logs pages read, records so far, boundary re-reads and the total", async () => {
    const { lines, logger } = capturing();
    const client = clientFor({ logger, debug: { enabled: true } }, { connection });
    const all = await fetchAll(client, customers, { pageSize: 5, concurrency: 1 });
    const text = lines.join("\n");
    const n = all.data.length;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(text).toContain('Fetch All "List Customers": reading pages of up to 5 from page 1.');
    expect(text).toMatch(new RegExp(`Fetch All "List Customers": page 1 read: 5 records, 5 of ${n} so far\\.`));
    expect(text).toMatch(new RegExp(`page 3 read: ${n - 10} records, ${n} of ${n} so far\\.`));
    expect(text).toContain('Fetch All "List Customers": boundary after page 1 re-read: unchanged.');
    expect(text).toContain(`Fetch All "List Customers": done: ${n} records from 3 pages.`);
    for (const secret of secrets()) expect(text).not.toContain(secret);
  });

  test("Debug Request input on: an export drain logs each request and that it caught up", async () => {
    const { lines, logger } = capturing();
    const client = clientFor({ logger }, { connection, debugRequest: true });
    const out = await drainExport(client, exportCustomers, {});
    const text = lines.join("\n");
    expect(out.requests).toBeGreaterThan(1);
    expect(text).toContain('Drain "Export Customers": reading from the start of the feed.');
    expect(text).toMatch(/Drain "Export Customers": request 1: 5 records, 5 so far; more to read\./);
    expect(text).toMatch(new RegExp(`Drain "Export Customers": request ${out.requests}: \\d+ records, ${out.data.length} so far; caught up\\.`));
    for (const secret of secrets()) expect(text).not.toContain(secret);
  });

  test("debug off: no per-page detail, only the closing line of each run of several requests (issue 15 item 13)", async () => {
    const { lines, logger } = capturing();
    const client = clientFor({ logger, debug: { enabled: false } }, { connection, debugRequest: false });
    expect(client.progress).toBeUndefined();
    await fetchAll(client, customers, { pageSize: 5 });
    await drainExport(client, exportCustomers, {});
    expect(lines).toEqual([
      expect.stringMatching(/^Fetch All "List Customers": done, \d+ customers from 3 pages in \d+ requests \(\d+ re-reads\), (?:no waits|\d+ waits? \([\d.]+ s\)), [\d.]+ s\.$/),
      expect.stringMatching(/^Drain "Export Customers": done, \d+ customers from \d+ pages in \d+ requests, (?:no waits|\d+ waits? \([\d.]+ s\)), [\d.]+ s\.$/),
    ]);
  });
});

describe("waits a budget imposes are logged with debug on, and only then", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
    server.setResponder(() => ({ status: 200, body: { page: 1, pageSize: 50, hasMore: false, data: [] } }));
  });
  afterAll(() => server.close());

  const report: StRequest = { module: "reporting", method: "POST", path: "/report-category/operations/reports/77/data", body: { parameters: [] }, operation: '"Run Report"' };
  const twoRuns = async (debug: boolean) => {
    const { lines, logger } = capturing();
    let clock = 1_900_000_000_000;
    const options = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    const client = clientFor({ logger, debug: { enabled: debug } }, { connection: captureConnection(server) }, options);
    await client.request(report);
    await client.request(report);
    return lines;
  };

  test("on: the wait and the limit it keeps, redacted", async () => {
    const text = (await twoRuns(true)).join("\n");
    expect(text).toContain(`ServiceTitan "Run Report": waiting 60 s for ServiceTitan's limit of one run of the same report per minute per tenant, each page counting as a run.`);
    expect(text).not.toContain(String(captureConnection(server).token?.access_token));
  });

  test("either way the client tallies the waits, for the closing line of a run (issue 15 item 13)", async () => {
    for (const debug of [true, false]) {
      const { logger } = capturing();
      let clock = 1_900_000_000_000;
      const options = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
      const client = clientFor({ logger, debug: { enabled: debug } }, { connection: captureConnection(server) }, options);
      expect(client.waits?.()).toEqual({ count: 0, ms: 0 });
      await client.request(report);
      await client.request(report);
      const tally = client.waits?.();
      expect(tally?.count).toBe(1);
      expect(tally?.ms).toBeGreaterThanOrEqual(59_000);
      expect(tally?.ms).toBeLessThanOrEqual(60_000);
    }
  });

  test("off: nothing", async () => {
    expect(await twoRuns(false)).toEqual([]);
  });
});
