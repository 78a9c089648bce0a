/**
 * The transport against the sandbox (real sockets, real clock): Retry-After honoured with the measured
 * delay, no repeated POST, timeouts, readable RFC 7807 messages, the headers sent, and connection
 * problems reported as ConnectionError naming the field to fix.
 */
import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { createServiceTitanClient } from "../../src/http/client";
import { ServiceTitanApiError } from "../../src/http/errors";
import type { Sandbox } from "../../sandbox/server";
import { sandboxConnection } from "../../scripts/lib/connection";
import { useSandbox } from "../support/harness";

const withFields = (connection: Connection, fields: Record<string, unknown>): Connection => ({
  ...connection,
  fields: { ...connection.fields, ...fields },
});

describe("transport against the sandbox", () => {
  let sb: Sandbox;
  let connection: Connection;
  let customerId: string;
  const t = useSandbox("production", { seedData: { customers: 5 } });
  beforeAll(() => ({ sb, connection, customerId } = t));

  const get = (client = createServiceTitanClient(connection)) =>
    client.request<{ id: number }>({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: '"Get Customer"' });

  test("429 with Retry-After: 1 — the transport waits exactly the 1 s asked for, and the retry comes at least 1 s later", async () => {
    sb.faults.set([{ kind: "429", retryAfter: 1, times: 1 }]);
    sb.clearRequests();
    // The wait the transport chooses is recorded (then really slept), so "not a longer default" is an exact
    // assertion instead of a wall-clock bound that depends on the machine's speed.
    const waits: number[] = [];
    const client = createServiceTitanClient(connection, {
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const res = await get(client);
    expect(String(res.data.id)).toBe(customerId);
    expect(sb.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(waits).toEqual([1000]);
    const gap = Date.parse(sb.requests[1].time) - Date.parse(sb.requests[0].time);
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  test("a Retry-After longer than the policy allows ends the call at once, saying what was asked and allowed", async () => {
    sb.faults.set([{ kind: "429", retryAfter: 600 }]);
    sb.clearRequests();
    await expect(get()).rejects.toThrow(
      /^ServiceTitan "Get Customer" failed with 429 Too Many Requests: Too Many Requests — request: .* — ServiceTitan asked to wait 600 s before retrying, more than the 120 s allowed .*nothing was retried/,
    );
    expect(sb.requests).toHaveLength(1);
  });

  test("503 on a POST: not sent again", async () => {
    sb.faults.set([{ kind: "503", phase: "after" }]);
    sb.clearRequests();
    const client = createServiceTitanClient(connection);
    await expect(
      client.request({ module: "crm", method: "POST", path: `/customers/${customerId}/notes`, body: { text: "hello" }, operation: '"Create Customer Note"' }),
    ).rejects.toThrow(/^ServiceTitan "Create Customer Note" failed with 503 Service Unavailable/);
    expect(sb.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  test("timeout: a slow answer ends the attempt after timeoutMs", async () => {
    sb.faults.set([{ kind: "slow", delayMs: 2000 }]);
    const client = createServiceTitanClient(connection, { timeoutMs: 250, retry: { maxAttempts: 1 } });
    const started = Date.now();
    await expect(get(client)).rejects.toThrow(`ServiceTitan "Get Customer" timed out after 1 attempt (GET /customers/${customerId}).`);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(10_000);
  });

  test("RFC 7807 errors: title, field errors and traceId in the message, details kept on the error", async () => {
    sb.faults.set([
      {
        kind: "status",
        status: 400,
        times: 1,
        body: {
          type: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
          title: "One or more validation errors occurred.",
          status: 400,
          traceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
          errors: { Name: ["The Name field is required."], "Address.Zip": ["Zip is not valid."] },
        },
      },
    ]);
    const error = (await get().catch((e: unknown) => e)) as ServiceTitanApiError;
    expect(error).toBeInstanceOf(ServiceTitanApiError);
    expect(error.message).toBe(
      'ServiceTitan "Get Customer" failed with 400 Bad Request: One or more validation errors occurred. — Name: The Name field is required. — Address.Zip: Zip is not valid. — traceId: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    );
    expect(error.status).toBe(400);
    expect(error.traceId).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    expect(error.fieldErrors).toEqual({ Name: ["The Name field is required."], "Address.Zip": ["Zip is not valid."] });
  });

  test("the sandbox's own validation error reads the same way", async () => {
    const client = createServiceTitanClient(connection);
    const error = (await client
      .request({ module: "crm", method: "POST", path: "/customers", body: { type: "Residential" }, operation: '"Create Customer"' })
      .catch((e: unknown) => e)) as ServiceTitanApiError;
    expect(error).toBeInstanceOf(ServiceTitanApiError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^ServiceTitan "Create Customer" failed with 400 Bad Request: .+ — .*name.*: .+ — traceId: 00-[0-9a-f]{32}-[0-9a-f]{16}-00$/i);
  });

  test("headers: Bearer token, ST-App-Key, JSON accept and content type", async () => {
    sb.clearRequests();
    const client = createServiceTitanClient(connection);
    await client.request({ module: "crm", method: "POST", path: `/customers/${customerId}/notes`, body: { text: "headers" }, operation: '"Create Customer Note"' });
    const [sent] = sb.requests;
    expect(sent.headers.authorization).toBe(`Bearer ${connection.token?.access_token}`);
    expect(sent.headers["st-app-key"]).toBe(sb.credentials.appKey);
    expect(sent.headers.accept).toBe("application/json");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body)).toEqual({ text: "headers" });
    expect(sent.path).toBe(`/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}/notes`);
  });

  test("a wrong Application Key: ConnectionError naming Application Key, without its value", async () => {
    const bad = withFields(connection, { applicationKey: "ak1.not-the-right-key" });
    const error = (await get(createServiceTitanClient(bad)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^ServiceTitan "Get Customer" failed with 401 Unauthorized: Unauthorized — the access token or Application Key was rejected\. Check .*Application Key/);
    expect(error.message).not.toContain("ak1.not-the-right-key");
  });

  test("a malformed Tenant ID: ConnectionError naming Tenant ID, before any request", async () => {
    sb.clearRequests();
    const bad = withFields(connection, { tenant: "acme-hvac" });
    expect(() => createServiceTitanClient(bad)).toThrow(ConnectionError);
    expect(() => createServiceTitanClient(bad)).toThrow(/^Tenant ID: expected the numeric ServiceTitan tenant ID/);
    expect(sb.requests).toHaveLength(0);
  });

  test("a Tenant ID the app is not connected to: the message points at the Tenant ID", async () => {
    const bad = withFields(connection, { tenant: "999999" });
    await expect(get(createServiceTitanClient(bad))).rejects.toThrow(/Tenant ID/);
  });

  test("an expired token: ConnectionError that says to reconnect", async () => {
    const stale = await sandboxConnection(sb);
    await fetch(`${sb.url}/__sandbox/expire-tokens`, { method: "POST" });
    const error = (await get(createServiceTitanClient(stale)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/401 Unauthorized.*reconnect/);
    connection = await sandboxConnection(sb);
  });
});
