/**
 * Curated words for ServiceTitan Accounting (module "accounting"), one entry per operation keyed by operationId.
 * Invoices and payments keep the action and input keys of the earlier component (seed parity,
 * test/seed); other entries give clearer labels and descriptions, and journal entry lists their page-size
 * limit (500), which ServiceTitan states only in words.
 */
import type { ModuleCuration } from "./types";
import { CUSTOM_FIELD_OPERATIONS, closed, DATE_TIME, field, id, ITEMS, list, ORDER_DIRECTION, SPLITS } from "./words";

export const curation: ModuleCuration = {
  // ---- credit memos --------------------------------------------------------------------------------------------
  CreditMemos_GetCreditMemoItemsList: { label: "List Items of a Credit Memo" },
  CreditMemos_GetCreditMemosItemsList: {
    label: "List Credit Memo Items (Across Credit Memos)",
    description:
      "Lists credit memo line items from ServiceTitan Accounting across many credit memos, filtered by credit memo, business unit or creation date. Returns one page (Page, Page Size), or every matching item with Fetch All. Calls GET /credit-memos/credit-memo-items (scope tn.acc.creditmemos:r).",
  },
  CreditMemos_AddCreditMemoSplits: {
    label: "Apply Credit Memo to Invoices",
    description:
      "Applies a credit memo to one or more invoices in ServiceTitan Accounting by adding splits: each split names an invoice and the amount of credit it takes. Calls POST /credit-memos/{id}/splits (scope tn.acc.creditmemos:w).",
  },

  // ---- deposits ------------------------------------------------------------------------------------------------
  Deposits_GetList: { label: "List Bank Deposits" },
  Deposits_GetTransactionsList: { label: "List Bank Deposit Transactions" },
  Deposits_MarkAsExported: { label: "Mark Bank Deposits as Exported" },

  // ---- gl accounts ---------------------------------------------------------------------------------------------
  GlAccounts_GetTypeList: { label: "List GL Account Types" },

  // ---- inventory bills -----------------------------------------------------------------------------------------
  InventoryBills_GetListPaginated: { key: "listInventoryBillsPaginated", label: "List Inventory Bills (Paged)" },

  // ---- invoices ------------------------------------------------------------------------------------------------
  Invoices_GetList: list("listInvoices", "List Invoices", { "query.orderByDirection": closed(ORDER_DIRECTION, { example: "desc" }) }),
  Invoices_CreateAdjustmentInvoice: {
    key: "createInvoices",
    label: "Create Invoices",
    description:
      "Creates an adjustment invoice against an existing invoice in ServiceTitan Accounting (POST /invoices, scope tn.acc.invoices:w). ServiceTitan only creates invoices this way; job invoices come from jobs.",
    inputs: {
      "body.adjustmentToId": id("adjustmentToId", "Adjustment To ID"),
      "body.assignedToId": id("assignedToId", "Assigned To ID"),
      "body.exportId": field("exportId", "Export ID", "EXP-2026-0042"),
      "body.invoicedOn": field("invoicedOn", "Invoiced On", DATE_TIME),
      "body.items": field("items", "Items", ITEMS),
      "body.number": field("number", "Number", "INV-10421-A"),
      "body.reviewStatus": field("reviewStatus", "Review Status", "NeedsReview"),
      "body.royaltyDate": field("royaltyDate", "Royalty Date", DATE_TIME),
      "body.royaltyMemo": field("royaltyMemo", "Royalty Memo", "Quarterly royalty"),
      "body.royaltySentOn": field("royaltySentOn", "Royalty Sent On", DATE_TIME),
      "body.royaltyStatus": field("royaltyStatus", "Royalty Status", "Pending"),
      "body.subtotal": field("subtotal", "Subtotal", "125.50"),
      "body.summary": field("summary", "Summary", "Credit for a missed appointment."),
      "body.tax": field("tax", "Tax", "10.04"),
      "body.typeId": id("typeId", "Type ID"),
    },
  },
  Invoices_DeleteInvoiceItem: {
    key: "deleteInvoiceItem",
    label: "Delete Invoice Item",
    inputs: { "path.invoiceId": id("invoiceId", "Invoice ID"), "path.itemId": id("itemId", "Item ID") },
  },
  Invoices_UpdateInvoice: {
    key: "updateInvoice",
    label: "Update Invoice",
    inputs: {
      "path.id": id("invoiceId", "Invoice ID"),
      "body.items": field("items", "Items", ITEMS),
      "body.summary": field("summary", "Summary", "Adjusted after site visit."),
    },
  },
  Invoices_UpdateCustomFields: {
    key: "updateInvoiceCustomFields",
    label: "Update Invoice Custom Fields",
    inputs: { "body.operations": field("operations", "Operations", CUSTOM_FIELD_OPERATIONS) },
  },
  Invoices_UpdateInvoiceItems: {
    key: "updateInvoiceItems",
    label: "Update Invoice Items",
    inputs: {
      "path.invoiceId": id("invoiceId", "Invoice ID"),
      "body.description": field("description", "Description", "Replace capacitor"),
      "body.quantity": field("quantity", "Quantity", "1"),
      "body.unitPrice": field("unitPrice", "Unit Price", "125.50"),
      "body.id": {
        ...id("itemId", "Item ID"),
        comments: { replace: "The invoice item to change, by ID (the id of an item in the invoice's items)." },
      },
    },
  },

  // ---- journal entries -----------------------------------------------------------------------------------------
  // ServiceTitan takes at most 500 journal entries (or lines) a page; it says so only in words.
  JournalEntries_GetSummary: { label: "List Journal Entry Summary Lines" },
  JournalEntries_GetDetails: { label: "List Journal Entry Detail Lines" },
  JournalEntries_SyncUpdate: {
    label: "Update Journal Entry Sync Status",
    description:
      "Records how your accounting system's sync of a journal entry went in ServiceTitan Accounting: the sync status, the version you synced and an optional message. Only the inputs you fill in are sent. Calls PATCH /journal-entries/{id}/sync (scope tn.acc.journalentries:w).",
  },

  // ---- payment terms -------------------------------------------------------------------------------------------
  PaymentTerms_GetPaymentTermModel: { label: "Get Payment Term" },

  // ---- payments ------------------------------------------------------------------------------------------------
  Payments_Create: {
    key: "createPayment",
    label: "Create Payment",
    inputs: {
      "body.typeId": id("typeId", "Type ID"),
      "body.splits": field("splits", "Splits", SPLITS, {
        required: true,
        comments: { add: "Required here: a payment is applied to invoices through its splits." },
      }),
      "body.authCode": field("authCode", "Auth Code", "A1B2C3"),
      "body.checkNumber": field("checkNumber", "Check Number", "10452"),
      "body.exportId": field("exportId", "Export ID", "EXP-2026-0042"),
      "body.memo": field("memo", "Memo", "Paid on site."),
      "body.paidOn": field("paidOn", "Paid On", DATE_TIME),
      "body.status": field("status", "Status", "Pending"),
    },
  },
  Payments_GetList: list("listPayments", "List Payments", {
    // A payment's status: the Payments responses' status enum.
    "query.statuses": closed(
      { Pending: "Pending", Posted: "Posted", Exported: "Exported" },
      { several: true, example: "Posted", comments: { replace: "Only payments in one of these statuses; several may be chosen. Empty: every status." } },
    ),
  }),
  Payments_Update: {
    key: "updatePayment",
    label: "Update Payment",
    inputs: {
      "path.id": id("paymentId", "Payment ID"),
      "body.typeId": id("typeId", "Type ID"),
      "body.splits": field("splits", "Splits", SPLITS),
      "body.memo": field("memo", "Memo", "Corrected amount."),
    },
  },
  Payments_UpdateCustomFields: {
    key: "updatePaymentCustomFields",
    label: "Update Payment Custom Fields",
    inputs: { "body.operations": field("operations", "Operations", CUSTOM_FIELD_OPERATIONS) },
  },
  Payments_UpdateStatus: {
    description:
      "Sets the status (Pending, Posted or Exported) of one or more payments in ServiceTitan Accounting in one call. Calls POST /payments/status (scope tn.acc.payments:w).",
  },

  // ---- tax zones -----------------------------------------------------------------------------------------------
  TaxZones_GetList: { label: "List Tax Zones" },
};
