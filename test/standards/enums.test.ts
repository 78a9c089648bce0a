/**
 * Every closed value set is a dropdown (issue 15 item 7), measured over the action index (the same
 * definitions the built component exports):
 *  (a) contract enums — a scalar enum, or a list whose items are an enum — carry a `model` whose values
 *      are exactly the contract's, and their clean refuses any other value;
 *  (b) "prose enums" — fields whose values the documents give only in words: found by scanning every
 *      parameter and request-body field description of the official documents ("Values: [A, B]",
 *      "Available fields are: …", "Supported … are …", "Options: …", "(A/B)", "can be one of …"), by the
 *      same-named field of the operation family's responses carrying an enum (a booking contact's type,
 *      a task's status) or, failing that, of any response of the module (a weaker hint: OPEN lists the
 *      ones that name another thing), and by the few facts the documents state elsewhere (FACTS below);
 *  (c) Raw Request's Module reads "<label> (<key>)".
 * A value set that is open in practice (tenant-defined, or never listed) is left as text: OPEN says why.
 */
import { actions, builtActions } from "../../src/actions";
import type { BuiltAction } from "../../src/actions/fromOperation";
import { InvalidInput } from "../../src/inputs/allErrors";
import { API_MODULES } from "../../src/operations/modules";
import { responseShapeOf } from "../../src/operations/outputSchema";
import type { SchemaNode, Shape } from "../../src/operations/types";
import { type InputDef, type InputDefs, schemaForBinding } from "../support/actionInputs";
import { describeWithDocs, loadDocument } from "../support/openapiDocs";

const inputsOf = (key: string): InputDefs => actions[key].inputs as unknown as InputDefs;
const modelValues = (def: InputDef): string[] => (def.model ?? []).map((m) => m.value).filter((v) => v !== "");
const lower = (xs: string[]) => xs.map((x) => x.toLowerCase()).sort();

/** Refused by clean: it throws, or (as every action's inputs do, src/inputs/allErrors.ts) records an InvalidInput. */
const refuses = (def: InputDef, value: unknown): boolean => {
  try {
    return def.clean?.(value) instanceof InvalidInput;
  } catch {
    return true;
  }
};
const platformValue = (def: InputDef, v: string): unknown => (def.collection === "valuelist" ? [v] : v);

// ---- (b) finding prose enums ------------------------------------------------------------------------------------

/** Phrasings the documents use to list a field's values; the first group holds the list. */
const PROSE: RegExp[] = [
  /Values:\s*\[([^\]]+)\]/,
  /Available fields are:?\s*([^\n]+)/i,
  /sorting by the specified field:\s*([A-Z]\w*(?:,\s*[A-Z]\w*)+)/,
  /Options:\s*([^\n]+)/,
  /Supported \w+ are:?\s*([^\n]+)/i,
  /can be one of:?\s*([^\n]+)/i,
  /\(([A-Z][a-z]+(?:\/[A-Z][a-z]+)+)\)/,
];

/** The values a description lists, or undefined. */
const proseValues = (description: string | undefined): string[] | undefined => {
  if (!description) return undefined;
  const text = description.replace(/\\\n/g, "\n").replace(/\\$/gm, "");
  for (const re of PROSE) {
    const m = re.exec(text);
    if (!m) continue;
    const list = m[1]
      .replace(/\([^)]*\)/g, "") // "Date (Year + Month)"
      .replace(/\.\s.*$|\.$/s, "") // the sentence ends the list
      .split(/,|\/|\band\b|\bor\b/)
      .map((v) => v.trim().replace(/^["'`]|["'`]$/g, "").trim())
      .filter((v) => /^[A-Za-z][A-Za-z0-9]*$/.test(v));
    if (list.length >= 2) return [...new Set(list)];
  }
  return undefined;
};

/** Facts the documents state for the same field elsewhere (the field's own description lists nothing). */
const PRIORITIES = ["Low", "Normal", "High", "Urgent"];
const FACTS: Array<{ where: RegExp; field: string; values: string[]; source: string }> = [
  {
    where: /^jpm:(Jobs_Create|Jobs_Update|JobTypes_Create|JobTypes_Update|JobTypes_GetList)$/,
    field: "priority",
    values: PRIORITIES,
    source: "List Jobs' priority filter names the four; CRM bookings/leads and Task Management tasks give them as an enum",
  },
  {
    where: /^accounting:Invoices_GetList$/,
    field: "orderByDirection",
    values: ["asc", "desc"],
    source: "the document: desc (or descending) orders descending, anything else ascending; job types' Order By Direction names asc and desc",
  },
];

/**
 * Value sets the scan finds that are open in practice (tenant-defined) or wrongly hinted: left as text on
 * purpose, each with the reason. Fields whose document names no values at all (the Sort of the Accounting
 * lists that say only "Applies sorting by specified fields", Invoices' Order By) stay text without an
 * entry here.
 */
const OPEN: Record<string, string> = {
  "jpm:Projects_GetList:status":
    "project statuses are the tenant's own (List Project Statuses), plus None; the appointment status enum of the module is another thing",
  "accounting:GlAccounts_CreateAccount:type":
    "GL account types are the tenant's chart of accounts (List GL Account Types); the module's item type enum is another thing",
  "accounting:GlAccounts_UpdateAccount:type":
    "GL account types are the tenant's chart of accounts (List GL Account Types); the module's item type enum is another thing",
  "accounting:Invoices_UpdateInvoiceTask:status":
    "an invoice task's status: the document gives no values, and the module's bill status enum is another thing",
};

interface Found {
  where: string;
  field: string;
  values: string[];
  how: "prose" | "response enum" | "module response enum" | "fact";
}

/** The field descriptions of one operation in its document: query parameters and request-body properties. */
const describedFields = (doc: any, operationId: string): Array<{ name: string; description?: string }> => {
  const out: Array<{ name: string; description?: string }> = [];
  const resolve = (s: any): any => {
    let node = s;
    while (node?.$ref) node = doc.components.schemas[String(node.$ref).split("/").pop() as string];
    return node;
  };
  for (const item of Object.values<any>(doc.paths)) {
    for (const op of Object.values<any>(item)) {
      if (op?.operationId !== operationId) continue;
      for (const p of op.parameters ?? []) if (p.in === "query") out.push({ name: p.name, description: p.description });
      for (const c of Object.values<any>(op.requestBody?.content ?? {})) {
        const schema = resolve(c.schema);
        for (const [name, prop] of Object.entries<any>(schema?.properties ?? {})) out.push({ name, description: prop?.description });
      }
    }
  }
  return out;
};

/** Enum values of a same-named property anywhere in a response shape ("statuses" matches "status"). */
const shapeEnum = (shape: Shape | undefined, name: string): string[] | undefined => {
  const wanted = new Set([name, name.replace(/ies$/, "y"), name.replace(/(s|es)$/, "")]);
  const walk = (s: Shape | undefined): string[] | undefined => {
    if (s === undefined || typeof s === "string") return undefined;
    if (Array.isArray(s)) return walk(s[0]);
    for (const [k, v] of Object.entries(s)) {
      if (wanted.has(k) && typeof v === "string") {
        const m = /=(.*)$/.exec(v);
        if (m) return m[1].split("|");
      }
      const deeper = typeof v === "object" ? walk(v as Shape) : undefined;
      if (deeper) return deeper;
    }
    return undefined;
  };
  return walk(shape);
};

const isOpenText = (schema: SchemaNode | undefined): boolean =>
  Boolean(schema && (schema.type === "string" || schema.type === undefined) && !schema.enum?.length && !schema.format);

/** Every prose enum of the catalog's operations, with the input that offers it. */
const findProseEnums = (): Found[] => {
  const found: Found[] = [];
  const byTag = new Map<string, BuiltAction[]>();
  for (const b of builtActions()) byTag.set(`${b.op.module}:${b.op.tag}`, [...(byTag.get(`${b.op.module}:${b.op.tag}`) ?? []), b]);
  for (const built of builtActions()) {
    const { op } = built;
    const where = `${op.module}:${op.operationId}`;
    const doc = loadDocument(op.module);
    const fields = describedFields(doc, op.operationId);
    const schemaOf = (name: string): SchemaNode | undefined =>
      op.params.find((p) => p.in === "query" && p.name === name)?.schema ?? op.body?.schema?.properties?.[name];
    const seen = new Set<string>();
    for (const { name, description } of fields) {
      const schema = schemaOf(name);
      const leaf = schema?.type === "array" ? schema.items : schema;
      if (!leaf || leaf.enum?.length || leaf.type === "boolean" || seen.has(name)) continue;
      const values = proseValues(description);
      if (values) {
        seen.add(name);
        found.push({ where, field: name, values, how: "prose" });
      }
    }
    for (const fact of FACTS) {
      if (fact.where.test(where) && schemaOf(fact.field) && !seen.has(fact.field)) {
        seen.add(fact.field);
        found.push({ where, field: fact.field, values: fact.values, how: "fact" });
      }
    }
    // A text field whose same-named field in the family's responses is an enum.
    const family = byTag.get(`${op.module}:${op.tag}`) ?? [];
    for (const { name } of fields) {
      const schema = schemaOf(name);
      const leaf = schema?.type === "array" ? schema.items : schema;
      if (seen.has(name) || !isOpenText(leaf)) continue;
      const enumIn = (ops: BuiltAction[]) => ops.map((b) => shapeEnum(responseShapeOf(b.op), name)).find(Boolean);
      const own = enumIn([built, ...family]);
      // Failing the family, any response of the module: a weaker hint, often another thing of the same name.
      const values = own ?? enumIn(builtActions().filter((b) => b.op.module === op.module));
      if (values) {
        seen.add(name);
        found.push({ where, field: name, values, how: own ? "response enum" : "module response enum" });
      }
    }
  }
  return found;
};

/** The input an action offers for a field: its bound input, or the shared Sort input of a list. */
const inputFor = (built: BuiltAction, field: string): [string, InputDef] | undefined => {
  const inputs = inputsOf(built.key);
  const bound = built.bindings.find((b) => b.name === field && b.placement !== "path");
  if (bound) return [bound.inputKey, inputs[bound.inputKey]];
  if (field === "sort" && inputs.sort) return ["sort", inputs.sort];
  return undefined;
};

/** What a dropdown must offer for a found set: for sort, each field ascending and descending. */
const expectedValues = (f: Found): string[] => (f.field === "sort" ? f.values.flatMap((v) => [`+${v}`, `-${v}`]) : f.values);

/** Documented spellings a dropdown may leave out because it offers a same-meaning one. */
const NOT_OFFERED: Record<string, string> = {
  ascending: "asc is offered; the document accepts either",
  descending: "desc is offered; the document accepts either",
};

describe("every closed value set is a dropdown (issue 15 item 7)", () => {
  test("(a) every contract enum input is a dropdown with exactly the contract's values, and clean refuses others", () => {
    const problems: string[] = [];
    let enumInputs = 0;
    for (const built of builtActions()) {
      const inputs = inputsOf(built.key);
      for (const binding of built.bindings) {
        const schema = schemaForBinding(built, binding);
        const values = schema?.type === "array" ? schema.items?.enum : schema?.enum;
        if (!values?.length) continue;
        enumInputs += 1;
        const def = inputs[binding.inputKey];
        const where = `${built.key}.${binding.inputKey}`;
        if (!def.model?.length) {
          problems.push(`${where}: enum (${values.join("|")}) without a dropdown${def.collection === "valuelist" ? " (a list)" : ""}`);
          continue;
        }
        if (JSON.stringify(lower(modelValues(def))) !== JSON.stringify(lower(values.map(String))))
          problems.push(`${where}: dropdown ${modelValues(def).join("|")} ≠ contract ${values.join("|")}`);
        if (!refuses(def, platformValue(def, "NotOneOfThem"))) problems.push(`${where}: clean takes a value outside the enum`);
      }
    }
    console.log(`Contract enum inputs: ${enumInputs}; without a matching dropdown: ${problems.length}`);
    expect(problems).toEqual([]);
    expect(enumInputs).toBeGreaterThan(100);
  });

  describeWithDocs("(b) prose enums", () => {
    const found = findProseEnums();
    const builtBy = new Map(builtActions().map((b) => [`${b.op.module}:${b.op.operationId}`, b]));

    test("the scan finds the known ones", () => {
      const has = (where: string, field: string) => found.some((f) => f.where === where && f.field === field);
      expect(has("jpm:Jobs_Create", "priority")).toBe(true);
      expect(has("jpm:Jobs_GetList", "priority")).toBe(true);
      expect(has("crm:Bookings_Create", "customerType")).toBe(true);
      expect(has("crm:Bookings_CreateContact", "type")).toBe(true);
      expect(has("crm:ContactMethods_GetContactMethods", "type")).toBe(true);
      expect(has("crm:Customers_GetList", "sort")).toBe(true);
      expect(has("taskmanagement:Tasks_GetTasks", "statuses")).toBe(true);
      expect(proseValues('Supported priorities are "Low", "Normal", "High", "Urgent"')).toEqual(PRIORITIES);
      expect(proseValues("Type of the customer (Residential/Commercial)")).toEqual(["Residential", "Commercial"]);
      expect(proseValues("Available fields are: Id, Date (Year + Month)")).toEqual(["Id", "Date"]);
    });

    test("every prose enum is a dropdown offering the documented values (or is open, with a reason)", () => {
      const problems: string[] = [];
      const lines: string[] = [];
      let dropdowns = 0;
      for (const f of found) {
        const id = `${f.where}:${f.field}`;
        lines.push(`${id} [${f.how}] ${f.values.join(", ")}${OPEN[id] ? `  — open: ${OPEN[id]}` : ""}`);
        if (OPEN[id]) continue;
        const built = builtBy.get(f.where) as BuiltAction;
        const input = inputFor(built, f.field);
        if (!input) continue; // offered by a structured input elsewhere (or not an input at all)
        const [key, def] = input;
        const where = `${built.key}.${key}`;
        if (!def.model?.length) {
          problems.push(`${where}: ${f.values.join(", ")} — no dropdown`);
          continue;
        }
        dropdowns += 1;
        const offered = lower(modelValues(def));
        const missing = expectedValues(f).filter((v) => !offered.includes(v.toLowerCase()) && !NOT_OFFERED[v.toLowerCase()]);
        const invented = modelValues(def).filter((v) => !lower(expectedValues(f)).includes(v.toLowerCase()));
        if (missing.length) problems.push(`${where}: dropdown lacks ${missing.join(", ")}`);
        if (invented.length) problems.push(`${where}: dropdown offers undocumented ${invented.join(", ")}`);
        if (!refuses(def, platformValue(def, "NotOneOfThem"))) problems.push(`${where}: clean takes a value outside the set`);
        for (const v of modelValues(def)) if (refuses(def, platformValue(def, v))) problems.push(`${where}: clean refuses its own choice ${v}`);
      }
      console.log(`Prose enums found: ${found.length} (open: ${found.filter((f) => OPEN[`${f.where}:${f.field}`]).length}); dropdowns: ${dropdowns}\n${lines.join("\n")}`);
      expect(problems).toEqual([]);
    });

    test("every OPEN entry names a field the scan finds", () => {
      const ids = new Set(found.map((f) => `${f.where}:${f.field}`));
      expect(Object.keys(OPEN).filter((id) => !ids.has(id))).toEqual([]);
    });
  });

  test("(c) Raw Request's Module reads '<label> (<key>)' for every module of the registry, the key being the value", () => {
    const def = inputsOf("rawRequest").module;
    expect(def.model).toEqual(API_MODULES.map((m) => ({ label: `${m.label} (${m.key})`, value: m.key })));
  });
});
