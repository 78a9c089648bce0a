/**
 * Progress where builders look (issue 15 item 13): runs that take more than one request write their
 * progress to the execution log at info level whether or not debug mode is on — Fetch All, export
 * drains, dropdown loads and trigger runs — at most one line per few seconds, then a closing line with
 * the totals; a run of one request writes none. The lines go through redaction (no secret in them).
 *
 * Where a test needs progress lines (not only the closing line) it hands the run a fake clock that
 * moves one second each time it is read: which lines appear never depends on the machine's speed.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { StRequest } from "../../src/http/client";
import { clientFor } from "../../src/http/clientFor";
import { drainExport } from "../../src/paging/exportFeed";
import { fetchAll } from "../../src/paging/pages";
import { formatCount } from "../../src/paging/progress";
import { emptyCursor, pollChanges } from "../../src/recordChanges/changeFeed";
import { K } from "../../sandbox/store";
import { captureLogger, useSandbox } from "../support/harness";
import { runRecordChanges, logs as triggerLogs } from "../triggers/support";

const customers: StRequest = { module: "crm", method: "GET", path: "/customers", operation: '"List Customers"' };
const exportCustomers: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: '"Export Customers"' };

/** A clock that moves one second each time it is read. */
const tickingClock = () => {
  let t = 1_900_000_000_000;
  return () => (t += 1000);
};

/** The waits part of a closing line: the production sandbox may make a run wait for its rate limit. */
const WAITS = "(?:no waits|\\d+ waits? \\([\\d.]+ s\\))";

const FETCH_LINE = /^info: Fetch All "List Customers": ([\d,]+) of ([\d,]+) customers, page (\d+) of (\d+)\.$/;

describe("Fetch All of 100,000 customers", () => {
  const t = useSandbox("production", { seedData: { customers: 10, jobs: 0, bookings: 0 } });
  let connection: Connection;
  beforeAll(() => {
    connection = t.connection;
    // Topped up to 100,000 directly in the store: seeding that many full customers takes far longer.
    for (let i = t.sb.store.all(K.customers).length; i < 100_000; i++) t.sb.store.insert(K.customers, { name: `Customer ${i + 1}`, type: "Residential", active: true });
  });
  const secrets = () => [t.sb.credentials.clientSecret, t.sb.credentials.appKey, String(connection.token?.access_token)];

  test("debug off: progress lines and a closing line at info level, no per-page detail, nothing secret", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger, debug: { enabled: false } }, { connection });
    const all = await fetchAll(client, customers, { now: tickingClock() });
    const n = all.data.length;
    expect(n).toBe(100_000);
    const progress = log.lines.filter((l) => FETCH_LINE.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (const line of progress) {
      const [, soFar, total, page, pages] = FETCH_LINE.exec(line) as RegExpExecArray;
      expect(total).toBe(formatCount(n));
      expect(pages).toBe(String(Math.ceil(n / 5000)));
      expect(Number(soFar.replace(/,/g, ""))).toBe(Math.min(n, Number(page) * 5000));
    }
    const closing = log.lines[log.lines.length - 1];
    expect(closing).toMatch(
      new RegExp(`^info: Fetch All "List Customers": done, ${formatCount(n)} customers from ${Math.ceil(n / 5000)} pages in \\d+ requests \\(\\d+ re-reads\\), ${WAITS}, [\\d.]+ s\\.$`),
    );
    // Besides them only the transport's retry warnings (the production sandbox answers 429s and drops connections now and then): no detail.
    const others = log.lines.filter((l) => !FETCH_LINE.test(l) && l !== closing);
    expect(others).toEqual(others.filter((l) => /^warn: ServiceTitan "List Customers": [^\n]*; retrying in \d+ ms/.test(l)));
    expect(log.lines.some((l) => /page \d+ read:|request: GET/.test(l))).toBe(false);
    const text = log.lines.join("\n");
    for (const secret of secrets()) expect(text).not.toContain(secret);
    // A sample of what a builder sees, for the record.
    process.stdout.write(`\nFetch All of ${formatCount(n)} customers, execution log:\n${log.lines.join("\n")}\n`);
  });

  test("through the List Customers action, on the run's own clock: the closing line reaches the execution log", async () => {
    t.log.clear();
    const out = await t.invoke("listCustomers", { fetchAll: true });
    expect(out.data.length).toBeGreaterThanOrEqual(100_000);
    expect(t.log.lines.filter((l) => / done, /.test(l))).toEqual([
      expect.stringMatching(new RegExp(`^info: Fetch All "List Customers": done, ${formatCount(out.data.length)} customers from \\d+ pages in \\d+ requests`)),
    ]);
  });
});

describe("runs of one request write nothing", () => {
  const t = useSandbox("production", { seedData: { customers: 12, jobs: 0, bookings: 0 } });

  test("a Fetch All answered by one page logs no line, even on a slow clock", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger }, { connection: t.connection });
    const all = await fetchAll(client, customers, { now: tickingClock() });
    expect(all.data.length).toBeGreaterThanOrEqual(12);
    expect(log.lines).toEqual([]);
  });

  test("an export drain answered at once logs no line", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger }, { connection: t.connection });
    const out = await drainExport(client, exportCustomers, { now: tickingClock() });
    expect(out.requests).toBe(1);
    expect(log.lines).toEqual([]);
  });
});

describe("export drains and record-trigger backlogs", () => {
  const t = useSandbox("production", { seedData: { customers: 3000, jobs: 0, bookings: 0 }, exportPageSize: 250 });

  test("debug on keeps the per-page detail of a Fetch All besides its progress lines", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger, debug: { enabled: true } }, { connection: t.connection });
    await fetchAll(client, customers, { now: tickingClock(), pageSize: 250 });
    expect(log.lines.some((l) => /^info: Fetch All "List Customers": page 2 read: 250 records/.test(l))).toBe(true);
    expect(log.lines.filter((l) => /^info: Fetch All "List Customers": [\d,]+ of [\d,]+ customers, page \d+ of \d+\.$/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(log.lines.some((l) => /^info: Fetch All "List Customers": done, /.test(l))).toBe(true);
  });

  test("an export drain of many pages: progress lines without a total, then the totals", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger }, { connection: t.connection });
    const out = await drainExport(client, exportCustomers, { now: tickingClock() });
    expect(out.requests).toBeGreaterThan(10);
    const progress = log.lines.filter((l) => /^info: Drain "Export Customers": [\d,]+ customers so far, page \d+\.$/.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(log.lines[log.lines.length - 1]).toMatch(
      new RegExp(`^info: Drain "Export Customers": done, ${formatCount(out.data.length)} customers from ${out.requests} pages in ${out.requests} requests, ${WAITS}, [\\d.]+ s\\.$`),
    );
  });

  test("a trigger run over a backlog (the change feed on a fake clock): progress lines and the closing line", async () => {
    const log = captureLogger();
    const client = clientFor({ logger: log.logger }, { connection: t.connection });
    const result = await pollChanges(client, exportCustomers, emptyCursor(), {
      includeRecentChanges: true,
      show: { created: true, updated: true, deactivated: true },
      maxRecords: 10_000,
      maxMs: 600_000,
      now: tickingClock(),
      title: "New and Updated Records (Customers)",
    });
    expect(result.requests).toBeGreaterThan(10);
    const progress = log.lines.filter((l) => /^info: New and Updated Records \(Customers\): [\d,]+ changes so far, page \d+\.$/.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(log.lines[log.lines.length - 1]).toMatch(
      new RegExp(`^info: New and Updated Records \\(Customers\\): done, ${formatCount(result.changes.length)} changes from ${result.requests} pages in ${result.requests} requests, ${WAITS}, [\\d.]+ s\\.$`),
    );
  });

  test("the New and Updated Records trigger itself writes the closing line of a backlog run", async () => {
    triggerLogs.length = 0;
    const run = await runRecordChanges(t.connection, {}, { maxRecordsPerRun: "10000" });
    expect(run.data.records.length).toBeGreaterThanOrEqual(3000);
    expect(triggerLogs.filter((l) => / done, /.test(l))).toEqual([
      expect.stringMatching(new RegExp(`^info: New and Updated Records \\(Customers\\): done, ${formatCount(run.data.records.length)} changes from \\d+ pages in \\d+ requests`)),
    ]);
  });
});
