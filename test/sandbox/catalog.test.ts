import { loadGeneratedOperations } from "../../sandbox/catalog";
import { useClient } from "./helpers";

// The generated catalog is committed: an empty one is a failure, not a reason to skip.
const operations = loadGeneratedOperations();

describe("sandbox routes every generated operation", () => {
  it("has the generated catalog to route", () => {
    expect(operations.length).toBeGreaterThan(300);
  });

  const c = useClient();

  it(`routes all ${operations.length} operations`, async () => {
    const store = c.sb.store;
    const customer = store.all("crm:/customers")[0];
    const job = store.all("jpm:/jobs")[0];
    // a call with a recording and a voicemail: an unknown call ID answers 500 on purpose (api facts §12)
    const call = store.all("telecom:/calls").find((r) => r.recordingUrl && r.voiceMailPath);
    const plausible = (name: string, module: string): string => {
      if (module === "telecom" && name === "id") return String(call?.id);
      if (/booking_provider/.test(name)) return "1";
      if (/customer/i.test(name)) return String(customer.id);
      if (/job/i.test(name)) return String(job.id);
      return "1001";
    };
    const unrouted: string[] = [];
    const crashed: string[] = [];
    for (const op of operations) {
      const path = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => plausible(n, op.module));
      const res = await c.call(op.module, op.method, path, op.method === "GET" || op.method === "DELETE" ? undefined : {}, {}, op.version);
      if (res.status === 404 && res.body?.data?.reason === "unknown-route") unrouted.push(`${op.operationId} ${op.method} ${op.path}`);
      if (res.status === 405 || res.status >= 500) crashed.push(`${op.operationId} ${op.method} ${op.path} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(unrouted).toEqual([]);
    expect(crashed).toEqual([]);
  });
});
