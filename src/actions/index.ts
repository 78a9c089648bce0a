/**
 * Every action of the component: one per ServiceTitan operation (built by the factory from the
 * catalog) plus the few hand-written workflow actions.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { buildCatalog } from "../operations/catalog";
import { buildAction, type BuiltAction } from "./fromOperation";
import { rawRequest } from "./rawRequest";
import { DATA_SOURCE_KEYS } from "../dataSources/keys";
import { areas } from "../areas";
import { mergeKeyed } from "../core/productArea";
import { leadsActions } from "../leads/actions";

export const builtActions: BuiltAction[] = buildCatalog().map((entry) => buildAction(entry, DATA_SOURCE_KEYS));

/** Hand-written actions, keyed. Each calls the same transport. */
export const workflowActions: Record<string, ActionDefinition> = mergeKeyed("Action", [
  { rawRequest: rawRequest as unknown as ActionDefinition },
  ...areas.map((a) => a.actions),
  {
    ...(leadsActions as unknown as Record<string, ActionDefinition>),
  },
]);

export const actions: Record<string, ActionDefinition> = mergeKeyed("Action", [
  Object.fromEntries(builtActions.map((built) => [built.key, built.definition])),
  workflowActions,
]);
