import type { TriggerDefinition } from "@prismatic-io/spectral";

export const triggers: Record<string, TriggerDefinition> = {};
