/**
 * Factory rules that apply to every generated action, checked through the component against a capture
 * server: an update with nothing to change is refused before sending; page sizes follow the operation's
 * own limit; example payloads show what the action returns.
 */
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { captureConnection, startCaptureServer, type CaptureServer } from "../support/captureServer";

const harness = createHarness(component);
let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

test("an update given nothing to change fails before sending, naming the action", async () => {
  const before = server.requests.length;
  await expect(harness.action("updateCustomer", { connection: captureConnection(server), customerId: "42" })).rejects.toThrow(
    /^Update Customer: fill in at least one field to change/,
  );
  expect(server.requests.length).toBe(before);
});

test("Page Size and Fetch All follow the operation's page limit (journal entries: 500)", async () => {
  const built = builtActions.find((b) => b.key === "listJournalEntries");
  expect(built).toBeDefined();
  const inputs = built!.definition.inputs as Record<string, { clean: (v: unknown) => unknown; comments: string }>;
  expect(inputs.pageSize.comments).toMatch(/from 1 to 500/);
  expect(() => inputs.pageSize.clean("501")).toThrow(/^Page Size: expected a whole number no larger than 500/);
  server.requests.length = 0;
  await harness.action("listJournalEntries", { connection: captureConnection(server), fetchAll: "true" }).catch(() => undefined);
  const sent = server.requests.filter((r) => r.path.endsWith("/journal-entries"));
  expect(sent.length).toBeGreaterThan(0);
  for (const r of sent) expect(r.query.pageSize).toBe("500");
});

test("an operation that requires includeTotal gets it on every page of Fetch All", async () => {
  const built = builtActions.find((b) => b.op.operationId === "IntacctBusinessUnitMappings_Get");
  expect(built?.op.params.find((p) => p.name === "includeTotal")?.required).toBe(true);
  server.requests.length = 0;
  await harness.action(built!.key, { connection: captureConnection(server), fetchAll: "true" }).catch(() => undefined);
  const sent = server.requests.filter((r) => r.path.endsWith("/business-units/intacct"));
  expect(sent.length).toBeGreaterThan(0);
  for (const r of sent) {
    expect(r.query.includeTotal).toBeDefined();
    expect(Number(r.query.pageSize)).toBeLessThanOrEqual(500);
  }
});

test("example payloads show the reshaped output where the curated layer reshapes it", () => {
  const example = (component.actions as Record<string, { examplePayload?: { data?: Record<string, unknown> } }>).getSchedulerPerformance.examplePayload;
  expect(example?.data).toEqual(expect.objectContaining({ metrics: expect.objectContaining({ openedCompletionRate: expect.any(Number) }), raw: expect.any(Object) }));
});
