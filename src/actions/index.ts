/**
 * Every action of the component: one per ServiceTitan operation (built by the factory from the
 * catalog), Raw Request, and the hand-written actions of the product areas (src/areas.ts).
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { buildCatalog } from "../operations/catalog";
import { buildAction, type BuiltAction } from "./fromOperation";
import { rawRequest } from "./rawRequest";
import { DATA_SOURCE_KEYS } from "../dataSources/keys";
import { areas } from "../areas";
import { mergeKeyed } from "../core/productArea";
import { withAllInputErrors } from "../inputs/allErrors";
import { checkConnection } from "./checkConnection";

export const builtActions: BuiltAction[] = buildCatalog().map((entry) => buildAction(entry, DATA_SOURCE_KEYS));

/** Hand-written actions, keyed: Raw Request, then each product area's (src/areas.ts). Each calls the same transport. */
export const workflowActions: Record<string, ActionDefinition> = mergeKeyed("Action", [
  { rawRequest: rawRequest as unknown as ActionDefinition, checkConnection: checkConnection as unknown as ActionDefinition },
  ...areas.map((a) => a.actions),
]);

// Every input error at once, before anything is sent (src/inputs/allErrors.ts).
export const actions: Record<string, ActionDefinition> = withAllInputErrors(
  mergeKeyed("Action", [Object.fromEntries(builtActions.map((built) => [built.key, built.definition])), workflowActions]),
);
