/**
 * Client-side rate limiting: at most N requests in any one-second window per tenant, shared by every
 * concurrent call in the process (ServiceTitan allows 60 requests/second per app per tenant).
 *
 * ServiceTitan counts requests as they ARRIVE, and a request arrives some time after it is granted
 * (sockets opening, a busy event loop): grants spaced one second apart can still arrive bunched, so a
 * burst of 150 calls reached a server up to ~120 in one second. So a slot is held for the whole
 * request: the caller releases it when the answer is in (`acquire()` returns the release), and the
 * slot is free again one second after that. The request N places later therefore starts at least one
 * second after the earlier one ended, i.e. after it arrived: no window of one second ever holds more
 * than N arrivals, whatever the delays.
 *
 * Slots are taken in call order (FIFO): each caller takes the next slot of a ring of N and waits for
 * its previous holder to be released and the window to pass.
 *
 * Time is read from a monotonic clock (`performance.now()`), never the wall clock: a system clock set
 * back would otherwise make every slot look far in the future and stall the process. An injected clock
 * that goes backwards anyway is held at the latest time it reported.
 */
export const DEFAULT_REQUESTS_PER_SECOND = 60;
const WINDOW_MS = 1000;

/** Gives the slot back once the request's answer is in (or it failed); calling it again does nothing. */
export type Release = () => void;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  /** Per slot: the time from which it may be granted again (its last holder's release + the window). */
  private readonly freeAt: number[];
  /** Per slot: settles when its current holder releases it (undefined when nobody holds it). */
  private readonly held: Array<Promise<void> | undefined>;
  private next = 0;
  private latest = Number.NEGATIVE_INFINITY;

  constructor(
    readonly requestsPerSecond: number = DEFAULT_REQUESTS_PER_SECOND,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    if (!Number.isFinite(requestsPerSecond) || requestsPerSecond < 1) {
      throw new Error(`Rate limit: expected at least 1 request per second, got ${requestsPerSecond}.`);
    }
    this.freeAt = new Array(Math.floor(requestsPerSecond)).fill(Number.NEGATIVE_INFINITY);
    this.held = new Array(Math.floor(requestsPerSecond)).fill(undefined);
  }

  private now(): number {
    this.latest = Math.max(this.latest, this.clock());
    return this.latest;
  }

  /**
   * Reserves the next slot for a request that ends the moment it is granted, and returns how long to
   * wait for it (ms). The arithmetic of the window, for callers that cannot hold a slot.
   */
  reserve(): number {
    const now = this.now();
    const slot = this.next;
    this.next = (slot + 1) % this.freeAt.length;
    const at = Math.max(now, this.freeAt[slot]);
    this.freeAt[slot] = at + WINDOW_MS;
    return at - now;
  }

  /** Waits for the next slot and holds it until the returned release is called. */
  async acquire(): Promise<Release> {
    const slot = this.next;
    this.next = (slot + 1) % this.freeAt.length;
    const before = this.held[slot];
    let settle!: () => void;
    const mine = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.held[slot] = mine;
    if (before) await before;
    const wait = this.freeAt[slot] - this.now();
    if (wait > 0) await this.sleep(wait);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.freeAt[slot] = this.now() + WINDOW_MS;
      if (this.held[slot] === mine) this.held[slot] = undefined;
      settle();
    };
  }
}

const limiters = new Map<string, RateLimiter>();

/** The process-wide limiter for one tenant on one host. */
export const rateLimiterFor = (key: string, requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND): RateLimiter => {
  const id = `${key}|${requestsPerSecond}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(requestsPerSecond);
    limiters.set(id, limiter);
  }
  return limiter;
};
