/**
 * Curated words for ServiceTitan Scheduling Pro (module "schedulingpro"), one entry per operation keyed
 * by operationId: scheduler and router IDs named as such, the performance period as two required dates
 * checked before sending, and scheduler metrics named as Scheduling Pro users speak of them.
 */
import { checkDateRange } from "../../core/errors";
import type { InputWords, ModuleCuration } from "./types";

const windowInputs = (what: string): Record<string, InputWords> => ({
  "query.sessionCreatedOnOrAfter": {
    label: "Sessions Created On or After",
    comments: { replace: `Start of the period: ${what} for sessions created at or after this moment. Required; such as 2026-01-01, 01/01/2026 or 2026-01-01T00:00:00Z; without an offset it is read in the connection's Time Zone (UTC unless set there). Must be before Sessions Created Before.` },
    example: "2026-01-01",
  },
  "query.sessionCreatedBefore": {
    label: "Sessions Created Before",
    comments: { replace: `End of the period (exclusive): ${what} for sessions created before this moment. Required; ISO 8601 such as 2026-02-01.` },
    example: "2026-02-01",
  },
});

const validateWindow = (params: Record<string, unknown>) =>
  checkDateRange("Sessions Created On or After", params.sessionCreatedOnOrAfter, "Sessions Created Before", params.sessionCreatedBefore);

const rate = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** Scheduler performance with the metrics named as Scheduling Pro users speak of them; `raw` keeps the response. */
export const namedSchedulerMetrics = (data: unknown) => {
  const d = (data ?? {}) as Record<string, unknown>;
  const milestones = (d.milestoneFrequencyCount ?? {}) as Record<string, number>;
  return {
    schedulerId: d.id,
    schedulerName: d.schedulerName,
    brandName: d.brandName,
    metrics: {
      totalSessions: d.totalSessions,
      openedCompletionRate: rate(d.openedCompletionRate),
      engagedCompletionRate: rate(d.schedulerCompletionRate),
      customerContactsCaptured: d.totalCustomerContactsCaptured,
      totalJobsCreated: d.totalJobsCreated,
      totalBookingsCreated: d.totalBookingsCreated,
      abandonedSessionsSentToBookings: d.totalAbandonedSessionsSentToBookings,
      abandonedSessionsSentToLeads: d.totalAbandonedSessionsSentToLeads,
      milestones,
    },
    raw: data,
  };
};

export const curation: ModuleCuration = {
  // ---- router --------------------------------------------------------------------------------------------------
  Router_RouterSessions: {
    label: "List Router Sessions",
    inputs: { "path.id": { key: "routerId", label: "Router ID", example: "rtr-abc123" } },
  },
  Router_RouterPerformance: {
    key: "getRouterPerformance",
    label: "Get Router Performance",
    inputs: { "path.id": { key: "routerId", label: "Router ID", example: "rtr-abc123" }, ...windowInputs("performance") },
    validate: validateWindow,
  },

  // ---- scheduler -----------------------------------------------------------------------------------------------
  Scheduler_Schedulers: { label: "List Schedulers" },
  Scheduler_SchedulerSessions: {
    label: "List Scheduler Sessions",
    inputs: { "path.id": { key: "schedulerId", label: "Scheduler ID", example: "sch-abc123" } },
  },
  Scheduler_SchedulerPerformance: {
    key: "getSchedulerPerformance",
    label: "Get Scheduler Performance",
    description:
      "Gets a Scheduling Pro scheduler's performance over a period: sessions opened, opened and engaged completion rates (bookings ÷ sessions opened, bookings ÷ sessions where the customer gave any information), customer contacts captured, jobs and bookings created, abandoned sessions sent to bookings, and how often each step was reached. GET /schedulers/{id}/performance (scope tn.sp.schedulers:r).",
    inputs: { "path.id": { key: "schedulerId", label: "Scheduler ID", example: "sch-abc123" }, ...windowInputs("performance") },
    validate: validateWindow,
    transformOutput: namedSchedulerMetrics,
  },
};
