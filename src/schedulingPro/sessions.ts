/**
 * Reading Scheduling Pro sessions for the workflow actions: every session of one scheduler, or of all
 * schedulers, created in a period — through the transport and Fetch All (no record dropped or
 * repeated), then summarised locally.
 */
import type { ServiceTitanClient } from "../http/client";
import { requestFor } from "../http/requestFor";
import { fetchAll } from "../paging/pages";

export interface SessionRecord {
  id: string;
  createdOn: string;
  schedulerId?: string;
  sessionOutcome?: string | null;
  jobId?: number | null;
  bookingId?: number | null;
  leadId?: number | null;
  lastStep?: string | null;
  category?: string | null;
  jobTypeId?: number | null;
  campaignName?: string | null;
  customer?: {
    firstName?: string | null;
    lastName?: string | null;
    email?: string | null;
    phone?: string | null;
    address?: unknown;
  } | null;
  sourceTracking?: Record<string, string | boolean | null | undefined> | null;
}

export interface SchedulerRecord {
  id: string;
  name?: string;
  companyName?: string;
}

export const listSchedulers = async (client: ServiceTitanClient): Promise<SchedulerRecord[]> =>
  (await fetchAll<SchedulerRecord>(client, requestFor("schedulingpro", "Scheduler_Schedulers", {}, '"List Schedulers"'))).data;

export const sessionsInPeriod = async (
  client: ServiceTitanClient,
  schedulerIds: string[],
  createdOnOrAfter: string,
  createdBefore: string,
): Promise<SessionRecord[]> => {
  const out: SessionRecord[] = [];
  for (const id of schedulerIds) {
    const page = await fetchAll<SessionRecord>(
      client,
      requestFor("schedulingpro", "Scheduler_SchedulerSessions", { id, createdOnOrAfter, createdBefore }, '"List Scheduler Sessions"', { id: "Scheduler ID" }),
    );
    for (const s of page.data) out.push({ ...s, schedulerId: s.schedulerId ?? id });
  }
  return out;
};

/** Booked: the session created a job or a booking. */
export const isBooked = (s: SessionRecord): boolean => (s.jobId ?? null) !== null || (s.bookingId ?? null) !== null;
/** Engaged: the customer gave any information (went past opening the scheduler). */
export const isEngaged = (s: SessionRecord): boolean => Boolean(s.lastStep) && s.lastStep !== "opened";
/** Abandoned: engaged but not booked — a follow-up opportunity. */
export const isAbandoned = (s: SessionRecord): boolean => isEngaged(s) && !isBooked(s);

export const personName = (s: SessionRecord): string =>
  [s.customer?.firstName, s.customer?.lastName].filter((x) => typeof x === "string" && x.trim()).join(" ").trim();

/** The period a moment falls in, in a time zone: day (2026-01-15), week (Monday, 2026-01-12) or month (2026-01). */
export const periodOf = (iso: string, groupBy: "day" | "week" | "month", timeZone: string): string => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const [y, m, d] = [get("year"), get("month"), get("day")];
  if (groupBy === "month") return `${y}-${m}`;
  if (groupBy === "day") return `${y}-${m}-${d}`;
  const local = new Date(Date.UTC(+y, +m - 1, +d));
  const back = (local.getUTCDay() + 6) % 7; // days since Monday
  return new Date(local.getTime() - back * 86_400_000).toISOString().slice(0, 10);
};

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10000) / 10000);
