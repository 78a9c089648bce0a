/**
 * Contract test over EVERY generated action (issue 3 item 4).
 *
 * Each action is invoked through the component (Spectral's adapter, so every input's `clean` runs) with
 * inputs synthesised from its own input definitions, against a local capture server. The request it
 * sends is then matched by METHOD + PATH in the official ServiceTitan OpenAPI document and validated
 * there with openapi-backend (path params, query params, JSON body), plus our own wire rules: auth
 * headers, tenant base path, no undeclared query names. The legacy Payments_Create is checked against
 * its legacy 3.0.1 document.
 *
 * A second sweep leaves each required input empty in turn and expects a failure before anything is
 * sent, naming that input.
 */
import { builtActions } from "../../src/actions";
import type { BuiltAction } from "../../src/actions/fromOperation";
import { curatedOperations } from "../../src/operations/curated";
import { allOperations } from "../../src/operations/generated";
import { describeWithDocs } from "../support/openapiDocs";
import {
  CAPTURE_ACCESS_TOKEN,
  CAPTURE_APP_KEY,
  CAPTURE_TENANT,
  type CaptureServer,
  type CannedResponse,
  captureConnection,
} from "../support/captureServer";
import { spectral, useCaptureServer } from "../support/harness";
import { type InputDefs, isConnectionInput, labelOf, synthParams } from "../support/actionInputs";
import { checkRequest, contractApiFor } from "./openapiValidator";

/** A plausible 200 answer for the operation: its response example, shaped as paging expects. */
export const cannedResponseFor = (built: BuiltAction): CannedResponse => {
  const example = built.op.response?.example as Record<string, unknown> | undefined;
  if (built.mode === "page") {
    const ok = example && Array.isArray(example.data) && typeof example.hasMore === "boolean";
    return { status: 200, body: ok ? { ...example, hasMore: false } : { page: 1, pageSize: 50, hasMore: false, data: [] } };
  }
  if (built.mode === "export") {
    const ok = example && Array.isArray(example.data) && "continueFrom" in example;
    return { status: 200, body: ok ? { ...example, hasMore: false } : { hasMore: false, continueFrom: "token-1", data: [] } };
  }
  if (!built.op.response?.contentType) return { status: 200, body: "" };
  if (!/json/.test(built.op.response.contentType)) {
    return { status: 200, body: "file-bytes", headers: { "Content-Type": built.op.response.contentType } };
  }
  return { status: 200, body: example ?? {} };
};

/** An action's structured inputs (src/inputs/structured.ts) and the JSON inputs of the body fields they fill. */
const structuredInputsOf = (built: BuiltAction): { keys: string[]; jsonKeys: string[] } | undefined => {
  const words = curatedOperations[`${built.op.module}:${built.op.operationId}`]?.structured;
  if (!words) return undefined;
  const fields = new Set(Object.values(words).map((w) => w.into.split(/[.[]/)[0]));
  const jsonKeys = built.bindings.filter((b) => b.placement === "body" && fields.has(b.name)).map((b) => b.inputKey);
  return { keys: Object.keys(words), jsonKeys };
};

interface Variant {
  name: string;
  params: Record<string, unknown>;
}

/** The invocations each action gets: every example filled in; required only; and paging for lists. */
const variantsFor = (built: BuiltAction, connection: ReturnType<typeof captureConnection>): Variant[] => {
  const inputs = built.definition.inputs as unknown as InputDefs;
  const variants: Variant[] = [
    { name: "all examples", params: synthParams(inputs, connection, { optional: true }) },
    { name: "required only", params: synthParams(inputs, connection) },
  ];
  const structured = structuredInputsOf(built);
  if (structured) {
    // The everyday flows: the body fields filled from the structured inputs alone, then from their JSON inputs alone.
    const all = synthParams(inputs, connection, { optional: true });
    const pick = (keys: string[]) => Object.fromEntries(keys.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
    variants.push({ name: "structured inputs only", params: { ...variants[1].params, ...pick(structured.keys) } });
    variants.push({ name: "their JSON inputs only", params: { ...variants[1].params, ...pick(structured.jsonKeys) } });
  }
  if (built.mode === "page") {
    variants.push({
      name: "page 3 of 200 with total",
      params: synthParams(inputs, connection, { overrides: { page: "3", pageSize: "200", includeTotal: "true" } }),
    });
  }
  if (built.mode === "export") {
    variants.push({
      name: "export from token",
      params: synthParams(inputs, connection, { overrides: { from: "2026-01-01", includeRecentChanges: "true" } }),
    });
  }
  return variants;
};

describeWithDocs("contract: every generated action sends a request the official document accepts", () => {
  let server: CaptureServer;
  const harness = spectral;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  it("validates the request of every action and variant", async () => {
    const connection = captureConnection(server);
    const failures: string[] = [];
    let requestCount = 0;
    let validCount = 0;
    // the operation's own version (telecom's calls list is v3); checkRequest then matches the path below the
    // document's server (…/telecom) against telecom.json's /v3/tenant/{tenant}/… and /v2/tenant/{tenant}/… paths
    const tenantBase = (op: { module: string; version?: string }) => `/${op.module}/${op.version ?? "v2"}/tenant/${CAPTURE_TENANT}`;

    for (const built of builtActions()) {
      const contract = await contractApiFor(built.op.module, Boolean(built.op.legacy));
      const canned = cannedResponseFor(built);
      server.setResponder(() => canned);
      for (const variant of variantsFor(built, connection)) {
        const where = `${built.key} [${variant.name}]`;
        server.clear();
        try {
          await harness.action(built.key, variant.params);
        } catch (error) {
          // required inputs alone may break a curated cross-field rule (a booking needs an address or a phone/email): refusing before sending is right
          if (variant.name === "required only" && curatedOperations[`${built.op.module}:${built.op.operationId}`]?.validate && (error as Error).name === "InputError") continue;
          // …and a body field the contract requires, which structured inputs or their JSON input may fill, is refused when neither is given
          if (variant.name === "required only" && structuredInputsOf(built) && (error as Error).name === "InputError" && /needs (at least one|an?) \w+: fill in /.test((error as Error).message)) continue;
          // …and an update (PATCH) given nothing to change is refused before sending, by design
          if (variant.name === "required only" && built.op.method === "PATCH" && (error as Error).name === "InputError" && /fill in at least one field to change/.test((error as Error).message)) continue;
          failures.push(`${where}: the action failed: ${(error as Error).message}`);
          continue;
        }
        if (server.requests.length === 0) {
          failures.push(`${where}: no request was sent`);
          continue;
        }
        for (const req of server.requests) {
          requestCount += 1;
          const problems: string[] = [];
          if (req.method !== built.op.method) problems.push(`method ${req.method}, expected ${built.op.method}`);
          if (!req.path.startsWith(`${tenantBase(built.op)}/`)) problems.push(`path ${req.path} is not below ${tenantBase(built.op)}`);
          if (req.headers.authorization !== `Bearer ${CAPTURE_ACCESS_TOKEN}`) problems.push("Authorization: Bearer <token> header missing or wrong");
          if (req.headers["st-app-key"] !== CAPTURE_APP_KEY) problems.push("ST-App-Key header missing or wrong");
          const check = checkRequest(contract, req);
          problems.push(...check.errors);
          if (check.operation && check.operation.operationId !== built.op.operationId) {
            problems.push(`matched ${check.operation.operationId} in the document, expected ${built.op.operationId}`);
          }
          if (problems.length) {
            failures.push(`${where} ${req.method} ${req.path}${req.rawQuery ? `?${req.rawQuery}` : ""}${req.rawBody ? ` body ${req.rawBody.slice(0, 300)}` : ""}\n    - ${problems.join("\n    - ")}`);
          } else validCount += 1;
        }
      }
    }
    console.log(`${builtActions().length} actions, ${validCount} requests valid (of ${requestCount} sent)`);
    if (failures.length) throw new Error(`${failures.length} contract mismatches:\n${failures.join("\n")}`);
    expect(validCount).toBe(requestCount);
    // every generated operation has its action (the count is not just the test measuring itself)
    expect(builtActions()).toHaveLength(allOperations().length);
    expect(requestCount).toBeGreaterThanOrEqual(builtActions().length * 2);
  }, 300_000); // 762 requests through the 60/s rate limiter: ~13 s alone, longer on a busy machine

  it("the validator itself rejects bad requests and accepts null for 3.1 nullable fields", async () => {
    // Guards the guard: if openapi-backend silently accepted everything, the test above would pass.
    const contract = await contractApiFor("crm");
    const base = `/crm/v2/tenant/${CAPTURE_TENANT}`;
    const req = (method: string, path: string, query: Record<string, string>, body?: unknown) => ({
      method,
      path: `${base}${path}`,
      rawQuery: new URLSearchParams(query).toString(),
      query,
      headers: { "content-type": "application/json" },
      rawBody: body === undefined ? "" : JSON.stringify(body),
      body,
    });
    expect(checkRequest(contract, req("GET", "/customers", { pageSize: "50" })).errors).toEqual([]);
    expect(checkRequest(contract, req("GET", "/customers", { pageSize: "abc" })).errors.join()).toMatch(/pageSize/);
    expect(checkRequest(contract, req("GET", "/customers", { modifiedBefore: "2026-02-30T00:00:00Z" })).errors.join()).toMatch(/modifiedBefore/);
    expect(checkRequest(contract, req("GET", "/customers", { nonsense: "1" })).errors.join()).toMatch(/nonsense/);
    expect(checkRequest(contract, req("GET", "/customerz", {})).errors.join()).toMatch(/no operation/);
    expect(checkRequest(contract, req("POST", "/customers", {}, { name: "x" })).errors.join()).toMatch(/locations|address/);
    // A 3.1 `type: [X, "null"]` field: null is accepted, a wrong type is not.
    const doc = (contract.api as any).definition;
    const nullable = findNullableRequestField(doc);
    expect(nullable).toBeDefined();
    if (nullable) {
      const { method, path, field, okBody } = nullable;
      expect(checkRequest(contract, req(method, path, {}, { ...okBody, [field.name]: null })).errors).toEqual([]);
      expect(checkRequest(contract, req(method, path, {}, { ...okBody, [field.name]: field.wrong })).errors.join()).toMatch(new RegExp(field.name));
    }
  });

  it("every required input left empty fails before anything is sent, naming the input", async () => {
    const connection = captureConnection(server);
    server.setResponder(() => ({ status: 200, body: {} }));
    const failures: string[] = [];
    let cases = 0;
    for (const built of builtActions()) {
      const inputs = built.definition.inputs as unknown as InputDefs;
      for (const [key, def] of Object.entries(inputs)) {
        if (!def.required || isConnectionInput(def)) continue;
        cases += 1;
        server.clear();
        const params = synthParams(inputs, connection, { overrides: { [key]: def.collection ? [] : "" } });
        const label = labelOf(def);
        try {
          await harness.action(built.key, params);
          failures.push(`${built.key}.${key}: succeeded without "${label}"`);
        } catch (error) {
          const message = (error as Error).message ?? String(error);
          if (!message.includes(label)) failures.push(`${built.key}.${key}: message does not name "${label}": ${message}`);
        }
        if (server.requests.length) failures.push(`${built.key}.${key}: ${server.requests.length} request(s) sent without "${label}"`);
      }
    }
    console.log(`${cases} required inputs left empty: ${cases - failures.length} rejected before sending`);
    if (failures.length) throw new Error(`${failures.length} problems:\n${failures.join("\n")}`);
    expect(cases).toBeGreaterThan(100);
  });
});

/** Finds a request-body field declared `type: [X, "null"]` (scalar X) in an operation with an optional body. */
function findNullableRequestField(doc: any):
  | { method: string; path: string; field: { name: string; wrong: unknown }; okBody: Record<string, unknown> }
  | undefined {
  for (const [p, item] of Object.entries<any>(doc.paths ?? {})) {
    if (p.includes("{") && p.replace("{tenant}", "").includes("{")) continue;
    for (const method of ["patch", "post", "put"]) {
      const schema = item[method]?.requestBody?.content?.["application/json"]?.schema;
      if (!schema?.properties || schema.required?.length) continue;
      for (const [name, prop] of Object.entries<any>(schema.properties)) {
        if (Array.isArray(prop.type) && prop.type.includes("null") && prop.type.includes("string") && !prop.format && !prop.enum) {
          return { method: method.toUpperCase(), path: p.replace("/tenant/{tenant}", ""), field: { name, wrong: 12345 }, okBody: {} };
        }
      }
    }
  }
  return undefined;
}
