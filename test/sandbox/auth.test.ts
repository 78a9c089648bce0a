import { connect, useClient, expectProblem, requestToken } from "./helpers";

describe("sandbox auth", () => {
  const c = useClient();

  it("issues client-credentials tokens", async () => {
    const res = await requestToken(c.sb);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ expires_in: 900, token_type: "Bearer" });
    expect(typeof body.access_token).toBe("string");
    expect(typeof body.scope).toBe("string");
  });

  it("rejects wrong credentials OAuth-style without echoing them", async () => {
    const res = await requestToken(c.sb, c.sb.credentials.clientId, "wrong-secret");
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error).toBe("invalid_client");
    expect(text).not.toContain("wrong-secret");
    const unknown = await requestToken(c.sb, "someone-else", c.sb.credentials.clientSecret);
    expect(unknown.status).toBe(400);
  });

  it("rejects other grant types and content types", async () => {
    const res = await fetch(c.sb.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=password" });
    expect(((await res.json()) as any).error).toBe("unsupported_grant_type");
    const json = await fetch(c.sb.tokenUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(400);
  });

  it("requires a valid bearer token", async () => {
    const none = await fetch(`${c.sb.apiBase("crm")}/customers`, { headers: { "st-app-key": c.sb.credentials.appKey } });
    expect(none.status).toBe(401);
    expectProblem(await none.json(), 401);
    const bad = await c.call("crm", "GET", "/customers", undefined, { authorization: "Bearer not-a-token" });
    expect(bad.status).toBe(401);
    expectProblem(bad.body, 401);
  });

  it("expires tokens after their lifetime", async () => {
    let now = Date.parse("2026-03-01T10:00:00Z");
    const d = await connect({ clock: () => new Date(now), tokenLifetimeSeconds: 900 });
    try {
      expect((await d.get("crm", "/customers")).status).toBe(200);
      now += 901_000;
      const expired = await d.get("crm", "/customers");
      expect(expired.status).toBe(401);
      expect(expired.body.errors.authorization[0]).toMatch(/expired/);
    } finally {
      await d.sb.close();
    }
  });

  it("checks the ST-App-Key header without echoing it", async () => {
    const missing = await fetch(`${c.sb.apiBase("crm")}/customers`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(missing.status).toBe(401);
    const wrong = await c.call("crm", "GET", "/customers", undefined, { "st-app-key": "ak1.wrong-key-value" });
    expect(wrong.status).toBe(401);
    expectProblem(wrong.body, 401);
    expect(JSON.stringify(wrong.body.errors)).toMatch(/ST-App-Key/);
    expect(wrong.text).not.toContain("ak1.wrong-key-value");
    expect(wrong.text).not.toContain(c.sb.credentials.appKey);
  });

  it("answers 404 for another tenant", async () => {
    const res = await fetch(`${c.sb.url}/crm/v2/tenant/999/customers`, {
      headers: { authorization: `Bearer ${c.token}`, "st-app-key": c.sb.credentials.appKey },
    });
    expect(res.status).toBe(404);
    expectProblem(await res.json(), 404);
  });

  it("answers 404 unknown route and 405 wrong method in RFC 7807 shape", async () => {
    const unknown = await c.get("crm", "/no-such-thing");
    expect(unknown.status).toBe(404);
    expectProblem(unknown.body, 404);
    expect(unknown.body.data.reason).toBe("unknown-route");
    const method = await c.call("crm", "DELETE", "/customers");
    expect(method.status).toBe(405);
  });

  it("records every request", async () => {
    c.sb.clearRequests();
    await c.get("crm", "/customers?page=1");
    expect(c.sb.requests).toHaveLength(1);
    expect(c.sb.requests[0]).toMatchObject({ method: "GET", path: "/crm/v2/tenant/1234567/customers", query: { page: "1" }, status: 200 });
    expect(c.sb.requests[0].headers["st-app-key"]).toBe(c.sb.credentials.appKey);
  });
});
