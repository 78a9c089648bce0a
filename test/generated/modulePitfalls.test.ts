/**
 * Pitfalls of the newer modules' inputs (issue 16 item 4), each stated in the comment where the builder
 * sees it and refused before anything is sent: a pricebook item's budget cost code and cost type go
 * together; pricebook search text needs at least two characters; a return type's body ID must be the one
 * in the path.
 */
import type { Sandbox } from "../../sandbox/server";
import { actions } from "../../src/actions";
import { spectral as harness, useSandbox } from "../support/harness";

const t = useSandbox();
let sb: Sandbox;
beforeAll(() => {
  sb = t.sb;
});
beforeEach(() => sb.clearRequests());
const run = (key: string, params: Record<string, unknown>) => harness.action(key, { connection: t.connection, ...params });
const sent = () => sb.requests.filter((r) => r.path !== "/connect/token");
const commentOf = (key: string, input: string): string =>
  String((actions[key] as unknown as { inputs: Record<string, { comments?: string }> }).inputs[input]?.comments ?? "");

/** Every required input of the action filled with its own example, so only the pitfall is wrong. */
const requiredFromExamples = (key: string): Record<string, unknown> => {
  const inputs = actions[key].inputs as Record<string, { required?: boolean; example?: string; type?: string }>;
  return Object.fromEntries(
    Object.entries(inputs)
      .filter(([, d]) => d.required && d.type !== "connection")
      .map(([k, d]) => [k, d.example]),
  );
};

describe("pitfalls of the newer modules, refused before sending", () => {
  it.each(["createPricebookService", "updatePricebookMaterial", "createDiscountOrFee", "updatePricebookEquipment"])(
    "%s: Budget Cost Code without Budget Cost Type is refused, and the comment says so",
    async (key) => {
      const params = { ...requiredFromExamples(key), budgetCostCode: "15-400" };
      await expect(run(key, params)).rejects.toThrow(/Budget Cost Type/);
      expect(sent()).toHaveLength(0);
      expect(commentOf(key, "budgetCostCode")).toMatch(/set both or neither/);
    },
  );

  it("pricebook search text of one character is refused (ServiceTitan wants at least two)", async () => {
    await expect(run("listPricebookServices", { searchText: "a" })).rejects.toThrow(/Search Text.*at least 2 characters/);
    expect(sent()).toHaveLength(0);
    expect(commentOf("listPricebookServices", "searchText")).toMatch(/at least 2 characters/);
  });

  it("a return type's body ID must match the one in the path", async () => {
    const pathKey = Object.keys(actions.updateReturnType.inputs).find((k) => k !== "id" && /Id$/.test(k)) as string;
    await expect(
      run("updateReturnType", { ...requiredFromExamples("updateReturnType"), [pathKey]: "1234567", id: "7654321" }),
    ).rejects.toThrow(/Return Type ID/);
    expect(sent()).toHaveLength(0);
  });

  it("a capacity period longer than 14 days is refused (ServiceTitan answers at most 14 days), and the comments say so", async () => {
    const base = { skillBasedAvailability: "false" };
    await expect(
      run("listCapacities", { ...base, startsOnOrAfter: "2026-03-01T00:00:00Z", endsOnOrBefore: "2026-03-16T00:00:00Z" }),
    ).rejects.toThrow(/Starts on or After and Ends on or Before: at most 14 days apart.*15 days/);
    expect(sent()).toHaveLength(0);
    for (const input of ["startsOnOrAfter", "endsOnOrBefore"]) expect(commentOf("listCapacities", input)).toMatch(/14 days/);
    // 14 days exactly is allowed
    await run("listCapacities", { ...base, startsOnOrAfter: "2026-03-01T00:00:00Z", endsOnOrBefore: "2026-03-15T00:00:00Z" });
    expect(sent()).toHaveLength(1);
  });

  it("Fetch All's comment states the page size it really reads with: 500 for the Intacct mappings, 5,000 elsewhere", () => {
    expect(commentOf("listIntacctBusinessUnitMappings", "fetchAll")).toMatch(/pages of 500 /);
    expect(commentOf("listJournalEntries", "fetchAll")).toMatch(/pages of 500 /);
    expect(commentOf("listCustomers", "fetchAll")).toMatch(/pages of 5,000 /);
  });
});
