/**
 * Factory rules that apply to every generated action, checked through the component against a capture
 * server: an update with nothing to change is refused before sending; page sizes follow the operation's
 * own limit; example payloads show what the action returns.
 */
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { captureConnection, type CaptureServer, type Responder } from "../support/captureServer";
import { spectral as harness, useCaptureServer } from "../support/harness";

let server: CaptureServer;
const capture = useCaptureServer({ resetResponder: true });
beforeAll(() => (server = capture.server));

/** A list endpoint over `total` records: real pages for any page and page size, the total when asked for. */
/** A list of `total` records (ids 1‥total) whose pages count from `first` (1, or 0 where the contract says so). */
const listOf =
  (total: number, first = 1): Responder =>
  (r) => {
    const page = Number(r.query.page ?? first);
    const size = Number(r.query.pageSize ?? 50);
    const offset = (page - first) * size;
    const data = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => ({ id: offset + i + 1 }));
    return {
      body: { page, pageSize: size, hasMore: offset + size < total, data, ...(r.query.includeTotal === "true" ? { totalCount: total } : {}) },
    };
  };

type Listed = { data: { data: Array<{ id: number }> } };

test("an update given nothing to change fails before sending, naming the action", async () => {
  const before = server.requests.length;
  await expect(harness.action("updateCustomer", { connection: captureConnection(server), customerId: "42" })).rejects.toThrow(
    /^Update Customer: fill in at least one field to change/,
  );
  expect(server.requests.length).toBe(before);
});

test("Page Size and Fetch All follow the operation's page limit (journal entries: 500)", async () => {
  const built = builtActions().find((b) => b.key === "listJournalEntries");
  expect(built).toBeDefined();
  const inputs = built!.definition.inputs as Record<string, { clean: (v: unknown) => unknown; comments: string }>;
  expect(inputs.pageSize.comments).toMatch(/from 1 to 500/);
  expect(() => inputs.pageSize.clean("501")).toThrow(/^Page Size: expected a whole number no larger than 500/);
  server.requests.length = 0;
  server.setResponder(listOf(1201));
  const all = (await harness.action("listJournalEntries", { connection: captureConnection(server), fetchAll: "true" })) as Listed;
  expect(all.data.data).toHaveLength(1201);
  const sent = server.requests.filter((r) => r.path.endsWith("/journal-entries"));
  expect(sent.map((r) => [Number(r.query.page), r.query.pageSize]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
    [1, "500"],
    [2, "500"],
    [3, "500"],
    // the boundary checks: the last record of pages 1 and 2, one record each
    [500, "1"],
    [1000, "1"],
  ]);
});

test("an operation that requires includeTotal gets it on every page of Fetch All", async () => {
  const built = builtActions().find((b) => b.op.operationId === "IntacctBusinessUnitMappings_Get");
  expect(built?.op.params.find((p) => p.name === "includeTotal")?.required).toBe(true);
  server.requests.length = 0;
  server.setResponder(listOf(1201, 0)); // this list pages from 0
  const all = (await harness.action(built!.key, { connection: captureConnection(server), fetchAll: "true" })) as Listed;
  expect(new Set(all.data.data.map((r) => r.id)).size).toBe(1201);
  const sent = server.requests.filter((r) => r.path.endsWith("/business-units/intacct"));
  const pageSize = Number(sent[0]?.query.pageSize);
  expect(pageSize).toBeLessThanOrEqual(500);
  const pages = sent.filter((r) => Number(r.query.pageSize) === pageSize);
  const checks = sent.filter((r) => r.query.pageSize === "1");
  // every page of the walk was asked for, from page 0, each with includeTotal (true on the first, false after)
  expect(pages.map((r) => [Number(r.query.page), r.query.includeTotal]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
    Array.from({ length: Math.ceil(1201 / pageSize) }, (_, i) => [i, i === 0 ? "true" : "false"]),
  );
  // and so did each boundary check
  expect(checks).toHaveLength(Math.ceil(1201 / pageSize) - 1);
  expect(checks.every((r) => r.query.includeTotal === "false")).toBe(true);
});

test("example payloads show the reshaped output where the curated layer reshapes it", () => {
  const example = (component.actions as Record<string, { examplePayload?: { data?: Record<string, unknown> } }>).getSchedulerPerformance
    .examplePayload;
  expect(example?.data).toEqual(
    expect.objectContaining({ metrics: expect.objectContaining({ openedCompletionRate: expect.any(Number) }), raw: expect.any(Object) }),
  );
});
