/**
 * Issue 14 item 9: odd names are plain names. Custom query parameters and key/value rows named
 * constructor, toString or __proto__ are sent as given (or refused with a message), never silently
 * dropped or mistaken for an input the action already has.
 */
import { cleanKeyValueList, InputError } from "../../src/inputs/clean";
import { cleanExtraDetails } from "../../src/leads/validate";
import { type CaptureServer, captureConnection } from "../support/captureServer";
import { spectral, useCaptureServer } from "../support/harness";

const ODD = ["__proto__", "constructor", "toString", "hasOwnProperty"];
const rows = ODD.map((key, i) => ({ key, value: `v${i}` }));
const expected = ODD.map((key, i) => [key, `v${i}`]);
const queryOf = (raw: string) => [...new URLSearchParams(raw).entries()];

describe("key/value inputs", () => {
  test("rows named like Object's own members are kept as plain keys", () => {
    const out = cleanKeyValueList("Query Parameters")(rows) as Record<string, string>;
    expect(Object.entries(out)).toEqual(expected);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
  test("the same names in JSON text and k=v text", () => {
    expect(Object.entries(cleanKeyValueList("Query Parameters")(JSON.stringify(Object.fromEntries(expected))) ?? {})).toEqual(expected);
    expect(Object.entries(cleanKeyValueList("Query Parameters")(["__proto__=a", "constructor=b"]) ?? {})).toEqual([["__proto__", "a"], ["constructor", "b"]]);
  });
  test("a consumer that builds a plain object (Extra Details) refuses __proto__ with a message instead of dropping it", () => {
    expect(() => cleanExtraDetails("Extra Details")([{ key: "__proto__", value: "x" }])).toThrow(InputError);
    expect(() => cleanExtraDetails("Extra Details")([{ key: "__proto__", value: "x" }])).toThrow(/^Extra Details \(item 1\): /);
    expect(cleanExtraDetails("Extra Details")([{ key: "constructor", value: "x" }])).toEqual({ constructor: "x" });
  });
});

describe("sent as given", () => {
  let server: CaptureServer;
  const harness = spectral;
  const capture = useCaptureServer();
  beforeAll(() => (server = capture.server));

  test("Custom Query Params of a generated action", async () => {
    server.clear();
    await harness.action("getCustomer", { connection: captureConnection(server), customerId: "12", customQueryParams: rows });
    expect(server.requests).toHaveLength(1);
    expect(queryOf(server.requests[0].rawQuery)).toEqual(expect.arrayContaining(expected));
  });

  test("a custom name that IS an input of the action is still refused, naming it", async () => {
    server.clear();
    await expect(
      harness.action("listCustomers", { connection: captureConnection(server), customQueryParams: [{ key: "name", value: "x" }] }),
    ).rejects.toThrow(/^Custom Query Params: "name" has its own input/);
    expect(server.requests).toHaveLength(0);
  });

  test("Raw Request's Query Parameters", async () => {
    server.clear();
    await harness.action("rawRequest", { connection: captureConnection(server), module: "crm", method: "GET", path: "/customers", queryParams: rows });
    expect(queryOf(server.requests[0].rawQuery)).toEqual(expected);
  });
});
