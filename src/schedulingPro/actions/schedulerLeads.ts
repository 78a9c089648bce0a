/**
 * Scheduler Leads: the people who booked through Scheduling Pro or stopped short, with name, phone and
 * email, over a period — for follow-up. One row per person (the latest session wins), so a customer
 * who tried three times is called once.
 */
import { action, input } from "@prismatic-io/spectral";
import { clientFor } from "../../http/clientFor";
import { checkDateRange, cleanBoolean, cleanEnum } from "../../inputs/clean";
import { connectionInput } from "../../inputs/shared";
import { shapeOutput } from "../../operations/outputSchema";
import { isAbandoned, isBooked, listSchedulers, personName, sessionsInPeriod, type SessionRecord } from "../sessions";
import { withInputChecks } from "../../inputs/allErrors";
import { checkPeriod, periodInputs, schedulerIdInput } from "./inputs";

const digits = (v: unknown) => String(v ?? "").replace(/\D/g, "");

/** A session's creation time as a number: "…00Z" and "…00.123Z" compare by time, not as text. Unreadable → oldest. */
const createdAt = (s: SessionRecord): number => {
  const t = Date.parse(s.createdOn);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

export const leadRows = (sessions: SessionRecord[], outcome: "all" | "booked" | "abandoned", onePerPerson: boolean) => {
  const rows = sessions
    .filter((s) => (outcome === "booked" ? isBooked(s) : outcome === "abandoned" ? isAbandoned(s) : isBooked(s) || isAbandoned(s)))
    .filter((s) => personName(s) || s.customer?.phone || s.customer?.email)
    .sort((a, b) => createdAt(b) - createdAt(a) || 0) // newest first; two unreadable times give NaN → 0
    .map((s) => ({
      name: personName(s) || null,
      firstName: s.customer?.firstName ?? null,
      lastName: s.customer?.lastName ?? null,
      phone: s.customer?.phone ?? null,
      email: s.customer?.email ?? null,
      outcome: isBooked(s) ? "booked" : "abandoned",
      lastStep: s.lastStep ?? null,
      trade: s.category ?? null,
      sessionId: s.id,
      schedulerId: s.schedulerId ?? null,
      sessionCreatedOn: s.createdOn,
      jobId: s.jobId ?? null,
      bookingId: s.bookingId ?? null,
      leadId: s.leadId ?? null,
    }));
  if (!onePerPerson) return rows;
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = digits(r.phone) || (r.email ?? "").toLowerCase() || (r.name ?? "").toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const listSchedulerLeads = action({
  display: {
    label: "List Scheduler Leads",
    description:
      "Lists the customers (name, phone, email) who booked through Scheduling Pro, or gave their details and stopped short, over a period — for one scheduler or all — so the office can follow up. Newest first.",
  },
  inputs: {
    connection: connectionInput,
    schedulerId: schedulerIdInput,
    ...periodInputs,
    outcome: input({
      label: "Outcome",
      type: "string",
      required: true,
      default: "abandoned",
      model: [
        { label: "Stopped short (abandoned)", value: "abandoned" },
        { label: "Booked a job or booking", value: "booked" },
        { label: "Both", value: "all" },
      ],
      comments: "Which sessions to list: abandoned ones (the customer gave information but did not book), booked ones, or both.",
      example: "abandoned",
      clean: cleanEnum("Outcome", ["abandoned", "booked", "all"], { required: true }),
    }),
    onePerPerson: input({
      label: "One Row per Person",
      type: "boolean",
      default: "true",
      comments: "When true, a person with several sessions (matched by phone, else email, else name) appears once, with their latest session.",
      example: "true",
      clean: cleanBoolean("One Row per Person", { default: true }),
    }),
  },
  performSafety: "safe",
  examplePayload: {
    data: {
      count: 1,
      leads: [
        { name: "Dana Chen", firstName: "Dana", lastName: "Chen", phone: "5551234567", email: "dana.chen@example.com", outcome: "abandoned", lastStep: "customer", trade: "Plumbing", sessionId: "ses-00a1", schedulerId: "sch-abc123", sessionCreatedOn: "2026-01-15T09:30:00.000Z", jobId: null, bookingId: null, leadId: null },
      ],
    },
  },
  outputSchema: shapeOutput({
    count: "i",
    leads: [
      {
        name: "s?",
        firstName: "s?",
        lastName: "s?",
        phone: "s?",
        email: "s?",
        outcome: "s=abandoned|booked",
        lastStep: "s?",
        trade: "s?",
        sessionId: "s",
        schedulerId: "s?",
        sessionCreatedOn: "s:date-time",
        jobId: "i?",
        bookingId: "i?",
        leadId: "i?",
      },
    ],
  }),
  perform: async (context, params) => {
    checkDateRange("Sessions Created On or After", params.createdOnOrAfter, "Sessions Created Before", params.createdBefore);
    const client = clientFor(context, params);
    const ids = params.schedulerId ? [params.schedulerId] : (await listSchedulers(client)).map((s) => s.id);
    const sessions = await sessionsInPeriod(client, ids, params.createdOnOrAfter as string, params.createdBefore as string);
    const leads = leadRows(sessions, params.outcome as "all" | "booked" | "abandoned", params.onePerPerson !== false);
    return { data: { count: leads.length, leads } };
  },
});
withInputChecks(listSchedulerLeads.perform, checkPeriod); // joins the list of invalid inputs (src/inputs/allErrors.ts)
