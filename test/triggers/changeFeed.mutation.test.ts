/**
 * The record trigger's change feed at its edges (issue 18, mutation testing): the time reading, the
 * creation test, change keys, the memory of handled changes (trimSeen) and a fresh cursor — each case a
 * way a changed comparison or a dropped rule would lose a change, deliver one twice or call it by the
 * wrong type.
 */
import {
  BOUNDARY_MEMORY,
  CREATED_TOLERANCE_MS,
  changeKey,
  classifyChange,
  emptyCursor,
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
    expect(changeKey(undefined)).toMatch(/^\|\|[A-Za-z0-9_-]{12}$/);
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
