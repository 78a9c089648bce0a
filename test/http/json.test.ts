import { parseJsonExact, toJson } from "../../src/core/json";
import { cleanJson } from "../../src/inputs/clean";

describe("int64 IDs stay exact", () => {
  test("responses: integers beyond 2^53 come back as their exact digits; everything else unchanged", () => {
    const text = '{"id":9007199254740993,"small":42,"neg":-9223372036854775807,"f":1.5e3,"s":"9007199254740993 in text","arr":[12345678901234567890]}';
    expect(parseJsonExact(text)).toEqual({ id: "9007199254740993", small: 42, neg: "-9223372036854775807", f: 1500, s: "9007199254740993 in text", arr: ["12345678901234567890"] });
    expect(JSON.parse(text).id).toBe(9007199254740992); // what plain JSON.parse would have done
  });
  test("ordinary payloads take the plain path", () => {
    expect(parseJsonExact('{"id":123,"phone":"5551234567890123"}')).toEqual({ id: 123, phone: "5551234567890123" });
  });
  test("strings with escaped quotes are skipped correctly", () => {
    expect(parseJsonExact('{"a":"x\\"1234567890123456789\\"","b":1234567890123456789}')).toEqual({ a: 'x"1234567890123456789"', b: "1234567890123456789" });
  });
  test("inputs: JSON code inputs keep big IDs as bigint and the request carries the same digits", () => {
    const parsed = cleanJson("Custom Fields", { schema: { type: "array", items: { type: "object", properties: { typeId: { type: "integer" } } } } })(
      '[{"typeId": 9223372036854775807}]',
    ) as Array<{ typeId: bigint }>;
    expect(parsed[0].typeId).toBe(9223372036854775807n);
    expect(toJson(parsed)).toBe('[{"typeId":9223372036854775807}]');
  });
});

describe("issue 14 item 6: no in-band markers, user text is sent as typed", () => {
  test("text that looks like an old marker is written as that text, next to a real bigint", () => {
    expect(toJson({ note: "__st_bigint__666__", id: 9007199254740993n })).toBe('{"note":"__st_bigint__666__","id":9007199254740993}');
    expect(toJson(["__st_bigint__-1__", 1n])).toBe('["__st_bigint__-1__",1]');
    expect(toJson({ note: "__st_bigint__666__" })).toBe('{"note":"__st_bigint__666__"}');
  });
  test("responses: a string that looks like a marker stays a string", () => {
    expect(parseJsonExact('{"note":"__st_int64__123","id":12345678901234567890}')).toEqual({ note: "__st_int64__123", id: "12345678901234567890" });
  });
  test("inputs: a JSON input keeps marker-like text and the request carries it unchanged", () => {
    const parsed = cleanJson("Body")('{"note":"__st_int64__123","tag":"__st_bigint__666__","id":9223372036854775807}');
    expect(parsed).toEqual({ note: "__st_int64__123", tag: "__st_bigint__666__", id: 9223372036854775807n });
    expect(toJson(parsed)).toBe('{"note":"__st_int64__123","tag":"__st_bigint__666__","id":9223372036854775807}');
  });
  test("the exact path reads like JSON.parse: last duplicate key wins, __proto__ is a plain key, floats and exponents unchanged", () => {
    const parsed = parseJsonExact('{"a":1,"a":2,"__proto__":{"x":1},"f":-0.125,"e":2e-3,"id":12345678901234567890}') as Record<string, unknown>;
    expect(parsed.a).toBe(2);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["a", "__proto__", "f", "e", "id"]);
    expect(parsed.f).toBe(-0.125);
    expect(parsed.e).toBe(0.002);
    expect(() => parseJsonExact('{"id":12345678901234567890,')).toThrow(SyntaxError);
  });
  test("toJson writes what JSON.stringify writes for everything but bigint", () => {
    const value = { d: new Date(0), u: undefined, n: null, arr: [undefined, 1.5], nested: { s: "x\"y" } };
    expect(toJson(value)).toBe(JSON.stringify(value));
    expect(toJson({ ...value, big: 1n })).toBe(`${JSON.stringify(value).slice(0, -1)},"big":1}`);
  });
});
