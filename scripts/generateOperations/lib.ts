/**
 * The pure part of `npm run generate`: official OpenAPI documents in, generated TypeScript sources out.
 * `generateFiles(dir)` returns `{ relativePath: content }` and never touches the file system beyond
 * reading the documents, so the drift test can regenerate into memory and compare byte for byte.
 */
import * as path from "path";
import type {
  HttpMethod,
  ModuleKey,
  OperationDescriptor,
  OperationKind,
  ParamDescriptor,
  SchemaNode,
} from "../../src/operations/types";
import { LEGACY_DIR, LEGACY_OPERATIONS, MODULE_FILES, MODULE_KEYS, readJson } from "./documents";
import { buildExample } from "./example";
import { compactShape, takeResponseShapes } from "./shape";
import { followPointer, type OpenApiLike, SchemaResolver } from "./resolve";
import { buildCatalog } from "../../src/operations/catalog";
import { curatedOperations } from "../../src/operations/curated";

/** Where generated files go, relative to the repository root. */
export const GENERATED_DIR = "src/operations/generated";

const TENANT_PREFIX = "/tenant/{tenant}";
/** A path of a document whose server names no version (telecom): /v3/tenant/{tenant}/calls. */
const VERSIONED_TENANT_PREFIX = /^\/(v\d+)\/tenant\/\{tenant\}(?=\/|$)/;
const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** Sort order of methods within one path. */
const METHOD_RANK: Record<HttpMethod, number> = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 };

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Follows `$ref` on non-schema objects (parameters, request bodies, responses). */
function deref(doc: OpenApiLike, value: any): any {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`$ref chain too long: ${value.$ref}`);
    current = followPointer(doc, current.$ref);
  }
  return current;
}

/** First OAuth scope of the operation's `security` requirement (`[{ oauth: ["tn.crm.customers:r"] }]`). */
export function scopeOf(operation: any): string | undefined {
  const security = Array.isArray(operation?.security) ? operation.security : [];
  for (const requirement of security) {
    const scopes = isObject(requirement) ? requirement.oauth : undefined;
    if (Array.isArray(scopes) && typeof scopes[0] === "string") return scopes[0];
  }
  return undefined;
}

/** The verb part of an operationId: "Customers_CreateNote" → "CreateNote". */
function verbOf(operationId: string): string {
  const i = operationId.lastIndexOf("_");
  return i >= 0 ? operationId.slice(i + 1) : operationId;
}

const isParamSegment = (segment: string) => /^\{[^}]+\}$/.test(segment);

/**
 * Classifies an operation. The rules, in order:
 * - DELETE → "delete".
 * - GET: "export" when the path has an `/export/` segment or the 2xx body carries `continueFrom`;
 *   "list" when the 2xx body is a paging envelope (object with page, pageSize, hasMore and an array
 *   `data` — `PaginatedResponse_Of_*`, `JournalEntryPagingResponse_*`, `RepositoryPageResult_*`);
 *   otherwise "get" (one record, or an unpaged array/summary).
 * - PATCH → "update".
 * - PUT → "update" when it replaces a record (path ends in `{id}`) or ServiceTitan's operationId verb says
 *   Update/Replace/Upsert/FullUpdate; otherwise "action" (hold, confirm, cancel, activate, bulk tag …).
 * - POST → "action" when the path ends in a `{param}` (links an existing record: tags/{tagTypeId},
 *   attach-job/{jobId}, …); "create" when the operationId verb is Create*, Add or Post* (ServiceTitan names
 *   every record-creating POST that way, e.g. Customers_Create, Jobs_CreateNote, Appointments_Add,
 *   InstalledEquipment_PostAttachment); otherwise "action" (dismiss, markasexported, assign-technicians,
 *   account-actions, capacity queries, …).
 */
export function classifyOperation(
  method: HttpMethod,
  path: string,
  operationId: string,
  responseSchema: SchemaNode | undefined,
): OperationKind {
  const segments = path.split("/").filter(Boolean);
  const last = segments[segments.length - 1] ?? "";
  const verb = verbOf(operationId);
  switch (method) {
    case "DELETE":
      return "delete";
    case "PATCH":
      return "update";
    case "PUT":
      return isParamSegment(last) || /^(Update|Replace|Upsert|FullUpdate)/.test(verb) ? "update" : "action";
    case "POST":
      if (isParamSegment(last)) return "action";
      return /^(Create|Post)/.test(verb) || verb === "Add" ? "create" : "action";
    case "GET": {
      const props = responseSchema?.properties;
      if (segments.includes("export") || (props && "continueFrom" in props)) return "export";
      if (props && "page" in props && "pageSize" in props && "hasMore" in props && props.data?.type === "array") {
        return "list";
      }
      return "get";
    }
  }
}

interface SourceOperation {
  module: ModuleKey;
  doc: OpenApiLike;
  method: HttpMethod;
  rawPath: string;
  pathItem: any;
  operation: any;
  legacy?: boolean;
  /** Scope to use when the operation itself declares none (legacy 3.0.1 documents have no per-op scopes). */
  fallbackScope?: string;
}

function pickJsonContent(content: any): [string, any] | undefined {
  if (!isObject(content)) return undefined;
  const keys = Object.keys(content);
  if (keys.length === 0) return undefined;
  const key = keys.includes("application/json") ? "application/json" : keys.find((k) => /json/.test(k)) ?? keys[0];
  return [key, content[key]];
}

function buildDescriptor(src: SourceOperation): OperationDescriptor {
  const { doc, operation } = src;
  const resolver = new SchemaResolver(doc);
  const operationId: string = operation.operationId;
  if (!operationId) throw new Error(`${src.module} ${src.method} ${src.rawPath}: missing operationId`);

  // Parameters: path-item level first, overridden by operation level (same name + in), document order.
  const byKey = new Map<string, any>();
  for (const raw of [...(src.pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const p = deref(doc, raw);
    byKey.set(`${p.in}:${p.name}`, p);
  }
  const params: ParamDescriptor[] = [];
  for (const p of byKey.values()) {
    if (p.in === "path" && p.name === "tenant") continue;
    if (p.in !== "path" && p.in !== "query") continue; // headers (ST-App-Key, auth) belong to the transport
    params.push({
      name: p.name,
      in: p.in,
      required: p.in === "path" ? true : p.required === true,
      schema: resolver.resolve(p.schema ?? {}),
    });
  }

  // Request body. No ServiceTitan document sets `requestBody.required`; when it is absent we treat the body
  // as required exactly when its schema has required properties (the request cannot be valid without it).
  let body: OperationDescriptor["body"];
  if (operation.requestBody) {
    const rb = deref(doc, operation.requestBody);
    const picked = pickJsonContent(rb.content);
    if (picked) {
      const schema = resolver.resolve(picked[1]?.schema ?? {});
      const required = typeof rb.required === "boolean" ? rb.required : (schema.required?.length ?? 0) > 0;
      body = { contentType: picked[0], required, schema };
    }
  }

  // Successful response: the lowest 2xx status (ServiceTitan documents 200, some 201 or 204).
  let response: OperationDescriptor["response"];
  let responseSchema: SchemaNode | undefined;
  const statuses = Object.keys(operation.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .sort();
  if (statuses.length > 0) {
    const status = statuses[0];
    const res = deref(doc, operation.responses[status]);
    const picked = pickJsonContent(res?.content);
    response = { status: Number(status) };
    if (picked) {
      response.contentType = picked[0];
      if (picked[1]?.schema) {
        responseSchema = resolver.resolve(picked[1].schema);
        response.example = buildExample(responseSchema);
        (response as { shape?: unknown }).shape = compactShape(responseSchema); // moved to shapes.json by generateFiles
      }
    }
  } else if (Object.keys(operation.responses ?? {}).some((s) => /^30[1278]$/.test(s))) {
    // Documented only as a redirect (file downloads: pricebook images, finding files). The client follows
    // it, so what the action receives is the target's 200 with the file bytes: a body without JSON type.
    response = { status: 200 };
  }

  const servers = (src.doc as { servers?: Array<{ url?: string }> }).servers;
  const { path, version } = tenantPathOf(servers?.[0]?.url ?? "", src.rawPath);
  const descriptor: OperationDescriptor = {
    module: src.module,
    operationId,
    tag: Array.isArray(operation.tags) && operation.tags.length > 0 ? String(operation.tags[0]) : "",
    method: src.method,
    path,
    version,
    scope: scopeOf(operation) ?? src.fallbackScope,
    kind: classifyOperation(src.method, path, operationId, responseSchema),
    params,
    body,
    response,
    legacy: src.legacy ? true : undefined,
  };
  // Fixed key order, undefined keys dropped.
  const ordered: Record<string, unknown> = {};
  for (const key of [
    "module",
    "operationId",
    "tag",
    "method",
    "path",
    "version",
    "scope",
    "kind",
    "params",
    "body",
    "response",
    "legacy",
  ] as const) {
    if (descriptor[key] !== undefined) ordered[key] = descriptor[key];
  }
  return ordered as unknown as OperationDescriptor;
}

/**
 * The path below the tenant base and the API version of one document path. Most servers name the
 * version (https://api.servicetitan.io/crm/v2) and their paths start at /tenant/{tenant}; telecom's
 * server does not (…/telecom), so its paths carry it (/v3/tenant/{tenant}/calls). The version is kept
 * only when it is not v2, so the descriptors of versioned servers stay as they were.
 */
export function tenantPathOf(serverUrl: string, rawPath: string): { path: string; version?: string } {
  const serverPath = serverUrl ? new URL(serverUrl).pathname.replace(/\/+$/, "") : "";
  if (/\/v\d+$/.test(serverPath) || rawPath.startsWith(TENANT_PREFIX)) {
    return { path: rawPath.startsWith(TENANT_PREFIX) ? rawPath.slice(TENANT_PREFIX.length) || "/" : rawPath };
  }
  const m = VERSIONED_TENANT_PREFIX.exec(rawPath);
  if (!m) throw new Error(`${rawPath}: a document whose server (${serverUrl}) names no version needs paths below /<version>/tenant/{tenant}`);
  const path = rawPath.slice(m[0].length) || "/";
  return m[1] === "v2" ? { path } : { path, version: m[1] };
}

function sourceOperations(module: ModuleKey, doc: OpenApiLike): SourceOperation[] {
  const out: SourceOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [rawPath, pathItem] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = (pathItem as any)[method.toLowerCase()];
      if (operation) out.push({ module, doc, method, rawPath, pathItem, operation });
    }
  }
  return out;
}

/** Code-point comparison (locale-independent, so the output is the same on every machine). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortOperations(ops: OperationDescriptor[]): OperationDescriptor[] {
  return [...ops].sort(
    (a, b) => compareStrings(a.path, b.path) || METHOD_RANK[a.method] - METHOD_RANK[b.method],
  );
}

/**
 * Scope for a legacy operation: the legacy documents carry no per-operation scopes, so borrow the scope of a
 * current operation with the same tag and the same access (write for non-GET), e.g. Payments → tn.acc.payments:w.
 */
function borrowScope(currentDoc: OpenApiLike, tag: string, method: HttpMethod): string | undefined {
  const wanted = method === "GET" ? ":r" : ":w";
  let fallback: string | undefined;
  for (const src of sourceOperations("crm", currentDoc)) {
    if (src.operation.tags?.[0] !== tag) continue;
    const scope = scopeOf(src.operation);
    if (!scope) continue;
    if (scope.endsWith(wanted)) return scope;
    fallback ??= scope.replace(/:[rw]$/, wanted);
  }
  return fallback;
}

/** All descriptors per module (current documents plus the legacy operations), each sorted by path, method. */
export function buildOperations(openapiDir: string): Record<ModuleKey, OperationDescriptor[]> {
  const result = {} as Record<ModuleKey, OperationDescriptor[]>;
  for (const module of MODULE_KEYS) {
    const doc: OpenApiLike = readJson(path.join(openapiDir, MODULE_FILES[module]));
    const sources = sourceOperations(module, doc);
    for (const legacy of LEGACY_OPERATIONS.filter((l) => l.module === module)) {
      const method = legacy.method.toUpperCase() as HttpMethod;
      if (sources.some((s) => s.method === method && s.rawPath === legacy.path)) continue; // back in the current doc
      const legacyDoc: OpenApiLike = readJson(path.join(openapiDir, LEGACY_DIR, MODULE_FILES[module]));
      const pathItem = (legacyDoc.paths as any)?.[legacy.path];
      const operation = pathItem?.[legacy.method];
      if (!operation || operation.operationId !== legacy.operationId) {
        throw new Error(`Legacy operation ${legacy.operationId} not found at ${legacy.method} ${legacy.path}`);
      }
      sources.push({
        module,
        doc: legacyDoc,
        method,
        rawPath: legacy.path,
        pathItem,
        operation,
        legacy: true,
        fallbackScope: borrowScope(doc, operation.tags?.[0], method),
      });
    }
    result[module] = sortOperations(sources.map(buildDescriptor));
  }
  return result;
}

const HEADER = [
  "// Generated by `npm run generate` (scripts/generate-operations.ts) from the official ServiceTitan",
  "// OpenAPI documents. Do not edit by hand: change the generator and regenerate.",
].join("\n");

/** Renders a value as pretty JSON with one-space indentation. */
function render(value: unknown): string {
  return JSON.stringify(value, null, 1);
}

/**
 * Descriptors are data, so they are written as JSON: the bundler inlines them as JSON.parse (faster to
 * load than an object literal), and tools that look for repeated code do not mistake inlined schemas
 * for duplicated source.
 */
export function moduleFileName(module: ModuleKey): string {
  return `${GENERATED_DIR}/${module}.json`;
}

/** Every generated file, keyed by path relative to the repository root. Pure apart from reading `openapiDir`. */
export function generateFiles(openapiDir: string): Record<string, string> {
  const byModule = buildOperations(openapiDir);
  const files: Record<string, string> = {};
  files[`${GENERATED_DIR}/shapes.json`] = takeResponseShapes(byModule);
  for (const module of MODULE_KEYS) {
    files[moduleFileName(module)] = `${render(byModule[module])}\n`;
  }
  // The catalog index: each action's key with its module and operationId, in catalog order. The
  // component reads it at load instead of parsing every descriptor and deriving every key (issue 16
  // item 9); buildCatalog, which checks keys and curated words, made it here from the new descriptors,
  // and test/generated/catalogIndex.test.ts fails when it no longer matches (regenerate then).
  const index = buildCatalog(
    MODULE_KEYS.flatMap((m) => byModule[m]),
    curatedOperations,
  ).map((e) => [e.key, e.op.module, e.op.operationId]);
  files[`${GENERATED_DIR}/catalogIndex.json`] = `[\n${index.map((row) => ` ${JSON.stringify(row)}`).join(",\n")}\n]\n`;
  // A key such as "customer-interactions" becomes a quoted key.
  const prop = (m: string) => (/^[a-z][a-z0-9]*$/i.test(m) ? m : JSON.stringify(m));
  const loaders = MODULE_KEYS.map((m) => `  ${prop(m)}: () => require("./${m}.json"),`).join("\n");
  files[`${GENERATED_DIR}/index.ts`] =
    `${HEADER}\n` +
    `// Each module's descriptors are parsed on first read (a lazy property), not at load: an execution\n` +
    `// runs one action and needs one module's descriptors (issue 16 item 9, cold start).\n` +
    `import { lazyRecord } from "../../core/lazy";\n` +
    `import type { ModuleKey, OperationDescriptor } from "../types";\n` +
    `import catalogIndexJson from "./catalogIndex.json";\n\n` +
    `const load: Record<ModuleKey, () => OperationDescriptor[]> = {\n${loaders}\n};\n\n` +
    `/** The modules in catalog order. */\n` +
    `export const GENERATED_MODULES: readonly ModuleKey[] = ${JSON.stringify(MODULE_KEYS)};\n\n` +
    `/** Descriptors per module, each sorted by path then method (GET, POST, PUT, PATCH, DELETE); parsed on first read. */\n` +
    `export const operationsByModule: Record<ModuleKey, OperationDescriptor[]> = lazyRecord(GENERATED_MODULES, (m) => load[m as ModuleKey]()) as Record<ModuleKey, OperationDescriptor[]>;\n\n` +
    `/** Every descriptor, modules in a fixed order (${MODULE_KEYS.join(", ")}); legacy operations included. Parses every module. */\n` +
    `export const allOperations = (): OperationDescriptor[] => GENERATED_MODULES.flatMap((m) => operationsByModule[m]);\n\n` +
    `/** [action key, module, operationId] of every catalog action, in catalog order (written by buildCatalog). */\n` +
    `export const catalogIndex = catalogIndexJson as unknown as ReadonlyArray<readonly [string, ModuleKey, string]>;\n`;
  return files;
}
