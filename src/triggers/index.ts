/**
 * Every trigger of the component. The Leads Integration Platform webhooks come from src/leads/triggers.ts.
 */
import type { TriggerDefinition } from "@prismatic-io/spectral";
import { leadsTriggers } from "../leads/triggers";

export const triggers: Record<string, TriggerDefinition> = {
  ...(leadsTriggers as unknown as Record<string, TriggerDefinition>),
};
