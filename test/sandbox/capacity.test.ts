/**
 * Dispatch capacity in the sandbox: like ServiceTitan, which computes capacity for at most 14 days, a
 * period longer than that is refused (400, naming the end of the period); 14 days or fewer is answered.
 * The component refuses such periods before sending (src/operations/curated/dispatch.ts); this is what a
 * Raw Request or another client sees. Raw HTTP against the sandbox.
 */
import { useClient } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;
const period = (days: number) => {
  const start = Date.UTC(2026, 0, 15, 8);
  return {
    startsOnOrAfter: new Date(start).toISOString(),
    endsOnOrBefore: new Date(start + days * DAY).toISOString(),
    skillBasedAvailability: false,
  };
};

describe("the sandbox's Dispatch capacity", () => {
  const c = useClient();

  it("answers a period of 14 days or less", async () => {
    for (const days of [1, 14]) {
      const res = await c.call("dispatch", "POST", "/capacity", period(days));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.any(Object));
    }
  });

  it("refuses a period longer than 14 days, naming the end of the period", async () => {
    const res = await c.call("dispatch", "POST", "/capacity", period(15));
    expect(res.status).toBe(400);
    expect(res.body.errors.endsOnOrBefore[0]).toMatch(/at most 14 days/);
  });

  it("refuses a period that ends before it starts", async () => {
    const { startsOnOrAfter, endsOnOrBefore } = period(2);
    const res = await c.call("dispatch", "POST", "/capacity", {
      startsOnOrAfter: endsOnOrBefore,
      endsOnOrBefore: startsOnOrAfter,
      skillBasedAvailability: false,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(["endsOnOrBefore"]);
  });
});
