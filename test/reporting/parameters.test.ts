/**
 * Run Report's parameter check (src/reporting/parameters.ts) and row keying (src/reporting/run.ts), on
 * definitions written here: each data type read as the rest of the component reads it, lists, listed
 * values, and one error naming every bad parameter.
 */
import { checkReportParameters } from "../../src/reporting/parameters";
import type { ReportDefinition } from "../../src/reporting/definition";
import { keyRows } from "../../src/reporting/run";

const definition: ReportDefinition = {
  id: 77,
  name: "Calls by Hour",
  parameters: [
    { name: "Day", dataType: "Date", isRequired: true },
    { name: "After", dataType: "Time" },
    { name: "Agents", dataType: "Number", isArray: true },
    { name: "Answered", dataType: "Boolean" },
    { name: "Direction", dataType: "String", acceptValues: { fields: [], values: [["Inbound", "In"], ["Outbound", "Out"]] } },
    { name: "Queue", dataType: "String", isRequired: true },
  ],
  fields: [],
};

const errorOf = (given: unknown): string => {
  try {
    checkReportParameters(definition, given);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return "no error";
};

test("each type read and sent as ServiceTitan takes it", () => {
  expect(
    checkReportParameters(definition, { Day: "01/15/2026", After: "9:30 PM", Agents: "12, 13", Answered: "TRUE", Direction: "outbound", Queue: " Sales " }),
  ).toEqual([
    { name: "Day", value: "2026-01-15" },
    { name: "After", value: "21:30:00" },
    { name: "Agents", value: [12, 13] },
    { name: "Answered", value: true },
    { name: "Direction", value: "Outbound" },
    { name: "Queue", value: "Sales" },
  ]);
  // a date with a zone is that instant in UTC; a list may come as a list; rows as Prismatic sends them
  expect(
    checkReportParameters(definition, [
      { key: "Day", value: "2026-01-15T08:00:00-05:00" },
      { key: "Agents", value: [7] },
      { key: "Queue", value: "Service" },
    ]),
  ).toEqual([
    { name: "Day", value: "2026-01-15T13:00:00Z" },
    { name: "Agents", value: [7] },
    { name: "Queue", value: "Service" },
  ]);
});

test("every bad parameter in one InputError, each named", () => {
  const message = errorOf({ day: "2026-01-15", After: "25:00", Agents: "12,x", Answered: "yes", Direction: "Sideways" });
  expect(message).toMatch(/^InputError: Parameters: 7 parameters do not fit report "Calls by Hour" \(ID 77\), so nothing was sent:/);
  for (const part of [
    /"day" is not a parameter of this report \(did you mean "Day"\?\); it takes: Day \(Date, required\), After \(Time\), Agents \(Number, a list\), Answered \(Boolean\), Direction \(String\), Queue \(String, required\)/,
    /"After" \(Time\) expects a time of day/,
    /"Agents" \(Number, a list\) expects a number .* for each item, got "x"/,
    /"Answered" \(Boolean\) expects true or false, got "yes"/,
    /"Direction" accepts only Inbound, Outbound \(the report's listed values\), got "Sideways"/,
    /"Day" \(Date\) is required by this report and has no value/,
    /"Queue" \(String\) is required by this report and has no value/,
  ]) {
    expect(message).toMatch(part);
  }
});

test("a list where one value is expected, a name given twice, and an impossible date are refused", () => {
  const message = errorOf([
    { key: "Day", value: "02/30/2026" },
    { key: "Queue", value: "A" },
    { key: "Queue", value: "B" },
    { key: "Answered", value: [true] },
  ]);
  expect(message).toMatch(/"Day" \(Date\) expects a date/);
  expect(message).toMatch(/"Queue" is given twice/);
  expect(message).toMatch(/"Answered" takes one Boolean value, not a list/);
});

test("an empty value leaves an optional parameter out; nothing given at all lists the required ones", () => {
  expect(checkReportParameters(definition, { Day: "2026-01-15", Queue: "Sales", After: "" })).toEqual([
    { name: "Day", value: "2026-01-15" },
    { name: "Queue", value: "Sales" },
  ]);
  expect(errorOf(undefined)).toMatch(/2 parameters do not fit[\s\S]*"Day"[\s\S]*"Queue"/);
});

test("rows keyed by field name: short rows get null, extra cells are kept, not dropped", () => {
  const fields = [{ name: "Hour" }, { name: "Calls" }];
  expect(keyRows(fields, [["09", 12], ["10"], ["11", 4, "late"]])).toEqual([
    { Hour: "09", Calls: 12 },
    { Hour: "10", Calls: null },
    { Hour: "11", Calls: 4, column3: "late" },
  ]);
  // a field named like an Object.prototype member stays an own value
  expect(keyRows([{ name: "__proto__" }], [[1]])[0]).toHaveProperty("__proto__", 1);
});
