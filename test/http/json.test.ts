import { parseJsonExact, toJson } from "../../src/http/json";
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
