/**
 * One behaviours list for both sandboxes (sandbox/behaviours.ts): the same control endpoints on the Leads
 * sandbox as on the tenant-API sandbox, its faults programmed through them, and the profiles.
 */
import { request } from "node:http";
import { startLeadsSandbox, type LeadsSandbox } from "../../sandbox/leads";
import { type Sandbox, startSandbox } from "../../sandbox/server";

const control = async (url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const res = await fetch(`${url}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

/** A POST with a Host we choose (fetch does not let a caller set Host). */
const postWithHost = (port: number, path: string, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ kind: "503" });
    const req = request({ host: "127.0.0.1", port, method: "POST", path, headers: { host, "content-type": "application/json", "content-length": String(body.length) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });

const token = async (leads: LeadsSandbox): Promise<Response> =>
  fetch(leads.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: leads.credentials.clientId, client_secret: leads.credentials.clientSecret }).toString(),
  });

describe("the Leads sandbox runs the shared behaviours list", () => {
  let leads: LeadsSandbox;
  let st: Sandbox;
  beforeAll(async () => {
    leads = await startLeadsSandbox({ port: 0 });
    st = await startSandbox({ port: 0, seedData: { customers: 2 } });
  });
  afterAll(async () => {
    await leads.close();
    await st.close();
  });
  afterEach(() => leads.faults.clear());

  it("lists its behaviours and profile like the tenant-API sandbox, which adds rate limit, scopes and churn", async () => {
    expect(await control(leads.url, "GET", "behaviours")).toEqual({ status: 200, body: { profile: "production", behaviours: ["record", "latency", "faults"] } });
    expect((await control(st.url, "GET", "behaviours")).body).toEqual({ profile: "production", behaviours: ["record", "latency", "faults", "rateLimit", "scopes", "churn"] });
    expect(st.behaviours).toEqual(["record", "latency", "faults", "rateLimit", "scopes", "churn"]);
  });

  it("takes fault rules through /__sandbox/faults and answers in its own error shape", async () => {
    expect((await control(leads.url, "POST", "faults", { kind: "503", times: 1, match: { path: "/connect/token" } })).status).toBe(200);
    expect((await control(leads.url, "GET", "faults")).body.rules).toHaveLength(1);
    const refused = await token(leads);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ status: "unavailable", stTraceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await token(leads)).status).toBe(200);
    expect(leads.requests.slice(-2).map((r) => [r.status, r.fault])).toEqual([
      [503, "503"],
      [200, undefined],
    ]);
  });

  it("redacts credentials in /__sandbox/requests and expires its tokens through /__sandbox/expire-tokens", async () => {
    const access = ((await (await token(leads)).json()) as { access_token: string }).access_token;
    const ask = () =>
      fetch(`${leads.url}/api/integrations/accounts`, {
        method: "POST",
        headers: { authorization: `Bearer ${access}`, "content-type": "application/json" },
        body: JSON.stringify({ requestId: "nope", status: "PROCESSING" }),
      });
    expect((await ask()).status).toBe(404);
    const listed = (await control(leads.url, "GET", "requests")).body.requests as Array<{ path: string; body: string; headers: Record<string, string> }>;
    expect(JSON.stringify(listed)).not.toContain(access);
    expect(JSON.stringify(listed)).not.toContain(leads.credentials.clientSecret);
    expect(listed.find((r) => r.path === "/connect/token")?.body).toBe("[redacted]");
    expect((await control(leads.url, "POST", "expire-tokens", {})).status).toBe(200);
    expect((await ask()).status).toBe(401);
  });

  it("answers its controls only on a loopback Host", async () => {
    expect(await postWithHost(Number(new URL(leads.url).port), "/__sandbox/faults", "attacker.example")).toBe(403);
    expect(leads.faults.list()).toHaveLength(0);
  });

  it("holds back the answer of a processed booking (delayBookingResponse: a slow fault after processing)", async () => {
    leads.addAccount({ id: "acct-slow", name: "Slow", profiles: [{ id: "p1", name: "P" }] });
    const access = ((await (await token(leads)).json()) as { access_token: string }).access_token;
    leads.faults.delayBookingResponse(1500);
    expect(leads.faults.list()).toEqual([expect.objectContaining({ kind: "slow", phase: "after", delayMs: 1500, times: 1 })]);
    let answered = false;
    const pending = fetch(`${leads.url}/api/integrations/bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${access}`, "content-type": "application/json" },
      body: JSON.stringify({
        idempotencyToken: "slow-token-1",
        partnerBookingId: "slow-1",
        slot: { accountId: "acct-slow", profileId: "p1", serviceId: "s1" },
        userInformation: { address: { streetAddress: "1 Main St" } },
      }),
    }).then((res) => {
      answered = true;
      return res.status;
    });
    for (let i = 0; i < 200 && !leads.store.bookings.some((b) => b.partnerBookingId === "slow-1"); i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(leads.store.bookings.some((b) => b.partnerBookingId === "slow-1")).toBe(true);
    expect(answered).toBe(false);
    expect(await pending).toBe(200);
  });
});

describe("profiles", () => {
  it('"plain" starts with every production behaviour off; `production` options turn single ones back on', async () => {
    const plain = await startSandbox({ port: 0, profile: "plain", seedData: { customers: 1 } });
    try {
      expect(plain.profile).toBe("plain");
      expect(plain.behaviours).toEqual(["record", "latency", "faults", "churn"]);
      expect(Object.values(plain.production).every((v) => v === false)).toBe(true);
    } finally {
      await plain.close();
    }
    const some = await startSandbox({ port: 0, profile: "plain", production: { snapshotFeeds: true }, seedData: { customers: 1 } });
    try {
      expect(some.production).toMatchObject({ snapshotFeeds: true, rateLimit: false, scopes: false });
    } finally {
      await some.close();
    }
  });

  it("an unknown profile is refused", async () => {
    await expect(startSandbox({ port: 0, profile: "gentle" as never })).rejects.toThrow(/Unknown sandbox profile "gentle"/);
  });
});
