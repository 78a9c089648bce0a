/**
 * Where the contract test deliberately departs from an official document: ONE named place, each
 * exception explained, with the document's own schema it replaces checked so that a corrected
 * document makes the exception fail loudly instead of lingering (test/contract/exceptions.test.ts).
 *
 * Every other field of every document is validated exactly as published.
 */

export interface ContractException {
  /** The catalog module whose document is patched. */
  module: string;
  /** The components/schemas entry holding the field. */
  schema: string;
  property: string;
  /** What the document says today; the exception applies only while it still says exactly this. */
  published: unknown;
  /** What the contract test validates instead. */
  replacement: Record<string, unknown>;
  why: string;
}

const SCALAR = ["string", "number", "boolean"];

export const CONTRACT_EXCEPTIONS: readonly ContractException[] = [
  {
    module: "reporting",
    schema: "Reporting.V2.ReportDataParameter",
    property: "value",
    published: { type: "null" },
    replacement: { type: [...SCALAR, "array", "null"], items: { type: SCALAR } },
    why:
      "reporting-v2 types a report parameter's value as null only (its generator lost the .NET object type), " +
      "yet the same document's report definitions give every parameter a data type (String, Number, Boolean, " +
      "Date, Time) and an isArray flag: the values ServiceTitan reads are text, numbers, true/false and lists of " +
      "them. Validated as exactly that (never an object).",
  },
];

const strip = (node: unknown): unknown => {
  if (!node || typeof node !== "object") return node;
  const { description: _d, ...rest } = node as Record<string, unknown>;
  return rest;
};

/**
 * The document with this module's exceptions applied (a copy; the given one is not changed). Throws when
 * an exception's field is missing or no longer published as the exception says: the document changed and
 * the exception must be reviewed.
 */
export const applyContractExceptions = <T>(module: string, doc: T): T => {
  const mine = CONTRACT_EXCEPTIONS.filter((e) => e.module === module);
  if (!mine.length || !doc) return doc;
  const copy = structuredClone(doc) as { components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };
  for (const e of mine) {
    const props = copy.components?.schemas?.[e.schema]?.properties;
    if (!props || !(e.property in props)) throw new Error(`Contract exception ${e.module} ${e.schema}.${e.property}: the document has no such field any more.`);
    if (JSON.stringify(strip(props[e.property])) !== JSON.stringify(e.published)) {
      throw new Error(`Contract exception ${e.module} ${e.schema}.${e.property}: the document now says ${JSON.stringify(strip(props[e.property]))}; review the exception.`);
    }
    const description = (props[e.property] as { description?: string }).description;
    props[e.property] = { ...(description ? { description } : {}), ...e.replacement };
  }
  return copy as T;
};
