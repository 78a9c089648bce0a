/**
 * Every input error at once (issue 15 item 10): an action given several invalid inputs fails with ONE
 * error naming each of them, one line per input, and nothing reaches the server. Cross-input checks
 * (a date range, "fill in at least one field") join the same list. Run through the component (the
 * harness cleans inputs the way Prismatic does) against a capture server.
 */
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { InputError } from "../../src/core/errors";
import { combinedInputError, InvalidInput, recordingClean, settleInputs } from "../../src/inputs/allErrors";
import { checkDateRange, cleanInteger } from "../../src/inputs/clean";
import { registerSecret } from "../../src/core/redact";
import { captureConnection, type CaptureServer, startCaptureServer } from "../support/captureServer";

const harness = createHarness(component);
let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => server.clear());

const failureOf = async (run: Promise<unknown>): Promise<Error> => {
  try {
    await run;
  } catch (error) {
    return error as Error;
  }
  throw new Error("the action was accepted");
};

test("three invalid inputs of a generated action are reported together, and nothing is sent", async () => {
  const error = await failureOf(
    harness.action("listJobs", {
      connection: captureConnection(server),
      customerId: "abc",
      createdOnOrAfter: "next tuesday",
      pageSize: "5001",
    }),
  );
  const lines = error.message.split("\n");
  expect(lines[0]).toBe("3 inputs need fixing (nothing was sent):");
  // One line per input, in the action's input order, each worded as every input error is.
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(/^Customer ID: expected a positive whole-number ID such as 1234567, got "abc"\.$/),
    expect.stringMatching(/^Created on or After: expected .*ISO 8601.*, got "next tuesday"\.$/),
    expect.stringMatching(/^Page Size: expected a whole number no larger than 5000, got "5001"\.$/),
  ]);
  expect(server.requests).toHaveLength(0);
});

test("a single invalid input keeps the message it always had", async () => {
  const error = await failureOf(harness.action("listJobs", { connection: captureConnection(server), customerId: "abc" }));
  expect(error.message).toBe('Customer ID: expected a positive whole-number ID such as 1234567, got "abc".');
  expect(server.requests).toHaveLength(0);
});

test("a broken date range joins the list of invalid inputs (curated cross-input check)", async () => {
  const error = await failureOf(
    harness.action("getSchedulerPerformance", {
      connection: captureConnection(server),
      schedulerId: "sch-abc123",
      sessionCreatedOnOrAfter: "2026-02-01",
      sessionCreatedBefore: "2026-01-01",
      customQueryParams: [{ key: "", value: "x" }],
    }),
  );
  expect(error.message.split("\n")).toEqual([
    "2 inputs need fixing (nothing was sent):",
    expect.stringMatching(/^Custom Query Params \(item 1\): expected a non-empty key/),
    expect.stringMatching(/^Sessions Created On or After and Sessions Created Before: expected Sessions Created On or After .* to be before/),
  ]);
  expect(server.requests).toHaveLength(0);
});

test("a hand-written action's date range joins its other input errors", async () => {
  const error = await failureOf(
    harness.action("summarizeSchedulerSessions", {
      connection: captureConnection(server),
      createdOnOrAfter: "2026-02-01",
      createdBefore: "2026-01-01",
      timeZone: "Mars/Olympus_Mons",
    }),
  );
  expect(error.message).toMatch(/^2 inputs need fixing/);
  expect(error.message).toMatch(/^Time Zone: expected an IANA time zone/m);
  expect(error.message).toMatch(/^Sessions Created On or After and Sessions Created Before: expected/m);
  expect(server.requests).toHaveLength(0);
});

test('"fill in at least one field" is not claimed when the only field given is invalid', async () => {
  const error = await failureOf(
    harness.action("updateCustomer", { connection: captureConnection(server), customerId: "42", doNotMail: "yes" }),
  );
  expect(error.message).toBe('Do Not Mail: expected true or false, got "yes".');
  expect(server.requests).toHaveLength(0);
});

test("values in the combined message stay redacted", async () => {
  const secret = "sk-typed-into-the-wrong-input-0001";
  registerSecret(secret);
  const error = await failureOf(
    harness.action("listJobs", { connection: captureConnection(server), customerId: secret, createdOnOrAfter: secret }),
  );
  expect(error.message).toMatch(/^2 inputs need fixing/);
  expect(error.message).not.toContain(secret);
});

describe("the helper itself", () => {
  test("a recording clean returns the refusal instead of throwing; other errors still throw", () => {
    const clean = recordingClean(cleanInteger("Count", { max: 3 }));
    expect(clean("2")).toBe(2);
    const refused = clean("9");
    expect(refused).toBeInstanceOf(InvalidInput);
    expect((refused as InvalidInput).message).toBe('Count: expected a whole number no larger than 3, got "9".');
    expect(() => recordingClean(() => { throw new TypeError("bug"); })("x")).toThrow(TypeError);
  });

  test("an invalid value can never be sent: as JSON or text it throws its own message", () => {
    const refused = new InvalidInput("Count: expected a whole number.");
    expect(() => JSON.stringify({ count: refused })).toThrow("Count: expected a whole number.");
    expect(() => `${refused}`).toThrow(InputError);
  });

  test("settleInputs lists problems in input order, nested ones included, and runs declared checks", () => {
    const range = (p: Record<string, unknown>) => checkDateRange("From", p.from, "To", p.to);
    const params = { to: "2026-01-01T00:00:00Z", rows: [{ n: new InvalidInput("Rows (item 1): expected a number.") }], a: new InvalidInput("A: expected text."), from: "2026-02-01T00:00:00Z" };
    expect(() => settleInputs(params, ["a", "rows", "from", "to"], [range])).toThrow(
      combinedInputError(["A: expected text.", "Rows (item 1): expected a number.", "From and To: expected From (2026-02-01T00:00:00Z) to be before To (2026-01-01T00:00:00Z)."]).message,
    );
    expect(settleInputs({ from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }, [], [range])).toEqual({ from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" });
  });

  test("a check that read an invalid input is left out; one that did not is kept", () => {
    expect(() => settleInputs({ a: new InvalidInput("A: expected text.") }, ["a"], [(p) => { if (p.a !== "ok") throw new InputError("A and B: do not fit."); }])).toThrow(
      /^A: expected text\.$/,
    );
    expect(() => settleInputs({ a: new InvalidInput("A: expected text."), b: 1 }, ["a", "b"], [(p) => { if (p.b === 1) throw new InputError("B: too small."); }])).toThrow(
      /^2 inputs need fixing/,
    );
  });
});
