/**
 * Closed value sets given by curated words (issue 15 item 7) behave as contract enums: a dropdown with
 * "(not set)" first when optional, a clean that refuses other values (reported with every other invalid
 * input at once), the value sent as chosen; several values go out comma-separated; a list's Sort offers
 * each documented field both ways. The curated check refuses an enum where the contract has one, or on a
 * field that is not text.
 */
import { builtActions } from "../../src/actions";
import { curatedInputProblems } from "../../src/operations/curated/check";
import type { OperationDescriptor } from "../../src/operations/types";
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { spectral as harness, useCaptureServer } from "../support/harness";

let server: CaptureServer;
const capture = useCaptureServer({ resetResponder: true });
beforeAll(() => (server = capture.server));

type Def = { model?: Array<{ label: string; value: string }>; required?: boolean; collection?: string };
const inputOf = (action: string, key: string): Def => {
  const built = builtActions().find((b) => b.key === action);
  if (!built) throw new Error(`no action ${action}`);
  return (built.definition.inputs as Record<string, Def>)[key];
};
const page = { body: { page: 1, pageSize: 50, hasMore: false, data: [] } };

test("a required prose enum (Create Job's Priority) is a dropdown without (not set); an optional one (Update Job's) starts with it", () => {
  expect(inputOf("createJob", "priority")).toMatchObject({
    required: true,
    model: [
      { label: "Low", value: "Low" },
      { label: "Normal", value: "Normal" },
      { label: "High", value: "High" },
      { label: "Urgent", value: "Urgent" },
    ],
  });
  expect(inputOf("updateJob", "priority").model?.[0]).toEqual({ label: "(not set)", value: "" });
  expect(inputOf("createBookingContact", "type").model?.map((m) => m.label)).toEqual(["Phone", "Mobile Phone", "Email", "Fax"]);
});

test("the value chosen is sent as it is; a value outside the set is refused with the other invalid inputs, before sending", async () => {
  server.setResponder(() => page);
  await harness.action("listJobs", { connection: captureConnection(server), priority: "urgent", sort: "-priority" });
  const sent = server.requests.at(-1);
  expect(sent?.query).toMatchObject({ priority: "Urgent", sort: "-Priority" });
  // A bare field, as the free-text Sort took it, still means ascending.
  await harness.action("listJobs", { connection: captureConnection(server), sort: "modifiedOn" });
  expect(server.requests.at(-1)?.query).toMatchObject({ sort: "+ModifiedOn" });

  const before = server.requests.length;
  const refused = harness.action("listJobs", { connection: captureConnection(server), priority: "Emergency", sort: "-Color", pageSize: "0" });
  await expect(refused).rejects.toThrow(/Priority: expected one of Low, Normal, High, Urgent/);
  await expect(refused).rejects.toThrow(/Sort: expected one of \+Id, -Id, \+ModifiedOn/);
  await expect(refused).rejects.toThrow(/Page Size:/);
  expect(server.requests.length).toBe(before);
});

test("several values (List Tasks' Priorities) are a list of dropdowns sent comma-separated", async () => {
  const def = inputOf("listTasks", "priorities");
  expect(def.collection).toBe("valuelist");
  expect(def.model?.map((m) => m.value)).toEqual(["Low", "Normal", "High", "Urgent"]);
  server.setResponder(() => page);
  await harness.action("listTasks", { connection: captureConnection(server), priorities: ["High", "urgent"], statuses: ["ToDo,OnHold"] });
  expect(server.requests.at(-1)?.query).toMatchObject({ priorities: "High,Urgent", statuses: "ToDo,OnHold" });
  await expect(harness.action("listTasks", { connection: captureConnection(server), priorities: ["High", "Later"] })).rejects.toThrow(
    /Priorities \(item 2\): expected one of Low, Normal, High, Urgent/,
  );
});

test("a list of contract enum values is a list of dropdowns too (List Invoices' Statuses)", () => {
  expect(inputOf("listInvoices", "statuses")).toMatchObject({
    collection: "valuelist",
    model: [
      { label: "Pending", value: "Pending" },
      { label: "Posted", value: "Posted" },
      { label: "Exported", value: "Exported" },
    ],
  });
});

test("a list whose document names no sort fields keeps the free-text Sort", () => {
  const sort = inputOf("listInvoices", "sort");
  expect(sort.model).toBeUndefined();
});

describe("the curated check", () => {
  const op = (builtActions().find((b) => b.key === "listJobs") as { op: OperationDescriptor }).op;
  const closed = { values: { A: "A", B: "B" } };
  it("refuses an enum on a field whose contract already gives the values", () => {
    expect(curatedInputProblems(op, { inputs: { "query.jobStatus": { enum: closed } } })).toEqual([
      "query.jobStatus: the contract already gives its values; label them with choices",
    ]);
  });
  it("refuses an enum on a field that is not text, and one with a single value", () => {
    expect(curatedInputProblems(op, { inputs: { "query.customerId": { enum: closed } } })).toEqual([
      "query.customerId: an enum closes a text field only (this one is integer)",
    ]);
    expect(curatedInputProblems(op, { inputs: { "query.priority": { enum: { values: { A: "A" } } } } })).toEqual([
      "query.priority: an enum needs at least two values",
    ]);
  });
  it("refuses words on a list's Sort other than an enum of its fields", () => {
    expect(curatedInputProblems(op, { inputs: { "query.sort": { label: "Order" } } })).toEqual([
      "query.sort: a list's Sort takes an enum of its fields (sortBy) and no key or label of its own",
    ]);
  });
  it("takes an enum on a text field, and on a list's Sort", () => {
    expect(curatedInputProblems(op, { inputs: { "query.priority": { enum: closed }, "query.sort": { enum: closed } } })).toEqual([]);
  });
});
