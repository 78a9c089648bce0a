/**
 * Curated words (src/operations/curated/<module>.ts) are checked when the catalog is built: an unknown
 * operation ID or input key, or a choice an enum does not have, throws — so `npm test` and loading the
 * component fail instead of the words being ignored. Comment words say whether they replace the
 * generated comment or add to it, and enum choices can be relabelled.
 */
import { buildAction } from "../../src/actions/fromOperation";
import { buildCatalog } from "../../src/operations/catalog";
import { compileModule, curatedOperations } from "../../src/operations/curated";
import type { CuratedCatalog } from "../../src/operations/curated/types";
import { allOperations } from "../../src/operations/generated";
import { CATALOG_MODULES } from "../../src/operations/modules";
import type { OperationDescriptor } from "../../src/operations/types";

/** The real curated catalog with one entry's words changed. */
const planted = (ref: string, change: (entry: Record<string, any>) => void): CuratedCatalog => {
  const copy = structuredClone(Object.fromEntries(Object.entries(curatedOperations).map(([k, v]) => [k, { ...v, validate: undefined, transformOutput: undefined }])));
  copy[ref] = copy[ref] ?? {};
  change(copy[ref] as Record<string, any>);
  return copy as CuratedCatalog;
};

const op = (over: Partial<OperationDescriptor>): OperationDescriptor => ({
  module: "crm",
  operationId: "Things_Create",
  tag: "Things",
  method: "POST",
  path: "/things",
  kind: "create",
  params: [],
  ...over,
});

describe("curated words are checked at catalog build", () => {
  it("the component's own curated words pass", () => {
    expect(() => buildCatalog()).not.toThrow();
  });

  it("a misspelt input key in a module's words fails the build, naming operation and key", () => {
    const curated = planted("crm:Leads_GetList", (e) => {
      e.inputs = { ...e.inputs, "query.statsu": e.inputs["query.status"] };
      delete e.inputs["query.status"];
    });
    expect(() => buildCatalog(allOperations(), curated)).toThrow(/crm:Leads_GetList query\.statsu: no such input/);
  });

  it("a misspelt plain field name fails too", () => {
    const curated = planted("jpm:Jobs_Get", (e) => {
      e.inputs = { ...e.inputs, externalDataApplicationGiud: { label: "GUID" } };
    });
    expect(() => buildCatalog(allOperations(), curated)).toThrow(/jpm:Jobs_Get externalDataApplicationGiud: no such input/);
  });

  it("an unknown operation ID in a module's curated file fails the build", () => {
    const crm = CATALOG_MODULES.find((m) => m.key === "crm")!;
    const curated = { ...curatedOperations, ...compileModule("crm", { ...crm.curated, Leads_GetLits: { label: "List Leads" } }) };
    expect(() => buildCatalog(allOperations(), curated)).toThrow(/operations the contract does not have: crm:Leads_GetLits/);
  });

  it("paging inputs the factory offers itself are not curatable", () => {
    const curated = planted("crm:Customers_GetList", (e) => {
      e.inputs = { ...e.inputs, "query.pageSize": { label: "Rows" } };
    });
    expect(() => buildCatalog(allOperations(), curated)).toThrow(/crm:Customers_GetList query\.pageSize: no such input/);
  });

  it("read-only body fields and File Name without an upload are refused; File Name of an upload is known", () => {
    const readOnlyBody = op({ body: { contentType: "application/json", required: true, schema: { type: "object", properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } } } } });
    expect(() => buildCatalog([readOnlyBody], { "crm:Things_Create": { inputs: { "body.name": { label: "Name" } } } })).not.toThrow();
    expect(() => buildCatalog([readOnlyBody], { "crm:Things_Create": { inputs: { "body.id": { label: "ID" } } } })).toThrow(/body\.id: no such input/);
    expect(() => buildCatalog([readOnlyBody], { "crm:Things_Create": { inputs: { fileName: { label: "File" } } } })).toThrow(/fileName: no such input/);
    const upload = op({ body: { contentType: "multipart/form-data", required: true, schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } });
    expect(() => buildCatalog([upload], { "crm:Things_Create": { inputs: { fileName: { label: "File", comments: "Ours." } } } })).not.toThrow();
    expect(() => buildCatalog([upload], { "crm:Things_Create": { inputs: { fileName: { note: "More." } } } })).toThrow(/File Name input takes only a replaced comment/);
  });

  it("a whole-body input is curated as body.body", () => {
    const whole = op({ body: { contentType: "application/json", required: true, schema: { type: "array", items: { type: "object" } } } });
    expect(() => buildCatalog([whole], { "crm:Things_Create": { inputs: { "body.body": { label: "Things" } } } })).not.toThrow();
    expect(() => buildCatalog([whole], { "crm:Things_Create": { inputs: { "body.items": { label: "Things" } } } })).toThrow(/body\.items: no such input/);
  });

  it("choices must be values of an enum field", () => {
    const unknownValue = planted("crm:Leads_GetList", (e) => {
      e.inputs["query.status"] = { ...e.inputs["query.status"], choices: { Won: "Won" } };
    });
    expect(() => buildCatalog(allOperations(), unknownValue)).toThrow(/query\.status: choices Won are not among its values \(Open, Dismissed, Converted\)/);
    const notEnum = planted("crm:Leads_GetList", (e) => {
      e.inputs["query.customerCity"] = { ...e.inputs["query.customerCity"], choices: { Glendale: "Glendale" } };
    });
    expect(() => buildCatalog(allOperations(), notEnum)).toThrow(/query\.customerCity: choices given, but the field has no fixed set of values/);
  });
});

describe("curated words as written per module", () => {
  it("comment words say whether they replace the generated comment or add to it", () => {
    const compiled = compileModule("crm", {
      Leads_Get: { inputs: { "path.id": { comments: { replace: "Ours instead." } } } },
      Leads_Dismiss: { inputs: { "path.id": { comments: { add: "Ours after." } } } },
    });
    expect(compiled["crm:Leads_Get"].inputs?.["path.id"]).toEqual({ comments: "Ours instead." });
    expect(compiled["crm:Leads_Dismiss"].inputs?.["path.id"]).toEqual({ note: "Ours after." });
    const both = { replace: "a", add: "b" } as never;
    expect(() => compileModule("crm", { Leads_Get: { inputs: { "path.id": { comments: both } } } })).toThrow(/crm:Leads_Get input path\.id: comments must be/);
  });

  it("a replaced comment stands alone; an added one follows the generated comment", () => {
    const lead = allOperations().find((o) => o.module === "crm" && o.operationId === "Leads_Get")!;
    const build = (comments: { replace: string } | { add: string }) => {
      const curated = compileModule("crm", { Leads_Get: { inputs: { "path.id": { comments } } } });
      const [entry] = buildCatalog([lead], curated);
      return (buildAction(entry).definition.inputs as Record<string, { comments?: string }>).leadId.comments;
    };
    const generated = (buildAction(buildCatalog([lead], {})[0]).definition.inputs as Record<string, { comments?: string }>).leadId.comments;
    expect(build({ replace: "Ours instead." })).toBe("Ours instead.");
    expect(build({ add: "Ours after." })).toBe(`${generated} Ours after.`);
  });

  it("enum choices can be relabelled; values not named keep their derived labels", () => {
    const leads = allOperations().find((o) => o.module === "crm" && o.operationId === "Leads_GetList")!;
    const curated = compileModule("crm", { Leads_GetList: { inputs: { "query.status": { choices: { Converted: "Won (Converted)" } } } } });
    const [entry] = buildCatalog([leads], curated);
    const model = (buildAction(entry).definition.inputs as Record<string, { model?: Array<{ label: string; value: string }> }>).status.model;
    expect(model).toEqual([
      { label: "(not set)", value: "" },
      { label: "Open", value: "Open" },
      { label: "Dismissed", value: "Dismissed" },
      { label: "Won (Converted)", value: "Converted" },
    ]);
  });
});
