/**
 * Validates a captured HTTP request against the official ServiceTitan OpenAPI document with an
 * existing validator library: openapi-backend 5 (operation matching by method + path, and ajv
 * validation of path params, query params and the JSON request body).
 *
 * openapi-backend's own definition check only knows OpenAPI 3.0 and rejects the 3.1 documents
 * (`type: [X, "null"]`), so it runs in `quick` mode, which skips that check and dereferences the
 * document synchronously. The request validation itself is plain ajv and handles 3.1 type arrays
 * (checked in contract.test.ts). Formats are checked with ajv-formats plus the few ServiceTitan-
 * specific formats (guid, decimal, …).
 */
// openapi-backend 5 is CommonJS but requires @apidevtools/json-schema-ref-parser, which is ESM-only and
// cannot be loaded by jest's CommonJS runtime. We hand openapi-backend an in-memory document in quick
// mode, where it dereferences with dereference-json-schema and uses the parser only to "parse" the
// object it already has; the stub returns that object and refuses anything else.
jest.mock("@apidevtools/json-schema-ref-parser", () => {
  const refuse = () => {
    throw new Error("json-schema-ref-parser is not available under jest; use an in-memory document in quick mode.");
  };
  const parse = (doc: unknown) => (doc && typeof doc === "object" ? Promise.resolve(doc) : refuse());
  return { __esModule: true, default: { dereference: refuse, resolve: refuse, parse } };
});

import { multipartFields } from "../../sandbox/multipart";
import OpenAPIBackend, { type Operation } from "openapi-backend";
import addFormats from "ajv-formats";
import type { ModuleKey } from "../../src/operations/types";
import { loadDocument, loadLegacyDocument } from "../support/openapiDocs";
import type { CapturedRequest } from "../support/captureServer";
import { applyContractExceptions } from "./exceptions";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AjvLike = { addFormat(name: string, format: unknown): unknown };

const customizeAjv = (ajv: unknown) => {
  addFormats(ajv as never);
  const a = ajv as AjvLike;
  a.addFormat("guid", GUID);
  // ServiceTitan's documents mark .NET TimeSpan values as format "duration" and describe them as
  // "09:00"-style times (the field descriptions say so); accept that form as well as ISO 8601.
  const iso = /^P(?!$)((\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)$/;
  const timeSpan = /^-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;
  a.addFormat("duration", (text: string) => iso.test(text) || timeSpan.test(text));
  a.addFormat("decimal", { type: "number", validate: (n: number) => Number.isFinite(n) });
  // Presentation hints, not constraints.
  for (const name of ["html", "multiline", "phone"]) a.addFormat(name, () => true);
  return ajv as never;
};

export interface ContractApi {
  api: OpenAPIBackend;
  /** Path prefix of the document's server URL, e.g. "/crm/v2". */
  apiRoot: string;
  label: string;
}

const cache = new Map<string, ContractApi>();

/**
 * OpenAPI 3.0 writes "may be null" as `nullable: true`; ajv accepts that keyword only next to `type`.
 * The legacy 3.0.1 document also puts it beside a bare `oneOf: [$ref]`. Those nodes are rewritten to
 * the equivalent 3.1 form (`anyOf: [<node>, {type: "null"}]`), the standard 3.0 → 3.1 migration; every
 * other node is left as it is.
 */
export const normaliseNullable = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(normaliseNullable);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = normaliseNullable(v);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, description, ...rest } = out;
    return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: "null" }] };
  }
  return out;
};

const build = async (doc: any, label: string): Promise<ContractApi> => {
  const serverUrl: string = doc.servers?.[0]?.url ?? "";
  const apiRoot = serverUrl ? new URL(serverUrl).pathname.replace(/\/+$/, "") : "";
  const api = new OpenAPIBackend({
    definition: structuredClone(doc),
    quick: true,
    validate: true,
    strict: true,
    customizeAjv,
    ajvOpts: { strict: false, logger: false },
  });
  await api.init();
  return { api, apiRoot, label };
};

/** The validator for a module's current document, or its legacy 3.0.1 document. */
export const contractApiFor = async (module: ModuleKey, legacy = false): Promise<ContractApi> => {
  const id = `${legacy ? "legacy:" : ""}${module}`;
  let hit = cache.get(id);
  if (!hit) {
    // The one place the test departs from a document: test/contract/exceptions.ts, each exception explained.
    const doc = legacy ? loadLegacyDocument(module) : applyContractExceptions(module, loadDocument(module));
    if (!doc) throw new Error(`No ${legacy ? "legacy " : ""}document for module ${module}.`);
    hit = await build(legacy ? normaliseNullable(doc) : doc, legacy ? `legacy-3.0.1 ${module}` : module);
    cache.set(id, hit);
  }
  return hit;
};

export interface ContractCheck {
  operation?: Operation;
  errors: string[];
}

const describeAjvError = (e: { instancePath?: string; message?: string; params?: unknown }): string =>
  `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`;

/**
 * Finds the operation by METHOD + PATH (below the document's server path) and validates the request.
 * Returns the matched operation and every problem found.
 */
/** Follows one local $ref in the document (enough for request-body schemas). */
const resolveSchema = (contract: ContractApi, schema: any): any => {
  if (schema?.$ref && typeof schema.$ref === "string" && schema.$ref.startsWith("#/")) {
    return schema.$ref
      .slice(2)
      .split("/")
      .reduce((node: any, part: string) => node?.[part], (contract.api as any).definition);
  }
  return schema;
};

export const checkRequest = (contract: ContractApi, req: CapturedRequest): ContractCheck => {
  const errors: string[] = [];
  if (!req.path.startsWith(`${contract.apiRoot}/`)) {
    return { errors: [`path ${req.path} is not below the document's server path ${contract.apiRoot}`] };
  }
  const path = decodeURI(req.path.slice(contract.apiRoot.length));
  const request = { method: req.method.toLowerCase(), path, query: { ...req.query } as Record<string, unknown>, headers: req.headers, body: req.body };
  const operation = contract.api.router.matchOperation(request as any) as Operation | undefined;
  if (!operation) return { errors: [`no operation ${req.method} ${path} in the ${contract.label} document`] };

  // Dictionary (object-typed) query parameters travel as name[key]=value, the way ServiceTitan's
  // ASP.NET model binding reads them; fold them back into the object the document describes.
  const objectParams = new Set(
    [...((operation as any).parameters ?? [])].filter((p: any) => p?.in === "query" && p.schema?.type === "object").map((p: any) => p.name),
  );
  for (const [key, value] of Object.entries(req.query)) {
    const m = /^(.+)\[([^\]]+)\]$/.exec(key);
    if (m && objectParams.has(m[1])) {
      const target = (request.query[m[1]] ??= {}) as Record<string, unknown>;
      target[m[2]] = value;
      delete request.query[key];
    }
  }

  // An upload (a body field of format binary) is sent as multipart/form-data: check its fields against
  // the body schema, the file part standing for the binary string.
  const jsonSchema = (operation as any).requestBody?.content?.["application/json"]?.schema;
  const hasBinary = Boolean(jsonSchema && Object.values(resolveSchema(contract, jsonSchema)?.properties ?? {}).some((p: any) => p?.format === "binary"));
  const multipart = hasBinary ? multipartFields(req.headers["content-type"] ?? "", req.rawBody ?? "") : undefined;
  if (multipart) request.body = multipart;

  const result = contract.api.validateRequest(request as any, operation);
  if (!result.valid) for (const e of result.errors ?? []) errors.push(describeAjvError(e));

  // Query names the operation does not declare would be silently ignored by ServiceTitan.
  const declared = new Set(
    [...((operation as any).parameters ?? []), ...((operation as any).pathItemParameters ?? [])]
      .filter((p: any) => p?.in === "query")
      .map((p: any) => p.name),
  );
  for (const name of Object.keys(request.query)) {
    if (!declared.has(name)) errors.push(`query parameter "${name}" is not declared by ${operation.operationId}`);
  }

  // A body must be JSON, and only where the operation takes one.
  const content = (operation as any).requestBody?.content as Record<string, unknown> | undefined;
  if (req.rawBody) {
    if (!content) errors.push(`a body was sent but ${operation.operationId} takes none`);
    else if (multipart) {
      /* multipart upload: fields checked above */
    } else if (!/^application\/json\b/.test(req.headers["content-type"] ?? "")) errors.push(`body sent with content-type ${req.headers["content-type"]}`);
    else if (req.body === undefined) errors.push("body is not valid JSON");
  } else if ((operation as any).requestBody?.required) {
    errors.push(`${operation.operationId} requires a body but none was sent`);
  }
  return { operation, errors };
};
