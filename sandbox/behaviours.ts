/**
 * The one list of sandbox behaviours (middleware, see pipeline.ts), shared by the tenant-API sandbox and
 * the Leads sandbox. Order matters:
 *
 *   record     (wire)       every request is kept for /__sandbox/requests, with the status sent back
 *   latency    (wire)       per-request and per-record waits before the answer goes out
 *   faults     (wire)       programmed faults (faults.ts): errors, resets, maintenance 409s, slow and
 *                           trickled answers, truncated JSON — before the request is processed or after
 *   rateLimit  (admitted)   the per-tenant budget (60 requests per sliding second by default) and the
 *                           routes' own budgets: a body-only 429, no Retry-After unless asked for
 *   scopes     (admitted)   403 for an operation whose scope the app was not granted
 *   churn      (validated)  a list changes between two page requests (churn faults)
 *
 * Which of them are on comes from the sandbox's profile (profiles.ts) and what the sandbox has: the
 * Leads platform has no tenants, scopes or lists, so its list holds record, latency and faults.
 */
import { churnBeforePage } from "./churn";
import type { ActiveFault, FaultController } from "./faults";
import { type Answer, type Behaviour, type Exchange, type Middleware, sleep } from "./pipeline";
import type { FieldErrors } from "./problem";
import type { RateLimiter } from "./rateLimit";
import type { Store } from "./store";
import type { LatencySettings, RecordedRequest, SandboxResponse } from "./types";

/** A sandbox's own error answer (ServiceTitan: an RFC 7807 problem; Leads: its `{ status, stTraceId }`). */
export type ErrorAnswer = (status: number, title: string, errors?: FieldErrors, headers?: Record<string, string>) => SandboxResponse;

/** What the behaviours work on; a part left out switches its behaviour off. */
export interface BehaviourParts {
  requests: RecordedRequest[];
  /** Oldest recorded requests are dropped beyond this many. */
  maxRecorded: number;
  latency: LatencySettings;
  faults: FaultController;
  errorAnswer: ErrorAnswer;
  limiter?: RateLimiter;
  /** The 429 the rate limit answers with. */
  rateLimited?: (waitSeconds: number, withHeader: boolean) => SandboxResponse;
  /** Scopes granted to the app (live: changes apply at once); undefined: no check. */
  scopes?: Set<string>;
  /** The records churn faults change. */
  store?: Store;
}

const record =
  (requests: RecordedRequest[], max: number): Middleware =>
  async (ex, next) => {
    requests.push(ex.record);
    if (requests.length > max) requests.splice(0, requests.length - max);
    const answer = await next();
    if (answer !== "reset") ex.record.status = answer.status;
    return answer;
  };

const recordCount = (body: unknown): number =>
  body && typeof body === "object" && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data.length : 1;

const latency =
  (settings: LatencySettings): Middleware =>
  async (ex, next) => {
    const answer = await next();
    if (answer === "reset") return answer;
    const wait = settings.perRequestMs + settings.perRecordMs * recordCount(answer.body);
    if (wait > 0) await sleep(wait, ex.signal);
    return answer;
  };

const HTML_ERROR = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>sandbox-proxy</center></body></html>
`;

const TITLES: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

/** The answer a fault gives instead of the real one (`real`: the answer of a request already processed). */
export const faultAnswer = (fault: ActiveFault, errorAnswer: ErrorAnswer, real?: SandboxResponse): Answer => {
  switch (fault.kind) {
    case "reset":
      return "reset";
    case "429": {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      return errorAnswer(429, "Too Many Requests", { request: ["The rate limit of the application for this tenant was exceeded; retry later."] }, headers);
    }
    case "500":
    case "502":
    case "503":
    case "504": {
      const status = Number(fault.kind);
      return errorAnswer(status, TITLES[status], {}, fault.headers);
    }
    case "status": {
      const isText = typeof fault.body === "string";
      return { status: fault.status!, headers: fault.headers, ...(isText ? { raw: fault.body as string } : fault.body === undefined ? {} : { body: fault.body }) };
    }
    case "html":
      return { status: fault.status ?? 502, headers: { "content-type": "text/html; charset=utf-8", ...fault.headers }, raw: HTML_ERROR };
    case "empty":
      return { status: fault.status ?? 200, headers: fault.headers, raw: "" };
    case "truncatedJson": {
      const text = real?.raw ?? (real?.body === undefined ? "" : JSON.stringify(real.body));
      return { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, raw: text.slice(0, Math.floor(text.length / 2)) };
    }
    case "maintenance":
      return errorAnswer(409, "The service is suspended for maintenance. Please try again later.", {}, fault.headers);
    case "slow":
    case "trickle":
    case "churn":
      return real ?? { status: 200 };
  }
};

/** Faults whose request is processed first: phase "after", and the kinds that need the real answer. */
const processedFirst = (fault: ActiveFault): boolean => fault.phase === "after" || fault.kind === "truncatedJson" || fault.kind === "trickle";

const faults =
  (controller: FaultController, errorAnswer: ErrorAnswer): Middleware =>
  async (ex, next) => {
    const fault = controller.pick(ex.method, ex.path);
    if (!fault) return next();
    ex.fault = fault;
    ex.record.fault = fault.name ? `${fault.kind}:${fault.name}` : fault.kind;
    if (fault.kind === "slow") {
      // "before" (default): the request waits, then is processed; "after": processed, then its answer waits.
      if (fault.phase === "after") {
        const answer = await next();
        await sleep(fault.delayMs ?? 1000, ex.signal);
        return answer;
      }
      await sleep(fault.delayMs ?? 1000, ex.signal);
      return next();
    }
    if (fault.kind === "trickle") {
      ex.delivery = { ...ex.delivery, trickle: { delayMs: fault.delayMs ?? 1000, chunks: fault.chunks ?? 10 } };
      return next();
    }
    if (!processedFirst(fault)) return faultAnswer(fault, errorAnswer);
    const real = await next();
    return real === "reset" ? real : faultAnswer(fault, errorAnswer, real);
  };

const rateLimit =
  (limiter: RateLimiter, answer: (waitSeconds: number, withHeader: boolean) => SandboxResponse): Middleware =>
  async (ex, next) => {
    if (ex.tenant === undefined) return next();
    const refusal = limiter.admit(ex.tenant, ex.method, ex.path);
    return refusal ? answer(refusal.waitSeconds, limiter.retryAfterHeader) : next();
  };

const scopes =
  (granted: Set<string>, errorAnswer: ErrorAnswer): Middleware =>
  async (ex, next) => {
    const scope = ex.route?.descriptor?.scope;
    if (!scope || granted.has(scope)) return next();
    return errorAnswer(403, "Scope validation failed", { scope: [`The application was not granted ${scope}.`] });
  };

const churn =
  (controller: FaultController, store: Store): Middleware =>
  async (ex, next) => {
    if (ex.method === "GET" && ex.route?.descriptor?.kind === "list" && ex.params) {
      const changed = churnBeforePage(controller, store, ex.route, ex.params, ex.path, ex.list);
      if (changed) ex.record.fault = `churn:${changed}`;
    }
    return next();
  };

/** The behaviours in force, in order, built from the parts a sandbox has. */
export const behaviourList = (parts: BehaviourParts): Behaviour[] => {
  const list: Array<Behaviour | false> = [
    { name: "record", stage: "wire", handle: record(parts.requests, parts.maxRecorded) },
    { name: "latency", stage: "wire", handle: latency(parts.latency) },
    { name: "faults", stage: "wire", handle: faults(parts.faults, parts.errorAnswer) },
    !!parts.limiter && !!parts.rateLimited && { name: "rateLimit", stage: "admitted", handle: rateLimit(parts.limiter, parts.rateLimited) },
    !!parts.scopes && { name: "scopes", stage: "admitted", handle: scopes(parts.scopes, parts.errorAnswer) },
    !!parts.store && { name: "churn", stage: "validated", handle: churn(parts.faults, parts.store) },
  ];
  return list.filter((b): b is Behaviour => b !== false);
};

export type { Exchange };
