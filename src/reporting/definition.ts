/**
 * A report's definition as ServiceTitan Reporting gives it (Get Report Definition): the parameters it
 * takes and the fields its rows hold. Run Report reads it before asking for any data.
 */
import type { ServiceTitanClient } from "../http/client";
import { requestFor } from "../http/requestFor";

/** A report parameter's or field's data type (reporting-v2's DataType; other values are passed through as text). */
export type ReportDataType = "String" | "Number" | "Boolean" | "Date" | "Time" | (string & {});

export interface ReportParameter {
  name: string;
  label?: string;
  dataType: ReportDataType;
  isArray?: boolean;
  isRequired?: boolean;
  /** The values it accepts: a fixed list (`values`, the key in the first column), or a dynamic value set. */
  acceptValues?: { fields?: Array<{ name: string; label?: string }>; dynamicSetId?: string | null; values?: unknown[][] | null } | null;
}

export interface ReportField {
  name: string;
  label?: string;
  dataType?: ReportDataType;
}

export interface ReportDefinition {
  id: number;
  name: string;
  description?: string | null;
  parameters: ReportParameter[];
  fields: ReportField[];
}

/** Where a report lives: its category's text ID and its own numeric ID. */
export interface ReportAddress {
  category: string;
  reportId: number | bigint;
}

/** The path labels Run Report's inputs give, for a missing path value. */
export const REPORT_LABELS = { report_category: "Report Category", reportId: "Report" } as const;

export const readDefinition = async (client: ServiceTitanClient, at: ReportAddress, operation: string): Promise<ReportDefinition> => {
  const req = requestFor("reporting", "ReportCategoryReports_Get", { report_category: at.category, reportId: at.reportId }, operation, REPORT_LABELS);
  const res = await client.request<ReportDefinition>(req);
  const def = res.data;
  if (!def || typeof def !== "object" || !Array.isArray(def.parameters) || !Array.isArray(def.fields)) {
    throw new Error(`ServiceTitan ${operation}: the report definition of report ${String(at.reportId)} in category ${at.category} has no parameters or fields list.`);
  }
  return def;
};
