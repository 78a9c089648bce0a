/**
 * "Nothing lost" soak over the production-faithful sandbox (its rate limit, snapshot feeds and the rest
 * are on by default; A and C are also throttled: about one request in twenty answers 429 with the wait
 * only in the body, "Try again in 1 seconds."): every part counts what a perfect consumer must have
 * received and what the component delivered, and prints the figures. Lost must be 0, and so must
 * duplicates beyond declared re-delivery.
 *
 * A. Fetch All over the in-process sandbox while records are deleted, inserted and re-sorted between
 *    page requests (the test changes `sb.store` from inside the transport, just before a page is asked
 *    for): each result is complete for the records that lived through the read, or the call fails
 *    saying the list changed; never an incomplete set.
 * B. New and Updated Records over a snapshot export feed (a small local server: a record changed twice
 *    between reads arrives once, latest version, latest position; "include recent changes" repeats the
 *    last 1,500 changes): 10,000 changes across bounded runs, records created then edited between runs.
 * C. Export drains (the Export Customers action, Drain Until Caught Up) over the sandbox, a request
 *    failing every few pages: each drain returns what it read and the token; resuming loses nothing.
 */
import type { Connection } from "@prismatic-io/spectral";
import { Prng } from "../../sandbox/prng";
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { createServiceTitanClient, type ServiceTitanClient, type StRequest } from "../../src/http/client";
import { fetchAll, ListChangedError } from "../../src/paging/pages";
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { useCaptureServer, useSandbox } from "../support/harness";
import { harness, runRecordChanges } from "../triggers/support";

jest.setTimeout(60_000);

const figures: string[] = [];
afterAll(() => {
  console.log(`Nothing-lost soak\n${figures.join("\n")}`);
});

/** About one request in twenty is throttled the way live tenants do it: the wait only in the body. */
const throttle = (sb: Sandbox): void => {
  sb.faults.add({
    name: "throttle",
    kind: "status",
    status: 429,
    probability: 0.05,
    body: { type: "https://tools.ietf.org/html/rfc6585#section-4", title: "Rate limit is exceeded. Try again in 1 seconds.", status: 429, traceId: "soak" },
  });
};
const throttled = (sb: Sandbox): number => sb.requests.filter((r) => r.status === 429).length;

interface Tally {
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
}
const report = (name: string, t: Tally, extra = ""): void => {
  figures.push(
    `${name}: records expected ${t.expected}, delivered ${t.delivered}, lost ${t.lost}, duplicated beyond declared re-delivery ${t.duplicated}${extra ? `; ${extra}` : ""}`,
  );
};

// ------------------------------------------------------------------------------------------ A
describe("A. Fetch All while the list changes between pages", () => {
  let sb: Sandbox;
  let connection: Connection;
  const t = useSandbox("production", { seedData: { customers: 3000, jobs: 0, bookings: 0 }, clearFaults: false });
  beforeAll(() => {
    ({ sb, connection } = t);
    throttle(sb);
  });

  test("every record that lived through a read is returned, or the read fails saying the list changed", async () => {
    const prng = new Prng(13);
    const real = createServiceTitanClient(connection);
    let churnLeft = 0;
    let sort: string | undefined;
    let counter = 0;
    /** Between page requests: delete a record ahead of the read position, insert one, edit one (it moves under +ModifiedOn). */
    const churn = () => {
      const live = sb.store.all(K.customers);
      const victim = live[Math.floor(prng.next() * Math.min(live.length, 1500))];
      sb.store.remove(K.customers, victim.id);
      sb.store.insert(K.customers, { name: `inserted ${++counter}`, type: "Residential" });
      const edited = live[Math.floor(prng.next() * Math.min(live.length, 1500))];
      if (edited.id !== victim.id) sb.store.update(K.customers, edited.id, { name: `edited ${counter}` });
    };
    const client: ServiceTitanClient = {
      ...real,
      request: async <T>(r: StRequest) => {
        const q = r.query as Record<string, unknown>;
        if (churnLeft > 0 && Number(q.pageSize) > 1 && Number(q.page) > 1) {
          churnLeft -= 1;
          churn();
        }
        return real.request<T>(r);
      },
    };
    const req = (): StRequest => ({ module: "crm", method: "GET", path: "/customers", operation: '"List Customers"', query: { active: "Any", ...(sort ? { sort } : {}) } });

    const tally: Tally = { expected: 0, delivered: 0, lost: 0, duplicated: 0 };
    let complete = 0;
    let refused = 0;
    const ROUNDS = 8;
    for (let round = 0; round < ROUNDS; round++) {
      sort = round % 2 === 0 ? undefined : "+ModifiedOn";
      // Most rounds change the list during the first read only; every fourth keeps changing it.
      churnLeft = round % 4 === 3 ? 1000 : 3;
      const before = new Set(sb.store.all(K.customers).map((r) => r.id));
      try {
        const out = await fetchAll(client, req(), { pageSize: 500, concurrency: 2 });
        const after = new Set(sb.store.all(K.customers).map((r) => r.id));
        const got = out.data.map((r) => (r as { id: number }).id);
        const gotSet = new Set(got);
        const lived = [...before].filter((id) => after.has(id));
        tally.expected += lived.length;
        tally.delivered += got.length;
        tally.lost += lived.filter((id) => !gotSet.has(id)).length;
        tally.duplicated += got.length - gotSet.size;
        complete += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(ListChangedError);
        expect((error as Error).message).toMatch(/the list changed while it was read/);
        refused += 1;
      }
      churnLeft = 0;
    }
    report("A. Fetch All under churn", tally, `${complete} complete reads, ${refused} refused as changing (never partial); ${throttled(sb)} requests answered 429 (wait in the body only)`);
    expect(throttled(sb)).toBeGreaterThan(0);
    expect(tally.lost).toBe(0);
    expect(tally.duplicated).toBe(0);
    expect(complete).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(refused).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------------------------------ B
/** One version of a record in the snapshot feed. */
interface Version {
  id: number;
  active: boolean;
  name: string;
  createdOn: string;
  modifiedOn: string;
}

/**
 * A snapshot export feed: `order` holds the latest version of each changed record by change sequence;
 * a token is the sequence of the last change delivered; pages of 500; with includeRecentChanges the
 * `overlap` changes before the token come again first.
 */
class SnapshotFeed {
  private seq = 0;
  private readonly order: Array<{ seq: number; v: Version }> = [];
  readonly latest = new Map<number, Version>();
  constructor(readonly overlap: number) {}

  change(v: Version): void {
    const at = this.order.findIndex((e) => e.v.id === v.id);
    if (at >= 0) this.order.splice(at, 1);
    this.order.push({ seq: ++this.seq, v });
    this.latest.set(v.id, v);
  }

  answer(query: Record<string, string | string[]>): unknown {
    const from = typeof query.from === "string" && query.from.startsWith("s") ? Number(query.from.slice(1)) : 0;
    let start = this.order.findIndex((e) => e.seq > from);
    if (start < 0) start = this.order.length;
    const end = Math.min(this.order.length, start + 500);
    const first = query.includeRecentChanges === "true" ? Math.max(0, start - this.overlap) : start;
    const data = this.order.slice(first, end).map((e) => e.v);
    const last = end > 0 ? this.order[end - 1].seq : from;
    return { hasMore: end < this.order.length, continueFrom: `s${Math.max(last, from)}`, data };
  }
}

describe("B. New and Updated Records over a snapshot feed", () => {
  let server: CaptureServer;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  test("10,000 changes across bounded runs: every latest version delivered, every new record as created, nothing twice", async () => {
    const prng = new Prng(21);
    const feed = new SnapshotFeed(1500);
    server.setResponder((r) => ({ body: feed.answer(r.query) }));
    // ServiceTitan's clock and the runner's agree: the seed lies three hours back, the changes start now.
    let clock = Date.now() - 3 * 60 * 60 * 1000;
    const at = () => new Date(clock).toISOString();
    let nextId = 1;
    const live: number[] = [];
    let made = 0;
    const created = new Set<number>();
    const create = () => {
      const id = nextId++;
      clock += 50;
      feed.change({ id, active: true, name: `n${id}.0`, createdOn: at(), modifiedOn: at() });
      live.push(id);
      created.add(id);
      made += 1;
      return id;
    };
    const edit = (id: number, active = true) => {
      clock += 50;
      const old = feed.latest.get(id) as Version;
      feed.change({ ...old, active, name: `n${id}.${made}`, modifiedOn: at() });
      made += 1;
    };
    // Records that existed before the trigger started (seen silently by Start From = now).
    for (let i = 0; i < 200; i++) create();
    created.clear();
    clock = Date.now();
    const changesFrom = at();

    const instanceState: Record<string, unknown> = {};
    const delivered = new Map<string, number>(); // "id|modifiedOn|name|active" → times delivered
    const createdDelivered = new Map<number, number>();
    const firstType = new Map<number, string>();
    const expected = new Set<string>();
    const params = { connection: captureConnection(server), startFrom: "now", maxRecordsPerRun: "700", includeRecentChanges: "true" };
    const run = async () => {
      const { data } = await runRecordChanges(params.connection, instanceState, params);
      for (const c of data.records) {
        const v = c.record as Version;
        const key = `${v.id}|${v.modifiedOn}|${v.name}|${v.active}`;
        delivered.set(key, (delivered.get(key) ?? 0) + 1);
        if (c.changeType === "created") createdDelivered.set(v.id, (createdDelivered.get(v.id) ?? 0) + 1);
        if (!firstType.has(v.id)) firstType.set(v.id, c.changeType);
      }
      return data;
    };
    await run(); // seeds the position at the end of the feed (nothing delivered)
    expect(delivered.size).toBe(0);

    const TOTAL = 10_000;
    let runs = 1;
    while (made < TOTAL + 200) {
      const n = Math.min(TOTAL + 200 - made, Math.floor(100 + prng.next() * 500));
      for (let i = 0; i < n && made < TOTAL + 200; i++) {
        const r = prng.next();
        if (live.length < 50 || r < 0.25) create();
        else if (r < 0.35) {
          // created, then edited again before the next run: the feed shows only the edited version
          const id = create();
          edit(id);
        } else if (r < 0.9) edit(live[Math.floor(prng.next() * live.length)]);
        else {
          const k = Math.floor(prng.next() * live.length);
          edit(live[k], false);
          live.splice(k, 1);
        }
      }
      // Run until caught up; then every record's latest version must have been delivered.
      for (let data = await run(); ; data = await run()) {
        runs += 1;
        if (!data.hasMore) break;
      }
      clock += 1000;
      for (const v of feed.latest.values()) if (v.modifiedOn > changesFrom) expected.add(`${v.id}|${v.modifiedOn}|${v.name}|${v.active}`);
    }
    const lost = [...expected].filter((k) => !delivered.has(k)).length;
    const duplicated = [...delivered.values()].reduce((n, times) => n + times - 1, 0);
    // A record created and deactivated before any run saw it arrives deactivated: that is its first news.
    const createdLost = [...created].filter((id) => !createdDelivered.has(id) && firstType.get(id) !== "deactivated").length;
    const createdTwice = [...createdDelivered.values()].filter((n) => n > 1).length;
    const deliveredCount = [...delivered.values()].reduce((a, b) => a + b, 0);
    report(
      "B. New and Updated Records (snapshot feed)",
      { expected: expected.size, delivered: deliveredCount, lost, duplicated },
      `${made - 200} changes in ${runs} runs; ${created.size} records created, ${createdLost} not delivered as created, ${createdTwice} delivered as created twice`,
    );
    expect(made - 200).toBe(TOTAL);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(createdLost).toBe(0);
    expect(createdTwice).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------ C
describe("C. Export drains that fail part-way", () => {
  let sb: Sandbox;
  let connection: Connection;
  const t = useSandbox("production", { seedData: { customers: 4000, jobs: 0, bookings: 0 }, exportPageSize: 250, clearFaults: false });
  beforeAll(() => {
    ({ sb, connection } = t);
    throttle(sb);
  });

  test("each failed drain keeps what it read; resuming from its token delivers every change once", async () => {
    const prng = new Prng(5);
    const feed = sb.store.collection(K.customers);
    let reads = 0;
    // Every third feed read, the next export request fails (a 400 is not retried: it ends the request at once).
    feed.onFeedRead = () => {
      reads += 1;
      if (reads % 3 === 0) sb.faults.add({ name: "soak", kind: "status", status: 400, times: 1, match: { pathIncludes: "/export/customers" }, body: { title: "Injected failure" } });
    };
    const quiet = { logger: { info() {}, warn() {}, error() {}, debug() {} } } as never;
    const byVersion = new Map<string, number>();
    let from: string | undefined;
    let drains = 0;
    let failures = 0;
    let failedAtOnce = 0;
    for (let round = 0; round < 15; round++) {
      // Changes between drains: inserts and edits, about three feed pages.
      for (let i = 0; i < 500; i++) {
        const live = sb.store.all(K.customers);
        if (prng.next() < 0.5) sb.store.insert(K.customers, { name: `c${round}.${i}`, type: "Residential" });
        else sb.store.update(K.customers, live[Math.floor(prng.next() * live.length)].id, { name: `e${round}.${i}` });
      }
      let out: { data: { data: Array<{ id: number; modifiedOn: string; name: string }>; continueFrom: string; hasMore: boolean; error?: string } };
      try {
        out = (await harness.action("exportCustomers", { connection, drain: "true", ...(from ? { from } : {}) }, quiet)) as typeof out;
      } catch (error) {
        // The very first request failed: nothing was read, so nothing is kept; the same token is tried again.
        expect((error as Error).message).toMatch(/Injected failure|400/);
        failedAtOnce += 1;
        continue;
      }
      drains += 1;
      if (out.data.error) failures += 1;
      for (const r of out.data.data) byVersion.set(`${r.id}|${r.modifiedOn}|${r.name}`, (byVersion.get(`${r.id}|${r.modifiedOn}|${r.name}`) ?? 0) + 1);
      from = out.data.continueFrom;
    }
    // Catch up without new changes.
    feed.onFeedRead = undefined;
    sb.faults.clear(); // a failure injected on the last read of the loop would otherwise hit the first catch-up request
    throttle(sb);
    for (let left = 20; left > 0; left--) {
      const out = (await harness.action("exportCustomers", { connection, drain: "true", from }, quiet)) as {
        data: { data: Array<{ id: number; modifiedOn: string; name: string }>; continueFrom: string; hasMore: boolean };
      };
      for (const r of out.data.data) byVersion.set(`${r.id}|${r.modifiedOn}|${r.name}`, (byVersion.get(`${r.id}|${r.modifiedOn}|${r.name}`) ?? 0) + 1);
      from = out.data.continueFrom;
      if (!out.data.hasMore) break;
    }
    // A drain keeps the newest version per record; what must arrive is every record's last version.
    const lastVersion = new Map<number, string>();
    for (const r of feed.log) lastVersion.set(r.id, `${r.id}|${r.modifiedOn}|${r.name}`);
    const expected = [...lastVersion.values()];
    const lost = expected.filter((k) => !byVersion.has(k)).length;
    const duplicated = [...byVersion.values()].reduce((n, times) => n + times - 1, 0);
    const delivered = [...byVersion.values()].reduce((a, b) => a + b, 0);
    report(
      "C. Export drains with failures",
      { expected: expected.length, delivered, lost, duplicated },
      `${drains} drains, ${failures} ended early by a failure after progress and were resumed, ${failedAtOnce} failed before reading anything; ${throttled(sb)} requests answered 429 (wait in the body only)`,
    );
    expect(throttled(sb)).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(5);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });
});
