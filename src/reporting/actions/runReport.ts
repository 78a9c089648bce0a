/**
 * Run Report: a ServiceTitan report's rows as objects keyed by its field names, with its parameters
 * checked against the report's own definition before any data is asked for, and Fetch All paced by
 * ServiceTitan's limit of one page of the same report per minute (../run.ts).
 */
import { action, input } from "@prismatic-io/spectral";
import { clientFor } from "../../http/clientFor";
import { cleanBoolean, cleanId, cleanInteger, cleanString, keyValueRows, isEmpty } from "../../inputs/clean";
import { dataSourceFor } from "../../inputs/links";
import { connectionInput } from "../../inputs/shared";
import { shapeOutput } from "../../operations/outputSchema";
import { formatCount } from "../../paging/progress";
import { REPORT_MAX_PAGE_SIZE, runReport as run } from "../run";

/** Prismatic ends a step after 15 minutes; the default leaves a minute for the rest of the step. */
export const DEFAULT_TIME_LIMIT_MINUTES = 14;
export const DEFAULT_REPORT_PAGE_SIZE = 5000;
export const DEFAULT_MAX_REPORT_ROWS = 1_000_000;

export const runReport = action({
  display: {
    label: "Run Report",
    description:
      "Runs a ServiceTitan report and returns its rows as objects keyed by the report's field names (with the field list). The report's definition is read first and the Parameters are checked against it — unknown names, missing required ones, values of the wrong type or not among the listed values are refused together, before any data is asked for. Fetch All reads every page, one a minute per report as ServiceTitan allows.",
    important: true,
  },
  inputs: {
    connection: connectionInput,
    reportCategory: input({
      label: "Report Category",
      type: "string",
      required: true,
      comments: "The report's category, by its text ID (for example operations or marketing): pick one from the dropdown.",
      example: "operations",
      placeholder: "operations",
      dataSource: dataSourceFor("reportCategory"),
      clean: cleanString("Report Category", { required: true }),
    }),
    reportId: input({
      label: "Report",
      type: "string",
      required: true,
      comments: "The report to run, by its numeric ID: pick one of the category's reports from the dropdown.",
      example: "2001",
      placeholder: "2001",
      dataSource: dataSourceFor("reportId"),
      clean: cleanId("Report", { required: true }),
    }),
    fetchAll: input({
      label: "Fetch All",
      type: "boolean",
      default: "false",
      required: false,
      comments:
        "When true, every page of the report is read and the rows combined; Page is then ignored. ServiceTitan allows one page of the same report per minute, so a report of N pages takes about N − 1 minutes: raise Page Size to need fewer pages.",
      example: "false",
      clean: cleanBoolean("Fetch All", { default: false }),
    }),
    maxRecords: input({
      label: "Max Records",
      type: "string",
      required: false,
      comments: `With Fetch All: stop with an error instead of returning more than this many rows (protects the flow's memory). Empty means ${formatCount(DEFAULT_MAX_REPORT_ROWS)}.`,
      example: "100000",
      placeholder: String(DEFAULT_MAX_REPORT_ROWS),
      clean: (v: unknown) => cleanInteger("Max Records", { min: 1 })(v) ?? DEFAULT_MAX_REPORT_ROWS,
    }),
    parameters: input({
      label: "Parameters",
      type: "string",
      collection: "keyvaluelist",
      required: false,
      comments:
        "The report's parameters, one row each: the parameter's name as Get Report Definition lists it, and its value — text, a number, true/false, a date (2026-01-15 or 01/15/2026) or a time (09:30), as the parameter's type says; a parameter that takes a list takes values separated by commas. Unknown names, missing required parameters, values of the wrong type and values outside the report's listed values are all refused before anything is sent.",
      example: "From=2026-01-01",
      clean: (value: unknown) => {
        if (isEmpty(value)) return undefined;
        keyValueRows("Parameters", value, { keyFields: ["key", "name"], protoKeyAllowed: true }); // refuses malformed rows now; names and values are checked against the report in perform
        return value;
      },
    }),
    timeLimitMinutes: input({
      label: "Time Limit (Minutes)",
      type: "string",
      required: false,
      comments: `With Fetch All: the longest the step may spend reading pages, from 1 to 60 minutes; a report whose remaining pages cannot be read in time stops with an error saying how many were left. Empty means ${DEFAULT_TIME_LIMIT_MINUTES} (Prismatic ends a step after 15).`,
      example: "14",
      placeholder: String(DEFAULT_TIME_LIMIT_MINUTES),
      clean: (v: unknown) => cleanInteger("Time Limit (Minutes)", { min: 1, max: 60 })(v) ?? DEFAULT_TIME_LIMIT_MINUTES,
    }),
    page: input({
      label: "Page",
      type: "string",
      required: false,
      comments: "Which page of rows to return, counting from 1. Ignored when Fetch All is true.",
      example: "1",
      placeholder: "1",
      clean: (v: unknown) => cleanInteger("Page", { min: 1 })(v) ?? 1,
    }),
    pageSize: input({
      label: "Page Size",
      type: "string",
      required: false,
      comments: `How many rows a page holds, from 1 to ${formatCount(REPORT_MAX_PAGE_SIZE)} (ServiceTitan's largest report page). Empty means ${formatCount(DEFAULT_REPORT_PAGE_SIZE)}.`,
      example: "5000",
      placeholder: String(DEFAULT_REPORT_PAGE_SIZE),
      clean: (v: unknown) => cleanInteger("Page Size", { min: 1, max: REPORT_MAX_PAGE_SIZE })(v) ?? DEFAULT_REPORT_PAGE_SIZE,
    }),
  },
  // a data request is a POST and spends the report's one run a minute: not run on its own in the designer
  performSafety: "notAllowed",
  examplePayload: {
    data: {
      report: { id: 2001, name: "Jobs Completed by Business Unit", category: "operations" },
      parameters: [
        { name: "From", value: "2026-01-01" },
        { name: "To", value: "2026-01-31" },
      ],
      fields: [
        { name: "JobNumber", label: "Job #", dataType: "String" },
        { name: "CompletedOn", label: "Completed On", dataType: "Date" },
        { name: "BusinessUnit", label: "Business Unit", dataType: "String" },
        { name: "Revenue", label: "Revenue", dataType: "Number" },
      ],
      rows: [
        { JobNumber: "J-100001", CompletedOn: "2026-01-02", BusinessUnit: "HVAC Service", Revenue: 389.5 },
        { JobNumber: "J-100002", CompletedOn: "2026-01-02", BusinessUnit: "Plumbing Service", Revenue: 1240 },
      ],
      count: 2,
      page: 1,
      pageSize: 5000,
      pages: 1,
      hasMore: false,
      totalCount: 2,
    },
  },
  outputSchema: shapeOutput({
    report: { id: "i", name: "s", category: "s" },
    parameters: [{ name: "s", value: "*" }],
    fields: [{ name: "s", label: "s", dataType: "s" }],
    // one object per row, keyed by the report's field names (the fields list above)
    rows: [{ "*": "*" }],
    count: "i",
    page: "i",
    pageSize: "i",
    pages: "i",
    hasMore: "b",
    totalCount: "i?",
  }),
  perform: async (context, params) => {
    const client = clientFor(context, params);
    const data = await run(client, {
      category: params.reportCategory as string,
      reportId: params.reportId as number,
      parameters: params.parameters,
      fetchAll: params.fetchAll === true,
      pageSize: params.pageSize as number,
      page: params.page as number,
      maxRecords: params.maxRecords as number,
      deadlineAt: Date.now() + (params.timeLimitMinutes as number) * 60_000,
    });
    return { data };
  },
});
