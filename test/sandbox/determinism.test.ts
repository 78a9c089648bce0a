import { startSandbox } from "../../sandbox/server";

describe("sandbox determinism", () => {
  it("produces identical data for the same seed and different data for another", async () => {
    const snapshot = async (seed: number) => {
      const sb = await startSandbox({ seed, useGeneratedCatalog: false });
      try {
        return Object.fromEntries(sb.store.keys().sort().map((k) => [k, sb.store.all(k)]));
      } finally {
        await sb.close();
      }
    };
    const a = await snapshot(7);
    const b = await snapshot(7);
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
    expect(a["crm:/customers"]).toHaveLength(25);
    expect(a["settings:/technicians"]).toHaveLength(10);
    expect(a["jpm:/jobs"]).toHaveLength(20);
    expect(a["crm:/bookings"].every((x) => x.bookingProviderId === 1)).toBe(true);
    const ids = a["crm:/customers"].map((x) => x.id);
    expect(ids[0]).toBeGreaterThanOrEqual(1000);
    const other = await snapshot(8);
    expect(JSON.stringify(other["crm:/customers"])).not.toEqual(JSON.stringify(a["crm:/customers"]));
  });
});
