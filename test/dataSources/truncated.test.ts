/**
 * Dropdowns over 10,000 records keep the newest ones (read newest first: `sort=-Id`, which every list
 * with a `sort` parameter accepts) and end with a visible item saying that more exist and how to
 * narrow the list. A list without `sort` keeps its own order but still says so.
 */
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { useCaptureServer } from "../support/harness";
import { clearLogs, logs, runDataSource } from "./support";

let server: CaptureServer;
const capture = useCaptureServer();
beforeAll(() => (server = capture.server));

/** `n` records with ascending ids (oldest first by default), honouring page, pageSize and sort=±Id. */
const serve = (n: number) =>
  server.setResponder((r) => {
    const all = Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Record ${i + 1}`, active: true }));
    if (r.query.sort === "-Id") all.reverse();
    else if (r.query.sort !== undefined && r.query.sort !== "+Id") return { status: 400, body: { title: `unknown sort ${r.query.sort}` } };
    const page = Number(r.query.page ?? 1);
    const size = Number(r.query.pageSize ?? 50);
    const data = all.slice((page - 1) * size, page * size);
    return { body: { page, pageSize: size, hasMore: page * size < n, data } };
  });

test("more than 10,000 customers: the newest 10,000 are listed, then an item saying more exist and how to narrow", async () => {
  serve(12_000);
  server.clear();
  const items = await runDataSource("selectCustomers", { connection: captureConnection(server) });
  const records = items.slice(0, -1);
  expect(records).toHaveLength(10_000);
  const ids = new Set(records.map((i) => Number(i.key)));
  expect(ids.has(12_000)).toBe(true); // the newest record is there
  expect(ids.has(1)).toBe(false); // the oldest ones make way
  expect(Math.min(...ids)).toBe(2001);
  const last = items[items.length - 1];
  expect(last.label).toMatch(/^More than 10,000 customers exist/);
  expect(last.label).toMatch(/newest 10,000/);
  expect(last.label).toMatch(/Active|type .*ID/);
  expect(server.requests.length).toBeLessThanOrEqual(2);
});

test("a short list has no such item", async () => {
  serve(30);
  const items = await runDataSource("selectCustomers", { connection: captureConnection(server) });
  expect(items).toHaveLength(30);
  expect(items.some((i) => /more than/i.test(i.label))).toBe(false);
});

test("a list without a sort parameter keeps its order and still says more exist", async () => {
  serve(10_500);
  server.clear();
  const items = await runDataSource("selectTechnician", { connection: captureConnection(server) });
  expect(server.requests.every((r) => r.query.sort === undefined)).toBe(true);
  expect(items).toHaveLength(10_001);
  expect(items[items.length - 1].label).toMatch(/^More than 10,000 technicians exist: the first 10,000 are listed/);
});

test("a dropdown load of two requests writes one closing line at info level; a load of one request writes none (issue 15 item 13)", async () => {
  serve(12_000);
  clearLogs();
  await runDataSource("selectCustomers", { connection: captureConnection(server) });
  expect(logs.filter((e) => e.level === "info")).toEqual([
    { level: "info", text: expect.stringMatching(/^Select customer: done, 10,000 customers from 2 pages in 2 requests, no waits, [\d.]+ s; more exist, the newest 10,000 are listed\.$/) },
  ]);
  // Technicians are read page by page: a short list takes one request (customers are read two pages at once).
  serve(30);
  clearLogs();
  server.clear();
  await runDataSource("selectTechnician", { connection: captureConnection(server) });
  expect(server.requests).toHaveLength(1);
  expect(logs).toEqual([]);
});
