/**
 * Seed parity, statically: the 58 action keys of the earlier component exist in ours, name the
 * operation we mean, carry the seed's labels and input keys (with the seed's required flags), list
 * actions page the seed's way, every action shows an example payload in the seed's shape, and where
 * the seed and ServiceTitan's document disagree the document decides and the docs say so (a "Coming from
 * the earlier component" section of the action; the input's comment explains what the input does).
 */
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { curatedOperations } from "../../src/operations/curated";
import { curatedInputProblems } from "../../src/operations/curated/check";
import { operationRef } from "../../src/operations/catalog";
import { loadModel, renderReference } from "../../scripts/generate-docs";
import { type InputDefs, leafInputs } from "../support/actionInputs";
import { SEED_ACTIONS, SEED_ACTION_KEYS, SEED_INPUTS_WITHOUT_DOCUMENT_FIELD, SEED_OPERATION, SEED_PAGING, SEED_REQUIRED_NOW_EITHER } from "./seedTable";

interface InputDef {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  default?: unknown;
  comments?: string;
  example?: string;
  collection?: string;
  clean?: (value: unknown) => unknown;
}

/** The converted component (what Prismatic receives): inputs are an array of definitions with their keys. */
const actions = component.actions as unknown as Record<string, { display: { label: string }; inputs: InputDef[]; examplePayload?: unknown }>;
const builtByKey = new Map(builtActions().map((b) => [b.key, b]));
const inputsOf = (key: string): Record<string, InputDef> => Object.fromEntries(actions[key].inputs.map((def) => [def.key, def]));
const missingOnPurpose = (key: string, input: string): boolean => Boolean(SEED_INPUTS_WITHOUT_DOCUMENT_FIELD[key]?.[input]);

describe("seed parity: keys, labels, inputs", () => {
  it("the table covers the 58 keys the brief lists, and the component has every one", () => {
    expect(SEED_ACTION_KEYS).toHaveLength(58);
    expect(new Set(SEED_ACTION_KEYS).size).toBe(58);
    expect(Object.keys(SEED_ACTIONS).sort()).toEqual([...SEED_ACTION_KEYS].sort());
    expect(SEED_ACTION_KEYS.filter((key) => !(key in actions))).toEqual([]);
    expect(SEED_ACTION_KEYS).toContain("deletCustomersContact");
  });

  it.each(SEED_ACTION_KEYS)("%s names the intended operation", (key) => {
    const want = SEED_OPERATION[key];
    if (want === "handwritten") {
      expect(builtByKey.has(key)).toBe(false);
      return;
    }
    const built = builtByKey.get(key);
    expect(built && operationRef(built.op)).toBe(want);
  });

  it.each(SEED_ACTION_KEYS)("%s has the seed's label, input keys and required flags", (key) => {
    const row = SEED_ACTIONS[key];
    const inputs = inputsOf(key);
    expect(actions[key].display.label).toBe(row.label);
    const expected = [...row.inputs, "debugRequest", ...(row.list ? SEED_PAGING : [])].filter((name) => !missingOnPurpose(key, name));
    expect(expected.filter((name) => !(name in inputs))).toEqual([]);
    const either = SEED_REQUIRED_NOW_EITHER[key] ?? {};
    const notRequired = row.required.filter((name) => !missingOnPurpose(key, name) && !either[name] && inputs[name]?.required !== true);
    expect(notRequired).toEqual([]);
    // Nothing the seed left optional became required behind the integrations' back.
    if (row.fromSeed) {
      const extraRequired = Object.entries(inputs)
        .filter(([name, def]) => def.required && def.type !== "connection" && !row.required.includes(name))
        .map(([name]) => name);
      expect(extraRequired).toEqual([]);
    }
  });

  it("debug and paging inputs have the seed's types and defaults", () => {
    for (const key of SEED_ACTION_KEYS) {
      expect(inputsOf(key).debugRequest).toMatchObject({ type: "boolean", default: "false", required: false });
    }
    for (const key of SEED_ACTION_KEYS.filter((k) => SEED_ACTIONS[k].list)) {
      const inputs = inputsOf(key);
      expect(inputs.fetchAll).toMatchObject({ type: "boolean", default: "false" });
      expect(inputs.includeTotal).toMatchObject({ type: "boolean", default: "false" });
      expect(inputs.page).toMatchObject({ type: "string" });
      expect(inputs.pageSize).toMatchObject({ type: "string" });
      expect(inputs.customQueryParams).toMatchObject({ type: "string", collection: "keyvaluelist" });
      if (inputs.sort) expect(inputs.sort).toMatchObject({ type: "string" });
      expect(builtByKey.get(key)?.mode).toBe("page");
    }
  });

  it("value-list inputs of the seed are value lists here too", () => {
    const valueLists: Array<[string, string]> = [
      ["assignTechnicians", "technicianIds"],
      ["createBookingByProvider", "uploadedImages"],
      ["createCustomer", "tagTypeIds"],
      ["createInstalledEquipment", "tagTypeIds"],
      ["createJob", "tagTypeIds"],
      ["createLocation", "tagTypeIds"],
      ["createProject", "projectManagerIds"],
      ["createTechnician", "positions"],
    ];
    for (const [key, input] of valueLists) expect(`${key}.${input}:${inputsOf(key)[input].collection}`).toBe(`${key}.${input}:valuelist`);
  });

  it("a seed input that was required and now has a structured alternative is refused only when neither is given", async () => {
    const problems: string[] = [];
    for (const [key, relaxed] of Object.entries(SEED_REQUIRED_NOW_EITHER)) {
      const inputs = inputsOf(key);
      for (const [name, alternatives] of Object.entries(relaxed)) {
        if (!SEED_ACTIONS[key].required.includes(name)) problems.push(`${key}.${name}: the seed did not require it`);
        if (inputs[name]?.required !== false) problems.push(`${key}.${name}: still required`);
        for (const alt of alternatives) if (!inputs[alt] || inputs[alt].required) problems.push(`${key}.${alt}: no optional structured input`);
        // Run the action's perform with every other input left empty: the refusal names the JSON input and its alternatives.
        const jsonLabel = String(inputs[name].label);
        const message = await (component.actions[key].perform as (c: unknown, p: unknown) => Promise<unknown>)({}, {}).then(
          () => "",
          (error: Error) => error.message,
        );
        for (const label of [jsonLabel, ...alternatives.map((alt) => String(inputs[alt].label))]) {
          if (!message.includes(label)) problems.push(`${key}.${name}: the refusal without it does not name "${label}": ${message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every seed action's inputs have a label, comments, an example and a clean", () => {
    const gaps: string[] = [];
    for (const key of SEED_ACTION_KEYS.filter((k) => builtByKey.has(k))) {
      for (const [name, def] of Object.entries(leafInputs(inputsOf(key) as unknown as InputDefs))) {
        if (def.type === "connection") continue;
        if (!def.label || !def.comments || def.example === undefined || typeof def.clean !== "function") gaps.push(`${key}.${name}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it("every seed key is set by curated words (not left to derivation) that name real contract fields", () => {
    const problems: string[] = [];
    const fromOperations = SEED_ACTION_KEYS.filter((key) => SEED_OPERATION[key] !== "handwritten");
    for (const key of fromOperations) {
      const built = builtByKey.get(key);
      const entry = built && curatedOperations[operationRef(built.op)];
      if (!built || !entry) problems.push(`${key}: no curated entry`);
      else if (entry.key !== key) problems.push(`${key}: curated key is ${entry.key}`);
      else problems.push(...curatedInputProblems(built.op, entry).map((p) => `${key}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(fromOperations).toHaveLength(57); // the 58 keys less the hand-written rawRequest
  });

  it("keeps the other cancel-reasons route under its own key", () => {
    expect(operationRef(builtByKey.get("listJobCancelReasons")!.op)).toBe("jpm:JobCancelReasons_GetList");
    expect(operationRef(builtByKey.get("listCancelReasonsForJobs")!.op)).toBe("jpm:Jobs_GetCancelReasons");
  });
});

describe("seed parity: where the seed and ServiceTitan's document disagree, the document wins", () => {
  const docsModel = loadModel();
  const reference = renderReference(docsModel);
  /** The "Coming from the earlier component" lines of an action's section in the reference page. */
  const earlierNotesInDocs = (key: string): string[] => {
    const page = reference.get(`documentation/reference/${docsModel.actionModules.get(key)}.md`) ?? "";
    const section = page.split(/^### /m).find((s) => s.includes(`Key: \`${key}\``)) ?? "";
    const notes = section.split("#### Coming from the earlier component")[1] ?? "";
    return notes.split("\n").filter((line) => line.startsWith("- "));
  };
  /** The input's comment explains the input; the note about the earlier component is in the docs, not in it. */
  const noteOnlyInDocs = (key: string, input: string, note: RegExp) => {
    expect(inputsOf(key)[input].comments).not.toMatch(/earlier component/i);
    expect(earlierNotesInDocs(key).find((line) => line.includes(`(\`${input}\`)`))).toMatch(note);
  };

  const wasText: Array<[string, string]> = [
    ["createBookingByProvider", "isFirstTimeClient"],
    ["createBookingByProvider", "isSendConfirmationEmail"],
    ["createCustomer", "doNotMail"],
    ["createCustomer", "doNotService"],
    ["createJob", "invoiceSignatureIsRequired"],
  ];

  it.each(wasText)("%s.%s is a strict boolean and the docs say why", (key, input) => {
    const def = inputsOf(key)[input];
    noteOnlyInDocs(key, input, /earlier component took free text.*document defines a true\/false field/);
    expect(def.clean?.("TRUE")).toBe(true);
    expect(def.clean?.("false")).toBe(false);
    // The component's cleans record a refusal (reported with every other one before perform) instead of throwing.
    expect((def.clean?.("yes") as { message?: string }).message).toMatch(/expected true or false/);
  });

  it("createAppointment.technicianId takes the document's list of technician IDs and the docs say why", () => {
    const built = builtByKey.get("createAppointment")!;
    expect(built.bindings.find((b) => b.inputKey === "technicianId")).toMatchObject({ placement: "body", name: "technicianIds", wire: "array" });
    const def = inputsOf("createAppointment").technicianId;
    noteOnlyInDocs("createAppointment", "technicianId", /single Technician ID.*takes a list \(technicianIds\)/);
    expect(def.clean?.(["1088"])).toEqual([1088]);
    expect(def.clean?.("1088, 1089")).toEqual([1088, 1089]);
  });

  it("createInstalledEquipmentAttachment offers the seed's File Name: the upload is multipart, where a file name has its place", () => {
    const def = inputsOf("createInstalledEquipmentAttachment").fileName;
    expect(def).toMatchObject({ label: "File Name", required: true });
    expect(def.comments).toMatch(/file part's filename/);
    expect(SEED_INPUTS_WITHOUT_DOCUMENT_FIELD).toEqual({});
  });
});

describe("seed parity: outputs", () => {
  it.each(SEED_ACTION_KEYS)("%s shows an example payload in the seed's shape", (key) => {
    const example = actions[key].examplePayload as { data?: unknown } | undefined;
    expect(example).toHaveProperty("data");
    const row = SEED_ACTIONS[key];
    if (row.list) {
      expect(example?.data).toEqual(
        expect.objectContaining({ page: expect.any(Number), pageSize: expect.any(Number), hasMore: expect.any(Boolean), totalCount: expect.any(Number), data: expect.any(Array) }),
      );
      expect((example?.data as { data: unknown[] }).data.length).toBeGreaterThan(0);
    }
    const built = builtByKey.get(key);
    if (built && /^(get|create|update)/.test(key) && built.op.response?.example && typeof built.op.response.example === "object") {
      // A record action shows the record (the seed's examples all carry the record's fields).
      expect(Object.keys(example?.data as object).length).toBeGreaterThan(0);
    }
  });
});
