/**
 * Input standards as code (issue 10 item 3), over every action, data source and trigger of the
 * component: every input explains itself (label, comments, example) and is cleaned; booleans say what
 * true does; actions have a description, an example payload and an honest performSafety; labels are
 * Title Case; action labels are unique within a module.
 */
import component from "../../src/index";
import { actions, builtActions } from "../../src/actions";
import { dataSources } from "../../src/dataSources";
import { areaTriggers } from "../../src/areas";
import { MODULE_LABELS } from "../../src/operations/naming";
import { InvalidInput } from "../../src/inputs/allErrors";
import { childInputs, type InputDef, type InputDefs, isConnectionInput, isStructuredInput, labelOf, leafInputs, synthParams } from "../support/actionInputs";
import { captureConnection, startCaptureServer } from "../support/captureServer";
import { spectral } from "../support/harness";

/** Every trigger belongs to a product area (src/areas.ts). */
const triggers = areaTriggers as Record<string, { inputs?: unknown }>;

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "vs", "per", "via"]);

/**
 * Title Case: every word starts with a capital or a digit, except small words after the first. A
 * trailing parenthesised unit or qualifier, "(seconds)", is a note rather than part of the title.
 */
export const titleCaseProblems = (label: string): string[] => {
  const words = label.replace(/\s*\([^)]*\)\s*$/, "").split(/[\s/]+/).filter(Boolean);
  const bad: string[] = [];
  words.forEach((raw, i) => {
    const w = raw.replace(/^[("'[]+|[)"'\],.:;]+$/g, "");
    if (!w || /^[^A-Za-z]/.test(w)) return;
    if (i > 0 && SMALL_WORDS.has(w)) return;
    if (!/^[A-Z]/.test(w)) bad.push(raw);
  });
  return bad;
};

const isBooleanInput = (def: InputDef): boolean => {
  if (def.type === "boolean") return true;
  const values = (def.model ?? []).map((m) => m.value);
  return values.length > 0 && values.every((v) => v === "" || v === "true" || v === "false");
};

interface Owner {
  kind: "action" | "data source" | "trigger";
  key: string;
  inputs: InputDefs;
}

const owners: Owner[] = [
  ...Object.entries(actions).map(([key, d]) => ({ kind: "action" as const, key, inputs: d.inputs as unknown as InputDefs })),
  ...Object.entries(dataSources).map(([key, d]) => ({ kind: "data source" as const, key, inputs: (d.inputs ?? {}) as unknown as InputDefs })),
  ...Object.entries(triggers).map(([key, d]) => ({ kind: "trigger" as const, key, inputs: (d.inputs ?? {}) as unknown as InputDefs })),
];

/** Hand-written actions marked "safe": their method is declared nowhere, so they are watched on the wire. */
const generatedKeys = new Set(builtActions().map((b) => b.key));
const handWrittenSafe = Object.entries(actions)
  .filter(([key, d]) => !generatedKeys.has(key) && (d as unknown as { performSafety?: string }).performSafety === "safe")
  .map(([key]) => key);

const report = (problems: string[], what: string) => {
  if (problems.length) throw new Error(`${problems.length} ${what}:\n${problems.join("\n")}`);
};

describe("input standards", () => {
  it("covers exactly the component's actions, data sources and triggers", () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(component.actions).sort());
    expect(Object.keys(dataSources).sort()).toEqual(Object.keys(component.dataSources ?? {}).sort());
    expect(Object.keys(triggers).sort()).toEqual(Object.keys(component.triggers ?? {}).sort());
    console.log(
      `input standards over ${Object.keys(actions).length} actions, ${Object.keys(dataSources).length} data sources, ${Object.keys(triggers).length} triggers, ${owners.reduce((n, o) => n + Object.keys(o.inputs).length, 0)} inputs`,
    );
  });

  it("every input has a label, comments, an example and a clean (connections excepted from the last two)", () => {
    const problems: string[] = [];
    for (const o of owners) {
      for (const [key, def] of Object.entries(o.inputs)) {
        const where = `${o.kind} ${o.key}.${key}`;
        if (!labelOf(def).trim()) problems.push(`${where}: no label`);
        if (!def.comments?.trim()) problems.push(`${where}: no comments`);
        if (isConnectionInput(def)) continue;
        // A structured object has no example or clean of its own (Spectral cleans it field by field): its fields do.
        for (const [field, leaf] of isStructuredInput(def) ? Object.entries(childInputs(def)) : [["", def] as const]) {
          const at = field ? `${where}.${field}` : where;
          if (field && !labelOf(leaf).trim()) problems.push(`${at}: no label`);
          if (field && !leaf.comments?.trim()) problems.push(`${at}: no comments`);
          if (leaf.example === undefined || String(leaf.example).trim() === "") problems.push(`${at}: no example`);
          if (typeof leaf.clean !== "function") problems.push(`${at}: no clean`);
        }
      }
    }
    report(problems, "inputs fall short");
  });

  it("every code input opens empty and shows a complete, valid example (issue 15 item 1)", () => {
    // Empty: a template sent as data is the bug to avoid. Valid: the example passes the input's own clean, which
    // checks it against ServiceTitan's schema. Complete: no placeholder values such as "Example" or "string".
    const problems: string[] = [];
    let count = 0;
    for (const o of owners) {
      for (const [key, def] of Object.entries(o.inputs)) {
        if (def.type !== "code") continue;
        count += 1;
        const where = `${o.kind} ${o.key}.${key}`;
        if (def.default !== undefined && def.default !== "") problems.push(`${where}: opens with ${String(def.default).slice(0, 60)}`);
        const example = String(def.example ?? "");
        const cleaned = def.clean?.(example);
        if (cleaned === undefined) problems.push(`${where}: no example`);
        else if (cleaned instanceof InvalidInput) problems.push(`${where}: example refused: ${cleaned.message}`);
        if (/"(Example|string|value)"\s*[,}\]]/.test(example)) problems.push(`${where}: placeholder in ${example.slice(0, 80)}`);
      }
    }
    expect(count).toBeGreaterThan(50);
    report(problems, "code inputs fall short");
  });

  it('boolean inputs say what true does ("When true, …")', () => {
    const problems: string[] = [];
    for (const o of owners) {
      for (const [key, def] of Object.entries(o.inputs)) {
        if (isBooleanInput(def) && !/^When true\b/.test(def.comments ?? "")) {
          problems.push(`${o.kind} ${o.key}.${key}: comments start "${(def.comments ?? "").slice(0, 50)}"`);
        }
      }
    }
    report(problems, "boolean inputs do not say what true does");
  });

  it("input labels are Title Case", () => {
    const problems: string[] = [];
    for (const o of owners) {
      for (const [key, def] of Object.entries({ ...o.inputs, ...leafInputs(o.inputs) })) {
        const bad = titleCaseProblems(labelOf(def));
        if (bad.length) problems.push(`${o.kind} ${o.key}.${key}: "${labelOf(def)}" (${bad.join(", ")})`);
      }
    }
    report(problems, "input labels are not Title Case");
  });

  it("every action has a Title Case label, a description, an example payload and an honest performSafety", () => {
    const problems: string[] = [];
    const byKey = new Map(builtActions().map((b) => [b.key, b]));
    for (const [key, d] of Object.entries(actions)) {
      const def = d as unknown as {
        display?: { label?: string; description?: string };
        examplePayload?: unknown;
        performSafety?: string;
      };
      const label = def.display?.label ?? "";
      if (!label.trim()) problems.push(`${key}: no label`);
      const bad = titleCaseProblems(label);
      if (bad.length) problems.push(`${key}: label "${label}" is not Title Case (${bad.join(", ")})`);
      if (!def.display?.description?.trim()) problems.push(`${key}: no description`);
      if (def.examplePayload === undefined) problems.push(`${key}: no examplePayload`);
      if (def.performSafety === "safe") {
        const built = byKey.get(key);
        if (built && built.op.method !== "GET") problems.push(`${key}: performSafety "safe" but ${built.op.method} is not a read`);
      }
    }
    report(problems, "actions fall short");
  });

  it('hand-written actions marked "safe" only read: each sends at least one request, and every request is a GET', async () => {
    // Their method is not declared anywhere, so watch them: run each against a capture server that answers
    // every read with an empty page, with every input filled from its example (so each does its searches).
    // A failed run is a failure here, never swallowed: an action that threw early has shown nothing.
    const server = await startCaptureServer();
    server.setResponder(() => ({ status: 200, body: { page: 1, pageSize: 50, hasMore: false, totalCount: 0, data: [] } }));
    const harness = spectral;
    const problems: string[] = [];
    try {
      const connection = captureConnection(server);
      for (const key of handWrittenSafe) {
        server.clear();
        const inputs = (actions[key] as unknown as { inputs: InputDefs }).inputs;
        const failed = await harness.action(key, synthParams(inputs, connection, { optional: true })).then(
          () => undefined,
          (error: Error) => error.message,
        );
        if (failed) problems.push(`${key}: failed instead of reading: ${failed}`);
        if (server.requests.length === 0) problems.push(`${key}: sent no request, so nothing was checked`);
        for (const req of server.requests) if (req.method !== "GET") problems.push(`${key}: performSafety "safe" but it sent ${req.method} ${req.path}`);
      }
    } finally {
      await server.close();
    }
    expect(handWrittenSafe.length).toBeGreaterThan(0);
    report(problems, "unsafe \"safe\" actions");
  });

  it("action labels are unique within a module", () => {
    const byModule = new Map<string, Map<string, string[]>>();
    const moduleOf = new Map(builtActions().map((b) => [b.key, MODULE_LABELS[b.op.module]]));
    for (const [key, d] of Object.entries(actions)) {
      const module = moduleOf.get(key) ?? `hand-written:${key}`;
      const label = ((d as unknown as { display?: { label?: string } }).display?.label ?? "").trim().toLowerCase();
      const labels = byModule.get(module) ?? new Map<string, string[]>();
      labels.set(label, [...(labels.get(label) ?? []), key]);
      byModule.set(module, labels);
    }
    const problems: string[] = [];
    for (const [module, labels] of byModule) {
      for (const [label, keys] of labels) if (keys.length > 1) problems.push(`${module}: "${label}" is used by ${keys.join(", ")}`);
    }
    report(problems, "duplicate action labels");
  });

  it("the Title Case rule itself catches lower-case words", () => {
    expect(titleCaseProblems("List Customer Contacts")).toEqual([]);
    expect(titleCaseProblems("Modified on or After")).toEqual([]);
    expect(titleCaseProblems("Arrival Window Length (seconds)")).toEqual([]);
    expect(titleCaseProblems("Create a customer")).toEqual(["customer"]);
    expect(titleCaseProblems("list customer contacts")).toEqual(["list", "customer", "contacts"]);
  });
});
