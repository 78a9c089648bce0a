/**
 * Programmable faults. Rules are checked in order for every request (control endpoints under
 * /__sandbox excluded); the first rule that matches, still has `times` left and wins its
 * (seeded) `probability` draw is applied.
 */
import { Prng } from "./prng";

export type FaultKind =
  | "status" // any status with optional headers/body
  | "429" // rate limited, Retry-After from `retryAfter`
  | "500"
  | "502"
  | "503"
  | "504" // RFC 7807 error body
  | "reset" // destroy the socket without a response
  | "slow" // wait `delayMs`, then answer normally
  | "truncatedJson" // status 200, the real body cut in half
  | "html" // status 502, text/html error page (a proxy's)
  | "empty"; // status `status` (200 default, or 500) with an empty body

export interface FaultMatch {
  method?: string;
  pathIncludes?: string;
  /** Regular expression source tested against the path (no query string). */
  pathRegex?: string;
}

export interface FaultRule {
  /** Optional name, echoed in recorded requests (`fault`). */
  name?: string;
  match?: FaultMatch;
  /** How many requests the rule hits (default: forever). */
  times?: number;
  /** Chance (0..1) that a matching request is hit, drawn from the seeded PRNG (default 1). */
  probability?: number;
  kind: FaultKind | 429 | 500 | 502 | 503 | 504;
  /** For "status", "empty". */
  status?: number;
  headers?: Record<string, string>;
  /** For "status": JSON value or string body. */
  body?: unknown;
  /** For "429": seconds (number) or an HTTP-date string; omitted = no Retry-After header. */
  retryAfter?: number | string;
  /** For "slow". */
  delayMs?: number;
  /**
   * "before" (default): the request is not processed. "after": the request is processed (state
   * changes happen), then the fault replaces the response — a write that reached the server.
   * truncatedJson is always "after".
   */
  phase?: "before" | "after";
}

export interface ActiveFault extends FaultRule {
  kind: FaultKind;
  /** Requests hit so far. */
  hits: number;
}

const KINDS: readonly FaultKind[] = [
  "status",
  "429",
  "500",
  "502",
  "503",
  "504",
  "reset",
  "slow",
  "truncatedJson",
  "html",
  "empty",
];

export class FaultController {
  private rules: ActiveFault[] = [];
  private readonly prng: Prng;

  constructor(seed = 1) {
    this.prng = new Prng(seed * 7919 + 17);
  }

  /** Adds rules (validated); returns the active list. */
  add(...rules: FaultRule[]): ActiveFault[] {
    for (const rule of rules) this.rules.push(FaultController.normalise(rule));
    return this.list();
  }

  /** Replaces all rules. */
  set(rules: FaultRule[]): ActiveFault[] {
    const normalised = rules.map(FaultController.normalise);
    this.rules = normalised;
    return this.list();
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Picks the fault for a request (consuming one of its `times`), or undefined. */
  pick(method: string, path: string): ActiveFault | undefined {
    for (const rule of this.rules) {
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      const m = rule.match;
      if (m?.method && m.method.toUpperCase() !== method.toUpperCase()) continue;
      if (m?.pathIncludes && !path.includes(m.pathIncludes)) continue;
      if (m?.pathRegex && !new RegExp(m.pathRegex).test(path)) continue;
      if (rule.probability !== undefined && rule.probability < 1 && !this.prng.chance(rule.probability)) continue;
      rule.hits++;
      return { ...rule };
    }
    return undefined;
  }

  static normalise(rule: FaultRule): ActiveFault {
    if (!rule || typeof rule !== "object") throw new Error("A fault rule must be an object.");
    const kind = String(rule.kind) as FaultKind;
    if (!KINDS.includes(kind)) throw new Error(`Unknown fault kind "${String(rule.kind)}"; use one of ${KINDS.join(", ")}.`);
    if (kind === "status" && !(Number.isInteger(rule.status) && rule.status! >= 100 && rule.status! <= 599)) {
      throw new Error('A "status" fault needs an integer `status` between 100 and 599.');
    }
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
      throw new Error("`times` must be a non-negative integer.");
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw new Error("`probability` must be between 0 and 1.");
    }
    if (rule.match?.pathRegex) new RegExp(rule.match.pathRegex);
    return { ...rule, kind, hits: 0 };
  }
}
