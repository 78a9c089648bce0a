/**
 * Request budgets: sliding windows of request times, counted per key (the tenant, or the tenant and
 * the path). The default budget is ServiceTitan's per-tenant limit (about 60 requests per second); a
 * route can declare a stricter budget of its own, e.g. Reporting's "one run of the same report per
 * minute per tenant, each page counting as a run":
 *
 *   { name: "report runs", limit: 1, windowMs: 60_000, per: "path", match: { method: "POST", path: "/reporting/v2/tenant/{t}/report-category/{c}/reports/{r}/data" } }
 *
 * A request is charged to every budget that matches it, and only when all of them have room (a refused
 * request costs nothing). Times come from a monotonic clock (injectable for tests).
 */
import { matchesPath, type PathPattern, parsePathPattern } from "./pathMatch";

export interface BudgetMatch {
  method?: string;
  /** Path pattern (see pathMatch.ts) tested against the whole request path. */
  path?: string;
}

export interface BudgetRule {
  name?: string;
  /** Requests allowed within any window of `windowMs`. */
  limit: number;
  windowMs: number;
  /** "tenant" (default): one budget per tenant; "path": one per tenant and request path (a report). */
  per?: "tenant" | "path";
  /** Which requests the budget counts (default: every API request). */
  match?: BudgetMatch;
}

export interface RateLimitOptions {
  /** The per-tenant budget (default 60 requests per 1000 ms). */
  perTenant?: { limit: number; windowMs: number };
  /** Stricter budgets of single routes, checked besides the per-tenant one. */
  budgets?: BudgetRule[];
  /** Adds a `Retry-After` header (whole seconds) to the 429; ServiceTitan often sends none (default false). */
  retryAfterHeader?: boolean;
  /** Monotonic milliseconds (default `performance.now()`). */
  now?: () => number;
}

export const DEFAULT_PER_TENANT = { limit: 60, windowMs: 1000 };

interface ActiveBudget {
  rule: BudgetRule;
  pattern?: PathPattern;
  /** key → request times, oldest first. */
  windows: Map<string, number[]>;
}

export interface Refusal {
  budget: string;
  /** Whole seconds until a slot frees (at least 1). */
  waitSeconds: number;
}

const validRule = (rule: BudgetRule): BudgetRule => {
  if (!rule || typeof rule !== "object") throw new Error("A budget must be an object.");
  if (!(Number.isInteger(rule.limit) && rule.limit >= 1)) throw new Error("A budget's `limit` must be a positive integer.");
  if (!(Number.isFinite(rule.windowMs) && rule.windowMs > 0)) throw new Error("A budget's `windowMs` must be positive.");
  if (rule.per !== undefined && rule.per !== "tenant" && rule.per !== "path") throw new Error('A budget\'s `per` is "tenant" or "path".');
  return rule;
};

export class RateLimiter {
  private readonly budgets: ActiveBudget[];
  readonly retryAfterHeader: boolean;
  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    const perTenant = options.perTenant ?? DEFAULT_PER_TENANT;
    const rules: BudgetRule[] = [{ name: "tenant", per: "tenant", ...perTenant }, ...(options.budgets ?? [])];
    this.budgets = rules.map((r) => {
      const rule = validRule(r);
      return { rule, pattern: rule.match?.path ? parsePathPattern(rule.match.path) : undefined, windows: new Map() };
    });
    this.retryAfterHeader = options.retryAfterHeader === true;
    this.now = options.now ?? (() => performance.now());
  }

  /** Charges the request to its budgets, or says which budget refuses it and for how long. */
  admit(tenant: string, method: string, path: string): Refusal | undefined {
    const now = this.now();
    const charged: number[][] = [];
    let refusal: Refusal | undefined;
    for (const b of this.budgets) {
      const m = b.rule.match;
      if (m?.method && m.method.toUpperCase() !== method.toUpperCase()) continue;
      if (b.pattern && !matchesPath(b.pattern, path)) continue;
      const key = b.rule.per === "path" ? `${tenant}\u0000${path.toLowerCase()}` : tenant;
      let times = b.windows.get(key);
      if (!times) b.windows.set(key, (times = []));
      const since = now - b.rule.windowMs;
      let expired = 0;
      while (expired < times.length && times[expired] <= since) expired++;
      if (expired) times.splice(0, expired);
      if (times.length >= b.rule.limit) {
        const waitMs = times[times.length - b.rule.limit] + b.rule.windowMs - now;
        const waitSeconds = Math.max(1, Math.ceil(waitMs / 1000));
        if (!refusal || waitSeconds > refusal.waitSeconds) refusal = { budget: b.rule.name ?? "budget", waitSeconds };
      } else charged.push(times);
    }
    if (refusal) return refusal;
    for (const times of charged) times.push(now);
    return undefined;
  }
}
