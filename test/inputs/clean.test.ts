import {
  cleanBoolean, cleanDate, cleanDateTime, cleanEnum, cleanId, cleanIdList, cleanInteger, cleanJson,
  cleanKeyValueList, cleanNumber, cleanString, cleanStringList, InputError, keyValueRows,
} from "../../src/inputs/clean";
import type { SchemaNode } from "../../src/operations/types";

const rejects = (fn: () => unknown, label: string, what: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message.startsWith(`${label}:`)).toBe(true);
    expect((e as Error).message).toMatch(what);
    return;
  }
  throw new Error("expected a rejection");
};

describe("IDs", () => {
  test("accepts digits as string or number; keeps int64 beyond 2^53 exact as bigint", () => {
    expect(cleanId("Customer ID")("1234567")).toBe(1234567);
    expect(cleanId("Customer ID")(" 42 ")).toBe(42);
    expect(cleanId("Customer ID")(9007199254740993n)).toBe(9007199254740993n);
    expect(cleanId("Customer ID")("9223372036854775807")).toBe(9223372036854775807n);
    expect(cleanId("Customer ID")("")).toBeUndefined();
  });
  test("rejects non-numeric, negative, zero, decimal, too large and missing required", () => {
    rejects(() => cleanId("Customer ID")("abc"), "Customer ID", /positive whole-number ID.*"abc"/);
    rejects(() => cleanId("Customer ID")("-5"), "Customer ID", /positive/);
    rejects(() => cleanId("Customer ID")("0"), "Customer ID", /not 0/);
    rejects(() => cleanId("Customer ID")("1.5"), "Customer ID", /whole-number/);
    rejects(() => cleanId("Customer ID")("9223372036854775808"), "Customer ID", /no larger/);
    rejects(() => cleanId("Customer ID", { required: true })(""), "Customer ID", /required/);
  });
  test("ID lists from value lists, comma-separated text or JSON arrays", () => {
    expect(cleanIdList("Technician IDs")(["1", "2"])).toEqual([1, 2]);
    expect(cleanIdList("Technician IDs")("1, 2 ,3")).toEqual([1, 2, 3]);
    expect(cleanIdList("Technician IDs")("[4,5]")).toEqual([4, 5]);
    expect(cleanIdList("Technician IDs")(["1,2", "3"])).toEqual([1, 2, 3]);
    rejects(() => cleanIdList("Technician IDs")("1,x"), "Technician IDs (item 2)", /positive/);
    rejects(() => cleanIdList("Technician IDs", { required: true })([]), "Technician IDs", /required/);
  });
});

describe("numbers", () => {
  test("integers: whole numbers only, within bounds", () => {
    expect(cleanInteger("Page")("3")).toBe(3);
    rejects(() => cleanInteger("Page")("2.5"), "Page", /whole number/);
    rejects(() => cleanInteger("Page", { min: 1 })("0"), "Page", /at least 1/);
    rejects(() => cleanInteger("Page Size", { max: 5000 })("5001"), "Page Size", /no larger than 5000/);
  });
  test("decimals", () => {
    expect(cleanNumber("Cost")("125.50")).toBe(125.5);
    expect(cleanNumber("Cost")("-3")).toBe(-3);
    rejects(() => cleanNumber("Cost")("12,5"), "Cost", /number/);
    rejects(() => cleanNumber("Cost")("abc"), "Cost", /number/);
    rejects(() => cleanNumber("Cost")(true), "Cost", /number/);
  });
});

describe("booleans are strict", () => {
  test("true/false in any case; empty is unset; anything else is an error", () => {
    expect(cleanBoolean("Do Not Mail")("TRUE")).toBe(true);
    expect(cleanBoolean("Do Not Mail")("false")).toBe(false);
    expect(cleanBoolean("Do Not Mail")(true)).toBe(true);
    expect(cleanBoolean("Do Not Mail")("")).toBeUndefined();
    expect(cleanBoolean("Fetch All", { default: false })("")).toBe(false);
    rejects(() => cleanBoolean("Do Not Mail")("yes"), "Do Not Mail", /true or false/);
    rejects(() => cleanBoolean("Do Not Mail")("maybe"), "Do Not Mail", /true or false/);
  });
});

describe("dates", () => {
  test("date-times are normalised to UTC; bare dates mean midnight UTC", () => {
    expect(cleanDateTime("Start")("2026-01-15T09:30:00Z")).toBe("2026-01-15T09:30:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00-05:00")).toBe("2026-01-15T14:30:00Z");
    expect(cleanDateTime("Start")("2026-01-15")).toBe("2026-01-15T00:00:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30")).toBe("2026-01-15T09:30:00Z");
  });
  test("impossible dates and free text are refused", () => {
    rejects(() => cleanDateTime("Start")("2026-02-30T10:00:00Z"), "Start", /ISO 8601/);
    rejects(() => cleanDateTime("Start")("2026-01-15T25:00:00Z"), "Start", /ISO 8601/);
    rejects(() => cleanDateTime("Start")("next tuesday"), "Start", /ISO 8601/);
    rejects(() => cleanDate("Follow Up Date")("2026-13-01"), "Follow Up Date", /YYYY-MM-DD/);
    expect(cleanDate("Follow Up Date")("2024-02-29")).toBe("2024-02-29");
    rejects(() => cleanDate("Follow Up Date")("2026-02-29"), "Follow Up Date", /real date/);
  });
  test("issue 14 item 10: any offset up to ±23:59 converts to the right UTC instant", () => {
    expect(cleanDateTime("Start")("2026-01-15T09:30:00-23:59")).toBe("2026-01-16T09:29:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00+23:59")).toBe("2026-01-14T09:31:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00-2359")).toBe("2026-01-16T09:29:00Z");
    expect(cleanDateTime("Start")("2026-01-15 09:30+0530")).toBe("2026-01-15T04:00:00Z");
    expect(cleanDateTime("Start")("2026-12-31T23:30:00-01:00")).toBe("2027-01-01T00:30:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00.1234567+01:00")).toBe("2026-01-15T08:30:00.123Z");
    expect(cleanDateTime("Start")("9999-12-31T00:00:00-23:59")).toBe("9999-12-31T23:59:00Z");
  });
  test("issue 14 item 10: a result outside years 0001-9999 fails naming the input (never a year like +010000)", () => {
    rejects(() => cleanDateTime("Start")("9999-12-31T23:00:00-23:59"), "Start", /out of range/);
    rejects(() => cleanDateTime("Start")("9999-12-31T23:59:59-00:01"), "Start", /out of range/);
  });
  test("issue 14 item 10: impossible offsets are refused naming the input", () => {
    rejects(() => cleanDateTime("Start")("2026-01-15T09:30:00+24:00"), "Start", /offset/);
    rejects(() => cleanDateTime("Start")("2026-01-15T09:30:00+05:75"), "Start", /offset/);
  });
});

describe("enums, strings, lists", () => {
  test("enums match case-insensitively and return the canonical value", () => {
    expect(cleanEnum("Type", ["Residential", "Commercial"])("commercial")).toBe("Commercial");
    rejects(() => cleanEnum("Type", ["Residential", "Commercial"])("Industrial"), "Type", /one of Residential, Commercial/);
  });
  test("strings trim and enforce length and pattern", () => {
    expect(cleanString("Name")("  Jane ")).toBe("Jane");
    rejects(() => cleanString("Name", { maxLength: 3 })("Jane"), "Name", /at most 3/);
    rejects(() => cleanString("Name")({ a: 1 }), "Name", /text/);
  });
  test("string lists check enum items", () => {
    expect(cleanStringList("Statuses", { enum: ["Open", "Closed"] })("open,closed")).toEqual(["Open", "Closed"]);
    rejects(() => cleanStringList("Statuses", { enum: ["Open"] })(["Nope"]), "Statuses (item 1)", /one of Open/);
  });
  test("key/value lists", () => {
    expect(cleanKeyValueList("Custom Query Params")([{ key: "a", value: "1" }])).toEqual({ a: "1" });
    expect(cleanKeyValueList("Custom Query Params")(["a=1=2"])).toEqual({ a: "1=2" });
  });
  test("key/value rows come from rows, key=value text, an object or JSON text, with per-item errors", () => {
    const rows = (v: unknown) => keyValueRows("Headers", v).map((r) => [r.key, r.value, r.label]);
    expect(rows([{ key: " a ", value: "1" }, "b = 2"])).toEqual([["a", "1", "Headers (item 1)"], ["b", "2", "Headers (item 2)"]]);
    expect(rows({ a: 1 })).toEqual([["a", 1, "Headers (item 1)"]]);
    expect(rows('{"id": 9223372036854775807}')).toEqual([["id", 9223372036854775807n, "Headers (item 1)"]]);
    expect(keyValueRows("Profiles", [{ id: "p1", name: "Main" }], { keyFields: ["id"], valueFields: ["name"] })[0]).toMatchObject({ key: "p1", value: "Main" });
    rejects(() => keyValueRows("Headers", "{not json"), "Headers", /key\/value rows, or a JSON object/);
    rejects(() => keyValueRows("Headers", [{ key: "a" }, { key: " ", value: "x" }]), "Headers (item 2)", /a non-empty key/);
    rejects(() => keyValueRows("Headers", [{ value: "x" }]), "Headers (item 1)", /a key and a value/);
    rejects(() => keyValueRows("Headers", [7]), "Headers (item 1)", /a key and a value/);
    expect(keyValueRows("Profiles", [{ value: "x" }], { emptyKeyAllowed: true })[0].key).toBe("");
  });
});

describe("JSON inputs are parsed and checked against the operation's schema", () => {
  const address: SchemaNode = {
    type: "object",
    properties: { street: { type: "string" }, zip: { type: "string" }, country: { type: "string" } },
    required: ["street", "zip"],
    additionalProperties: false,
  };
  const locations: SchemaNode = {
    type: "array",
    items: { type: "object", properties: { name: { type: "string" }, address, tagTypeIds: { type: "array", items: { type: "integer" } } }, required: ["name", "address"] },
  };
  test("valid JSON passes and is returned parsed", () => {
    expect(cleanJson("Locations", { schema: locations })('[{"name":"Home","address":{"street":"1 Main","zip":"90210"}}]')).toEqual([
      { name: "Home", address: { street: "1 Main", zip: "90210" } },
    ]);
  });
  test("malformed JSON names the input", () => {
    rejects(() => cleanJson("Locations", { schema: locations })("[{name:"), "Locations", /valid JSON/);
  });
  test("errors name the path inside the JSON", () => {
    rejects(
      () => cleanJson("Locations", { schema: locations })('[{"name":"Home","address":{"street":"1 Main"}}]'),
      "Locations",
      /\[0\]\.address\.zip is required/,
    );
    rejects(() => cleanJson("Locations", { schema: locations })('[{"name":"Home","address":{"street":"1","zip":"2"},"tagTypeIds":["x"]}]'), "Locations", /\[0\]\.tagTypeIds\[0\] must be a whole number/);
  });
  test("an object where an array is wanted is refused", () => {
    rejects(() => cleanJson("Locations", { schema: locations })('{"name":"Home"}'), "Locations", /JSON array/);
  });
  test("unknown fields (typos such as jobsIds) are refused, naming the field", () => {
    rejects(() => cleanJson("Address", { schema: address })('{"street":"1","zip":"2","zipp":"3"}'), "Address", /zipp is not a field/);
  });
});
