/**
 * The embedded ServiceTitan sandbox: node:http on loopback, same wire contract as ServiceTitan.
 *
 *   POST /connect/token                                   OAuth client credentials
 *   /<module>/v2/tenant/<tenant>/<path>                    API (Bearer token + ST-App-Key + tenant)
 *   GET|POST|DELETE /__sandbox/faults, POST /__sandbox/latency, GET /__sandbox/requests,
 *   POST /__sandbox/expire-tokens                         test controls (no auth; loopback Host and
 *                                                         JSON bodies only — see controlRefusal)
 *
 * Production behaviours (production.ts, README "The sandbox behaves like production") are on by default.
 *
 * Every generated operation is routed (generic handler driven by its descriptor); the resources whose
 * semantics matter have specific handlers in resources/*.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Auth } from "./auth";
import { loadGeneratedOperations } from "./catalog";
import { churnBeforePage } from "./churn";
import { type ListQuery, type PageRules, param, parseListQuery } from "./paging";
import { rateLimited, resolveProduction, scopeDenied } from "./production";
import { closeServer, headersOf, listen, readBody, writeResponse } from "./http";
import { FaultController, type ActiveFault, type FaultRule } from "./faults";
import { genericRoutes, listPageRules, recordExamples } from "./generic";
import { ApiError, badRequest, problem, problemBody, type FieldErrors } from "./problem";
import { Prng } from "./prng";
import { crmRoutes } from "./resources/crm";
import { dispatchRoutes } from "./resources/dispatch";
import { jpmRoutes } from "./resources/jpm";
import { referenceRoutes } from "./resources/reference";
import { schedulingProRoutes } from "./resources/schedulingPro";
import { equipmentRoutes } from "./resources/equipment";
import { multipartFields } from "./multipart";
import { type Env, Router, type RouteDef } from "./router";
import { seed } from "./seedData";
import { Store } from "./store";
import { MODULE_KEYS } from "../src/operations/modules";
import type { LatencySettings, RecordedRequest, Sandbox, SandboxCredentials, SandboxOptions, SandboxResponse } from "./types";
import { validateBody, validatePathParams, validateQuery } from "./validate";

export type { Sandbox, SandboxOptions, RecordedRequest, SandboxCredentials } from "./types";
export type { FaultRule, FaultKind } from "./faults";

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret-do-not-log",
  appKey: "ak1.sandbox-app-key",
  tenant: "1234567",
};

/** API modules the sandbox answers: the catalog's, from the module registry. */
export const SANDBOX_MODULES: readonly string[] = MODULE_KEYS;

const API_PATH = /^\/([a-z-]+)\/v2\/tenant\/([^/]+)(\/.*)?$/i;
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Example values → neutral defaults (strings "", numbers 0, ids null, arrays []) for records created generically. */
const blank = (v: unknown, key = ""): unknown => {
  if (Array.isArray(v)) return [];
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x, k)]));
  if (typeof v === "number") return /Id$/.test(key) ? null : 0;
  if (typeof v === "boolean") return false;
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}T/.test(v) ? null : "";
  return null;
};

export const buildRouter = (operations: readonly RouteDefSource[]): Router => {
  const router = new Router();
  const specific = [...crmRoutes(), ...jpmRoutes(), ...dispatchRoutes(), ...referenceRoutes(), ...schedulingProRoutes(), ...equipmentRoutes()];
  for (const def of specific) if (def.source === "builtin") router.add(def);
  for (const def of operations) router.add(def);
  for (const def of specific) if (def.source !== "builtin") router.add(def);
  return router;
};
type RouteDefSource = RouteDef;

const recordCount = (body: unknown): number =>
  body && typeof body === "object" && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data.length : 1;

const HTML_ERROR = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>sandbox-proxy</center></body></html>
`;

/** The response a fault produces instead of (or, phase "after", in place of) the real one. */
const faultResponse = (fault: ActiveFault, real?: SandboxResponse): SandboxResponse | "reset" => {
  switch (fault.kind) {
    case "reset":
      return "reset";
    case "429": {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      return problem(429, "Too Many Requests", { request: ["The rate limit of the application for this tenant was exceeded; retry later."] }, {}, headers);
    }
    case "500":
    case "502":
    case "503":
    case "504": {
      const status = Number(fault.kind);
      const titles: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };
      return problem(status, titles[status], {}, {}, fault.headers);
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
      return problem(409, "The service is suspended for maintenance. Please try again later.", {}, {}, fault.headers);
    case "slow":
    case "trickle":
    case "churn":
      return real ?? { status: 200 };
  }
};

/** Writes the response with its headers at once and the body in `chunks` pieces spread over `delayMs`. */
const trickle = async (res: ServerResponse, r: SandboxResponse, delayMs: number, chunks: number): Promise<void> => {
  const text = Buffer.from(r.raw !== undefined ? r.raw : r.body === undefined ? "" : JSON.stringify(r.body));
  const headers: Record<string, string> = {};
  if (r.raw === undefined && r.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  Object.assign(headers, r.headers, { "content-length": String(text.length) });
  res.writeHead(r.status, headers);
  res.flushHeaders();
  const size = Math.max(1, Math.ceil(text.length / chunks));
  for (let at = 0; at < text.length; at += size) {
    await delay(delayMs / chunks);
    if (res.destroyed) return;
    res.write(text.subarray(at, at + size));
  }
  res.end();
};

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

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/**
 * The control endpoints answer only a loopback `Host` (a page in a browser cannot reach them through
 * DNS rebinding) and take bodies only as JSON (a cross-site form cannot post to them).
 */
export const controlRefusal = (headers: Record<string, string>, bodyText: string): SandboxResponse | undefined => {
  if (!LOOPBACK_HOST.test(headers.host ?? "")) {
    return problem(403, "Forbidden", { host: ["The sandbox controls answer only requests addressed to a loopback host (127.0.0.1, localhost, [::1])."] });
  }
  if (bodyText.trim() !== "" && !JSON_TYPE.test(headers["content-type"] ?? "")) {
    return problem(415, "Unsupported Media Type", { "Content-Type": ["Send sandbox control bodies as application/json."] });
  }
  return undefined;
};

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const credentials: SandboxCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const clock = options.clock ?? (() => new Date());
  const seedValue = options.seed ?? 1;
  const store = new Store(clock);
  seed(store, seedValue, options.seedData, { contractBreaks: options.production !== false && options.production?.contractBreaks !== false });
  const faults = new FaultController(seedValue);
  const auth = new Auth(credentials, options.tokenLifetimeSeconds ?? 900, clock);
  const latency: LatencySettings = { perRequestMs: 0, perRecordMs: 0, ...options.latency };
  const operations = options.operations ?? (options.useGeneratedCatalog === false ? [] : loadGeneratedOperations());
  const router = buildRouter(genericRoutes(operations));
  const production = resolveProduction(options.production, operations, router.routes());
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
  const maxRecorded = options.maxRecordedRequests ?? 100_000;
  const requests: RecordedRequest[] = [];

  const api = (
    method: string,
    rawPath: string,
    query: Record<string, string>,
    headers: Record<string, string>,
    bodyText: string,
    record?: RecordedRequest,
  ): SandboxResponse => {
    if (rawPath === "/connect/token") {
      if (method !== "POST") return { status: 405, headers: { allow: "POST" }, body: { error: "invalid_request", error_description: "Use POST." } };
      return auth.tokenEndpoint(headers["content-type"] ?? "", bodyText);
    }
    const m = API_PATH.exec(rawPath);
    if (!m || !modules.has(m[1].toLowerCase())) {
      return problem(404, "Unknown route", { route: [`No ServiceTitan API matches ${method} ${rawPath}.`] }, { reason: "unknown-route" });
    }
    const module = m[1].toLowerCase();
    const tenant = decodeURIComponent(m[2]);
    const path = m[3] ?? "/";
    const denied = auth.check(headers, tenant);
    if (denied) return denied;
    const refusal = production.limiter?.admit(tenant, method, rawPath);
    if (refusal) return rateLimited(refusal.waitSeconds, production.limiter!.retryAfterHeader);
    const match = router.match(module, method, path);
    if (match.kind === "none") {
      return problem(404, "Unknown route", { route: [`No ${module} operation matches ${method} ${path}.`] }, { reason: "unknown-route" });
    }
    if (match.kind === "method") {
      return problem(405, "Method Not Allowed", { method: [`${method} is not allowed here; use ${match.allowed.join(", ")}.`] }, {}, { allow: match.allowed.join(", ") });
    }
    const { route, params } = match;
    const noScope = scopeDenied(production, route.descriptor);
    if (noScope) return noScope;
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
      if (method === "GET" && d?.kind === "list") {
        const changed = churnBeforePage(faults, store, route, params, rawPath, lenientListQuery(query, listPageRules({ env }, d)));
        if (changed && record) record.fault = `churn:${changed}`;
      }
      return route.handler({ req: { method, module, path, query, headers, bodyText }, params, query, body, env, route });
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      process.emitWarning(`sandbox handler error on ${method} ${rawPath}: ${(error as Error).stack ?? String(error)}`);
      return problem(500, "Internal Server Error", {}, { message: (error as Error).message });
    }
  };

  const control = async (req: IncomingMessage, path: string, bodyText: string): Promise<SandboxResponse> => {
    const method = req.method ?? "GET";
    try {
      const refused = controlRefusal(headersOf(req), bodyText);
      if (refused) return refused;
      const body = bodyText.trim() ? JSON.parse(bodyText) : undefined;
      if (path === "/__sandbox/faults") {
        if (method === "GET") return { status: 200, body: { rules: faults.list() } };
        if (method === "DELETE") {
          faults.clear();
          return { status: 200, body: { rules: [] } };
        }
        if (method === "POST" || method === "PUT") {
          const rules: FaultRule[] = Array.isArray(body) ? body : body && Array.isArray(body.rules) ? body.rules : [body];
          return { status: 200, body: { rules: method === "PUT" ? faults.set(rules) : faults.add(...rules) } };
        }
      }
      if (path === "/__sandbox/latency" && (method === "POST" || method === "PUT")) {
        latency.perRequestMs = Number(body?.perRequestMs ?? 0);
        latency.perRecordMs = Number(body?.perRecordMs ?? 0);
        return { status: 200, body: latency };
      }
      if (path === "/__sandbox/requests") {
        if (method === "DELETE") {
          requests.length = 0;
          return { status: 200, body: { requests: [] } };
        }
        const redacted = requests.map((r) => ({
          ...r,
          headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, k === "authorization" || k === "st-app-key" ? "[redacted]" : v])),
          body: r.path === "/connect/token" ? "[redacted]" : r.body,
        }));
        return { status: 200, body: { requests: redacted } };
      }
      if (path === "/__sandbox/expire-tokens" && method === "POST") {
        auth.expireAll();
        return { status: 200, body: { expired: true } };
      }
      if (path === "/__sandbox/health") return { status: 200, body: { ok: true, url: sandbox.url } };
      return problem(404, "Unknown route", { route: [`No sandbox control matches ${method} ${path}.`] }, { reason: "unknown-route" });
    } catch (error) {
      return problem(400, "Bad sandbox control request", { request: [(error as Error).message] });
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const bodyText = await readBody(req);
      const url = new URL(req.url ?? "/", "http://sandbox.local");
      const method = (req.method ?? "GET").toUpperCase();
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const headers = headersOf(req);
      const record: RecordedRequest = { method, path: url.pathname, query, headers, body: bodyText, time: clock().toISOString() };

      if (url.pathname.startsWith("/__sandbox/")) {
        writeResponse(res, await control(req, url.pathname, bodyText));
        return;
      }
      requests.push(record);
      if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);

      const fault = faults.pick(method, url.pathname);
      if (fault) record.fault = fault.name ? `${fault.kind}:${fault.name}` : fault.kind;
      const after = fault && (fault.phase === "after" || fault.kind === "truncatedJson" || fault.kind === "slow" || fault.kind === "trickle");
      if (fault?.kind === "slow") await delay(fault.delayMs ?? 1000);
      let response: SandboxResponse | "reset";
      if (fault && !after) {
        response = faultResponse(fault);
      } else {
        response = api(method, url.pathname, query, headers, bodyText, record);
        if (fault && fault.kind !== "slow" && fault.kind !== "trickle") response = faultResponse(fault, response);
      }
      if (response === "reset") {
        req.socket.destroy();
        return;
      }
      const wait = latency.perRequestMs + latency.perRecordMs * recordCount(response.body);
      if (wait > 0) await delay(wait);
      record.status = response.status;
      if (fault?.kind === "trickle") await trickle(res, response, fault.delayMs ?? 1000, fault.chunks ?? 10);
      else writeResponse(res, response);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        const body = JSON.stringify(problemBody(500, "Internal Server Error", {}, { message: String(error) }));
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(body);
      }
    });
  });
  server.keepAliveTimeout = 5000;

  const { url, port } = await listen(server, options.port, options.host);

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
    clearRequests: () => {
      requests.length = 0;
    },
    issueToken: () => auth.issue().token,
    apiBase: (module: string) => `${url}/${module}/v2/tenant/${credentials.tenant}`,
    close: () => closeServer(server),
  };
  return sandbox;
};
