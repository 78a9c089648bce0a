/** The compact response shape (generator) and its JSON Schema (component): both directions on a small contract. */
import { compactShape } from "../../scripts/generateOperations/shape";
import { schemaOfShape } from "../../src/operations/outputSchema";
import type { SchemaNode } from "../../src/operations/types";

const node: SchemaNode = {
  type: "object",
  properties: {
    id: { type: "integer", format: "int64" },
    type: { type: "string", enum: ["Residential", "Commercial"], nullable: true },
    createdOn: { type: "string", format: "date-time" },
    window: { type: "string", format: "duration" },
    total: { type: "number", format: "decimal", nullable: true },
    tagTypeIds: { type: "array", items: { type: "integer" } },
    address: { type: "object", nullable: true, properties: { street: { type: "string", maxLength: 100 } } },
    fields: { type: "object", additionalProperties: { type: "string" } },
    parent: { type: "object", recursive: true, ref: "Node" },
  },
};

describe("response shapes", () => {
  it("keep types, kept formats, enums and nullability; drop limits; cut recursion to any object", () => {
    expect(compactShape(node)).toEqual({
      id: "i",
      type: "s?=Residential|Commercial",
      createdOn: "s:date-time",
      window: "s:duration",
      total: "n?",
      tagTypeIds: ["i"],
      address: { street: "s", "?": 1 },
      fields: { "*": "s" },
      parent: "o",
    });
  });

  it("read back as JSON Schema", () => {
    expect(schemaOfShape(compactShape(node))).toEqual({
      type: "object",
      properties: {
        id: { type: "integer" },
        type: { type: ["string", "null"], enum: ["Residential", "Commercial", null] },
        createdOn: { type: "string", format: "date-time" },
        window: { type: "string", pattern: expect.any(String) },
        total: { type: ["number", "null"] },
        tagTypeIds: { type: "array", items: { type: "integer" } },
        address: { type: ["object", "null"], properties: { street: { type: "string" } } },
        fields: { type: "object", properties: {}, additionalProperties: { type: "string" } },
        parent: { type: "object" },
      },
    });
  });

  it("a property named like the notation's own keys is refused, not misread", () => {
    expect(() => compactShape({ type: "object", properties: { "?": { type: "string" } } })).toThrow(/clashes/);
  });
});
