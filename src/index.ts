import { component, type TriggerDefinition } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { leadsPlatformConnection } from "./connections/leadsPlatform";
import { serviceTitanConnection } from "./connections/serviceTitan";
import { dataSources } from "./dataSources";
import { redactError } from "./core/redact";
import { leadsTriggers } from "./leads/triggers";
import { areaTriggers } from "./areas";

/** Every trigger of the component: the product areas' (src/areas.ts) and the Leads Integration Platform webhooks (src/leads/). */
const triggers: Record<string, TriggerDefinition> = {
  ...areaTriggers,
  ...(leadsTriggers as unknown as Record<string, TriggerDefinition>),
};

export default component({
  key: "servicetitan",
  public: false,
  display: {
    label: "ServiceTitan",
    description:
      "Manage customers, locations, bookings, leads, jobs, appointments, dispatch, technicians, invoices, payments, equipment, marketing and Scheduling Pro in ServiceTitan, the field-service management platform.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections: [serviceTitanConnection, leadsPlatformConnection],
  actions,
  dataSources,
  triggers,
  // Last line of defence: whatever is thrown leaves with every known secret masked, in every property
  // (nested ones too), and a ConnectionError keeps only which connection failed.
  hooks: { error: (error: unknown) => redactError(error) },
});
