/** Hand-written CRM workflow actions, keyed as they are registered in src/actions/index.ts. */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { findOrCreateCustomer } from "./findOrCreateCustomer";
import { validateLocationAddress } from "./validateLocationAddress";

export const crmWorkflowActions: Record<string, ActionDefinition> = {
  findOrCreateCustomer: findOrCreateCustomer as unknown as ActionDefinition,
  validateLocationAddress: validateLocationAddress as unknown as ActionDefinition,
};
