/**
 * The record trigger's change feed at its edges (issue 18, mutation testing): the time reading, the
 * creation test, change keys, the memory of handled changes (trimSeen) and a fresh cursor — each case a
 * way a changed comparison or a dropped rule would lose a change, deliver one twice or call it by the
 * wrong type.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as path from "node:path";
import type { ServiceTitanClient, StRequest } from "../../src/http/client";
import {
  BOUNDARY_MEMORY,
  CREATED_TOLERANCE_MS,
  changeKey,
  classifyChange,
  emptyCursor,
  type PollOptions,
  pollChanges,
  RECENT_CHANGES_WINDOW_MS,
  SEEN_MEMORY_CAP,
  trimSeen,
} from "../../src/recordChanges/changeFeed";
import {
  confirmDelivery,
  feedKey,
  freshState,
  pollingStateOf,
  readState,
  readStateFor,
  STATE_VERSION,
  writePollingState,
} from "../../src/recordChanges/deliveryState";

const T0 = Date.UTC(2026, 0, 15, 9, 30);
const at = (ms: number) => new Date(ms).toISOString();

describe("classifyChange reads times with and without a zone", () => {
  it("an offset or a lower-case z is read as given, not with a Z appended", () => {
    // 09:30+02:00 is 07:30Z: equal to modifiedOn, so created. Appending a Z would make the time unreadable.
    expect(classifyChange({ createdOn: "2026-01-15T09:30:00+02:00", modifiedOn: "2026-01-15T07:30:00Z" })).toBe("created");
    expect(classifyChange({ createdOn: "2026-01-15T09:30:00+0200", modifiedOn: "2026-01-15T07:30:00Z" })).toBe("created");
    expect(classifyChange({ createdOn: "2026-01-15T09:30:00-05:00", modifiedOn: "2026-01-15T14:30:00Z" })).toBe("created");
    expect(classifyChange({ createdOn: "2026-01-15T09:30:00z", modifiedOn: "2026-01-15T09:30:00Z" })).toBe("created");
    // The same times read without their offset are hours apart: updated.
    expect(classifyChange({ createdOn: "2026-01-15T09:30:00", modifiedOn: "2026-01-15T07:30:00Z" })).toBe("updated");
  });

  it("a time without a zone is read as UTC on a machine in another time zone (also a US date whose year looks like an offset)", () => {
    // Jest gives each test file a copy of process.env, so TZ is set for a child process (a developer's
    // machine running the prism CLI is rarely in UTC; Prismatic's runners are).
    const code = `import { classifyChange } from "./src/recordChanges/changeFeed";
      console.log(JSON.stringify([
        classifyChange({ createdOn: "2026-01-15T09:30:00", modifiedOn: "2026-01-15T09:30:00Z" }),
        classifyChange({ createdOn: "01-15-2026 09:30:00", modifiedOn: "2026-01-15T09:30:00Z" }),
        new Date(2026, 0, 15).getTimezoneOffset(),
      ]));`;
    const root = path.resolve(__dirname, "../..");
    const child = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "-e", code], {
      cwd: root,
      env: { ...process.env, TZ: "America/Chicago" },
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual(["created", "created", 360]);
  });

  it("a blank or non-text createdOn cannot prove a record new", () => {
    expect(classifyChange({ createdOn: "   ", modifiedOn: at(T0) })).toBe("updated");
    expect(classifyChange({ createdOn: "", modifiedOn: at(T0) })).toBe("updated");
    expect(classifyChange({ createdOn: T0, modifiedOn: at(T0) })).toBe("updated");
    expect(classifyChange({ createdOn: "", modifiedOn: at(T0) }, T0 - 10_000)).toBe("updated");
  });

  it("the creation tolerance is one second either way, inclusive", () => {
    const rec = (delta: number) => ({ createdOn: at(T0), modifiedOn: at(T0 + delta) });
    expect(classifyChange(rec(CREATED_TOLERANCE_MS))).toBe("created");
    expect(classifyChange(rec(-CREATED_TOLERANCE_MS))).toBe("created");
    expect(classifyChange(rec(CREATED_TOLERANCE_MS + 1))).toBe("updated");
    expect(classifyChange(rec(-CREATED_TOLERANCE_MS - 1))).toBe("updated");
  });

  it("a record created after the mark is new however often edited since; at the mark it is not", () => {
    const edited = (created: number) => ({ createdOn: at(created), modifiedOn: at(created + 3_600_000) });
    expect(classifyChange(edited(T0 + 1), T0)).toBe("created");
    expect(classifyChange(edited(T0), T0)).toBe("updated");
    expect(classifyChange(edited(T0 - 1), T0)).toBe("updated");
    expect(classifyChange(edited(T0 + 1))).toBe("updated");
    // A mark of 0 (from the beginning of the feed) still counts.
    expect(classifyChange(edited(T0), 0)).toBe("created");
    // Deactivated wins over new.
    expect(classifyChange({ ...edited(T0 + 1), active: false }, T0)).toBe("deactivated");
    // Only `active: false` deactivates.
    expect(classifyChange({ createdOn: at(T0), modifiedOn: at(T0), active: 0 })).toBe("created");
  });
});

describe("changeKey", () => {
  it("reads id and modifiedOn of an object only, and hashes anything", () => {
    expect(changeKey(undefined)).toBe(`||${createHash("sha1").update("").digest("base64url").slice(0, 12)}`);
    expect(changeKey(null)).toMatch(/^\|\|[A-Za-z0-9_-]{12}$/);
    expect(changeKey("7")).toMatch(/^\|\|[A-Za-z0-9_-]{12}$/);
    expect(changeKey(undefined)).not.toBe(changeKey(null));
    expect(changeKey({ id: 0, modifiedOn: at(T0) })).toMatch(new RegExp(`^0\\|${at(T0)}\\|[A-Za-z0-9_-]{12}$`));
    expect(changeKey({ name: "x" })).toMatch(/^\|\|[A-Za-z0-9_-]{12}$/);
  });
});

describe("emptyCursor", () => {
  it("from the beginning: no start, the epoch as mark", () => {
    const c = emptyCursor();
    expect(c).toEqual({ seen: [], pinned: 0, mark: "1970-01-01T00:00:00.000Z" });
    expect("start" in c).toBe(false);
  });

  it("from a date: the date is the start and the mark; an unreadable date leaves the epoch as mark", () => {
    expect(emptyCursor("2026-01-15T09:30:00Z")).toEqual({ start: "2026-01-15T09:30:00Z", seen: [], pinned: 0, mark: at(T0) });
    expect(emptyCursor("2026-01-15T09:30:00")).toEqual({ start: "2026-01-15T09:30:00", seen: [], pinned: 0, mark: at(T0) });
    expect(emptyCursor("soon")).toEqual({ start: "soon", seen: [], pinned: 0, mark: "1970-01-01T00:00:00.000Z" });
    expect(emptyCursor("")).toEqual({ start: "", seen: [], pinned: 0, mark: "1970-01-01T00:00:00.000Z" });
  });
});

describe("trimSeen keeps what repeats can still bring back", () => {
  const MARK = T0 + 10 * RECENT_CHANGES_WINDOW_MS;
  const OLDEST = MARK - RECENT_CHANGES_WINDOW_MS;
  const key = (id: number, t: number) => `${id}|${at(t)}|hash${id}`;
  /** `old` keys modified long before the window (a second apart, oldest first), then `recent` ones inside it. */
  const memory = (old: number, recent: number) => [
    ...Array.from({ length: old }, (_, i) => key(i, OLDEST - (old - i) * 1000)),
    ...Array.from({ length: recent }, (_, i) => key(old + i, OLDEST + 1 + i)),
  ];

  it("drops old keys beyond the newest BOUNDARY_MEMORY, and says from when the memory is complete", () => {
    const seen = memory(150, BOUNDARY_MEMORY);
    const out = trimSeen(seen, 0, MARK);
    expect(out.seen).toEqual(seen.slice(150));
    // The newest dropped key was modified a second before OLDEST: complete from just after it, but never
    // before the window's start.
    expect(out.since).toBe(OLDEST);
  });

  it("old keys inside the window by time are kept; a key without a time is dropped; a later since is kept", () => {
    // Old keys by position but inside the window by time are kept; a key without a time is dropped silently.
    const seen = [key(1, OLDEST - 5000), "no-time-here", key(2, OLDEST), key(3, OLDEST - 1), ...memory(0, BOUNDARY_MEMORY)];
    const out = trimSeen(seen, 0, MARK);
    expect(out.seen).toEqual([key(2, OLDEST), ...seen.slice(4)]);
    expect(out.since).toBe(OLDEST);
    const out2 = trimSeen(seen, 0, MARK, 0, { catchingUp: false, since: OLDEST + 50 });
    expect(out2.since).toBe(OLDEST + 50);
  });

  it("without a mark, every key beyond the boundary is dropped and since follows the dropped ones", () => {
    const seen = [key(1, OLDEST - 5000), key(2, OLDEST + 7), ...memory(0, BOUNDARY_MEMORY)];
    const out = trimSeen(seen, 0, undefined);
    expect(out.seen).toEqual(seen.slice(2));
    expect(out.since).toBe(OLDEST + 8);
    expect(trimSeen([key(1, OLDEST + 7), key(2, OLDEST - 5000), ...memory(0, BOUNDARY_MEMORY)], 0, undefined).since).toBe(OLDEST + 8);
    expect(trimSeen(memory(0, BOUNDARY_MEMORY), 0, undefined).since).toBeUndefined();
  });

  it("pinned keys and twice the repeat window are kept on top of the boundary", () => {
    const seen = memory(150, BOUNDARY_MEMORY);
    expect(trimSeen(seen, 5, MARK).seen).toEqual(seen.slice(145));
    expect(trimSeen(seen, 0, MARK, 10).seen).toEqual(seen.slice(130));
    expect(trimSeen(seen, 5, MARK, 10).seen).toEqual(seen.slice(125));
    expect(trimSeen(seen, 200, MARK).seen).toEqual(seen);
  });

  it("while catching up a backlog nothing is forgotten for its age, and since stays where it was", () => {
    const seen = memory(150, BOUNDARY_MEMORY);
    const out = trimSeen(seen, 0, MARK, 0, { catchingUp: true, since: 42 });
    expect(out.seen).toEqual(seen);
    expect(out.since).toBe(42);
    expect(trimSeen(seen, 0, MARK, 0, { catchingUp: true }).since).toBeUndefined();
  });

  it("the memory is capped at SEEN_MEMORY_CAP, oldest first, unless more are pinned", () => {
    const seen = memory(0, SEEN_MEMORY_CAP + 3);
    const out = trimSeen(seen, 0, MARK);
    expect(out.seen).toHaveLength(SEEN_MEMORY_CAP);
    expect(out.seen[0]).toBe(seen[3]);
    expect(out.since).toBe(OLDEST + 1 + 2 + 1);
    expect(trimSeen(seen, SEEN_MEMORY_CAP + 3, MARK).seen).toHaveLength(SEEN_MEMORY_CAP + 3);
    expect(trimSeen(memory(0, SEEN_MEMORY_CAP), 0, MARK).seen).toHaveLength(SEEN_MEMORY_CAP);
  });
});

describe("the saved state (deliveryState)", () => {
  const feed = feedKey("https://api.servicetitan.io", "1", "crm", "/export/customers");
  const cursor = { token: "t2", seen: ["k"], pinned: 0 };
  const saved = { v: STATE_VERSION, feed, committed: cursor };

  it("readState takes only our state for this feed, with a cursor that has a seen list and a pinned count", () => {
    expect(readState(saved, feed)).toEqual({ ...saved, pending: undefined });
    for (const raw of [
      undefined,
      null,
      [saved],
      "state",
      { ...saved, v: 2 },
      { ...saved, feed: `${feed}x` },
      { ...saved, committed: undefined },
      { ...saved, committed: [] },
      { ...saved, committed: { seen: "k", pinned: 0 } },
      { ...saved, committed: { seen: ["k"], pinned: "0" } },
      { ...saved, committed: { seen: ["k"] } },
    ]) {
      expect(readState(raw, feed)).toBeUndefined();
    }
  });

  it("readState keeps a pending delivery only when it has a text id and a cursor", () => {
    const pending = { id: "d1", cursor, count: 2, attempt: 1, deliveredAt: "x" };
    expect(readState({ ...saved, pending }, feed)?.pending).toEqual(pending);
    for (const bad of [null, [pending], "d1", { ...pending, id: 1 }, { ...pending, cursor: { seen: [] } }, { ...pending, cursor: null }]) {
      const read = readState({ ...saved, pending: bad }, feed);
      expect(read).toBeDefined();
      expect(read?.pending).toBeUndefined();
    }
  });

  it("readStateFor prefers the current key over the tenant-less one", () => {
    const legacy = "crm:/export/customers";
    expect(readStateFor(saved, feed, legacy)).toEqual({ ...saved, pending: undefined });
    expect(readStateFor({ ...saved, feed: legacy }, feed, legacy)).toEqual({ ...saved, pending: undefined });
    expect(readStateFor({ ...saved, feed: "other" }, feed, legacy)).toBeUndefined();
  });

  it("freshState starts a cursor at the start date", () => {
    expect(freshState(feed)).toEqual({ v: 1, feed, committed: emptyCursor() });
    expect(freshState(feed, "2026-01-15T09:30:00Z")).toEqual({ v: 1, feed, committed: emptyCursor("2026-01-15T09:30:00Z") });
  });

  it("pollingStateOf reads the polling object only when both levels are objects", () => {
    expect(pollingStateOf(undefined)).toBeUndefined();
    expect(pollingStateOf({})).toBeUndefined();
    expect(pollingStateOf({ __prismaticInternal: [] })).toBeUndefined();
    expect(pollingStateOf({ __prismaticInternal: null })).toBeUndefined();
    expect(pollingStateOf({ __prismaticInternal: { polling: [] } })).toBeUndefined();
    expect(pollingStateOf({ __prismaticInternal: { polling: "x" } })).toBeUndefined();
    expect(pollingStateOf({ __prismaticInternal: { polling: { a: 1 } } })).toEqual({ a: 1 });
  });

  it("writePollingState replaces polling and keeps the other internal keys", () => {
    const state: Record<string, unknown> = { __prismaticInternal: { other: 1, polling: { old: true } }, mine: 2 };
    writePollingState(state, { a: 1 });
    expect(state).toEqual({ __prismaticInternal: { other: 1, polling: { a: 1 } }, mine: 2 });
    const odd: Record<string, unknown> = { __prismaticInternal: ["x"] };
    writePollingState(odd, { a: 1 });
    expect(odd).toEqual({ __prismaticInternal: { polling: { a: 1 } } });
    const none: Record<string, unknown> = {};
    writePollingState(none, { a: 1 });
    expect(none).toEqual({ __prismaticInternal: { polling: { a: 1 } } });
  });

  it("confirmDelivery: every outcome with its reason", () => {
    const pending = { id: "d2", cursor: { token: "t3", seen: [], pinned: 0 }, count: 4, attempt: 1, deliveredAt: "x" };
    const waiting = { ...saved, pending, lastConfirmed: "d1" };
    expect(confirmDelivery(waiting, "d2")).toEqual({
      next: { v: 1, feed, committed: pending.cursor, lastConfirmed: "d2" },
      outcome: { confirmed: true, deliveryId: "d2", count: 4, alreadyConfirmed: false },
    });
    // The previous delivery confirmed again (a retried confirm step): fine, nothing moves.
    expect(confirmDelivery(waiting, "d1")).toEqual({ outcome: { confirmed: true, deliveryId: "d1", count: 0, alreadyConfirmed: true } });
    // A redelivery that reuses the last confirmed id is still committed.
    expect(confirmDelivery({ ...waiting, lastConfirmed: "d2" }, "d2").next?.committed).toEqual(pending.cursor);
    const stale = confirmDelivery(waiting, "d0");
    expect(stale.next).toBeUndefined();
    expect(stale.outcome).toEqual({
      confirmed: false,
      deliveryId: "d0",
      reason: "Delivery d0 is not the one waiting for confirmation (d2); its changes will be delivered again.",
    });
    expect(confirmDelivery(saved, "d2")).toEqual({
      outcome: { confirmed: false, deliveryId: "d2", reason: "No delivery is waiting for confirmation (is At-Least-Once Delivery on?)." },
    });
    expect(confirmDelivery({ ...saved, feed: 7 }, "d2")).toEqual({
      outcome: { confirmed: false, deliveryId: "d2", reason: "The saved trigger state is not from the New and Updated Records trigger." },
    });
  });
});

describe("pollChanges: the run's bounds, repeats and the cursor it leaves", () => {
  const req: StRequest = { module: "crm", method: "GET", path: "/export/customers", operation: "Export Customers" };
  const showAll = { created: true, updated: true, deactivated: true };
  const base: PollOptions = { includeRecentChanges: true, show: showAll, maxRecords: 1000, maxMs: 60_000, now: () => 1_000_000 };
  const rec = (id: number, minute: number, extra: Record<string, unknown> = {}) => ({
    id,
    active: true,
    createdOn: at(T0 + minute * 60_000),
    modifiedOn: at(T0 + minute * 60_000),
    ...extra,
  });
  /** A feed of fixed pages: token "pN" continues at page N; `repeat` = how many records of the page before lead each later page when asked. */
  const pagedFeed = (
    pages: unknown[][],
    opts: { repeat?: number; continueFrom?: (n: number) => string | undefined; log?: string[] } = {},
  ) => {
    const sent: StRequest[] = [];
    const client: ServiceTitanClient = {
      tenant: "1",
      apiBaseUrl: "x",
      ...(opts.log ? { runLog: (m: string) => opts.log?.push(m) } : {}),
      request: async <T>(r: StRequest) => {
        sent.push(r);
        const q = r.query as Record<string, unknown>;
        const n = typeof q.from === "string" && q.from.startsWith("p") ? Number(q.from.slice(1)) : 0;
        const lead = q.includeRecentChanges === true && n > 0 ? pages[n - 1].slice(pages[n - 1].length - (opts.repeat ?? 0)) : [];
        const continueFrom = opts.continueFrom ? opts.continueFrom(n) : `p${n + 1}`;
        return {
          status: 200,
          headers: {},
          data: { hasMore: n + 1 < pages.length, continueFrom, data: [...lead, ...(pages[n] ?? [])] } as T,
        };
      },
    };
    return { client, sent, queries: () => sent.map((r) => r.query as Record<string, unknown>) };
  };

  it("a whole feed: every change, the last token, the newest mark, no stop reason", async () => {
    const { client, queries } = pagedFeed([[rec(1, 1), rec(2, 2)], [rec(3, 3)]]);
    const out = await pollChanges(client, req, emptyCursor(), base);
    expect(out.changes.map((c) => [c.id, c.changeType, c.modifiedOn])).toEqual([
      [1, "created", at(T0 + 60_000)],
      [2, "created", at(T0 + 120_000)],
      [3, "created", at(T0 + 180_000)],
    ]);
    expect(out).toMatchObject({ hasMore: false, hidden: 0, duplicatesRemoved: 0, requests: 2, stoppedBy: undefined, error: undefined });
    expect(out.cursor).toMatchObject({ token: "p2", pinned: 0, mark: at(T0 + 180_000) });
    expect(out.cursor.window).toBeUndefined();
    expect("start" in out.cursor && out.cursor.start === undefined).toBe(true);
    // The first request of a fresh cursor asks for no repeats; later ones do.
    expect(queries().map((q) => [q.from, q.includeRecentChanges])).toEqual([
      [undefined, undefined],
      ["p1", true],
    ]);
  });

  it("repeats are dropped and measured; the next run's memory keeps them", async () => {
    const { client } = pagedFeed([[rec(1, 1), rec(2, 2)], [rec(3, 3)]], { repeat: 2 });
    const out = await pollChanges(client, req, emptyCursor(), base);
    expect(out.changes.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(out.duplicatesRemoved).toBe(2);
    expect(out.cursor.window).toBe(2);
    expect(out.cursor.seen).toHaveLength(3);
  });

  it("without recent changes, no request asks for them", async () => {
    const { client, queries } = pagedFeed([[rec(1, 1)], [rec(2, 2)]], { repeat: 1 });
    const out = await pollChanges(client, req, emptyCursor(), { ...base, includeRecentChanges: false });
    expect(queries().map((q) => q.includeRecentChanges)).toEqual([undefined, undefined]);
    expect(out.duplicatesRemoved).toBe(0);
  });

  it("stops at Max Records inside a page: keeps the page's token and pins what it handled", async () => {
    const { client } = pagedFeed([[rec(1, 1)], [rec(2, 2), rec(3, 3), rec(4, 4)]]);
    const out = await pollChanges(client, req, emptyCursor(), { ...base, maxRecords: 2 });
    expect(out.changes.map((c) => c.id)).toEqual([1, 2]);
    expect(out).toMatchObject({ hasMore: true, stoppedBy: "maxRecords", requests: 2 });
    expect(out.cursor).toMatchObject({ token: "p1", pinned: 1 });
    const next = await pollChanges(client, req, out.cursor, base);
    expect(next.changes.map((c) => c.id)).toEqual([3, 4]);
    expect(next.duplicatesRemoved).toBe(1);
    expect(next.hasMore).toBe(false);
  });

  it("stops at Max Records at a page's end without asking for the next page", async () => {
    const { client, sent } = pagedFeed([[rec(1, 1), rec(2, 2)], [rec(3, 3)]]);
    const out = await pollChanges(client, req, emptyCursor(), { ...base, maxRecords: 2 });
    expect(sent).toHaveLength(1);
    expect(out).toMatchObject({ hasMore: true, stoppedBy: "maxRecords" });
    expect(out.cursor).toMatchObject({ token: "p1", pinned: 0 });
    const none = await pollChanges(client, req, emptyCursor(), { ...base, maxRecords: 0 });
    expect(none).toMatchObject({ requests: 0, stoppedBy: "maxRecords", changes: [] });
  });

  it("hidden change types are counted, not delivered, and do not count towards Max Records", async () => {
    const { client } = pagedFeed([[rec(1, 1), rec(2, 2, { active: false }), rec(3, 3, { createdOn: undefined })]]);
    const out = await pollChanges(client, req, emptyCursor(), {
      ...base,
      maxRecords: 1,
      show: { created: false, updated: true, deactivated: false },
    });
    expect(out.changes.map((c) => [c.id, c.changeType])).toEqual([[3, "updated"]]);
    expect(out.hidden).toBe(2);
  });

  it("the first request is always made; later ones not after the deadline; maxRequests bounds them", async () => {
    let t = 0;
    const { client, sent } = pagedFeed([[rec(1, 1)], [rec(2, 2)], [rec(3, 3)]]);
    const late = await pollChanges(client, req, emptyCursor(), { ...base, maxMs: 0, now: () => (t += 10) });
    expect(sent).toHaveLength(1);
    expect(late).toMatchObject({ stoppedBy: "maxTime", hasMore: true, requests: 1 });
    sent.length = 0;
    const bounded = await pollChanges(client, req, emptyCursor(), { ...base, maxRequests: 2 });
    expect(bounded).toMatchObject({ stoppedBy: "maxRequests", hasMore: true, requests: 2 });
    expect(bounded.cursor.token).toBe("p2");
    sent.length = 0;
    // Exactly at the deadline counts as past it.
    let calls = 0;
    const edge = await pollChanges(client, req, emptyCursor(), { ...base, maxMs: 100, now: () => (calls++ === 0 ? 0 : 100) });
    expect(edge).toMatchObject({ stoppedBy: "maxTime", requests: 1 });
  });

  it("the run's deadline is the earlier of Max Seconds and the given one", async () => {
    const { client, sent } = pagedFeed([[rec(1, 1)]]);
    await pollChanges(client, req, emptyCursor(), { ...base, maxMs: 5000, deadlineAt: 1_003_000 });
    await pollChanges(client, req, emptyCursor(), { ...base, maxMs: 5000, deadlineAt: 1_009_000 });
    expect(sent.map((r) => r.deadlineAt)).toEqual([1_003_000, 1_005_000]);
  });

  it("a failure on the first request is thrown; a later one ends the run with its reason, also when not an Error", async () => {
    const failing = (failAt: number, failure: unknown): ServiceTitanClient => {
      let n = 0;
      return {
        tenant: "1",
        apiBaseUrl: "x",
        request: async <T>() => {
          n += 1;
          if (n === failAt) throw failure;
          return { status: 200, headers: {}, data: { hasMore: true, continueFrom: `p${n}`, data: [rec(n, n)] } as T };
        },
      };
    };
    await expect(pollChanges(failing(1, new Error("down")), req, emptyCursor(), base)).rejects.toThrow("down");
    const out = await pollChanges(failing(2, "plain text"), req, emptyCursor(), base);
    expect(out).toMatchObject({ stoppedBy: "error", error: "plain text", hasMore: true, requests: 1 });
    expect(out.changes.map((c) => c.id)).toEqual([1]);
  });

  it("a page without a continuation token keeps the last token, or the start when there is none yet", async () => {
    const { client } = pagedFeed([[rec(1, 1)]], { continueFrom: () => undefined });
    const fromStart = await pollChanges(client, req, emptyCursor("2026-01-15T00:00:00Z"), base);
    expect(fromStart.cursor.token).toBe("2026-01-15T00:00:00Z");
    expect(fromStart.cursor.start).toBe("2026-01-15T00:00:00Z");
    const fromBeginning = await pollChanges(client, req, emptyCursor(), base);
    expect(fromBeginning.cursor.token).toBe("");
    const kept = await pollChanges(client, req, { ...emptyCursor(), token: "p0" }, base);
    expect(kept.cursor.token).toBe("p0");
  });

  it("an empty run keeps the mark; the start is sent as the first position", async () => {
    const { client, queries } = pagedFeed([[]]);
    const out = await pollChanges(client, req, emptyCursor("2026-01-15T09:30:00Z"), base);
    expect(queries()[0].from).toBe("2026-01-15T09:30:00Z");
    expect(out.cursor.mark).toBe(at(T0));
    expect(out.changes).toEqual([]);
    const unmarked = await pollChanges(client, req, { seen: [], pinned: 0, token: "p0" }, base);
    expect(unmarked.cursor.mark).toBeUndefined();
  });

  it("the mark follows the newest modifiedOn, not the last one read", async () => {
    const { client } = pagedFeed([[rec(1, 5), rec(2, 3, { modifiedOn: "not a time" })]]);
    const out = await pollChanges(client, req, emptyCursor(), base);
    expect(out.cursor.mark).toBe(at(T0 + 5 * 60_000));
    // an older modifiedOn read after a newer one does not move the mark back
    const older = pagedFeed([[rec(1, 5), rec(2, 3)]]);
    expect((await pollChanges(older.client, req, emptyCursor(), base)).cursor.mark).toBe(at(T0 + 5 * 60_000));
  });

  it("a record never seen and created since the memory is complete is created; otherwise the mark decides", async () => {
    const old = rec(1, 0, { modifiedOn: at(T0 + 90 * 60_000) }); // created 09:30, edited 11:00
    const { client } = pagedFeed([[old]]);
    const mark = at(T0 + 60 * 60_000);
    // A cursor that is not fresh and has no `since`: nothing says the memory is complete.
    const noSince = await pollChanges(client, req, { token: "p0", seen: [], pinned: 0, mark }, base);
    expect(noSince.changes.map((c) => c.changeType)).toEqual(["updated"]);
    const since = await pollChanges(client, req, { token: "p0", seen: [], pinned: 0, mark, since: at(T0) }, base);
    expect(since.changes.map((c) => c.changeType)).toEqual(["created"]);
    const after = await pollChanges(client, req, { token: "p0", seen: [], pinned: 0, mark, since: at(T0 + 1) }, base);
    expect(after.changes.map((c) => c.changeType)).toEqual(["updated"]);
    // Its id is remembered: handled before, so not new.
    const known = await pollChanges(client, req, { token: "p0", seen: [`1|${at(T0)}|x`], pinned: 0, mark, since: at(T0) }, base);
    expect(known.changes.map((c) => c.changeType)).toEqual(["updated"]);
    // A fresh cursor from a start date: complete from the start.
    const fresh = await pollChanges(client, req, emptyCursor(at(T0 + 1)), base);
    expect(fresh.changes.map((c) => c.changeType)).toEqual(["updated"]);
    const freshBefore = await pollChanges(client, req, emptyCursor(at(T0)), base);
    expect(freshBefore.changes.map((c) => c.changeType)).toEqual(["created"]);
    // The cursor says from when its memory is complete: an hour before the newest change, not before its own since.
    expect(since.cursor.since).toBe(at(T0 + 30 * 60_000));
  });

  it("only a cursor without token, memory and since is fresh (complete from its start)", async () => {
    const old = rec(1, 0, { modifiedOn: at(T0 + 90 * 60_000) });
    const { client } = pagedFeed([[old]]);
    const mark = at(T0 + 60 * 60_000);
    const start = at(T0 - 1000);
    // A memory (a state saved before `since` existed): not fresh, the mark decides.
    const remembered = await pollChanges(client, req, { start, seen: [`9|${at(T0)}|x`], pinned: 1, mark }, base);
    expect(remembered.changes.map((c) => c.changeType)).toEqual(["updated"]);
    // A `since` of its own, later than the start: not fresh, its since counts.
    const withSince = await pollChanges(client, req, { start, seen: [], pinned: 0, mark, since: at(T0 + 1) }, base);
    expect(withSince.changes.map((c) => c.changeType)).toEqual(["updated"]);
  });

  it("records without an id: one remembered means the next id-less one is not new; a null record is read, not thrown on", async () => {
    const noId = { active: true, createdOn: at(T0), modifiedOn: at(T0 + 90 * 60_000), n: 2 };
    const { client } = pagedFeed([[noId]]);
    const cursor = { token: "p0", seen: [`|${at(T0)}|x`], pinned: 0, mark: at(T0 + 60 * 60_000), since: at(T0) };
    const out = await pollChanges(client, req, cursor, base);
    expect(out.changes.map((c) => c.changeType)).toEqual(["updated"]);
    const nulls = pagedFeed([[null]]);
    const read = await pollChanges(nulls.client, req, emptyCursor(), base);
    expect(read.changes).toEqual([{ changeType: "updated", id: undefined, modifiedOn: undefined, record: null }]);
  });

  it("the closing line counts hidden changes as read", async () => {
    const log: string[] = [];
    const { client } = pagedFeed([[rec(1, 1)], [rec(2, 2, { active: false })], [rec(3, 3)]], { log });
    await pollChanges(client, req, emptyCursor(), { ...base, show: { created: true, updated: true, deactivated: false } });
    expect(log.at(-1)).toMatch(/^Read Export Customers: done, 3 changes from 3 pages/);
  });

  it("the closing line says why the run stopped, only when it did", async () => {
    const log: string[] = [];
    const { client } = pagedFeed([[rec(1, 1)], [rec(2, 2)], [rec(3, 3)]], { log });
    await pollChanges(client, req, emptyCursor(), { ...base, maxRequests: 2 });
    expect(log.at(-1)).toMatch(/^Read Export Customers: done, .*; stopped at the most requests one run makes; the next run continues\.$/);
    log.length = 0;
    await pollChanges(client, req, emptyCursor(), { ...base, title: "Poll" });
    expect(log.at(-1)).toMatch(/^Poll: done, 3 changes from 3 pages in 3 requests, no waits, [^;]*\.$/);
  });
});
