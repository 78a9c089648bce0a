/**
 * What loading the component must not do (issue 16 item 9: cold start does not grow with the catalog).
 * Checked in a fresh node process on the built bundle, so nothing jest or another test loaded counts.
 *
 * - No locale formatting: the first `toLocaleString` / `Intl.NumberFormat` / `Intl.DateTimeFormat` of a
 *   process loads ICU data, tens of milliseconds of every cold start (a Fetch All comment built with
 *   `toLocaleString` at load once cost more than all the catalog's descriptors).
 * - No catalog descriptor parsed: the generated descriptors are JSON modules read on first use.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BUNDLE = path.join(ROOT, "dist", "index.js");

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "ensure-built.js")], { cwd: ROOT, stdio: "pipe" });
}, 300_000);

/** Runs `probe` (JavaScript) before and `report` after requiring the bundle in a fresh process; returns what report prints. */
const afterLoad = (probe: string, report: string): string =>
  execFileSync(process.execPath, ["-e", `${probe}\nrequire(${JSON.stringify(BUNDLE)});\n${report}`], { encoding: "utf8" });

test("loading the component formats no number or date by locale", () => {
  const calls = afterLoad(
    `const seen = [];
     const wrap = (owner, name, label) => { const f = owner[name]; owner[name] = function (...a) { seen.push(label); return f.apply(this, a); }; };
     wrap(Number.prototype, "toLocaleString", "Number#toLocaleString");
     wrap(Date.prototype, "toLocaleString", "Date#toLocaleString");
     wrap(Date.prototype, "toLocaleDateString", "Date#toLocaleDateString");
     const NF = Intl.NumberFormat, DF = Intl.DateTimeFormat;
     Intl.NumberFormat = function (...a) { seen.push("Intl.NumberFormat"); return new NF(...a); };
     Intl.DateTimeFormat = function (...a) { seen.push("Intl.DateTimeFormat"); return new DF(...a); };`,
    "process.stdout.write(JSON.stringify(seen));",
  );
  expect(JSON.parse(calls)).toEqual([]);
});

test("loading the component parses no catalog descriptor; running an action parses its module's only", () => {
  // Each module's descriptors are one JSON module, which webpack inlines as JSON.parse of '[{"module":…'.
  const big = afterLoad(
    `const seen = []; const parse = JSON.parse;
     JSON.parse = function (text, ...rest) { if (typeof text === "string" && text.startsWith('[{"module":')) seen.push(text.slice(0, 40)); return parse.call(this, text, ...rest); };`,
    `const atLoad = seen.length;
     require(${JSON.stringify(BUNDLE)}).default.actions.listJobs;
     process.stdout.write(JSON.stringify({ atLoad, afterRead: seen }));`,
  );
  const { atLoad, afterRead } = JSON.parse(big) as { atLoad: number; afterRead: string[] };
  expect(atLoad).toBe(0);
  expect(afterRead).toEqual([expect.stringContaining('"module":"jpm"')]);
});
