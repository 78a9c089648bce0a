/**
 * Input cleaning at its edges (issue 18, mutation testing): the boundaries, defaults and options of each
 * clean helper that the main clean tests leave open, so a changed comparison, a dropped trim or a lost
 * option fails here. Each case names the behaviour a user relies on.
 */
import { redact } from "../../src/core/redact";
import {
  cleanBoolean,
  cleanDate,
  cleanDateTime,
  cleanEnum,
  cleanId,
  cleanIdList,
  cleanInteger,
  cleanJson,
  cleanKeyValueList,
  cleanLocalDateTime,
  cleanNumber,
  cleanSecret,
  cleanString,
  cleanStringList,
  InputError,
  isEmpty,
  keyValueRows,
  setOwn,
  splitList,
} from "../../src/inputs/clean";
import { ZonelessDateTime } from "../../src/inputs/dates";
import type { SchemaNode } from "../../src/operations/types";

/** The InputError message `fn` throws (the test fails when it does not throw one). */
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
};

describe("empty means not set", () => {
  test.each([[undefined], [null], [""], ["  \t "], [[]]])("%p is empty", (v) => expect(isEmpty(v)).toBe(true));
  test.each([[0], [false], ["0"], [[""]], [{}]])("%p is a value", (v) => expect(isEmpty(v)).toBe(false));
  test("a required input refuses every empty form, naming itself", () => {
    for (const v of [undefined, null, " ", []])
      expect(messageOf(() => cleanString("Name", { required: true })(v))).toBe("Name: expected a value (this input is required).");
    expect(cleanString("Name", { required: false })(" ")).toBeUndefined();
  });
});

describe("IDs at their limits", () => {
  test("up to 2^53-1 an ID is a number, beyond it a bigint", () => {
    expect(cleanId("ID")("9007199254740991")).toBe(9007199254740991);
    expect(cleanId("ID")("9007199254740992")).toBe(9007199254740992n);
    expect(cleanId("ID")(42)).toBe(42);
    expect(cleanId("ID")(1)).toBe(1);
  });
  test("what is neither text, number nor bigint is refused, not read as empty text", () => {
    expect(messageOf(() => cleanId("ID")(true))).toBe("ID: expected a positive whole-number ID such as 1234567, got true.");
    expect(messageOf(() => cleanId("ID")({ id: 1 }))).toMatch(/^ID: expected a positive whole-number ID/);
    expect(messageOf(() => cleanId("ID")("12 34"))).toMatch(/^ID: expected a positive/);
    expect(messageOf(() => cleanId("ID")("00"))).toBe('ID: expected a positive whole-number ID such as 1234567 (not 0), got "00".');
  });
  test("lists split on commas, semicolons and whitespace, and name the bad item", () => {
    expect(cleanIdList("IDs")("1;2\n3\t4")).toEqual([1, 2, 3, 4]);
    expect(cleanIdList("IDs")(7)).toEqual([7]);
    expect(cleanIdList("IDs")(" , ;")).toBeUndefined();
    expect(messageOf(() => cleanIdList("IDs", { required: true })(" , "))).toBe("IDs: expected at least one ID.");
    expect(messageOf(() => cleanIdList("IDs")(["5", "6", "zero"]))).toMatch(/^IDs \(item 3\): expected/);
    expect(cleanIdList("IDs")(["1", "", null, "2"])).toEqual([1, 2]);
  });
  test("text starting with [ that is not JSON is split like any text", () => {
    expect(splitList("[1, 2")).toEqual(["[1", "2"]);
    expect(splitList('["a,b", "c"]')).toEqual(["a,b", "c"]);
    expect(splitList(["a,b", 3])).toEqual(["a", "b", 3]);
    expect(splitList(5)).toEqual([5]);
  });
  test("a value-list item is split on commas only; a text is trimmed before it is read as JSON; empty pieces go", () => {
    expect(splitList(["a b", "c;d"])).toEqual(["a b", "c;d"]);
    expect(splitList(" [1, 2] ")).toEqual([1, 2]);
    expect(cleanIdList("IDs")(" [4,5] ")).toEqual([4, 5]);
    expect(splitList(",a;;b ,")).toEqual(["a", "b"]);
  });
});

describe("string lists", () => {
  test("items are trimmed, blanks dropped, and nothing left is unset", () => {
    expect(cleanStringList("Tags")([" a ", "", " b"])).toEqual(["a", "b"]);
    expect(cleanStringList("Tags")("a, b")).toEqual(["a", "b"]);
    expect(cleanStringList("Tags")([" ", ""])).toBeUndefined();
    expect(cleanStringList("Tags")(undefined)).toBeUndefined();
  });
  test("an enum list returns the canonical spelling of each item, numbers as text", () => {
    expect(cleanStringList("Codes", { enum: [1, 2] })("2")).toEqual(["2"]);
    expect(cleanStringList("Statuses", { enum: ["Open", "Closed"] })(["CLOSED"])).toEqual(["Closed"]);
  });
});

describe("whole numbers", () => {
  test("bounds are inclusive and numbers or padded text are read", () => {
    expect(cleanInteger("Page", { min: 1, max: 10 })("1")).toBe(1);
    expect(cleanInteger("Page", { min: 1, max: 10 })(10)).toBe(10);
    expect(cleanInteger("Page")(" -4 ")).toBe(-4);
    expect(cleanInteger("Page", { min: 0 })("0")).toBe(0);
    expect(cleanInteger("Page")("")).toBeUndefined();
  });
  test("messages name the bound and the value", () => {
    expect(messageOf(() => cleanInteger("Page", { min: 1 })("0"))).toBe('Page: expected a whole number of at least 1, got "0".');
    expect(messageOf(() => cleanInteger("Page", { max: 10 })(11))).toBe("Page: expected a whole number no larger than 10, got 11.");
    expect(messageOf(() => cleanInteger("Page")("9007199254740992"))).toBe(
      'Page: expected a whole number within ±9007199254740991, got "9007199254740992".',
    );
    expect(messageOf(() => cleanInteger("Page")("1e3"))).toBe('Page: expected a whole number, got "1e3".');
  });
});

describe("decimal numbers", () => {
  test("the forms of a number a user types", () => {
    expect(cleanNumber("Cost")(" 12.5 ")).toBe(12.5);
    expect(cleanNumber("Cost")(".5")).toBe(0.5);
    expect(cleanNumber("Cost")("5.")).toBe(5);
    expect(cleanNumber("Cost")("1E3")).toBe(1000);
    expect(cleanNumber("Cost")("2.5e-1")).toBe(0.25);
    expect(cleanNumber("Cost")(".55")).toBe(0.55);
    expect(cleanNumber("Cost")("1.5e10")).toBe(15000000000);
    expect(cleanNumber("Cost")(7.25)).toBe(7.25);
    expect(cleanNumber("Cost")("")).toBeUndefined();
  });
  test("what only looks like a number is refused", () => {
    for (const v of ["Infinity", "0x10", "1 000", "--1", "1e", "."])
      expect(messageOf(() => cleanNumber("Cost")(v))).toMatch(/^Cost: expected a number such as 125\.50/);
    expect(messageOf(() => cleanNumber("Cost")(Number.NaN))).toMatch(/^Cost: expected a number/);
  });
  test("bounds are inclusive and named", () => {
    expect(cleanNumber("Cost", { min: 0, max: 1 })("0")).toBe(0);
    expect(cleanNumber("Cost", { min: 0, max: 1 })("1")).toBe(1);
    expect(messageOf(() => cleanNumber("Cost", { min: 0 })("-0.01"))).toBe('Cost: expected a number of at least 0, got "-0.01".');
    expect(messageOf(() => cleanNumber("Cost", { max: 1 })("1.01"))).toBe('Cost: expected a number no larger than 1, got "1.01".');
  });
});

describe("booleans", () => {
  test("a default fills an empty input; a required one without default is refused", () => {
    expect(cleanBoolean("Active", { default: true })(undefined)).toBe(true);
    expect(cleanBoolean("Active", { default: true })(false)).toBe(false);
    expect(cleanBoolean("Active")(" False ")).toBe(false);
    expect(messageOf(() => cleanBoolean("Active", { required: true })(""))).toBe("Active: expected a value (this input is required).");
    expect(messageOf(() => cleanBoolean("Active")(1))).toBe("Active: expected true or false, got 1.");
  });
});

describe("dates and date-times", () => {
  test("a date is trimmed and must be the date alone", () => {
    expect(cleanDate("Day")(" 2026-01-15 ")).toBe("2026-01-15");
    expect(cleanDate("Day")("")).toBeUndefined();
    expect(messageOf(() => cleanDate("Day")("2026-01-15T10:00"))).toMatch(/^Day: expected a real date in the form YYYY-MM-DD/);
    expect(messageOf(() => cleanDate("Day", { required: true })(" "))).toMatch(/required/);
  });
  test("a Date object is sent as its instant; an invalid one is refused", () => {
    expect(cleanDateTime("Start")(new Date(Date.UTC(2026, 0, 15, 9, 30)))).toBe("2026-01-15T09:30:00.000Z");
    expect(messageOf(() => cleanDateTime("Start")(new Date(Number.NaN)))).toMatch(/^Start: expected a valid date-time, got "Invalid Date"/);
    expect(cleanDateTime("Start")(undefined)).toBeUndefined();
  });
  test("a bare date that does not exist is refused as a date", () => {
    expect(messageOf(() => cleanDateTime("Start")("2026-02-30"))).toMatch(/^Start: expected a real date such as 2026-01-15/);
    expect(cleanDateTime("Start")(" 2026-02-28 ")).toBe("2026-02-28T00:00:00Z");
  });
  test("seconds, fractions, lower case and zero offsets", () => {
    expect(messageOf(() => cleanDateTime("Start")("2026-01-15T09:30:60Z"))).toMatch(/ISO 8601/);
    expect(cleanDateTime("Start")("2026-01-15T09:30:59Z")).toBe("2026-01-15T09:30:59Z");
    expect(cleanDateTime("Start")("2026-01-15t09:30:00z")).toBe("2026-01-15T09:30:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00.5Z")).toBe("2026-01-15T09:30:00.500Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00.12+00:00")).toBe("2026-01-15T09:30:00.120Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00-00:30")).toBe("2026-01-15T10:00:00Z");
    expect(cleanDateTime("Start")("2026-01-15T09:30:00+23:00")).toBe("2026-01-14T10:30:00Z");
    expect(messageOf(() => cleanDateTime("Start")("2026-01-15T09:30:00+23:60"))).toMatch(/offset/);
  });
  test("the first and last instants of years 0001-9999 are accepted, one step beyond is not", () => {
    expect(cleanDateTime("Start")("0001-01-01T00:00:00Z")).toBe("0001-01-01T00:00:00Z");
    expect(cleanDateTime("Start")("9999-12-31T23:59:59.999Z")).toBe("9999-12-31T23:59:59.999Z");
    expect(messageOf(() => cleanDateTime("Start")("0001-01-01T00:00:00+00:01"))).toMatch(/out of range/);
    expect(cleanDateTime("Start")("0001-01-01T00:01:00+00:01")).toBe("0001-01-01T00:00:00Z");
    expect(messageOf(() => cleanDate("Day")("0000-01-01"))).toMatch(/real date/);
    expect(cleanDate("Day")("0050-06-30")).toBe("0050-06-30");
  });
});

describe("dates sent as YYYY-MM-DD and refusals worded for what was typed", () => {
  test("a single-digit month or day is sent with its leading zero", () => {
    expect(cleanDate("Day")("3/5/2026")).toBe("2026-03-05");
    expect(cleanDate("Day")("2026-03-05")).toBe("2026-03-05");
  });
  test("an impossible date typed with a time is refused as a date-time, a date alone as a date", () => {
    expect(messageOf(() => cleanDateTime("Start")("2026-02-30T10:00"))).toMatch(/^Start: expected an ISO 8601 date-time/);
    expect(messageOf(() => cleanDateTime("Start")("02/30/2026 10:00"))).toMatch(/^Start: expected an ISO 8601 date-time/);
    expect(messageOf(() => cleanDateTime("Start")(" 02/30/2026 "))).toMatch(
      /^Start: expected a real date such as 2026-01-15 or 01\/15\/2026/,
    );
  });
});

describe("an action's date-time (cleanLocalDateTime): zone-less values wait for the connection's Time Zone", () => {
  test("a value naming its zone is that instant, sent in UTC; a Date object is its instant", () => {
    expect(cleanLocalDateTime("Start")("2026-01-15T09:30:00-05:00")).toBe("2026-01-15T14:30:00Z");
    expect(cleanLocalDateTime("Start")(" 2026-01-15T09:30Z ")).toBe("2026-01-15T09:30:00Z");
    expect(cleanLocalDateTime("Start")(new Date(Date.UTC(2026, 0, 15, 9, 30)))).toBe("2026-01-15T09:30:00.000Z");
  });
  test("a value without a zone is kept as its wall-clock time, with the input's label and the value typed", () => {
    const out = cleanLocalDateTime("Start")("01/15/2026 9:30 AM");
    expect(out).toBeInstanceOf(ZonelessDateTime);
    const zoneless = out as ZonelessDateTime;
    expect(zoneless.label).toBe("Start");
    expect(zoneless.typed).toBe("01/15/2026 9:30 AM");
    expect(zoneless.wall).toEqual({ year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 0, millisecond: 0 });
    expect(zoneless.toUtc("UTC")).toBe("2026-01-15T09:30:00Z");
    expect(zoneless.toUtc("America/New_York")).toBe("2026-01-15T14:30:00Z");
  });
  test("empty is not set unless required; what is not a date-time is refused naming the input", () => {
    expect(cleanLocalDateTime("Start")(" ")).toBeUndefined();
    expect(messageOf(() => cleanLocalDateTime("Start", { required: true })(""))).toBe("Start: expected a value (this input is required).");
    expect(messageOf(() => cleanLocalDateTime("Start")("next tuesday"))).toMatch(/^Start: expected an ISO 8601 date-time/);
    expect(messageOf(() => cleanLocalDateTime("Start")("02/30/2026"))).toMatch(
      /^Start: expected a real date such as 2026-01-15 or 01\/15\/2026/,
    );
    expect(messageOf(() => cleanLocalDateTime("Start")("2026-01-15T09:30+24:00"))).toMatch(/^Start: expected a time-zone offset/);
    expect(messageOf(() => cleanLocalDateTime("Start")(new Date(Number.NaN)))).toMatch(/^Start: expected a valid date-time/);
  });
});

describe("enums and strings", () => {
  test("an exact spelling wins over a case-folded one; numbers stay numbers", () => {
    expect(cleanEnum("Mode", ["a", "A"])("A")).toBe("A");
    expect(cleanEnum("Mode", ["a", "A"])("a")).toBe("a");
    expect(cleanEnum("Size", [10, 20])(" 20 ")).toBe(20);
    expect(cleanEnum("Size", [10, 20])("")).toBeUndefined();
    expect(messageOf(() => cleanEnum("Size", [10, 20], { required: true })(""))).toMatch(/required/);
  });
  test("length is inclusive and reported; a pattern uses its hint or shows itself", () => {
    expect(cleanString("Code", { maxLength: 4 })("abcd")).toBe("abcd");
    expect(messageOf(() => cleanString("Code", { maxLength: 4 })(" abcde "))).toBe("Code: expected at most 4 characters (got 5).");
    expect(messageOf(() => cleanString("Code", { pattern: /^\d+$/, patternHint: "digits only" })("a1"))).toBe(
      'Code: expected digits only, got "a1".',
    );
    expect(messageOf(() => cleanString("Code", { pattern: /^\d+$/ })("a1"))).toBe('Code: expected text matching /^\\d+$/, got "a1".');
    expect(cleanString("Code", { pattern: /^\d+$/ })(" 12 ")).toBe("12");
    expect(cleanString("Code")(12)).toBe("12");
  });
  test("a secret is masked everywhere once cleaned, even when it is refused", () => {
    const secret = `s3cret-${Date.now()}-kept`;
    expect(cleanSecret("App Key")(` ${secret} `)).toBe(secret);
    expect(redact(`key=${secret}`)).toBe("key=[REDACTED]");
    const refused = `bad key-${Date.now()}-too-long-for-the-limit`;
    const message = messageOf(() => cleanSecret("App Key", { maxLength: 5 })(refused));
    expect(redact(`a ${refused} b`)).toBe("a [REDACTED] b");
    expect(message).not.toContain(refused);
    const patterned = `pat-${Date.now()}-x`;
    expect(messageOf(() => cleanSecret("App Key", { pattern: /^\d+$/ })(patterned))).toBe(
      'App Key: expected text matching /^\\d+$/, got "[REDACTED]".',
    );
  });
});

describe("JSON inputs", () => {
  const obj: SchemaNode = { type: "object", properties: { a: { type: "integer" } } };
  test("the expected shape follows the schema or the option", () => {
    expect(messageOf(() => cleanJson("Body", { schema: obj })("[]"))).toBe("Body: expected a JSON object (in { }), got [].");
    expect(messageOf(() => cleanJson("Body", { schema: obj })("null"))).toMatch(/^Body: expected a JSON object/);
    expect(messageOf(() => cleanJson("Body", { expect: "object" })("3"))).toMatch(/^Body: expected a JSON object/);
    expect(messageOf(() => cleanJson("Body", { expect: "array" })("{}"))).toBe("Body: expected a JSON array (a list in [ ]), got {}.");
    expect(cleanJson("Body", { expect: "any" })("3")).toBe(3);
    expect(cleanJson("Body")("[1]")).toEqual([1]);
    expect(cleanJson("Body", { schema: obj })({ a: 1 })).toEqual({ a: 1 });
    expect(cleanJson("Body")(" ")).toBeUndefined();
  });
  test("a parse error is quoted without JSON.parse's prefix; int64 stays exact", () => {
    expect(messageOf(() => cleanJson("Body")("{"))).toMatch(/^Body: expected valid JSON \(.+\)\.$/);
    expect(messageOf(() => cleanJson("Body")("{"))).not.toMatch(/JSON\.parse:/);
    expect(cleanJson("Body")('{"id": 9223372036854775807}')).toEqual({ id: 9223372036854775807n });
  });
  test("at most five schema problems are listed, the rest counted", () => {
    const many: SchemaNode = { type: "array", items: { type: "integer" } };
    const five = messageOf(() => cleanJson("IDs", { schema: many })('["a","b","c","d","e"]'));
    expect(five.split("; ")).toHaveLength(5);
    expect(five).not.toMatch(/more\)/);
    const seven = messageOf(() => cleanJson("IDs", { schema: many })('["a","b","c","d","e","f","g"]'));
    expect(seven.split("; ")).toHaveLength(5);
    expect(seven).toMatch(/^IDs: .* \(and 2 more\)\.$/);
  });
});

describe("key/value rows", () => {
  test("object rows and their keys are trimmed and numbered", () => {
    expect(keyValueRows("H", { " a ": 1, b: 2 })).toEqual([
      { key: "a", value: 1, label: "H (item 1)" },
      { key: "b", value: 2, label: "H (item 2)" },
    ]);
  });
  test("the first key or value field present wins; null and missing are skipped", () => {
    const rows = keyValueRows("P", [{ id: null, code: 7, name: undefined, title: "T" }], {
      keyFields: ["id", "code"],
      valueFields: ["name", "title"],
    });
    expect(rows).toEqual([{ key: "7", value: "T", label: "P (item 1)" }]);
  });
  test("refusals use the caller's wording and name the row", () => {
    expect(messageOf(() => keyValueRows("H", 5, { expected: "rows" }))).toBe("H: expected rows, got 5.");
    expect(messageOf(() => keyValueRows("H", null))).toMatch(/^H: expected key\/value rows, or a JSON object/);
    expect(messageOf(() => keyValueRows("H", "a=1"))).toMatch(/^H: expected key\/value rows/);
    expect(messageOf(() => keyValueRows("H", ["x", [1]], { itemExpected: "a pair" }))).toBe('H (item 1): expected a pair, got "x".');
    expect(messageOf(() => keyValueRows("H", [{ key: "a" }, [1]]))).toBe("H (item 2): expected a key and a value, got [1].");
    expect(messageOf(() => keyValueRows("H", [{ key: { k: 1 }, value: 1 }]))).toBe('H (item 1): expected a text key, got {"k":1}.');
    expect(messageOf(() => keyValueRows("H", [" =1"]))).toBe("H (item 1): expected a non-empty key.");
  });
  test('"__proto__" is refused unless the caller stores rows as own keys', () => {
    expect(messageOf(() => keyValueRows("H", ["__proto__=1"]))).toBe('H (item 1): expected a key other than "__proto__".');
    expect(keyValueRows("H", ["__proto__=1"], { protoKeyAllowed: true })[0].key).toBe("__proto__");
    const list = cleanKeyValueList("Q")('{"__proto__": "x", "n": null, "k": 5}');
    expect(Object.keys(list ?? {})).toEqual(["__proto__", "n", "k"]);
    expect(list?.n).toBe("");
    expect(list?.k).toBe("5");
    expect(Object.getOwnPropertyDescriptor(list, "__proto__")?.value).toBe("x");
  });
  test("an empty key/value list is unset; a required one is refused", () => {
    expect(cleanKeyValueList("Q")({})).toBeUndefined();
    expect(cleanKeyValueList("Q")([])).toBeUndefined();
    expect(messageOf(() => cleanKeyValueList("Q", { required: true })([]))).toMatch(/required/);
  });
  test("setOwn keeps every key an own, enumerable, writable property", () => {
    const target: Record<string, number> = {};
    setOwn(target, "__proto__", 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(target, "__proto__")).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
});

describe("survivors of the 14:13 run of clean.ts lines 195–end (each red with its mutant planted)", () => {

  it("cleanString's minimum length: one character short is refused with the count, the minimum itself passes", () => {
    expect(messageOf(() => cleanString("Search Text", { minLength: 2 })(" a "))).toBe("Search Text: expected at least 2 characters (got 1).");
    expect(cleanString("Search Text", { minLength: 2 })("ab")).toBe("ab");
  });

  it("a JSON input with more than five schema problems names five and counts the rest", () => {
    const schema: SchemaNode = { type: "array", items: { type: "integer" } };
    expect(messageOf(() => cleanJson("Technician IDs", { schema })('["a","b","c","d","e","f","g"]'))).toMatch(/\(and 2 more\)\.$/);
    // five or fewer: all named, nothing after them
    expect(messageOf(() => cleanJson("Technician IDs", { schema })('["a"]'))).toBe('Technician IDs: [0] must be a whole number, not "a".');
  });

  it("key/value text that is not JSON is refused as a whole, naming what is expected", () => {
    expect(messageOf(() => keyValueRows("Extra Details", "{not json"))).toBe(
      'Extra Details: expected key/value rows, or a JSON object such as {"source":"web"}, got "{not json".',
    );
  });

  it("a row needs one of the key fields, not all of them", () => {
    expect(keyValueRows("Parameters", [{ name: "From", value: "2026-01-01" }], { keyFields: ["key", "name"] })).toEqual([
      { key: "From", value: "2026-01-01", label: "Parameters (item 1)" },
    ]);
  });

  it("a key/value list's empty value becomes empty text, not the word null", () => {
    expect(cleanKeyValueList("Extra Details")('{"source":null,"campaign":"spring"}')).toEqual({ source: "", campaign: "spring" });
  });
});
