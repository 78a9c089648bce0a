/**
 * Curated words for ServiceTitan Timesheets (module "timesheets"), one entry per operation keyed by
 * operationId: timesheet codes and the activities technicians clock. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  ActivitiesControllers_GetList: { key: "listTimesheetActivities", label: "List Timesheet Activities" },
  ActivitiesControllers_Create: { key: "createTimesheetActivity", label: "Create Timesheet Activity" },
  ActivitiesControllers_Get: { key: "getTimesheetActivity", label: "Get Timesheet Activity" },
  ActivitiesControllers_Update: { key: "updateTimesheetActivity", label: "Update Timesheet Activity" },
  ActivitiesControllers_Delete: { key: "deleteTimesheetActivity", label: "Delete Timesheet Activity" },
  Export_Activities: { key: "exportTimesheetActivities", label: "Export Timesheet Activities" },
};
