/**
 * Issue 14 item 7: a custom token or API host (a proxy, the embedded sandbox) must be https, except on
 * loopback (127.0.0.0/8, localhost, [::1]); the ConnectionError names the field. Both connections.
 */
import { ConnectionError, type Connection } from "@prismatic-io/spectral";
import { LEADS_CONNECTION_KEY } from "../../src/leads/connection";
import { resolveConnection } from "../../src/http/endpoints";
import { resolveLeadsConnection } from "../../src/leads/client";
import { buildConnection, type ConnectionFields } from "../../scripts/lib/connection";

const st = (over: Partial<ConnectionFields>): Connection =>
  buildConnection({ environment: "", tokenUrl: "", clientId: "cid", clientSecret: "secret-value-xyz", applicationKey: "ak1.app-key-value", tenant: "10978752986", ...over }, "tok");
const leads = (fields: Record<string, unknown>): Connection => ({
  key: LEADS_CONNECTION_KEY,
  configVarKey: "Leads",
  fields: { clientId: "id", clientSecret: "secret-value-xyz", scopes: "", environment: "custom", ...fields },
  token: { access_token: "tok-abcdef" },
});

const refused = (fn: () => unknown, message: RegExp) => {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConnectionError);
  expect((error as Error).message).toMatch(message);
};

const LOOPBACK = ["http://127.0.0.1:4010", "http://127.8.9.10", "http://localhost:4010", "http://[::1]:4010", "http://2130706433:4010"];
const PLAIN_REMOTE = ["http://proxy.example.com", "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://10.0.0.5:8080", "http://[::2]"];

describe("ServiceTitan connection", () => {
  test.each(LOOPBACK)("http on loopback is allowed: %s", (host) => {
    expect(resolveConnection(st({ environment: host, apiBaseUrl: host })).apiBaseUrl).toBe(new URL(host).origin);
  });
  test.each(PLAIN_REMOTE)("a plain-http auth origin elsewhere is refused, naming Environment: %s", (host) => {
    refused(() => resolveConnection(st({ environment: host, apiBaseUrl: "https://proxy.example.com" })), /^Environment: .*https/);
  });
  test.each(PLAIN_REMOTE)("a plain-http API base elsewhere is refused, naming API Base URL: %s", (host) => {
    refused(() => resolveConnection(st({ environment: "https://proxy.example.com", apiBaseUrl: host })), /^API Base URL \(Proxy Only\): .*https/);
  });
  test("https anywhere is fine", () => {
    expect(resolveConnection(st({ environment: "https://proxy.example.com", apiBaseUrl: "https://proxy.example.com/st" })).apiBaseUrl).toBe("https://proxy.example.com/st");
  });
});

describe("Leads connection (Custom)", () => {
  test.each(LOOPBACK)("http on loopback is allowed: %s", (host) => {
    expect(resolveLeadsConnection(leads({ identityHost: host, bookingApiUrl: host })).bookingApiUrl).toBe(new URL(host).origin);
  });
  test.each(PLAIN_REMOTE)("a plain-http Identity Host elsewhere is refused, naming it: %s", (host) => {
    refused(() => resolveLeadsConnection(leads({ identityHost: host, bookingApiUrl: "https://leads.example.com" })), /^Identity Host: .*https/);
  });
  test.each(PLAIN_REMOTE)("a plain-http Booking API URL elsewhere is refused, naming it: %s", (host) => {
    refused(() => resolveLeadsConnection(leads({ identityHost: "https://id.example.com", bookingApiUrl: host })), /^Booking API URL: .*https/);
  });
});

describe("credentials in a host URL", () => {
  test("a user name or password in a custom host is refused without echoing it", () => {
    let error: unknown;
    try {
      resolveConnection(st({ environment: "https://proxy.example.com", apiBaseUrl: "https://user:pw-in-url-123@proxy.example.com" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^API Base URL \(Proxy Only\): .*user name or password/);
    expect((error as Error).message).not.toContain("pw-in-url-123");
  });
});
