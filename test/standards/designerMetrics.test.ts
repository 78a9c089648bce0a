/**
 * Issue 15 "Done when": `npm run designer-metrics` measures the BUILT component (dist/index.js) and
 * prints each figure against its target; this test runs it, asserts every figure, and shows that the
 * script fails when a figure misses.
 *
 * One figure is pending: the code inputs the everyday flows require (Create Customer's Locations and
 * Address, Create Job's Appointments) are being replaced by structured inputs on another branch. Until
 * that merges it may not exceed today's count; once it is 0 the allowance (PENDING in the script) must go.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { acceptable, type Figure, measure, type MeasuredComponent, met, PENDING } from "../../scripts/designer-metrics";
import { loadBuiltComponent } from "../../scripts/lib/component";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const runScript = (...args: string[]) =>
  spawnSync(process.execPath, [TSX, "scripts/designer-metrics.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

let built: MeasuredComponent;
let figures: Figure[];
const figure = (id: string): Figure => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

beforeAll(() => {
  // dist/index.js must be the component as it is now (npm test builds it first; a lone jest run may not).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "ensure-built.js")], { cwd: ROOT, stdio: "pipe" });
  built = loadBuiltComponent() as MeasuredComponent;
  figures = measure(built);
}, 300_000);

describe("designer metrics of the built component", () => {
  it.each([
    "fillerComments",
    "typeOnlyComments",
    "repeatingComments",
    "earlierComponentComments",
    "placeholderPayloads",
    "emptyExamplesWhereAnswerIsNot",
  ])("%s: 0", (id) => {
    const f = figure(id);
    expect({ id, value: f.value, examples: f.examples.slice(0, 5) }).toEqual({ id, value: 0, examples: [] });
  });

  it("every action has an output schema", () => {
    const f = figure("actionsWithOutputSchema");
    expect(f.of).toBe(Object.keys(built.actions).length);
    expect({ value: f.value, missing: f.examples }).toEqual({ value: f.of, missing: [] });
  });

  it("every list action has Fetch All right after its required inputs", () => {
    const f = figure("listsWithFetchAllAfterRequired");
    expect(f.of).toBeGreaterThan(80);
    expect({ value: f.value, misplaced: f.examples }).toEqual({ value: f.of, misplaced: [] });
  });

  it("at least 8 actions are important", () => {
    expect(figure("importantActions").value).toBeGreaterThanOrEqual(8);
  });

  it("code inputs required by the everyday flows: target 0, pending the structured-inputs branch (never above today's 3)", () => {
    const f = figure("everydayCodeInputs");
    expect(f.target).toEqual({ kind: "zero" });
    expect(f.value).toBeLessThanOrEqual(3);
    // The allowance goes once the target is met: delete PENDING.everydayCodeInputs in scripts/designer-metrics.ts.
    if (met(f)) expect(PENDING).not.toHaveProperty("everydayCodeInputs");
    expect(Object.keys(PENDING)).toEqual(met(f) ? [] : ["everydayCodeInputs"]);
  });

  it("the script prints every figure with its target and exits 0", () => {
    const run = runScript();
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    for (const f of figures)
      expect(run.stdout).toContain(`  ${f.label}: ${f.of === undefined ? f.value : `${f.value} of ${f.of}`} (target `);
    expect(run.stdout).toMatch(
      /code inputs required by the everyday flows: \d+ \(target 0\) (ok|pending: expected to reach 0 when the structured-inputs branch merges)/,
    );
    console.log(run.stdout);
  }, 120_000);
});

describe("the metrics move when the component gets worse", () => {
  /** One list action and one record action, each with everything the metrics count against. */
  const bad = {
    actions: {
      listThings: {
        key: "listThings",
        display: { label: "List Things" },
        inputs: [
          { key: "connection", type: "connection", required: true },
          { key: "name", type: "string", label: "Name", comments: "Name" },
          { key: "fetchAll", type: "boolean", label: "Fetch All", comments: "Every page." },
        ],
        examplePayload: { data: { data: [{ id: 123, name: "string", createdOn: "2019-08-24T14:15:22Z" }] } },
      },
      createCustomer: {
        key: "createCustomer",
        display: { label: "Create Customer", important: true },
        inputs: [
          {
            key: "locations",
            type: "code",
            required: true,
            label: "Locations",
            comments: "A JSON array of objects, checked against ServiceTitan's schema before sending.",
          },
          {
            key: "doNotMail",
            type: "string",
            label: "Do Not Mail",
            comments: "Stops mail. The earlier component took free text here. Optional: leave empty to leave it out of the request.",
          },
          { key: "address", type: "code", required: true, label: "Address", comments: "Where the customer lives." },
          { key: "extra", type: "code", required: true, label: "Extra", comments: "More." },
          { key: "more", type: "code", required: true, label: "More", comments: "More still." },
        ],
        examplePayload: { data: { id: 28451107, address: {} } },
        outputSchema: { type: "actionOutput", schema: JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }) },
      },
    },
  } as unknown as MeasuredComponent;

  it("counts each offender", () => {
    const worse = Object.fromEntries(measure(bad).map((f) => [f.id, f.of === undefined ? f.value : `${f.value} of ${f.of}`]));
    expect(worse).toEqual({
      fillerComments: 1,
      typeOnlyComments: 1,
      repeatingComments: 1,
      earlierComponentComments: 1,
      placeholderPayloads: 1,
      emptyExamplesWhereAnswerIsNot: 1,
      actionsWithOutputSchema: "1 of 2",
      listsWithFetchAllAfterRequired: "0 of 1",
      everydayCodeInputs: 4,
      importantActions: 1,
    });
    // over today's ceiling the pending figure is no longer acceptable
    expect(
      measure(bad)
        .filter((f) => !acceptable(f))
        .map((f) => f.id),
    ).toContain("everydayCodeInputs");
  });

  it("the script exits non-zero and names what missed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "designer-metrics-"));
    const file = path.join(dir, "bad.js");
    fs.writeFileSync(file, `module.exports = ${JSON.stringify(bad)};\n`);
    const run = runScript(file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("filler comments: 1 (target 0) MISS — e.g. createCustomer.doNotMail");
    expect(run.stderr).toMatch(/^Missed: filler comments; type-only comments; .*important actions\n$/);
  }, 120_000);
});
