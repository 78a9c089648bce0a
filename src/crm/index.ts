/**
 * CRM workflows: Find or Create Customer and Validate Location Address. The actions (inputs and the
 * call) are in actions/; matching, normalising and address checks are beside this file.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { findOrCreateCustomer } from "./actions/findOrCreateCustomer";
import { validateLocationAddress } from "./actions/validateLocationAddress";

export const crmArea: ProductArea = {
  key: "crm",
  title: "CRM workflows",
  actions: {
    findOrCreateCustomer: findOrCreateCustomer as unknown as ActionDefinition,
    validateLocationAddress: validateLocationAddress as unknown as ActionDefinition,
  },
  triggers: {},
  dataSources: {},
  connections: [],
};
