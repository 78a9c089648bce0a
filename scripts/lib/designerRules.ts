/**
 * What a builder in Prismatic's designer should not meet (issue 15), defined once: the standards tests
 * (test/standards/) and the designer metrics (scripts/designer-metrics.ts) both read these rules, so a
 * figure the script prints and a failure a test reports always mean the same thing.
 *
 * Every rule reads the converted component — what Prismatic receives, from src/index.ts or the built
 * dist/index.js alike — or plain values, never the factory's internals.
 */
import { words } from "../../src/operations/naming";

// ---- input comments (issue 15 item 6) ----------------------------------------------------------------

/** Sentences Prismatic already says for the builder (required/optional, where the value travels). */
export const FILLER: ReadonlyArray<readonly [string, RegExp]> = [
  ["leave-empty filler", /leave empty to leave it out of the request/i],
  ["query parameter trailer", /Query parameter "/],
  ["body field trailer", /Body field "/],
  ["path trailer", /Part of the URL path/i],
  ["required/optional statement", /(^|\.\s)(Required|Optional)\.(\s|$)/],
];

/** A note about the earlier component: it belongs in the docs ("Coming from the earlier component"), not in a comment. */
export const EARLIER_COMPONENT_NOTE = /earlier component/i;

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
export const withoutFiller = (comment: string): string =>
  comment
    .replace(/Optional: leave empty to leave it out of the request\./g, "")
    .replace(/(Query parameter|Body field) "[^"]*"\./g, "")
    .replace(/Part of the URL path\./g, "")
    .replace(/(^|\s)(Required|Optional)\.(?=\s|$)/g, " ")
    .trim();

export const isTypeOnly = (comment: string): boolean => {
  const plain = withoutFiller(comment)
    .replace(/\s*\([^)]*\)/g, "")
    .trim();
  return TYPE_ONLY.some((re) => re.test(plain));
};

const squash = (s: string): string => words(s).join(" ");

/** An input as the converted component lists it. */
export interface CommentedInput {
  key: string;
  label?: string | { key: string; value: string };
  type?: string;
  comments?: string;
}

export const labelText = (label: CommentedInput["label"]): string => (typeof label === "string" ? label : (label?.value ?? ""));

export type CommentKind = string;

/**
 * What is wrong with one input's comment: the filler kinds it carries, "earlier-component note",
 * "type-only", or "repeats key or label". Empty when the comment explains purpose.
 */
export const commentProblems = (input: CommentedInput): CommentKind[] => {
  if (input.type === "connection") return [];
  const comment = (input.comments ?? "").trim();
  const kinds: CommentKind[] = FILLER.filter(([, re]) => re.test(comment)).map(([kind]) => kind);
  if (EARLIER_COMPONENT_NOTE.test(comment)) kinds.push("earlier-component note");
  const bare = squash(withoutFiller(comment));
  if (isTypeOnly(comment)) kinds.push("type-only");
  else if (bare && (bare === squash(input.key.split(".").pop() ?? input.key) || bare === squash(labelText(input.label))))
    kinds.push("repeats key or label");
  return kinds;
};

// ---- example payloads (issue 15 item 4) ----------------------------------------------------------------

/** Leaves that say only a type: what the generator used to write. */
const PLACEHOLDER_STRINGS = new Set(["string", "Example", "example", "value", "key"]);
const PLACEHOLDER_NUMBERS = new Set([123, 10.5]);
/** An OpenAPI generator's default date-time: the same moment on every record says nothing. */
const GENERATOR_DATE_TIME = /^2019-08-24(T14:15:22(\.\d+)?Z)?$/;

/** Every placeholder leaf and every empty object inside `value`, by path. */
export const placeholdersIn = (value: unknown, path = "data"): string[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholdersIn(v, `${path}[${i}]`));
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [`${path}: {}`];
    return entries.flatMap(([k, v]) => placeholdersIn(v, `${path}.${k}`));
  }
  if (typeof value === "string" && (PLACEHOLDER_STRINGS.has(value) || GENERATOR_DATE_TIME.test(value))) return [`${path}: "${value}"`];
  if (typeof value === "number" && PLACEHOLDER_NUMBERS.has(value)) return [`${path}: ${value}`];
  return [];
};

/** An action as the converted component has it, as far as its outputs go. */
export interface ConvertedOutputs {
  examplePayload?: { data?: unknown };
  outputSchema?: { type?: string; schema?: unknown };
}

/** The output schema of a converted action as an object (Spectral may hand it over as a JSON string). */
export const outputSchemaOf = (action: ConvertedOutputs): Record<string, unknown> | undefined => {
  const schema = action.outputSchema?.schema;
  if (action.outputSchema?.type !== "actionOutput" || schema === undefined) return undefined;
  return (typeof schema === "string" ? JSON.parse(schema) : schema) as Record<string, unknown>;
};

/**
 * The answer is empty when the action's own output schema says so: an object with no properties at all
 * (a write ServiceTitan answers without a body).
 */
export const answersEmpty = (action: ConvertedOutputs): boolean => {
  const schema = outputSchemaOf(action);
  return Boolean(schema && schema.type === "object" && !schema.properties && !schema.additionalProperties);
};

/** What is wrong with one action's example payload: type placeholders, and `{}` where the answer is not empty. */
export const examplePayloadProblems = (action: ConvertedOutputs): { placeholders: string[]; emptyObjects: string[] } => {
  const data = action.examplePayload?.data;
  const isEmptyObject = Boolean(data && typeof data === "object" && !Array.isArray(data) && Object.keys(data).length === 0);
  if (isEmptyObject && answersEmpty(action)) return { placeholders: [], emptyObjects: [] };
  const found = placeholdersIn(data);
  return { placeholders: found.filter((p) => !p.endsWith(": {}")), emptyObjects: found.filter((p) => p.endsWith(": {}")) };
};

// ---- input order of list actions (issue 15 item 2) ----------------------------------------------------------

export const PAGING_INPUTS = ["page", "pageSize", "includeTotal"];

/** Where Fetch All should be: right after the connection and the required inputs. Undefined when it is there. */
export const fetchAllMisplaced = (keys: string[], required: Set<string>): string | undefined => {
  const at = (key: string) => keys.indexOf(key);
  const requiredKeys = keys.filter((k) => k !== "connection" && required.has(k));
  const lastRequired = Math.max(0, ...requiredKeys.map(at));
  return at("fetchAll") === lastRequired + 1
    ? undefined
    : `Fetch All at ${at("fetchAll")}, right after the required inputs is ${lastRequired + 1}`;
};

/** What is wrong with one list action's input order (empty when it follows the rule). */
export const inputOrderProblems = (keys: string[], required: Set<string>): string[] => {
  const problems: string[] = [];
  const at = (key: string) => keys.indexOf(key);
  if (at("connection") !== 0) problems.push("the connection is not first");
  const fetchAll = fetchAllMisplaced(keys, required);
  if (fetchAll) problems.push(fetchAll);
  if (at("maxRecords") !== at("fetchAll") + 1) problems.push("Max Records does not follow Fetch All");
  const paging = PAGING_INPUTS.filter((k) => keys.includes(k));
  const tail = keys.slice(keys.length - paging.length);
  if (tail.join(",") !== paging.join(",")) problems.push(`paging is not grouped last: ends with ${tail.join(", ")}`);
  return problems;
};
