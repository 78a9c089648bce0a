/**
 * "New and Updated Records" through Spectral's adapter against a hand-answered export feed (a local
 * server, no sandbox): what one run sends, logs, saves and returns for each input. Survivors of the 19:02
 * triggers-feed run — the sandbox tests judge that every change arrives once, not the messages, the
 * first position of each Start From, the seeding flags or the at-least-once bookkeeping of one run.
 */
import { type CapturedRequest, captureConnection, type CaptureServer, startCaptureServer } from "../support/captureServer";
import { pollingStateOf } from "../../src/recordChanges/deliveryState";
import { type RecordChangesData, recordChanges } from "../../src/recordChanges/trigger";
import { harness, logger, logs } from "./support";

const iso = (ms: number) => new Date(ms).toISOString();
/** A feed of pages: the request `from` = "pN" reads page N (page 0 without a token). */
let pages: unknown[][] = [];
/** How the server answers page N instead of the page (a status and body), or waits before answering. */
let failAt: { page: number; status: number } | undefined;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  logs.length = 0;
  server.clear();
  failAt = undefined;
  server.setResponder((r: CapturedRequest) => {
    const from = String(r.query.from ?? "");
    const n = from.startsWith("p") ? Number(from.slice(1)) : 0;
    if (failAt?.page === n) return { status: failAt.status, body: { title: "Bad request", status: failAt.status } };
    return { status: 200, body: { hasMore: n + 1 < pages.length, continueFrom: `p${n + 1}`, data: pages[n] ?? [] } };
  });
});

const rec = (id: number, createdMs: number, modifiedMs = createdMs, active = true) => ({
  id,
  active,
  name: `C${id}`,
  createdOn: iso(createdMs),
  modifiedOn: iso(modifiedMs),
});

const run = async (instanceState: Record<string, unknown>, params: Record<string, unknown> = {}, context: Record<string, unknown> = {}) => {
  const result = (await harness.trigger(
    "recordChanges",
    undefined,
    { connection: captureConnection(server), recordType: "customers", startFrom: "beginning", ...params },
    { instanceState, logger, ...context } as never,
  )) as unknown as { payload: { body: { data: RecordChangesData; contentType: string } } };
  return result.payload.body;
};
const feedQueries = () => server.requests.filter((r) => r.path.endsWith("/export/customers")).map((r) => r.query);

describe("New and Updated Records, one run at a time", () => {
  const now = Date.now();

  it("the data's content type is JSON; Include Recent Changes is asked for after the first page by default, and not when off", async () => {
    pages = [[rec(1, now - 3_600_000)], [rec(2, now - 3_500_000)]];
    const body = await run({});
    expect(body.contentType).toBe("application/json");
    expect(feedQueries().map((q) => q.includeRecentChanges)).toEqual([undefined, "true"]);
    server.clear();
    await run({}, { includeRecentChanges: false });
    expect(feedQueries().map((q) => q.includeRecentChanges)).toEqual([undefined, undefined]);
  });

  it("the first position: an hour before now for Now, the date for Look-Back Date, nothing for The Beginning (a date given or not)", async () => {
    pages = [[]];
    await run({}, { startFrom: "now" });
    const from = Date.parse(String(feedQueries()[0].from));
    expect(Math.abs(from - (Date.now() - 3_600_000))).toBeLessThan(60_000);
    server.clear();
    await run({}, { startFrom: "lookBackDate", lookBackDate: "2026-01-15T00:00:00Z" });
    expect(feedQueries()[0].from).toBe("2026-01-15T00:00:00Z");
    server.clear();
    await run({}, { startFrom: "beginning", lookBackDate: "2026-01-15T00:00:00Z" });
    expect(feedQueries()[0].from).toBeUndefined();
  });

  it("Start From = Now delivers nothing of what the first read finds, and keeps seeding while a run stops before the end of the feed", async () => {
    pages = [[rec(1, now - 1_800_000), rec(2, now - 1_700_000, now - 1_600_000)], [rec(3, now - 1_500_000, now - 1_400_000, false)]];
    const state: Record<string, unknown> = {};
    const first = await run(state, { startFrom: "now", maxRecordsPerRun: "1" });
    expect(first.data).toMatchObject({ seeding: true, records: [], counts: { created: 0, updated: 0, deactivated: 0, hidden: 3 } });
    expect((pollingStateOf(state) as { seeding?: boolean }).seeding).toBeUndefined();
    // a seeding run stopped before the end of the feed (here by a failed page) saves that it is still seeding
    const stopped: Record<string, unknown> = {};
    failAt = { page: 1, status: 400 };
    const bounded = await run(stopped, { startFrom: "now" });
    expect(bounded.data).toMatchObject({ seeding: true, hasMore: true, records: [] });
    expect((pollingStateOf(stopped) as { seeding?: boolean }).seeding).toBe(true);
  });

  it("Show Created and Show Deactivated off hide those changes", async () => {
    // from a look-back date three hours ago: 1 was created since, 2 and 3 existed before and changed since
    const since = { startFrom: "lookBackDate", lookBackDate: iso(now - 3 * 3_600_000) };
    pages = [[rec(1, now - 3_600_000), rec(2, now - 4 * 3_600_000, now - 3_000_000), rec(3, now - 4 * 3_600_000, now - 2_000_000, false)]];
    const noCreated = await run({}, { ...since, showCreated: false });
    expect(noCreated.data.records.map((c) => [c.id, c.changeType])).toEqual([
      [2, "updated"],
      [3, "deactivated"],
    ]);
    const noDeactivated = await run({}, { ...since, showDeactivated: false });
    expect(noDeactivated.data.records.map((c) => [c.id, c.changeType])).toEqual([
      [1, "created"],
      [2, "updated"],
    ]);
  });

  it("a run stopped by Max Records says so in an info line; the closing line names the record type", async () => {
    pages = [[rec(1, now - 3_600_000)], [rec(2, now - 3_500_000)]];
    const body = await run({}, { maxRecordsPerRun: "1" });
    expect(body.data).toMatchObject({ hasMore: true, records: [expect.objectContaining({ id: 1 })] });
    expect(logs).toContain("info: New and Updated Records: stopped on maxRecords after 1 changes; the next run continues.");
    logs.length = 0;
    await run({});
    expect(logs.some((l) => l.startsWith("info: New and Updated Records (Customers): done, 2 "))).toBe(true);
    expect(logs.filter((l) => l.includes("stopped on"))).toEqual([]);
  });

  it("a request failing after a page: the changes read are delivered with the error, in a warning; a first request failing names Export Customers", async () => {
    pages = [[rec(1, now - 3_600_000)], [rec(2, now - 3_500_000)]];
    failAt = { page: 1, status: 400 };
    const body = await run({});
    expect(body.data.records.map((c) => c.id)).toEqual([1]);
    expect(body.data.error).toEqual(expect.stringContaining("400"));
    expect(logs).toContain(
      `warn: New and Updated Records: a request failed after 1 changes were read (${body.data.error}); they are delivered and the next run continues after them.`,
    );
    failAt = { page: 0, status: 400 };
    await expect(run({})).rejects.toThrow(/Export Customers/);
    failAt = undefined;
    const clean = await run({});
    expect(clean.data).not.toHaveProperty("error");
  });

  it("at least once: an empty run commits at once; a delivery is pending until confirmed, and delivered again with a warning", async () => {
    pages = [[]];
    const state: Record<string, unknown> = {};
    const empty = await run(state, { atLeastOnce: true });
    expect(empty.data).toMatchObject({ atLeastOnce: true, redelivery: false, attempt: 1 });
    expect(empty.data.deliveryId).toBeUndefined();
    expect((pollingStateOf(state) as { pending?: unknown }).pending).toBeUndefined();
    pages = [[], [rec(1, now - 3_600_000), rec(2, now - 3_500_000)]];
    const first = await run(state, { atLeastOnce: true });
    expect(first.data).toMatchObject({ redelivery: false, attempt: 1, deliveryId: expect.any(String) });
    expect(logs.filter((l) => l.startsWith("warn:"))).toEqual([]);
    const again = await run(state, { atLeastOnce: true });
    expect(again.data).toMatchObject({ redelivery: true, attempt: 2 });
    expect(logs).toContain(
      `warn: New and Updated Records: delivery ${first.data.deliveryId} (2 customers) was never confirmed; delivering it again.`,
    );
  });

  it("at least once with batching on is refused before any request", async () => {
    pages = [[rec(1, now - 3_600_000)]];
    await expect(run({}, { atLeastOnce: true }, { batch: { enabled: true } })).rejects.toThrow(
      "At-Least-Once Delivery: turn batching off for this flow; with batches one confirmation could commit records another batch failed on.",
    );
    expect(feedQueries()).toEqual([]);
  });
});

describe("New and Updated Records' batch resolver", () => {
  it("hands on the run's records, and nothing for a payload without them", () => {
    const resolve = recordChanges.triggerResolver?.resolveItems as (context: unknown, result: unknown) => unknown[];
    const records = [{ changeType: "created", id: 1, modifiedOn: "2026-01-15T09:30:00Z", record: { id: 1 } }];
    expect(resolve({}, { payload: { body: { data: { records } } } })).toEqual(records);
    expect(resolve({}, { payload: { body: { data: {} } } })).toEqual([]);
    expect(resolve({}, { payload: {} })).toEqual([]);
  });
});
