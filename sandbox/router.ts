/**
 * Route table: `(module, API version, method, path template)` → handler. The version is v2 unless a
 * route names another (telecom serves GET /calls as v2 and v3: two routes). Literal segments win over parameters, so
 * `/customers/contacts` is preferred to `/customers/{id}`. Built-in (specific) routes win over
 * generated ones on the same template; the generated descriptor is then attached to the built-in
 * route for request validation.
 */
import type { HttpMethod, OperationDescriptor } from "../src/operations/types";
import type { FeedOptions } from "./exportFeed";
import type { Prng } from "./prng";
import type { BudgetRule } from "./rateLimit";
import type { Store } from "./store";
import type { ApiRequest, ProductionBehaviours, SandboxCredentials, SandboxResponse } from "./types";

export interface Env {
  store: Store;
  feed: FeedOptions;
  prng: Prng;
  /** The sandbox's seed (data generated lazily, such as Scheduling Pro sessions, derives from it). */
  seed?: number;
  credentials: SandboxCredentials;
  /** Example record per collection key, taken from generated get/list descriptors (fills new records). */
  recordExamples: Map<string, Record<string, unknown>>;
  /** Production behaviours in force (handlers read the ones that concern them). */
  production?: ProductionBehaviours;
}

export interface HandlerContext {
  req: ApiRequest;
  /** Bound path parameters by template name. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  env: Env;
  route: Route;
}

export type Handler = (ctx: HandlerContext) => SandboxResponse;

export interface RouteDef {
  module: string;
  method: HttpMethod;
  /** Template below `/tenant/{tenant}`, e.g. "/customers/{id}/contacts". */
  path: string;
  /** The API version in the tenant base (/<module>/<version>/tenant/…) when it is not v2 (descriptor `version`). */
  version?: string;
  handler: Handler;
  /** Descriptor used for validation (from the generated catalog, or a small built-in one). */
  descriptor?: OperationDescriptor;
  source: "builtin" | "generated";
  /**
   * A request budget of this route besides the tenant's, e.g. Reporting's one run of the same report per
   * minute, each page counting: `{ limit: 1, windowMs: 60_000, per: "path" }` (rateLimit.ts).
   */
  budget?: Omit<BudgetRule, "match">;
}

export interface Route extends RouteDef {
  segments: string[];
  /** Sort key: one char per segment, "0" literal / "1" parameter. */
  rank: string;
}

export type MatchResult =
  | { kind: "match"; route: Route; params: Record<string, string> }
  | { kind: "method"; allowed: string[] }
  | { kind: "none" };

/** The tenant base a route lives under: its module and API version (v2 unless named). */
const baseKey = (module: string, version: string | undefined): string => `${module} ${(version ?? "v2").toLowerCase()}`;

export const splitPath = (path: string): string[] => path.split("/").filter((s) => s !== "");
const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}");
const normalise = (path: string): string => splitPath(path).map((s) => (isParam(s) ? "{}" : s)).join("/");

export class Router {
  /** "module version" → segment count → routes (rank order). */
  private readonly table = new Map<string, Map<number, Route[]>>();
  private readonly byKey = new Map<string, Route>();

  add(def: RouteDef): Route {
    const base = baseKey(def.module, def.version);
    const key = `${base} ${def.method} ${normalise(def.path)}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.source === "builtin" && def.source === "generated") {
        existing.descriptor = def.descriptor ?? existing.descriptor;
        return existing;
      }
      if (def.source === "generated" && existing.source === "generated") return existing;
      // a later built-in replaces: fall through and swap the handler
      existing.handler = def.handler;
      existing.source = def.source;
      existing.descriptor = def.descriptor ?? existing.descriptor;
      return existing;
    }
    const segments = splitPath(def.path);
    const route: Route = { ...def, segments, rank: segments.map((s) => (isParam(s) ? "1" : "0")).join("") };
    this.byKey.set(key, route);
    let byLength = this.table.get(base);
    if (!byLength) this.table.set(base, (byLength = new Map()));
    const list = byLength.get(segments.length) ?? [];
    list.push(route);
    list.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    byLength.set(segments.length, list);
    return route;
  }

  routes(): Route[] {
    return [...this.byKey.values()];
  }

  modules(): string[] {
    return [...new Set([...this.table.keys()].map((k) => k.split(" ")[0]))];
  }

  match(module: string, method: string, path: string, version = "v2"): MatchResult {
    const segments = splitPath(path);
    const candidates = this.table.get(baseKey(module, version))?.get(segments.length);
    if (!candidates) return { kind: "none" };
    const allowed = new Set<string>();
    let best: { route: Route; params: Record<string, string> } | undefined;
    for (const route of candidates) {
      const params = bind(route.segments, segments);
      if (!params) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      best = { route, params };
      break;
    }
    if (best) return { kind: "match", ...best };
    if (allowed.size) return { kind: "method", allowed: [...allowed] };
    return { kind: "none" };
  }
}

const bind = (template: string[], actual: string[]): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    let a: string;
    try {
      a = decodeURIComponent(actual[i]);
    } catch {
      return undefined;
    }
    if (isParam(t)) params[t.slice(1, -1)] = a;
    else if (t.toLowerCase() !== a.toLowerCase()) return undefined;
  }
  return params;
};
