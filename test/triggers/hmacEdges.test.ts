/**
 * Edges of webhook signature checking found by mutation testing (npm run mutation -- triggers): raw body
 * forms, signature text variants (prefix, spaces, base64url, stray characters), and a header listing a
 * malformed signature beside a valid one.
 */
import { decodeSignature, rawBodyBytes, signBody, verifySignature } from "../../src/triggers/hmac";

const KEY = "whk-test-key";

/** A body whose base64 signature holds both "+" and "/" (so base64url differs from it in both). */
const bodyWithPlusAndSlash = (): { body: string; digest: Buffer } => {
  for (let i = 0; ; i += 1) {
    const body = `{"n":${i}}`;
    const digest = signBody(body, KEY);
    const b64 = digest.toString("base64");
    if (b64.includes("+") && b64.includes("/")) return { body, digest };
  }
};

describe("raw body forms", () => {
  test("a serialised Buffer ({ type: 'Buffer', data }) is read; other objects and null are not", () => {
    expect(rawBodyBytes({ type: "Buffer", data: [1, 2] })).toEqual(Buffer.from([1, 2]));
    expect(rawBodyBytes({ type: "Other", data: [1, 2] })).toBeUndefined();
    expect(rawBodyBytes({ type: "Buffer", data: "12" })).toBeUndefined();
    expect(rawBodyBytes(null)).toBeUndefined();
  });
});

describe("signature text", () => {
  const { digest } = bodyWithPlusAndSlash();
  const hex = digest.toString("hex");
  const b64 = digest.toString("base64");

  test("spaces around the text and after the sha256= prefix are ignored", () => {
    expect(decodeSignature(`  sha256=${hex}  `)).toEqual(digest);
    expect(decodeSignature(`sha256: ${hex}`)).toEqual(digest);
  });

  test("hex must be exactly the 64 digits: anything before or after is malformed", () => {
    expect(decodeSignature(`x${hex}`)).toBeUndefined();
    expect(decodeSignature(`${hex}0`)).toBeUndefined();
    expect(decodeSignature(`xsha256=${hex}`)).toBeUndefined();
  });

  test("base64url (with - and _) decodes to the same digest as base64", () => {
    const url = b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(url).toMatch(/-/);
    expect(url).toMatch(/_/);
    expect(decodeSignature(url)).toEqual(digest);
  });

  test("base64 with a stray character, or text before or after it, is malformed", () => {
    expect(decodeSignature(`${b64.slice(0, 20)}!${b64.slice(20)}`)).toBeUndefined();
    expect(decodeSignature(`!${b64}`)).toBeUndefined();
    expect(decodeSignature(`${b64}!`)).toBeUndefined();
  });

  test("a header with a malformed signature beside a valid one is accepted (key rotation)", () => {
    const { body, digest: d } = bodyWithPlusAndSlash();
    expect(verifySignature(Buffer.from(body), KEY, `garbage,${d.toString("hex")}`)).toEqual({ ok: true });
    expect(verifySignature(Buffer.from(body), KEY, `garbage,${"0".repeat(64)}`)).toEqual({ ok: false, reason: "signature mismatch" });
  });
});
