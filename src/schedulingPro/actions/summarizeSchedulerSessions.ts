/**
 * Summarize Scheduler Sessions: the trends Scheduling Pro users ask for, in one step — volume per day,
 * week or month, completion rates, where abandoned sessions stopped, which trades are chosen most, and
 * which marketing sources bring sessions and bookings. Structured JSON for a chart or a spreadsheet, and
 * on request the chart itself: the funnel and the volume per period as an SVG file (../chart.ts).
 */
import { action, input } from "@prismatic-io/spectral";
import { clientFor } from "../../http/clientFor";
import { checkDateRange, cleanEnum, cleanInteger } from "../../inputs/clean";
import { connectionInput } from "../../inputs/shared";
import { shapeOutput } from "../../operations/outputSchema";
import {
  isAbandoned, isBooked, isEngaged, listSchedulers, periodOf, personName, ratio, type SessionRecord, sessionsInPeriod,
} from "../sessions";
import { withInputChecks } from "../../inputs/allErrors";
import { checkPeriod, periodInputs, schedulerIdInput, timeZoneInput } from "./inputs";
import { SVG_CONTENT_TYPE, sessionsChartFile } from "../chart";

/** Funnel order of Scheduling Pro steps, for a readable drop-off histogram. */
const STEP_ORDER = ["opened", "zipcode", "issue", "schedule", "customer", "details", "booked"];

type Counts = { sessions: number; engaged: number; booked: number; jobs: number; bookings: number; abandoned: number };
const zero = (): Counts => ({ sessions: 0, engaged: 0, booked: 0, jobs: 0, bookings: 0, abandoned: 0 });
const count = (c: Counts, s: SessionRecord) => {
  c.sessions += 1;
  if (isEngaged(s)) c.engaged += 1;
  if (isBooked(s)) c.booked += 1;
  if ((s.jobId ?? null) !== null) c.jobs += 1;
  if ((s.bookingId ?? null) !== null) c.bookings += 1;
  if (isAbandoned(s)) c.abandoned += 1;
};
const withRates = (c: Counts) => ({
  ...c,
  openedCompletionRate: ratio(c.booked, c.sessions),
  engagedCompletionRate: ratio(c.booked, c.engaged),
});

export const summarizeSessions = (sessions: SessionRecord[], groupBy: "day" | "week" | "month", timeZone: string, top: number) => {
  const totals = zero();
  const periods = new Map<string, Counts>();
  const dropoff = new Map<string, number>();
  const trades = new Map<string, { trade: string; sessions: number; booked: number }>();
  const sources = new Map<string, Counts & { source: string; utmSource: string | null; utmMedium: string | null; utmCampaign: string | null; campaignName: string | null }>();
  const names = new Set<string>();
  for (const s of sessions) {
    count(totals, s);
    const period = periodOf(s.createdOn, groupBy, timeZone);
    if (!periods.has(period)) periods.set(period, zero());
    count(periods.get(period) as Counts, s);
    if (isAbandoned(s)) dropoff.set(s.lastStep ?? "unknown", (dropoff.get(s.lastStep ?? "unknown") ?? 0) + 1);
    if (s.category) {
      const t = trades.get(s.category) ?? { trade: s.category, sessions: 0, booked: 0 };
      t.sessions += 1;
      if (isBooked(s)) t.booked += 1;
      trades.set(s.category, t);
    }
    const st = s.sourceTracking ?? {};
    const str = (v: unknown) => (typeof v === "string" && v ? v : null);
    const source = str(st.marketingSource) ?? str(st.utmSource) ?? "Unattributed";
    const key = [source, str(st.utmSource), str(st.utmMedium), str(st.utmCampaign), s.campaignName ?? null].join("|");
    if (!sources.has(key)) {
      sources.set(key, { source, utmSource: str(st.utmSource), utmMedium: str(st.utmMedium), utmCampaign: str(st.utmCampaign), campaignName: s.campaignName ?? null, ...zero() });
    }
    count(sources.get(key) as Counts, s);
    const name = personName(s).toLowerCase();
    if (name) names.add(name);
  }
  const stepRank = (step: string) => (STEP_ORDER.includes(step) ? STEP_ORDER.indexOf(step) : STEP_ORDER.length);
  return {
    totals: { ...withRates(totals), customerContactsCaptured: names.size },
    periods: [...periods.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, c]) => ({ period, ...withRates(c) })),
    dropoff: [...dropoff.entries()]
      .sort(([a], [b]) => stepRank(a) - stepRank(b) || (a < b ? -1 : 1))
      .map(([step, sessionsAbandoned]) => ({ step, sessions: sessionsAbandoned, share: ratio(sessionsAbandoned, totals.abandoned) })),
    topTrades: [...trades.values()].sort((a, b) => b.sessions - a.sessions || (a.trade < b.trade ? -1 : 1)).slice(0, top).map((t) => ({ ...t, completionRate: ratio(t.booked, t.sessions) })),
    attribution: [...sources.values()]
      .sort((a, b) => b.sessions - a.sessions || (a.source < b.source ? -1 : 1))
      .map((a) => ({ ...a, openedCompletionRate: ratio(a.booked, a.sessions) })),
  };
};

export const summarizeSchedulerSessions = action({
  display: {
    label: "Summarize Scheduler Sessions",
    description:
      "Summarizes Scheduling Pro sessions over a period for one scheduler or all: sessions per day, week or month; opened and engaged completion rates; abandoned sessions by the step where they stopped; the most selected trades; and sessions and bookings per marketing source (UTM fields and campaign). With Chart, it also returns the funnel and the volume per period as an SVG image file, for a report e-mail.",
  },
  inputs: {
    connection: connectionInput,
    schedulerId: schedulerIdInput,
    ...periodInputs,
    groupBy: input({
      label: "Group By",
      type: "string",
      required: true,
      default: "day",
      model: [
        { label: "Day", value: "day" },
        { label: "Week (starting Monday)", value: "week" },
        { label: "Month", value: "month" },
      ],
      comments: "How to bucket session counts over time.",
      example: "week",
      clean: cleanEnum("Group By", ["day", "week", "month"], { required: true }),
    }),
    timeZone: timeZoneInput,
    topTrades: input({
      label: "Top Trades",
      type: "string",
      required: false,
      default: "10",
      comments: "How many of the most selected trades/services to list (1 to 100).",
      example: "5",
      clean: (v: unknown) => cleanInteger("Top Trades", { min: 1, max: 100 })(v) ?? 10,
    }),
    chart: input({
      label: "Chart",
      type: "string",
      required: false,
      default: "none",
      model: [
        { label: "No chart", value: "none" },
        { label: "SVG image (file)", value: "svg" },
      ],
      comments:
        "SVG image adds a chart to the result under chart: the funnel (sessions, engaged, booked) and the sessions per day, week or month as an image/svg+xml file, ready to attach to an e-mail or upload to a file store.",
      example: "svg",
      clean: (v: unknown) => cleanEnum("Chart", ["none", "svg"])(v) ?? "none",
    }),
  },
  performSafety: "safe",
  examplePayload: {
    data: {
      period: { createdOnOrAfter: "2026-01-01T00:00:00Z", createdBefore: "2026-02-01T00:00:00Z", groupBy: "week", timeZone: "UTC" },
      schedulers: [{ id: "sch-abc123", name: "Main Website" }],
      totals: { sessions: 540, engaged: 390, booked: 131, jobs: 92, bookings: 39, abandoned: 259, openedCompletionRate: 0.2426, engagedCompletionRate: 0.3359, customerContactsCaptured: 188 },
      periods: [{ period: "2025-12-29", sessions: 80, engaged: 58, booked: 20, jobs: 14, bookings: 6, abandoned: 38, openedCompletionRate: 0.25, engagedCompletionRate: 0.3448 }],
      dropoff: [{ step: "zipcode", sessions: 71, share: 0.2741 }],
      topTrades: [{ trade: "HVAC", sessions: 160, booked: 52, completionRate: 0.325 }],
      attribution: [{ source: "Google Ads", utmSource: "google", utmMedium: "cpc", utmCampaign: "spring-tuneup", campaignName: "Spring Tune-Up", sessions: 120, engaged: 90, booked: 33, jobs: 25, bookings: 8, abandoned: 57, openedCompletionRate: 0.275 }],
      // The designer shows the file's bytes as text; the step's result holds a Buffer.
      chart: { data: '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" role="img">… (the chart\'s bytes)</svg>' as unknown as Buffer, contentType: SVG_CONTENT_TYPE },
    },
  },
  outputSchema: shapeOutput({
    period: { createdOnOrAfter: "s:date-time", createdBefore: "s:date-time", groupBy: "s=day|week|month", timeZone: "s" },
    schedulers: [{ id: "s", name: "s?" }],
    totals: { sessions: "i", engaged: "i", booked: "i", jobs: "i", bookings: "i", abandoned: "i", openedCompletionRate: "n?", engagedCompletionRate: "n?", customerContactsCaptured: "i" },
    periods: [{ period: "s", sessions: "i", engaged: "i", booked: "i", jobs: "i", bookings: "i", abandoned: "i", openedCompletionRate: "n?", engagedCompletionRate: "n?" }],
    dropoff: [{ step: "s", sessions: "i", share: "n?" }],
    topTrades: [{ trade: "s", sessions: "i", booked: "i", completionRate: "n?" }],
    attribution: [{ source: "s", utmSource: "s?", utmMedium: "s?", utmCampaign: "s?", campaignName: "s?", sessions: "i", engaged: "i", booked: "i", jobs: "i", bookings: "i", abandoned: "i", openedCompletionRate: "n?" }],
    // only with Chart: SVG image; a file as Prismatic passes files between steps
    chart: { data: "s:binary", contentType: `s=${SVG_CONTENT_TYPE}` },
  }),
  perform: async (context, params) => {
    checkDateRange("Sessions Created On or After", params.createdOnOrAfter, "Sessions Created Before", params.createdBefore);
    const client = clientFor(context, params);
    const all = await listSchedulers(client);
    const schedulers = params.schedulerId ? all.filter((s) => s.id === params.schedulerId) : all;
    if (params.schedulerId && schedulers.length === 0) schedulers.push({ id: params.schedulerId });
    const sessions = await sessionsInPeriod(client, schedulers.map((s) => s.id), params.createdOnOrAfter as string, params.createdBefore as string);
    const groupBy = params.groupBy as "day" | "week" | "month";
    const summary = summarizeSessions(sessions, groupBy, params.timeZone, params.topTrades);
    const subject = params.schedulerId ? (schedulers[0].name ?? schedulers[0].id) : `All schedulers (${schedulers.length})`;
    const chart =
      params.chart === "svg"
        ? { chart: sessionsChartFile({ subject, from: String(params.createdOnOrAfter), to: String(params.createdBefore), groupBy, totals: summary.totals, periods: summary.periods }) }
        : {};
    return {
      data: {
        period: { createdOnOrAfter: params.createdOnOrAfter, createdBefore: params.createdBefore, groupBy: params.groupBy, timeZone: params.timeZone },
        schedulers: schedulers.map((s) => ({ id: s.id, name: s.name ?? null })),
        ...summary,
        ...chart,
      },
    };
  },
});
withInputChecks(summarizeSchedulerSessions.perform, checkPeriod); // joins the list of invalid inputs (src/inputs/allErrors.ts)
