/** The one test harness (harness.ts): its sandbox handle, the capturing logger and the stated-reason rule. */
import { captureLogger, checkReason, useSandbox } from "./harness";

describe("useSandbox: the production profile", () => {
  const t = useSandbox("production", { seedData: { customers: 2 } });

  it("invokes an action with its connection and logger, and calls the control endpoints", async () => {
    const customer = await t.invoke<{ id: number }>("getCustomer", { customerId: t.customerId, debugRequest: "true" });
    expect(String(customer.id)).toBe(t.customerId);
    expect(t.log.lines.some((l) => l.includes(`${t.baseUrl}/crm/v2/tenant/`))).toBe(true);
    expect(await t.control("behaviours")).toEqual({ status: 200, body: { profile: "production", behaviours: ["record", "latency", "faults", "rateLimit", "scopes", "churn"] } });
    expect((await t.control("faults", "POST", { kind: "503", times: 1 })).status).toBe(200);
    expect(t.sb.faults.list()).toHaveLength(1);
  });

  it("clears fault rules between tests", () => {
    expect(t.sb.faults.list()).toEqual([]);
  });
});

describe("useSandbox: the plain profile, with its reason", () => {
  const t = useSandbox("plain", { because: "checks that the plain profile turns every behaviour off", seedData: { customers: 1 } });

  it("starts with every production behaviour off", () => {
    expect(t.sb.profile).toBe("plain");
    expect(Object.values(t.sb.production).every((v) => v === false)).toBe(true);
  });
});

describe("a sandbox weaker than production says why", () => {
  it("refuses the plain profile or a behaviour turned off without a reason", () => {
    expect(() => checkReason("plain", {})).toThrow(/says why/);
    expect(() => checkReason("production", { production: { rateLimit: false } })).toThrow(/says why/);
    expect(() => checkReason("production", { production: false })).toThrow(/says why/);
    expect(() => checkReason("plain", { because: "unit test of paging arithmetic" })).not.toThrow();
    expect(() => checkReason("production", { production: { rateLimit: { retryAfterHeader: true } } })).not.toThrow();
  });
});

describe("captureLogger", () => {
  it("keeps each line with its level, objects as JSON, and clears", () => {
    const log = captureLogger();
    log.logger.warn("careful", { n: 1 });
    log.logger.info("done");
    expect(log.lines).toEqual(['warn: careful {"n":1}', "info: done"]);
    expect(log.entries).toEqual([
      { level: "warn", text: 'careful {"n":1}' },
      { level: "info", text: "done" },
    ]);
    log.clear();
    expect(log.lines).toEqual([]);
    expect(log.entries).toEqual([]);
  });
});
