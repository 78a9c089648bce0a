/**
 * Scheduling Pro end to end against the sandbox: the summary's numbers must equal values computed here,
 * independently, from the raw sessions (fetched with plain HTTP, not through the component).
 */
import type { Sandbox } from "../../sandbox/server";
import type { Connection } from "@prismatic-io/spectral";
import { spectral as harness, useSandbox } from "../support/harness";
import { elements, parseXml } from "../support/xml";

type Raw = {
  id: string; createdOn: string; schedulerId: string; jobId: number | null; bookingId: number | null; lastStep: string;
  category: string | null; campaignName: string | null;
  customer: { firstName: string | null; lastName: string | null; phone: string | null; email: string | null };
  sourceTracking: { marketingSource: string | null; utmSource: string | null; utmMedium: string | null; utmCampaign: string | null };
};

let sandbox: Sandbox;
let connection: Connection;
let token: string;
const FROM = "2026-02-01T00:00:00Z";
const BEFORE = "2026-04-01T00:00:00Z";

const rawGet = async (path: string): Promise<any> => {
  const res = await fetch(`${sandbox.url}/schedulingpro/v2/tenant/${sandbox.credentials.tenant}${path}`, {
    headers: { Authorization: `Bearer ${token}`, "ST-App-Key": sandbox.credentials.appKey },
  });
  expect(res.status).toBe(200);
  return res.json();
};
const rawAll = async (path: string): Promise<Raw[]> => {
  const out: Raw[] = [];
  for (let page = 1; ; page++) {
    const body = await rawGet(`${path}${path.includes("?") ? "&" : "?"}page=${page}&pageSize=500`);
    out.push(...body.data);
    if (!body.hasMore) return out;
  }
};

const t = useSandbox();
beforeAll(() => {
  ({ sb: sandbox, connection } = t);
  token = (connection.token as { access_token: string }).access_token;
});

const schedulers = async (): Promise<Array<{ id: string; name: string }>> => (await rawGet("/schedulers?pageSize=50")).data;
const sessionsOf = async (id: string) =>
  rawAll(`/schedulers/${id}/sessions?createdOnOrAfter=${encodeURIComponent(FROM)}&createdBefore=${encodeURIComponent(BEFORE)}`);

test("the sandbox holds a few thousand sessions with a spread of outcomes", async () => {
  const all = (await Promise.all((await schedulers()).map((s) => rawAll(`/schedulers/${s.id}/sessions`)))).flat();
  expect(all.length).toBeGreaterThan(2000);
  const booked = all.filter((s) => s.jobId !== null || s.bookingId !== null).length;
  const stoppedShort = all.filter((s) => s.lastStep !== "opened" && s.jobId === null && s.bookingId === null).length;
  expect(booked / all.length).toBeGreaterThan(0.1);
  expect(stoppedShort / all.length).toBeGreaterThan(0.2);
  expect(new Set(all.map((s) => s.category)).size).toBeGreaterThan(4);
});

test("Summarize Scheduler Sessions over all schedulers equals the numbers computed from the raw sessions", async () => {
  const raw = (await Promise.all((await schedulers()).map((s) => sessionsOf(s.id)))).flat();
  const result = (await harness.action("summarizeSchedulerSessions", {
    connection, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "month", timeZone: "UTC", topTrades: "3",
  })) as { data: any };
  const d = result.data;

  const isBooked = (s: Raw) => s.jobId !== null || s.bookingId !== null;
  const isEngaged = (s: Raw) => s.lastStep !== "opened";
  const booked = raw.filter(isBooked).length;
  const engaged = raw.filter(isEngaged).length;
  const abandonedList = raw.filter((s) => isEngaged(s) && !isBooked(s));
  expect(d.totals.sessions).toBe(raw.length);
  expect(d.totals.booked).toBe(booked);
  expect(d.totals.engaged).toBe(engaged);
  expect(d.totals.abandoned).toBe(abandonedList.length);
  expect(d.totals.jobs).toBe(raw.filter((s) => s.jobId !== null).length);
  expect(d.totals.openedCompletionRate).toBeCloseTo(booked / raw.length, 4);
  expect(d.totals.engagedCompletionRate).toBeCloseTo(booked / engaged, 4);
  const names = new Set(raw.filter((s) => s.customer.firstName || s.customer.lastName).map((s) => `${s.customer.firstName ?? ""} ${s.customer.lastName ?? ""}`.trim().toLowerCase()));
  expect(d.totals.customerContactsCaptured).toBe(names.size);

  // Per month
  const months: Record<string, number> = {};
  for (const s of raw) months[s.createdOn.slice(0, 7)] = (months[s.createdOn.slice(0, 7)] ?? 0) + 1;
  expect(Object.fromEntries(d.periods.map((p: any) => [p.period, p.sessions]))).toEqual(months);

  // Drop-off histogram
  const hist: Record<string, number> = {};
  for (const s of abandonedList) hist[s.lastStep] = (hist[s.lastStep] ?? 0) + 1;
  expect(Object.fromEntries(d.dropoff.map((x: any) => [x.step, x.sessions]))).toEqual(hist);

  // Top trades
  const trades: Record<string, number> = {};
  for (const s of raw) if (s.category) trades[s.category] = (trades[s.category] ?? 0) + 1;
  const top3 = Object.entries(trades).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  expect(d.topTrades.map((t: any) => [t.trade, t.sessions])).toEqual(top3);

  // Attribution: sessions and bookings per marketing source
  const bySource: Record<string, { sessions: number; booked: number }> = {};
  for (const s of raw) {
    const src = s.sourceTracking.marketingSource ?? s.sourceTracking.utmSource ?? "Unattributed";
    bySource[src] ??= { sessions: 0, booked: 0 };
    bySource[src].sessions += 1;
    if (isBooked(s)) bySource[src].booked += 1;
  }
  const ours: Record<string, { sessions: number; booked: number }> = {};
  for (const a of d.attribution) {
    ours[a.source] ??= { sessions: 0, booked: 0 };
    ours[a.source].sessions += a.sessions;
    ours[a.source].booked += a.booked;
  }
  expect(ours).toEqual(bySource);
});

test("weekly buckets start on Monday and days follow the chosen time zone", async () => {
  const [first] = await schedulers();
  const raw = await sessionsOf(first.id);
  const weekly = (await harness.action("summarizeSchedulerSessions", { connection, schedulerId: first.id, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "week" })) as { data: any };
  for (const p of weekly.data.periods) expect(new Date(`${p.period}T00:00:00Z`).getUTCDay()).toBe(1);
  expect(weekly.data.periods.reduce((n: number, p: any) => n + p.sessions, 0)).toBe(raw.length);
  const daily = (await harness.action("summarizeSchedulerSessions", { connection, schedulerId: first.id, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "day", timeZone: "Pacific/Auckland" })) as { data: any };
  const nzDays: Record<string, number> = {};
  for (const s of raw) {
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date(s.createdOn));
    nzDays[day] = (nzDays[day] ?? 0) + 1;
  }
  expect(Object.fromEntries(daily.data.periods.map((p: any) => [p.period, p.sessions]))).toEqual(nzDays);
});

test("with Chart, the summary adds its funnel and weekly volume as an SVG file whose bars carry the raw sessions' numbers", async () => {
  const [first] = await schedulers();
  const raw = await sessionsOf(first.id);
  const params = { connection, schedulerId: first.id, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "week", timeZone: "UTC" };
  const plain = (await harness.action("summarizeSchedulerSessions", params)) as { data: any };
  expect(plain.data).not.toHaveProperty("chart");
  const charted = (await harness.action("summarizeSchedulerSessions", { ...params, chart: "svg" })) as { data: any };
  const { chart, ...summary } = charted.data;
  expect(summary).toEqual(plain.data); // the chart is added, nothing else changes
  expect(chart.contentType).toBe("image/svg+xml");
  expect(Buffer.isBuffer(chart.data)).toBe(true);

  const svg = parseXml(chart.data.toString("utf8"));
  const rects = (cls: string) => elements(svg, (e) => e.name === "rect" && e.attributes.class === cls);
  const booked = raw.filter((s) => s.jobId !== null || s.bookingId !== null).length;
  const engaged = raw.filter((s) => s.lastStep !== "opened").length;
  expect(rects("funnel").map((r) => [r.attributes["data-step"], Number(r.attributes["data-value"])])).toEqual([
    ["sessions", raw.length],
    ["engaged", engaged],
    ["booked", booked],
  ]);
  const widths = rects("funnel").map((r) => Number(r.attributes.width));
  expect(widths[2] / widths[0]).toBeCloseTo(booked / raw.length, 3);
  const weeks: Record<string, number> = {};
  for (const s of raw) {
    const d = new Date(s.createdOn);
    const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
    const key = monday.toISOString().slice(0, 10);
    weeks[key] = (weeks[key] ?? 0) + 1;
  }
  expect(Object.fromEntries(rects("volume").map((r) => [r.attributes["data-period"], Number(r.attributes["data-value"])]))).toEqual(weeks);
  expect(svg.children[0].text).toBe(`Scheduler sessions: ${first.name}, ${FROM} to ${BEFORE}`);
  expect(svg.children[1].name).toBe("desc");
  expect(svg.children[1].text).toContain(`${raw.length.toLocaleString("en-US")} sessions`);
});

test("with Chart and no sessions in the period, the chart says so", async () => {
  const result = (await harness.action("summarizeSchedulerSessions", {
    connection, createdOnOrAfter: "2020-01-01", createdBefore: "2020-01-08", groupBy: "day", chart: "svg",
  })) as { data: any };
  expect(result.data.totals.sessions).toBe(0);
  const svg = parseXml(result.data.chart.data.toString("utf8"));
  expect(svg.children[1].text).toBe("No scheduler sessions between 2020-01-01T00:00:00Z and 2020-01-08T00:00:00Z.");
  expect(elements(svg, (e) => e.attributes.class === "volume")).toEqual([]);
});

test("Chart refuses a value it does not offer, before sending", async () => {
  const before = sandbox.requests.length;
  await expect(harness.action("summarizeSchedulerSessions", { connection, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "day", chart: "png" })).rejects.toThrow(/Chart/);
  expect(sandbox.requests.length).toBe(before);
});

test("Scheduler Performance names the metrics plainly and agrees with the session summary", async () => {
  const [first] = await schedulers();
  const perf = (await harness.action("getSchedulerPerformance", { connection, schedulerId: first.id, sessionCreatedOnOrAfter: FROM, sessionCreatedBefore: BEFORE })) as { data: any };
  const summary = (await harness.action("summarizeSchedulerSessions", { connection, schedulerId: first.id, createdOnOrAfter: FROM, createdBefore: BEFORE, groupBy: "month" })) as { data: any };
  const m = perf.data.metrics;
  expect(m.totalSessions).toBe(summary.data.totals.sessions);
  expect(m.openedCompletionRate).toBeCloseTo(summary.data.totals.openedCompletionRate, 3);
  expect(m.engagedCompletionRate).toBeCloseTo(summary.data.totals.engagedCompletionRate, 3);
  expect(m.customerContactsCaptured).toBe(summary.data.totals.customerContactsCaptured);
  expect(m.totalJobsCreated).toBe(summary.data.totals.jobs);
  expect(m.milestones.booked).toBe(summary.data.totals.booked);
  expect(perf.data.raw.schedulerCompletionRate).toBe(m.engagedCompletionRate);
});

describe("Scheduler Performance refuses a bad period before sending", () => {
  const sent = () => sandbox.requests.filter((r) => r.path.includes("/performance")).length;
  test.each([
    ["without a start", { sessionCreatedBefore: BEFORE }, /Sessions Created On or After/],
    ["without an end", { sessionCreatedOnOrAfter: FROM }, /Sessions Created Before/],
    ["with the range reversed", { sessionCreatedOnOrAfter: BEFORE, sessionCreatedBefore: FROM }, /Sessions Created On or After and Sessions Created Before: expected .* to be before/],
    ["with an impossible date", { sessionCreatedOnOrAfter: "2026-02-30", sessionCreatedBefore: BEFORE }, /Sessions Created On or After: expected a real date/],
    ["with free text", { sessionCreatedOnOrAfter: "last month", sessionCreatedBefore: BEFORE }, /Sessions Created On or After: expected an ISO 8601/],
  ])("%s", async (_name, window, message) => {
    const [first] = await schedulers();
    const before = sent();
    await expect(harness.action("getSchedulerPerformance", { connection, schedulerId: first.id, ...window })).rejects.toThrow(message);
    expect(sent()).toBe(before);
  });
  test("the summary refuses a reversed range too", async () => {
    await expect(harness.action("summarizeSchedulerSessions", { connection, createdOnOrAfter: BEFORE, createdBefore: FROM, groupBy: "day" })).rejects.toThrow(/to be before/);
  });
});

test("Scheduler Leads lists each person who stopped short once, newest session first, with contact details", async () => {
  const raw = (await Promise.all((await schedulers()).map((s) => sessionsOf(s.id)))).flat();
  const result = (await harness.action("listSchedulerLeads", { connection, createdOnOrAfter: FROM, createdBefore: BEFORE, outcome: "abandoned", onePerPerson: "false" })) as { data: any };
  const expected = raw.filter((s) => s.lastStep !== "opened" && s.jobId === null && s.bookingId === null && (s.customer.firstName || s.customer.phone || s.customer.email));
  expect(result.data.count).toBe(expected.length);
  expect(result.data.leads.every((l: any) => l.outcome === "abandoned" && (l.phone || l.email || l.name))).toBe(true);
  const times = result.data.leads.map((l: any) => l.sessionCreatedOn);
  expect([...times].sort().reverse()).toEqual(times);
  const deduped = (await harness.action("listSchedulerLeads", { connection, createdOnOrAfter: FROM, createdBefore: BEFORE, outcome: "abandoned" })) as { data: any };
  const phones = deduped.data.leads.map((l: any) => l.phone).filter(Boolean);
  expect(new Set(phones).size).toBe(phones.length);
  expect(deduped.data.count).toBeLessThanOrEqual(result.data.count);
  const booked = (await harness.action("listSchedulerLeads", { connection, createdOnOrAfter: FROM, createdBefore: BEFORE, outcome: "booked", onePerPerson: "false" })) as { data: any };
  expect(booked.data.count).toBe(raw.filter((s) => (s.jobId !== null || s.bookingId !== null) && (s.customer.firstName || s.customer.phone || s.customer.email)).length);
});
