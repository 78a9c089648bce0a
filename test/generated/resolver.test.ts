/** Unit tests of the schema resolver and example builder on small hand-made documents. */
import { buildExample } from "../../scripts/generateOperations/example";
import { classifyOperation } from "../../scripts/generateOperations/lib";
import { SchemaResolver } from "../../scripts/generateOperations/resolve";

const doc = {
  components: {
    schemas: {
      Status: { type: "string", enum: ["Open", "Closed"], description: "Prose that must go", "x-enumNames": ["Open", "Closed"] },
      Repeat: { type: "integer", format: "int32", enum: [0, 1, 2] },
      Address: {
        type: "object",
        required: ["street"],
        properties: {
          street: { type: "string", description: "Street line", maxLength: 100 },
          zip: { type: ["string", "null"], pattern: "^[0-9]{5}$" },
        },
        additionalProperties: false,
        description: "An address",
      },
      Node: {
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          parent: { oneOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
        },
      },
      Base: { type: "object", required: ["id"], properties: { id: { type: "integer", format: "int64" } } },
      Legacy: {
        type: "object",
        properties: {
          amount: { type: "number", format: "decimal", nullable: true },
          status: { oneOf: [{ $ref: "#/components/schemas/Status" }], nullable: true },
        },
      },
    },
  },
};

const resolver = new SchemaResolver(doc);

describe("SchemaResolver", () => {
  test("OpenAPI 3.1 type arrays become type + nullable; prose is dropped; constraints kept", () => {
    expect(resolver.resolve({ type: ["integer", "null"], format: "int64", description: "x", example: 5 })).toEqual({
      type: "integer",
      format: "int64",
      nullable: true,
    });
    expect(resolver.resolve({ $ref: "#/components/schemas/Address" })).toEqual({
      type: "object",
      properties: {
        street: { type: "string", maxLength: 100 },
        zip: { type: "string", nullable: true, pattern: "^[0-9]{5}$" },
      },
      required: ["street"],
      additionalProperties: false,
      ref: "Address",
    });
  });

  test("type arrays with several non-null types become oneOf", () => {
    expect(resolver.resolve({ type: ["string", "integer", "null"] })).toEqual({
      nullable: true,
      oneOf: [{ type: "string" }, { type: "integer" }],
    });
  });

  test("oneOf with one $ref plus null merges into the node (enum refs keep their values)", () => {
    const node = resolver.resolve({ oneOf: [{ $ref: "#/components/schemas/Status" }, { type: "null" }], description: "d" });
    expect(node).toEqual({ type: "string", enum: ["Open", "Closed"], nullable: true, ref: "Status" });
    // Query-parameter style: a oneOf with one enum ref and a sibling type.
    expect(resolver.resolve({ oneOf: [{ $ref: "#/components/schemas/Status" }], type: "string" })).toEqual({
      type: "string",
      enum: ["Open", "Closed"],
      ref: "Status",
    });
    expect(resolver.resolve({ $ref: "#/components/schemas/Repeat" })).toEqual({
      type: "integer",
      format: "int32",
      enum: [0, 1, 2],
      ref: "Repeat",
    });
  });

  test("oneOf with two real branches is kept as oneOf", () => {
    expect(resolver.resolve({ anyOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] })).toEqual({
      nullable: true,
      oneOf: [{ type: "string" }, { type: "integer" }],
    });
  });

  test("OpenAPI 3.0.1 nullable: true is kept, also next to a oneOf ref", () => {
    expect(resolver.resolve({ $ref: "#/components/schemas/Legacy" })).toEqual({
      type: "object",
      properties: {
        amount: { type: "number", format: "decimal", nullable: true },
        status: { type: "string", enum: ["Open", "Closed"], nullable: true, ref: "Status" },
      },
      ref: "Legacy",
    });
  });

  test("allOf merges properties and required", () => {
    const node = resolver.resolve({
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      ],
    });
    expect(node).toEqual({
      type: "object",
      properties: { id: { type: "integer", format: "int64" }, name: { type: "string" } },
      required: ["id", "name"],
      ref: "Base",
    });
    expect(Object.keys(node.properties!)).toEqual(["id", "name"]);
  });

  test("a $ref back into itself is cut and marked recursive", () => {
    const node = resolver.resolve({ $ref: "#/components/schemas/Node" });
    expect(node.ref).toBe("Node");
    expect(node.properties!.children).toEqual({
      type: "array",
      items: { type: "object", recursive: true, ref: "Node" },
    });
    expect(node.properties!.parent).toEqual({ type: "object", nullable: true, recursive: true, ref: "Node" });
    // a recursive reference shows the referenced record by its id, the same id as the record's own
    const example = buildExample(node) as { id: number; children: Array<{ id: number }>; parent: { id: number } };
    expect(example).toEqual({ id: expect.any(Number), children: [{ id: example.id }], parent: { id: example.id } });
  });

  test("additionalProperties: {} / true → true, schema resolved", () => {
    expect(resolver.resolve({ type: "object", additionalProperties: {} })).toEqual({ type: "object", additionalProperties: true });
    expect(resolver.resolve({ type: "object", additionalProperties: { type: ["string", "null"] } })).toEqual({
      type: "object",
      additionalProperties: { type: "string", nullable: true },
    });
  });

  test("output key order is fixed regardless of input order", () => {
    const a = resolver.resolve({ nullable: true, format: "date-time", type: "string" });
    expect(Object.keys(a)).toEqual(["type", "format", "nullable"]);
  });

  test("unknown local refs fail loudly", () => {
    expect(() => resolver.resolve({ $ref: "#/components/schemas/Missing" })).toThrow(/Unresolvable/);
  });
});

describe("buildExample", () => {
  test("type- and format-driven values, arrays with one element, enums' first value", () => {
    expect(
      buildExample({
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          count: { type: "integer", format: "int32" },
          on: { type: "string", format: "date-time" },
          day: { type: "string", format: "date" },
          status: { type: "string", enum: ["Open", "Closed"] },
          tags: { type: "array", items: { type: "string" } },
          ok: { type: "boolean" },
          amount: { type: "number", format: "decimal" },
          map: { type: "object", additionalProperties: { type: "string" } },
        },
      }),
    ).toEqual({
      id: expect.any(Number),
      count: 12,
      on: "2026-01-15T16:00:00Z",
      day: "2026-01-15",
      status: "Open",
      tags: ["VIP"],
      ok: true,
      amount: 249.5,
      map: { "Gate Code": "Gate code 4411" },
    });
  });

  test("values follow the property's name and the record holding it, never a type placeholder", () => {
    const customer = buildExample({
      type: "object",
      ref: "Crm.V2.Customers.CustomerResponse",
      properties: {
        id: { type: "integer", format: "int64" },
        name: { type: "string" },
        doNotService: { type: "boolean" },
        address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" }, zip: { type: "string" } } },
        businessUnit: { type: "object", ref: "BusinessUnitResponse", properties: { id: { type: "integer" }, name: { type: "string" } } },
        createdOn: { type: "string", format: "date-time" },
        balance: { type: "number" },
        tagTypeIds: { type: "array", items: { type: "integer", format: "int64" } },
      },
    });
    expect(customer).toEqual({
      id: 28451107,
      name: "Avery Anderson",
      doNotService: false,
      address: { street: "1200 Maple Ave", city: "Glendale", zip: "91203" },
      businessUnit: { id: 1052, name: "HVAC - Service" },
      createdOn: "2026-01-12T15:04:27Z",
      balance: 249.5,
      tagTypeIds: [3301422],
    });
    // a job's customerId is the customer's own id
    expect(buildExample({ type: "object", ref: "JobResponse", properties: { customerId: { type: "integer" } } })).toEqual({ customerId: 28451107 });
  });

  test("paging envelopes read as one complete page", () => {
    expect(
      buildExample({
        type: "object",
        properties: {
          page: { type: "integer", format: "int32" },
          pageSize: { type: "integer", format: "int32" },
          hasMore: { type: "boolean" },
          data: { type: "array", items: { type: "integer", format: "int64" } },
        },
      }),
    ).toEqual({ page: 1, pageSize: 50, hasMore: false, data: [expect.any(Number)] });
  });

  test("deep nesting is cut", () => {
    let node: any = { type: "string" };
    for (let i = 0; i < 20; i++) node = { type: "object", properties: { a: node } };
    const text = JSON.stringify(buildExample(node));
    expect(text.length).toBeLessThan(100);
  });
});

describe("classifyOperation", () => {
  const paged = { type: "object" as const, properties: { page: {}, pageSize: {}, hasMore: {}, data: { type: "array" as const } } };
  test.each([
    ["GET", "/customers", "Customers_GetList", paged, "list"],
    ["GET", "/export/customers", "ExportCustomers_GetCustomers", undefined, "export"],
    ["GET", "/customers/{id}", "Customers_Get", undefined, "get"],
    ["POST", "/customers", "Customers_Create", undefined, "create"],
    ["POST", "/appointments", "Appointments_Add", undefined, "create"],
    ["POST", "/customers/{id}/tags/{tagTypeId}", "Customers_CreateTag", undefined, "action"],
    ["POST", "/leads/{id}/dismiss", "Leads_Dismiss", undefined, "action"],
    ["PATCH", "/customers/{id}", "Customers_Update", undefined, "update"],
    ["PUT", "/contacts/{id}", "Contacts_Replace", undefined, "update"],
    ["PUT", "/jobs/{id}/cancel", "Jobs_Cancel", undefined, "action"],
    ["DELETE", "/customers/{id}/notes/{noteId}", "Customers_DeleteNote", undefined, "delete"],
  ] as const)("%s %s (%s) → %s", (method, path, id, schema, kind) => {
    expect(classifyOperation(method, path, id, schema as any)).toBe(kind);
  });
});
