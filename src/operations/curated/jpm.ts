/**
 * Curated words for ServiceTitan Job Planning (module "jpm"), one entry per operation keyed by operationId.
 * Jobs, appointments and projects keep the action and input keys of the earlier component (seed
 * parity, test/seed); other entries give clearer labels, and two routes whose derived keys would clash
 * get keys that say which one they are.
 */
import type { ModuleCuration } from "./types";
import { CUSTOM_FIELDS, closed, DATE_TIME, EXTERNAL_DATA, field, id, ids, list, ORDER_DIRECTION, PRIORITY } from "./words";

/** How the first appointment's times are typed. */
const WHEN =
  "Such as 2026-02-02T16:00:00Z, 2026-02-02 9:00 AM or 02/02/2026 9:00 AM (month/day/year); without an offset it is read in the connection's Time Zone (UTC unless set there).";

export const curation: ModuleCuration = {
  // ---- appointments --------------------------------------------------------------------------------------------
  Appointments_Add: {
    key: "createAppointment",
    label: "Create Appointment",
    inputs: {
      "body.jobId": id("jobId", "Job ID"),
      "body.start": field("start", "Start", DATE_TIME),
      "body.end": field("end", "End", "2026-01-15T11:30:00Z"),
      "body.arrivalWindowStart": field("arrivalWindowStart", "Arrival Window Start", DATE_TIME),
      "body.arrivalWindowEnd": field("arrivalWindowEnd", "Arrival Window End", "2026-01-15T10:30:00Z"),
      "body.specialInstructions": field("specialInstructions", "Special Instructions", "Call the office on arrival."),
      "body.technicianIds": field("technicianId", "Technician IDs", "1234567"),
    },
  },
  Appointments_Get: { key: "getAppointment", label: "Get Appointment", inputs: { "path.id": id("appointmentId", "Appointment ID") } },
  Appointments_GetList: list("listAppointments", "List Appointments"),
  Appointments_Delete: { key: "deleteAppointment", label: "Delete Appointment", inputs: { "path.id": id("appointmentId", "Appointment ID") } },
  Appointments_Hold: { label: "Put Appointment on Hold" },

  // ---- budget codes --------------------------------------------------------------------------------------------
  BudgetCodes_CreateBudgetCodePartial: { label: "Create Budget Code (Partial)" },
  BudgetCodes_CreateBudgetCodesBatch: { label: "Create Budget Codes (Batch)" },
  BudgetCodes_CreateBudgetCodesPartialBatch: { label: "Create Budget Codes (Partial Batch)" },
  BudgetCodes_ListCompanySegments: { label: "List Company Budget Segments" },
  BudgetCodes_ListCompanySegmentItems: { label: "List Company Budget Segment Items" },
  BudgetCodes_ListCompanySegmentItemChildren: { label: "List Child Items of Company Budget Segment Item" },
  BudgetCodes_ListProjectSegments: { label: "List Project Budget Segments" },
  BudgetCodes_ListProjectSegmentItems: { label: "List Project Budget Segment Items" },
  BudgetCodes_ListProjectSegmentItemChildren: { label: "List Child Items of Project Budget Segment Item" },
  BudgetCodes_MatchCompanyBudgetCodes: { label: "Find Company Budget Codes by Code" },
  BudgetCodes_MatchProjectBudgetCodes: { label: "Find Project Budget Codes by Code" },

  // ---- export --------------------------------------------------------------------------------------------------
  Export_JobCancelReasons: { label: "Export Job Cancellation Log" },

  // ---- job cancel reasons --------------------------------------------------------------------------------------
  JobCancelReasons_GetList: list("listJobCancelReasons", "List Job Cancel Reasons"),

  // ---- job equipment -------------------------------------------------------------------------------------------
  JobEquipment_Attach: { label: "Attach Equipment to Job" },
  JobEquipment_Detach: { label: "Detach Equipment from Job" },
  JobEquipment_DetachBulk: { label: "Detach Equipment from Job (Several)" },
  JobEquipment_Get: { label: "List Equipment on Job" },

  // ---- job hold reasons ----------------------------------------------------------------------------------------
  // The tenant's catalog of hold reasons; Jobs_GetHoldReasons (below) reads the reasons given for specific jobs.
  JobHoldReasons_Get: {
    key: "listHoldReasons",
    label: "List Job Hold Reasons",
    description:
      "Lists the tenant's job hold reasons (the choices offered when a job is put on hold) from ServiceTitan Job Planning. Returns one page (Page, Page Size), or every matching record with Fetch All. Calls GET /job-hold-reasons (scope tn.jpm.jobholdreasons:r).",
  },

  // ---- job types -----------------------------------------------------------------------------------------------
  JobTypes_GetList: {
    inputs: {
      "query.priority": closed(PRIORITY, { example: "High" }),
      // The document names these fields and directions for Order By and its direction.
      "query.orderBy": closed({ id: "ID", modifiedOn: "Modified On", createdOn: "Created On" }, { example: "modifiedOn" }),
      "query.orderByDirection": closed(ORDER_DIRECTION, { example: "desc" }),
    },
  },
  JobTypes_Create: { inputs: { "body.priority": closed(PRIORITY, { example: "Normal" }) } },
  JobTypes_Update: { inputs: { "body.priority": closed(PRIORITY, { example: "High" }) } },

  // ---- jobs ----------------------------------------------------------------------------------------------------
  Jobs_Create: {
    key: "createJob",
    label: "Create Job",
    inputs: {
      "body.customerId": id("customerId", "Customer ID"),
      "body.locationId": id("locationId", "Location ID"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.jobTypeId": id("jobTypeId", "Job Type ID"),
      "body.priority": field("priority", "Priority", "Normal", closed(PRIORITY)),
      "body.campaignId": id("campaignId", "Campaign ID"),
      "body.appointments": field(
        "appointments",
        "Additional Appointments (JSON)",
        JSON.stringify([{ start: DATE_TIME, end: "2026-01-15T11:30:00Z", technicianIds: [1234567] }]),
        {
          comments: {
            replace:
              "Further appointments as a JSON list, one {start, end, arrivalWindowStart, arrivalWindowEnd, technicianIds} entry each (times in UTC); they follow the first appointment (Appointment Start, Appointment End). Needed only when the first appointment is left empty.",
          },
        },
      ),
      "body.projectId": id("projectId", "Project ID"),
      "body.summary": field("summary", "Summary", "AC not cooling."),
      "body.customerPo": field("customerPo", "Customer PO", "PO-5521"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.invoiceSignatureIsRequired": field("invoiceSignatureIsRequired", "Invoice Signature Is Required", "true"),
      "body.jobGeneratedLeadSource": field("jobGeneratedLeadSource", "Job Generated Lead Source", JSON.stringify({ jobId: 1234567, employeeId: 7654321 })),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
    structured: {
      appointmentStart: {
        into: "appointments[0].start",
        label: "Appointment Start",
        comments: `When the first appointment starts. ${WHEN}`,
        example: "2026-02-02T16:00:00Z",
      },
      appointmentEnd: {
        into: "appointments[0].end",
        label: "Appointment End",
        comments: `When the first appointment ends; after Appointment Start. ${WHEN}`,
        example: "2026-02-02T18:00:00Z",
      },
      arrivalWindowStart: {
        into: "appointments[0].arrivalWindowStart",
        label: "Arrival Window Start",
        comments: `Earliest arrival promised to the customer for the first appointment. ${WHEN}`,
        example: "2026-02-02T16:00:00Z",
      },
      arrivalWindowEnd: {
        into: "appointments[0].arrivalWindowEnd",
        label: "Arrival Window End",
        comments: `Latest arrival promised to the customer for the first appointment. ${WHEN}`,
        example: "2026-02-02T17:00:00Z",
      },
      technicianIds: {
        into: "appointments[0].technicianIds",
        label: "Technician IDs",
        comments: "Technicians assigned to the first appointment, one per row (see List Technicians); empty leaves it unassigned.",
        example: "1234567",
      },
    },
  },
  Jobs_Cancel: {
    key: "cancelJob",
    label: "Cancel Job",
    inputs: {
      "path.id": id("jobId", "Job ID"),
      "body.reasonId": id("reasonId", "Reason ID"),
      "body.memo": field("memo", "Job Memo", "Customer rescheduled with another provider."),
    },
  },
  Jobs_Update: {
    key: "updateJob",
    label: "Update Job",
    inputs: {
      "path.id": id("jobId", "Job ID"),
      "body.summary": field("summary", "Summary", "AC not cooling; filter replaced."),
      "body.priority": closed(PRIORITY, { example: "High" }),
    },
  },
  Jobs_GetList: list("listJobs", "List Jobs", { "query.priority": closed(PRIORITY, { example: "Urgent" }) }),
  Jobs_Get: {
    key: "getJob",
    label: "Get Job",
    inputs: {
      "path.id": id("jobId", "Job ID"),
      "query.externalDataApplicationGuid": field("externalDataApplicationGuid", "External Data Application GUID", "6B29FC40-CA47-1067-B31D-00DD010662DA"),
    },
  },
  // The earlier component's listJobCancelReasons is the reason catalog (/job-cancel-reasons, above); this
  // route returns the reasons given for specific jobs.
  Jobs_GetCancelReasons: {
    key: "listCancelReasonsForJobs",
    label: "List Cancel Reasons for Jobs",
    description:
      "Lists the cancel reasons recorded on the given jobs (by job ID) in ServiceTitan Job Planning; for the tenant's catalog of reasons, use List Job Cancel Reasons. Calls GET /jobs/cancel-reasons (scope tn.jpm.jobs:r).",
  },
  Jobs_GetHoldReasons: {
    key: "listJobHoldReasons",
    label: "List Hold Reasons for Jobs",
    description:
      "Lists the hold reasons recorded on the given jobs (by job ID) in ServiceTitan Job Planning; for the tenant's catalog of reasons, use List Job Hold Reasons. Calls GET /jobs/hold-reasons (scope tn.jpm.jobs:r).",
  },
  Jobs_RemoveCancellation: {
    label: "Undo Job Cancellation",
    description:
      "Reopens a canceled job in ServiceTitan Job Planning, as if it had not been canceled. Calls PUT /jobs/{id}/remove-cancellation (scope tn.jpm.jobs:w).",
  },
  Jobs_GetJobCanceledLogs: { label: "List Job Cancellation Log" },
  Jobs_GetBookedLog: { label: "Get Job Booking Log" },

  // ---- projects ------------------------------------------------------------------------------------------------
  Projects_Create: {
    key: "createProject",
    label: "Create Project",
    inputs: {
      "body.locationId": id("locationId", "Location ID"),
      "body.customerId": id("customerId", "Customer ID"),
      "body.name": field("name", "Name", "Kitchen remodel"),
      "body.summary": field("summary", "Summary", "Full kitchen remodel, phase 1."),
      "body.projectManagerIds": ids("projectManagerIds", "Project Manager IDs"),
      "body.statusId": id("statusId", "Status ID"),
      "body.subStatusId": id("subStatusId", "Sub Status ID"),
      "body.startDate": field("startDate", "Start Date", DATE_TIME),
      "body.targetCompletionDate": field("targetCompletionDate", "Target Completion Date", "2026-03-01T17:00:00Z"),
      "body.actualCompletionDate": field("actualCompletionDate", "Actual Completion Date", "2026-03-04T17:00:00Z"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
    },
  },
  Projects_Get: {
    key: "getProject",
    label: "Get Project",
    inputs: { "path.id": id("projectId", "Project ID") },
  },
  Projects_GetList: list("listProjects", "List Projects"),
  Projects_Update: {
    key: "updateProject",
    label: "Update Project",
    inputs: {
      "path.id": id("projectId", "Project ID"),
      "body.jobIds": ids("jobIds", "Job IDs"),
      "body.projectManagerIds": ids("projectManagerIds", "Project Manager IDs"),
      "body.name": field("name", "Name", "Kitchen remodel"),
      "body.startDate": field("startDate", "Start Date", DATE_TIME),
    },
  },
  Projects_AttachJob: { label: "Attach Job to Project" },
  Projects_DetachJob: { label: "Detach Job from Project" },
};
