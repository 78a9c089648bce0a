/**
 * Every trigger of the component. The Leads Integration Platform webhooks come from src/leads/triggers.ts.
 */
import type { TriggerDefinition } from "@prismatic-io/spectral";
import { recordTriggers } from "./record";
import { leadsTriggers } from "../leads/triggers";

export const triggers: Record<string, TriggerDefinition> = {
  ...recordTriggers,
  ...(leadsTriggers as unknown as Record<string, TriggerDefinition>),
};
