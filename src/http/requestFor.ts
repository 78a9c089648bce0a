/**
 * Hand-written requests built through the contract (issue 17 item 7). A workflow names the operation
 * (module + ServiceTitan operationId) and gives values by the documented parameter names; the generated
 * descriptor says which are path and which are query parameters, fills the path (each value one encoded
 * segment, `fillPath`) and supplies method and scope. So a hand-written workflow cannot send a path,
 * parameter or body the contract does not have, and the contract test (test/contract/workflows.test.ts)
 * checks what it sends like any generated action's request.
 *
 * Refused, as defects in the calling code (plain Errors, before anything is sent): an operation the
 * contract does not have, a value for a parameter the operation does not declare, a query value that is
 * not a scalar or list of scalars, a missing required query parameter, a body for an operation that takes
 * none or no body where one is required. A missing path value fails naming its input, like every
 * path (`fillPath`).
 *
 * Paging parameters (page, pageSize, includeTotal, from, …) are added by src/paging/ on top of the
 * request returned here.
 */
import { findOperation } from "../operations/catalog";
import type { ModuleKey, OperationDescriptor } from "../operations/types";
import { fillPath, type QueryParams, type QueryValue, type StRequest } from "./client";

/** Values by the operation's documented parameter names; `body` is the JSON body. */
export type RequestValues = Record<string, unknown> & { body?: unknown };

const isScalar = (v: unknown): boolean => ["string", "number", "boolean", "bigint"].includes(typeof v);

const isQueryValue = (v: unknown): v is QueryValue =>
  v === undefined || v === null || isScalar(v) || (Array.isArray(v) && v.every((item) => typeof item !== "boolean" && isScalar(item)));

const refuse = (op: Pick<OperationDescriptor, "module" | "operationId">, problem: string): never => {
  throw new Error(`requestFor ${op.module}:${op.operationId}: ${problem}`);
};

/**
 * The request for one operation of the contract.
 * @param operation human name of the calling workflow for error messages, e.g. `"Find or Create Customer"`
 * @param labels input label per path parameter name, for the message when a path value is missing
 */
export const requestFor = (
  module: ModuleKey,
  operationId: string,
  values: RequestValues = {},
  operation: string = operationId,
  labels: Record<string, string> = {},
): StRequest => {
  const op = findOperation(module, operationId);
  if (!op) return refuse({ module, operationId }, "the contract has no such operation");
  const byName = new Map(op.params.map((p) => [p.name, p]));
  if (byName.has("body")) refuse(op, 'a parameter named "body" would be mistaken for the body; build this request another way');

  const pathValues: Record<string, unknown> = {};
  const query: QueryParams = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === "body") continue;
    const param = byName.get(name);
    if (!param) return refuse(op, `"${name}" is not a parameter of this operation (it takes: ${[...byName.keys()].join(", ") || "none"})`);
    if (param.in === "path") pathValues[name] = value;
    else if (!isQueryValue(value)) refuse(op, `query parameter "${name}" takes a scalar or a list of scalars`);
    else query[name] = value;
  }
  for (const p of op.params) {
    const v = query[p.name];
    if (p.in === "query" && p.required && (v === undefined || v === null || v === "")) refuse(op, `required query parameter "${p.name}" has no value`);
  }
  const hasBody = values.body !== undefined;
  if (hasBody && !op.body) refuse(op, "the operation takes no body");
  if (!hasBody && op.body?.required) refuse(op, "the operation requires a body");

  return {
    module: op.module,
    ...(op.version ? { version: op.version } : {}),
    method: op.method,
    path: fillPath(op.path, pathValues, (name) => labels[name] ?? name),
    ...(Object.keys(query).length ? { query } : {}),
    ...(hasBody ? { body: values.body } : {}),
    operation,
    scope: op.scope,
  };
};
