/**
 * Per-operation budgets (a row's `budget` in rules.ts): at most `calls` calls per `periodMs` for one key,
 * e.g. one run of the same report per minute per tenant. Shared by every client in the process.
 *
 * Like the tenant's rate limiter (rateLimit.ts), a call holds its slot until its answer is in, and the
 * slot is free again one period after that: ServiceTitan counts a call when it arrives, which is some
 * time after it was sent, so counting from the answer never lets two calls arrive inside one period.
 * Callers are served in order. Before a caller waits, it is told how long (`check`), so a wait longer
 * than the call may wait fails at once with a clear message instead of stalling the run.
 *
 * Time is the transport's wall clock (`now`, injectable); a clock that goes back is held at the latest
 * time it reported. Windows are kept per clock function, so a test's fake clock never meets real times.
 */
import type { Release } from "./rateLimit";

interface Held {
  /** Settles when the holder releases the slot. */
  done: Promise<void>;
  /** When it was released (the answer was in). */
  endedAt?: number;
}

export interface BudgetClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export class BudgetWindow {
  /** The last `calls` grants, oldest first. */
  private readonly held: Held[] = [];
  /** Settles when the previous caller has its slot (or gave up): callers are served in order. */
  private turn: Promise<void> = Promise.resolve();
  private latest = Number.NEGATIVE_INFINITY;

  constructor(
    readonly calls: number,
    readonly periodMs: number,
    private readonly clock: BudgetClock,
  ) {
    if (!Number.isInteger(calls) || calls < 1) throw new Error(`Budget: expected at least 1 call per period, got ${calls}.`);
  }

  private now(): number {
    this.latest = Math.max(this.latest, this.clock.now());
    return this.latest;
  }

  /**
   * Waits for a slot and holds it until the returned release is called. `check(waitMs)` is called
   * before any wait, once its length is known; it throws to refuse the wait, and the slot is then left
   * for the next caller.
   */
  async acquire(check: (waitMs: number) => void, onWait?: (waitMs: number) => void): Promise<Release> {
    const before = this.turn;
    let pass!: () => void;
    this.turn = new Promise<void>((resolve) => {
      pass = resolve;
    });
    try {
      await before;
      if (this.held.length >= this.calls) {
        const oldest = this.held[this.held.length - this.calls];
        await oldest.done;
        const wait = (oldest.endedAt as number) + this.periodMs - this.now();
        if (wait > 0) {
          check(wait);
          onWait?.(wait);
          await this.clock.sleep(wait);
        }
      }
      let settle!: () => void;
      const mine: Held = {
        done: new Promise<void>((resolve) => {
          settle = resolve;
        }),
      };
      this.held.push(mine);
      if (this.held.length > this.calls) this.held.splice(0, this.held.length - this.calls);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        mine.endedAt = this.now();
        settle();
      };
    } finally {
      pass();
    }
  }
}

const windows = new WeakMap<() => number, Map<string, BudgetWindow>>();

/** The process-wide window of one budget key (per clock). */
export const budgetWindowFor = (key: string, calls: number, periodMs: number, clock: BudgetClock): BudgetWindow => {
  let byKey = windows.get(clock.now);
  if (!byKey) windows.set(clock.now, (byKey = new Map()));
  const id = `${key}|${calls}/${periodMs}`;
  let window = byKey.get(id);
  if (!window) byKey.set(id, (window = new BudgetWindow(calls, periodMs, clock)));
  return window;
};
