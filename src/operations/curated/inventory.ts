/**
 * Curated words for ServiceTitan Inventory (module "inventory"), one entry per operation keyed by
 * operationId: inventory: purchase orders, receipts, returns, transfers, trucks, vendors and warehouses. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";
import { CUSTOM_FIELD_OPERATIONS, closed, idAgainInBody } from "./words";

/** Where a record stands with the accounting sync (the documents' values, our labels); several, comma-separated. */
const SYNC_STATUSES = closed({ Pending: "Pending", Posted: "Posted", Exported: "Exported" }, { several: true, example: "Pending" });
/** A purchase order's (or transfer's) state, as the documents list it. */
const ORDER_STATUS = { Pending: "Pending", Returned: "Returned", CreditReceived: "Credit Received", Canceled: "Canceled" } as const;

const RETURN_TYPE_ID_AGAIN = idAgainInBody("returnTypeId", "Return Type ID", "Return Type ID (Body)");

export const curation: ModuleCuration = {
  Adjustments_GetList: { inputs: { "query.invoiceIds": { label: "Invoice IDs", dataSource: "selectInvoice" }, "query.syncStatuses": SYNC_STATUSES } },
  ReturnTypes_Update: {
    inputs: { "path.id": { key: "returnTypeId", label: "Return Type ID" }, "body.id": RETURN_TYPE_ID_AGAIN.input },
    validate: RETURN_TYPE_ID_AGAIN.validate,
  },
  PurchaseOrdersMarkup_Get: { key: "listPurchaseOrderMarkups", label: "List Purchase Order Markups" },
  PurchaseOrdersMarkup_Create: { key: "createPurchaseOrderMarkup", label: "Create Purchase Order Markup" },
  PurchaseOrdersMarkup_GetById: { key: "getPurchaseOrderMarkup", label: "Get Purchase Order Markup" },
  PurchaseOrdersMarkup_Update: { key: "updatePurchaseOrderMarkup", label: "Update Purchase Order Markup" },
  PurchaseOrdersMarkup_Delete: { key: "deletePurchaseOrderMarkup", label: "Delete Purchase Order Markup" },
  Receipts_CancelReceipts: { key: "cancelReceipt", label: "Cancel Receipt" },
  PurchaseOrders_ApproveRequest: {
    key: "approvePurchaseOrderRequest",
    label: "Approve Purchase Order Request",
    description:
      "Approves a technician's purchase order request in ServiceTitan Inventory, turning it into a purchase order. Calls PATCH /purchase-orders/requests/{id}/approve (scope tn.inv.purchaseorders:w).",
  },
  PurchaseOrders_RejectRequest: {
    key: "rejectPurchaseOrderRequest",
    label: "Reject Purchase Order Request",
    description:
      "Rejects a technician's purchase order request in ServiceTitan Inventory. Calls PATCH /purchase-orders/requests/{id}/reject (scope tn.inv.purchaseorders:w).",
  },
  // custom-field updates: a complete example (one record, one field by name) instead of the generator's sample
  Adjustments_UpdateCustomFields: { inputs: { "body.operations": { example: CUSTOM_FIELD_OPERATIONS } } },
  Receipts_UpdateCustomFields: { inputs: { "body.operations": { example: CUSTOM_FIELD_OPERATIONS } } },
  Returns_UpdateCustomFields: { inputs: { "body.operations": { example: CUSTOM_FIELD_OPERATIONS } } },
  Transfers_UpdateCustomFields: { inputs: { "body.operations": { example: CUSTOM_FIELD_OPERATIONS } } },
  Vendors_UpdateCustomFields: { inputs: { "body.operations": { example: CUSTOM_FIELD_OPERATIONS } } },
  // closed value sets the documents give only in words (issue 15 item 7)
  PurchaseOrders_GetList: { inputs: { "query.status": closed(ORDER_STATUS, { example: "Pending" }) } },
  Receipts_GetList: { inputs: { "query.syncStatuses": SYNC_STATUSES } },
  Returns_GetList: { inputs: { "query.syncStatuses": SYNC_STATUSES } },
  Transfers_GetList: { inputs: { "query.statuses": closed(ORDER_STATUS, { several: true, example: "Pending" }), "query.syncStatuses": SYNC_STATUSES } },
};
