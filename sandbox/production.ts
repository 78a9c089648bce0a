/**
 * Resolves a sandbox profile and `SandboxOptions.production` into the production behaviours in force
 * (the rate limit and the scopes run as behaviours, behaviours.ts; the rest are read by the handlers),
 * and the 429 ServiceTitan answers with.
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
      ? [{ name: `${r.method} ${r.module}${r.version ? ` ${r.version}` : ""}${r.path}`, ...r.budget, match: { method: r.method, path: `/${r.module}/${r.version ?? "v2"}/tenant/{tenant}${r.path}` } }]
      : [],
  );

/**
 * Named starting points for the behaviours. "production" (the default): every behaviour on, as live
 * tenants behave. "plain": every behaviour off, for a unit test that checks something the behaviours
 * would only blur — it says why where it asks for it. `production` options then turn single
 * behaviours off (or, on "plain", on).
 */
export type ProfileName = "production" | "plain";
export const PROFILES: Record<ProfileName, (catalogScopes: readonly string[]) => ProductionBehaviours> = {
  production: (catalogScopes) => ({
    rateLimit: {},
    scopes: catalogScopes,
    snapshotFeeds: true,
    zeroBasedPages: true,
    contractBreaks: true,
    inactiveCustomerConflict: true,
    unknownCallIs500: true,
  }),
  plain: () => ({
    rateLimit: false,
    scopes: false,
    snapshotFeeds: false,
    zeroBasedPages: false,
    contractBreaks: false,
    inactiveCustomerConflict: false,
    unknownCallIs500: false,
  }),
};

export const profileNamed = (name: string | undefined): ProfileName => {
  const profile = name ?? "production";
  if (profile !== "production" && profile !== "plain") throw new Error(`Unknown sandbox profile "${profile}"; use production or plain.`);
  return profile;
};

/** The behaviours of a profile with `options` applied; `false` is the "plain" profile. */
export const productionBehaviours = (
  options: SandboxOptions["production"],
  catalogScopes: readonly string[],
  profile: ProfileName = "production",
): ProductionBehaviours => {
  const base = PROFILES[options === false ? "plain" : profile](catalogScopes);
  const o = options || {};
  const pick = <K extends keyof ProductionBehaviours>(key: K): ProductionBehaviours[K] => (o[key] === undefined ? base[key] : (o[key] as ProductionBehaviours[K]));
  return {
    rateLimit: pick("rateLimit"),
    scopes: pick("scopes"),
    snapshotFeeds: pick("snapshotFeeds"),
    zeroBasedPages: pick("zeroBasedPages"),
    contractBreaks: pick("contractBreaks"),
    inactiveCustomerConflict: pick("inactiveCustomerConflict"),
    unknownCallIs500: pick("unknownCallIs500"),
  };
};

export const resolveProduction = (
  options: SandboxOptions["production"],
  operations: readonly OperationDescriptor[],
  routes: readonly RouteDef[] = [],
  profile: ProfileName = "production",
): Production => {
  const behaviours = productionBehaviours(options, [...new Set(operations.flatMap((d) => (d.scope ? [d.scope] : [])))], profile);
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

const BEHAVIOURS: ReadonlyArray<keyof ProductionBehaviours> = ["rateLimit", "scopes", "snapshotFeeds", "zeroBasedPages", "contractBreaks", "inactiveCustomerConflict", "unknownCallIs500"];

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
