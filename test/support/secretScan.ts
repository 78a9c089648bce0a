/**
 * The secret scan: every line the test run writes (console.*, stdout, stderr — which is where the
 * component's logger, debug output and retry warnings end up) is captured per worker by
 * secretScanCapture.ts into ST_SECRET_SCAN_DIR; secretScanTeardown.ts scans the capture files for
 * the known secrets (secrets.ts), the shapes of issued tokens, and every value the component itself
 * registered as a secret during the run (access tokens, app keys, client secrets, webhook keys), and
 * fails the run naming the file and line of each leak — never the secret itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { KNOWN_SECRETS, MIN_DYNAMIC_SECRET_LENGTH, SECRET_PATTERNS } from "./secrets";

/** One captured write. */
export interface CapturedLine {
  /** Test file that was running. */
  testFile: string;
  /** Where the write was made (file:line of the caller), when known. */
  where?: string;
  /** console.log, console.warn, stdout, stderr, … */
  stream: string;
  text: string;
}

export interface Leak {
  secret: string;
  testFile: string;
  where?: string;
  stream: string;
  /** The line with the secret masked. */
  excerpt: string;
}

export const CAPTURE_PREFIX = "capture-";
export const REGISTERED_PREFIX = "registered-";

/** Masks a secret for a report: its first three characters, then its length. */
export const mask = (secret: string): string => `${secret.slice(0, 3)}…(${secret.length} chars)`;

/** Shortest start of a secret that counts as a leak when text is cut right after it. */
export const MIN_FRAGMENT_LENGTH = 8;

/**
 * The start of `secret` left in `text` right before a cut mark ("…"), when text was truncated before
 * being redacted: what a whole-secret search cannot see.
 */
export const cutFragment = (text: string, secret: string): string | undefined => {
  for (let at = text.indexOf("…"); at !== -1; at = text.indexOf("…", at + 1)) {
    for (let k = Math.min(secret.length - 1, at); k >= MIN_FRAGMENT_LENGTH; k -= 1) {
      if (text.slice(at - k, at) === secret.slice(0, k)) return secret.slice(0, k);
    }
  }
  return undefined;
};

/**
 * Every text a thrown error shows to whoever catches, logs or serialises it: JSON.stringify, util.inspect
 * (hidden properties and nesting included) and each string among its own properties, however deep.
 */
export const errorTexts = (error: unknown): string[] => {
  const texts: string[] = [];
  try {
    texts.push(JSON.stringify(error) ?? "");
  } catch (e) {
    texts.push(`JSON.stringify threw: ${(e as Error).message}`);
  }
  texts.push(inspect(error, { depth: 12, showHidden: true, maxStringLength: Number.POSITIVE_INFINITY }));
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === "string") texts.push(value);
    if (!value || typeof value !== "object" || seen.has(value) || depth > 12) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      try {
        walk((value as Record<string | symbol, unknown>)[key], depth + 1);
      } catch {
        // a throwing getter shows nothing
      }
    }
  };
  walk(error, 0);
  return texts;
};

/** Finds every known secret, registered secret and secret-shaped token in the captured lines. */
export const scanLines = (
  lines: CapturedLine[],
  secrets: Record<string, string> = KNOWN_SECRETS,
  patterns: Record<string, RegExp> = SECRET_PATTERNS,
): Leak[] => {
  const leaks: Leak[] = [];
  const values = Object.entries(secrets).filter(([, v]) => typeof v === "string" && v.length >= MIN_DYNAMIC_SECRET_LENGTH);
  for (const line of lines) {
    const found: Array<[string, string]> = [];
    for (const [name, value] of values) if (line.text.includes(value)) found.push([name, value]);
    for (const [name, pattern] of Object.entries(patterns)) {
      for (const m of line.text.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))) {
        found.push([name, m[0]]);
      }
    }
    for (const [name, value] of values) {
      const fragment = cutFragment(line.text, value);
      if (fragment) found.push([`fragment of ${name} at a cut`, fragment]);
    }
    if (!found.length) continue;
    let excerpt = line.text;
    for (const [, value] of found) excerpt = excerpt.split(value).join(`<${mask(value)}>`);
    excerpt = excerpt.replace(/\s+/g, " ").slice(0, 240);
    for (const [name] of found) leaks.push({ secret: name, testFile: line.testFile, where: line.where, stream: line.stream, excerpt });
  }
  return leaks;
};

const readJsonLines = <T>(file: string): T[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Reads a capture directory: the captured lines and the secrets the component registered. */
export const readCaptureDir = (dir: string): { lines: CapturedLine[]; registered: string[] } => {
  const lines: CapturedLine[] = [];
  const registered = new Set<string>();
  if (!existsSync(dir)) return { lines, registered: [] };
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (name.startsWith(CAPTURE_PREFIX)) lines.push(...readJsonLines<CapturedLine>(file));
    if (name.startsWith(REGISTERED_PREFIX)) for (const v of readJsonLines<string>(file)) registered.add(v);
  }
  return { lines, registered: [...registered] };
};

/** Scans a capture directory with the known secrets plus the registered ones. */
export const scanCaptureDir = (dir: string): { lines: number; leaks: Leak[] } => {
  const { lines, registered } = readCaptureDir(dir);
  const secrets: Record<string, string> = { ...KNOWN_SECRETS };
  registered.forEach((value, i) => {
    if (!Object.values(secrets).includes(value)) secrets[`secret registered by the component #${i + 1}`] = value;
  });
  return { lines: lines.length, leaks: scanLines(lines, secrets) };
};

export const formatLeaks = (leaks: Leak[]): string =>
  [
    `Secret scan: ${leaks.length} leak${leaks.length === 1 ? "" : "s"} in the test run's output:`,
    ...leaks.map(
      (l) => `  - ${l.secret} in ${l.stream} while running ${l.testFile}${l.where ? `, written at ${l.where}` : ""}: ${l.excerpt}`,
    ),
  ].join("\n");

/**
 * For test loggers that keep lines to themselves (an array, or nothing): hands each line to the run's
 * secret scan as well, so output a component writes through a test logger is scanned like the console.
 */
export const recordForScan = (stream: string, text: string): void => {
  const dir = process.env.ST_SECRET_SCAN_DIR;
  if (!dir || !text) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { appendFileSync } = require("node:fs") as typeof import("node:fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require("node:path") as typeof import("node:path");
  const testPath = (expect.getState().testPath as string | undefined) ?? "unknown test file";
  const line: CapturedLine = { testFile: path.relative(process.cwd(), testPath), stream, text };
  try {
    appendFileSync(path.join(dir, `${CAPTURE_PREFIX}${process.env.JEST_WORKER_ID ?? "0"}-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
  } catch {
    // the capture must never break a test
  }
};
