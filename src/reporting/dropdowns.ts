/**
 * Reporting's dropdowns, as picklist definitions (built by the one picklist factory, src/dataSources/
 * picklist.ts, and listed with the others in src/dataSources/definitions.ts so ID inputs can link to
 * them): the report categories, and the reports of the category chosen.
 *
 * A category's ID is text ("operations"), not a number, so the Report dropdown's category input is a
 * plain required text input (itself filled from the category dropdown), not the numeric ID input the
 * other parent lists take.
 */
import { input } from "@prismatic-io/spectral";
import { cleanString } from "../inputs/clean";
import type { PicklistDefinition, PicklistInput } from "../dataSources/picklist";

export const SELECT_REPORT_CATEGORY = "selectReportCategory";
export const SELECT_REPORT = "selectReport";

/** The category whose reports the Report dropdown lists. */
const categoryInput: PicklistInput = {
  placement: "path",
  name: "report_category",
  definition: input({
    label: "Report Category",
    type: "string",
    required: true,
    comments: "The category whose reports fill the dropdown, by its text ID (for example operations): pick it from the Report Category dropdown.",
    example: "operations",
    placeholder: "operations",
    dataSource: SELECT_REPORT_CATEGORY,
    clean: cleanString("Report Category", { required: true }),
  }),
};

export const reportingPicklists: PicklistDefinition[] = [
  {
    key: SELECT_REPORT_CATEGORY,
    operation: { module: "reporting", operationId: "ReportCategories_GetCategories" },
    noun: ["report category", "report categories"],
    example: [
      { key: "accounting", label: "Accounting (ID: accounting)" },
      { key: "operations", label: "Operations (ID: operations)" },
    ],
  },
  {
    key: SELECT_REPORT,
    operation: { module: "reporting", operationId: "ReportCategoryReports_GetReports" },
    noun: ["report", "reports"],
    inputs: { reportCategory: categoryInput },
    example: [
      { key: "2001", label: "Jobs Completed by Business Unit (ID: 2001)" },
      { key: "2002", label: "Technician Revenue by Day (ID: 2002)" },
    ],
  },
];
