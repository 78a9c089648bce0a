/**
 * The Scheduling Pro summary as a picture (issue 15 item 14): the funnel (sessions → engaged → booked)
 * and the session volume per day, week or month, drawn as one SVG for a weekly report e-mail or a
 * dashboard. Pure and deterministic: the same summary gives the same bytes (no clock, no randomness,
 * fixed number formats). Every text from the tenant is XML-escaped, and the picture carries a <title>
 * and a <desc> that say in words what it shows, for screen readers and mail clients that block images.
 *
 * Hand-written rather than a charting library: two bar groups need no layout engine, and a library
 * would add a browser-oriented dependency to a server-side bundle for a few dozen lines.
 */

export interface ChartCounts {
  sessions: number;
  engaged: number;
  booked: number;
}

export interface ChartInput {
  /** What the chart is about, e.g. "Main Website" or "All schedulers". */
  subject: string;
  /** The period as the flow gave it. */
  from: string;
  to: string;
  groupBy: "day" | "week" | "month";
  totals: ChartCounts;
  periods: Array<{ period: string } & ChartCounts>;
}

export const SVG_CONTENT_TYPE = "image/svg+xml";

const WIDTH = 720;
const MARGIN = 24;
const LABEL_WIDTH = 96;
const FUNNEL_TOP = 84;
const FUNNEL_ROW = 34;
const FUNNEL_BAR = 22;
const VOLUME_TOP = FUNNEL_TOP + 3 * FUNNEL_ROW + 44;
const VOLUME_HEIGHT = 160;
const AXIS_LABELS = 8;
const HEIGHT = VOLUME_TOP + VOLUME_HEIGHT + 56;
/** The widest a bar may be: the plot area right of the row labels, less room for the figure after it. */
export const FUNNEL_MAX_WIDTH = WIDTH - 2 * MARGIN - LABEL_WIDTH - 120;
export const VOLUME_PLOT_WIDTH = WIDTH - 2 * MARGIN - 40;
export const VOLUME_PLOT_HEIGHT = VOLUME_HEIGHT;

const COLOURS = { sessions: "#4a6fa5", engaged: "#6b9bd1", booked: "#2e8b57", axis: "#555555", text: "#222222" };

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, newline and return; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a quoted attribute. */
export const xmlEscape = (text: string): string =>
  text
    .replace(NOT_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** A length rounded to two decimals, written without trailing zeros (deterministic across platforms). */
const px = (n: number): string => String(Math.round(n * 100) / 100);
const count = (n: number): string => n.toLocaleString("en-US");
const percent = (part: number, whole: number): string => (whole === 0 ? "–" : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`);

/** A bar's length in proportion to the largest value (0 when there is nothing to compare with). */
export const barLength = (value: number, max: number, full: number): number => (max <= 0 ? 0 : (Math.max(0, value) / max) * full);

const text = (x: number, y: number, content: string, attrs = ""): string =>
  `<text x="${px(x)}" y="${px(y)}"${attrs ? ` ${attrs}` : ""}>${xmlEscape(content)}</text>`;

const PER = { day: "day", week: "week (starting Monday)", month: "month" } as const;

/** The chart's words for screen readers: the whole picture in two sentences. */
export const chartDescription = (input: ChartInput): string => {
  const { sessions, engaged, booked } = input.totals;
  const funnel =
    sessions === 0
      ? `No scheduler sessions between ${input.from} and ${input.to}.`
      : `${count(sessions)} sessions between ${input.from} and ${input.to}: ${count(engaged)} engaged (${percent(engaged, sessions)}) and ${count(booked)} booked (${percent(booked, sessions)}).`;
  const busiest = [...input.periods].sort((a, b) => b.sessions - a.sessions || (a.period < b.period ? -1 : 1))[0];
  const volume =
    busiest && busiest.sessions > 0
      ? ` Sessions per ${input.groupBy} over ${input.periods.length} period(s); the busiest was ${busiest.period} with ${count(busiest.sessions)}.`
      : "";
  return funnel + volume;
};

const funnelRows = (totals: ChartCounts): string[] => {
  const steps: Array<[string, number, string]> = [
    ["Sessions", totals.sessions, COLOURS.sessions],
    ["Engaged", totals.engaged, COLOURS.engaged],
    ["Booked", totals.booked, COLOURS.booked],
  ];
  const max = Math.max(totals.sessions, totals.engaged, totals.booked);
  const x0 = MARGIN + LABEL_WIDTH;
  return steps.flatMap(([label, value, colour], i) => {
    const y = FUNNEL_TOP + i * FUNNEL_ROW;
    const width = barLength(value, max, FUNNEL_MAX_WIDTH);
    const share = i === 0 ? "" : ` (${percent(value, totals.sessions)})`;
    return [
      text(MARGIN, y + FUNNEL_BAR * 0.72, label, `font-size="13"`),
      `<rect class="funnel" data-step="${label.toLowerCase()}" data-value="${value}" x="${px(x0)}" y="${px(y)}" width="${px(width)}" height="${FUNNEL_BAR}" fill="${colour}"/>`,
      text(x0 + width + 8, y + FUNNEL_BAR * 0.72, `${count(value)}${share}`, `font-size="13"`),
    ];
  });
};

const volumeBars = (input: ChartInput): string[] => {
  const x0 = MARGIN + 40;
  const bottom = VOLUME_TOP + VOLUME_HEIGHT;
  const out = [
    text(MARGIN, VOLUME_TOP - 14, `Sessions per ${PER[input.groupBy]}`, `font-size="14" font-weight="bold"`),
    `<line x1="${px(x0)}" y1="${px(bottom)}" x2="${px(x0 + VOLUME_PLOT_WIDTH)}" y2="${px(bottom)}" stroke="${COLOURS.axis}"/>`,
  ];
  const max = Math.max(0, ...input.periods.map((p) => p.sessions));
  if (max === 0) {
    out.push(
      text(x0 + VOLUME_PLOT_WIDTH / 2, VOLUME_TOP + VOLUME_HEIGHT / 2, "No sessions in this period", `font-size="13" text-anchor="middle"`),
    );
    return out;
  }
  out.push(
    text(x0 - 6, VOLUME_TOP + 10, count(max), `font-size="11" text-anchor="end"`),
    text(x0 - 6, bottom, "0", `font-size="11" text-anchor="end"`),
  );
  const slot = VOLUME_PLOT_WIDTH / input.periods.length;
  const gap = Math.min(4, slot * 0.2);
  const every = Math.ceil(input.periods.length / AXIS_LABELS);
  input.periods.forEach((p, i) => {
    const x = x0 + i * slot + gap / 2;
    const h = barLength(p.sessions, max, VOLUME_HEIGHT);
    const hBooked = barLength(p.booked, max, VOLUME_HEIGHT);
    const w = slot - gap;
    out.push(
      `<rect class="volume" data-period="${xmlEscape(p.period)}" data-value="${p.sessions}" x="${px(x)}" y="${px(bottom - h)}" width="${px(w)}" height="${px(h)}" fill="${COLOURS.sessions}"><title>${xmlEscape(`${p.period}: ${count(p.sessions)} sessions, ${count(p.booked)} booked`)}</title></rect>`,
      `<rect class="volume-booked" data-period="${xmlEscape(p.period)}" data-value="${p.booked}" x="${px(x)}" y="${px(bottom - hBooked)}" width="${px(w)}" height="${px(hBooked)}" fill="${COLOURS.booked}"/>`,
    );
    if (i % every === 0) out.push(text(x + w / 2, bottom + 16, p.period, `font-size="10" text-anchor="middle"`));
  });
  const legendY = bottom + 40;
  out.push(
    `<rect x="${px(x0)}" y="${px(legendY - 10)}" width="12" height="12" fill="${COLOURS.sessions}"/>`,
    text(x0 + 18, legendY, "Sessions", `font-size="12"`),
    `<rect x="${px(x0 + 100)}" y="${px(legendY - 10)}" width="12" height="12" fill="${COLOURS.booked}"/>`,
    text(x0 + 118, legendY, "Booked", `font-size="12"`),
  );
  return out;
};

/** The whole chart as SVG text (UTF-8). */
export const sessionsChartSvg = (input: ChartInput): string => {
  const title = `Scheduler sessions: ${input.subject}, ${input.from} to ${input.to}`;
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(MARGIN, 32, title, `font-size="16" font-weight="bold"`),
    text(
      MARGIN,
      56,
      input.totals.sessions === 0 ? "No sessions in this period." : "Funnel: sessions → engaged → booked",
      `font-size="12" fill="${COLOURS.axis}"`,
    ),
    ...funnelRows(input.totals),
    ...volumeBars(input),
  ];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" fill="${COLOURS.text}">`,
    `<title id="chart-title">${xmlEscape(title)}</title>`,
    `<desc id="chart-desc">${xmlEscape(chartDescription(input))}</desc>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
};

/** The chart as Prismatic file data: `{ data: Buffer, contentType }`, as a later step (an e-mail attachment, an upload) takes it. */
export const sessionsChartFile = (input: ChartInput): { data: Buffer; contentType: string } => ({
  data: Buffer.from(sessionsChartSvg(input), "utf8"),
  contentType: SVG_CONTENT_TYPE,
});
