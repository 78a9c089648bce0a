/**
 * Every ID input whose resource has a list operation has a dropdown. An ID input without one must be
 * in the allow-list (src/inputs/noDropdown.ts) with the resource it names and the reason; the reasons
 * are checked against the contract where they can be:
 * - "no-list": no operation of the shipped documents lists that resource;
 * - "parent": the list it names needs another record's ID in its path (a customer's notes);
 * - "external" / "ambiguous": said in words (an ID from outside the tenant's records, or a meaning the contract leaves open).
 */
import component from "../../src/index";
import { builtActions, workflowActions } from "../../src/actions";
import { allOperations } from "../../src/operations/generated";
import { whereOf } from "../../src/inputs/links";
import { NO_DROPDOWN, noDropdownFor } from "../../src/inputs/noDropdown";

interface InputLike {
  dataSource?: string;
}

const rows: Array<{ owner: string; where?: string; key: string; input: InputLike }> = [];
for (const built of builtActions()) {
  for (const [key, input] of Object.entries(built.definition.inputs as Record<string, InputLike>)) rows.push({ owner: built.key, where: whereOf(built.op), key, input });
}
for (const [name, action] of Object.entries(workflowActions)) {
  for (const [key, input] of Object.entries(action.inputs as Record<string, InputLike>)) rows.push({ owner: name, key, input });
}
for (const [name, trigger] of Object.entries(component.triggers ?? {})) {
  for (const input of (trigger as { inputs?: Array<InputLike & { key: string }> }).inputs ?? []) rows.push({ owner: `trigger ${name}`, key: input.key, input });
}
const isIdInput = (key: string) => /Ids?$/.test(key) || /IdList$/.test(key);

/** Paged list operations, by the resource they list: the last segment of their path that is not a parameter ("/inventory-bills/paginated" lists inventory-bills). */
const paged = allOperations().filter(
  (o) => o.method === "GET" && o.params.some((p) => p.name === "page") && o.params.some((p) => p.name === "pageSize"),
);
const listed = (path: string): string => path.split("/").filter((s) => s && !s.startsWith("{") && s !== "paginated").pop() ?? "";
const topLevelLists = (resource: string) => paged.filter((o) => !o.path.includes("{") && listed(o.path) === resource);
const nestedLists = (resource: string) => paged.filter((o) => o.path.includes("{") && listed(o.path) === resource);

/** "paymentTermId" → "payment-terms", "journalEntryIds" → "journal-entries", "projectStatusId" → "project-statuses". */
const resourceOf = (key: string): string => {
  const noun = key.replace(/(Ids?|IdList)$/, "").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
};

it("every ID input without a dropdown is allow-listed with a reason", () => {
  const missing = rows
    .filter((r) => isIdInput(r.key) && !r.input.dataSource && !noDropdownFor(r.key, r.where))
    .map((r) => `${r.owner}.${r.key} (${r.where ?? "workflow"})${topLevelLists(resourceOf(r.key)).length ? ": its resource has a list operation" : ""}`);
  expect(missing).toEqual([]);
});

it("an allow-listed input whose name matches a top-level list is explained by its entry, not hidden", () => {
  // the name says which list would fill it: unless the entry names another resource (an ambiguous or
  // qualified key), that resource must not have a top-level list
  const wrong = rows
    .filter((r) => isIdInput(r.key) && !r.input.dataSource)
    .map((r) => ({ r, entry: noDropdownFor(r.key, r.where) }))
    .filter(({ r, entry }) => entry?.kind === "no-list" && entry.resource === resourceOf(r.key) && topLevelLists(entry.resource).length > 0)
    .map(({ r }) => `${r.owner}.${r.key}`);
  expect(wrong).toEqual([]);
});

describe("allow-list entries", () => {
  it.each(NO_DROPDOWN.map((e) => [`${e.key}${e.where ? ` at ${e.where}` : ""}`, e] as const))("%s holds", (_name, entry) => {
    expect(entry.reason.length).toBeGreaterThan(20);
    if (entry.kind === "no-list") {
      expect(topLevelLists(entry.resource).map((o) => `${o.module} ${o.path}`)).toEqual([]);
      expect(nestedLists(entry.resource).map((o) => `${o.module} ${o.path}`)).toEqual([]);
    }
    if (entry.kind === "parent") {
      // the list it names exists, pages, and needs another record's ID in its path
      const [module, operationId] = (entry.list ?? "").split(" ");
      const op = paged.find((o) => o.module === module && o.operationId === operationId);
      expect(op?.path).toMatch(/\{[^}]+\}/);
      expect(listed(op?.path ?? "")).toBe(entry.resource);
    }
    // every entry is used by some input (no stale reasons)
    expect(rows.some((r) => r.key === entry.key && !r.input.dataSource && noDropdownFor(r.key, r.where) === entry)).toBe(true);
  });
});
