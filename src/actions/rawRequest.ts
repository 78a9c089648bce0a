/**
 * Raw Request: any ServiceTitan call this component has no action for yet, through the same transport
 * (auth headers, retries, rate limit, error messages, redaction). The path is always relative to the
 * tenant base of the chosen module, so the token never leaves ServiceTitan's hosts.
 */
import { action, input } from "@prismatic-io/spectral";
import { clientFor } from "../http/clientFor";
import { API_VERSION, DEFAULT_API_VERSION, tenantPathProblem } from "../http/endpoints";
import { cleanEnum, cleanJson, cleanKeyValueList, cleanString, InputError } from "../inputs/clean";
import { connectionInput, debugRequestInput } from "../inputs/shared";
import { API_MODULE_KEYS, API_MODULES } from "../operations/modules";
import { lazyOutputSchema } from "../operations/outputSchema";
import type { HttpMethod } from "../operations/types";

/** Every module path segment ServiceTitan's tenant APIs use: the module registry's keys. */
export const RAW_REQUEST_MODULES = API_MODULE_KEYS;

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const PROTECTED_HEADERS = /^(authorization|st-app-key|host|content-length)$/i;

/**
 * A path below the tenant base: no scheme or host, and nothing the URL parser could read as a way out
 * (the rule is endpoints.ts `tenantPathProblem`, which the transport applies again to the final URL).
 */
export const cleanRelativePath = (value: unknown): string => {
  const text = cleanString("Path", { required: true })(value) as string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//")) {
    throw new InputError(`Path: expected a path below the tenant base such as /customers/123, not an absolute URL ("${text}").`);
  }
  const path = text.startsWith("/") ? text : `/${text}`;
  if (path.includes("?")) throw new InputError("Path: put query parameters in Query Parameters, not in the path.");
  const problem = tenantPathProblem(path);
  if (problem) throw new InputError(`Path: ${problem} (got ${JSON.stringify(text)}).`);
  return path;
};

/**
 * The API version of the tenant base: v2 (empty) for every module but telecom's calls list, which is v3.
 * One segment "v<digits>", lower case; the transport checks it again (tenantUrl).
 */
export const cleanApiVersion = (value: unknown): string =>
  cleanString("API Version", { pattern: API_VERSION, patternHint: "v followed by digits, such as v2 or v3" })(value) || DEFAULT_API_VERSION;

/** Extra headers as key/value rows; the ones the connection sets (auth, app key, host, length) are refused. */
export const cleanHeaders = (value: unknown): Record<string, string> | undefined => {
  const headers = cleanKeyValueList("Headers")(value);
  for (const name of Object.keys(headers ?? {})) {
    if (PROTECTED_HEADERS.test(name.trim())) throw new InputError(`Headers: "${name}" is set by the connection and cannot be overridden.`);
  }
  return headers;
};

export const rawRequest = action({
  display: {
    label: "Raw Request",
    description:
      "Sends any request to a ServiceTitan tenant API with this connection's authentication, retries and rate limiting. The path is relative to https://api.servicetitan.io/<module>/<version>/tenant/<tenant>, the version being v2 unless API Version names another (telecom's calls list is v3).",
  },
  inputs: {
    connection: connectionInput,
    module: input({
      label: "Module",
      type: "string",
      required: true,
      default: "crm",
      // "Job Planning (jpm)": the name builders know, and the URL segment that is sent.
      model: API_MODULES.map((m) => ({ label: `${m.label} (${m.key})`, value: m.key })),
      comments: "The ServiceTitan API the path belongs to; its key in brackets is the part of the URL after the host (crm, jpm, dispatch, …).",
      example: "crm",
      clean: cleanEnum("Module", [...RAW_REQUEST_MODULES], { required: true }),
    }),
    apiVersion: input({
      label: "API Version",
      type: "string",
      required: false,
      default: DEFAULT_API_VERSION,
      comments:
        "The version in the URL after the module: v2 for every ServiceTitan API except Telecom's calls list, which is v3 (/telecom/v3/tenant/<tenant>/calls). Leave v2 unless ServiceTitan's documentation shows another version in the path.",
      example: "v3",
      placeholder: DEFAULT_API_VERSION,
      clean: cleanApiVersion,
    }),
    method: input({
      label: "Method",
      type: "string",
      required: true,
      default: "GET",
      model: METHODS.map((m) => ({ label: m, value: m })),
      comments: "The HTTP method. GET, PUT and DELETE are retried after gateway errors and resets; POST and PATCH only after 429, except the few POST operations that only read (report data, capacity), which are retried like a GET.",
      example: "GET",
      clean: cleanEnum("Method", METHODS, { required: true }),
    }),
    path: input({
      label: "Path",
      type: "string",
      required: true,
      comments:
        "Path below the tenant base, starting with /, such as /customers/123/contacts. Absolute URLs, '.' and '..' in any spelling (such as %2e%2e), backslashes and control characters are refused, so the request never leaves this tenant's base and the access token is only ever sent to ServiceTitan.",
      example: "/customers/1234567",
      placeholder: "/customers",
      clean: cleanRelativePath,
    }),
    queryParams: input({
      label: "Query Parameters",
      type: "string",
      collection: "keyvaluelist",
      required: false,
      comments: "Query string parameters, one key and value per row.",
      example: "pageSize=50",
      clean: cleanKeyValueList("Query Parameters"),
    }),
    body: input({
      label: "Body",
      type: "code",
      language: "json",
      required: false,
      comments: "JSON body for POST, PUT and PATCH. Leave empty to send no body.",
      example: '{ "name": "Jane Smith" }',
      clean: cleanJson("Body"),
    }),
    headers: input({
      label: "Headers",
      type: "string",
      collection: "keyvaluelist",
      required: false,
      comments: "Extra request headers. Authorization, ST-App-Key, Host and Content-Length are set by the connection and the transport, and cannot be overridden.",
      example: "Accept-Language=en-US",
      clean: cleanHeaders,
    }),
    debugRequest: debugRequestInput,
  },
  performSafety: "notAllowed",
  examplePayload: { data: { page: 1, pageSize: 50, hasMore: false, data: [{ id: 1234567, name: "Jane Smith" }] } },
  // Any call: its answer is whatever ServiceTitan sends for that path (the example shows a list page).
  outputSchema: lazyOutputSchema(() => ({ description: "ServiceTitan's answer to the request, as it sent it: JSON, or {} when it sent no body." })),
  perform: async (context, params) => {
    const headers = params.headers ?? {};
    const client = clientFor(context, params);
    const res = await client.request({
      module: String(params.module),
      version: params.apiVersion,
      method: params.method as HttpMethod,
      path: params.path,
      query: (params.queryParams ?? {}) as Record<string, string>,
      body: params.body,
      headers,
      operation: `Raw Request (${params.method} ${params.path})`,
    });
    return { data: (res.data ?? {}) as unknown };
  },
});
