/**
 * The module registry: every ServiceTitan tenant API this component reaches, in one list. Each list of
 * modules elsewhere is derived from it — the `ModuleKey` type, the generator's documents and generated
 * index, module labels in descriptions and docs, the sandbox's routes and Raw Request's Module choices.
 *
 * An entry with a `document` is in the catalog: `npm run generate` turns every operation of that
 * official OpenAPI document (in ../shared/servicetitan-openapi) into a descriptor, and the factory into
 * an action. An entry without one is reachable through Raw Request only.
 *
 * Adding an API document to the catalog: give its entry `document` and `curated` (its curated file,
 * curated/<key>.ts, one entry per operation), run `npm run generate` and `npm run docs`.
 *
 * This file and the curated files are plain data and our words (no generated JSON): anything may
 * import it without pulling in the catalog.
 */
import { curation as crm } from "./curated/crm";
import { curation as jpm } from "./curated/jpm";
import { curation as dispatch } from "./curated/dispatch";
import { curation as settings } from "./curated/settings";
import { curation as accounting } from "./curated/accounting";
import { curation as equipmentsystems } from "./curated/equipmentsystems";
import { curation as marketing } from "./curated/marketing";
import { curation as schedulingpro } from "./curated/schedulingpro";
import { curation as taskmanagement } from "./curated/taskmanagement";
import { curation as jbce } from "./curated/jbce";
import { curation as memberships } from "./curated/memberships";
import { curation as pricebook } from "./curated/pricebook";
import { curation as serviceagreements } from "./curated/service-agreements";
import { curation as timesheets } from "./curated/timesheets";
import { curation as payroll } from "./curated/payroll";
import { curation as inventory } from "./curated/inventory";
import { curation as forms } from "./curated/forms";
import { curation as sales } from "./curated/sales";
import { curation as customerinteractions } from "./curated/customer-interactions";
import { curation as marketingads } from "./curated/marketingads";
import { curation as marketingreputation } from "./curated/marketingreputation";
import { curation as findings } from "./curated/findings";
import { curation as reporting } from "./curated/reporting";
import { curation as telecom } from "./curated/telecom";
import type { ModuleCuration } from "./curated/types";

export interface ApiModule {
  /**
   * The module's URL path segment, which is also its key everywhere (descriptors, requests, docs file
   * names): https://api.servicetitan.io/<key>/v2/tenant/{tenant}/… (or another version an operation names)
   */
  readonly key: string;
  /** How builders read the module's name ("ServiceTitan <label>"). */
  readonly label: string;
  /** File name of the official OpenAPI document whose operations become actions; absent: Raw Request only. */
  readonly document?: string;
  /** Its curated words (curated/<key>.ts): required with `document`. */
  readonly curated?: ModuleCuration;
}

/**
 * In the order Raw Request offers them; the catalog keeps the same order for the modules it covers
 * (the order of `allOperations()`, the actions and the reference docs).
 */
export const API_MODULES = [
  { key: "crm", label: "CRM", document: "crm-v2.json", curated: crm },
  { key: "jpm", label: "Job Planning", document: "jpm-v2.json", curated: jpm },
  { key: "dispatch", label: "Dispatch", document: "dispatch-v2.json", curated: dispatch },
  { key: "settings", label: "Settings", document: "settings-v2.json", curated: settings },
  { key: "accounting", label: "Accounting", document: "accounting-v2.json", curated: accounting },
  { key: "equipmentsystems", label: "Equipment Systems", document: "equipment-systems-v2.json", curated: equipmentsystems },
  { key: "marketing", label: "Marketing", document: "marketing-v2.json", curated: marketing },
  { key: "schedulingpro", label: "Scheduling Pro", document: "scheduling-pro-v2.json", curated: schedulingpro },
  { key: "marketingads", label: "Marketing Ads", document: "marketing-ads-v2.json", curated: marketingads },
  { key: "marketingreputation", label: "Marketing Reputation", document: "marketing-reputation-v2.json", curated: marketingreputation },
  { key: "taskmanagement", label: "Task Management", document: "task-management-v2.json", curated: taskmanagement },
  { key: "customer-interactions", label: "Customer Interactions", document: "customer-interactions-v2.json", curated: customerinteractions },
  { key: "service-agreements", label: "Service Agreements", document: "service-agreements-v2.json", curated: serviceagreements },
  { key: "sales", label: "Sales and Estimates", document: "salestech-v2.json", curated: sales },
  // Job Booking: in the catalog for its call-reasons list, which the CRM's bookings and leads refer to.
  { key: "jbce", label: "Job Booking", document: "jbce-v2.json", curated: jbce },
  { key: "forms", label: "Forms", document: "forms-v2.json", curated: forms },
  { key: "inventory", label: "Inventory", document: "inventory-v2.json", curated: inventory },
  { key: "memberships", label: "Memberships", document: "memberships-v2.json", curated: memberships },
  { key: "payroll", label: "Payroll", document: "payroll-v2.json", curated: payroll },
  { key: "pricebook", label: "Pricebook", document: "pricebook-v2.json", curated: pricebook },
  { key: "reporting", label: "Reporting", document: "reporting-v2.json", curated: reporting },
  { key: "findings", label: "Findings", document: "findings-v2.json", curated: findings },
  { key: "timesheets", label: "Timesheets", document: "timesheets-v2.json", curated: timesheets },
  // Telecom's server names no version: its paths do (the calls list is v3, the rest v2; descriptor `version`).
  { key: "telecom", label: "Telecom", document: "telecom.json", curated: telecom },
] as const satisfies readonly ApiModule[];

type Registered = (typeof API_MODULES)[number];
/** A module in the catalog: one whose official document is generated into actions. */
export type CatalogModule = Extract<Registered, { document: string; curated: ModuleCuration }>;
/** The modules in the catalog, by key (their URL path segment). */
export type ModuleKey = CatalogModule["key"];
/** Every module a request may name (Raw Request's choices). */
export type ApiModuleKey = Registered["key"];

const inCatalog = (m: Registered): m is CatalogModule => "document" in m;

for (const m of API_MODULES as readonly ApiModule[]) {
  if ((m.document === undefined) !== (m.curated === undefined)) {
    throw new Error(`Module registry: ${m.key} needs both a document and its curated words, or neither.`);
  }
}

/** The catalog's modules, in registry order. */
export const CATALOG_MODULES: readonly CatalogModule[] = API_MODULES.filter(inCatalog);

/** Catalog module keys, in registry order. */
export const MODULE_KEYS: readonly ModuleKey[] = CATALOG_MODULES.map((m) => m.key);

/** Every module's key (URL path segment), in registry order. */
export const API_MODULE_KEYS: readonly ApiModuleKey[] = API_MODULES.map((m) => m.key);

/** "CRM", "Job Planning", … per catalog module. */
export const MODULE_LABELS = Object.fromEntries(CATALOG_MODULES.map((m) => [m.key, m.label])) as Record<ModuleKey, string>;

/**
 * The module's tenant base path, as ServiceTitan's documents serve it: /<key>/v2/tenant/{tenant}, or another
 * version for an operation that names one (descriptor `version`: telecom's v3 calls list).
 */
export const tenantBasePath = (key: string, version = "v2"): string => `/${key}/${version}/tenant/{tenant}`;
