/**
 * Named input sets shared by many actions: the connection, debug logging, paging, export feeds and
 * custom query parameters. Every list action uses exactly these, so paging reads the same everywhere.
 */
import { input } from "@prismatic-io/spectral";
import { cleanBoolean, cleanInteger, cleanKeyValueList, cleanString } from "./clean";
import { MAX_PAGE_SIZE } from "../paging/pages";
import { formatCount } from "../paging/progress";

export const connectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments: "The ServiceTitan connection (tenant, credentials and environment) to call.",
});

export const debugRequestInput = input({
  label: "Debug Request",
  type: "boolean",
  default: "false",
  required: false,
  comments:
    "When true, the request and the response are written to the execution log, with tokens, secrets and keys masked. Prismatic's debug mode for the whole execution does the same without this input. Leave off in production flows.",
  example: "false",
  clean: cleanBoolean("Debug Request", { default: false }),
});

export interface TextInputOptions<R extends boolean> {
  label: string;
  comments: string;
  example: string;
  required?: R;
  maxLength?: number;
  /** "text" for a multi-line box (it then has no placeholder); "string" by default. */
  type?: "string" | "text";
}

/**
 * A plain text input: trimmed by cleanString (required and length checked), with the example as its
 * placeholder on a one-line input. Anything stricter than text gets its own clean.
 */
export function textInput<R extends boolean = false>(opts: TextInputOptions<R>) {
  const { label, comments, example, maxLength, type = "string" } = opts;
  const required = (opts.required ?? false) as R;
  const cleanText = cleanString(label, { required, maxLength });
  const clean = (value: unknown) => cleanText(value) as R extends true ? string : string | undefined;
  return type === "text"
    ? input({ label, type: "text", required, comments, example, clean })
    : input({ label, type: "string", required, comments, example, placeholder: example, clean });
}

/** Page Size for an operation whose largest page is `max` (5,000 for most ServiceTitan lists). */
export function pageSizeInput(max: number) {
  return input({
    label: "Page Size",
    type: "string",
    required: false,
    comments: `How many records per page, from 1 to ${max}; ServiceTitan returns 50 when empty. Ignored when Fetch All is true.`,
    example: "50",
    placeholder: "50",
    clean: cleanInteger("Page Size", { min: 1, max }),
  });
}

/**
 * Page for a list whose first page is `first`: 1 for most ServiceTitan lists, 0 where the operation's
 * contract gives `page` a minimum of 0 (the Intacct business-unit mappings). Empty asks for the first page.
 */
export function pageInput(first: number) {
  return input({
    label: "Page",
    type: "string",
    required: false,
    comments: `Which page to return, counting from ${first}${first === 0 ? " (this list's first page is 0)" : ""}. Ignored when Fetch All is true.`,
    example: String(first),
    placeholder: String(first),
    clean: cleanInteger("Page", { min: first }),
  });
}

/** Fetch All, saying the page size it reads with (the operation's largest page: 5,000, or less where capped). */
export function fetchAllInput(pageSize: number) {
  return input({
    label: "Fetch All",
    type: "boolean",
    default: "false",
    required: false,
    comments: `When true, every matching record is returned: pages of ${formatCount(pageSize)} are fetched (several at a time, within ServiceTitan's rate limit) and combined; Page and Page Size are then ignored. A list that changes while it is read (records removed or moved between pages) is read again, or the action fails saying so, never returning an incomplete set.`,
    example: "false",
    clean: cleanBoolean("Fetch All", { default: false }),
  });
}

export const pagingInputs = {
  fetchAll: fetchAllInput(MAX_PAGE_SIZE),
  page: pageInput(1),
  pageSize: pageSizeInput(MAX_PAGE_SIZE),
  includeTotal: input({
    label: "Include Total",
    type: "boolean",
    default: "false",
    required: false,
    comments: "When true, the response carries totalCount, the number of records matching the filters. Fetch All always counts.",
    example: "false",
    clean: cleanBoolean("Include Total", { default: false }),
  }),
  maxRecords: input({
    label: "Max Records",
    type: "string",
    required: false,
    comments:
      "With Fetch All: stop with an error instead of returning more than this many records (protects the flow's memory). Empty means 1,000,000.",
    example: "100000",
    placeholder: "1000000",
    clean: cleanInteger("Max Records", { min: 1 }),
  }),
};

/** The comment of a Sort dropdown (the fields a list's document names, each ascending or descending). */
export const SORT_COMMENT = "Order of the results: a field, ascending or descending. Empty: ServiceTitan's default order.";

export const sortInput = (fields?: string[]) =>
  input({
    label: "Sort",
    type: "string",
    required: false,
    comments: `Order of the results: +Field for ascending, -Field for descending${
      fields?.length ? `; fields: ${fields.join(", ")}` : ", for example +Id or -ModifiedOn"
    }.`,
    example: "-ModifiedOn",
    placeholder: "+Id",
    clean: cleanString("Sort", { pattern: /^[+-]?[A-Za-z][A-Za-z0-9]*$/, patternHint: "+FieldName or -FieldName, such as -ModifiedOn" }),
  });

export const exportInputs = {
  from: input({
    label: "From",
    type: "string",
    required: false,
    comments:
      "Where the export starts: the Continue From token returned by the previous call (to resume exactly there), or a date such as 2026-01-01 (records modified since then). Empty starts from the very first record.",
    example: "2026-01-01",
    placeholder: "continuation token or 2026-01-01",
    clean: cleanString("From", { maxLength: 4096 }),
  }),
  includeRecentChanges: input({
    label: "Include Recent Changes",
    type: "boolean",
    default: "false",
    required: false,
    comments:
      "When true, ServiceTitan delivers the newest changes sooner, at the cost of repeating some records; the repeats are removed when draining.",
    example: "false",
    clean: cleanBoolean("Include Recent Changes", { default: false }),
  }),
  drain: input({
    label: "Drain Until Caught Up",
    type: "boolean",
    default: "false",
    required: false,
    comments:
      "When true, the action follows Continue From page after page until ServiceTitan reports no more changes, returning all records (one copy per record) and the last token. When false, one page is returned.",
    example: "true",
    clean: cleanBoolean("Drain Until Caught Up", { default: false }),
  }),
  maxRecords: input({
    label: "Max Records",
    type: "string",
    required: false,
    comments:
      "With Drain Until Caught Up: stop after about this many records (empty means 100,000), or after 10 minutes, whichever comes first; the returned Continue From resumes exactly where it stopped and hasMore stays true. A request that fails after some pages were read also stops there, with the reason in error.",
    example: "50000",
    placeholder: "100000",
    clean: cleanInteger("Max Records", { min: 1 }),
  }),
};

export const customQueryParamsInput = input({
  label: "Custom Query Params",
  type: "string",
  collection: "keyvaluelist",
  required: false,
  comments:
    "Extra query parameters to send as they are, for filters this action does not list yet. A parameter the action already has an input for is refused, so nothing is sent twice.",
  example: "key1=value1",
  clean: cleanKeyValueList("Custom Query Params"),
});
