/** ServiceTitan's signed V2 webhooks (the export-feed polling trigger is the record changes area, src/recordChanges/). */
import type { TriggerDefinition } from "@prismatic-io/spectral";
import { serviceTitanWebhook } from "./serviceTitanWebhook";

export const recordTriggers: Record<string, TriggerDefinition> = {
  serviceTitanWebhook: serviceTitanWebhook as unknown as TriggerDefinition,
};
