/**
 * Edges of the webhook guard found by mutation testing (npm run mutation -- triggers): header values that
 * are null, an empty expected secret, and which body is read when the parsed one is unusable.
 */
import { firstHeaderValue, headerValue, readJsonBody, secretMatches } from "../../src/triggers/webhookGuard";

test("a header present with a null value counts as absent", () => {
  expect(headerValue({ "X-Sig": null }, "x-sig")).toBeUndefined();
  expect(firstHeaderValue({ "X-Sig": null }, "x-sig")).toBeUndefined();
  expect(headerValue({ "X-Sig": ["a", "b"] }, "x-sig")).toBe("a,b");
  expect(firstHeaderValue({ "X-Sig": ["a", "b"] }, "x-sig")).toBe("a");
});

test("no secret is matched when the expected one is empty", () => {
  expect(secretMatches("", "")).toBe(false);
  expect(secretMatches("abc", "abc")).toBe(true);
});

test("a parsed body that is neither an object nor text, or blank text, gives way to the raw body", () => {
  const raw = { data: Buffer.from('{"a":1}') };
  expect(readJsonBody({ body: { data: 5 }, rawBody: raw } as never)).toEqual({ ok: true, value: { a: 1 } });
  expect(readJsonBody({ body: { data: "   " }, rawBody: raw } as never)).toEqual({ ok: true, value: { a: 1 } });
  expect(readJsonBody({ body: { data: { b: 2 } }, rawBody: raw } as never)).toEqual({ ok: true, value: { b: 2 } });
  expect(readJsonBody({ body: { data: "{oops" }, rawBody: raw } as never)).toEqual({ ok: false });
});
