/**
 * The /__sandbox control endpoints, the same on both sandboxes (no auth; loopback Host and JSON bodies only):
 *
 *   GET|POST|PUT|DELETE /__sandbox/faults     list, add, replace, clear fault rules (faults.ts)
 *   POST|PUT /__sandbox/latency               { perRequestMs, perRecordMs }
 *   GET|DELETE /__sandbox/requests            recorded requests (credentials redacted), or clear them
 *   POST /__sandbox/expire-tokens             every issued token expires now
 *   GET /__sandbox/behaviours                 the profile and the behaviours in force, in order
 *   GET /__sandbox/health                     { ok, url }
 */
import type { FaultController, FaultRule } from "./faults";
import { problem } from "./problem";
import type { LatencySettings, RecordedRequest, SandboxResponse } from "./types";

export interface ControlParts {
  faults: FaultController;
  latency: LatencySettings;
  requests: RecordedRequest[];
  expireTokens(): void;
  /** The base URL the sandbox answers on. */
  url(): string;
  profile: string;
  behaviours: readonly string[];
}

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;
const SECRET_HEADERS = new Set(["authorization", "st-app-key"]);

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

/** Recorded requests without credentials: no Authorization or app key, no token request body. */
const redacted = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
  requests.map((r) => ({
    ...r,
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? "[redacted]" : v])),
    body: r.path === "/connect/token" ? "[redacted]" : r.body,
  }));

export const controlAnswer = (parts: ControlParts, method: string, path: string, headers: Record<string, string>, bodyText: string): SandboxResponse => {
  try {
    const refused = controlRefusal(headers, bodyText);
    if (refused) return refused;
    const body = bodyText.trim() ? JSON.parse(bodyText) : undefined;
    if (path === "/__sandbox/faults") {
      if (method === "GET") return { status: 200, body: { rules: parts.faults.list() } };
      if (method === "DELETE") {
        parts.faults.clear();
        return { status: 200, body: { rules: [] } };
      }
      if (method === "POST" || method === "PUT") {
        const rules: FaultRule[] = Array.isArray(body) ? body : body && Array.isArray(body.rules) ? body.rules : [body];
        return { status: 200, body: { rules: method === "PUT" ? parts.faults.set(rules) : parts.faults.add(...rules) } };
      }
    }
    if (path === "/__sandbox/latency" && (method === "POST" || method === "PUT")) {
      parts.latency.perRequestMs = Number(body?.perRequestMs ?? 0);
      parts.latency.perRecordMs = Number(body?.perRecordMs ?? 0);
      return { status: 200, body: parts.latency };
    }
    if (path === "/__sandbox/requests") {
      if (method === "DELETE") {
        parts.requests.length = 0;
        return { status: 200, body: { requests: [] } };
      }
      return { status: 200, body: { requests: redacted(parts.requests) } };
    }
    if (path === "/__sandbox/expire-tokens" && method === "POST") {
      parts.expireTokens();
      return { status: 200, body: { expired: true } };
    }
    if (path === "/__sandbox/behaviours" && method === "GET") return { status: 200, body: { profile: parts.profile, behaviours: parts.behaviours } };
    if (path === "/__sandbox/health") return { status: 200, body: { ok: true, url: parts.url() } };
    return problem(404, "Unknown route", { route: [`No sandbox control matches ${method} ${path}.`] }, { reason: "unknown-route" });
  } catch (error) {
    return problem(400, "Bad sandbox control request", { request: [(error as Error).message] });
  }
};
