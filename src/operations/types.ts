/**
 * Contract descriptors: the facts about one ServiceTitan API operation, generated from the official
 * OpenAPI documents by `npm run generate` (scripts/generate-operations.ts). No prose from the documents
 * lives here — only names, types, formats, enums, required flags and structure.
 */

/** The ServiceTitan API modules in the catalog, by their URL path segment (derived from the registry, modules.ts). */
import type { ModuleKey } from "./modules";

export type { ModuleKey };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A compact, fully resolved JSON-schema subset. `$ref`s are inlined; a recursive reference is cut
 * and marked with `recursive: true` (treated as "any object").
 */
export interface SchemaNode {
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array";
  format?: string;
  enum?: Array<string | number>;
  /** OpenAPI 3.1 `type: [X, "null"]` or a `null` branch in oneOf/anyOf. */
  nullable?: boolean;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  /** Map-like objects (`additionalProperties: {...}`). */
  additionalProperties?: SchemaNode | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  /** Alternatives that could not be merged into one node (rare). */
  oneOf?: SchemaNode[];
  /** A $ref that pointed back into itself; stands for "any value of that object type". */
  recursive?: boolean;
  /** The components/schemas name this node was resolved from (informational, for labels). */
  ref?: string;
}

/**
 * A response contract in compact form (written by the generator to generated/shapes.json, read by
 * src/operations/outputSchema.ts):
 * - a leaf is "<type>[:<format>][?][=<enum values separated by |>]", type being s(tring), i(nteger),
 *   n(umber), b(oolean), o (any object) or * (anything); "?" marks a value that may be null;
 * - an array is [item] ([item, "?"] when it may be null);
 * - an object maps each property to its shape; key "*" gives the values of a map, key "?" marks null.
 */
export type Shape = string | Shape[] | { [key: string]: Shape | 1 };

export interface ParamDescriptor {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: SchemaNode;
}

export type OperationKind =
  | "list" // GET returning a PaginatedResponse (page/pageSize/hasMore/data)
  | "export" // GET /export/... returning hasMore/continueFrom/data
  | "get" // GET of one record or a non-paged result
  | "create" // POST creating a record
  | "update" // PATCH / PUT
  | "delete" // DELETE
  | "action"; // any other POST/PUT (dismiss, cancel, assign, …)

export interface OperationDescriptor {
  module: ModuleKey;
  /** ServiceTitan's operationId, e.g. "Customers_Create". Unique within a module. */
  operationId: string;
  /** First tag of the operation, e.g. "Customers". */
  tag: string;
  method: HttpMethod;
  /** Path below the tenant base, e.g. "/customers/{id}" (the "/tenant/{tenant}" prefix removed). */
  path: string;
  /**
   * The API version in the tenant base (/<module>/<version>/tenant/{tenant}) when it is not v2: set by the
   * generator from the path of a document whose server names no version (telecom: "v3" for its calls
   * list). Absent: v2, as for every other operation.
   */
  version?: string;
  /** OAuth scope the operation requires, e.g. "tn.crm.customers:r". */
  scope?: string;
  kind: OperationKind;
  /** Path and query parameters, the tenant parameter excluded, in document order. */
  params: ParamDescriptor[];
  body?: {
    contentType: string;
    required: boolean;
    schema: SchemaNode;
  };
  /** Successful response. */
  response?: {
    status: number;
    contentType?: string;
    /**
     * An example value built by the generator from the response schema's shape (our own values by
     * type/format, never the document's example text). Used for `examplePayload` and sandbox records.
     */
    example?: unknown;
  };
  /** Built from the legacy 3.0.1 documents: no longer in the current official document. */
  legacy?: boolean;
}
