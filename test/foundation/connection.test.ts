/**
 * The connection: one Environment choice decides the API host and must agree with the Token URL; every
 * problem is a ConnectionError naming the field, raised before anything is sent.
 */
import { ConnectionError, type Connection } from "@prismatic-io/spectral";
import { resolveConnection } from "../../src/http/endpoints";
import { serviceTitanConnection } from "../../src/connections/serviceTitan";
import { buildConnection, type ConnectionFields } from "../../scripts/lib/connection";
import type { Sandbox } from "../../sandbox/server";
import { spectral, useSandbox } from "../support/harness";

const PROD = "https://auth.servicetitan.io";
const INTEGRATION = "https://auth-integration.servicetitan.io";

const fields = (over: Partial<ConnectionFields> = {}): ConnectionFields => ({
  environment: PROD,
  tokenUrl: `${PROD}/connect/token`,
  clientId: "cid",
  clientSecret: "secret-value-xyz",
  applicationKey: "ak1.app-key-value",
  tenant: "10978752986",
  ...over,
});

const expectConnectionError = (fn: () => unknown, field: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toMatch(field);
    return;
  }
  throw new Error("expected a ConnectionError");
};

describe("one Environment choice decides both hosts", () => {
  test("the Token URL is a template of Environment, so it cannot disagree with it", () => {
    const tokenUrl = serviceTitanConnection.inputs.tokenUrl as { type: string; templateValue: string };
    expect(tokenUrl).toMatchObject({ type: "template", templateValue: "{{#environment}}/connect/token" });
    const env = serviceTitanConnection.inputs.environment as { model: Array<{ label: string; value: string }>; default: string };
    expect(env.model).toEqual([
      { label: "Production", value: PROD },
      { label: "Integration (developer sandbox)", value: INTEGRATION },
    ]);
    expect(env.default).toBe(PROD);
  });
  test("production and integration", () => {
    expect(resolveConnection(buildConnection(fields(), "tok")).apiBaseUrl).toBe("https://api.servicetitan.io");
    expect(resolveConnection(buildConnection(fields({ environment: INTEGRATION, tokenUrl: `${INTEGRATION}/connect/token` }), "tok")).apiBaseUrl).toBe(
      "https://api-integration.servicetitan.io",
    );
    // the words work too (older configurations)
    expect(resolveConnection(buildConnection(fields({ environment: "integration", tokenUrl: "" }), "tok")).apiBaseUrl).toBe("https://api-integration.servicetitan.io");
  });
  test("a proxy (or the sandbox): Environment is its auth origin, plus API Base URL", () => {
    const c = buildConnection(fields({ environment: "http://127.0.0.1:9", tokenUrl: "http://127.0.0.1:9/connect/token", apiBaseUrl: "http://127.0.0.1:9/" }), "tok");
    expect(resolveConnection(c).apiBaseUrl).toBe("http://127.0.0.1:9");
  });
});

describe("every connection problem names the field", () => {
  test("a stored token URL of another environment", () => {
    expectConnectionError(
      () => resolveConnection(buildConnection(fields({ environment: INTEGRATION }), "tok")),
      /^Token URL: .* does not belong to Environment https:\/\/auth-integration\.servicetitan\.io/,
    );
  });
  test("non-numeric tenant", () => expectConnectionError(() => resolveConnection(buildConnection(fields({ tenant: "acme" }), "tok")), /^Tenant ID: expected the numeric/));
  test("a proxy without API base URL", () =>
    expectConnectionError(() => resolveConnection(buildConnection(fields({ environment: "http://127.0.0.1:9", tokenUrl: "" }), "tok")), /^API Base URL \(Proxy Only\): is required/));
  test("a proxy with a malformed API base URL", () =>
    expectConnectionError(
      () => resolveConnection(buildConnection(fields({ environment: "http://127.0.0.1:9", tokenUrl: "", apiBaseUrl: "not a url" }), "tok")),
      /^API Base URL \(Proxy Only\): expected an absolute/,
    ));
  test("unknown environment", () =>
    expectConnectionError(() => resolveConnection(buildConnection(fields({ environment: "staging" }), "tok")), /^Environment: expected Production \(https:\/\/auth\.servicetitan\.io\), Integration/));
  test("missing token", () => expectConnectionError(() => resolveConnection(buildConnection(fields())), /^Access token: the connection has no access token/));
  test("missing application key", () => expectConnectionError(() => resolveConnection(buildConnection(fields({ applicationKey: "" }), "tok")), /^Application Key: is required/));
  test("a connection of another kind", () =>
    expectConnectionError(() => resolveConnection({ ...buildConnection(fields(), "tok"), key: "somethingElse" }), /^Connection: expected a "serviceTitanConnection"/));
});

describe("issue 2 done-when: bad input fails naming the field and sends nothing", () => {
  let sandbox: Sandbox;
  let good: Connection;
  const harness = spectral;
  const t = useSandbox();
  beforeAll(() => ({ sb: sandbox, connection: good } = t));
  const apiRequests = () => sandbox.requests.filter((r) => !r.path.startsWith("/connect/")).length;

  test("a non-numeric tenant", async () => {
    const before = apiRequests();
    const bad = { ...good, fields: { ...good.fields, tenant: "12ab" } };
    await expect(harness.action("getCustomer", { connection: bad, customerId: "1" })).rejects.toThrow(/Tenant ID: expected the numeric/);
    expect(apiRequests()).toBe(before);
  });

  test("an absolute Raw Request URL, or one that climbs out with ..", async () => {
    const before = apiRequests();
    await expect(harness.action("rawRequest", { connection: good, module: "crm", method: "GET", path: "https://evil.example.com/steal" })).rejects.toThrow(/^Path: expected a path below the tenant base/);
    await expect(harness.action("rawRequest", { connection: good, module: "crm", method: "GET", path: "//evil.example.com/x" })).rejects.toThrow(/^Path:/);
    await expect(harness.action("rawRequest", { connection: good, module: "crm", method: "GET", path: "/customers/../../../other" })).rejects.toThrow(/^Path: "\." and "\.\." segments are not allowed/);
    await expect(harness.action("rawRequest", { connection: good, module: "crm", method: "GET", path: "/customers", headers: [{ key: "Authorization", value: "Bearer x" }] })).rejects.toThrow(/^Headers: "Authorization" is set by the connection/);
    expect(apiRequests()).toBe(before);
  });

  test("a malformed JSON input", async () => {
    const before = apiRequests();
    await expect(harness.action("createCustomer", { connection: good, name: "Jane", address: "{street:", locations: "[]" })).rejects.toThrow(/Customer Address \(JSON\): expected valid JSON/);
    expect(apiRequests()).toBe(before);
  });

  test("Raw Request reaches the tenant API through the same transport", async () => {
    const result = (await harness.action("rawRequest", { connection: good, module: "crm", method: "GET", path: "customers", queryParams: [{ key: "pageSize", value: "2" }] })) as { data: { data: unknown[] } };
    expect(result.data.data.length).toBe(2);
    const last = sandbox.requests[sandbox.requests.length - 1];
    expect(last.path).toBe(`/crm/v2/tenant/${sandbox.credentials.tenant}/customers`);
    expect(last.headers.authorization).toMatch(/^Bearer /);
    expect(last.headers["st-app-key"]).toBe(sandbox.credentials.appKey);
  });
});
