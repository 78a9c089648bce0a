/**
 * Record changes: the "New and Updated Records" polling trigger (trigger.ts) over ServiceTitan's export
 * feeds, the feed logic (changeFeed.ts), its saved state and at-least-once hand-shake (deliveryState.ts),
 * the record types it can watch (recordTypes.ts), and the "Confirm Record Changes" action that ends a
 * flow in at-least-once mode (confirmRecordChanges.ts).
 */
import type { ActionDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { confirmRecordChanges } from "./confirmRecordChanges";
import { recordChanges } from "./trigger";

export const recordChangesArea: ProductArea = {
  key: "recordChanges",
  title: "Record changes",
  actions: { confirmRecordChanges: confirmRecordChanges as unknown as ActionDefinition },
  triggers: { recordChanges: recordChanges as unknown as TriggerDefinition },
  dataSources: {},
  connections: [],
};
