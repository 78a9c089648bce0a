/**
 * The sandbox refuses what ServiceTitan refuses, so a component bug cannot pass the end-to-end tests:
 * null where the document does not allow it, a body that does not say it is JSON, impossible dates.
 */
import { useClient } from "./helpers";

describe("sandbox fidelity", () => {
  let customerId: number;
  const c = useClient();
  beforeAll(async () => {
    customerId = (await c.get("crm", "/customers?pageSize=1")).body.data[0].id;
  });

  it("refuses null for fields the document does not make nullable", async () => {
    const name = await c.call("crm", "PATCH", `/customers/${customerId}`, { name: null });
    expect(name.status).toBe(400);
    expect(JSON.stringify(name.body.errors)).toMatch(/name/i);
    const flag = await c.call("crm", "PATCH", `/customers/${customerId}`, { doNotMail: null });
    expect(flag.status).toBe(400);
    expect(JSON.stringify(flag.body.errors)).toMatch(/could not be converted to System\.Boolean/);
    const unchanged = await c.get("crm", `/customers/${customerId}`);
    expect(unchanged.body.name).toEqual(expect.any(String));
  });

  it("reads a body only when it is sent as JSON (415 otherwise)", async () => {
    const plain = await c.call("crm", "PATCH", `/customers/${customerId}`, { name: "X" }, { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    expect(plain.body).toMatchObject({ status: 415, title: "Unsupported Media Type" });
  });

  it("refuses impossible dates instead of rolling them over", async () => {
    const res = await c.get("crm", "/customers?createdBefore=2026-02-30");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/createdBefore/i);
    expect((await c.get("crm", "/customers?createdBefore=2024-02-29")).status).toBe(200);
  });
});
