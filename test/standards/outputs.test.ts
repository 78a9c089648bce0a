/**
 * Outputs a builder can reference before a test run (issue 15 item 4), over every action of the
 * converted component (what Prismatic receives): each has an output schema, its example payload's data
 * validates against it, and the examples read like real data — no type placeholders ("string", 123,
 * 10.5, "Example"), and no empty object except where ServiceTitan's answer is empty.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { answersEmpty, examplePayloadProblems, placeholdersIn } from "../../scripts/lib/designerRules";

interface Converted {
  examplePayload?: { data?: unknown };
  outputSchema?: { type: string; schema: string };
}

const actions = component.actions as unknown as Record<string, Converted>;

describe("action outputs", () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);

  it("every action has an output schema, and its example payload's data validates against it", () => {
    const problems: string[] = [];
    for (const [key, a] of Object.entries(actions)) {
      if (a.outputSchema?.type !== "actionOutput" || typeof a.outputSchema.schema !== "string") {
        problems.push(`${key}: no output schema`);
        continue;
      }
      const schema = JSON.parse(a.outputSchema.schema);
      if (!a.examplePayload || !("data" in a.examplePayload)) {
        problems.push(`${key}: no example payload data`);
        continue;
      }
      if (!ajv.validate(schema, a.examplePayload.data)) problems.push(`${key}: ${ajv.errorsText(ajv.errors, { dataVar: "data" })}`);
    }
    expect(problems).toEqual([]);
  });

  it("output schemas describe fields: a record action's schema lists the record's properties", () => {
    const schemaOf = (key: string) => JSON.parse(actions[key].outputSchema?.schema ?? "{}");
    expect(schemaOf("getCustomer").properties).toEqual(expect.objectContaining({ id: expect.objectContaining({ type: "integer" }), name: expect.any(Object), address: expect.any(Object) }));
    expect(schemaOf("listJobs").properties.data.items.properties).toEqual(expect.objectContaining({ jobNumber: expect.any(Object), customerId: expect.any(Object) }));
    expect(schemaOf("listJobs").properties).toEqual(expect.objectContaining({ page: expect.any(Object), hasMore: expect.any(Object), totalCount: expect.any(Object) }));
    // hand-written: Find or Create returns ServiceTitan's customer record, described by its contract
    expect(schemaOf("findOrCreateCustomer").properties.customer.properties).toEqual(expect.objectContaining({ id: expect.any(Object), address: expect.any(Object), createdOn: expect.any(Object) }));
    // a file download hands over bytes, an export adds the drain counters
    const download = builtActions().find((b) => b.op.method === "GET" && b.op.response && !b.op.response.contentType);
    expect(schemaOf(download?.key ?? "").type).toBe("string");
    expect(actions[download?.key ?? ""].examplePayload).toEqual({ data: expect.any(String), contentType: "application/pdf" });
    expect(schemaOf("exportCustomers").properties).toEqual(expect.objectContaining({ continueFrom: expect.any(Object), requests: { type: "integer" } }));
  });

  it("example payloads carry no placeholders, and {} only where the answer is empty", () => {
    const problems: string[] = [];
    for (const [key, a] of Object.entries(actions)) {
      const { placeholders, emptyObjects } = examplePayloadProblems(a);
      for (const p of [...placeholders, ...emptyObjects]) problems.push(`${key}: ${p}`);
    }
    console.log(`example payloads: ${problems.length} placeholders over ${Object.keys(actions).length} actions`);
    expect(problems).toEqual([]);
  });

  it("the placeholder rule itself finds type placeholders and empty objects", () => {
    expect(placeholdersIn({ name: "string", id: 123, total: 10.5, tags: [{}] })).toEqual(['data.name: "string"', "data.id: 123", "data.total: 10.5", "data.tags[0]: {}"]);
    expect(placeholdersIn({ name: "Avery Anderson", id: 28451107, total: 249.5, tags: [3301422] })).toEqual([]);
    expect(placeholdersIn({ createdOn: "2019-08-24T14:15:22Z", modifiedOn: "2026-01-15T09:30:00Z" })).toEqual(['data.createdOn: "2019-08-24T14:15:22Z"']);
  });

  it("{} passes only where the action's output schema says the answer is empty", () => {
    const emptySchema = { type: "actionOutput", schema: JSON.stringify({ type: "object", description: "Empty." }) };
    const recordSchema = { type: "actionOutput", schema: JSON.stringify({ type: "object", properties: { id: { type: "integer" } } }) };
    expect(answersEmpty({ outputSchema: emptySchema })).toBe(true);
    expect(answersEmpty({ outputSchema: recordSchema })).toBe(false);
    expect(examplePayloadProblems({ examplePayload: { data: {} }, outputSchema: emptySchema })).toEqual({ placeholders: [], emptyObjects: [] });
    expect(examplePayloadProblems({ examplePayload: { data: {} }, outputSchema: recordSchema })).toEqual({ placeholders: [], emptyObjects: ["data: {}"] });
    // the generated write actions that ServiceTitan answers without a body are the ones whose schema says so
    const withoutBody = builtActions().filter((b) => b.op.method !== "GET" && !b.op.response?.contentType).map((b) => b.key);
    expect(Object.keys(actions).filter((key) => answersEmpty(actions[key])).sort()).toEqual(withoutBody.sort());
  });
});
