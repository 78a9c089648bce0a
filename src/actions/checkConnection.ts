/**
 * Check Connection (issue 15 item 11): the question behind most ServiceTitan support tickets — "why 403?"
 * — answered in one step. Reads one cheap list per API module (page size 1), one module after another
 * through the one transport (its rate limiter and retries), and reports module by module what works and
 * which OAuth scopes the app lacks (ServiceTitan answers 403 "Scope validation failed"), plus the
 * credential problems it can see: a refused token or Application Key (401, after which nothing else is
 * tried), a tenant that is not found, and credential fields that do not look like ServiceTitan's.
 */
import { action, ConnectionError, type Connection } from "@prismatic-io/spectral";
import { shapeOutput } from "../operations/outputSchema";
import { clientFor } from "../http/clientFor";
import { connectionInput } from "../inputs/shared";
import { curatedOperations } from "../operations/curated";
import { operationsByModule } from "../operations/generated";
import { actionKeyFor, actionLabelFor, MODULE_LABELS } from "../operations/naming";
import type { ModuleKey, OperationDescriptor } from "../operations/types";
import { rulesFor } from "../http/rules";
import { MODULE_KEYS } from "../operations/modules";
import { TENANT_ID } from "../http/endpoints";

/** The modules to check: the catalog's, from the module registry (src/operations/modules.ts). */
const modulesToCheck = (): readonly ModuleKey[] => MODULE_KEYS;

/** The list read for a module when it has one: a resource every tenant of that module has. */
const PREFERRED_PATHS: Partial<Record<ModuleKey, string>> = {
  crm: "/customers",
  jpm: "/jobs",
  dispatch: "/appointment-assignments",
  settings: "/technicians",
  accounting: "/invoices",
  equipmentsystems: "/installed-equipment",
  marketing: "/campaigns",
  schedulingpro: "/schedulers",
  jbce: "/call-reasons",
};

/** A list of the module that needs no ID or required filter and takes a page size: the preferred one, else the shortest path. */
export const probeFor = (module: ModuleKey): OperationDescriptor | undefined => {
  const lists = (operationsByModule[module] ?? []).filter(
    (o) =>
      o.method === "GET" &&
      o.kind === "list" &&
      !o.legacy &&
      o.params.some((p) => p.name === "pageSize") &&
      !o.params.some((p) => p.in === "path" || (p.in === "query" && p.required)),
  );
  const listed = lists.find((o) => o.path === PREFERRED_PATHS[module]) ?? [...lists].sort((a, b) => a.path.length - b.path.length)[0];
  // A module whose lists all need a filter (Marketing Ads: a date range) is read through a plain GET without inputs.
  return (
    listed ??
    (operationsByModule[module] ?? []).find((o) => o.method === "GET" && !o.legacy && !o.path.includes("{") && !o.params.some((p) => p.required))
  );
};

export type ModuleStatus = "works" | "missingScope" | "failed" | "notChecked";

export interface ModuleCheck {
  module: ModuleKey;
  label: string;
  status: ModuleStatus;
  /** The list that was read, e.g. "List Customers (GET /customers)". */
  checked?: string;
  scope?: string;
  message?: string;
}

const labelOf = (op: OperationDescriptor): string =>
  curatedOperations[`${op.module}:${op.operationId}`]?.label ?? actionLabelFor(curatedOperations[`${op.module}:${op.operationId}`]?.key ?? actionKeyFor(op));

/** Credential fields that cannot be right, found without a request. */
export const fieldProblems = (fields: Record<string, unknown>): string[] => {
  const problems: string[] = [];
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string).trim() : "");
  if (!TENANT_ID.test(text("tenant"))) problems.push("Tenant ID: expected the tenant's numeric ID, such as 10978752986.");
  if (!text("applicationKey")) problems.push("Application Key: empty; every call needs the app's key from the Developer Portal.");
  else if (!/^ak\d*\./.test(text("applicationKey"))) problems.push('Application Key: ServiceTitan\'s app keys start with "ak1."; this one does not (the value is not shown).');
  return problems;
};

const isScopeRefusal = (error: unknown): boolean =>
  (error as { status?: number }).status === 403 && /scope validation failed/i.test((error as Error).message ?? "");

export const checkConnection = action({
  display: {
    label: "Check Connection",
    description:
      "Checks the connection against every ServiceTitan API module: reads one record of one list per module and reports, module by module, what works and which OAuth scopes the app is missing, plus credential problems (refused token or Application Key, unknown tenant). Sends only reads.",
  },
  inputs: { connection: connectionInput },
  performSafety: "safe",
  examplePayload: {
    data: {
      ok: false,
      summary: "9 of 10 modules work. Missing scopes: tn.acc.invoices:r (Accounting).",
      problems: [],
      missingScopes: ["tn.acc.invoices:r"],
      modules: [
        { module: "crm", label: "CRM", status: "works", checked: "List Customers (GET /customers)", scope: "tn.crm.customers:r" },
        {
          module: "accounting",
          label: "Accounting",
          status: "missingScope",
          checked: "List Invoices (GET /invoices)",
          scope: "tn.acc.invoices:r",
          message: "Add the scope tn.acc.invoices:r to the app in the ServiceTitan Developer Portal, then have the tenant reconnect.",
        },
      ],
    },
  },
  outputSchema: shapeOutput({
    ok: "b",
    summary: "s",
    problems: ["s"],
    missingScopes: ["s"],
    modules: [{ module: "s", label: "s", status: "s", checked: "s", scope: "s", message: "s" }],
  }),
  perform: async (context, params) => {
    const connection = params.connection as Connection;
    const problems = fieldProblems(connection.fields ?? {});
    const client = clientFor(context, params);
    const modules: ModuleCheck[] = [];
    let stop: string | undefined;
    for (const module of modulesToCheck()) {
      const label = MODULE_LABELS[module];
      const op = probeFor(module);
      if (!op) {
        modules.push({ module, label, status: "notChecked", message: "This component has no list in this module to read." });
        continue;
      }
      const base = { module, label, checked: `${labelOf(op)} (GET ${op.path})`, scope: op.scope };
      if (stop) {
        modules.push({ ...base, status: "notChecked", message: stop });
        continue;
      }
      const page = rulesFor(op).firstPage;
      try {
        const query = op.kind === "list" ? { page, pageSize: 1 } : {};
        await client.request({ module, method: "GET", path: op.path, query, operation: `"Check Connection: ${label}"`, scope: op.scope });
        modules.push({ ...base, status: "works" });
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        if (isScopeRefusal(error)) {
          modules.push({
            ...base,
            status: "missingScope",
            message: `Add the scope ${op.scope ?? "this list needs"} to the app in the ServiceTitan Developer Portal, then have the tenant reconnect.`,
          });
        } else {
          modules.push({ ...base, status: "failed", message });
          if (error instanceof ConnectionError || (error as { status?: number }).status === 401) {
            stop = "Not checked: the token or Application Key was refused (see the first module's message).";
            problems.push(`Credentials: ${message}`);
          }
        }
      }
    }
    const missingScopes = [...new Set(modules.filter((m) => m.status === "missingScope" && m.scope).map((m) => m.scope as string))];
    const working = modules.filter((m) => m.status === "works").length;
    const summary = [
      `${working} of ${modules.length} modules work.`,
      missingScopes.length ? ` Missing scopes: ${modules.filter((m) => m.status === "missingScope").map((m) => `${m.scope} (${m.label})`).join(", ")}.` : "",
      modules.some((m) => m.status === "failed") ? ` Failed: ${modules.filter((m) => m.status === "failed").map((m) => m.label).join(", ")}.` : "",
      problems.length ? ` ${problems.length} connection problem(s): see problems.` : "",
    ].join("");
    return { data: { ok: working === modules.length && problems.length === 0, summary, problems, missingScopes, modules } };
  },
});
