/**
 * Resolves `SandboxOptions.production` into the behaviours in force, and the two checks the server runs
 * on every API request before its handler: the rate limit and the app's granted scopes.
 */
import type { OperationDescriptor } from "../src/operations/types";
import { problem } from "./problem";
import { type BudgetRule, RateLimiter } from "./rateLimit";
import type { RouteDef } from "./router";
import type { ProductionBehaviours, SandboxOptions, SandboxResponse } from "./types";

export interface Production {
  behaviours: ProductionBehaviours;
  limiter?: RateLimiter;
  /** undefined: every scope is granted. */
  scopes?: Set<string>;
}

/** The budgets routes declare (RouteDef.budget), each matching its own method and path under any tenant. */
export const routeBudgets = (routes: readonly RouteDef[]): BudgetRule[] =>
  routes.flatMap((r) =>
    r.budget
      ? [{ name: `${r.method} ${r.module}${r.path}`, ...r.budget, match: { method: r.method, path: `/${r.module}/v2/tenant/{tenant}${r.path}` } }]
      : [],
  );

export const resolveProduction = (
  options: SandboxOptions["production"],
  operations: readonly OperationDescriptor[],
  routes: readonly RouteDef[] = [],
): Production => {
  const off = options === false;
  const o = options === false || options === undefined ? {} : options;
  const behaviours: ProductionBehaviours = {
    rateLimit: off ? false : (o.rateLimit ?? {}),
    scopes: off ? false : (o.scopes ?? [...new Set(operations.flatMap((d) => (d.scope ? [d.scope] : [])))]),
    snapshotFeeds: off ? false : o.snapshotFeeds !== false,
    zeroBasedPages: off ? false : o.zeroBasedPages !== false,
    contractBreaks: off ? false : o.contractBreaks !== false,
    inactiveCustomerConflict: off ? false : o.inactiveCustomerConflict !== false,
  };
  return {
    behaviours,
    limiter:
      behaviours.rateLimit === false
        ? undefined
        : new RateLimiter({ ...behaviours.rateLimit, budgets: [...routeBudgets(routes), ...(behaviours.rateLimit.budgets ?? [])] }),
    scopes: behaviours.scopes === false ? undefined : new Set(behaviours.scopes),
  };
};

/** The 429 ServiceTitan sends: the wait only in the title, a `Retry-After` header only when asked for. */
export const rateLimited = (waitSeconds: number, withHeader: boolean): SandboxResponse =>
  problem(429, `Rate limit is exceeded. Try again in ${waitSeconds} seconds.`, {}, {}, withHeader ? { "retry-after": String(waitSeconds) } : undefined);

/** 403 when the operation needs a scope the app was not granted. */
export const scopeDenied = (production: Production, descriptor: OperationDescriptor | undefined): SandboxResponse | undefined => {
  if (!production.scopes || !descriptor?.scope || production.scopes.has(descriptor.scope)) return undefined;
  return problem(403, "Scope validation failed", { scope: [`The application was not granted ${descriptor.scope}.`] });
};

const BEHAVIOURS: ReadonlyArray<keyof ProductionBehaviours> = ["rateLimit", "scopes", "snapshotFeeds", "zeroBasedPages", "contractBreaks", "inactiveCustomerConflict"];

/** Production behaviours from the environment (all on unless SANDBOX_OPT_OUT names them). */
export const productionFromEnv = (env: NodeJS.ProcessEnv): SandboxOptions["production"] => {
  const names = (env.SANDBOX_OPT_OUT ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (names.includes("all")) return false;
  const unknown = names.filter((n) => !BEHAVIOURS.includes(n as keyof ProductionBehaviours));
  if (unknown.length) throw new Error(`SANDBOX_OPT_OUT: unknown behaviour ${unknown.join(", ")}; use ${BEHAVIOURS.join(", ")} or all.`);
  const production: Partial<ProductionBehaviours> = Object.fromEntries(names.map((n) => [n, false]));
  if (production.rateLimit !== false && env.SANDBOX_RETRY_AFTER === "1") production.rateLimit = { retryAfterHeader: true };
  return production;
};
