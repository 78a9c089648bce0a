/**
 * Programmable faults. Rules are checked in order for every request (control endpoints under
 * /__sandbox excluded); the first rule that matches, still has `times` left and wins its
 * (seeded) `probability` draw is applied.
 */
import { matchesPath, type PathPattern, parsePathPattern } from "./pathMatch";
import { Prng } from "./prng";

export type FaultKind =
  | "status" // any status with optional headers/body
  | "429" // rate limited, Retry-After from `retryAfter`
  | "500"
  | "502"
  | "503"
  | "504" // RFC 7807 error body
  | "reset" // destroy the socket without a response
  | "slow" // wait `delayMs`, then answer normally (phase "after": answer, then wait — the request was processed)
  | "truncatedJson" // status 200, the real body cut in half
  | "html" // status 502, text/html error page (a proxy's)
  | "empty" // status `status` (200 default, or 500) with an empty body
  | "maintenance" // 409 "The service is suspended for maintenance. Please try again later." (passes once `times` is used up)
  | "trickle" // the real response: headers at once, then the body in `chunks` pieces spread over `delayMs`
  | "churn"; // the list changes between two page requests (see ChurnAction)

/**
 * `churn` rules apply only to list requests for a page after the list's first (page 2+, or 1+ for
 * lists that page from 0). Before answering, the sandbox changes the list the request pages through,
 * then serves the page from the changed list — as a live tenant does when someone edits records while a
 * client pages:
 *
 *   { kind: "churn", action: "delete" | "deactivate" | "insert" | "move", match: { path: "**" + "/customers" }, times: 1 }
 *
 * - delete:     removes the last record of the earlier pages (every later record shifts back by one);
 * - deactivate: sets `active: false` on that record (it leaves lists that default to active only);
 * - insert:     adds a copy of that record with a new id (it lands next to it in orders by name or date,
 *               at the end in id order);
 * - move:       edits that record so it moves in the request's sort order: `modifiedOn` becomes now, and
 *               when the sort is by `name`, its name gains a "zz " prefix (in id order only the edit shows).
 * Earlier pages are taken in the request's own sort order among the records the list shows by default
 * (active ones); the mutation goes through the store, so export feeds see it too. Each mutation counts
 * one of `times`; the requests that carried one are recorded with `fault: "churn:<action>"`.
 */
export type ChurnAction = "delete" | "deactivate" | "insert" | "move";

export interface FaultMatch {
  method?: string;
  pathIncludes?: string;
  /**
   * Path pattern tested against the whole path (no query string), matched linearly (pathMatch.ts):
   * segments are literals, `*` or `{name}` for one segment, and at most one `**` for any run.
   */
  path?: string;
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
  /** For "slow" and "trickle" (the time the body takes to arrive). */
  delayMs?: number;
  /** For "trickle": how many pieces the body arrives in (default 10). */
  chunks?: number;
  /** For "churn". */
  action?: ChurnAction;
  /**
   * "before" (default): the request is not processed. "after": the request is processed (state
   * changes happen), then the fault replaces the response — a write that reached the server.
   * truncatedJson and trickle are always "after"; a "slow" fault "after" holds back the real answer.
   */
  phase?: "before" | "after";
}

export interface ActiveFault extends FaultRule {
  kind: FaultKind;
  /** Requests hit so far. */
  hits: number;
  /** Parsed `match.path`. */
  pattern?: PathPattern;
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
  "maintenance",
  "trickle",
  "churn",
];

const CHURN_ACTIONS: readonly ChurnAction[] = ["delete", "deactivate", "insert", "move"];

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
    return this.rules.map(({ pattern: _pattern, ...r }) => ({ ...r }));
  }

  /** Picks the fault for a request (consuming one of its `times`), or undefined. Churn rules excluded. */
  pick(method: string, path: string): ActiveFault | undefined {
    return this.first(method, path, (r) => r.kind !== "churn");
  }

  /** Picks the churn rule for a later-page list request (consuming one of its `times`), or undefined. */
  pickChurn(method: string, path: string): ActiveFault | undefined {
    return this.first(method, path, (r) => r.kind === "churn");
  }

  private first(method: string, path: string, accept: (rule: ActiveFault) => boolean): ActiveFault | undefined {
    for (const rule of this.rules) {
      if (!accept(rule)) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      const m = rule.match;
      if (m?.method && m.method.toUpperCase() !== method.toUpperCase()) continue;
      if (m?.pathIncludes && !path.includes(m.pathIncludes)) continue;
      if (rule.pattern && !matchesPath(rule.pattern, path)) continue;
      if (rule.probability !== undefined && rule.probability < 1 && !this.prng.chance(rule.probability)) continue;
      rule.hits++;
      const { pattern: _pattern, ...picked } = rule;
      return { ...picked };
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
    if (rule.match && "pathRegex" in rule.match) {
      throw new Error("`match.pathRegex` is no longer accepted (a regular expression can run unbounded); use `match.path`, a path pattern such as \"/crm/**\".");
    }
    if (rule.match?.pathIncludes !== undefined && (typeof rule.match.pathIncludes !== "string" || rule.match.pathIncludes.length > 500)) {
      throw new Error("`match.pathIncludes` must be a string of at most 500 characters.");
    }
    if (kind === "churn" && !CHURN_ACTIONS.includes(rule.action as ChurnAction)) {
      throw new Error(`A "churn" fault needs an \`action\`: one of ${CHURN_ACTIONS.join(", ")}.`);
    }
    if (rule.chunks !== undefined && !(Number.isInteger(rule.chunks) && rule.chunks >= 1 && rule.chunks <= 1000)) {
      throw new Error("`chunks` must be an integer between 1 and 1000.");
    }
    const pattern = rule.match?.path !== undefined ? parsePathPattern(rule.match.path) : undefined;
    return { ...rule, kind, hits: 0, pattern };
  }
}
