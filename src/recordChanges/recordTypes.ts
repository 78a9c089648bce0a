/**
 * Record types the "New and Updated Records" trigger can watch: each is one ServiceTitan export feed,
 * named by its generated descriptor (module + operationId). Variation lives in this table only; the
 * polling code is the same for every type.
 */
import { findOperation } from "../operations/catalog";
import { lazyRecord } from "../core/lazy";
import type { ModuleKey, OperationDescriptor } from "../operations/types";

export interface RecordTypeEntry {
  /** Stable key stored in flows ("customers"); never rename. */
  key: string;
  label: string;
  module: ModuleKey;
  operationId: string;
}

export const RECORD_TYPE_TABLE: readonly RecordTypeEntry[] = [
  { key: "customers", label: "Customers", module: "crm", operationId: "ExportCustomers_GetCustomers" },
  { key: "customerContacts", label: "Customer Contacts", module: "crm", operationId: "ExportContacts_CustomersContacts" },
  { key: "locations", label: "Locations", module: "crm", operationId: "ExportLocations_Locations" },
  { key: "locationContacts", label: "Location Contacts", module: "crm", operationId: "ExportContacts_LocationsContacts" },
  { key: "leads", label: "Leads", module: "crm", operationId: "ExportLeads_Leads" },
  { key: "bookings", label: "Bookings", module: "crm", operationId: "ExportBookings_Get" },
  { key: "jobs", label: "Jobs", module: "jpm", operationId: "Export_Jobs" },
  { key: "appointments", label: "Appointments", module: "jpm", operationId: "Export_Appointments" },
  { key: "appointmentAssignments", label: "Appointment Assignments", module: "dispatch", operationId: "Export_AppointmentAssignments" },
  { key: "projects", label: "Projects", module: "jpm", operationId: "Export_Projects" },
  { key: "jobNotes", label: "Job Notes", module: "jpm", operationId: "Export_JobNotes" },
  { key: "invoices", label: "Invoices", module: "accounting", operationId: "Export_Invoices" },
  { key: "invoiceItems", label: "Invoice Items", module: "accounting", operationId: "Export_InvoiceItems" },
  { key: "payments", label: "Payments", module: "accounting", operationId: "Export_Payments" },
  { key: "technicians", label: "Technicians", module: "settings", operationId: "Export_Technicians" },
  { key: "employees", label: "Employees", module: "settings", operationId: "Export_Employees" },
  { key: "businessUnits", label: "Business Units", module: "settings", operationId: "Export_BusinessUnits" },
  { key: "tagTypes", label: "Tag Types", module: "settings", operationId: "Export_TagTypes" },
  { key: "installedEquipment", label: "Installed Equipment", module: "equipmentsystems", operationId: "Export_ExportInstalledEquipment" },
  // ---- every other export feed of the catalog (issue 16 item 5), grouped by module
  { key: "inventoryBills", label: "Inventory Bills", module: "accounting", operationId: "Export_InventoryBills" },
  { key: "technicianRatings", label: "Technician Ratings", module: "customer-interactions", operationId: "Export_TechnicianRatings" },
  { key: "inventoryAdjustments", label: "Inventory Adjustments", module: "inventory", operationId: "Export_Adjustments" },
  { key: "purchaseOrders", label: "Purchase Orders", module: "inventory", operationId: "Export_PurchaseOrders" },
  { key: "inventoryReturns", label: "Inventory Returns", module: "inventory", operationId: "Export_Returns" },
  { key: "inventoryTransfers", label: "Inventory Transfers", module: "inventory", operationId: "Export_Transfers" },
  { key: "jobCancellations", label: "Job Cancellations", module: "jpm", operationId: "Export_JobCancelReasons" },
  { key: "jobHistory", label: "Job History", module: "jpm", operationId: "Export_JobHistory" },
  { key: "projectNotes", label: "Project Notes", module: "jpm", operationId: "Export_ProjectNotes" },
  { key: "membershipInvoiceTemplates", label: "Membership Invoice Templates", module: "memberships", operationId: "Export_InvoiceTemplates" },
  {
    key: "membershipStatusChanges",
    label: "Membership Status Changes",
    module: "memberships",
    operationId: "Export_MembershipStatusChanges",
  },
  { key: "membershipTypes", label: "Membership Types", module: "memberships", operationId: "Export_MembershipTypes" },
  { key: "memberships", label: "Memberships", module: "memberships", operationId: "Export_Memberships" },
  {
    key: "recurringServiceEvents",
    label: "Recurring Service Events",
    module: "memberships",
    operationId: "Export_LocationRecurringServiceEvents",
  },
  { key: "recurringServiceTypes", label: "Recurring Service Types", module: "memberships", operationId: "Export_RecurringServiceTypes" },
  { key: "recurringServices", label: "Recurring Services", module: "memberships", operationId: "Export_LocationRecurringServices" },
  { key: "payrollActivityCodes", label: "Payroll Activity Codes", module: "payroll", operationId: "Export_ActivityCodes" },
  { key: "grossPayItems", label: "Gross Pay Items", module: "payroll", operationId: "Export_GrossPayItems" },
  { key: "jobSplits", label: "Job Splits", module: "payroll", operationId: "Export_JobSplits" },
  { key: "jobTimesheets", label: "Job Timesheets", module: "payroll", operationId: "Export_Timesheets" },
  { key: "payrollAdjustments", label: "Payroll Adjustments", module: "payroll", operationId: "Export_PayrollAdjustments" },
  { key: "payrollSettings", label: "Payroll Settings", module: "payroll", operationId: "Export_PayrollSettings" },
  { key: "timesheetCodes", label: "Timesheet Codes", module: "payroll", operationId: "Export_TimesheetCodes" },
  { key: "pricebookCategories", label: "Pricebook Categories", module: "pricebook", operationId: "Export_Categories" },
  { key: "pricebookEquipment", label: "Pricebook Equipment", module: "pricebook", operationId: "Export_Equipment" },
  { key: "pricebookMaterials", label: "Pricebook Materials", module: "pricebook", operationId: "Export_Materials" },
  { key: "pricebookServices", label: "Pricebook Services", module: "pricebook", operationId: "Export_Services" },
  { key: "estimates", label: "Estimates", module: "sales", operationId: "EstimatesExport_Estimates" },
  { key: "serviceAgreements", label: "Service Agreements", module: "service-agreements", operationId: "Export_ServiceAgreements" },
  { key: "timesheetActivities", label: "Timesheet Activities", module: "timesheets", operationId: "Export_Activities" },
  {
    key: "timesheetActivityCategories",
    label: "Timesheet Activity Categories",
    module: "timesheets",
    operationId: "Export_ActivityCategories",
  },
  { key: "timesheetActivityTypes", label: "Timesheet Activity Types", module: "timesheets", operationId: "Export_ActivityTypes" },
  { key: "calls", label: "Calls", module: "telecom", operationId: "Export_Calls" },
];

/**
 * Export feeds of the catalog that are no record type, each with its reason (test/triggers/recordTypes.test.ts
 * checks every other export operation is in the table).
 */
export const NOT_RECORD_TYPES: Readonly<Record<string, string>> = {
  "sales:EstimatesExport_EstimatesAsyncLegacy": "an older path to the same estimates feed as the Estimates record type",
};

export interface RecordType extends RecordTypeEntry {
  descriptor: OperationDescriptor;
}

/**
 * The table joined with the generated descriptors, each joined on first read (only the module of the
 * record type a run reads is parsed: cold start, issue 16 item 9). A missing or non-export operation
 * fails on that read; test/triggers/recordTypes.test.ts reads every one.
 */
export const RECORD_TYPES: Record<string, RecordType> = lazyRecord(
  RECORD_TYPE_TABLE.map((e) => e.key),
  (key) => {
    const entry = RECORD_TYPE_TABLE.find((e) => e.key === key) as RecordTypeEntry;
    const descriptor = findOperation(entry.module, entry.operationId);
    if (descriptor?.kind !== "export") {
      throw new Error(`Record type ${entry.key}: ${entry.module}:${entry.operationId} is not a generated export operation.`);
    }
    return { ...entry, descriptor };
  },
);

export const RECORD_TYPE_KEYS = RECORD_TYPE_TABLE.map((e) => e.key);
