/**
 * New and Updated Records over snapshot export feeds (a record changed twice between two reads arrives
 * once, in its latest version) and over "include recent changes" windows longer than 1,000 changes;
 * a run that fails after progress keeps it.
 */
import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import { type Cursor, emptyCursor, pollChanges, type PollOptions } from "../../src/recordChanges/changeFeed";
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { useCaptureServer } from "../support/harness";
import { fakeClient } from "../support/fakeClient";
import { runRecordChanges } from "./support";

const req: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: "Export Customers" };
const options: PollOptions = {
  includeRecentChanges: true,
  show: { created: true, updated: true, deactivated: true },
  maxRecords: 10_000,
  maxMs: 60_000,
};

type Version = { id: number; active: boolean; name: string; createdOn: string; modifiedOn: string };
const iso = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();

/**
 * A snapshot feed over `records` (a live map the test edits): position = order of last change; a
 * token is the number of versions before it; `overlap` repeats that many changes before the token
 * when includeRecentChanges is true.
 */
const snapshotFeed = (overlap = 0) => {
  const order: Version[] = [];
  const change = (v: Version) => {
    const at = order.findIndex((r) => r.id === v.id);
    if (at >= 0) order.splice(at, 1);
    order.push(v);
  };
  // A token is the modifiedOn of the last change delivered: changes after it come next.
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      const q = r.query as Record<string, unknown>;
      const from = typeof q.from === "string" && q.from.startsWith("t:") ? q.from.slice(2) : "";
      let start = from ? order.findIndex((v) => v.modifiedOn > from) : 0;
      if (start < 0) start = order.length;
      const data = order.slice(q.includeRecentChanges === true ? Math.max(0, start - overlap) : start, start + 5000);
      const end = Math.min(order.length, start + 5000);
      const last = end > 0 ? order[end - 1].modifiedOn : from;
      return { status: 200, headers: {}, data: { hasMore: end < order.length, continueFrom: `t:${last}`, data } as T };
    },
  };
  return { client, change };
};

test("a record created after the previous run and edited again before this run is delivered as created", async () => {
  const { client, change } = snapshotFeed();
  for (let i = 1; i <= 3; i++) change({ id: i, active: true, name: `c${i}`, createdOn: iso(i), modifiedOn: iso(i) });
  const first = await pollChanges(client, req, emptyCursor(), options);
  expect(first.changes.map((c) => c.changeType)).toEqual(["created", "created", "created"]);

  // Between the runs: record 4 is created at 10:10 and edited at 10:12; record 2 is edited.
  change({ id: 4, active: true, name: "c4", createdOn: iso(10), modifiedOn: iso(10) });
  change({ id: 4, active: true, name: "c4 edited", createdOn: iso(10), modifiedOn: iso(12) });
  change({ id: 2, active: true, name: "c2 edited", createdOn: iso(2), modifiedOn: iso(13) });
  const second = await pollChanges(client, req, first.cursor, options);
  expect(second.changes.map((c) => [c.id, c.changeType])).toEqual([
    [4, "created"],
    [2, "updated"],
  ]);
  // Edited once more later: now it is an update.
  change({ id: 4, active: true, name: "c4 again", createdOn: iso(10), modifiedOn: iso(20) });
  const third = await pollChanges(client, req, second.cursor, options);
  expect(third.changes.map((c) => [c.id, c.changeType])).toEqual([[4, "updated"]]);
});

test("a record created before the last run's mark but edited before the feed reached it is still delivered as created", async () => {
  const { client, change } = snapshotFeed();
  change({ id: 1, active: true, name: "a", createdOn: iso(0), modifiedOn: iso(0) });
  change({ id: 3, active: true, name: "x", createdOn: iso(1), modifiedOn: iso(1) });
  change({ id: 2, active: true, name: "b", createdOn: iso(2), modifiedOn: iso(2) });
  change({ id: 3, active: true, name: "x edited", createdOn: iso(1), modifiedOn: iso(3) }); // moves behind record 2
  // A run bounded to two changes handles records 1 and 2 (its mark is 10:02) and stops before record 3.
  const first = await pollChanges(client, req, emptyCursor(iso(0)), { ...options, maxRecords: 2 });
  expect(first.changes.map((c) => c.id)).toEqual([1, 2]);
  const second = await pollChanges(client, req, first.cursor, options);
  expect(second.changes.map((c) => [c.id, c.changeType])).toEqual([[3, "created"]]);
});

test("within one run, the second version of a record created in it is an update", async () => {
  // A log feed (every version kept): created then edited between runs, both versions arrive.
  const versions: Version[] = [
    { id: 1, active: true, name: "a", createdOn: iso(1), modifiedOn: iso(1) },
    { id: 2, active: true, name: "b", createdOn: iso(5), modifiedOn: iso(5) },
    { id: 2, active: true, name: "b2", createdOn: iso(5), modifiedOn: iso(6) },
  ];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      const from = (r.query as Record<string, unknown>).from;
      const data = from === "t1" ? versions.slice(1) : versions.slice(0, 1);
      return { status: 200, headers: {}, data: { hasMore: from !== "t1", continueFrom: from === "t1" ? "t3" : "t1", data } as T };
    },
  };
  const out = await pollChanges(client, req, { ...emptyCursor(), mark: iso(2) } as Cursor, options);
  expect(out.changes.map((c) => [c.id, c.changeType])).toEqual([
    [1, "created"],
    [2, "created"],
    [2, "updated"],
  ]);
});

test("repeats of a recent-changes window longer than 1,000 changes are all recognised", async () => {
  const { client, change } = snapshotFeed(2500);
  for (let i = 1; i <= 3000; i++)
    change({
      id: i,
      active: true,
      name: `c${i}`,
      createdOn: iso(0, 0),
      modifiedOn: new Date(Date.UTC(2026, 0, 1, 10, 0, 0, i * 10)).toISOString(),
    });
  const first = await pollChanges(client, req, emptyCursor(), options);
  expect(first.changes).toHaveLength(3000);
  change({ id: 3001, active: true, name: "new", createdOn: iso(5), modifiedOn: iso(5) });
  const second = await pollChanges(client, req, first.cursor, options);
  expect(second.changes.map((c) => c.id)).toEqual([3001]);
  expect(second.duplicatesRemoved).toBe(2500);
});

test("a run that fails after progress keeps what it read and the position of the last page it finished", async () => {
  let n = 0;
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      n += 1;
      if (n === 3) throw new Error("ServiceTitan Export Customers: the request timed out");
      const from = (r.query as Record<string, unknown>).from as string | undefined;
      const at = from ? Number(from.slice(1)) : 0;
      const data = [{ id: at + 1, active: true, createdOn: iso(at), modifiedOn: iso(at) }];
      return { status: 200, headers: {}, data: { hasMore: true, continueFrom: `t${at + 1}`, data } as T };
    },
  };
  const out = await pollChanges(client, req, emptyCursor(), options);
  expect(out.changes.map((c) => c.id)).toEqual([1, 2]);
  expect(out.cursor.token).toBe("t2");
  expect(out.hasMore).toBe(true);
  expect(out.stoppedBy).toBe("error");
  expect(out.error).toMatch(/timed out/);
});

test("every request of a run carries the run's deadline", async () => {
  const { client, sent } = fakeClient((_r, n) => ({ hasMore: n < 3, continueFrom: `t${n}`, data: [] }));
  await pollChanges(client, req, emptyCursor(), { ...options, maxMs: 5000, now: () => 1_000_000 });
  expect(sent.map((r) => r.deadlineAt)).toEqual([1_005_000, 1_005_000, 1_005_000]);
});

describe("through the trigger", () => {
  let server: CaptureServer;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  test("a failure after progress delivers what was read and the saved position advances to it", async () => {
    let n = 0;
    server.setResponder((r) => {
      n += 1;
      if (n === 3) return { status: 400, body: { title: "Something went wrong" } };
      const at = r.query.from && String(r.query.from).startsWith("t") ? Number(String(r.query.from).slice(1)) : 0;
      return {
        body: { hasMore: true, continueFrom: `t${at + 1}`, data: [{ id: at + 1, active: true, createdOn: iso(at), modifiedOn: iso(at) }] },
      };
    });
    const instanceState: Record<string, unknown> = {};
    const run = await runRecordChanges(captureConnection(server), instanceState);
    expect(run.data.records.map((c) => c.id)).toEqual([1, 2]);
    expect(run.data.hasMore).toBe(true);
    const polling = (instanceState.__prismaticInternal as { polling: { committed: Cursor } }).polling;
    expect(polling.committed.token).toBe("t2");
  });
});

test("catching up a backlog in bounded runs: a record created in the backlog and edited later is still delivered as created", async () => {
  const { client, change } = snapshotFeed();
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
  change({ id: 1, active: true, name: "a", createdOn: at(5, 8), modifiedOn: at(5, 8) });
  change({ id: 3, active: true, name: "c", createdOn: at(5, 10), modifiedOn: at(5, 10) });
  change({ id: 2, active: true, name: "b", createdOn: at(5, 18), modifiedOn: at(5, 18) });
  change({ id: 3, active: true, name: "c edited", createdOn: at(5, 10), modifiedOn: at(6, 10) }); // moves behind record 2
  // Look-back from January 1st, two changes a run: the first run handles 1 and 2 (mark: the 5th, 18:00,
  // more than an hour after record 3 was created) and stops before record 3.
  const first = await pollChanges(client, req, emptyCursor(at(1, 0)), { ...options, maxRecords: 2 });
  expect(first.changes.map((c) => c.id)).toEqual([1, 2]);
  expect(first.hasMore).toBe(true);
  const second = await pollChanges(client, req, first.cursor, options);
  expect(second.changes.map((c) => [c.id, c.changeType])).toEqual([[3, "created"]]);
  // Once caught up, a record created before the start and edited now is an update, not a creation.
  change({ id: 9, active: true, name: "old, edited", createdOn: at(0, 0), modifiedOn: at(7, 0) });
  const third = await pollChanges(client, req, second.cursor, options);
  expect(third.changes.map((c) => [c.id, c.changeType])).toEqual([[9, "updated"]]);
});
