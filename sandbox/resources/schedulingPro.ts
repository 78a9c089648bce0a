/**
 * Scheduling Pro: schedulers, routers and a few thousand booking sessions with a realistic spread of
 * outcomes, funnel steps, trades and marketing attribution; performance computed from the sessions
 * the way ServiceTitan describes it (seed 002):
 *   - opened completion rate  = sessions that booked a job or booking ÷ sessions opened
 *   - engaged completion rate = sessions that booked ÷ sessions where the customer gave any information
 *   - customer contacts captured = distinct customer names captured
 *   - milestones = how many sessions reached each step of the scheduler
 * Data is generated once per sandbox from its seed, over fixed dates in 2026 (independent of the clock).
 */
import { ApiError, badRequest, type FieldErrors } from "../problem";
import { Prng } from "../prng";
import type { HandlerContext, RouteDef } from "../router";
import { paginate, parseDateParam, parseListQuery, type Predicate } from "../paging";
import type { Rec, Store } from "../store";
import { route } from "./common";

/** Funnel steps in order; a session's lastStep is the furthest it reached. */
export const FUNNEL = ["opened", "zipcode", "issue", "schedule", "customer", "details", "booked"] as const;
export type FunnelStep = (typeof FUNNEL)[number];

export interface SpSession {
  id: string;
  createdOn: string;
  modifiedOn: string;
  lastCheckinDate: string;
  sessionOutcome: "Job" | "Booking" | "Abandoned" | "NoInteraction";
  schedulerId: string;
  routerId: string | null;
  jobId: number | null;
  bookingId: number | null;
  leadId: number | null;
  category: string | null;
  jobTypeId: number | null;
  businessUnitId: number | null;
  customer: {
    isNewCustomer: boolean;
    id: number | null;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phone: string | null;
    locationId: number | null;
    isNewLocation: boolean;
    address: { street: string; unit: string | null; city: string; state: string; zip: string; country: string } | null;
  };
  customerResponses: string[];
  notes: string | null;
  sourceTracking: {
    campaignId: string | null;
    landingPageUrl: string | null;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    bookedFrom: string | null;
    marketingSource: string | null;
  };
  lastStep: FunnelStep;
  campaignName: string | null;
}

export interface SpScheduler {
  id: string;
  name: string;
  companyName: string;
  createdOn: string;
  modifiedOn: string;
  schedulerStatus: string;
  dataApiKey: string;
  isDefault: boolean;
  mode: string;
  quickLaunchLink: string;
}

export interface SpData {
  schedulers: SpScheduler[];
  routers: Array<{ id: string; name: string }>;
  sessions: SpSession[];
}

const TRADES = ["HVAC", "Plumbing", "Electrical", "Drains", "Water Heaters", "Indoor Air Quality"];
const SOURCES: Array<{ utmSource: string | null; utmMedium: string | null; utmCampaign: string | null; marketingSource: string; campaignName: string }> = [
  { utmSource: "google", utmMedium: "cpc", utmCampaign: "spring-tuneup", marketingSource: "Google Ads", campaignName: "Spring Tune-Up" },
  { utmSource: "google", utmMedium: "organic", utmCampaign: null, marketingSource: "Google Business Profile", campaignName: "Book Online" },
  { utmSource: "facebook", utmMedium: "paid-social", utmCampaign: "water-heater-promo", marketingSource: "Facebook", campaignName: "Water Heater Promo" },
  { utmSource: "newsletter", utmMedium: "email", utmCampaign: "member-reminder", marketingSource: "Email", campaignName: "Member Reminder" },
  { utmSource: null, utmMedium: null, utmCampaign: null, marketingSource: "Website", campaignName: "Website" },
];
const FIRST = ["Alex", "Brooke", "Chris", "Dana", "Eli", "Frankie", "Gray", "Hayden", "Indy", "Jamie", "Kai", "Lee"];
const LAST = ["Adams", "Baker", "Chen", "Dubois", "Evans", "Flores", "Grant", "Hill", "Ibarra", "James", "Khan", "Lane"];
const PERIOD_START = Date.UTC(2026, 0, 1);
const PERIOD_DAYS = 181; // Jan 1 – Jun 30, 2026

const cache = new WeakMap<Store, SpData>();

/** How many sessions the sandbox generates (a few thousand, spread over three schedulers). */
export const SESSION_COUNT = 3600;

export const generateSchedulingPro = (seed: number, sessionCount = SESSION_COUNT): SpData => {
  const rng = new Prng(seed * 7919 + 17);
  const schedulers: SpScheduler[] = [
    ["Main Website", "Acme Home Services", true, "Website"],
    ["Members Page", "Acme Home Services", false, "Website"],
    ["Call Center", "Acme Commercial", true, "Call_Center"],
  ].map(([name, companyName, isDefault, mode], i) => ({
    id: `sch-${(1001 + i).toString(36)}-${rng.digits(6)}`,
    name: String(name),
    companyName: String(companyName),
    createdOn: new Date(Date.UTC(2025, 5 + i, 3)).toISOString(),
    modifiedOn: new Date(Date.UTC(2025, 10, 12 + i)).toISOString(),
    schedulerStatus: "Active",
    dataApiKey: `dk-${rng.digits(12)}`,
    isDefault: Boolean(isDefault),
    mode: String(mode),
    quickLaunchLink: `https://book.example.com/s/${i + 1}`,
  }));
  const routers = [
    { id: `rtr-${rng.digits(6)}`, name: "Brand Router" },
    { id: `rtr-${rng.digits(6)}`, name: "Commercial Router" },
  ];
  // Weighted towards the first scheduler; funnel drop-off probabilities per step.
  const advance = [0.72, 0.85, 0.8, 0.78, 0.9, 0.82]; // P(reach step i+1 | reached step i)
  const sessions: SpSession[] = [];
  let jobId = 5_000_000;
  let bookingId = 6_000_000;
  let leadId = 7_000_000;
  for (let n = 0; n < sessionCount; n++) {
    const scheduler = schedulers[rng.next() < 0.55 ? 0 : rng.next() < 0.6 ? 1 : 2];
    const created = PERIOD_START + Math.floor(rng.next() * PERIOD_DAYS * 86_400_000);
    let step = 0;
    while (step < FUNNEL.length - 1 && rng.next() < advance[step]) step += 1;
    const lastStep = FUNNEL[step];
    const booked = lastStep === "booked";
    const asJob = booked && (scheduler.mode === "Call_Center" ? false : rng.next() < 0.7);
    const hasName = step >= FUNNEL.indexOf("customer");
    const person = rng.int(0, FIRST.length * LAST.length - 1);
    const firstName = hasName ? FIRST[person % FIRST.length] : null;
    const lastName = hasName ? LAST[Math.floor(person / FIRST.length) % LAST.length] : null;
    const source = SOURCES[Math.min(SOURCES.length - 1, Math.floor(rng.next() ** 1.4 * SOURCES.length))];
    const trade = step >= FUNNEL.indexOf("issue") ? TRADES[Math.min(TRADES.length - 1, Math.floor(rng.next() ** 1.6 * TRADES.length))] : null;
    const modified = created + rng.int(1, 40) * 60_000;
    sessions.push({
      id: `ses-${n.toString(36).padStart(5, "0")}-${rng.digits(4)}`,
      createdOn: new Date(created).toISOString(),
      modifiedOn: new Date(modified).toISOString(),
      lastCheckinDate: new Date(modified).toISOString(),
      sessionOutcome: booked ? (asJob ? "Job" : "Booking") : step === 0 ? "NoInteraction" : "Abandoned",
      schedulerId: scheduler.id,
      routerId: rng.next() < 0.4 ? routers[rng.int(0, 1)].id : null,
      jobId: asJob ? ++jobId : null,
      bookingId: booked && !asJob ? ++bookingId : null,
      leadId: !booked && hasName && rng.next() < 0.3 ? ++leadId : null,
      category: trade,
      jobTypeId: trade ? 100 + TRADES.indexOf(trade) : null,
      businessUnitId: trade ? 10 + (TRADES.indexOf(trade) % 3) : null,
      customer: {
        isNewCustomer: rng.next() < 0.6,
        id: booked ? 8_000_000 + n : null,
        firstName,
        lastName,
        email: hasName && rng.next() < 0.85 ? `${firstName?.toLowerCase()}.${lastName?.toLowerCase()}@example.com` : null,
        phone: hasName ? `555${rng.digits(7)}` : null,
        locationId: booked ? 9_000_000 + n : null,
        isNewLocation: rng.next() < 0.5,
        address:
          step >= FUNNEL.indexOf("details")
            ? { street: `${rng.int(10, 9999)} Main St`, unit: null, city: "Springfield", state: "IL", zip: `627${rng.digits(2)}`, country: "USA" }
            : null,
      },
      customerResponses: trade ? [`Which ${trade.toLowerCase()} problem?`] : [],
      notes: null,
      sourceTracking: {
        campaignId: source.utmCampaign ? `cmp-${SOURCES.indexOf(source)}` : null,
        landingPageUrl: "https://www.example.com/book",
        utmSource: source.utmSource,
        utmMedium: source.utmMedium,
        utmCampaign: source.utmCampaign,
        bookedFrom: booked ? "Scheduler" : null,
        marketingSource: source.marketingSource,
      },
      lastStep,
      campaignName: source.campaignName,
    });
  }
  sessions.sort((a, b) => (a.createdOn < b.createdOn ? -1 : a.createdOn > b.createdOn ? 1 : a.id < b.id ? -1 : 1));
  return { schedulers, routers, sessions };
};

export const schedulingProData = (store: Store, seed: number): SpData => {
  let data = cache.get(store);
  if (!data) {
    data = generateSchedulingPro(seed);
    cache.set(store, data);
  }
  return data;
};

/** Did the customer give any information (got past merely opening the scheduler)? */
export const engaged = (s: SpSession): boolean => s.lastStep !== "opened";
export const bookedSession = (s: SpSession): boolean => s.jobId !== null || s.bookingId !== null;

const reached = (s: SpSession, step: FunnelStep): boolean => FUNNEL.indexOf(s.lastStep) >= FUNNEL.indexOf(step);

const round = (n: number): number => Math.round(n * 10000) / 10000;

/** Scheduler performance for sessions created in [after, before). */
export const schedulerPerformance = (scheduler: SpScheduler, sessions: SpSession[]) => {
  const opened = sessions.length;
  const interacted = sessions.filter(engaged).length;
  const booked = sessions.filter(bookedSession).length;
  const names = new Set(sessions.filter((s) => s.customer.firstName || s.customer.lastName).map((s) => `${s.customer.firstName ?? ""} ${s.customer.lastName ?? ""}`.trim().toLowerCase()));
  const abandoned = sessions.filter((s) => engaged(s) && !bookedSession(s));
  return {
    id: scheduler.id,
    schedulerName: scheduler.name,
    brandName: scheduler.companyName,
    schedulerCompletionRate: interacted ? round(booked / interacted) : 0,
    openedCompletionRate: opened ? round(booked / opened) : 0,
    totalCustomerContactsCaptured: names.size,
    totalJobsCreated: sessions.filter((s) => s.jobId !== null).length,
    totalBookingsCreated: sessions.filter((s) => s.bookingId !== null).length,
    totalAbandonedSessionsSentToBookings: abandoned.filter((s) => s.customer.phone !== null).length,
    totalAbandonedSessionsSentToLeads: sessions.filter((s) => s.leadId !== null).length,
    totalBookingsRecoveredFromAbandonedSessionsRecoveryLink: 0,
    totalJobsRecoveredFromAbandonedSessionsRecoveryLink: 0,
    totalBookingsRecoveredFromAbandonedSessionsAiAgent: 0,
    totalJobsRecoveredFromAbandonedSessionsAiAgent: 0,
    totalSmsSentToRecoverAbandonedSessionRecoveryLink: 0,
    totalSmsSentToRecoverAbandonedSessionAiAgent: 0,
    totalBookingsRecoveredFromAbandonedSessions: 0,
    totalJobsRecoveredFromAbandonedSessions: 0,
    totalMembershipInterest: 0,
    totalSessions: opened,
    milestoneFrequencyCount: {
      opened,
      zipcode: sessions.filter((s) => reached(s, "zipcode")).length,
      interacted,
      issue: sessions.filter((s) => reached(s, "issue")).length,
      schedule: sessions.filter((s) => reached(s, "schedule")).length,
      customer: sessions.filter((s) => reached(s, "customer")).length,
      details: sessions.filter((s) => reached(s, "details")).length,
      booked,
      abandoned: abandoned.length,
    },
  };
};

const sessionWindow = (ctx: HandlerContext): { after: number; before: number } => {
  const errors: FieldErrors = {};
  const after = parseDateParam(ctx.query, "sessionCreatedOnOrAfter", errors);
  const before = parseDateParam(ctx.query, "sessionCreatedBefore", errors);
  if (after === undefined && !errors.sessionCreatedOnOrAfter) errors.sessionCreatedOnOrAfter = ["The sessionCreatedOnOrAfter field is required."];
  if (before === undefined && !errors.sessionCreatedBefore) errors.sessionCreatedBefore = ["The sessionCreatedBefore field is required."];
  if (Object.keys(errors).length) throw badRequest(errors);
  return { after: Date.parse(after as string), before: Date.parse(before as string) };
};

/** createdOn/modifiedOn range filters, as on every ServiceTitan list. */
const rangePreds = (ctx: HandlerContext): Predicate[] => {
  const errors: FieldErrors = {};
  const preds: Predicate[] = [];
  const add = (name: string, field: "createdOn" | "modifiedOn", cmp: (v: number, t: number) => boolean) => {
    const raw = parseDateParam(ctx.query, name, errors);
    if (raw !== undefined) {
      const t = Date.parse(raw);
      preds.push((r) => cmp(Date.parse(String(r[field])), t));
    }
  };
  add("createdBefore", "createdOn", (v, t) => v < t);
  add("createdOnOrAfter", "createdOn", (v, t) => v >= t);
  add("modifiedBefore", "modifiedOn", (v, t) => v < t);
  add("modifiedOnOrAfter", "modifiedOn", (v, t) => v >= t);
  if (Object.keys(errors).length) throw badRequest(errors);
  return preds;
};

/** Public session view: the internal routerId is not part of ServiceTitan's session shape. */
const sessionView = (r: Rec): unknown => {
  const { routerId: _routerId, ...rest } = r as unknown as SpSession;
  return rest;
};

const listOf = (ctx: HandlerContext, recs: unknown[], view?: (r: Rec) => unknown) =>
  ({ status: 200, body: paginate(recs as Rec[], rangePreds(ctx), parseListQuery(ctx.query, ["createdOn", "modifiedOn"]), view) });

const data = (ctx: HandlerContext): SpData => schedulingProData(ctx.env.store, ctx.env.seed ?? 1);

const findScheduler = (ctx: HandlerContext): SpScheduler => {
  const s = data(ctx).schedulers.find((x) => x.id === ctx.params.id);
  if (!s) throw new ApiError(404, "Scheduler not found.", { id: [`Scheduler ${ctx.params.id} was not found.`] });
  return s;
};
const findRouter = (ctx: HandlerContext) => {
  const r = data(ctx).routers.find((x) => x.id === ctx.params.id);
  if (!r) throw new ApiError(404, "Router not found.", { id: [`Router ${ctx.params.id} was not found.`] });
  return r;
};

export const schedulingProRoutes = (): RouteDef[] => [
  route("schedulingpro", "GET", "/schedulers", (ctx) => listOf(ctx, data(ctx).schedulers), { kind: "list" }),
  route("schedulingpro", "GET", "/schedulers/{id}/sessions", (ctx) => {
    const s = findScheduler(ctx);
    return listOf(ctx, data(ctx).sessions.filter((x) => x.schedulerId === s.id), sessionView);
  }, { kind: "list" }),
  route("schedulingpro", "GET", "/schedulers/{id}/performance", (ctx) => {
    const s = findScheduler(ctx);
    const { after, before } = sessionWindow(ctx);
    const inWindow = data(ctx).sessions.filter((x) => x.schedulerId === s.id && Date.parse(x.createdOn) >= after && Date.parse(x.createdOn) < before);
    return { status: 200, body: schedulerPerformance(s, inWindow) };
  }),
  route("schedulingpro", "GET", "/routers/{id}/sessions", (ctx) => {
    const r = findRouter(ctx);
    return listOf(ctx, data(ctx).sessions.filter((x) => x.routerId === r.id), sessionView);
  }, { kind: "list" }),
  route("schedulingpro", "GET", "/routers/{id}/performance", (ctx) => {
    const r = findRouter(ctx);
    const { after, before } = sessionWindow(ctx);
    const inWindow = data(ctx).sessions.filter((x) => x.routerId === r.id && Date.parse(x.createdOn) >= after && Date.parse(x.createdOn) < before);
    const bySched = new Map<string, number>();
    for (const s of inWindow) bySched.set(s.schedulerId, (bySched.get(s.schedulerId) ?? 0) + 1);
    return {
      status: 200,
      body: {
        id: r.id,
        openedCount: inWindow.length,
        interactedCount: inWindow.filter(engaged).length,
        sessionCountBySchedulerId: [...bySched.entries()].map(([schedulerId, openedCount]) => ({ schedulerId, openedCount })),
      },
    };
  }),
];
