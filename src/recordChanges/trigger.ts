/**
 * "New and Updated Records": a polling trigger over ServiceTitan's export feeds.
 *
 * Each run continues from the continuation token saved in the trigger's polling state
 * (`context.polling`, i.e. `instanceState.__prismaticInternal.polling`), reads at most Max Records
 * per Run changes or for at most Max Seconds per Run, classifies each change (created / updated /
 * deactivated), drops "include recent changes" repeats, and saves where it stopped. Hidden change
 * types still move the token: hiding never leaves records behind to surface later.
 *
 * First run (no saved state, or a different record type, tenant or API host — the saved position is
 * tied to all three): from now, from a look-back date, or from the beginning. "Now" seeds the position
 * without delivering: it asks the feed from an hour before the run (a margin for clock differences
 * between Prismatic and ServiceTitan) and reads silently to the end, so exactly the changes already in
 * the feed are skipped and every later one is delivered. A seeding that hits a run bound continues
 * silently on the next run.
 *
 * Large backlogs: a run is bounded, so it stays far from the runner's 15-minute and 1 GB limits;
 * the next scheduled run continues from the saved token. Every request carries the run's deadline
 * (`deadlineAt`), and a request that fails after some pages were read ends the run with what it read:
 * those changes are delivered and the saved position moves past them (data.error says why). With Spectral batching enabled on the flow
 * (`triggerResolverSupport: "valid"`), a run's records are handed to the flow in batches.
 *
 * At-least-once delivery: see deliveryState.ts for the hand-shake with "Confirm Record Changes".
 */
import { randomUUID } from "node:crypto";
import { input, pollingTrigger } from "@prismatic-io/spectral";
import type { StRequest } from "../http/client";
import { clientFor } from "../http/clientFor";
import { requestFor } from "../http/requestFor";
import { withInputChecks } from "../inputs/allErrors";
import { cleanBoolean, cleanEnum, cleanInteger, cleanLocalDateTime, InputError } from "../inputs/clean";
import { connectionInput } from "../inputs/shared";
import { type Change, type ChangeType, type PollResult, pollChanges } from "./changeFeed";
import { feedKey, freshState, type PollingStateV1, readStateFor } from "./deliveryState";
import { exampleTriggerPayload } from "../triggers/examplePayload";
import { RECORD_TYPE_KEYS, RECORD_TYPE_TABLE, RECORD_TYPES } from "./recordTypes";

export const START_FROM = ["now", "lookBackDate", "beginning"] as const;
export type StartFrom = (typeof START_FROM)[number];

export const DEFAULT_MAX_RECORDS = 1000;
export const DEFAULT_MAX_SECONDS = 300;
/** Start From = now: the silent first read starts this long before the run. */
export const NOW_SEED_MARGIN_MS = 60 * 60 * 1000;

export interface RecordChangesData {
  recordType: string;
  records: Change[];
  counts: { created: number; updated: number; deactivated: number; hidden: number; duplicatesRemoved: number };
  /** True when this run stopped on a bound (or on a failure after progress); the next run continues where it stopped. */
  hasMore: boolean;
  /** Set when a request failed after progress: the changes read before it are delivered, the position saved after them. */
  error?: string;
  /** Start From = now: this run only found the current end of the feed (what it read is counted as hidden). */
  seeding: boolean;
  atLeastOnce: boolean;
  /** At-least-once mode: the id to pass to "Confirm Record Changes" (absent when nothing was delivered). */
  deliveryId?: string;
  /** At-least-once mode: true when these changes were delivered before and never confirmed. */
  redelivery: boolean;
  attempt: number;
}

const recordTypeInput = input({
  label: "Record Type",
  type: "string",
  required: true,
  default: "customers",
  // Our labels are plain ASCII: a code-point comparison orders them (no ICU collation at load time).
  model: [...RECORD_TYPE_TABLE].sort((a, b) => (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : a.label.toLowerCase() > b.label.toLowerCase() ? 1 : 0)).map((e) => ({ label: e.label, value: e.key })),
  comments:
    "Which kind of ServiceTitan record to watch. Each is read from its export feed, which reports every create, update, deactivation and deletion in order, inactive records included.",
  example: "customers",
  clean: cleanEnum("Record Type", RECORD_TYPE_KEYS, { required: true }),
});

export const recordChangesInputs = {
  connection: connectionInput,
  recordType: recordTypeInput,
  startFrom: input({
    label: "Start From",
    type: "string",
    required: true,
    default: "now",
    model: [
      { label: "Now (only changes made after the first run)", value: "now" },
      { label: "Look-Back Date", value: "lookBackDate" },
      { label: "The Beginning (every record, then changes)", value: "beginning" },
    ],
    comments:
      "Where the first run starts. Later runs always continue from the saved position. Changing the record type, or the connection's tenant or environment, starts anew from here.",
    example: "now",
    clean: cleanEnum("Start From", [...START_FROM], { required: true }),
  }),
  lookBackDate: input({
    label: "Look-Back Date",
    type: "string",
    required: false,
    comments:
      "With Start From = Look-Back Date: the first run delivers the records changed on or after this date and time. A value without a zone, such as 01/15/2026 or 2026-01-15 9:00 AM, is read in the connection's Time Zone (UTC when the connection sets none); one ending in Z or an offset such as -06:00 is that exact moment.",
    example: "2026-01-01T00:00:00Z",
    placeholder: "01/15/2026",
    clean: cleanLocalDateTime("Look-Back Date"),
  }),
  showCreated: input({
    label: "Show Created",
    type: "boolean",
    default: "true",
    required: false,
    comments: "When true, newly created records are delivered. When false they are skipped, but the position still moves past them.",
    example: "true",
    clean: cleanBoolean("Show Created", { default: true }),
  }),
  showUpdated: input({
    label: "Show Updated",
    type: "boolean",
    default: "true",
    required: false,
    comments: "When true, changes to existing active records are delivered. When false they are skipped, but the position still moves past them.",
    example: "true",
    clean: cleanBoolean("Show Updated", { default: true }),
  }),
  showDeactivated: input({
    label: "Show Deactivated",
    type: "boolean",
    default: "true",
    required: false,
    comments: "When true, records that became inactive or were deleted (active: false) are delivered. When false they are skipped, but the position still moves past them.",
    example: "true",
    clean: cleanBoolean("Show Deactivated", { default: true }),
  }),
  includeRecentChanges: input({
    label: "Include Recent Changes",
    type: "boolean",
    default: "true",
    required: false,
    comments:
      "When true, ServiceTitan also sends its most recent changes, which may repeat a few already delivered; the trigger recognises the repeats and drops them.",
    example: "true",
    clean: cleanBoolean("Include Recent Changes", { default: true }),
  }),
  maxRecordsPerRun: input({
    label: "Max Records per Run",
    type: "string",
    required: false,
    default: String(DEFAULT_MAX_RECORDS),
    comments: "At most this many changes are delivered by one run; the next run continues where this one stopped (1 to 10000).",
    example: "1000",
    clean: cleanInteger("Max Records per Run", { min: 1, max: 10_000 }),
  }),
  maxSecondsPerRun: input({
    label: "Max Seconds per Run",
    type: "string",
    required: false,
    default: String(DEFAULT_MAX_SECONDS),
    comments:
      "No further page is requested after this many seconds, and each request is given only the time left, keeping each run far below the 15-minute execution limit; the next run continues (1 to 600).",
    example: "300",
    clean: cleanInteger("Max Seconds per Run", { min: 1, max: 600 }),
  }),
  atLeastOnce: input({
    label: "At-Least-Once Delivery",
    type: "boolean",
    default: "false",
    required: false,
    comments:
      "When true, the saved position only moves when the flow ends with the Confirm Record Changes action (given this run's deliveryId); a run that fails before it is delivered again. Leave flow batching off in this mode.",
    example: "false",
    clean: cleanBoolean("At-Least-Once Delivery", { default: false }),
  }),
};

/** Start From = Look-Back Date needs the date: a cross-input check, reported with the other invalid inputs. */
const checkLookBack = (params: Record<string, unknown>): void => {
  if (params.startFrom === "lookBackDate" && !params.lookBackDate) {
    throw new InputError("Look-Back Date: expected a date-time such as 2026-01-01T00:00:00Z when Start From is Look-Back Date.");
  }
};

const countBy = (changes: Change[], type: ChangeType): number => changes.reduce((n, c) => n + (c.changeType === type ? 1 : 0), 0);

export const recordChanges = pollingTrigger({
  display: {
    label: "New and Updated Records",
    description:
      "Starts the flow with the ServiceTitan records of one type that were created, updated, deactivated or deleted since the last run, read from ServiceTitan's export feeds so that no change is skipped or delivered twice.",
  },
  inputs: recordChangesInputs,
  triggerResolverSupport: "valid",
  triggerResolver: {
    resolveItems: (_context, result) => ((result.payload.body?.data ?? {}) as Partial<RecordChangesData>).records ?? [],
  },
  batchConfig: { batchSize: 100 },
  perform: withInputChecks(async (context, payload, params) => {
    const type = RECORD_TYPES[params.recordType as string];
    const startFrom = params.startFrom as StartFrom;
    const lookBackDate = params.lookBackDate as string | undefined;
    const atLeastOnce = params.atLeastOnce === true;
    checkLookBack(params);
    if (atLeastOnce && context.batch?.enabled) {
      throw new InputError(
        "At-Least-Once Delivery: turn batching off for this flow; with batches one confirmation could commit records another batch failed on.",
      );
    }
    const descriptor = type.descriptor;
    // The saved cursor is tied to the tenant and host it came from: switching the connection starts anew.
    const client = clientFor(context, params);
    const feed = feedKey(client.apiBaseUrl, client.tenant, descriptor.module, descriptor.path);
    const start = startFrom === "now" ? new Date(Date.now() - NOW_SEED_MARGIN_MS).toISOString() : startFrom === "lookBackDate" ? lookBackDate : undefined;
    const saved = readStateFor(context.polling.getState(), feed, `${descriptor.module}:${descriptor.path}`);
    const state: PollingStateV1 = saved ?? { ...freshState(feed, start), seeding: startFrom === "now" };
    const seeding = state.seeding === true;
    const pending = atLeastOnce ? state.pending : undefined;
    if (pending) {
      context.logger.warn(
        `New and Updated Records: delivery ${pending.id} (${pending.count} ${type.label.toLowerCase()}) was never confirmed; delivering it again.`,
      );
    }

    const runStarted = Date.now();
    const req: StRequest = requestFor(descriptor.module, descriptor.operationId, {}, `Export ${type.label}`);
    const result: PollResult = await pollChanges(client, req, state.committed, {
      includeRecentChanges: params.includeRecentChanges !== false,
      show: seeding
        ? { created: false, updated: false, deactivated: false }
        : { created: params.showCreated !== false, updated: params.showUpdated !== false, deactivated: params.showDeactivated !== false },
      maxRecords: (params.maxRecordsPerRun as number | undefined) ?? DEFAULT_MAX_RECORDS,
      maxMs: ((params.maxSecondsPerRun as number | undefined) ?? DEFAULT_MAX_SECONDS) * 1000,
      deadlineAt: runStarted + ((params.maxSecondsPerRun as number | undefined) ?? DEFAULT_MAX_SECONDS) * 1000,
      title: `New and Updated Records (${type.label})`,
    });

    let deliveryId: string | undefined;
    const attempt = pending ? pending.attempt + 1 : 1;
    if (atLeastOnce && result.changes.length > 0) {
      // Delivered but not yet committed: `committed` stays where it was until the flow confirms.
      deliveryId = randomUUID();
      context.polling.setState({
        ...state,
        pending: { id: deliveryId, cursor: result.cursor, count: result.changes.length, attempt, deliveredAt: new Date().toISOString() },
      } as unknown as Record<string, unknown>);
    } else {
      // Nothing to confirm (normal mode, or nothing visible was delivered): commit at once.
      const next: PollingStateV1 = { v: state.v, feed, committed: result.cursor, lastConfirmed: state.lastConfirmed };
      if (seeding && result.hasMore) next.seeding = true;
      context.polling.setState(next as unknown as Record<string, unknown>);
    }
    if (result.stoppedBy === "error") {
      context.logger.warn(
        `New and Updated Records: a request failed after ${result.changes.length} changes were read (${result.error}); they are delivered and the next run continues after them.`,
      );
    } else if (result.stoppedBy) {
      context.logger.info(`New and Updated Records: stopped on ${result.stoppedBy} after ${result.changes.length} changes; the next run continues.`);
    }

    const data: RecordChangesData = {
      recordType: type.key,
      records: result.changes,
      counts: {
        created: countBy(result.changes, "created"),
        updated: countBy(result.changes, "updated"),
        deactivated: countBy(result.changes, "deactivated"),
        hidden: result.hidden,
        duplicatesRemoved: result.duplicatesRemoved,
      },
      hasMore: result.hasMore,
      ...(result.error ? { error: result.error } : {}),
      seeding,
      atLeastOnce,
      deliveryId,
      redelivery: pending !== undefined,
      attempt: atLeastOnce ? attempt : 1,
    };
    return {
      payload: { ...payload, body: { data, contentType: "application/json" } },
      polledNoChanges: result.changes.length === 0 && !payload.paginationState,
    };
  }, checkLookBack),
  examplePayload: {
    payload: exampleTriggerPayload({
      data: {
        recordType: "customers",
        records: [
          {
            changeType: "created",
            id: 1234567,
            modifiedOn: "2026-01-15T09:30:00Z",
            record: { id: 1234567, active: true, name: "Jane Smith", createdOn: "2026-01-15T09:30:00Z", modifiedOn: "2026-01-15T09:30:00Z" },
          },
        ],
        counts: { created: 1, updated: 0, deactivated: 0, hidden: 0, duplicatesRemoved: 0 },
        hasMore: false,
        seeding: false,
        atLeastOnce: false,
        redelivery: false,
        attempt: 1,
      } satisfies RecordChangesData,
      contentType: "application/json",
    }),
    polledNoChanges: false,
  },
});
