/**
 * Comments that explain purpose (issue 15 item 6), over every input of every action: no filler that
 * Prismatic already shows (required/optional, where the value travels), no comment that only states the
 * type or repeats the key or label, and no notes about the earlier component (those live in the docs).
 */
import { actions } from "../../src/actions";
import { words } from "../../src/operations/naming";
import { type InputDefs, labelOf, leafInputs } from "../support/actionInputs";

const FILLER: Array<[string, RegExp]> = [
  ["leave-empty filler", /leave empty to leave it out of the request/i],
  ["query parameter trailer", /Query parameter "/],
  ["body field trailer", /Body field "/],
  ["path trailer", /Part of the URL path/i],
  ["required/optional statement", /(^|\.\s)(Required|Optional)\.(\s|$)/],
  ["earlier-component note", /earlier component/i],
];

/** A comment that is nothing but a type or format name (the whole comment, after any parenthesised aside). */
const TYPE_ONLY = [
  /^(an? )?(text|string|number|whole number|integer|boolean|date|date-time|guid|uuid|file|servicetitan id)( of at most \d+ characters)?[.;]?$/i,
  /^a number; decimals allowed\.$/i,
  /^true or false[.;]?( leave empty to send nothing\.)?$/i,
  /^a list of (ids|values): one per row, or separated by commas\.$/i,
  /^a json (object|array of objects), checked against servicetitan's schema before sending\.$/i,
  /^file content\b[^.]*\.$/i,
];
/** The comment without the filler sentences, so a type behind filler still counts as type-only. */
const withoutFiller = (comment: string): string =>
  comment
    .replace(/Optional: leave empty to leave it out of the request\./g, "")
    .replace(/(Query parameter|Body field) "[^"]*"\./g, "")
    .replace(/Part of the URL path\./g, "")
    .replace(/(^|\s)(Required|Optional)\.(?=\s|$)/g, " ")
    .trim();
const isTypeOnly = (comment: string): boolean => {
  const plain = withoutFiller(comment)
    .replace(/\s*\([^)]*\)/g, "")
    .trim();
  return TYPE_ONLY.some((re) => re.test(plain));
};

const squash = (s: string): string => words(s).join(" ");

interface Hit {
  where: string;
  kind: string;
  comment: string;
}

/**
 * The seed parity tests (test/seed/seedKeys.test.ts) pin the note on these inputs, and the docs have no
 * per-action notes yet; no other input may carry one.
 */
const EARLIER_NOTES_PINNED_BY_SEED = [
  "createAppointment.technicianId",
  "createBookingByProvider.isFirstTimeClient",
  "createBookingByProvider.isSendConfirmationEmail",
  "createCustomer.doNotMail",
  "createCustomer.doNotService",
  "createJob.invoiceSignatureIsRequired",
];

const hits: Hit[] = [];
for (const [key, action] of Object.entries(actions)) {
  const inputs = (action as unknown as { inputs: InputDefs }).inputs;
  // A structured object's comment and each of its fields' comments.
  for (const [name, def] of Object.entries({ ...inputs, ...leafInputs(inputs) })) {
    if (def.type === "connection") continue;
    const comment = (def.comments ?? "").trim();
    const where = `${key}.${name}`;
    for (const [kind, re] of FILLER) {
      if (kind === "earlier-component note" && EARLIER_NOTES_PINNED_BY_SEED.includes(where)) continue;
      if (re.test(comment)) hits.push({ where, kind, comment });
    }
    const bare = squash(withoutFiller(comment));
    if (isTypeOnly(comment)) hits.push({ where, kind: "type-only", comment });
    else if (bare && (bare === squash(name.split(".").pop() ?? name) || bare === squash(labelOf(def))))
      hits.push({ where, kind: "repeats key or label", comment });
  }
}

describe("input comments explain purpose", () => {
  const count = (kind: string) => hits.filter((h) => h.kind === kind).length;
  it.each([
    "leave-empty filler",
    "query parameter trailer",
    "body field trailer",
    "path trailer",
    "required/optional statement",
    "earlier-component note",
  ])("no %s in any comment", (kind) => {
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
});
