/**
 * Dates as people type them (issue 15 item 9): ISO 8601 and the common US forms in date and date-time
 * inputs; date-only values and zone-less date-times read in the connection's Time Zone (default UTC),
 * daylight-saving edges included; what is sent stays UTC ISO 8601.
 */
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { cleanDate, cleanDateTime, cleanLocalDateTime } from "../../src/inputs/clean";
import { parseDateText, wallToInstant, ZonelessDateTime } from "../../src/inputs/dates";
import { settleInputs } from "../../src/inputs/allErrors";
import { captureConnection, type CaptureServer, startCaptureServer } from "../support/captureServer";
import { refusalOf } from "../support/refusal";

const refusal = refusalOf;

describe("forms people type", () => {
  test.each([
    ["2024-01-15", "2024-01-15"],
    ["01/15/2024", "2024-01-15"],
    ["1/15/2024", "2024-01-15"],
    ["1/5/2024", "2024-01-05"],
    [" 02/29/2024 ", "2024-02-29"],
  ])("date %j is %s", (typed, sent) => {
    expect(cleanDate("Due Date")(typed)).toBe(sent);
  });

  test.each([
    ["2024-01-15", "2024-01-15T00:00:00Z"],
    ["01/15/2024", "2024-01-15T00:00:00Z"],
    ["1/15/2024", "2024-01-15T00:00:00Z"],
    ["2024-01-15 9:00 AM", "2024-01-15T09:00:00Z"],
    ["2024-01-15 9:00AM", "2024-01-15T09:00:00Z"],
    ["2024-01-15 9:00 pm", "2024-01-15T21:00:00Z"],
    ["01/15/2024 14:30", "2024-01-15T14:30:00Z"],
    ["1/15/2024 2:30 PM", "2024-01-15T14:30:00Z"],
    ["01/15/2024 12:00 AM", "2024-01-15T00:00:00Z"],
    ["01/15/2024 12:15 PM", "2024-01-15T12:15:00Z"],
    ["01/15/2024 11:59:30 p.m.", "2024-01-15T23:59:30Z"],
    ["2024-01-15T09:30:00Z", "2024-01-15T09:30:00Z"],
    ["2024-01-15T09:30:00-05:00", "2024-01-15T14:30:00Z"],
    ["01/15/2024 9:30 AM -05:00", "2024-01-15T14:30:00Z"],
  ])("date-time %j is sent as %s (no zone given: UTC)", (typed, sent) => {
    expect(cleanDateTime("Start")(typed)).toBe(sent);
  });

  test.each([
    ["02/30/2024", /real date/],
    ["2/29/2023", /real date/],
    ["13/01/2024", /real date/],
    ["15/01/2024", /real date/],
    ["1/15/24", /YYYY-MM-DD/],
    ["2024/01/15", /YYYY-MM-DD/],
    ["01/15/2024 9:00 AM", /YYYY-MM-DD/],
    ["January 15", /YYYY-MM-DD/],
  ])("date %j is refused, naming the input", (typed, why) => {
    const message = refusal(() => cleanDate("Due Date")(typed));
    expect(message).toMatch(/^Due Date: expected /);
    expect(message).toMatch(why);
    expect(message).toMatch(/MM\/DD\/YYYY/);
  });

  test.each([
    ["02/30/2024 10:00", /ISO 8601/],
    ["02/30/2024", /real date/],
    ["01/15/2024 13:00 PM", /ISO 8601/],
    ["01/15/2024 0:30 AM", /ISO 8601/],
    ["01/15/2024 24:00", /ISO 8601/],
    ["01/15/2024T09:00", /ISO 8601/],
    ["2024-01-15 9 AM", /ISO 8601/],
    ["next tuesday", /ISO 8601/],
    ["2024-01-15T09:30:00+24:00", /offset/],
  ])("date-time %j is refused, naming the input", (typed, why) => {
    const message = refusal(() => cleanDateTime("Start")(typed));
    expect(message).toMatch(/^Start: expected /);
    expect(message).toMatch(why);
  });

  test("a slashed date is month/day/year only: 03/04/2024 is March 4", () => {
    expect(cleanDate("Due Date")("03/04/2024")).toBe("2024-03-04");
    expect(parseDateText("03/04/2024")).toMatchObject({ wall: { month: 3, day: 4 } });
  });
});

describe("the connection's Time Zone", () => {
  const inZone = (typed: string, zone: string): string => {
    const value = cleanLocalDateTime("Start")(typed);
    return value instanceof ZonelessDateTime ? value.toUtc(zone) : (value as string);
  };

  test("a date alone is midnight in the zone; a zone-less time is wall-clock time there", () => {
    expect(inZone("01/15/2024", "America/Chicago")).toBe("2024-01-15T06:00:00Z");
    expect(inZone("2024-07-04", "America/Chicago")).toBe("2024-07-04T05:00:00Z");
    expect(inZone("2024-01-15 9:00 AM", "America/Chicago")).toBe("2024-01-15T15:00:00Z");
    expect(inZone("01/15/2024 14:30", "Asia/Kolkata")).toBe("2024-01-15T09:00:00Z");
    expect(inZone("01/15/2024", "UTC")).toBe("2024-01-15T00:00:00Z");
  });

  test("a value that names its offset is not moved by the zone", () => {
    expect(inZone("2024-01-15T09:00:00Z", "America/Chicago")).toBe("2024-01-15T09:00:00Z");
    expect(inZone("2024-01-15T09:00:00+01:00", "America/Chicago")).toBe("2024-01-15T08:00:00Z");
  });

  test("spring forward (America/Chicago, 2024-03-10): the skipped hour moves forward by the gap", () => {
    expect(inZone("03/10/2024", "America/Chicago")).toBe("2024-03-10T06:00:00Z");
    expect(inZone("03/10/2024 1:59 AM", "America/Chicago")).toBe("2024-03-10T07:59:00Z");
    expect(inZone("03/10/2024 2:30 AM", "America/Chicago")).toBe("2024-03-10T08:30:00Z"); // 03:30 CDT
    expect(inZone("03/10/2024 3:00 AM", "America/Chicago")).toBe("2024-03-10T08:00:00Z");
    expect(inZone("03/11/2024", "America/Chicago")).toBe("2024-03-11T05:00:00Z");
  });

  test("fall back (America/Chicago, 2024-11-03): the repeated hour is its first pass", () => {
    expect(inZone("11/03/2024", "America/Chicago")).toBe("2024-11-03T05:00:00Z");
    expect(inZone("11/03/2024 12:59 AM", "America/Chicago")).toBe("2024-11-03T05:59:00Z");
    expect(inZone("11/03/2024 1:30 AM", "America/Chicago")).toBe("2024-11-03T06:30:00Z"); // CDT, not CST
    expect(inZone("11/03/2024 2:00 AM", "America/Chicago")).toBe("2024-11-03T08:00:00Z");
    expect(inZone("11/04/2024", "America/Chicago")).toBe("2024-11-04T06:00:00Z");
  });

  test("a zone whose clocks skip midnight (America/Santiago, 2024-09-08): the day starts at 01:00", () => {
    expect(inZone("09/08/2024", "America/Santiago")).toBe("2024-09-08T04:00:00Z");
    expect(wallToInstant({ year: 2024, month: 9, day: 7, hour: 23, minute: 0, second: 0, millisecond: 0 }, "America/Santiago")).toBe(Date.parse("2024-09-08T03:00:00Z"));
  });

  test("a zone-less value never leaves unplaced", () => {
    const value = cleanLocalDateTime("Start")("01/15/2024");
    expect(value).toBeInstanceOf(ZonelessDateTime);
    expect(() => JSON.stringify({ start: value })).toThrow(/Start/);
    expect(settleInputs({ start: value, connection: { fields: { timeZone: "America/New_York" } } })).toMatchObject({ start: "2024-01-15T05:00:00Z" });
  });
});

describe("through the component: what is sent", () => {
  const harness = createHarness(component);
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
    server.setResponder(() => ({ body: { page: 1, pageSize: 50, hasMore: false, data: [] } }));
  });
  afterAll(() => server.close());
  beforeEach(() => server.clear());

  const inZone = (zone?: string): Connection => {
    const c = captureConnection(server);
    return { ...c, fields: { ...c.fields, ...(zone === undefined ? {} : { timeZone: zone }) } };
  };

  test("date filters are sent as UTC instants of the tenant's local midnight", async () => {
    await harness.action("listJobs", { connection: inZone("America/Chicago"), createdOnOrAfter: "01/15/2024", createdBefore: "2024-01-16 9:00 AM" });
    expect(server.requests[0].query).toMatchObject({ createdOnOrAfter: "2024-01-15T06:00:00Z", createdBefore: "2024-01-16T15:00:00Z" });
  });

  test("without a Time Zone the connection reads them in UTC, as before", async () => {
    await harness.action("listJobs", { connection: inZone(), createdOnOrAfter: "01/15/2024" });
    expect(server.requests[0].query).toMatchObject({ createdOnOrAfter: "2024-01-15T00:00:00Z" });
  });

  test("a date input takes the US form and sends the calendar date", async () => {
    await harness.action("listCreditMemos", { connection: inZone("America/Chicago"), dateOnOrAfter: "1/15/2024" });
    expect(server.requests[0].query).toMatchObject({ dateOnOrAfter: "2024-01-15" });
  });

  test("an unknown Time Zone is reported with the other input errors, and nothing is sent", async () => {
    await expect(harness.action("listJobs", { connection: inZone("Mars/Olympus"), createdOnOrAfter: "02/30/2024" })).rejects.toThrow(
      /^2 inputs need fixing[\s\S]*Time Zone \(connection\): expected an IANA time zone[\s\S]*Created on or After: expected/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
