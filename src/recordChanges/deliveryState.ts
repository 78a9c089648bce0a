/**
 * The "New and Updated Records" trigger's saved state, and the at-least-once hand-shake with the
 * "Confirm Record Changes" action.
 *
 * Where it lives: Spectral's `context.polling.getState/setState` read and replace
 * `instanceState.__prismaticInternal.polling`, which is flow-scoped instance state. Every step of the
 * same flow sees the same `instanceState`, so the confirm action (placed at the end of the trigger's
 * flow) reads and writes the very object the trigger wrote, without any extra storage.
 *
 * Shape: { v, feed, committed, pending?, lastConfirmed? }
 * - `feed` names where the cursor is valid: API base URL, tenant and export path (feedKey). A cursor
 *   of another tenant or environment means nothing to this one, so when the connection is switched the
 *   trigger starts anew, as it does for another record type. A state saved before the tenant was part
 *   of the key (feed = "module:path") is taken over once for the current connection.
 * - `committed` is the cursor up to which every change has been handed over for good. Normal mode
 *   (at most once) moves it at the end of every run.
 * - At-least-once mode: a run that delivers changes does NOT move `committed`. It stores the cursor
 *   it reached as `pending` with a fresh delivery id, which the payload carries. Only the confirm
 *   action, running after the flow's own work succeeded, promotes `pending` to `committed`.
 *
 * Why a crash re-delivers: whatever goes wrong between delivery and confirmation — the flow throws,
 * the runner dies, the execution's state is never written back — `committed` still points before the
 * delivered changes. The next run sees either an unconfirmed `pending` (state was saved) or no pending
 * at all (state was lost); both read again from `committed`, so the same changes (plus newer ones)
 * are delivered again. A confirmation carrying a stale delivery id (a late flow of an older
 * delivery) is refused, so it can never commit a newer delivery that was not processed.
 *
 * Limits: overlapping executions of one flow load the state at their start and write it at their end,
 * so they can race; keep the schedule longer than a run. At-least-once delivery assumes the run's
 * records are processed by one execution (Spectral batching off): with batches, the first batch's
 * confirmation could commit records another batch failed on, so the trigger refuses that combination.
 */
import { type Cursor, emptyCursor } from "./changeFeed";

export const STATE_VERSION = 1;

export interface PendingDelivery {
  id: string;
  cursor: Cursor;
  count: number;
  attempt: number;
  deliveredAt: string;
}

export interface PollingStateV1 {
  v: typeof STATE_VERSION;
  /** "<API base URL>|<tenant>|<module>:<path>" of the export feed the cursor belongs to (feedKey); another feed starts anew. */
  feed: string;
  committed: Cursor;
  pending?: PendingDelivery;
  lastConfirmed?: string;
  /** Start From = now: still reading silently to the end of the feed (a bounded first run sets it). */
  seeding?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isCursor = (value: unknown): value is Cursor =>
  isRecord(value) && Array.isArray(value.seen) && typeof value.pinned === "number";

/** The saved state if it is ours and for this feed; otherwise undefined (start anew). */
export const readState = (raw: unknown, feed: string): PollingStateV1 | undefined => {
  if (!isRecord(raw) || raw.v !== STATE_VERSION || raw.feed !== feed || !isCursor(raw.committed)) return undefined;
  const pending = isRecord(raw.pending) && typeof raw.pending.id === "string" && isCursor(raw.pending.cursor) ? (raw.pending as unknown as PendingDelivery) : undefined;
  return { ...(raw as unknown as PollingStateV1), pending };
};

/** Where a cursor is valid: one export feed of one tenant on one API host. */
export const feedKey = (apiBaseUrl: string, tenant: string, module: string, path: string): string => `${apiBaseUrl}|${tenant}|${module}:${path}`;

/**
 * The saved state for `feed`, or a state saved under the older tenant-less key (`legacyFeed`,
 * "module:path"), which is taken over under the new key; otherwise undefined (start anew).
 */
export const readStateFor = (raw: unknown, feed: string, legacyFeed: string): PollingStateV1 | undefined => {
  const current = readState(raw, feed);
  if (current) return current;
  const legacy = readState(raw, legacyFeed);
  return legacy ? { ...legacy, feed } : undefined;
};

export const freshState = (feed: string, start?: string): PollingStateV1 => ({ v: STATE_VERSION, feed, committed: emptyCursor(start) });

/** The polling object inside a flow's instance state (what `context.polling.getState()` returns). */
export const pollingStateOf = (instanceState: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
  const internal = instanceState?.__prismaticInternal;
  if (!isRecord(internal)) return undefined;
  return isRecord(internal.polling) ? internal.polling : undefined;
};

/** Replaces the polling object the same way Spectral's `setState` does (other internal keys kept). */
export const writePollingState = (instanceState: Record<string, unknown>, polling: Record<string, unknown>): void => {
  const internal = isRecord(instanceState.__prismaticInternal) ? instanceState.__prismaticInternal : {};
  instanceState.__prismaticInternal = { ...internal, polling };
};

export type ConfirmOutcome =
  | { confirmed: true; deliveryId: string; count: number; alreadyConfirmed: boolean }
  | { confirmed: false; deliveryId: string; reason: string };

/** Promotes the pending delivery `deliveryId` to committed. Pure: returns the next state and the outcome. */
export const confirmDelivery = (
  raw: Record<string, unknown>,
  deliveryId: string,
): { next?: PollingStateV1; outcome: ConfirmOutcome } => {
  const feed = typeof raw.feed === "string" ? raw.feed : "";
  const state = readState(raw, feed);
  if (!state) return { outcome: { confirmed: false, deliveryId, reason: "The saved trigger state is not from the New and Updated Records trigger." } };
  if (state.lastConfirmed === deliveryId && state.pending?.id !== deliveryId) {
    return { outcome: { confirmed: true, deliveryId, count: 0, alreadyConfirmed: true } };
  }
  if (!state.pending) {
    return { outcome: { confirmed: false, deliveryId, reason: "No delivery is waiting for confirmation (is At-Least-Once Delivery on?)." } };
  }
  if (state.pending.id !== deliveryId) {
    return {
      outcome: {
        confirmed: false,
        deliveryId,
        reason: `Delivery ${deliveryId} is not the one waiting for confirmation (${state.pending.id}); its changes will be delivered again.`,
      },
    };
  }
  const next: PollingStateV1 = { v: STATE_VERSION, feed: state.feed, committed: state.pending.cursor, lastConfirmed: deliveryId };
  return { next, outcome: { confirmed: true, deliveryId, count: state.pending.count, alreadyConfirmed: false } };
};
