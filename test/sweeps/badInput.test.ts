/**
 * Bad-input sweep (issue 9 item 3): for every action in the component (generated and hand-written) and
 * every input, invalid values by type must fail BEFORE any HTTP request, with a message naming the
 * input's label. Each case starts from valid params (every required input's example) and spoils one
 * input, so the failure can only come from that input.
 */
import component from "../../src/index";
import { actions, builtActions } from "../../src/actions";
import type { BuiltAction } from "../../src/actions/fromOperation";
import type { SchemaNode } from "../../src/operations/types";
import { type CaptureServer, captureConnection } from "../support/captureServer";
import { spectral, useCaptureServer } from "../support/harness";
import { ESCAPING_PATHS } from "../foundation/escapingPaths";
import { type InputFacts, type InputDefs, inputFacts, isConnectionInput, namesOf, synthParams } from "../support/actionInputs";

interface BadCase {
  what: string;
  value: unknown;
}

const ID_NAME = /(^id$|Id$|_id$)/;
const BOOLEAN_VALUES = new Set(["", "true", "false"]);

/** A JSON value of the right top-level kind but the wrong inner shape, when the schema allows saying so. */
const wrongInnerShape = (schema: SchemaNode): unknown | undefined => {
  const obj = schema.type === "array" ? schema.items : schema;
  if (!obj || obj.type !== "object" || obj.recursive || !obj.properties) return undefined;
  const wrap = (v: unknown) => (schema.type === "array" ? [v] : v);
  const typed = Object.entries(obj.properties).find(([, p]) => !p.readOnly && (p.type === "integer" || p.type === "boolean" || p.type === "number"));
  if (typed) return wrap({ [typed[0]]: "definitely not a " + typed[1].type });
  if (!(obj.additionalProperties && typeof obj.additionalProperties === "object") && obj.additionalProperties !== true) {
    return wrap({ zzNotAFieldAnywhere: 1 });
  }
  return undefined;
};

/** The invalid values to try for one input, chosen by what the input is. */
export const badCasesFor = (f: InputFacts): BadCase[] => {
  const { def, schema, binding } = f;
  const cases: BadCase[] = [];
  const add = (what: string, value: unknown) => cases.push({ what, value: def.collection === "valuelist" && !Array.isArray(value) ? [value] : value });
  if (def.required) cases.push({ what: "empty required value", value: def.collection ? [] : "" });

  const modelValues = (def.model ?? []).map((m) => m.value);
  const isBoolean = def.type === "boolean" || (modelValues.length > 0 && modelValues.every((v) => BOOLEAN_VALUES.has(v)));
  if (isBoolean) {
    add('"yes" for a strict boolean', "yes");
    return cases;
  }
  if (modelValues.length > 0) add("unknown enum value", "NotOneOfTheChoices");
  if (def.collection === "keyvaluelist") {
    cases.push({ what: "key/value pair without a key", value: [{ key: "", value: "x" }] });
    return cases;
  }
  if (def.type === "code") {
    add("malformed JSON", '{"name": "unterminated');
    if (schema?.type === "array") add("JSON object where an array is expected", '{"a": 1}');
    if (schema?.type === "object") add("JSON array where an object is expected", "[1, 2]");
    const inner = schema ? wrongInnerShape(schema) : undefined;
    if (inner !== undefined) add("JSON of the wrong shape", JSON.stringify(inner));
    return cases;
  }
  if (def.type === "data") return cases;

  const s: SchemaNode | undefined = schema?.type === "array" ? schema.items : schema;
  const example = def.example ?? "";
  // Hand-written inputs have no schema: a numeric example marks a number unless the label says text.
  const isInteger = s ? s.type === "integer" : /^\d+$/.test(example) && !/postal|zip|phone|code|number/i.test(f.label);
  const isId =
    isInteger &&
    (schema
      ? ID_NAME.test(binding?.name ?? "") || /^ids$|Ids$/.test(binding?.name ?? "") || (binding?.placement === "path" && s?.format === "int64")
      : /\bIDs?\b/.test(f.label));
  const idsAsText = !schema && /\bIDs\b/.test(f.label);
  // A hand-written numeric input is surely whole only when its label says it counts or identifies.
  const wholeByLabel = /\bIDs?\b|\bPage\b|Size|Count|Max |Limit|Days|Hours|Minutes|Seconds/i.test(f.label);
  if (isInteger || isId || idsAsText || (schema?.type === "string" && /^ids$|Ids$/.test(binding?.name ?? "") && binding?.placement !== "body")) {
    add("non-numeric value", "abc");
    if (schema || wholeByLabel) add("decimal for a whole number", "12.5");
    if (isId || idsAsText || /^ids$|Ids$/.test(binding?.name ?? "")) {
      add("negative ID", "-5");
      add("zero ID", "0");
    } else if (s?.minimum !== undefined) add("below the minimum", String(s.minimum - 1));
    if (s?.maximum !== undefined) add("above the maximum", String(s.maximum + 1));
    return cases;
  }
  if (s?.type === "number") {
    add("non-numeric value", "abc");
    add("number with a comma", "12,5");
    return cases;
  }
  if (s?.format === "date" || (!s && /^\d{4}-\d{2}-\d{2}$/.test(example) && f.key !== "from")) {
    add("impossible date", "2026-02-30");
    add("not a date", "next tuesday");
    return cases;
  }
  if (s?.format === "date-time" || (!s && /^\d{4}-\d{2}-\d{2}T/.test(example))) {
    add("impossible date", "2026-02-30T10:00:00Z");
    add("impossible time", "2026-01-15T25:00:00Z");
    add("not a date-time", "yesterday");
    return cases;
  }
  if (s?.format === "guid" || s?.format === "uuid") add("malformed GUID", "not-a-guid");
  if (s?.maxLength !== undefined) add("text longer than allowed", "x".repeat(s.maxLength + 1));
  if (s?.pattern) add("text not matching the pattern", "!!not-matching!!");
  return cases;
};

/** Extra hazards of hand-written inputs that no type rule describes. */
const SPECIAL_CASES: Record<string, Record<string, BadCase[]>> = {
  rawRequest: {
    path: [
      { what: "absolute URL (token would leave ServiceTitan)", value: "https://attacker.example/customers" },
      { what: "path climbing out of the tenant base", value: "/customers/../../other" },
      ...ESCAPING_PATHS.map((value) => ({ what: "path the URL parser reads as a way out of the tenant base", value })),
    ],
  },
  // a report page holds up to 25,000 rows (reporting-v2), not the shared 5,000
  runReport: { pageSize: [{ what: "page size above 25000", value: "25001" }] },
};
/** Limits of the shared paging and sort inputs (src/inputs/shared.ts); not of contract fields of the same name. */
const SHARED_CASES: Record<string, BadCase[]> = {
  sort: [{ what: "sort with spaces and symbols", value: "name; drop" }],
  pageSize: [{ what: "page size above 5000", value: "5001" }],
  page: [{ what: "page 0", value: "0" }],
};
/** The shared cases of one input; Page is one below the list's own first page (0 where the document starts there). */
const sharedCasesFor = (key: string, built?: BuiltAction): BadCase[] =>
  key === "page" && built?.op.params.find((p) => p.name === "page")?.schema.minimum === 0
    ? [{ what: "page -1 (this list starts at page 0)", value: "-1" }]
    : (SHARED_CASES[key] ?? []);

describe("bad-input sweep: every action, every input, invalid values fail before any request", () => {
  let server: CaptureServer;
  const harness = spectral;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  it("rejects every invalid value cleanly, naming the input", async () => {
    const connection = captureConnection(server);
    const byKey = new Map<string, BuiltAction>(builtActions().map((b) => [b.key, b]));
    const baselines: Record<string, Record<string, unknown>> = {
      rawRequest: { module: "crm", method: "GET", path: "/customers" },
    };
    const failures: string[] = [];
    let caseCount = 0;
    const actionKeys = Object.keys(actions);
    expect(actionKeys.sort()).toEqual(Object.keys(component.actions).sort());

    for (const key of actionKeys) {
      const definition = actions[key];
      const inputs = definition.inputs as unknown as InputDefs;
      const base = synthParams(inputs, connection, { overrides: baselines[key] });
      for (const facts of inputFacts(inputs, byKey.get(key))) {
        if (isConnectionInput(facts.def)) continue;
        const special = SPECIAL_CASES[key]?.[facts.key];
        const shared = facts.binding || (special && facts.key in SHARED_CASES) ? [] : sharedCasesFor(facts.key, byKey.get(key));
        const cases = [...badCasesFor(facts), ...(special ?? []), ...shared];
        for (const c of cases) {
          caseCount += 1;
          server.clear();
          const where = `${key}.${facts.key} (${c.what}: ${JSON.stringify(c.value).slice(0, 60)})`;
          try {
            await harness.action(key, { ...base, [facts.key]: c.value });
            failures.push(`${where}: accepted`);
          } catch (error) {
            const message = (error as Error)?.message ?? String(error);
            const names = namesOf(facts.key, facts.def);
            if (!names.some((n) => message.includes(n))) failures.push(`${where}: message does not name "${names.join('" or "')}": ${message}`);
          }
          if (server.requests.length) failures.push(`${where}: ${server.requests.length} request(s) reached the server`);
        }
      }
    }
    if (failures.length) {
      console.log(`${actionKeys.length} actions × ${caseCount} cases: ${failures.length} failures`);
      throw new Error(`${failures.length} bad inputs were not rejected cleanly:\n${failures.join("\n")}`);
    }
    console.log(`${actionKeys.length} actions × ${caseCount} cases: all rejected cleanly`);
    expect(caseCount).toBeGreaterThan(actionKeys.length);
  });
});
