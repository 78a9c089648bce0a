/**
 * ServiceTitan webhooks: the "ServiceTitan Webhook" trigger for ServiceTitan's signed V2 webhooks
 * (serviceTitanWebhook.ts). The machinery it shares with the Leads webhooks — signature checks
 * (hmac.ts), refusing a request, remembering handled IDs (webhookGuard.ts) — is horizontal, in
 * src/triggers/.
 */
import type { TriggerDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { serviceTitanWebhook } from "./serviceTitanWebhook";

export const webhooksArea: ProductArea = {
  key: "webhooks",
  title: "ServiceTitan webhooks",
  actions: {},
  triggers: { serviceTitanWebhook: serviceTitanWebhook as unknown as TriggerDefinition },
  dataSources: {},
  connections: [],
};
