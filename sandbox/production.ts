/**
 * Resolves `SandboxOptions.production` into the behaviours in force, and the two checks the server runs
 * on every API request before its handler: the rate limit and the app's granted scopes.
 */
import type { OperationDescriptor } from "../src/operations/types";
import { problem } from "./problem";
import { RateLimiter } from "./rateLimit";
import type { ProductionBehaviours, SandboxOptions, SandboxResponse } from "./types";

export interface Production {
  behaviours: ProductionBehaviours;
  limiter?: RateLimiter;
  /** undefined: every scope is granted. */
  scopes?: Set<string>;
}

export const resolveProduction = (options: SandboxOptions["production"], operations: readonly OperationDescriptor[]): Production => {
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
    limiter: behaviours.rateLimit === false ? undefined : new RateLimiter(behaviours.rateLimit),
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
