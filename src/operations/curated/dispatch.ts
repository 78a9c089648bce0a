/**
 * Curated words for ServiceTitan Dispatch (module "dispatch"), one entry per operation keyed by operationId.
 * Appointment assignments keep the action and input keys of the earlier component (seed parity,
 * test/seed); other entries give clearer labels and descriptions.
 */
import { checkDateRange } from "../../core/errors";
import type { ModuleCuration } from "./types";
import { id, ids, list } from "./words";

/** Capacity is computed for a period of at most 14 days (user-needs §19); longer periods are refused before sending. */
const CAPACITY_MAX_DAYS = 14;
const CAPACITY_LIMIT = `ServiceTitan computes capacity for at most ${CAPACITY_MAX_DAYS} days: Starts on or After and Ends on or Before may be at most ${CAPACITY_MAX_DAYS} days apart (checked before sending). A date-time such as 2026-01-15T08:00:00Z; without an offset it is read in the connection's Time Zone.`;

export const curation: ModuleCuration = {
  // ---- appointment assignments ---------------------------------------------------------------------------------
  AppointmentAssignments_AssignTechnicians: {
    key: "assignTechnicians",
    label: "Assign Technician to Appointment",
    inputs: {
      "body.jobAppointmentId": id("jobAppointmentId", "Job Appointment ID"),
      "body.technicianIds": ids("technicianIds", "Technician IDs", "1234567"),
    },
  },
  AppointmentAssignments_UnassignTechnicians: {
    key: "unassignTechnicians",
    label: "Unassign Technicians from Appointment",
    inputs: {
      "body.jobAppointmentId": id("jobAppointmentId", "Job Appointment ID"),
      "body.technicianIds": ids("technicianIds", "Technician IDs", "1234567"),
    },
  },
  AppointmentAssignments_GetList: list("listAppointmentsAssignment", "List Appointment Assignment"),

  // ---- arrival windows -----------------------------------------------------------------------------------------
  ArrivalWindows_Activated: {
    label: "Activate or Deactivate Arrival Window",
    description:
      "Turns an arrival window on or off in ServiceTitan Dispatch: Is Active true makes it available when booking, false hides it. Calls PUT /arrival-windows/{id}/activated (scope tn.dis.arrivalwindows:w).",
  },

  // ---- business hour -------------------------------------------------------------------------------------------
  BusinessHour_Create: {
    label: "Set Business Hours",
    description:
      "Sets your company's business hours in ServiceTitan Dispatch: the open hours for weekdays, Saturday and Sunday. Calls POST /business-hours (scope tn.dis.businesshours:w).",
  },

  // ---- capacity ------------------------------------------------------------------------------------------------
  Capacity_GetList: {
    label: "Get Available Capacity",
    inputs: {
      "body.startsOnOrAfter": {
        comments: { replace: `Start of the period to look at. ${CAPACITY_LIMIT}` },
        example: "2026-01-15T08:00:00Z",
      },
      "body.endsOnOrBefore": {
        comments: { replace: `End of the period to look at. ${CAPACITY_LIMIT}` },
        example: "2026-01-22T18:00:00Z",
      },
      "body.skillBasedAvailability": {
        comments: {
          replace:
            "When true, only technicians who have the skills the Job Type needs are counted; when false, every technician of the business units.",
        },
      },
    },
    validate: (params) =>
      checkDateRange("Starts on or After", params.startsOnOrAfter, "Ends on or Before", params.endsOnOrBefore, {
        maxDays: CAPACITY_MAX_DAYS,
        why: "ServiceTitan computes capacity for 14 days at most",
      }),
    description:
      "Asks ServiceTitan Dispatch how much technician time is free in a period, per time slot, for the business units and job type you give. Reads only, although it is sent as a POST. Returns the slots with total and open availability and the technicians free in each. Calls POST /capacity (scope tn.dis.capacity:w).",
  },

  // ---- gps -----------------------------------------------------------------------------------------------------
  Gps_Create: {
    label: "Send GPS Pings (by Provider)",
    description:
      "Sends a batch of vehicle GPS positions from your GPS provider to ServiceTitan Dispatch, so the dispatch board shows where trucks are. Returns one result per ping with its status. Calls POST /gps-provider/{gps_provider}/gps-pings (scope tn.dis.gpspings:w).",
  },

  // ---- technician tracking -------------------------------------------------------------------------------------
  TechnicianTracking_Get: {
    description:
      "Gets where a technician is and how they are moving toward an appointment, from ServiceTitan Dispatch; give the technician, the appointment, or both. Calls GET /technician-tracking (scope tn.dis.techniciantracking:r).",
  },
};
