/**
 * Client-side rate limiting: at most N requests in any one-second window per tenant, shared by every
 * concurrent call in the process (ServiceTitan allows 60 requests/second per app per tenant).
 *
 * Grants are reserved in call order (FIFO): each caller takes the next free slot, computed from the
 * grant N places back, and waits until then.
 *
 * Time is read from a monotonic clock (`performance.now()`), never the wall clock: a system clock set
 * back would otherwise make every slot look far in the future and stall the process. An injected clock
 * that goes backwards anyway is held at the latest time it reported.
 */
export const DEFAULT_REQUESTS_PER_SECOND = 60;
const WINDOW_MS = 1000;

export class RateLimiter {
  private readonly slots: number[];
  private next = 0;
  private latest = Number.NEGATIVE_INFINITY;

  constructor(
    readonly requestsPerSecond: number = DEFAULT_REQUESTS_PER_SECOND,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!Number.isFinite(requestsPerSecond) || requestsPerSecond < 1) {
      throw new Error(`Rate limit: expected at least 1 request per second, got ${requestsPerSecond}.`);
    }
    this.slots = new Array(Math.floor(requestsPerSecond)).fill(Number.NEGATIVE_INFINITY);
  }

  /** Reserves the next slot and returns how long to wait for it (ms). */
  reserve(): number {
    this.latest = Math.max(this.latest, this.clock());
    const now = this.latest;
    const at = Math.max(now, this.slots[this.next] + WINDOW_MS);
    this.slots[this.next] = at;
    this.next = (this.next + 1) % this.slots.length;
    return at - now;
  }

  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
