/**
 * The Scheduling Pro chart (issue 15 item 14) as a pure function: well-formed XML (read by a strict XML
 * parser), bars in proportion to the numbers, tenant text escaped, the same bytes for the same summary,
 * words for screen readers, and a sensible picture when there are no sessions.
 */
import {
  barLength,
  type ChartInput,
  chartDescription,
  FUNNEL_MAX_WIDTH,
  SVG_CONTENT_TYPE,
  sessionsChartFile,
  sessionsChartSvg,
  VOLUME_PLOT_HEIGHT,
  xmlEscape,
} from "../../src/schedulingPro/chart";
import { type El, elements as all, parseXml } from "../support/xml";

const byClass = (svg: El, cls: string) => all(svg, (e) => e.name === "rect" && e.attributes.class === cls);

const sample: ChartInput = {
  subject: "Main Website",
  from: "2026-01-01",
  to: "2026-02-01",
  groupBy: "week",
  totals: { sessions: 540, engaged: 390, booked: 131 },
  periods: [
    { period: "2025-12-29", sessions: 80, engaged: 58, booked: 20 },
    { period: "2026-01-05", sessions: 160, engaged: 120, booked: 40 },
    { period: "2026-01-12", sessions: 40, engaged: 30, booked: 10 },
    { period: "2026-01-19", sessions: 0, engaged: 0, booked: 0 },
    { period: "2026-01-26", sessions: 260, engaged: 182, booked: 61 },
  ],
};

describe("sessions chart", () => {
  it("is well-formed SVG with a title and a description that say what it shows", () => {
    const svg = parseXml(sessionsChartSvg(sample));
    expect(svg.name).toBe("svg");
    expect(svg.attributes).toMatchObject({ xmlns: "http://www.w3.org/2000/svg", role: "img", "aria-labelledby": "chart-title chart-desc" });
    expect(svg.children.slice(0, 2).map((c) => [c.name, c.attributes.id])).toEqual([
      ["title", "chart-title"],
      ["desc", "chart-desc"],
    ]);
    expect(svg.children[0].text).toBe("Scheduler sessions: Main Website, 2026-01-01 to 2026-02-01");
    expect(svg.children[1].text).toBe(
      "540 sessions between 2026-01-01 and 2026-02-01: 390 engaged (72.2%) and 131 booked (24.3%). Sessions per week over 5 period(s); the busiest was 2026-01-26 with 260.",
    );
  });

  it("draws the funnel bars in proportion to sessions, engaged and booked", () => {
    const bars = byClass(parseXml(sessionsChartSvg(sample)), "funnel");
    expect(bars.map((b) => b.attributes["data-step"])).toEqual(["sessions", "engaged", "booked"]);
    const widths = bars.map((b) => Number(b.attributes.width));
    expect(widths[0]).toBeCloseTo(FUNNEL_MAX_WIDTH, 2);
    expect(widths[1] / widths[0]).toBeCloseTo(390 / 540, 3);
    expect(widths[2] / widths[0]).toBeCloseTo(131 / 540, 3);
  });

  it("draws one volume bar per period, heights in proportion, booked inside sessions, bars standing on one baseline", () => {
    const svg = parseXml(sessionsChartSvg(sample));
    const bars = byClass(svg, "volume");
    expect(bars.map((b) => b.attributes["data-period"])).toEqual(sample.periods.map((p) => p.period));
    const heights = bars.map((b) => Number(b.attributes.height));
    expect(Math.max(...heights)).toBeCloseTo(VOLUME_PLOT_HEIGHT, 2);
    sample.periods.forEach((p, i) => expect(heights[i]).toBeCloseTo((p.sessions / 260) * VOLUME_PLOT_HEIGHT, 1));
    const booked = byClass(svg, "volume-booked").map((b) => Number(b.attributes.height));
    booked.forEach((h, i) => expect(h).toBeLessThanOrEqual(heights[i]));
    const baseline = new Set(bars.map((b) => Math.round((Number(b.attributes.y) + Number(b.attributes.height)) * 100)));
    expect(baseline.size).toBe(1);
    // left to right, no overlap
    const xs = bars.map((b) => [Number(b.attributes.x), Number(b.attributes.x) + Number(b.attributes.width)]);
    for (let i = 1; i < xs.length; i++) expect(xs[i][0]).toBeGreaterThanOrEqual(xs[i - 1][1]);
    expect(barLength(5, 0, 100)).toBe(0);
    expect(barLength(-3, 10, 100)).toBe(0);
  });

  it("escapes every text from the tenant: names, periods, and characters XML cannot hold", () => {
    const nasty = `<Tom & "Jerry's"> HVAC\u0007</title><script>alert(1)</script>`;
    const xml = sessionsChartSvg({
      ...sample,
      subject: nasty,
      periods: [{ period: `2026-01-05"><x y="`, sessions: 3, engaged: 1, booked: 1 }],
    });
    const svg = parseXml(xml); // would throw on an unescaped name
    expect(svg.children[0].text).toBe(
      `Scheduler sessions: <Tom & "Jerry's"> HVAC\uFFFD</title><script>alert(1)</script>, 2026-01-01 to 2026-02-01`,
    );
    expect(all(svg, (e) => e.name === "script" || e.name === "x")).toEqual([]);
    expect(byClass(svg, "volume")[0].attributes["data-period"]).toBe(`2026-01-05"><x y="`);
    expect(xmlEscape(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });

  it("is deterministic: the same summary gives the same bytes", () => {
    const copy = JSON.parse(JSON.stringify(sample)) as ChartInput;
    expect(sessionsChartSvg(copy)).toBe(sessionsChartSvg(sample));
    expect(sessionsChartSvg({ ...sample, totals: { ...sample.totals, booked: 130 } })).not.toBe(sessionsChartSvg(sample));
  });

  it("with zero sessions: valid, empty bars, and says so in the picture and the description", () => {
    const empty: ChartInput = { ...sample, totals: { sessions: 0, engaged: 0, booked: 0 }, periods: [] };
    const xml = sessionsChartSvg(empty);
    expect(xml).not.toMatch(/NaN|Infinity|undefined/);
    const svg = parseXml(xml);
    expect(byClass(svg, "funnel").map((b) => Number(b.attributes.width))).toEqual([0, 0, 0]);
    expect(byClass(svg, "volume")).toEqual([]);
    expect(all(svg, (e) => e.name === "text").map((e) => e.text)).toEqual(
      expect.arrayContaining(["No sessions in this period.", "No sessions in this period"]),
    );
    expect(chartDescription(empty)).toBe("No scheduler sessions between 2026-01-01 and 2026-02-01.");
    // periods that exist but hold nothing are drawn as an empty axis too
    const zeros = sessionsChartSvg({ ...empty, periods: [{ period: "2026-01-05", sessions: 0, engaged: 0, booked: 0 }] });
    expect(zeros).not.toMatch(/NaN|Infinity/);
    expect(byClass(parseXml(zeros), "volume")).toEqual([]);
  });

  it("is handed over as Prismatic file data: a Buffer of UTF-8 SVG with its content type", () => {
    const file = sessionsChartFile(sample);
    expect(file.contentType).toBe(SVG_CONTENT_TYPE);
    expect(SVG_CONTENT_TYPE).toBe("image/svg+xml");
    expect(Buffer.isBuffer(file.data)).toBe(true);
    expect(file.data.toString("utf8")).toBe(sessionsChartSvg(sample));
  });
});
