/**
 * The built component (dist/index.js) is exactly the component Spectral makes from our sources (issue 16
 * item 9). The bundle differs from a plain `component()` call in two ways, both for cold start: webpack
 * runs Spectral's convertComponent through scripts/webpack/spectralColdStart.js, and actions are made on
 * first read (src/actions/index.ts). Neither may change what Prismatic reads.
 *
 * Compared here: the component jest loads from src/ with the Spectral of node_modules, untouched, against
 * the bundle — every key in order, every value, every input of every action, trigger, data source and
 * connection (functions by presence), dumped as JSON text.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BUNDLE = path.join(ROOT, "dist", "index.js");

/** A JSON-able copy of a converted component: enumerable keys in order (getters read), functions as "[function]". */
const dump = (value: unknown, seen = new Set<unknown>()): unknown => {
  if (typeof value === "function") return "[function]";
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[cycle]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => dump(v, seen));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = dump((value as Record<string, unknown>)[key], seen);
    return out;
  } finally {
    seen.delete(value);
  }
};

type Converted = { actions: Record<string, unknown>; triggers: Record<string, unknown>; dataSources: Record<string, unknown> };

let bundled: Converted;
let fromSource: Converted;

beforeAll(() => {
  // dist/index.js must be the component as it is now (npm test builds it first; a lone jest run may not).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "ensure-built.js")], { cwd: ROOT, stdio: "pipe" });
  bundled = require(BUNDLE).default;
  fromSource = require("../../src").default;
}, 300_000);

test("loading the bundle builds no catalog action; running one builds that one only", () => {
  // A fresh copy of the bundle (the other tests read every action of theirs).
  let fresh: Converted | undefined;
  jest.isolateModules(() => {
    fresh = require(BUNDLE).default;
  });
  const keys = Object.keys(fresh!.actions);
  const unread = (key: string) => typeof Object.getOwnPropertyDescriptor(fresh!.actions, key)?.get === "function";
  expect(keys.filter((key) => !unread(key))).toEqual([]);
  expect((fresh!.actions.listJobs as { key: string }).key).toBe("listJobs");
  expect(keys.filter((key) => !unread(key))).toEqual(["listJobs"]);
  expect(Object.keys(fresh!.actions)).toEqual(keys); // same keys, same order after a read
});

test("loading the bundle builds no data source; reading one builds that one only", () => {
  let fresh: Converted | undefined;
  jest.isolateModules(() => {
    fresh = require(BUNDLE).default;
  });
  const keys = Object.keys(fresh!.dataSources);
  expect(keys.length).toBeGreaterThan(90);
  const unread = (key: string) => typeof Object.getOwnPropertyDescriptor(fresh!.dataSources, key)?.get === "function";
  expect(keys.filter((key) => !unread(key))).toEqual([]);
  expect((fresh!.dataSources.selectJob as { key: string }).key).toBe("selectJob");
  expect(keys.filter((key) => !unread(key))).toEqual(["selectJob"]);
  expect(Object.keys(fresh!.dataSources)).toEqual(keys);
});

test("the bundle converts to the same component as Spectral does from the sources, key for key", () => {
  expect(Object.keys(bundled.actions).length).toBeGreaterThan(300);
  const a = JSON.stringify(dump(bundled));
  const b = JSON.stringify(dump(fromSource));
  if (a !== b) {
    // Name the first difference instead of printing two multi-megabyte strings.
    let at = 0;
    while (at < a.length && a[at] === b[at]) at += 1;
    throw new Error(`bundle and sources differ at character ${at}:\n bundle: …${a.slice(at - 200, at + 200)}\n source: …${b.slice(at - 200, at + 200)}`);
  }
  expect(a).toBe(b);
});

test("each action of the bundle runs the perform Spectral made for it", () => {
  // Same shape is not enough: the converted perform must be a working wrapper around ours (cleaners
  // applied, errors through the component's hook). An input error before any request proves both.
  const action = bundled.actions.getCustomer as { perform: (context: unknown, params: unknown) => Promise<unknown> };
  return expect(
    action.perform({ logger: { info() {}, warn() {}, error() {}, debug() {} }, debug: { enabled: false } }, { customerId: "not-a-number" }),
  ).rejects.toThrow(/Customer ID/);
});
