/**
 * The Leads Integration Platform: ServiceTitan's separate API for lead partners, with its own
 * connection (connection.ts, partner credentials), client and error codes (client.ts, errorCodes.ts,
 * on the same transport core as the tenant client), actions (actions.ts), webhook triggers
 * (triggers.ts) and input checks (validate.ts).
 */
import type { ActionDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { leadsActions } from "./actions";
import { leadsPlatformConnection } from "./connection";
import { leadsTriggers } from "./triggers";

export const leadsArea: ProductArea = {
  key: "leads",
  title: "Leads Integration Platform",
  actions: leadsActions as unknown as Record<string, ActionDefinition>,
  triggers: leadsTriggers as unknown as Record<string, TriggerDefinition>,
  dataSources: {},
  connections: [leadsPlatformConnection],
  // A separate API with its own connection: its own page in the reference.
  referenceGroup: {
    slug: "leads",
    title: "Leads Integration Platform",
    intro:
      "Actions for ServiceTitan's Leads Integration Platform (account pairing and partner bookings). They use the Leads Integration Platform connection, not the ServiceTitan one.",
  },
};
