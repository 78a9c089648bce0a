import { ConnectionError } from "@prismatic-io/spectral";
import { toApiError, toBodyError, toNetworkError } from "../../src/http/errors";

const call = { operation: '"Create Customer"', method: "POST", path: "/customers", scope: "tn.crm.customers:w" };
const problem = (status: number, extra: object = {}) =>
  JSON.stringify({ type: "https://tools.ietf.org/html/rfc7231#section-6.5.1", title: "One or more validation errors occurred.", status, traceId: "00-abc-01", errors: {}, data: {}, ...extra });

describe("error messages", () => {
  test("RFC 7807: operation, status, title, each field error and traceId", () => {
    const e = toApiError(call, 400, problem(400, { errors: { Name: ["The Name field is required."], "Address.Zip": ["Invalid zip."] } }));
    expect(e.message).toContain('ServiceTitan "Create Customer" failed with 400 Bad Request: One or more validation errors occurred.');
    expect(e.message).toContain("Name: The Name field is required.");
    expect(e.message).toContain("Address.Zip: Invalid zip.");
    expect(e.message).toContain("traceId: 00-abc-01");
  });

  test("401 becomes a ConnectionError", () => {
    const conn = { key: "serviceTitanConnection", configVarKey: "c", fields: {} };
    const e = toApiError(call, 401, problem(401, { title: "Unauthorized" }), conn);
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.message).toMatch(/Client ID, Client Secret, Application Key/);
  });

  test("403 names the scope the operation needs", () => {
    expect(toApiError(call, 403, problem(403, { title: "Forbidden" })).message).toContain('OAuth scope "tn.crm.customers:w"');
  });

  test("404 names what was not found", () => {
    const e = toApiError({ ...call, method: "GET", path: "/customers/42" }, 404, problem(404, { title: "Customer not found" }));
    expect(e.message).toContain("GET /customers/42");
  });

  test("non-JSON bodies: HTML pages are reduced to text, empty bodies are said to be empty", () => {
    const html = toApiError(call, 502, "<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    expect(html.message).toContain("502 Bad Gateway");
    expect(html.message).not.toContain("<h1>");
    expect(toApiError(call, 500, "").message).toContain("no body");
  });

  test("truncated 2xx bodies and network failures read clearly", () => {
    expect(toBodyError(call, 200, '{"data":[{"id":1').message).toMatch(/not valid JSON.*no partial result/);
    expect(toNetworkError(call, { code: "ECONNRESET" }, 1).message).toContain("lost its connection (reset) after 1 attempt");
    expect(toNetworkError(call, { code: "ECONNABORTED" }, 3).message).toContain("timed out after 3 attempts");
  });
});

describe("JSON error bodies without title or errors", () => {
  test("show their message, detail or error_description", () => {
    expect(toApiError(call, 400, JSON.stringify({ message: "Customer ID = 5 is not active" })).message).toContain("Customer ID = 5 is not active");
    expect(toApiError(call, 409, JSON.stringify({ status: 409, detail: "The service is suspended for maintenance." })).message).toContain(
      "The service is suspended for maintenance.",
    );
    expect(toApiError(call, 400, JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed" })).message).toContain(
      "Client authentication failed",
    );
  });

  test("any other JSON object is shown as a short excerpt", () => {
    const e = toApiError(call, 500, JSON.stringify({ code: "E42", info: "backend unavailable" }));
    expect(e.message).toContain("backend unavailable");
  });
});
