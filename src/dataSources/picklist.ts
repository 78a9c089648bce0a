/**
 * The one picklist factory: a small definition (which list operation, how to word a record, which
 * extra inputs) becomes a Spectral `picklist` data source. Every picklist behaves the same way:
 *
 * - at most two requests of the list's largest page (5,000 records, or less where the transport rules
 *   say so, src/http/rules.ts), so at most 10,000 items;
 * - the request goes through the one transport (auth, retries, rate limit, readable errors);
 * - items are `{ key: String(id), label }`, de-duplicated by id, sorted by label (stable,
 *   case-insensitive, numbers in labels compared as numbers: "#9" before "#10");
 * - nothing to list gives `[]`, never an error;
 * - lists with a `sort` parameter are read newest first (`sort=-Id`), so when more than 10,000 exist
 *   the dropdown keeps the newest; a truncated list ends with one more item saying that more exist
 *   and how to narrow the list (moreItem).
 *
 * The operation's module and path come from the generated descriptor, so a picklist can never drift
 * from the contract: a definition naming an operation that is missing, or that is not a paged list,
 * fails when the component loads (and in the tests), not when a user opens a dropdown.
 */
import {
  dataSource,
  type ConfigVarResultCollection,
  type DataSourceDefinition,
  type DataSourceType,
  type Element,
  type InputFieldDefinition,
  type Inputs,
  input,
} from "@prismatic-io/spectral";
import { fillPath, type QueryParams, type QueryValue, type ServiceTitanClient, type StRequest } from "../http/client";
import { clientFor } from "../http/clientFor";
import { cleanEnum, cleanId } from "../inputs/clean";
import { connectionInput } from "../inputs/shared";
import { findOperation } from "../operations/catalog";
import { humanize } from "../operations/naming";
import type { ModuleKey, OperationDescriptor } from "../operations/types";
import { fetchPage, MAX_PAGE_SIZE, type ListPage } from "../paging/pages";
import { formatCount, type RunProgress, startProgress } from "../paging/progress";
import { rulesFor } from "../http/rules";
import type { RecordLabel } from "./labels";

export type AnyDataSource = DataSourceDefinition<Inputs, ConfigVarResultCollection, DataSourceType>;

/** A picklist lists at most this many items: two pages of the API's largest page size. */
export const PICKLIST_MAX_ITEMS = 2 * MAX_PAGE_SIZE;

/** Newest first: ids grow with creation, and every ServiceTitan list with a `sort` parameter takes Id. */
export const NEWEST_FIRST = "-Id";

/** The key of the closing "more exist" item: not an ID, so an action given it refuses it by its input's label. */
export const MORE_ITEM_KEY = "more-records-exist";

/**
 * How pages 1 and 2 are requested.
 * - "sequential": page 1, then page 2 only when page 1 reports `hasMore` (one request for short lists).
 * - "concurrent": pages 1 and 2 at once (two requests always, but a long list arrives in the time of one
 *   page instead of two). test/dataSources/strategy.test.ts measures both against a latency sandbox.
 */
export type FetchStrategy = "sequential" | "concurrent";

/** An extra input of a picklist, and where its cleaned value goes on the wire. */
export interface PicklistInput {
  /** Path parameter or query parameter of the list operation that receives the value. */
  placement: "path" | "query";
  /** The parameter's name in the operation (must exist in the descriptor). */
  name: string;
  definition: InputFieldDefinition;
}

/** How most records read: by their name. */
export const DEFAULT_PICKLIST_LABEL = "{name}";
/** The default label, in words, for the description. */
export const DEFAULT_LABEL_DESCRIPTION = "name";

export interface PicklistDefinition {
  /** Data source key (kept exactly where integration builders already use it). */
  key: string;
  /** The list operation, by module and ServiceTitan operationId (looked up in the generated catalog). */
  operation: { module: ModuleKey; operationId: string };
  /** Singular and plural nouns for the labels and the description, e.g. ["customer", "customers"]. */
  noun: [string, string];
  /**
   * How a record reads in the dropdown: `{field}` placeholders filled from the record (dotted paths
   * allowed). When a placeholder is empty the record reads "<Noun> <id>" instead. Default
   * DEFAULT_PICKLIST_LABEL ("{name}").
   */
  label?: string;
  /**
   * How a record reads when one template cannot say it (an address): a function of the record, used
   * instead of `label`; undefined from it reads "<Noun> <id>".
   */
  format?: RecordLabel;
  /**
   * Labels that need names from other lists (a job's type and customer): called once per load with the
   * listed records, returns the label function. It must not throw (a failed lookup leaves names out).
   */
  resolveLabels?: (client: ServiceTitanClient, records: Record<string, unknown>[]) => Promise<RecordLabel>;
  /** Append " (ID: <id>)" to the label (default true), so records with the same name stay distinct. */
  withId?: boolean;
  /**
   * What the label shows, in words, for the description, e.g. "job number". Default
   * DEFAULT_LABEL_DESCRIPTION ("name"), which goes with the default label.
   */
  labelDescription?: string;
  /** Extra inputs besides the connection (a required path parameter, a filter). */
  inputs?: Record<string, PicklistInput>;
  /**
   * For an operation that answers one object holding short lists (Task Management's /data): the
   * property whose array fills the dropdown. One request, no paging.
   */
  field?: string;
  /**
   * A second list read with the first and shown with it (technicians and office employees): each
   * record's `kind` field is set to the tag of its list, for the label ("{name} · {kind}").
   */
  merge?: { operation: { module: ModuleKey; operationId: string }; tags: [string, string] };
  /** Fixed query parameters sent on every request. */
  query?: QueryParams;
  /** Lists that are commonly longer than one page load faster when both pages are requested at once. */
  strategy?: FetchStrategy;
  /** A short example result for the designer. */
  example: Element[];
}

const descriptorFor = (def: PicklistDefinition): OperationDescriptor => {
  const { module, operationId } = def.operation;
  const op = findOperation(module, operationId);
  if (!op) throw new Error(`Data source ${def.key}: operation ${module}:${operationId} is not in the generated catalog.`);
  const names = new Set(op.params.map((p) => p.name));
  if (def.field) {
    // one object holding the records in a property (Task Management's /data, budget-code segments' `data` without `hasMore`)
    if (op.method !== "GET" || op.kind === "export") throw new Error(`Data source ${def.key}: ${module}:${operationId} is not a one-object read.`);
  } else if (op.method !== "GET" || !["list", "get"].includes(op.kind) || !names.has("page") || !names.has("pageSize")) {
    throw new Error(`Data source ${def.key}: ${module}:${operationId} is not a paged list operation.`);
  }
  for (const extra of Object.values(def.inputs ?? {})) {
    const p = op.params.find((q) => q.name === extra.name && q.in === extra.placement);
    if (!p) throw new Error(`Data source ${def.key}: ${module}:${operationId} has no ${extra.placement} parameter ${extra.name}.`);
  }
  for (const p of op.params) {
    if (p.in === "path" && !Object.values(def.inputs ?? {}).some((i) => i.placement === "path" && i.name === p.name)) {
      throw new Error(`Data source ${def.key}: path parameter ${p.name} of ${module}:${operationId} has no input.`);
    }
  }
  return op;
};

// ---------------------------------------------------------------- labels and ordering

const valueAt = (record: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), record);

/** Fills a label template from a record; falls back to "<Noun> <id>" when a field is empty. */
type LabelRule = Pick<PicklistDefinition, "label" | "withId" | "noun" | "format">;

const fromTemplate = (template: string, record: Record<string, unknown>): string | undefined => {
  let missing = false;
  const text = template.replace(/\{([^}]+)\}/g, (_m, path: string) => {
    const v = valueAt(record, path);
    const s = v === undefined || v === null ? "" : String(v).trim();
    if (!s) missing = true;
    return s;
  });
  return missing ? undefined : text.trim();
};

export const labelFor = (def: LabelRule, record: Record<string, unknown>): string => {
  const id = String(record.id);
  const text = def.format ? def.format(record)?.trim() : fromTemplate(def.label ?? DEFAULT_PICKLIST_LABEL, record);
  const main = text ? text : `${humanize(def.noun[0])} ${id}`;
  return def.withId === false ? main : `${main} (ID: ${id})`;
};

// Made on first use: creating a collator loads ICU's collation data, which would cost every cold start.
let collatorCache: Intl.Collator | undefined;
const collator = (): Intl.Collator => (collatorCache ??= new Intl.Collator("en", { numeric: true, sensitivity: "base" }));

/** Sorts by label: case-insensitive, numbers compared as numbers; equal labels keep their order. */
export const sortByLabel = (items: Element[]): Element[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => collator().compare(a.item.label ?? a.item.key, b.item.label ?? b.item.key) || a.index - b.index)
    .map((x) => x.item);

/** Records → items: one per id (first wins), records without an id skipped, at most PICKLIST_MAX_ITEMS. */
export const toItems = (def: LabelRule, records: unknown[]): Element[] => {
  const seen = new Set<string>();
  const items: Element[] = [];
  for (const record of records) {
    if (!record || typeof record !== "object") continue;
    const id = (record as { id?: unknown }).id;
    if (id === undefined || id === null || id === "") continue;
    const key = String(id);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ key, label: labelFor(def, record as Record<string, unknown>) });
    if (items.length >= PICKLIST_MAX_ITEMS) break;
  }
  return sortByLabel(items);
};

/**
 * The last item of a truncated dropdown: says that more records exist, which ones are listed, and how
 * to reach another one (the picklist's own filters, or typing the ID into the input).
 */
export const moreItem = (plural: string, newestFirst: boolean, filters: string[], max = PICKLIST_MAX_ITEMS): Element => {
  const n = formatCount(max);
  const narrow = filters.length ? `narrow the list with ${filters.join(" or ")}, or type its ID in the input` : "type its ID in the input";
  return { key: MORE_ITEM_KEY, label: `More than ${n} ${plural} exist: the ${newestFirst ? "newest" : "first"} ${n} are listed. To pick another, ${narrow}.` };
};

// ---------------------------------------------------------------- fetching

/**
 * Up to two pages of 5,000 records, from the list's first page (`first`: 1, or 0 where its contract says
 * so); each answered request is a step of `progress` (src/paging/progress.ts) when one is given.
 */
export const fetchPicklistRecords = async (
  client: ServiceTitanClient,
  req: StRequest,
  strategy: FetchStrategy,
  first = 1,
  pageSize = MAX_PAGE_SIZE,
  progress?: RunProgress,
): Promise<{ records: unknown[]; truncated: boolean }> => {
  let pages: ListPage[];
  let records = 0;
  let pagesIn = 0;
  const answered = (page: ListPage): ListPage => {
    records += page.data.length;
    pagesIn += 1;
    progress?.step({ records, pages: pagesIn });
    return page;
  };
  if (strategy === "concurrent") {
    const both = [fetchPage(client, req, first, pageSize).then(answered), fetchPage(client, req, first + 1, pageSize).then(answered)];
    pages = await Promise.all(both);
    // page 2 of a list that ended on page 1 is empty; ignore whatever it says
    if (!pages[0].hasMore) pages = [pages[0]];
  } else {
    const head = answered(await fetchPage(client, req, first, pageSize));
    pages = head.hasMore ? [head, answered(await fetchPage(client, req, first + 1, pageSize))] : [head];
  }
  const last = pages[pages.length - 1];
  return { records: pages.flatMap((p) => p.data), truncated: pages.length === 2 && last.hasMore };
};

/** The array at `field` of a one-object answer (absent or not an array: nothing to list). */
export const fetchFieldRecords = async (client: ServiceTitanClient, req: StRequest, field: string): Promise<{ records: unknown[]; truncated: boolean }> => {
  const res = await client.request<Record<string, unknown>>(req);
  const list = res.data && typeof res.data === "object" ? res.data[field] : undefined;
  return { records: Array.isArray(list) ? list : [], truncated: false };
};

// ---------------------------------------------------------------- the factory

/** The standard Active filter for list operations that take ServiceTitan's True/Any/False argument. */
const activeInput = (plural: string): PicklistInput => ({
  placement: "query",
  name: "active",
  definition: input({
    label: "Active",
    type: "string",
    required: false,
    default: "True",
    model: [
      { label: `Active ${plural} only`, value: "True" },
      { label: `Inactive ${plural} only`, value: "False" },
      { label: `All ${plural}`, value: "Any" },
    ],
    comments: `Which ${plural} to list: True lists active ones only (the default), False inactive ones only, Any both.`,
    example: "True",
    placeholder: "True",
    clean: (value: unknown) => cleanEnum("Active", ["True", "Any", "False"])(value) ?? "True",
  }),
});

/** A required numeric ID input bound to a path parameter (e.g. the customer whose contacts are listed). */
export const idPathInput = (name: string, label: string, comments: string, example = "1234567"): PicklistInput => ({
  placement: "path",
  name,
  definition: input({
    label,
    type: "string",
    required: true,
    comments,
    example,
    placeholder: example,
    clean: cleanId(label, { required: true }),
  }),
});

/** An optional numeric ID filter (a query parameter), itself filled from another dropdown. */
export const idFilterInput = (
  name: string,
  label: string,
  comments: string,
  dataSource: string,
  example = "1234567",
  clean: (value: unknown) => unknown = cleanId(label),
): PicklistInput => ({
  placement: "query",
  name,
  definition: input({
    label,
    type: "string",
    required: false,
    dataSource,
    comments,
    example,
    placeholder: example,
    clean,
  }),
});

/** Read newest first where the list can be sorted and the definition fixes no order of its own. */
const readsNewestFirst = (def: PicklistDefinition, op: OperationDescriptor): boolean =>
  op.params.some((p) => p.in === "query" && p.name === "sort") && def.query?.sort === undefined;

/** The largest page of a list (the transport rules: 5,000, or the list's own smaller cap). */
const pageSizeOf = (op: OperationDescriptor): number => Math.min(rulesFor(op).maxPageSize, MAX_PAGE_SIZE);
/** A picklist reads at most two pages. */
const maxItemsOf = (op: OperationDescriptor): number => 2 * pageSizeOf(op);

const describe = (def: PicklistDefinition, op: OperationDescriptor): string => {
  if (def.field) {
    return (
      `Pick one of the tenant's ${def.noun[1]} from a dropdown, sorted by ${def.labelDescription ?? DEFAULT_LABEL_DESCRIPTION}` +
      ` (the ${def.field} list of ${op.method} ${op.path} in ServiceTitan, one request${op.scope ? `; scope ${op.scope}` : ""}).`
    );
  }
  return (
    `Pick one of up to ${formatCount(maxItemsOf(op))} ${def.noun[1]} from a dropdown, sorted by ${def.labelDescription ?? DEFAULT_LABEL_DESCRIPTION}` +
    ` (${op.method} ${op.path} in ServiceTitan, two pages of ${formatCount(pageSizeOf(op))} at most${op.scope ? `; scope ${op.scope}` : ""}).` +
    ` When more exist, the ${readsNewestFirst(def, op) ? "newest" : "first"} ${formatCount(maxItemsOf(op))} are listed and a last item says so.`
  );
};

export interface BuiltPicklist {
  key: string;
  op: OperationDescriptor;
  definition: PicklistDefinition;
  dataSource: AnyDataSource;
}

export const buildPicklist = (def: PicklistDefinition): BuiltPicklist => {
  const op = descriptorFor(def);
  const hasActive = op.params.some((p) => p.in === "query" && p.name === "active");
  const extras: Record<string, PicklistInput> = {
    ...(hasActive && !Object.values(def.inputs ?? {}).some((i) => i.name === "active") ? { active: activeInput(def.noun[1]) } : {}),
    ...def.inputs,
  };
  const inputs: Record<string, InputFieldDefinition> = { connection: connectionInput };
  for (const [key, extra] of Object.entries(extras)) inputs[key] = extra.definition;
  const strategy = def.strategy ?? "sequential";
  const [one] = def.noun;
  const newestFirst = readsNewestFirst(def, op);
  const { firstPage } = rulesFor(op);
  const paged = op.params.some((p) => p.in === "query" && p.name === "page");
  const maxItems = def.field ? pageSizeOf(op) : maxItemsOf(op);
  const filters = Object.values(extras)
    .filter((extra) => extra.placement === "query")
    .map((extra) => String((extra.definition as { label: string }).label));

  const pathInputs = Object.entries(extras).filter(([, extra]) => extra.placement === "path");
  const pathLabels = new Map(pathInputs.map(([, extra]) => [extra.name, String((extra.definition as { label: string }).label)]));

  const second = def.merge ? descriptorFor({ ...def, operation: def.merge.operation, inputs: {}, merge: undefined }) : undefined;
  const tagged = (tag: string, records: unknown[]) => records.map((r) => (r && typeof r === "object" ? { ...r, kind: tag } : r));
  const load = async (client: ServiceTitanClient, req: StRequest, progress?: RunProgress): Promise<{ records: unknown[]; truncated: boolean }> => {
    if (def.field) {
      // a list that pages without saying whether more exist: one page of the largest size; a full page may not be all
      if (!paged) return fetchFieldRecords(client, req, def.field);
      const size = pageSizeOf(op);
      const read = await fetchFieldRecords(client, { ...req, query: { ...req.query, page: firstPage, pageSize: size } }, def.field);
      return { records: read.records, truncated: read.records.length >= size };
    }
    if (!second || !def.merge) return fetchPicklistRecords(client, req, strategy, firstPage, pageSizeOf(op), progress);
    const names = new Set(second.params.filter((p) => p.in === "query").map((p) => p.name));
    const query = Object.fromEntries(Object.entries(req.query ?? {}).filter(([k]) => names.has(k)));
    const other: StRequest = { ...req, module: second.module, version: second.version, path: second.path, scope: second.scope, query };
    const [a, b] = await Promise.all([
      fetchPicklistRecords(client, req, strategy, firstPage, undefined, progress),
      fetchPicklistRecords(client, other, strategy, rulesFor(second).firstPage, pageSizeOf(second), progress),
    ]);
    const [tagA, tagB] = def.merge.tags;
    return { records: [...tagged(tagA, a.records), ...tagged(tagB, b.records)], truncated: a.truncated || b.truncated };
  };

  const ds = dataSource({
    display: { label: `Select ${humanize(one)}`, description: describe(def, op) },
    dataSourceType: "picklist",
    inputs,
    examplePayload: { result: def.example },
    perform: async (context, params) => {
      const values = params as Record<string, unknown>;
      const path = fillPath(
        op.path,
        Object.fromEntries(pathInputs.map(([key, extra]) => [extra.name, values[key]])),
        (name) => pathLabels.get(name) ?? name,
      );
      const query: QueryParams = { ...def.query, ...(newestFirst ? { sort: NEWEST_FIRST } : {}) };
      for (const [key, extra] of Object.entries(extras)) {
        const value = values[key];
        if (extra.placement === "query" && value !== undefined) query[extra.name] = value as QueryValue;
      }
      const client = clientFor(context, values);
      const req: StRequest = { module: op.module, ...(op.version ? { version: op.version } : {}), method: "GET", path, query, operation: `"Select ${one}"`, scope: op.scope };
      const progress = startProgress(client, { title: `Select ${one}`, noun: def.noun[1] });
      const { records, truncated } = await load(client, req, progress);
      const listed = newestFirst ? "newest" : "first";
      progress.done({ records: records.length, ...(truncated ? { note: `more exist, the ${listed} ${formatCount(maxItems)} are listed` } : {}) });
      const rule: LabelRule = def.resolveLabels ? { ...def, format: await def.resolveLabels(client, records as Record<string, unknown>[]) } : def;
      if (!truncated) return { result: toItems(rule, records) };
      context.logger?.warn?.(
        `Select ${one}: more than ${maxItems} ${def.noun[1]} exist; the dropdown shows the ${newestFirst ? "newest" : "first"} ${maxItems}.`,
      );
      return { result: [...toItems(rule, records), moreItem(def.noun[1], newestFirst, filters, maxItems)] };
    },
  }) as unknown as AnyDataSource;

  return { key: def.key, op, definition: def, dataSource: ds };
};
