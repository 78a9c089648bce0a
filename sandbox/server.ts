/**
 * The embedded ServiceTitan sandbox: node:http on loopback, same wire contract as ServiceTitan.
 *
 *   POST /connect/token                                   OAuth client credentials
 *   /<module>/<version>/tenant/<tenant>/<path>             API (Bearer token + ST-App-Key + tenant); version v2, or v3 for telecom's calls list
 *   /__sandbox/...                                        test controls (controls.ts; no auth, loopback
 *                                                         Host and JSON bodies only), as on the Leads sandbox
 *
 * Production behaviours (production.ts, README "The sandbox behaves like production") are on by default
 * (profile "production"). Rate limit, scopes, faults, latency and churn run as the behaviours list shared
 * with the Leads sandbox (behaviours.ts, pipeline.ts); this file is the core: token endpoint, tenant API
 * paths, authentication, routing, validation and the handlers.
 *
 * Every generated operation is routed (generic handler driven by its descriptor); the resources whose
 * semantics matter have specific handlers in resources/*.
 */
import { Auth } from "./auth";
import { behaviourList } from "./behaviours";
import { loadGeneratedOperations } from "./catalog";
import { type ListQuery, type PageRules, param, parseListQuery } from "./paging";
import { profileNamed, rateLimited, resolveProduction } from "./production";
import { FaultController } from "./faults";
import { genericRoutes, listPageRules, recordExamples } from "./generic";
import { type Answer, type Exchange, runStage } from "./pipeline";
import { ApiError, badRequest, problem, type FieldErrors } from "./problem";
import { Prng } from "./prng";
import { crmRoutes } from "./resources/crm";
import { dispatchRoutes } from "./resources/dispatch";
import { jpmRoutes } from "./resources/jpm";
import { referenceRoutes } from "./resources/reference";
import { shortListRoutes } from "./resources/shortLists";
import { schedulingProRoutes } from "./resources/schedulingPro";
import { equipmentRoutes } from "./resources/equipment";
import { reportingRoutes } from "./resources/reporting";
import { multipartFields } from "./multipart";
import { type Env, type MatchResult, Router, type RouteDef } from "./router";
import type { OperationDescriptor } from "../src/operations/types";
import { seed } from "./seedData";
import { seedGeneric } from "./seedGeneric";
import { Store } from "./store";
import { MODULE_KEYS } from "../src/operations/modules";
import { startSite } from "./site";
import { seedCalls, telecomRoutes } from "./resources/telecom";
import type { LatencySettings, RecordedRequest, Sandbox, SandboxCredentials, SandboxOptions } from "./types";
import { validateBody, validatePathParams, validateQuery } from "./validate";

export type { Sandbox, SandboxOptions, RecordedRequest, SandboxCredentials } from "./types";
export type { FaultRule, FaultKind } from "./faults";
export { controlRefusal } from "./controls";

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret-do-not-log",
  appKey: "ak1.sandbox-app-key",
  tenant: "1234567",
};

/** API modules the sandbox answers: the catalog's, from the module registry. */
export const SANDBOX_MODULES: readonly string[] = MODULE_KEYS;

const API_PATH = /^\/([a-z-]+)\/(v\d+)\/tenant\/([^/]+)(\/.*)?$/i;

/** Example values → neutral defaults (strings "", numbers 0, ids null, arrays []) for records created generically. */
const blank = (v: unknown, key = ""): unknown => {
  if (Array.isArray(v)) return [];
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x, k)]));
  if (typeof v === "number") return /Id$/.test(key) ? null : 0;
  if (typeof v === "boolean") return false;
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}T/.test(v) ? null : "";
  return null;
};

/** The routes hand-written handlers serve (sandbox/resources/). */
const specificRoutes = (): RouteDef[] => [
  ...crmRoutes(),
  ...jpmRoutes(),
  ...dispatchRoutes(),
  ...referenceRoutes(),
  ...schedulingProRoutes(),
  ...equipmentRoutes(),
  ...shortListRoutes(),
  ...reportingRoutes(),
  ...telecomRoutes(),
];

/** Whether a hand-written handler serves the operation (its records are that handler's to seed). */
export const servedByHand = (): ((op: OperationDescriptor) => boolean) => {
  const served = new Set(specificRoutes().map((r) => `${r.module} ${r.version ?? "v2"} ${r.method} ${r.path}`));
  return (op) => served.has(`${op.module} ${op.version ?? "v2"} ${op.method} ${op.path}`);
};

export const buildRouter = (operations: readonly RouteDefSource[]): Router => {
  const router = new Router();
  const specific = specificRoutes();
  for (const def of specific) if (def.source === "builtin") router.add(def);
  for (const def of operations) router.add(def);
  for (const def of specific) if (def.source !== "builtin") router.add(def);
  return router;
};
type RouteDefSource = RouteDef;

/** The page a list request asks for, in the request's sort order (undefined when the handler will refuse it). */
const lenientListQuery = (query: Record<string, string>, rules: PageRules): ListQuery | undefined => {
  const named = /^\s*[+-]?\s*([A-Za-z]+)/.exec(param(query, "sort") ?? "")?.[1];
  const field = named && named.charAt(0).toLowerCase() + named.slice(1);
  try {
    return parseListQuery(query, field ? ["id", field] : undefined, rules);
  } catch {
    return undefined;
  }
};

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const credentials: SandboxCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const clock = options.clock ?? (() => new Date());
  const seedValue = options.seed ?? 1;
  const profile = profileNamed(options.profile);
  const operations = options.operations ?? (options.useGeneratedCatalog === false ? [] : loadGeneratedOperations());
  const router = buildRouter(genericRoutes(operations));
  const production = resolveProduction(options.production, operations, router.routes(), profile);
  const store = new Store(clock);
  const counts = seed(store, seedValue, options.seedData, { contractBreaks: production.behaviours.contractBreaks });
  // calls before the generic seed, which would otherwise fill the calls export with example records
  seedCalls(store, counts.everyOtherList * 4);
  if (options.useGeneratedCatalog !== false && !options.operations) seedGeneric(store, operations, counts.everyOtherList, servedByHand());
  const faults = new FaultController(seedValue);
  const auth = new Auth(credentials, options.tokenLifetimeSeconds ?? 900, clock);
  const latency: LatencySettings = { perRequestMs: 0, perRecordMs: 0, ...options.latency };
  const examples = recordExamples(operations);
  // The catalog's modules, plus those of operations a test hands in (e.g. a Reporting operation before the catalog has it).
  const modules = new Set<string>([...SANDBOX_MODULES, ...operations.map((op) => String(op.module).toLowerCase())]);
  for (const [k, v] of examples) examples.set(k, blank(v) as Record<string, unknown>);
  const env: Env = {
    store,
    feed: {
      pageSize: Math.min(5000, Math.max(1, options.exportPageSize ?? 1000)),
      overlap: options.recentChangesOverlap ?? 2,
      snapshot: production.behaviours.snapshotFeeds,
    },
    production: production.behaviours,
    prng: new Prng(seedValue),
    seed: seedValue,
    credentials,
    recordExamples: examples,
  };
  const requests: RecordedRequest[] = [];
  const behaviours = behaviourList({
    requests,
    maxRecorded: options.maxRecordedRequests ?? 100_000,
    latency,
    faults,
    errorAnswer: (status, title, errors = {}, headers) => problem(status, title, errors, {}, headers),
    limiter: production.limiter,
    rateLimited,
    scopes: production.scopes,
    store,
  });

  /** An authenticated API request past the admitted behaviours: unknown routes refused, then validated and handled. */
  const routed = async (ex: Exchange, module: string, version: string, path: string, match: MatchResult): Promise<Answer> => {
    const { method, query, headers, bodyText } = ex;
    if (match.kind === "none") {
      return problem(404, "Unknown route", { route: [`No ${module} ${version} operation matches ${method} ${path}.`] }, { reason: "unknown-route" });
    }
    if (match.kind === "method") {
      return problem(405, "Method Not Allowed", { method: [`${method} is not allowed here; use ${match.allowed.join(", ")}.`] }, {}, { allow: match.allowed.join(", ") });
    }
    const { route, params } = match;
    try {
      let body: unknown;
      const multipart = multipartFields(headers["content-type"] ?? "", bodyText);
      if (multipart) body = multipart;
      else if (bodyText.trim() !== "" && method !== "GET") {
        // Like ASP.NET, a body is only read as JSON when it says it is JSON.
        if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(headers["content-type"] ?? "")) {
          return problem(415, "Unsupported Media Type", { "Content-Type": [`Send the body as application/json (got ${headers["content-type"] ? `"${headers["content-type"]}"` : "no Content-Type"}).`] });
        }
        try {
          body = JSON.parse(bodyText);
        } catch (error) {
          throw badRequest({ $: [`The request body is not valid JSON: ${(error as Error).message}`] });
        }
      }
      const d = route.descriptor;
      if (d) {
        const errors: FieldErrors = {};
        validatePathParams(d.params, params, errors);
        validateQuery(d.params, query, errors);
        if (d.body) validateBody(d.body.schema, d.body.required, body, errors);
        if (Object.keys(errors).length) throw badRequest(errors);
      }
      if (method === "GET" && d?.kind === "list") ex.list = lenientListQuery(query, listPageRules({ env }, d));
      return await runStage(behaviours, "validated", ex, async () =>
        route.handler({ req: { method, module, version, path, query, headers, bodyText }, params, query, body, env, route }),
      );
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      process.emitWarning(`sandbox handler error on ${method} ${ex.path}: ${(error as Error).stack ?? String(error)}`);
      return problem(500, "Internal Server Error", {}, { message: (error as Error).message });
    }
  };

  /** The sandbox's own handling of a request that passed the wire behaviours. */
  const core = async (ex: Exchange): Promise<Answer> => {
    const { method, headers, bodyText } = ex;
    const rawPath = ex.path;
    if (rawPath === "/connect/token") {
      if (method !== "POST") return { status: 405, headers: { allow: "POST" }, body: { error: "invalid_request", error_description: "Use POST." } };
      return auth.tokenEndpoint(headers["content-type"] ?? "", bodyText);
    }
    const m = API_PATH.exec(rawPath);
    if (!m || !modules.has(m[1].toLowerCase())) {
      return problem(404, "Unknown route", { route: [`No ServiceTitan API matches ${method} ${rawPath}.`] }, { reason: "unknown-route" });
    }
    const module = m[1].toLowerCase();
    const version = m[2].toLowerCase();
    const tenant = decodeURIComponent(m[3]);
    const path = m[4] ?? "/";
    const denied = auth.check(headers, tenant);
    if (denied) return denied;
    ex.tenant = tenant;
    const match = router.match(module, method, path, version);
    if (match.kind === "match") {
      ex.route = match.route;
      ex.params = match.params;
    }
    return runStage(behaviours, "admitted", ex, () => routed(ex, module, version, path, match));
  };

  const site = await startSite({
    behaviours,
    core,
    controls: { faults, latency, requests, expireTokens: () => auth.expireAll(), profile },
    clock,
    port: options.port,
    host: options.host,
  });
  const { url, port } = site;

  const sandbox: Sandbox = {
    url,
    tokenUrl: `${url}/connect/token`,
    port,
    credentials,
    store,
    requests,
    faults,
    latency,
    production: production.behaviours,
    grantedScopes: production.scopes,
    profile,
    behaviours: behaviours.map((b) => b.name),
    clearRequests: () => {
      requests.length = 0;
    },
    issueToken: () => auth.issue().token,
    apiBase: (module: string, version = "v2") => `${url}/${module}/${version}/tenant/${credentials.tenant}`,
    close: () => site.close(),
  };
  return sandbox;
};
