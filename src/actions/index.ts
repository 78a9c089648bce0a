/**
 * Every action of the component: one per ServiceTitan operation (built by the factory from the
 * catalog), Raw Request, and the hand-written actions of the product areas (src/areas.ts).
 *
 * The catalog's actions are built on first read (issue 16 item 9): the component is loaded for every
 * execution, which runs one action, so the keys are known at load and each action is built (and
 * converted by Spectral, see scripts/webpack/spectralColdStart.js) only when something reads it.
 * test/production/serverFormat.test.ts checks the result is the component Spectral makes, key for key.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { catalogEntry, catalogKeys } from "../operations/catalog";
import { buildAction, type BuiltAction } from "./fromOperation";
import { rawRequest } from "./rawRequest";
import { DATA_SOURCE_KEYS } from "../dataSources/keys";
import { areas } from "../areas";
import { mergeKeyed } from "../core/productArea";
import { lazyRecord } from "../core/lazy";
import { withAllInputErrors } from "../inputs/allErrors";
import { checkConnection } from "./checkConnection";

// The keys come from the generated catalog index: no descriptor is parsed and no key derived at load.
const keys: readonly string[] = catalogKeys();
const built = new Map<string, BuiltAction>();

/** The factory's action for one catalog key (built once, on first ask); undefined for other keys. */
export const builtAction = (key: string): BuiltAction | undefined => {
  const known = built.get(key);
  if (known) return known;
  const entry = catalogEntry(key);
  if (!entry) return undefined;
  const action = buildAction(entry, DATA_SOURCE_KEYS);
  built.set(key, action);
  return action;
};

/** Every action the factory builds from the catalog, in catalog order (builds them all: docs and tests). */
export const builtActions = (): BuiltAction[] => keys.map((key) => builtAction(key) as BuiltAction);

/** Hand-written actions, keyed: Raw Request, then each product area's (src/areas.ts). Each calls the same transport. */
export const workflowActions: Record<string, ActionDefinition> = mergeKeyed("Action", [
  { rawRequest: rawRequest as unknown as ActionDefinition, checkConnection: checkConnection as unknown as ActionDefinition },
  ...areas.map((a) => a.actions),
]);

// Every input error at once, before anything is sent (src/inputs/allErrors.ts).
export const actions: Record<string, ActionDefinition> = withAllInputErrors(
  mergeKeyed("Action", [
    lazyRecord(keys, (key) => (builtAction(key) as BuiltAction).definition),
    workflowActions,
  ]),
);
