/**
 * Curated words for ServiceTitan Task Management (module "taskmanagement"), one entry per operation
 * keyed by operationId: office tasks (follow-ups, complaints, to-dos) with their types, sources,
 * resolutions, priorities and statuses. The IDs a task refers to (employees, task types, sources and
 * resolutions) come from Get Task Reference Data; the text filters that take several values take them
 * separated by commas, as ServiceTitan reads them.
 */
import type { InputWords, ModuleCuration } from "./types";
import { closed, PRIORITY } from "./words";

/** Label, our comment in place of the generated one, and an example. */
const say = (label: string, comment: string, example: string, extra: Partial<InputWords> = {}): InputWords => ({
  label,
  comments: { replace: comment },
  example,
  ...extra,
});

const FROM_REFERENCE = "IDs are listed by Get Task Reference Data";
const PRIORITIES = "Low, Normal, High or Urgent";
/** A task's status: the task responses' status enum. */
const TASK_STATUS = { ToDo: "To Do", InProgress: "In Progress", OnHold: "On Hold", Canceled: "Canceled", Completed: "Completed" } as const;

export const curation: ModuleCuration = {
  // ---- reference data --------------------------------------------------------------------------------------
  ClientSideData_Get: {
    key: "getTaskReferenceData",
    label: "Get Task Reference Data",
    description:
      "Gets the lists a task is filled in from, in ServiceTitan Task Management: employees, business units, task types, sources and resolutions (each with its ID and whether it is active), and the priority, status and resolution type names. Use the IDs in Create Task and as List Tasks filters. Calls GET /data (scope tn.tsm.data:r).",
  },

  // ---- tasks -----------------------------------------------------------------------------------------------
  Tasks_GetTasks: {
    inputs: {
      "query.completeBefore": say("Complete By Before", "Only tasks whose Complete By date is before this moment (exclusive, UTC unless an offset is given).", "2026-02-01T00:00:00Z"),
      "query.completeOnOrAfter": say("Complete By on or After", "Only tasks whose Complete By date is at or after this moment (UTC unless an offset is given).", "2026-01-01T00:00:00Z"),
      "query.isClosed": say(
        "Closed",
        "When true, only closed tasks; when false, only open ones. Empty: both. ServiceTitan prefers Statuses for this filter, which can tell completed from canceled tasks.",
        "false",
      ),
      "query.statuses": say("Statuses", "Only tasks in one of these statuses; several may be chosen. Empty: every status.", "ToDo", closed(TASK_STATUS, { several: true })),
      "query.ids": say("Task IDs", "Only these tasks, by ID: one per row, or separated by commas.", "1234567,7654321"),
      "query.name": say("Name", "Only tasks with this name.", "Call back about water heater quote"),
      "query.includeSubtasks": say("Include Subtasks", "When true, each task carries its subtasks.", "true"),
      "query.employeeTaskTypeIds": say("Task Type IDs", `Only tasks of these types: one ID per row, or separated by commas; ${FROM_REFERENCE} (task types).`, "1234567"),
      "query.employeeTaskSourceIds": say("Task Source IDs", `Only tasks from these sources: one ID per row, or separated by commas; ${FROM_REFERENCE} (task sources).`, "1234567"),
      "query.employeeTaskResolutionIds": say(
        "Task Resolution IDs",
        `Only tasks closed with these resolutions: one ID per row, or separated by commas; ${FROM_REFERENCE} (task resolutions).`,
        "1234567",
      ),
      "query.reportedById": say("Reported by Employee ID", `Only tasks reported by this employee; ${FROM_REFERENCE} (employees).`, "1234567"),
      "query.assignedToId": say("Assigned to Employee ID", `Only tasks assigned to this employee; ${FROM_REFERENCE} (employees).`, "1234567"),
      "query.involvedEmployeeIdList": say(
        "Involved Employee IDs",
        `Only tasks that involve one of these employees, by ID, separated by commas; ${FROM_REFERENCE} (employees).`,
        "1234567,7654321",
      ),
      "query.priorities": say("Priorities", "Only tasks with one of these priorities; several may be chosen. Empty: every priority.", "Urgent", closed(PRIORITY, { several: true })),
      "query.taskNumber": say("Task Number", "Only the task with this number: the number ServiceTitan shows on the task, not its ID.", "1042"),
      "query.jobNumber": say("Job Number", "Only tasks of the job with this job number (as shown in ServiceTitan, not the job's ID).", "10045"),
    },
  },
  Tasks_GetTask: {
    inputs: {
      "query.includeSubtasks": say("Include Subtasks", "When true, the task carries its subtasks.", "true"),
    },
  },
  Tasks_Create: {
    inputs: {
      "body.name": say("Task Name", "Short title of the task, as the office sees it in the task list.", "Call back about water heater quote"),
      "body.reportedById": say("Reported by Employee ID", `The employee who raised the task; ${FROM_REFERENCE} (employees).`, "1234567"),
      "body.assignedToId": say("Assigned to Employee ID", `The employee who should do the task; ${FROM_REFERENCE} (employees).`, "1234567"),
      "body.isClosed": say("Closed", "When true, the task is recorded as already closed (for logging work that is done); when false, it starts open.", "false"),
      "body.employeeTaskTypeId": say("Task Type ID", `What kind of task this is; ${FROM_REFERENCE} (task types).`, "1234567"),
      "body.employeeTaskSourceId": say("Task Source ID", `Where the task came from, such as a phone call or a review; ${FROM_REFERENCE} (task sources).`, "1234567"),
      "body.reportedDate": say("Reported On", "When the task was raised (UTC unless an offset is given).", "2026-01-15T09:30:00Z"),
      "body.priority": say("Priority", `How urgent the task is: ${PRIORITIES}.`, "Normal"),
      "body.status": say("Status", "Where the task stands: To Do, In Progress, On Hold, Canceled or Completed. Empty: ServiceTitan's default for a new task.", "ToDo"),
      "body.employeeTaskResolutionId": say(
        "Task Resolution ID",
        `How the task was resolved, for a task created closed; ${FROM_REFERENCE} (task resolutions, each limited to some task types).`,
        "1234567",
      ),
      "body.completeBy": say("Complete By", "When the task should be done (UTC unless an offset is given).", "2026-01-20T17:00:00Z"),
      "body.startedOn": say("Started On", "When work on the task started (UTC unless an offset is given).", "2026-01-15T10:00:00Z"),
      "body.involvedEmployeeIdList": say("Involved Employee IDs", `Other employees involved in the task: one ID per row, or separated by commas; ${FROM_REFERENCE} (employees).`, "1234567"),
      "body.customerId": say("Customer ID", "The customer the task is about, if any.", "1234567"),
      "body.jobId": say("Job ID", "The job the task is about, if any.", "1234567"),
      "body.projectId": say("Project ID", "The project the task is about, if any.", "1234567"),
      "body.description": say("Description", "What needs to be done, in as much detail as the assignee needs.", "Customer asked for a second quote with a tankless option."),
    },
  },
  Tasks_CreateSubtask: {
    label: "Create Subtask",
    inputs: {
      "path.id": say("Task ID", "The task to add the subtask to.", "1234567"),
      "body.name": say("Subtask Name", "Short title of the subtask.", "Email the tankless quote"),
      "body.assignedToId": say("Assigned to Employee ID", `The employee who should do the subtask; ${FROM_REFERENCE} (employees).`, "1234567"),
      "body.isClosed": say("Closed", "When true, the subtask is recorded as already done; when false, it starts open.", "false"),
      "body.dueDateTime": say("Due", "When the subtask should be done (UTC unless an offset is given).", "2026-01-18T17:00:00Z"),
    },
  },
};
