/**
 * Record types the "New and Updated Records" trigger can watch: each is one ServiceTitan export feed,
 * named by its generated descriptor (module + operationId). Variation lives in this table only; the
 * polling code is the same for every type.
 */
import { findOperation } from "../operations/catalog";
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
];

export interface RecordType extends RecordTypeEntry {
  descriptor: OperationDescriptor;
}

/** The table joined with the generated descriptors; a missing or non-export operation fails at load. */
export const RECORD_TYPES: Record<string, RecordType> = (() => {
  const out: Record<string, RecordType> = {};
  for (const entry of RECORD_TYPE_TABLE) {
    const descriptor = findOperation(entry.module, entry.operationId);
    if (descriptor?.kind !== "export") {
      throw new Error(`Record type ${entry.key}: ${entry.module}:${entry.operationId} is not a generated export operation.`);
    }
    out[entry.key] = { ...entry, descriptor };
  }
  return out;
})();

export const RECORD_TYPE_KEYS = RECORD_TYPE_TABLE.map((e) => e.key);
