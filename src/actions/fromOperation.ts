/**
 * The one factory: a contract descriptor (+ its curated entry) becomes a Spectral action. Inputs are
 * derived from the contract and cleaned before perform; perform builds the request from the cleaned
 * values (only what the user set), sends it through the one transport, and returns { data }.
 */
import { action, type ActionDefinition, type InputFieldDefinition, PerformSafety } from "@prismatic-io/spectral";
import { fillPath, type QueryParams, type StRequest } from "../http/client";
import { clientFor } from "../http/clientFor";
import { rulesFor } from "../http/rules";
import { encodeMultipart, toFilePart } from "../http/multipart";
import { cleanString, InputError, setOwn } from "../inputs/clean";
import { type BuiltInput, type FieldSpec, inputFromSpec, labelForField, pathParamKey, type WireShape } from "../inputs/fromSchema";
import { withInputChecks } from "../inputs/allErrors";
import { dataSourceFor } from "../inputs/links";
import { planStructured, structuredFieldsOf } from "../inputs/structured";
import {
  connectionInput,
  customQueryParamsInput,
  debugRequestInput,
  exportInputs,
  pageInput,
  pageSizeInput,
  fetchAllInput,
  pagingInputs,
  SORT_COMMENT,
  sortInput,
} from "../inputs/shared";
import type { CatalogEntry } from "../operations/catalog";
import { EARLIER_COMPONENT_ACTION_KEYS } from "../operations/curated/earlierComponent";
import { IMPORTANT_ACTION_KEYS } from "./important";
import type { CuratedInput } from "../operations/curated/types";
import { actionLabelFor, camel, MODULE_LABELS } from "../operations/naming";
import { contractOutputSchema, lazyOutputSchema, type OutputKind, responseShapeOf, shapeOfExample } from "../operations/outputSchema";
import type { OperationDescriptor } from "../operations/types";
import { DRAIN_DEFAULT_MAX_MILLIS, DRAIN_DEFAULT_MAX_RECORDS, drainExport, fetchExportPage } from "../paging/exportFeed";
import { DEFAULT_PAGE_SIZE, fetchAll, fetchPage, MAX_PAGE_SIZE } from "../paging/pages";

/** Where one input's cleaned value goes on the wire. */
export interface Binding {
  inputKey: string;
  placement: "path" | "query" | "body";
  name: string;
  wire: WireShape;
}

export interface BuiltAction {
  key: string;
  op: OperationDescriptor;
  bindings: Binding[];
  /** "page" for list operations with standard paging, "export" for export feeds. */
  mode: "plain" | "page" | "export";
  definition: ActionDefinition;
}

const PAGING_PARAMS = new Set(["page", "pageSize", "includeTotal"]);
const EXPORT_PARAMS = new Set(["from", "includeRecentChanges"]);

/** How each label verb reads in a description ("Attach" → "Attaches"); others get a plain -s/-es. */
const VERB_PHRASES: Record<string, string> = {
  list: "Lists",
  get: "Gets",
  create: "Creates",
  update: "Updates",
  delete: "Deletes",
  export: "Exports",
  replace: "Replaces",
  upsert: "Creates or replaces",
  remove: "Removes",
  search: "Searches",
  attach: "Attaches",
  detach: "Detaches",
  dismiss: "Dismisses",
  match: "Matches",
  hold: "Puts on hold",
  run: "Runs",
};

const conjugate = (verb: string): string => {
  const v = verb.toLowerCase();
  if (VERB_PHRASES[v]) return VERB_PHRASES[v];
  if (/(s|sh|ch|x|z)$/.test(v)) return `${verb}es`;
  if (/[^aeiou]y$/.test(v)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
};

/** Nouns that take no "a"/"an" ("Gets job equipment", not "Gets a job equipment"). */
const MASS_NOUNS = /^(equipment|history|configuration|tracking|performance|data|metadata|information|details|hours|skills|summary)$/;
/** Words kept as written when a label becomes running text. */
const KEEP_CASE = /^(?:[A-Z0-9]{2,}s?|IDs|Intacct|ServiceTitan|Scheduling|Pro)$/;
const VERBS_WITH_ARTICLE = new Set([
  "get",
  "create",
  "update",
  "delete",
  "replace",
  "cancel",
  "dismiss",
  "confirm",
  "reschedule",
  "activate",
  "set",
  "upsert",
]);

const responseHasId = (op: OperationDescriptor): boolean => {
  const ex = op.response?.example;
  return Boolean(ex && typeof ex === "object" && !Array.isArray(ex) && "id" in (ex as Record<string, unknown>));
};

/** The success answer is JSON: the contract gives it a JSON content type. */
const isJsonAnswer = (op: OperationDescriptor): boolean => Boolean(op.response?.contentType && /json/.test(op.response.contentType));

/**
 * The success answer is a file: documented with a content type other than JSON (telecom's recordings,
 * application/octet-stream), or a read documented without one (a download answered by a redirect or raw
 * bytes). The action then returns the bytes with their content type, and an empty or non-JSON body is
 * the answer, not a cut-off JSON response.
 */
const isFileAnswer = (op: OperationDescriptor): boolean =>
  Boolean(op.response?.contentType && !/json/.test(op.response.contentType)) || (op.method === "GET" && Boolean(op.response) && !op.response?.contentType);

/**
 * A description in our words, built from the action's label: what it does, what it returns, what a
 * builder must know (partial updates, full replacements, change feeds), then the call and its scope.
 */
export const describeOperation = (op: OperationDescriptor, key: string, label?: string): string => {
  const title = (label ?? actionLabelFor(key)).replace(/\s*\([^)]*\)\s*$/, "");
  const titleWords = title.split(/\s+/);
  // "Bulk Delete Technician Shifts" reads as "Deletes several technician shifts".
  if (/^bulk$/i.test(titleWords[0]) && titleWords.length > 2) titleWords.splice(0, 2, titleWords[1], "Several");
  // "Create or Replace Contact Method" reads as "Creates or replaces a contact method": both verbs conjugated.
  const paired = titleWords.length > 3 && /^or$/i.test(titleWords[1]) && VERB_PHRASES[titleWords[2].toLowerCase()] !== undefined;
  const [verbWord, ...rest] = paired ? [titleWords[0], ...titleWords.slice(3)] : titleWords;
  const verb = verbWord.toLowerCase();
  const verbPhrase = paired ? `${conjugate(verbWord)} or ${conjugate(titleWords[2]).toLowerCase()}` : conjugate(verbWord);
  const objectWords = rest.map((w) => (KEEP_CASE.test(w) ? w : w.toLowerCase()));
  const object = objectWords.join(" ");
  // The noun the verb acts on: the last word before a qualifier such as "by", "for", "of", "to".
  const qualifierAt = objectWords.findIndex((w, i) => i > 0 && /^(by|for|of|to|from|on|at|as|in)$/.test(w));
  const head = (qualifierAt > 0 ? objectWords[qualifierAt - 1] : objectWords[objectWords.length - 1]) ?? "";
  const singular = !/s$/i.test(head) || /(ss|us)$/i.test(head);
  const article =
    VERBS_WITH_ARTICLE.has(verb) && singular && !MASS_NOUNS.test(head.toLowerCase())
      ? /^[aeiou]/i.test(object) && !/^(u[a-z]*er|one)/i.test(object)
        ? "an "
        : "a "
      : "";
  const module = `ServiceTitan ${MODULE_LABELS[op.module]}`;
  const fromVerbs = ["delete", "remove", "detach", "get", "list", "export", "search", "match"];
  // "Removes tag from customer in …", not "from customer from …": the object already says "from" once.
  const preposition = fromVerbs.includes(verb) && !objectWords.includes("from") ? "from" : "in";
  const what = `${verbPhrase} ${article}${object} ${preposition} ${module}.`;

  const pathIds = op.params.filter((p) => p.in === "path").length;
  let returns = "";
  if (op.kind === "export") {
    returns =
      " Works as a change feed: returns records created or changed since From, inactive and deleted ones included (check each record's active flag), with a Continue From token for the next call; Drain Until Caught Up reads every batch.";
  } else if (op.kind === "list") {
    returns = " Returns one page (Page, Page Size), or every matching record with Fetch All.";
  } else if (op.method === "GET") {
    returns =
      verb === "list"
        ? " Returns every matching record in one response; this call is not paged."
        : pathIds
          ? singular
            ? " Returns the record as ServiceTitan stores it."
            : " Returns them as ServiceTitan stores them."
          : " Returns ServiceTitan's answer as JSON.";
    if (op.response && !isJsonAnswer(op)) returns = " Returns the file content ServiceTitan sends back.";
  } else if (op.kind === "create") {
    returns = responseHasId(op) ? " Returns the new record, including its ID." : " Returns ServiceTitan's response.";
  } else if (op.kind === "update" && op.method === "PATCH") {
    returns = " Only the inputs you fill in are sent; everything you leave empty keeps its current value.";
  } else if (op.kind === "update" && op.method === "PUT") {
    returns = " Sends the whole record (PUT): a field you leave empty may be cleared in ServiceTitan.";
  } else if (op.kind === "delete") {
    returns = " Returns an empty result on success.";
  } else if (verb === "mark") {
    returns = " Run it once your accounting sync has taken the records, so the next run can skip them.";
  }
  const call = ` Calls ${op.method} ${op.path}${op.version ? ` of API ${op.version}` : ""}${op.scope ? ` (scope ${op.scope})` : ""}.`;
  const legacy = op.legacy
    ? " No longer listed in ServiceTitan's current API documentation (built from its March 2026 contract); it may be withdrawn."
    : "";
  return `${what}${returns}${call}${legacy}`;
};

const curatedFor = (entry: CatalogEntry, spec: FieldSpec): CuratedInput =>
  entry.curated.inputs?.[`${spec.placement}.${spec.name}`] ?? entry.curated.inputs?.[spec.name] ?? {};

const uniqueKey = (wanted: string, taken: Set<string>, placement: string): string => {
  if (!taken.has(wanted)) return wanted;
  const alt = camel([placement, wanted]);
  if (!taken.has(alt)) return alt;
  let n = 2;
  while (taken.has(`${alt}${n}`)) n += 1;
  return `${alt}${n}`;
};

const toWire = (value: unknown, wire: WireShape): unknown => {
  if (value === undefined) return undefined;
  if (wire === "commaList" && Array.isArray(value)) return value.map(String).join(",");
  return value;
};

/** A file download's example: what the action hands the next step (the bytes and their content type). */
export const FILE_EXAMPLE = { data: "%PDF-1.7 … (the file's bytes)", contentType: "application/pdf" };

/** The example payload of a generated action, in the shape its perform returns. */
const exampleOutput = (
  op: OperationDescriptor,
  kind: OutputKind,
  transform?: (data: unknown) => unknown,
): { data: unknown; contentType?: string } => {
  if (kind === "file") return FILE_EXAMPLE;
  const example = op.response?.example ?? {};
  return { data: transform ? transform(example) : example };
};

type Entry = [string, InputFieldDefinition];

/**
 * The one input order (issue 15 item 2): connection, required inputs (contract order), then for a list
 * Fetch All and Max Records, then the filters and other optional inputs (sort and custom query parameters
 * last among them), then paging — Page, Page Size, Include Total — grouped at the very end. An export
 * feed keeps From, Include Recent Changes, Drain and Max Records after the required inputs.
 */
export const orderInputs = (parts: {
  required: Entry[];
  optional: Entry[];
  mode: BuiltAction["mode"];
  /** A list's Sort input, when the operation takes one. */
  sort?: InputFieldDefinition;
  /** Fetch All (default: the shared one, pages of 5,000). */
  fetchAll?: InputFieldDefinition;
  page: InputFieldDefinition;
  pageSize: InputFieldDefinition;
  includeTotal: boolean;
  customQueryParams: boolean;
  debugRequest: boolean;
}): Record<string, InputFieldDefinition> => {
  const { maxRecords, includeTotal } = pagingInputs;
  const fetchAll = parts.fetchAll ?? pagingInputs.fetchAll;
  const list = parts.mode === "page";
  const entries: Entry[] = [
    ["connection", connectionInput],
    ...parts.required,
    ...(list
      ? ([
          ["fetchAll", fetchAll],
          ["maxRecords", maxRecords],
        ] as Entry[])
      : []),
    ...(parts.mode === "export" ? (Object.entries(exportInputs) as Entry[]) : []),
    ...parts.optional,
    ...(parts.sort ? ([["sort", parts.sort]] as Entry[]) : []),
    ...(parts.customQueryParams ? ([["customQueryParams", customQueryParamsInput]] as Entry[]) : []),
    ...(parts.debugRequest ? ([["debugRequest", debugRequestInput]] as Entry[]) : []),
    ...(list
      ? ([
          ["page", parts.page],
          ["pageSize", parts.pageSize],
        ] as Entry[])
      : []),
    ...(list && parts.includeTotal ? ([["includeTotal", includeTotal]] as Entry[]) : []),
  ];
  return Object.fromEntries(entries) as Record<string, InputFieldDefinition>;
};

/**
 * A list's Sort: the shared text input (+Field or -Field), or — where curated words close it with the
 * fields the document names — a dropdown of each field ascending and descending, built like any enum.
 */
const listSortInput = (entry: CatalogEntry): InputFieldDefinition | undefined => {
  const param = entry.op.params.find((p) => p.in === "query" && p.name === "sort");
  if (!param) return undefined;
  const words = entry.curated.inputs?.["query.sort"] ?? entry.curated.inputs?.sort;
  if (!words?.enum) return sortInput();
  const { definition } = inputFromSpec({ name: "sort", placement: "query", schema: param.schema, required: false }, "Sort", {
    comments: SORT_COMMENT,
    ...words,
  });
  // The free-text Sort took a bare field ("ModifiedOn") as ascending; the dropdown's clean still does.
  const clean = (definition as { clean: (value: unknown) => unknown }).clean;
  return {
    ...definition,
    clean: (v: unknown) => clean(typeof v === "string" && /^\s*[A-Za-z]/.test(v) ? `+${v.trim()}` : v),
  } as InputFieldDefinition;
};

/**
 * A query parameter declared as a list of objects: a query string cannot carry it (objects alone, such as
 * the custom-field filters, travel as name/value pairs and are kept).
 */
const hasNoQueryForm = (schema: { type?: string; items?: { type?: string; properties?: unknown } }): boolean =>
  schema.type === "array" && (schema.items?.type === "object" || schema.items?.properties !== undefined);

export const buildAction = (entry: CatalogEntry, dataSources?: ReadonlySet<string>): BuiltAction => {
  const { op, curated, key } = entry;
  const params = op.params;
  const hasPaging = op.kind === "list" && params.some((p) => p.name === "page") && params.some((p) => p.name === "pageSize");
  const mode: BuiltAction["mode"] = op.kind === "export" ? "export" : hasPaging ? "page" : "plain";

  const taken = new Set<string>(["connection", "debugRequest", ...Object.keys(curated.structured ?? {})]);
  // Body fields that structured inputs can fill: their JSON inputs are optional (src/inputs/structured.ts).
  const structuredFields = structuredFieldsOf(curated.structured);
  const built: Array<{ key: string; input: BuiltInput; binding: Binding; required: boolean }> = [];
  const add = (spec: FieldSpec) => {
    const c = curatedFor(entry, spec);
    const derived = spec.placement === "path" ? pathParamKey(op.path, spec.name) : spec.name;
    const inputKey = c.key ?? uniqueKey(derived, taken, spec.placement);
    if (taken.has(inputKey)) throw new Error(`${key}: input key ${inputKey} is used twice.`);
    taken.add(inputKey);
    const relaxed = spec.placement === "body" && structuredFields.has(spec.name) ? { required: false } : {};
    const overrides = { ...c, ...relaxed, dataSource: c.dataSource ?? dataSourceFor(inputKey, dataSources, op) };
    const input = inputFromSpec(spec, labelForField(inputKey), overrides);
    if (c.note) (input.definition as { comments?: string }).comments = `${(input.definition as { comments?: string }).comments} ${c.note}`;
    built.push({
      key: inputKey,
      input,
      binding: { inputKey, placement: spec.placement, name: spec.name, wire: input.wire },
      required: Boolean((input.definition as { required?: boolean }).required),
    });
  };

  for (const p of params.filter((p) => p.in === "path")) add({ name: p.name, placement: "path", schema: p.schema, required: true });
  // The Sort input writes ServiceTitan's text form ("+Name", "-ModifiedOn"). One document declares a
  // list's sort as an array of objects instead, which has no query-string form: no input for it at all.
  const textSort = params.some((p) => p.name === "sort" && p.in === "query" && p.schema.type === "string");
  const queryParams = params.filter(
    (p) =>
      p.in === "query" &&
      !hasNoQueryForm(p.schema) &&
      !(mode === "page" && PAGING_PARAMS.has(p.name)) &&
      !(mode === "export" && EXPORT_PARAMS.has(p.name)) &&
      !(mode === "page" && p.name === "sort" && textSort),
  );

  const body = op.body;
  const bodySchema = body?.schema;
  const bodyFields =
    bodySchema?.type === "object" && bodySchema.properties ? Object.entries(bodySchema.properties).filter(([, s]) => !s.readOnly) : [];
  const wholeBody =
    body &&
    !(
      bodySchema?.type === "object" &&
      bodySchema.properties &&
      !(bodySchema.additionalProperties && typeof bodySchema.additionalProperties === "object")
    );

  const required = (name: string) => Boolean(bodySchema?.required?.includes(name));
  for (const p of queryParams.filter((p) => p.required)) add({ name: p.name, placement: "query", schema: p.schema, required: true });
  for (const [name, schema] of bodyFields.filter(([n]) => required(n))) add({ name, placement: "body", schema, required: true });
  if (wholeBody && body) add({ name: "body", placement: "body", schema: bodySchema ?? {}, required: body.required });
  for (const [name, schema] of bodyFields.filter(([n]) => !required(n))) add({ name, placement: "body", schema, required: false });
  for (const p of queryParams.filter((p) => !p.required)) add({ name: p.name, placement: "query", schema: p.schema, required: false });

  // A body with a file field (format binary) is sent as multipart/form-data; the file's name is ours to give.
  const uploadField = bodyFields.find(([, schema]) => schema.format === "binary")?.[0];
  if (uploadField && !taken.has("fileName")) {
    const c = entry.curated.inputs?.fileName ?? {};
    taken.add("fileName");
    built.push({
      key: "fileName",
      input: {
        definition: {
          label: c.label ?? "File Name",
          type: "string",
          required: c.required ?? false,
          comments:
            c.comments ??
            "Name the file is stored under, with its extension, such as warranty.pdf. Empty: upload plus an extension from the file's content type.",
          example: c.example ?? "warranty.pdf",
          clean: cleanString(c.label ?? "File Name", { required: c.required ?? false, maxLength: 255 }),
        } as unknown as InputFieldDefinition,
        wire: "scalar",
      },
      binding: { inputKey: "fileName", placement: "body", name: "$fileName", wire: "scalar" },
      required: c.required ?? false,
    });
  }

  const label = curated.label ?? actionLabelFor(key);
  const structured = curated.structured
    ? planStructured({
        op,
        actionLabel: label,
        words: curated.structured,
        jsonInputs: new Map(
          built
            .filter((b) => b.binding.placement === "body" && structuredFields.has(b.binding.name))
            .map((b) => [b.binding.name, { key: b.key, label: String((b.input.definition as { label: string }).label) }]),
        ),
        dataSources,
      })
    : undefined;
  /** Optional inputs in contract order, each body field's structured inputs right before its JSON input. */
  const optionalEntries = built
    .filter((b) => !b.required)
    .flatMap((b): Entry[] => [
      ...(structured && b.binding.placement === "body" && structured.fields.has(b.binding.name)
        ? structured.inputsFor(b.binding.name)
        : []),
      [b.key, b.input.definition],
    ]);
  /**
   * The params with the structured inputs' values put where the body takes them; undefined while a
   * structured input is wrong (its own check reports it, so the checks that follow it stay quiet).
   */
  const assembled = (values: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (!structured) return values;
    const { values: out, problems } = structured.overlay(values);
    return problems.size ? undefined : out;
  };

  const totalParam = params.find((p) => p.name === "includeTotal");
  // The largest page the operation takes and its first page, from its transport rules (src/http/rules.ts:
  // the contract's pageSize maximum and page minimum, or the rules table); Page Size and Fetch All respect them.
  const { maxPageSize: ruledMax, firstPage } = rulesFor(op);
  const maxPageSize = Math.min(MAX_PAGE_SIZE, ruledMax);
  const inputs = orderInputs({
    required: built.filter((b) => b.required).map((b) => [b.key, b.input.definition]),
    optional: optionalEntries,
    mode,
    sort: mode === "page" && textSort ? listSortInput(entry) : undefined,
    page: firstPage !== 1 ? pageInput(firstPage) : pagingInputs.page,
    pageSize: maxPageSize < MAX_PAGE_SIZE ? pageSizeInput(maxPageSize) : pagingInputs.pageSize,
    fetchAll: maxPageSize < MAX_PAGE_SIZE ? fetchAllInput(maxPageSize) : pagingInputs.fetchAll,
    includeTotal: Boolean(totalParam),
    customQueryParams: op.method === "GET",
    // Only the earlier component's actions keep Debug Request; the rest follow Prismatic's debug mode.
    debugRequest: EARLIER_COMPONENT_ACTION_KEYS.has(key),
  });

  const bindings = built.map((b) => b.binding);
  const wholeBodyBinding = bindings.find((b) => b.placement === "body" && b.name === "body" && wholeBody);

  const pathBindings = bindings.filter((b) => b.placement === "path");
  const pathLabels = new Map(pathBindings.map((b) => [b.name, String((inputs[b.inputKey] as { label: string }).label)]));

  const buildRequest = (values: Record<string, unknown>): StRequest => {
    const path = fillPath(
      op.path,
      Object.fromEntries(pathBindings.map((b) => [b.name, toWire(values[b.inputKey], b.wire)])),
      (name) => pathLabels.get(name) ?? name,
    );
    const query: QueryParams = {};
    let bodyValue: Record<string, unknown> | unknown = undefined;
    for (const b of bindings) {
      if (b.placement === "path") continue; // filled above
      const value = toWire(values[b.inputKey], b.wire);
      if (b.placement === "query") {
        if (value !== undefined && b.wire === "json" && value && typeof value === "object" && !Array.isArray(value)) {
          // Dictionary filters (customField.Fields): name[key]=value, as ServiceTitan's model binding reads them.
          for (const [k, v] of Object.entries(value as Record<string, unknown>)) query[`${b.name}[${k}]`] = String(v);
        } else if (value !== undefined) query[b.name] = value as QueryParams[string];
      } else if (b === wholeBodyBinding) {
        bodyValue = value;
      } else if (b.name === "$fileName") {
        // used below, when the multipart body is built
      } else if (value !== undefined) {
        bodyValue = { ...((bodyValue as Record<string, unknown>) ?? {}), [b.name]: value };
      }
    }
    if (mode === "page" && values.sort !== undefined) query.sort = values.sort as string;
    const custom = values.customQueryParams as Record<string, string> | undefined;
    if (custom) {
      for (const [name, value] of Object.entries(custom)) {
        if (Object.hasOwn(query, name) || params.some((p) => p.name === name)) {
          throw new InputError(`Custom Query Params: "${name}" has its own input on this action; use that input instead.`);
        }
        setOwn(query, name, value);
      }
    }
    if (
      op.method === "PATCH" &&
      !wholeBody &&
      bodyFields.length > 0 &&
      (bodyValue === undefined || (typeof bodyValue === "object" && bodyValue !== null && Object.keys(bodyValue).length === 0))
    ) {
      // An update with nothing to change would report success while doing nothing.
      throw new InputError(`${label}: fill in at least one field to change; every field left empty keeps its current value.`);
    }
    if (body && bodyValue === undefined && (body.required || op.method !== "GET")) bodyValue = wholeBody ? undefined : {};
    let rawBody: StRequest["rawBody"];
    if (uploadField && bodyValue && typeof bodyValue === "object") {
      const fields = { ...(bodyValue as Record<string, unknown>) };
      if (fields[uploadField] !== undefined) fields[uploadField] = toFilePart(fields[uploadField], values.fileName as string | undefined);
      rawBody = encodeMultipart(fields);
      bodyValue = undefined;
    }
    return {
      rawBody,
      module: op.module,
      ...(op.version ? { version: op.version } : {}),
      method: op.method,
      path,
      query,
      body: bodyValue,
      operation: `"${label}"`,
      operationId: op.operationId,
      scope: op.scope,
      // A read documented without a response body (a download answered by redirect or raw bytes) is
      // binary: an empty or non-JSON body is then the answer, not a cut-off JSON response.
      responseType: isFileAnswer(op) ? "binary" : "json",
      // A create that promises the new record must not answer with nothing: the transport then fails
      // with "result unknown" instead of this action handing back {} as if all went well.
      expectBody: op.kind === "create" && op.response?.example !== undefined,
    };
  };

  // What `data` holds: a file for a read documented without a JSON body, nothing for a write without one.
  const outputKind: OutputKind = mode === "export" ? "export" : isFileAnswer(op) ? "file" : isJsonAnswer(op) ? "json" : "empty";
  const definition = action({
    display: {
      label,
      description: curated.description ?? describeOperation(op, key, label),
      ...(IMPORTANT_ACTION_KEYS.has(key) ? { important: true } : {}),
    },
    inputs,
    performSafety: op.method === "GET" ? PerformSafety.SAFE : PerformSafety.NOT_ALLOWED,
    // The example shows what the action returns: reshaped by transformOutput where the curated layer has one.
    examplePayload: (curated.examplePayload ?? exampleOutput(op, outputKind, curated.transformOutput)) as never,
    // Fields a builder can reference before a test run: the response contract, or for a reshaped answer
    // the shape of its example.
    outputSchema: lazyOutputSchema(() =>
      curated.transformOutput
        ? contractOutputSchema(shapeOfExample(exampleOutput(op, outputKind, curated.transformOutput).data), "json")
        : contractOutputSchema(responseShapeOf(op), outputKind),
    ),
    perform: async (context, params) => {
      const values = structured ? structured.apply(params as Record<string, unknown>) : (params as Record<string, unknown>);
      curated.validate?.(values);
      const req = buildRequest(values);
      const client = clientFor(context, values);
      if (mode === "page") {
        if (values.fetchAll === true) {
          return {
            data: await fetchAll(client, req, {
              maxRecords: values.maxRecords as number | undefined,
              countTotal: Boolean(totalParam),
              totalRequired: Boolean(totalParam?.required),
              pageSize: maxPageSize,
              firstPage,
            }),
          };
        }
        const includeTotal = !totalParam ? undefined : values.includeTotal === true ? true : totalParam.required ? false : undefined;
        return {
          data: await fetchPage(
            client,
            req,
            (values.page as number) ?? firstPage,
            (values.pageSize as number) ?? DEFAULT_PAGE_SIZE,
            includeTotal,
          ),
        };
      }
      if (mode === "export") {
        if (values.drain === true) {
          return {
            data: await drainExport(client, req, {
              from: values.from as string | undefined,
              includeRecentChanges: values.includeRecentChanges === true,
              maxRecords: (values.maxRecords as number | undefined) ?? DRAIN_DEFAULT_MAX_RECORDS,
              maxMillis: DRAIN_DEFAULT_MAX_MILLIS,
            }),
          };
        }
        return { data: await fetchExportPage(client, req, values.from as string | undefined, values.includeRecentChanges === true) };
      }
      const res = await client.request(req);
      if (req.responseType === "binary") return { data: res.data as Buffer, contentType: res.contentType ?? "application/octet-stream" };
      const data = res.data ?? {};
      return { data: (curated.transformOutput ? curated.transformOutput(data) : data) as never };
    },
  }) as unknown as ActionDefinition;
  // The cross-input checks (curated rules, "fill in at least one field") join the list of invalid inputs.
  withInputChecks(
    definition.perform,
    ...(structured?.checks ?? []),
    (values) => {
      const ready = assembled(values);
      if (ready) curated.validate?.(ready);
    },
    (values) => {
      const ready = assembled(values);
      if (ready) buildRequest(ready);
    },
  );

  return { key, op, bindings, mode, definition };
};
