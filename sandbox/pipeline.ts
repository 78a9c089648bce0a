/**
 * The sandboxes' behaviours as middleware. Each sandbox (the tenant API in server.ts, the Leads platform in
 * leads/server.ts) has a core that knows its own protocol — token endpoint, authentication, routes — and
 * runs one shared list of behaviours (behaviours.ts) at three points of a request's way through it:
 *
 *   wire       every request but the /__sandbox controls, before the core reads it (record, latency, faults);
 *   admitted   an authenticated API request whose route has been looked up, before an unknown route or
 *              method is refused (rate limit and route budgets, scopes);
 *   validated  a request whose path, query and body passed validation, just before its handler (churn).
 *
 * A behaviour gets the exchange and `next`; it answers itself (a fault, a 429) or returns what `next()`
 * answers, possibly after changing it or waiting.
 */
import type { ActiveFault } from "./faults";
import type { ListQuery } from "./paging";
import type { Route } from "./router";
import type { ApiRequest, RecordedRequest, SandboxResponse } from "./types";

/** What a sandbox sends back: a response, or "reset" (the socket is destroyed without one). */
export type Answer = SandboxResponse | "reset";

export type Stage = "wire" | "admitted" | "validated";

/** A request on its way through a sandbox: method, whole path (no query string), query, lower-case headers, body text. */
export interface Exchange extends Omit<ApiRequest, "module" | "version"> {
  /** The request as the sandbox records it (behaviours add `status` and `fault`). */
  record: RecordedRequest;
  /** Set at admission where the sandbox has tenants: the key per-tenant budgets count by. */
  tenant?: string;
  /** Set at admission when a route matched the method and path. */
  route?: Route;
  params?: Record<string, string>;
  /** Set before the validated stage for a GET of a list: the page asked for (undefined when unreadable). */
  list?: ListQuery;
  /** The fault picked for this request, if any. */
  fault?: ActiveFault;
  /** How the answer is written: a trickle fault sends the body in pieces. */
  delivery?: { trickle?: { delayMs: number; chunks: number } };
  /** Aborted when the sandbox closes, so no wait outlives it. */
  signal: AbortSignal;
}

export type Next = () => Promise<Answer>;
export type Middleware = (exchange: Exchange, next: Next) => Promise<Answer>;

export interface Behaviour {
  /** As listed by GET /__sandbox/behaviours. */
  name: string;
  stage: Stage;
  handle: Middleware;
}

/** Runs the behaviours of `stage`, in list order, around `last`. */
export const runStage = (behaviours: readonly Behaviour[], stage: Stage, exchange: Exchange, last: Next): Promise<Answer> => {
  const chain = behaviours.filter((b) => b.stage === stage);
  const step = (i: number): Promise<Answer> => (i < chain.length ? chain[i].handle(exchange, () => step(i + 1)) : last());
  return step(0);
};

/** Waits `ms`, or less when `signal` aborts first. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
