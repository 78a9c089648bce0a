/**
 * The /__sandbox control endpoints (issue 14 item 8): only a loopback Host, only JSON bodies, and no
 * user-supplied regular expression (fault paths are linear patterns).
 */
import { request } from "node:http";
import { matchesPath, parsePathPattern } from "../../sandbox/pathMatch";
import { useClient, type Client } from "./helpers";

/** A raw request with the Host header we choose (fetch does not let a caller set Host). */
const raw = (c: Client, method: string, path: string, headers: Record<string, string>, body = ""): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: c.sb.port, method, path, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });

describe("sandbox control endpoints", () => {
  const c = useClient();
  afterEach(() => c.sb.faults.clear());

  it("answer loopback Host values only", async () => {
    for (const host of ["127.0.0.1", `127.0.0.1:${c.sb.port}`, "localhost", `LOCALHOST:${c.sb.port}`, "[::1]", `[::1]:${c.sb.port}`]) {
      expect([host, await raw(c, "GET", "/__sandbox/faults", { host })]).toEqual([host, 200]);
    }
    for (const host of ["attacker.example", `attacker.example:${c.sb.port}`, "127.0.0.1.nip.io", "localhost.attacker.example", "10.0.0.1"]) {
      expect([host, await raw(c, "POST", "/__sandbox/faults", { host, "content-type": "application/json" }, JSON.stringify({ kind: "503" }))]).toEqual([host, 403]);
    }
    expect(c.sb.faults.list()).toHaveLength(0);
  });

  it("take bodies only as JSON", async () => {
    const body = JSON.stringify({ kind: "503" });
    const host = `127.0.0.1:${c.sb.port}`;
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const headers: Record<string, string> = type ? { host, "content-type": type } : { host };
      expect([type, await raw(c, "POST", "/__sandbox/faults", headers, body)]).toEqual([type, 415]);
    }
    expect(c.sb.faults.list()).toHaveLength(0);
    expect(await raw(c, "POST", "/__sandbox/faults", { host, "content-type": "application/json; charset=utf-8" }, body)).toBe(200);
    expect(await raw(c, "POST", "/__sandbox/expire-tokens", { host })).toBe(200); // no body, no type needed
  });

  it("refuse a regular expression in a fault rule; path patterns match in linear time", async () => {
    const evil = { kind: "503", match: { pathRegex: "^(a+)+$" } };
    const res = await fetch(`${c.sb.url}/__sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(evil) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors.request[0]).toMatch(/pathRegex/);
    expect(() => c.sb.faults.add(evil as never)).toThrow(/pathRegex/);
    expect(() => parsePathPattern("/a/**/b/**")).toThrow(/at most once/);
    expect(() => parsePathPattern("x".repeat(501))).toThrow(/500/);

    const p = parsePathPattern("/crm/v2/tenant/{tenant}/customers/*/contacts");
    expect(matchesPath(p, "/crm/v2/tenant/1234567/customers/1001/contacts")).toBe(true);
    expect(matchesPath(p, "/CRM/v2/tenant/1234567/customers/1001/contacts")).toBe(true);
    expect(matchesPath(p, "/crm/v2/tenant/1234567/customers/contacts")).toBe(false);
    const tail = parsePathPattern("/crm/**/contacts");
    expect(matchesPath(tail, "/crm/contacts")).toBe(true);
    expect(matchesPath(tail, "/crm/v2/tenant/1/customers/5/contacts")).toBe(true);
    expect(matchesPath(tail, "/jpm/v2/contacts")).toBe(false);

    // a long hostile path against many-star patterns: time grows linearly (ratio, not a wall-clock bound)
    const pattern = parsePathPattern(`/${"*/".repeat(100)}**/${"*/".repeat(100)}x`);
    const time = (n: number): number => {
      const path = `/${"a/".repeat(n)}y`;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 50; i++) matchesPath(pattern, path);
      return Number(process.hrtime.bigint() - t0);
    };
    time(2000);
    const small = time(2000);
    const large = time(16000);
    expect(large / small).toBeLessThan(8 * 4);

    c.sb.faults.add({ kind: "503", match: { path: "/crm/**/customers" }, times: 1 });
    expect((await c.get("crm", "/customers/contacts?customerIds=1")).status).not.toBe(503);
    expect((await c.get("crm", "/customers")).status).toBe(503);
  });
});
