/**
 * Curated words for ServiceTitan Reporting (module "reporting"), one entry per operation keyed by
 * operationId: the report categories, the reports of a category with their definitions, a report's
 * data, and the dynamic value sets that some report parameters draw their values from.
 *
 * A report is addressed by its category (a text ID such as "operations") and its numeric ID; both
 * inputs are dropdowns (src/dataSources/definitions.ts). Reading a report's data is limited by
 * ServiceTitan to one run of the same report per minute per tenant, each page counting as a run
 * (src/http/rules.ts paces it); the Run Report action (src/reporting/) checks parameters against the
 * report's definition first and returns rows keyed by field name.
 */
import { field } from "./words";
import type { InputWords, ModuleCuration } from "./types";

const CATEGORY: InputWords = {
  key: "reportCategory",
  label: "Report Category",
  comments: { replace: "The report's category, by its text ID (for example operations or marketing): pick one from the dropdown." },
  example: "operations",
};
const REPORT: InputWords = {
  key: "reportId",
  label: "Report",
  comments: { replace: "The report, by its numeric ID: pick one of the category's reports from the dropdown (it lists the reports of the Report Category chosen)." },
  example: "2001",
};

/** Example parameters of a data request: names and values as the report's definition lists them. */
const PARAMETERS_EXAMPLE = JSON.stringify([
  { name: "From", value: "2026-01-01" },
  { name: "To", value: "2026-01-31" },
  { name: "BusinessUnitIds", value: [1234567] },
]);

/** What the actions return, as ServiceTitan answers them (rows are arrays in field order). */
const EXAMPLES = {
  categories: {
    page: 1,
    pageSize: 50,
    hasMore: false,
    totalCount: 2,
    data: [
      { id: "operations", name: "Operations" },
      { id: "technician", name: "Technician" },
    ],
  },
  reports: {
    page: 1,
    pageSize: 50,
    hasMore: false,
    totalCount: 1,
    data: [{ id: 2001, name: "Jobs Completed by Business Unit", description: "Jobs completed in a period, with their business unit, job type and revenue." }],
  },
  definition: {
    id: 2001,
    name: "Jobs Completed by Business Unit",
    description: "Jobs completed in a period, with their business unit, job type and revenue.",
    modifiedOn: "2025-11-04T16:20:00Z",
    parameters: [
      { name: "From", label: "From", dataType: "Date", isArray: false, isRequired: true, acceptValues: null },
      { name: "To", label: "To", dataType: "Date", isArray: false, isRequired: true, acceptValues: null },
      {
        name: "BusinessUnitIds",
        label: "Business Units",
        dataType: "Number",
        isArray: true,
        isRequired: false,
        acceptValues: { fields: [{ name: "Value", label: "Value" }, { name: "Name", label: "Name" }], dynamicSetId: "business-units", values: null },
      },
    ],
    fields: [
      { name: "JobNumber", label: "Job #", dataType: "String" },
      { name: "CompletedOn", label: "Completed On", dataType: "Date" },
      { name: "BusinessUnit", label: "Business Unit", dataType: "String" },
      { name: "Revenue", label: "Revenue", dataType: "Number" },
    ],
  },
  data: {
    page: 1,
    pageSize: 1000,
    hasMore: false,
    totalCount: 2,
    data: [
      ["J-100001", "2026-01-02", "HVAC Service", 389.5],
      ["J-100002", "2026-01-02", "Plumbing Service", 1240],
    ],
    fields: [
      { name: "JobNumber", label: "Job #" },
      { name: "CompletedOn", label: "Completed On" },
      { name: "BusinessUnit", label: "Business Unit" },
      { name: "Revenue", label: "Revenue" },
    ],
  },
  valueSet: {
    page: 1,
    pageSize: 50,
    hasMore: false,
    totalCount: 2,
    data: [
      [1001, "HVAC Service"],
      [1003, "Plumbing Service"],
    ],
    fields: [
      { name: "Value", label: "Value" },
      { name: "Name", label: "Name" },
    ],
  },
};

export const curation: ModuleCuration = {
  DynamicValueSets_GetDynamicSet: {
    key: "getReportDynamicValueSet",
    label: "Get Report Dynamic Value Set",
    description:
      "Reads one dynamic value set of ServiceTitan Reporting: the live list (business units, technicians, …) a report parameter takes its values from, as rows of key and name. A report definition names the set in a parameter's accepted values. Calls GET /dynamic-value-sets/{dynamicSetId} (scope tn.rpr.dynamicvaluesets:r).",
    examplePayload: { data: EXAMPLES.valueSet },
    inputs: {
      "path.dynamicSetId": field("dynamicSetId", "Dynamic Value Set ID", "business-units", {
        comments: {
          replace:
            "The value set's ID, as a report parameter's accepted values name it (dynamicSetId in Get Report Definition's output), for example business-units or technicians.",
        },
      }),
    },
  },
  ReportCategories_GetCategories: {
    key: "listReportCategories",
    label: "List Report Categories",
    description:
      "Lists the report categories of ServiceTitan Reporting (operations, marketing, accounting, technician, …) with the text ID each report address starts with. Returns one page (Page, Page Size), or every category with Fetch All. Calls GET /report-categories (scope tn.rpr.reportcategories:r).",
    examplePayload: { data: EXAMPLES.categories },
  },
  ReportCategoryReports_GetReports: {
    key: "listReports",
    label: "List Reports",
    description:
      "Lists the reports of one category of ServiceTitan Reporting, with their IDs and descriptions. Returns one page (Page, Page Size), or every report of the category with Fetch All. Calls GET /report-category/{report_category}/reports (scope tn.rpr.reports:r).",
    examplePayload: { data: EXAMPLES.reports },
    inputs: { "path.report_category": CATEGORY },
  },
  ReportCategoryReports_Get: {
    key: "getReportDefinition",
    label: "Get Report Definition",
    description:
      "Reads a report's definition from ServiceTitan Reporting: the parameters it takes (name, data type, whether required, accepted values) and the fields its rows hold. Run Report reads it for you before asking for data. Calls GET /report-category/{report_category}/reports/{reportId} (scope tn.rpr.reports:r).",
    examplePayload: { data: EXAMPLES.definition },
    inputs: { "path.report_category": CATEGORY, "path.reportId": REPORT },
  },
  ReportCategoryReports_GetData: {
    key: "getReportData",
    label: "Get Report Data",
    description:
      "Reads one page of a report's data from ServiceTitan Reporting as ServiceTitan returns it: the field list and each row as an array in field order. ServiceTitan allows one run of the same report per minute per tenant, each page counting as a run; the component waits for it. Run Report checks the parameters first and returns rows keyed by field name. Calls POST /report-category/{report_category}/reports/{reportId}/data (scope tn.rpr.reports:r).",
    examplePayload: { data: EXAMPLES.data },
    inputs: {
      "path.report_category": CATEGORY,
      "path.reportId": REPORT,
      "body.parameters": {
        label: "Parameters",
        comments: {
          replace:
            "The report's parameters as a JSON list of {name, value}, names as Get Report Definition lists them; values are text, numbers, true/false, or lists where the parameter takes several. ServiceTitan refuses unknown and missing required parameters; Run Report checks them for you first.",
        },
        example: PARAMETERS_EXAMPLE,
      },
      "query.page": { label: "Page", comments: { replace: "Which page of rows to read, counting from 1." }, example: "1" },
      "query.pageSize": {
        label: "Page Size",
        comments: { replace: "How many rows a page holds, from 1 to 25,000; ServiceTitan returns 1,000 when empty." },
        example: "1000",
      },
      "query.includeTotal": {
        label: "Include Total",
        comments: { replace: "When true, the answer also carries totalCount, the number of rows the report holds." },
        example: "true",
      },
    },
  },
};
