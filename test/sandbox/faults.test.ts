import { connect, useClient, expectProblem, newCustomer } from "./helpers";

describe("sandbox faults", () => {
  const c = useClient();
  afterEach(() => {
    c.sb.faults.clear();
    c.sb.latency.perRequestMs = 0;
    c.sb.latency.perRecordMs = 0;
  });

  it("429 with Retry-After in seconds or as an HTTP-date, for `times` requests", async () => {
    c.sb.faults.add({ kind: "429", retryAfter: 2, times: 1, match: { pathIncludes: "/customers" } });
    const limited = await c.get("crm", "/customers");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expectProblem(limited.body, 429);
    expect((await c.get("crm", "/customers")).status).toBe(200);
    const date = new Date(Date.now() + 3000).toUTCString();
    c.sb.faults.add({ kind: 429, retryAfter: date, times: 1 });
    expect((await c.get("crm", "/customers")).headers.get("retry-after")).toBe(date);
    expect(c.sb.requests.some((r) => r.fault === "429")).toBe(true);
  });

  it.each(["500", "502", "503", "504"] as const)("%s with an RFC 7807 body", async (kind) => {
    c.sb.faults.add({ kind, times: 1 });
    const res = await c.get("crm", "/customers");
    expect(res.status).toBe(Number(kind));
    expectProblem(res.body, Number(kind));
  });

  it("status with custom headers and body; method and path-pattern matching", async () => {
    c.sb.faults.add({ kind: "status", status: 418, headers: { "x-test": "yes" }, body: { teapot: true }, match: { method: "POST", path: "/crm/v2/tenant/*/customers" } });
    expect((await c.get("crm", "/customers")).status).toBe(200);
    const res = await c.call("crm", "POST", "/customers", newCustomer());
    expect(res.status).toBe(418);
    expect(res.headers.get("x-test")).toBe("yes");
    expect(res.body).toEqual({ teapot: true });
  });

  it("reset destroys the socket; phase 'after' applies the write first", async () => {
    c.sb.faults.add({ kind: "reset", times: 1 });
    await expect(fetch(`${c.sb.apiBase("crm")}/customers`, { headers: { authorization: `Bearer ${c.token}`, "st-app-key": c.sb.credentials.appKey } })).rejects.toThrow();
    const before = c.sb.store.all("crm:/customers").length;
    c.sb.faults.add({ kind: "reset", times: 1, phase: "after", match: { method: "POST" } });
    await expect(
      fetch(`${c.sb.apiBase("crm")}/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${c.token}`, "st-app-key": c.sb.credentials.appKey, "content-type": "application/json" },
        body: JSON.stringify(newCustomer("Reached Server")),
      }),
    ).rejects.toThrow();
    expect(c.sb.store.all("crm:/customers").length).toBe(before + 1);
    expect(c.sb.requests.filter((r) => r.fault === "reset")).toHaveLength(2);
  });

  it("slow delays, then answers normally", async () => {
    c.sb.faults.add({ kind: "slow", delayMs: 150, times: 1 });
    const t0 = Date.now();
    const res = await c.get("crm", "/customers");
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("truncatedJson cuts the real body in half", async () => {
    const full = await c.get("crm", "/customers");
    c.sb.faults.add({ kind: "truncatedJson", times: 1 });
    const res = await c.get("crm", "/customers");
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
    expect(full.text.startsWith(res.text)).toBe(true);
    expect(res.text.length).toBe(Math.floor(full.text.length / 2));
  });

  it("html and empty bodies", async () => {
    c.sb.faults.add({ kind: "html", times: 1 });
    const html = await c.get("crm", "/customers");
    expect(html.status).toBe(502);
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    expect(html.text).toMatch(/<html>/);
    c.sb.faults.add({ kind: "empty", times: 1 }, { kind: "empty", status: 500, times: 1 });
    const empty = await c.get("crm", "/customers");
    expect([empty.status, empty.text]).toEqual([200, ""]);
    const empty500 = await c.get("crm", "/customers");
    expect([empty500.status, empty500.text]).toEqual([500, ""]);
  });

  it("probability is seeded and deterministic", async () => {
    const run = async (): Promise<number[]> => {
      const d = await connect({ seed: 42 });
      d.sb.faults.add({ kind: "503", probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await d.get("crm", "/customers?pageSize=1")).status);
      await d.sb.close();
      return statuses;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a).toContain(503);
    expect(a).toContain(200);
  });

  it("is programmable over HTTP, and latency applies per request and per record", async () => {
    const post = await fetch(`${c.sb.url}/__sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "503", times: 1 }) });
    expect(post.status).toBe(200);
    expect((await c.get("crm", "/customers")).status).toBe(503);
    await fetch(`${c.sb.url}/__sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ kind: "503" }]) });
    expect((await fetch(`${c.sb.url}/__sandbox/faults`, { method: "DELETE" })).status).toBe(200);
    expect((await c.get("crm", "/customers")).status).toBe(200);
    const bad = await fetch(`${c.sb.url}/__sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "nope" }) });
    expect(bad.status).toBe(400);

    await fetch(`${c.sb.url}/__sandbox/latency`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ perRequestMs: 50, perRecordMs: 5 }) });
    const t0 = Date.now();
    await c.get("crm", "/customers?pageSize=20"); // 50 + 20 × 5
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    const listed = (await (await fetch(`${c.sb.url}/__sandbox/requests`)).json()) as any;
    expect(listed.requests.at(-1).headers.authorization).toBe("[redacted]");
  });
});
