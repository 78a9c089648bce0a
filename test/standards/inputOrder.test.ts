/**
 * One input order on every list action (issue 15 item 2), over the converted component (the order
 * Prismatic's designer shows): the connection, the required inputs, then Fetch All and Max Records, then
 * the filters, then paging (Page, Page Size, Include Total) grouped last. The rule lives in
 * scripts/lib/designerRules.ts (the designer metrics count with it too).
 */
import component from "../../src/index";
import { inputOrderProblems as orderProblems } from "../../scripts/lib/designerRules";

interface ConvertedInput {
  key: string;
  type?: string;
  required?: boolean;
}

const actions = component.actions as unknown as Record<string, { inputs: ConvertedInput[] }>;

describe("input order of list actions", () => {
  const listActions = Object.entries(actions).filter(([, a]) => a.inputs.some((i) => i.key === "fetchAll"));

  it("covers the list actions", () => {
    expect(listActions.length).toBeGreaterThan(80);
  });

  it("required inputs, then Fetch All and Max Records, then filters, then Page, Page Size, Include Total last", () => {
    const problems: string[] = [];
    for (const [key, a] of listActions) {
      const required = new Set(a.inputs.filter((i) => i.required).map((i) => i.key));
      for (const p of orderProblems(a.inputs.map((i) => i.key), required)) problems.push(`${key}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it("the rule itself catches Fetch All after a filter and paging before a filter", () => {
    const required = new Set(["connection", "jobId"]);
    expect(orderProblems(["connection", "jobId", "fetchAll", "maxRecords", "name", "page", "pageSize", "includeTotal"], required)).toEqual([]);
    expect(orderProblems(["connection", "jobId", "name", "fetchAll", "maxRecords", "page", "pageSize"], required)).toHaveLength(1);
    expect(orderProblems(["connection", "jobId", "fetchAll", "maxRecords", "page", "name", "pageSize"], required)).toHaveLength(1);
    expect(orderProblems(["connection", "fetchAll", "jobId", "maxRecords", "page"], required)).toHaveLength(2);
  });
});
