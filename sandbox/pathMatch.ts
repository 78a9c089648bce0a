/**
 * Path patterns for fault rules and request budgets, matched in time linear in the path: a pattern is
 * split into `/` segments; a segment is a literal (case-insensitive), `*` or `{name}` (exactly one
 * segment), and at most one `**` stands for any run of segments (none included). No regular
 * expression is built from the pattern, so no pattern can make matching slow.
 *
 *   "/crm/v2/tenant/{tenant}/customers"   exactly that list
 *   "**" then "/customers"                any path ending in /customers (written as one string)
 *   "/crm/**"                             anything under /crm
 */

export const MAX_PATTERN_LENGTH = 500;

export interface PathPattern {
  source: string;
  head: string[];
  /** Segments after the `**` (undefined: the pattern has no `**`). */
  tail?: string[];
}

const segmentsOf = (path: string): string[] => path.split("/").filter((s) => s !== "");

/** Parses a pattern; throws a plain Error with a reason when it is not one. */
export const parsePathPattern = (source: unknown): PathPattern => {
  if (typeof source !== "string" || source.trim() === "") throw new Error("A path pattern must be a non-empty string.");
  if (source.length > MAX_PATTERN_LENGTH) throw new Error(`A path pattern must be at most ${MAX_PATTERN_LENGTH} characters.`);
  const segments = segmentsOf(source);
  const stars = segments.filter((s) => s === "**").length;
  if (stars > 1) throw new Error('A path pattern may hold "**" at most once.');
  if (stars === 0) return { source, head: segments };
  const at = segments.indexOf("**");
  return { source, head: segments.slice(0, at), tail: segments.slice(at + 1) };
};

const segmentMatches = (pattern: string, actual: string): boolean =>
  pattern === "*" || (pattern.startsWith("{") && pattern.endsWith("}")) || pattern.toLowerCase() === actual.toLowerCase();

const runMatches = (pattern: readonly string[], actual: readonly string[], offset: number): boolean => {
  for (let i = 0; i < pattern.length; i++) if (!segmentMatches(pattern[i], actual[offset + i])) return false;
  return true;
};

/** Whether `path` (no query string) matches the pattern. */
export const matchesPath = (pattern: PathPattern, path: string): boolean => {
  const actual = segmentsOf(path);
  if (!pattern.tail) return actual.length === pattern.head.length && runMatches(pattern.head, actual, 0);
  if (actual.length < pattern.head.length + pattern.tail.length) return false;
  return runMatches(pattern.head, actual, 0) && runMatches(pattern.tail, actual, actual.length - pattern.tail.length);
};
