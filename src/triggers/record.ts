/** The record-change triggers: export-feed polling and ServiceTitan's signed V2 webhooks. */
import type { TriggerDefinition } from "@prismatic-io/spectral";
import { recordChanges } from "./recordChanges";
import { serviceTitanWebhook } from "./serviceTitanWebhook";

export const recordTriggers: Record<string, TriggerDefinition> = {
  recordChanges: recordChanges as unknown as TriggerDefinition,
  serviceTitanWebhook: serviceTitanWebhook as unknown as TriggerDefinition,
};
