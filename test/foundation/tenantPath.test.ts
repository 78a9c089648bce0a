/**
 * Issue 14 item 1: nothing built from outside data leaves the tenant base. Raw Request's Path input and
 * the one transport (client.ts) both refuse every spelling the URL parser reads as "..", control
 * characters and backslashes; the transport also checks the final URL (WHATWG parser) for the API base's
 * origin and the /<module>/v2/tenant/<tenant>/ prefix, so no caller can bypass the input's check.
 */
import { cleanRelativePath } from "../../src/actions/rawRequest";
import { createServiceTitanClient, fillPath } from "../../src/http/client";
import { tenantUrl } from "../../src/http/endpoints";
import { InputError } from "../../src/inputs/clean";
import { ESCAPING_PATHS } from "./escapingPaths";
import { type CaptureServer, captureConnection, CAPTURE_TENANT } from "../support/captureServer";
import { useCaptureServer } from "../support/harness";


describe("Raw Request Path input", () => {
  test.each(ESCAPING_PATHS)("refuses %j, naming Path", (path) => {
    expect(() => cleanRelativePath(path)).toThrow(InputError);
    expect(() => cleanRelativePath(path)).toThrow(/^Path: /);
  });
  test("ordinary paths pass unchanged", () => {
    expect(cleanRelativePath("customers/123")).toBe("/customers/123");
    expect(cleanRelativePath("/customers/123/notes")).toBe("/customers/123/notes");
    expect(cleanRelativePath("/export/customers")).toBe("/export/customers");
  });
});

describe("the transport's own check (no caller can bypass it)", () => {
  let server: CaptureServer;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  test.each(ESCAPING_PATHS)("request() refuses %j before sending", async (path) => {
    server.clear();
    const client = createServiceTitanClient(captureConnection(server), { retry: { maxAttempts: 1 } });
    await expect(client.request({ module: "crm", method: "GET", path, operation: "probe" })).rejects.toThrow(/^Path: /);
    expect(server.requests).toHaveLength(0);
  });

  test("a module that is not one path segment is refused", async () => {
    const client = createServiceTitanClient(captureConnection(server), { retry: { maxAttempts: 1 } });
    await expect(client.request({ module: "crm/../jpm", method: "GET", path: "/x", operation: "probe" })).rejects.toThrow(/^Module: /);
    await expect(client.request({ module: "..", method: "GET", path: "/x", operation: "probe" })).rejects.toThrow(/^Module: /);
  });

  test("an ordinary request reaches exactly the tenant base", async () => {
    server.clear();
    const client = createServiceTitanClient(captureConnection(server), { retry: { maxAttempts: 1 } });
    await client.request({ module: "crm", method: "GET", path: "/customers/12", query: { a: "b c" }, operation: "probe" });
    expect(server.requests.map((r) => r.path)).toEqual([`/crm/v2/tenant/${CAPTURE_TENANT}/customers/12`]);
  });
});

describe("tenantUrl: the final URL is checked with the WHATWG parser", () => {
  const base = "https://api.servicetitan.io";
  test("builds the URL below the tenant base, query included", () => {
    expect(tenantUrl(base, "crm", "42", "/customers/1", "?a=1")).toBe("https://api.servicetitan.io/crm/v2/tenant/42/customers/1?a=1");
  });
  test("a proxy prefix is kept and required", () => {
    expect(tenantUrl("http://127.0.0.1:9/st", "jpm", "42", "/jobs", "")).toBe("http://127.0.0.1:9/st/jpm/v2/tenant/42/jobs");
    expect(() => tenantUrl("http://127.0.0.1:9/st", "jpm", "42", "/.%2e/.%2e/.%2e/.%2e/other-service", "")).toThrow(/^Path: /);
  });
  test.each(ESCAPING_PATHS)("refuses %j", (path) => {
    expect(() => tenantUrl(base, "crm", "42", path, "")).toThrow(/^Path: /);
  });
  test("an operation's API version replaces v2 in the tenant base (telecom's v3 list); v2 when absent", () => {
    expect(tenantUrl(base, "telecom", "42", "/calls", "?page=1", "v3")).toBe("https://api.servicetitan.io/telecom/v3/tenant/42/calls?page=1");
    expect(tenantUrl(base, "telecom", "42", "/calls/7", "", undefined)).toBe("https://api.servicetitan.io/telecom/v2/tenant/42/calls/7");
  });
  test.each(["V3", "v", "3", "v3/..", "v3/../../crm/v2", "v2%2f..", "v1.5", " v3", "v3\n", ""])("refuses the API version %j", (version) => {
    expect(() => tenantUrl(base, "telecom", "42", "/calls", "", version)).toThrow(/^API Version: /);
  });
  test.each(ESCAPING_PATHS)("keeps every path check under another version: refuses %j", (path) => {
    expect(() => tenantUrl(base, "telecom", "42", path, "", "v3")).toThrow(/^Path: /);
  });
});

describe("path parameters", () => {
  test('a path parameter that would be read as "." or ".." is refused naming its input', () => {
    for (const value of ["..", ".", "%2e%2e", ".%2E", "a/../b", "x\\..", "line\nbreak"]) {
      expect(() => fillPath("/customers/{id}/notes", { id: value }, () => "Customer ID")).toThrow(/^Customer ID: /);
    }
    expect(fillPath("/customers/{id}/notes", { id: "a/b c" }, () => "Customer ID")).toBe("/customers/a%2Fb%20c/notes");
  });
});
