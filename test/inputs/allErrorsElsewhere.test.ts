/**
 * Every input error at once for data sources and triggers too (issue 15 item 10), through the same layer
 * actions use (src/inputs/allErrors.ts): a dropdown or a trigger given several invalid inputs fails with
 * ONE error naming each of them, and nothing reaches the server. And the record trigger's Look-Back Date
 * typed without a zone is read in the connection's Time Zone, as actions read dates (issue 15 item 9).
 * Run through the component (Spectral's harness cleans inputs the way Prismatic does).
 */
import type { Connection } from "@prismatic-io/spectral";
import { withAllInputErrorsIn } from "../../src/inputs/allErrors";
import type { RecordChangesData } from "../../src/recordChanges/trigger";
import { captureConnection, type CaptureServer } from "../support/captureServer";
import { spectral as harness, useCaptureServer } from "../support/harness";

let server: CaptureServer;
const capture = useCaptureServer();
beforeAll(() => {
  server = capture.server;
});
beforeEach(() => server.clear());

const failureOf = async (run: Promise<unknown>): Promise<Error> => {
  try {
    await run;
  } catch (error) {
    return error as Error;
  }
  throw new Error("the run was accepted");
};

const withZone = (zone: string): Connection => {
  const connection = captureConnection(server);
  return { ...connection, fields: { ...connection.fields, timeZone: zone } } as Connection;
};

const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, log: () => {} };
const runTrigger = (key: string, params: Record<string, unknown>, instanceState: Record<string, unknown> = {}) =>
  harness.trigger(key, undefined, params, { instanceState, logger } as never);

describe("data sources", () => {
  test("an invalid Active filter and an invalid connection Time Zone are reported together, nothing sent", async () => {
    const error = await failureOf(harness.dataSource("selectCustomers", { connection: withZone("Mars/Olympus_Mons"), active: "Maybe" }, { logger } as never));
    expect(error.message.split("\n")).toEqual([
      "2 inputs need fixing (nothing was sent):",
      expect.stringMatching(/^Time Zone \(connection\): expected an IANA time zone/),
      expect.stringMatching(/^Active: expected one of True, Any, False, got "Maybe"\.$/),
    ]);
    expect(server.requests).toHaveLength(0);
  });

  test("valid inputs still reach the request as cleaned", async () => {
    server.setResponder(() => ({ body: { page: 1, pageSize: 5000, hasMore: false, data: [{ id: 7, name: "Jane" }] } }));
    const out = (await harness.dataSource("selectCustomers", { connection: captureConnection(server), active: "any" }, { logger } as never)) as {
      result: unknown[];
    };
    expect(out.result).toEqual([{ key: "7", label: "Jane (ID: 7)" }]);
    expect(server.requests[0].query.active).toBe("Any");
  });
});

describe("triggers", () => {
  test("New and Updated Records: three invalid inputs together, nothing sent", async () => {
    const error = await failureOf(
      runTrigger("recordChanges", { connection: captureConnection(server), recordType: "planets", startFrom: "yesterday", maxRecordsPerRun: "0" }),
    );
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("3 inputs need fixing (nothing was sent):");
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^Record Type: expected one of /),
      expect.stringMatching(/^Start From: expected one of now, lookBackDate, beginning, got "yesterday"\.$/),
      expect.stringMatching(/^Max Records per Run: expected a whole number /),
    ]);
    expect(server.requests).toHaveLength(0);
  });

  test("New and Updated Records: a missing Look-Back Date joins the other invalid inputs (cross-input check)", async () => {
    const error = await failureOf(
      runTrigger("recordChanges", { connection: captureConnection(server), recordType: "customers", startFrom: "lookBackDate", maxSecondsPerRun: "9999" }),
    );
    expect(error.message.split("\n")).toEqual([
      "2 inputs need fixing (nothing was sent):",
      expect.stringMatching(/^Max Seconds per Run: expected a whole number /),
      expect.stringMatching(/^Look-Back Date: expected a date-time .* when Start From is Look-Back Date\.$/),
    ]);
    expect(server.requests).toHaveLength(0);
  });

  test("ServiceTitan Webhook: a short HMAC key and a bad Max Event Age together", async () => {
    const error = await failureOf(
      runTrigger("serviceTitanWebhook", { hmacKey: "too-short", maxEventAgeMinutes: "-5" }),
    );
    expect(error.message.split("\n")).toEqual([
      "2 inputs need fixing (nothing was sent):",
      expect.stringMatching(/^HMAC Key: expected 32 to 64 characters/),
      expect.stringMatching(/^Max Event Age \(minutes\): expected /),
    ]);
    expect(error.message).not.toContain("too-short");
  });
});

describe("the record trigger's Look-Back Date is read in the connection's Time Zone (issue 15 item 9)", () => {
  const firstFrom = async (connection: Connection, lookBackDate: string): Promise<string> => {
    server.setResponder(() => ({ body: { hasMore: false, continueFrom: "t1", data: [] } }));
    const result = (await runTrigger("recordChanges", { connection, recordType: "customers", startFrom: "lookBackDate", lookBackDate })) as {
      payload: { body: { data: RecordChangesData } };
    };
    expect(result.payload.body.data.records).toEqual([]);
    return String(server.requests[0].query.from);
  };

  test("01/15/2026 with Time Zone America/Chicago starts at 06:00 UTC, Chicago's midnight", async () => {
    expect(await firstFrom(withZone("America/Chicago"), "01/15/2026")).toBe("2026-01-15T06:00:00Z");
  });

  test("a date-time without a zone is wall-clock time there (daylight time in July)", async () => {
    expect(await firstFrom(withZone("America/Chicago"), "2026-07-01 9:00 AM")).toBe("2026-07-01T14:00:00Z");
  });

  test("without a Time Zone it is UTC, and a value naming its zone is that instant", async () => {
    expect(await firstFrom(captureConnection(server), "2026-01-15")).toBe("2026-01-15T00:00:00Z");
    expect(await firstFrom(withZone("America/Chicago"), "2026-01-15T00:00:00Z")).toBe("2026-01-15T00:00:00Z");
  });

  test("the input's comment says so", async () => {
    const { recordChangesInputs } = await import("../../src/recordChanges/trigger");
    expect(recordChangesInputs.lookBackDate.comments).toMatch(/connection's Time Zone/);
    expect(recordChangesInputs.lookBackDate.comments).not.toMatch(/\(UTC\)/);
  });
});

describe("the layer's guard", () => {
  it("refuses a trigger with webhook lifecycle handlers (they would receive unsettled inputs), when the trigger is read", () => {
    const wrapped = withAllInputErrorsIn("trigger", { hooked: { perform: async () => ({}), webhookLifecycleHandlers: {} } });
    expect(Object.keys(wrapped)).toEqual(["hooked"]);
    expect(() => wrapped.hooked).toThrow(/Trigger hooked: webhook lifecycle handlers would receive unsettled inputs/);
  });
});
