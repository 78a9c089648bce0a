import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { areaConnections, areaDataSources, areaTriggers } from "./areas";
import { serviceTitanConnection } from "./connections/serviceTitan";
import { mergeKeyed } from "./core/productArea";
import { dataSources as picklists } from "./dataSources";
import { redactError } from "./core/redact";
import { withAllInputErrorsIn } from "./inputs/allErrors";

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
  connections: [serviceTitanConnection, ...areaConnections],
  actions,
  // The picklists (one factory over the catalog's list operations), then any area's own; like actions,
  // data sources and triggers report every invalid input at once (src/inputs/allErrors.ts).
  dataSources: withAllInputErrorsIn("dataSource", mergeKeyed("Data source", [picklists, areaDataSources])),
  // Every trigger belongs to a product area (src/areas.ts).
  triggers: withAllInputErrorsIn("trigger", areaTriggers),
  // Last line of defence: whatever is thrown leaves with every known secret masked, in every property
  // (nested ones too), and a ConnectionError keeps only which connection failed.
  hooks: { error: (error: unknown) => redactError(error) },
});
