/**
 * Our words for operations and fields: stable camelCase action keys, Title Case labels, and
 * descriptions built from the resource and verb. Nothing here comes from the documents' prose;
 * everything is derived from operation IDs, paths and field names.
 */
import type { OperationDescriptor } from "./types";

/** Module labels live in the registry; re-exported here for the callers that read them with the other words. */
export { MODULE_LABELS } from "./modules";

/** Splits camelCase, PascalCase, kebab-case and snake_case into lower-case words. */
export const words = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([a-zA-Z])(\d)/g, "$1 $2")
    .split(/[\s_\-./{}]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

const cap = (w: string): string => (w ? w[0].toUpperCase() + w.slice(1) : w);
export const camel = (ws: string[]): string => ws.map((w, i) => (i === 0 ? w : cap(w))).join("");

const IRREGULAR_SINGULAR: Record<string, string> = {
  equipment: "equipment",
  status: "status",
  statuses: "status",
  substatuses: "substatus",
  address: "address",
  addresses: "address",
  data: "data",
  series: "series",
  news: "news",
  hours: "hours",
  performance: "performance",
  summary: "summary",
  analytics: "analytics",
  details: "details",
};

export const singular = (w: string): string => {
  if (w in IRREGULAR_SINGULAR) return IRREGULAR_SINGULAR[w];
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
};

export const plural = (w: string): string => {
  if (["equipment", "data", "metadata", "hours", "performance", "history", "details", "analytics", "series", "children"].includes(w))
    return w;
  if (w === "status" || w === "substatus") return `${w}es`;
  if (/s$/.test(w)) return w;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(x|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
};

/** Words that read as abbreviations in labels. */
const LABEL_WORDS: Record<string, string> = {
  id: "ID",
  ids: "IDs",
  guid: "GUID",
  url: "URL",
  urls: "URLs",
  gps: "GPS",
  utm: "UTM",
  sms: "SMS",
  ap: "AP",
  gl: "GL",
  po: "PO",
  api: "API",
  csr: "CSR",
  crm: "CRM",
  zip: "ZIP",
  intacct: "Intacct",
};
const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from"]);

/** "modifiedOnOrAfter" → "Modified On or After"; "tagTypeIds" → "Tag Type IDs". */
/** Word pairs ServiceTitan's screens write as one word or hyphenated ("Non-Job Appointment", "Substatus"). */
/** Each pattern with the text it needs, so a label without it skips the regex (labels are built at every cold start). */
const LABEL_JOINS: Array<[RegExp, string, string]> = [
  [/\bNon Job\b/g, "Non-Job", "Non Job"],
  [/\bFollow Up\b/g, "Follow-Up", "Follow Up"],
  [/\bSub Status\b/g, "Substatus", "Sub Status"],
  [/\bSub Statuses\b/g, "Substatuses", "Sub Statuses"],
];

export const labelFromWords = (ws: string[]): string =>
  LABEL_JOINS.reduce(
    (label, [pattern, replacement, needle]) => (label.includes(needle) ? label.replace(pattern, replacement) : label),
    ws.map((w, i) => LABEL_WORDS[w] ?? (i > 0 && SMALL_WORDS.has(w) ? w : cap(w))).join(" "),
  );

/** The same few hundred names are humanised thousands of times while the component loads. */
const HUMANIZED = new Map<string, string>();

export const humanize = (name: string): string => {
  let label = HUMANIZED.get(name);
  if (label === undefined) {
    label = labelFromWords(words(name));
    HUMANIZED.set(name, label);
  }
  return label;
};

/** Verbs of operation IDs and the key verb each becomes. */
const VERBS: Record<string, string> = {
  get: "get",
  list: "list",
  create: "create",
  add: "create",
  post: "create",
  update: "update",
  updated: "update",
  patch: "update",
  replace: "replace",
  upsert: "upsert",
  delete: "delete",
  remove: "remove",
  search: "search",
  match: "match",
  submit: "submit",
  dismiss: "dismiss",
  cancel: "cancel",
  assign: "assign",
  unassign: "unassign",
  attach: "attach",
  detach: "detach",
  mark: "mark",
  sync: "sync",
  set: "set",
  hold: "hold",
  reschedule: "reschedule",
  confirm: "confirm",
  activated: "activate",
  export: "export",
  account: "run",
  calculate: "calculate",
};

/** The verb word a human reads in the label for each key verb. */
const VERB_LABEL: Record<string, string> = { get: "Get", list: "List", run: "Run" };

/** The resource noun of an operation's tag: "BookingProviderTags" → ["booking","provider","tag"]. */
const tagNoun = (tag: string): string[] => {
  const ws = words(tag).filter((w) => !/^\d+$/.test(w));
  if (ws.length === 0) return ["record"];
  return [...ws.slice(0, -1), singular(ws[ws.length - 1])];
};

const containsSeq = (hay: string[], needle: string[]): boolean => {
  if (needle.length === 0) return true;
  for (let i = 0; i + needle.length <= hay.length; i += 1) {
    if (needle.every((w, j) => singular(hay[i + j]) === singular(w))) return true;
  }
  return false;
};

/**
 * The words of an action key, e.g. Customers_GetContactList → ["list","customer","contacts"].
 * Exports take their noun from the path (/export/customers/contacts → exportCustomerContacts).
 */
export const keyWords = (op: OperationDescriptor): string[] => {
  if (op.kind === "export") {
    const segs = op.path
      .replace(/^\/export\//, "")
      .split("/")
      .flatMap((s) => words(s));
    return ["export", ...segs.slice(0, -1).map(singular), plural(segs[segs.length - 1])];
  }
  const [tag, method = ""] = op.operationId.split("_");
  const mw = words(method).filter((w) => !/^\d+$/.test(w));
  let verb = VERBS[mw[0]] ?? "";
  let rest = verb ? mw.slice(1) : mw;
  if (mw[0] === "mark" && rest[0] === "as") rest = rest.slice(1);
  if (verb === "mark" && rest[0] === "exported") rest = rest.slice(1);
  if (mw[0] === "account") verb = "run";
  if (mw[0] === "bulk" && mw[1]) {
    verb = `bulk${cap(VERBS[mw[1]] ?? mw[1])}`;
    rest = mw.slice(2);
  }
  if (mw[0] === "full" && mw[1] === "update") {
    verb = "replace";
    rest = mw.slice(2);
  }
  if (!verb)
    verb =
      op.method === "GET"
        ? op.kind === "list"
          ? "list"
          : "get"
        : op.method === "DELETE"
          ? "delete"
          : op.method === "POST"
            ? "create"
            : "update";
  if (verb === "get" && (rest[rest.length - 1] === "list" || op.kind === "list")) {
    verb = "list";
    if (rest[rest.length - 1] === "list") rest = rest.slice(0, -1);
  }
  if (verb === "get" && rest[0] === "list") {
    verb = "list";
    rest = rest.slice(1);
  }
  if (rest[0] === "list" && verb === "list") rest = rest.slice(1);
  if (rest[rest.length - 1] === "paginated") rest = rest.slice(0, -1);
  const noun = tagNoun(tag);
  let object: string[];
  if (rest.length === 0) object = noun;
  else if (containsSeq(rest, noun)) object = rest;
  else if (containsSeq(rest, noun.slice(-1))) object = [...noun.slice(0, -1).filter((w) => !rest.includes(w)), ...rest];
  else object = [...noun, ...rest];
  if ((verb === "list" || verb === "mark" || verb.startsWith("bulk")) && object.length) {
    // Pluralise the resource, not a trailing "by …" qualifier: listContactsByRelationshipId.
    const by = object.indexOf("by");
    const at = by > 0 ? by - 1 : object.length - 1;
    object = [...object.slice(0, at), plural(object[at]), ...object.slice(at + 1)];
  }
  if (
    ["get", "create", "update", "delete", "dismiss", "cancel", "replace", "upsert"].includes(verb) &&
    object.length &&
    rest.length === 0
  ) {
    object = [...object.slice(0, -1), singular(object[object.length - 1])];
  }
  if (verb === "mark") return ["mark", ...object, "as", "exported"];
  if (verb.startsWith("bulk")) return ["bulk", ...words(verb.slice(4)), ...object];
  return [verb, ...object];
};

export const actionKeyFor = (op: OperationDescriptor): string => camel(keyWords(op));

/**
 * The action's label from its key words. A trailing "by ID" on a single-record read says nothing the
 * input does not ("Get AP Bill by ID" → "Get AP Bill"); the key keeps it.
 */
export const actionLabelFor = (key: string): string => {
  let ws = words(key);
  if (ws[0] === "get" && ws.length > 3 && ws[ws.length - 2] === "by" && ws[ws.length - 1] === "id") ws = ws.slice(0, -2);
  const [verb, ...rest] = ws;
  return labelFromWords([VERB_LABEL[verb] ?? verb, ...rest].map((w) => w.toLowerCase()));
};
