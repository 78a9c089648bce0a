/** Scheduler Leads' row order: newest session first by time, whatever the timestamps' precision. */
import { leadRows } from "../../src/schedulingPro/actions/schedulerLeads";
import type { SessionRecord } from "../../src/schedulingPro/sessions";

const session = (id: string, createdOn: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  createdOn,
  lastStep: "contact",
  customer: { firstName: "Ann", lastName: "Lee", phone: "(619) 555-0001", email: null },
  ...extra,
});

it("orders by time, not text: …00.123Z is after …00Z", () => {
  const sessions = [
    session("whole-second", "2026-03-01T10:00:00Z", { jobId: 5 }),
    session("later-by-123ms", "2026-03-01T10:00:00.123Z"),
    session("earlier", "2026-03-01T09:59:59.999Z"),
  ];
  expect(leadRows(sessions, "all", false).map((r) => r.sessionId)).toEqual(["later-by-123ms", "whole-second", "earlier"]);
  // one row per person: the latest session wins
  expect(leadRows(sessions, "all", true).map((r) => r.sessionId)).toEqual(["later-by-123ms"]);
});

it("compares offsets by the instant they name, and puts unreadable times last", () => {
  const sessions = [
    session("utc-noon", "2026-03-01T12:00:00Z", { customer: { firstName: "A", phone: "1" } }),
    session("bad", "not a date", { customer: { firstName: "B", phone: "2" } }),
    session("plus-two-13h", "2026-03-01T13:00:00+02:00", { customer: { firstName: "C", phone: "3" } }), // 11:00Z
  ];
  expect(leadRows(sessions, "all", false).map((r) => r.sessionId)).toEqual(["utc-noon", "plus-two-13h", "bad"]);
});
