/**
 * "New and Updated Records" against the sandbox's export feed, driven through Spectral's adapter
 * (createHarness → clean → perform) with the polling state kept in the instanceState we pass.
 */
import type { Connection } from "@prismatic-io/spectral";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { sandboxConnection } from "../../scripts/lib/connection";
import { SEEN_MEMORY_CAP } from "../../src/recordChanges/changeFeed";
import { pollingStateOf } from "../../src/recordChanges/deliveryState";
import type { PollingStateV1 } from "../../src/recordChanges/deliveryState";
import { RECORD_TYPE_TABLE } from "../../src/recordChanges/recordTypes";
import { allChanges, ChangeMaker, changeId, confirm, logs, runRecordChanges } from "./support";

const TOTAL_CHANGES = 10_000;
const RUNS = 50;

interface World {
  sandbox: Sandbox;
  connection: Connection;
  clock: { now: number };
  maker: ChangeMaker;
}

const newWorld = async (seedCustomers = 10, exportPageSize = 200, production?: SandboxOptions["production"]): Promise<World> => {
  const clock = { now: Date.parse("2026-03-01T08:00:00.000Z") };
  const sandbox = await startSandbox({
    port: 0,
    seedData: { customers: seedCustomers, jobs: 0, bookings: 0 },
    exportPageSize,
    recentChangesOverlap: 3,
    tokenLifetimeSeconds: 10 * 365 * 86_400, // the test clock jumps between 2026-03 and today
    clock: () => new Date(clock.now),
    production,
  });
  const connection = await sandboxConnection(sandbox);
  return { sandbox, connection, clock, maker: new ChangeMaker(sandbox, clock) };
};

/** How many changes to make before run `i` (the first 40 runs; the last ones let the trigger catch up). */
const plan = (i: number): { spread: number; bursts: number[]; duringPoll: number } => {
  if (i >= 40) return { spread: 0, bursts: [], duringPoll: 0 };
  // 250 per run on average: some quiet runs, some large backlogs, bursts sharing one timestamp.
  const big = i % 9 === 4;
  const quiet = i % 7 === 6;
  const total = quiet ? 20 : big ? 900 : 230;
  const bursts = i % 3 === 0 ? [Math.min(80, Math.floor(total / 3))] : [];
  const duringPoll = i % 4 === 1 ? 25 : 0;
  return { spread: total - bursts.reduce((a, b) => a + b, 0) - duringPoll, bursts, duringPoll };
};

/** Makes `planned` changes; returns a hook that makes `duringPoll` more while the trigger reads the feed. */
const makeChanges = (w: World, i: number): void => {
  const p = plan(i);
  const room = () => TOTAL_CHANGES - w.maker.count;
  w.maker.spread(Math.min(room(), Math.max(0, p.spread)));
  for (const b of p.bursts) w.maker.burst(Math.min(room(), b));
  let left = p.duringPoll;
  w.sandbox.store.collection(K.customers).onFeedRead = () => {
    if (left <= 0) return;
    const n = Math.min(left, 10, room());
    if (n <= 0) return;
    left -= n;
    w.maker.burst(n);
  };
};

const topUp = (w: World): void => {
  // Whatever the plan's rounding left over, so exactly TOTAL_CHANGES are made before run 40.
  if (w.maker.count < TOTAL_CHANGES) w.maker.spread(TOTAL_CHANGES - w.maker.count);
};

/**
 * These two tests prove delivery guarantees against an oracle of every version the feed ever held
 * (`allChanges`: the change log). A snapshot feed (the sandbox's default, like ServiceTitan's) never
 * serves a version superseded between two reads, so that oracle cannot hold there: they read the feed as a
 * change log (`snapshotFeeds: false`). Snapshot feeds are covered by the tests below and test/sandbox.
 */
const CHANGE_LOG = { snapshotFeeds: false };

describe("New and Updated Records over 10,000 changes", () => {
  it("at most once: 50 runs deliver every change exactly once (bursts, changes during polls, bounded runs)", async () => {
    const w = await newWorld(10, 200, CHANGE_LOG);
    try {
      const instanceState: Record<string, unknown> = {};
      const delivered: string[] = [];
      let bounded = 0;
      let duplicatesRemoved = 0;
      for (let i = 0; i < RUNS; i++) {
        makeChanges(w, i);
        if (i === 39) topUp(w);
        const { data, resultType } = await runRecordChanges(w.connection, instanceState, { maxRecordsPerRun: "350", includeRecentChanges: "true" });
        for (const c of data.records) delivered.push(changeId(c.record as Record<string, unknown>));
        if (data.hasMore) bounded += 1;
        duplicatesRemoved += data.counts.duplicatesRemoved;
        expect(data.records.length).toBeLessThanOrEqual(350);
        expect(resultType).toBe(data.records.length === 0 ? "polled_no_changes" : "completed");
      }
      w.sandbox.store.collection(K.customers).onFeedRead = undefined;
      expect(w.maker.count).toBe(TOTAL_CHANGES);
      const expected = allChanges(w.sandbox);
      expect(new Set(delivered).size).toBe(delivered.length); // no duplicates at all
      expect(new Set(delivered)).toEqual(expected); // nothing lost
      expect(bounded).toBeGreaterThan(3); // large backlogs really were split across runs
      expect(duplicatesRemoved).toBeGreaterThan(50); // "include recent changes" repeats were seen and dropped
      const state = pollingStateOf(instanceState) as unknown as PollingStateV1;
      // The memory covers the "include recent changes" window (every change of the last hour here), bounded.
      expect(state.committed.seen.length).toBeGreaterThan(1000);
      expect(state.committed.seen.length).toBeLessThanOrEqual(SEEN_MEMORY_CAP);
    } finally {
      await w.sandbox.close();
    }
  });

  it("at least once: failed runs are delivered again, confirmed runs hold every change exactly once", async () => {
    const w = await newWorld(10, 150, CHANGE_LOG);
    try {
      let instanceState: Record<string, unknown> = {};
      const confirmed: string[] = [];
      const everDelivered: string[] = [];
      const failedDeliveries = new Set<string>();
      let redeliveries = 0;
      let failures = 0;
      for (let i = 0; i < RUNS; i++) {
        makeChanges(w, i);
        if (i === 39) topUp(w);
        const failure = i % 6 === 2 ? "flowFails" : i % 6 === 5 && i < 40 ? "stateLost" : i === 20 ? "triggerFails" : undefined;
        const snapshot = structuredClone(instanceState);
        if (failure === "triggerFails") {
          // The second export request of this run fails: the trigger throws, nothing is delivered or saved.
          let reads = 0;
          const hook = w.sandbox.store.collection(K.customers).onFeedRead;
          w.sandbox.store.collection(K.customers).onFeedRead = (p) => {
            hook?.(p);
            reads += 1;
            if (reads === 1) w.sandbox.faults.add({ kind: "status", status: 400, times: 1, match: { pathIncludes: "/export/customers" }, body: { title: "Bad Request" } });
          };
          await expect(runRecordChanges(w.connection, instanceState, { maxRecordsPerRun: "400", atLeastOnce: "true" })).rejects.toThrow(/400/);
          instanceState = snapshot;
          failures += 1;
          continue;
        }
        const { data } = await runRecordChanges(w.connection, instanceState, { maxRecordsPerRun: "400", atLeastOnce: "true" });
        const ids = data.records.map((c) => changeId(c.record as Record<string, unknown>));
        everDelivered.push(...ids);
        if (data.redelivery) redeliveries += 1;
        expect(data.atLeastOnce).toBe(true);
        if (failure && ids.length > 0) {
          failures += 1;
          for (const id of ids) failedDeliveries.add(id);
          // flowFails: the flow throws before Confirm Record Changes, the trigger's state was saved.
          // stateLost: the execution crashed and none of its state was written back.
          if (failure === "stateLost") instanceState = snapshot;
          continue;
        }
        confirmed.push(...ids);
        if (data.deliveryId) {
          const res = await confirm(instanceState, data.deliveryId);
          expect(res.data).toMatchObject({ confirmed: true, count: ids.length });
        } else {
          expect(ids).toHaveLength(0);
        }
      }
      w.sandbox.store.collection(K.customers).onFeedRead = undefined;
      expect(w.maker.count).toBe(TOTAL_CHANGES);
      const expected = allChanges(w.sandbox);
      expect(failures).toBeGreaterThanOrEqual(8);
      expect(redeliveries).toBeGreaterThanOrEqual(4);
      // Confirmed deliveries: every change exactly once.
      expect(new Set(confirmed).size).toBe(confirmed.length);
      expect(new Set(confirmed)).toEqual(expected);
      // Anything delivered more than once was part of a failed (never confirmed) delivery.
      const counts = new Map<string, number>();
      for (const id of everDelivered) counts.set(id, (counts.get(id) ?? 0) + 1);
      const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      expect(repeated.length).toBeGreaterThan(0);
      for (const id of repeated) expect(failedDeliveries.has(id)).toBe(true);
    } finally {
      await w.sandbox.close();
    }
  });
});

describe("New and Updated Records: start, toggles, bounds, confirmation", () => {
  let w: World;
  beforeAll(async () => {
    w = await newWorld(0, 50);
  });
  afterAll(() => w.sandbox.close());

  const customers = () => w.sandbox.store.collection(K.customers);
  /**
   * Names of the versions a snapshot feed still serves among the last `n` in the customers feed (a
   * deletion repeats the record's last name; a version changed again later is superseded).
   */
  const lastNames = (n: number) => {
    const log = customers().log;
    const names: string[] = [];
    for (let i = Math.max(0, log.length - n); i < log.length; i++) if (customers().isLatest(i)) names.push(String(log[i].name));
    return names;
  };

  it("classifies created, updated and deactivated changes, deletions included (snapshot feed: one entry per record)", async () => {
    // Start From = now marks the real time as handled: the sandbox's clock must agree with ours, as
    // ServiceTitan's does, for "created since the last run" to mean anything.
    w.clock.now = Math.max(w.clock.now, Date.now());
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state); // catch up with whatever is there
    w.clock.now += 5000;
    const a = w.sandbox.store.insert(K.customers, { name: "new" });
    w.clock.now += 5000;
    w.sandbox.store.update(K.customers, a.id, { name: "renamed" }); // created and edited before the run: still new to us
    const c = w.sandbox.store.insert(K.customers, { name: "short-lived" });
    w.clock.now += 5000;
    w.sandbox.store.update(K.customers, c.id, { active: false });
    const b = w.sandbox.store.insert(K.customers, { name: "to delete" });
    w.clock.now += 5000;
    w.sandbox.store.remove(K.customers, b.id);
    const first = await runRecordChanges(w.connection, state);
    // The feed is a snapshot: each record once, in its latest version. An inactive or deleted record is
    // a deactivation, whatever happened before; an active one created since the last run is created.
    expect(first.data.records.map((c) => [c.id, c.changeType, (c.record as { name: string }).name])).toEqual([
      [a.id, "created", "renamed"],
      [c.id, "deactivated", "short-lived"],
      [b.id, "deactivated", "to delete"],
    ]);
    expect(first.data.counts).toMatchObject({ created: 1, updated: 0, deactivated: 2 });
    w.clock.now += 5000;
    w.sandbox.store.update(K.customers, a.id, { name: "renamed again" });
    const second = await runRecordChanges(w.connection, state);
    expect(second.data.records.map((c) => [c.id, c.changeType])).toEqual([[a.id, "updated"]]);
  });

  it("Start From = now delivers nothing that existed before the first run", async () => {
    w.clock.now = Date.now(); // the sandbox's clock runs a little ahead of the trigger's: "now" must still skip these
    w.maker.spread(30);
    const state: Record<string, unknown> = {};
    const first = await runRecordChanges(w.connection, state, { startFrom: "now" });
    expect(first.data.records).toHaveLength(0);
    expect(first.resultType).toBe("polled_no_changes");
    w.clock.now = Date.now() + 1000;
    w.maker.spread(5);
    const second = await runRecordChanges(w.connection, state, { startFrom: "now" });
    expect(second.data.records.map((c) => (c.record as { name: string }).name)).toEqual(lastNames(5));
  });

  it("Start From = Look-Back Date delivers what changed since that date; the beginning delivers everything", async () => {
    const cut = new Date(w.clock.now + 60_000).toISOString();
    w.clock.now += 120_000;
    w.maker.spread(7);
    const since = await runRecordChanges(w.connection, {}, { startFrom: "lookBackDate", lookBackDate: cut, maxRecordsPerRun: "10000" });
    expect(since.data.records).toHaveLength(lastNames(7).length);
    const all = await runRecordChanges(w.connection, {}, { startFrom: "beginning", maxRecordsPerRun: "10000", includeRecentChanges: "false" });
    expect(all.data.records).toHaveLength(lastNames(customers().log.length).length);
    await expect(runRecordChanges(w.connection, {}, { startFrom: "lookBackDate" })).rejects.toThrow(/Look-Back Date/);
    await expect(runRecordChanges(w.connection, {}, { maxRecordsPerRun: "0" })).rejects.toThrow(/Max Records per Run: expected a whole number of at least 1/);
    await expect(runRecordChanges(w.connection, {}, { recordType: "widgets" })).rejects.toThrow(/Record Type: expected one of/);
  });

  it("hidden change types still move the position and never come back later", async () => {
    w.clock.now = Math.max(w.clock.now, Date.now()); // as above: the sandbox's clock agrees with ours
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state);
    w.clock.now += 10_000;
    const fresh = w.sandbox.store.insert(K.customers, { name: "hidden-test new" });
    w.clock.now += 10_000;
    w.sandbox.store.update(K.customers, fresh.id, { name: "hidden-test edited before the run" });
    // Created and edited before this run: the snapshot has one version, and it is a creation.
    const created = await runRecordChanges(w.connection, state, { showUpdated: "false" });
    expect(created.data.records.map((c) => [c.changeType, (c.record as { name: string }).name])).toEqual([["created", "hidden-test edited before the run"]]);
    w.clock.now += 10_000;
    w.sandbox.store.update(K.customers, fresh.id, { name: "hidden-test updated" });
    const hiding = await runRecordChanges(w.connection, state, { showUpdated: "false" });
    expect(hiding.data.records).toHaveLength(0);
    expect(hiding.data.counts.hidden).toBe(1);
    const createdOnly = await runRecordChanges(w.connection, state, { showCreated: "false" });
    expect(createdOnly.data.records).toHaveLength(0); // the hidden update is not delivered afterwards
    w.clock.now += 10_000;
    w.sandbox.store.update(K.customers, fresh.id, { name: "hidden-test updated again" });
    const next = await runRecordChanges(w.connection, state, { showCreated: "false" });
    expect(next.data.records.map((c) => (c.record as { name: string }).name)).toEqual(["hidden-test updated again"]);
  });

  it("stops on Max Seconds per Run and the next run continues from the saved token", async () => {
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state);
    w.maker.spread(400); // 8 pages of 50
    w.sandbox.latency.perRequestMs = 400;
    try {
      const first = await runRecordChanges(w.connection, state, { maxSecondsPerRun: "1", maxRecordsPerRun: "10000" });
      expect(first.data.hasMore).toBe(true);
      expect(first.data.records.length).toBeGreaterThan(0);
      expect(first.data.records.length).toBeLessThan(400);
      w.sandbox.latency.perRequestMs = 0;
      const rest = await runRecordChanges(w.connection, state, { maxRecordsPerRun: "10000" });
      expect(rest.data.hasMore).toBe(false);
      const names = [...first.data.records, ...rest.data.records].map((c) => (c.record as { name: string }).name);
      expect(names).toEqual(lastNames(400));
    } finally {
      w.sandbox.latency.perRequestMs = 0;
    }
  });

  it("a run bounded inside a page resumes in that page without repeating or skipping", async () => {
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state);
    w.maker.burst(120); // one timestamp, more than two pages of 50
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const { data } = await runRecordChanges(w.connection, state, { maxRecordsPerRun: "17" });
      expect(data.records.length).toBeLessThanOrEqual(17);
      names.push(...data.records.map((c) => (c.record as { name: string }).name));
      if (!data.hasMore) break;
    }
    expect(names).toEqual(lastNames(120));
  });

  it("a different record type starts anew instead of reusing the other feed's token", async () => {
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state);
    const other = await runRecordChanges(w.connection, state, { recordType: "technicians" });
    expect(other.data.recordType).toBe("technicians");
    expect(other.data.records.length).toBe(w.sandbox.store.collection(K.technicians).log.length);
  });

  it("another tenant on another host (the connection switched) starts anew instead of reusing this tenant's token", async () => {
    const state: Record<string, unknown> = {};
    w.maker.spread(30);
    await runRecordChanges(w.connection, state); // this tenant's feed, read to its end
    const other = await startSandbox({
      port: 0,
      credentials: { tenant: "7654321" },
      seedData: { customers: 12, jobs: 0, bookings: 0 },
      exportPageSize: 50,
      tokenLifetimeSeconds: 10 * 365 * 86_400,
      clock: () => new Date(w.clock.now),
    });
    try {
      const switched = await runRecordChanges(await sandboxConnection(other), state);
      expect(switched.data.records).toHaveLength(other.store.collection(K.customers).log.length);
      expect((pollingStateOf(state) as unknown as PollingStateV1).feed).toBe(`${other.url}|7654321|crm:/export/customers`);
    } finally {
      await other.close();
    }
  });

  it("a state saved under the tenant-less key is taken over once: the next run continues, nothing is delivered again", async () => {
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state);
    const polling = pollingStateOf(state) as unknown as PollingStateV1;
    polling.feed = "crm:/export/customers"; // as saved before the tenant was part of the key
    w.maker.spread(5);
    const next = await runRecordChanges(w.connection, state);
    expect(next.data.records).toHaveLength(5);
    expect((pollingStateOf(state) as unknown as PollingStateV1).feed).toMatch(/\|1234567\|crm:\/export\/customers$/);
  });

  it("every record type's export feed answers through the trigger", async () => {
    for (const entry of RECORD_TYPE_TABLE) {
      const { data } = await runRecordChanges(w.connection, {}, { recordType: entry.key });
      expect(data.recordType).toBe(entry.key);
      expect(Array.isArray(data.records)).toBe(true);
    }
  });

  it("Confirm Record Changes refuses stale deliveries and flows without the trigger's state", async () => {
    const state: Record<string, unknown> = {};
    await runRecordChanges(w.connection, state, { atLeastOnce: "true" }).then(async ({ data }) => {
      if (data.deliveryId) await confirm(state, data.deliveryId);
    });
    w.maker.spread(3);
    const first = await runRecordChanges(w.connection, state, { atLeastOnce: "true" });
    expect(first.data.records).toHaveLength(3);
    logs.length = 0; // only this scenario's warnings count below
    const again = await runRecordChanges(w.connection, state, { atLeastOnce: "true" });
    expect(again.data.redelivery).toBe(true);
    expect(again.data.attempt).toBe(2);
    expect(again.data.records.map((c) => c.id)).toEqual(first.data.records.map((c) => c.id));
    expect(logs.some((l) => l.startsWith("warn:") && l.includes("never confirmed"))).toBe(true);
    const stale = await confirm(state, first.data.deliveryId!);
    expect(stale.data).toMatchObject({ confirmed: false });
    const ok = await confirm(state, again.data.deliveryId!);
    expect(ok.data).toMatchObject({ confirmed: true, count: 3 });
    const twice = await confirm(state, again.data.deliveryId!);
    expect(twice.data).toMatchObject({ confirmed: true });
    const after = await runRecordChanges(w.connection, state, { atLeastOnce: "true" });
    expect(after.data.records).toHaveLength(0);
    await expect(confirm({}, "x")).rejects.toThrow(/no New and Updated Records trigger state/);
    await expect(confirm(state, "")).rejects.toThrow(/Delivery ID: expected a value/);
  });
});
