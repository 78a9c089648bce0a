/**
 * Curated words for ServiceTitan Inventory (module "inventory"), one entry per operation keyed by
 * operationId: inventory: purchase orders, receipts, returns, transfers, trucks, vendors and warehouses. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";
import { idAgainInBody } from "./words";

const RETURN_TYPE_ID_AGAIN = idAgainInBody("returnTypeId", "Return Type ID", "Return Type ID (Body)");

export const curation: ModuleCuration = {
  Adjustments_GetList: { inputs: { "query.invoiceIds": { label: "Invoice IDs", dataSource: "selectInvoice" } } },
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
};
