/**
 * Comments that explain purpose (issue 15 item 6), over every input of every action: no filler that
 * Prismatic already shows (required/optional, where the value travels), no comment that only states the
 * type or repeats the key or label, and no notes about the earlier component (those live in the docs).
 * The rules are defined once, in scripts/lib/designerRules.ts (the designer metrics count with them too).
 */
import component from "../../src/index";
import { type CommentedInput, commentProblems, FILLER } from "../../scripts/lib/designerRules";

interface Hit {
  where: string;
  kind: string;
  comment: string;
}

/** The converted component (what Prismatic receives): inputs are an array of definitions with their keys. */
const actions = component.actions as unknown as Record<string, { inputs: CommentedInput[] }>;

const hits: Hit[] = [];
for (const [key, action] of Object.entries(actions)) {
  // A structured object's comment and each of its fields' comments.
  for (const input of action.inputs.flatMap((i) => [i, ...(((i as { inputs?: unknown }).inputs as CommentedInput[] | undefined) ?? [])])) {
    for (const kind of commentProblems(input)) hits.push({ where: `${key}.${input.key}`, kind, comment: input.comments ?? "" });
  }
}

describe("input comments explain purpose", () => {
  const count = (kind: string) => hits.filter((h) => h.kind === kind).length;
  it.each([...FILLER.map(([kind]) => kind), "earlier-component note"])("no %s in any comment", (kind) => {
    const found = hits.filter((h) => h.kind === kind);
    expect({ kind, count: found.length, first: found.slice(0, 5) }).toEqual({ kind, count: 0, first: [] });
  });
  it("no comment only states the type or repeats the key or label", () => {
    const found = hits.filter((h) => h.kind === "type-only" || h.kind === "repeats key or label");
    expect({ typeOnly: count("type-only"), repeats: count("repeats key or label"), first: found.slice(0, 30) }).toEqual({
      typeOnly: 0,
      repeats: 0,
      first: [],
    });
  });
  it("the rules themselves find filler, a bare type, a repeated label and an earlier-component note", () => {
    expect(
      commentProblems({
        key: "name",
        label: "Name",
        comments: "The customer's name. Optional: leave empty to leave it out of the request.",
      }),
    ).toEqual(["leave-empty filler"]);
    expect(commentProblems({ key: "name", label: "Name", comments: 'Query parameter "name".' })).toEqual(["query parameter trailer"]);
    expect(commentProblems({ key: "count", label: "Count", comments: "Integer." })).toEqual(["type-only"]);
    expect(commentProblems({ key: "jobTypeId", label: "Job Type ID", comments: "Job type ID" })).toEqual(["repeats key or label"]);
    expect(commentProblems({ key: "doNotMail", label: "Do Not Mail", comments: "The earlier component took free text here." })).toEqual([
      "earlier-component note",
    ]);
    expect(
      commentProblems({ key: "doNotMail", label: "Do Not Mail", comments: "When true, no marketing mail is sent to the address." }),
    ).toEqual([]);
    expect(commentProblems({ key: "connection", type: "connection", comments: "Required." })).toEqual([]);
  });
});
