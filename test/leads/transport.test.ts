import type { Connection } from "@prismatic-io/spectral";
import type { LeadsSandbox } from "../../sandbox/leads";
import { LEADS_CONNECTION_KEY } from "../../src/leads/connection";
import { createLeadsClient, LeadsApiError, resolveLeadsConnection, toLeadsError } from "../../src/leads/client";
import { LEADS_ERROR_CODES } from "../../src/leads/errorCodes";
import { useLeadsSandbox } from "../support/harness";
import { fetchLeadsToken, leadsConnection } from "./support";

const conn = (fields: Record<string, unknown>, token: string | null = "tok-abcdef"): Connection => ({
  key: LEADS_CONNECTION_KEY,
  configVarKey: "Leads",
  fields: { clientId: "id", clientSecret: "secret-value-xyz", scopes: "", ...fields },
  token: token ? { access_token: token } : undefined,
});

describe("Leads connection", () => {
  it("derives the booking host from the environment and checks the identity host", () => {
    expect(resolveLeadsConnection(conn({ environment: "sandbox", identityHost: "https://leads-identity-demo.st.dev" })).bookingApiUrl).toBe(
      "https://leads-booking-api-demo.st.dev",
    );
    expect(
      resolveLeadsConnection(conn({ environment: "production", identityHost: "https://leads-identity.servicetitan.com", bookingApiUrl: "https://leads.example.com" }))
        .bookingApiUrl,
    ).toBe("https://leads.example.com");
    expect(() => resolveLeadsConnection(conn({ environment: "production", identityHost: "https://leads-identity.servicetitan.com" }))).toThrow(
      /^Booking API URL: is required for Production/,
    );
    expect(() => resolveLeadsConnection(conn({ environment: "production", identityHost: "https://leads-identity-demo.st.dev", bookingApiUrl: "https://x.example.com" }))).toThrow(
      /^Identity Host: .* is not a Production identity host/,
    );
    expect(() => resolveLeadsConnection(conn({ environment: "custom", identityHost: "http://127.0.0.1:1" }))).toThrow(/^Booking API URL: is required when Environment is Custom/);
    expect(() => resolveLeadsConnection(conn({ environment: "sandbox" }, null))).toThrow(/no access token/);
    expect(() => resolveLeadsConnection({ ...conn({}), key: "serviceTitanConnection" })).toThrow(/expected a "leadsIntegrationPlatform" connection/);
  });

  it("is part of the component with a token URL derived from the identity host", async () => {
    const component = (await import("../../src/index")).default as any;
    const def = component.connections.find((c: any) => c.key === LEADS_CONNECTION_KEY);
    const tokenUrl = def.inputs.find((i: any) => i.key === "tokenUrl");
    // component() emits a template input with its template as the default, hidden from the user.
    expect(tokenUrl).toMatchObject({ type: "template", default: "{{#identityHost}}/connect/token", shown: false });
    expect(def.oauth2Type).toBe("client_credentials");
  });
});

describe("Leads token expiring during retries", () => {
  it("a 401 after earlier attempts were accepted says the token expired during the retries", async () => {
    const { ConnectionError } = await import("@prismatic-io/spectral");
    const call = { operation: "Create Partner Booking", method: "POST", path: "/api/integrations/bookings" };
    const connection = conn({ environment: "sandbox" });
    const expired = toLeadsError(call, 401, "", connection, { attempts: 3, elapsedMs: 61_000, tokenExpiredDuringRetries: true });
    expect(expired).toBeInstanceOf(ConnectionError);
    expect(expired.message).toMatch(/access token expired during the retries/);
    expect(expired.message).toMatch(/attempt 3/);
    expect(JSON.stringify(expired)).not.toContain("secret-value-xyz");
    // A 401 on the first attempt still reads as refused credentials.
    const refused = toLeadsError(call, 401, "", connection, { attempts: 1 });
    expect(refused.message).not.toMatch(/during the retries/);
    expect(refused.message).toMatch(/access token was refused/);
  });
});

describe("Leads error table", () => {
  it.each(Object.keys(LEADS_ERROR_CODES).map(Number))("code %i becomes our message with the stTraceId", (code) => {
    const error = toLeadsError(
      { operation: "Create Partner Booking", method: "POST", path: "/api/integrations/bookings" },
      409,
      JSON.stringify({ code, message: "upstream words", status: 409, stTraceId: "0f8fad5b-d9cb-469f-a165-70867728950e" }),
    ) as LeadsApiError;
    expect(error).toBeInstanceOf(LeadsApiError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(LEADS_ERROR_CODES[code].message);
    expect(error.message).toContain(`${code} ${LEADS_ERROR_CODES[code].name}`);
    expect(error.message).toContain("stTraceId: 0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(error.message).not.toContain("upstream words");
  });

  it("lists the field errors of a validation failure (10001)", () => {
    const error = toLeadsError({ operation: "Create Partner Booking", method: "POST", path: "/x" }, 400, JSON.stringify({
      code: 10001,
      message: "One or more validation errors occurred",
      status: 400,
      stTraceId: "t-1",
      errors: ["partnerBookingId must be specified", "idempotencyToken must be specified"],
    }));
    expect(error.message).toMatch(/rejected one or more fields \[10001\] — partnerBookingId must be specified; idempotencyToken must be specified — stTraceId: t-1/);
  });
});

describe("Leads client over the shared core", () => {
  let sandbox: LeadsSandbox;
  const l = useLeadsSandbox();
  beforeAll(() => (sandbox = l.leads));

  it("debug logging masks the token and the client secret", async () => {
    const token = await fetchLeadsToken(sandbox);
    const lines: string[] = [];
    const logger = { info: (m: unknown) => lines.push(String(m)), warn: (m: unknown) => lines.push(String(m)) };
    const client = createLeadsClient(await leadsConnection(sandbox, token), { logger, debug: true });
    await client.request({ method: "POST", path: "/api/integrations/accounts", body: { requestId: "nope", status: "PROCESSING" }, operation: "Set Account Pairing Status" }).catch(() => undefined);
    expect(lines.join("\n")).toContain("ServiceTitan Leads request: POST");
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain(sandbox.credentials.clientSecret);
  });

  it("retries a 429 on any POST (nothing happened), honouring Retry-After through retry.ts", async () => {
    const client = createLeadsClient(await leadsConnection(sandbox), { sleep: async () => undefined });
    const requestId = sandbox.createPairingRequest();
    sandbox.clearRequests();
    sandbox.faults.failNext("/api/integrations/accounts", 429);
    const res = await client.request({ method: "POST", path: "/api/integrations/accounts", body: { requestId, status: "PROCESSING" }, operation: "Set Account Pairing Status" });
    expect(res.status).toBe(200);
    expect(sandbox.apiRequests()).toHaveLength(2);
  });

  it("refuses a path outside the Leads API", async () => {
    const client = createLeadsClient(await leadsConnection(sandbox));
    await expect(client.request({ method: "POST", path: "https://evil.example.com/x", operation: "x" })).rejects.toThrow(/^Path: expected a Leads API path/);
  });
});
