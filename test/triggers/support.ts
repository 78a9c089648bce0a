/** Shared helpers of the trigger tests: the harness and a capturing logger (test/support/harness.ts), a change generator for the sandbox. */
import type { Connection } from "@prismatic-io/spectral";
import { captureLogger, spectral } from "../support/harness";
import type { RecordChangesData } from "../../src/recordChanges/trigger";
import { Prng } from "../../sandbox/prng";
import type { Sandbox } from "../../sandbox/server";
import { K, type Rec } from "../../sandbox/store";

export const harness = spectral;

const captured = captureLogger();
/** Every line as `level: text`. */
export const logs = captured.lines;
export const logger = captured.logger;

export interface TriggerRun {
  data: RecordChangesData;
  resultType?: string;
}

export const runRecordChanges = async (
  connection: Connection,
  instanceState: Record<string, unknown>,
  params: Record<string, unknown> = {},
): Promise<TriggerRun> => {
  const result = (await harness.trigger(
    "recordChanges",
    undefined,
    { connection, recordType: "customers", startFrom: "beginning", ...params },
    { instanceState, logger } as never,
  )) as unknown as { payload: { body: { data: RecordChangesData } }; resultType?: string };
  return { data: result.payload.body.data, resultType: result.resultType };
};

export const confirm = async (instanceState: Record<string, unknown>, deliveryId: string) =>
  (await harness.action("confirmRecordChanges", { deliveryId }, { instanceState, logger } as never)) as unknown as {
    data: { confirmed: boolean; reason?: string; count?: number };
  };

/** Identity of one change as a test sees it (the feed view of customers keeps these fields). */
export const changeId = (r: Record<string, unknown>): string => `${r.id}|${r.modifiedOn}|${r.name}|${r.active}`;

/** Every distinct change the customers feed holds (what a perfect consumer must have seen). */
export const allChanges = (sandbox: Sandbox): Set<string> => new Set(sandbox.store.collection(K.customers).log.map((r) => changeId(r)));

/**
 * Makes customer changes in the sandbox: creates, updates, deactivations (update to active: false,
 * later updates of an inactive record included) and deletions, each with a unique name so every
 * change is distinguishable. The sandbox clock is `clock.now` (ms), advanced a little per change, or
 * not at all inside a burst.
 */
export class ChangeMaker {
  readonly live: number[] = [];
  count = 0;
  private readonly prng: Prng;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly clock: { now: number },
    seed = 7,
  ) {
    this.prng = new Prng(seed);
    for (const rec of sandbox.store.all(K.customers)) this.live.push(rec.id);
  }

  private one(): void {
    const store = this.sandbox.store;
    this.count += 1;
    const name = `change ${this.count}`;
    const r = this.prng.next();
    if (this.live.length < 30 || r < 0.3) {
      const rec = store.insert(K.customers, { name, type: "Residential" });
      this.live.push(rec.id);
      return;
    }
    const i = Math.floor(this.prng.next() * this.live.length);
    const id = this.live[i];
    if (r < 0.8) store.update(K.customers, id, { name });
    else if (r < 0.92) store.update(K.customers, id, { name, active: false });
    else {
      store.remove(K.customers, id);
      this.live.splice(i, 1);
    }
  }

  /** `n` changes, the clock moving 0–2 ms between them (so some share a timestamp anyway). */
  spread(n: number): void {
    for (let i = 0; i < n; i++) {
      this.clock.now += Math.floor(this.prng.next() * 3);
      this.one();
    }
  }

  /** `n` changes that all share one modifiedOn. */
  burst(n: number): void {
    this.clock.now += 1;
    const at = new Date(this.clock.now).toISOString();
    this.sandbox.store.burst(at, () => {
      for (let i = 0; i < n; i++) this.one();
    });
  }
}

export const recOf = (r: unknown): Rec => r as Rec;
