/**
 * Every action of the component: one per ServiceTitan operation (built by the factory from the
 * catalog) plus the few hand-written workflow actions.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { buildCatalog } from "../operations/catalog";
import { buildAction, type BuiltAction } from "./fromOperation";
import { rawRequest } from "./rawRequest";
import { confirmRecordChanges } from "./confirmRecordChanges";
import { checkConnection } from "./checkConnection";
import { crmWorkflowActions } from "./crm";
import { DATA_SOURCE_KEYS } from "../dataSources/keys";
import { leadsActions } from "../leads/actions";
import { listSchedulerLeads } from "./schedulingPro/schedulerLeads";
import { summarizeSchedulerSessions } from "./schedulingPro/summarizeSchedulerSessions";
import { withAllInputErrors } from "../inputs/allErrors";

export const builtActions: BuiltAction[] = buildCatalog().map((entry) => buildAction(entry, DATA_SOURCE_KEYS));

/** Hand-written actions, keyed. Each calls the same transport. */
export const workflowActions: Record<string, ActionDefinition> = {
  rawRequest: rawRequest as unknown as ActionDefinition,
  confirmRecordChanges: confirmRecordChanges as unknown as ActionDefinition,
  checkConnection: checkConnection as unknown as ActionDefinition,
  ...crmWorkflowActions,
  listSchedulerLeads: listSchedulerLeads as unknown as ActionDefinition,
  summarizeSchedulerSessions: summarizeSchedulerSessions as unknown as ActionDefinition,
  ...(leadsActions as unknown as Record<string, ActionDefinition>),
};

export const actions: Record<string, ActionDefinition> = (() => {
  const out: Record<string, ActionDefinition> = {};
  for (const built of builtActions) out[built.key] = built.definition;
  for (const [key, def] of Object.entries(workflowActions)) {
    if (key in out) throw new Error(`Action key ${key} is defined twice.`);
    out[key] = def;
  }
  return withAllInputErrors(out); // every input error at once, before anything is sent (src/inputs/allErrors.ts)
})();
