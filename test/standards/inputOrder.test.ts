/**
 * One input order on every list action (issue 15 item 2), over the converted component (the order
 * Prismatic's designer shows): the connection, the required inputs, then Fetch All and Max Records, then
 * the filters, then paging (Page, Page Size, Include Total) grouped last.
 */
import component from "../../src/index";

interface ConvertedInput {
  key: string;
  type?: string;
  required?: boolean;
}

const actions = component.actions as unknown as Record<string, { inputs: ConvertedInput[] }>;
const PAGING = ["page", "pageSize", "includeTotal"];

/** What is wrong with one action's input order (empty when it follows the rule). */
const orderProblems = (keys: string[], required: Set<string>): string[] => {
  const problems: string[] = [];
  const at = (key: string) => keys.indexOf(key);
  if (at("connection") !== 0) problems.push("the connection is not first");
  const requiredKeys = keys.filter((k) => k !== "connection" && required.has(k));
  const lastRequired = Math.max(0, ...requiredKeys.map(at));
  if (at("fetchAll") !== lastRequired + 1) problems.push(`Fetch All at ${at("fetchAll")}, right after the required inputs is ${lastRequired + 1}`);
  if (at("maxRecords") !== at("fetchAll") + 1) problems.push("Max Records does not follow Fetch All");
  const paging = PAGING.filter((k) => keys.includes(k));
  const tail = keys.slice(keys.length - paging.length);
  if (tail.join(",") !== paging.join(",")) problems.push(`paging is not grouped last: ends with ${tail.join(", ")}`);
  return problems;
};

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
