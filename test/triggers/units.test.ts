/** Unit tests: the change classifier, change keys, the HMAC verifier, the confirmation state machine. */
import { createHmac } from "node:crypto";
import { changeKey, classifyChange } from "../../src/recordChanges/changeFeed";
import { confirmDelivery, feedKey, freshState, readStateFor } from "../../src/recordChanges/deliveryState";
import { decodeSignature, rawBodyBytes, verifySignature } from "../../src/triggers/hmac";
import { firstHeaderValue, headerValue, readJsonBody, refuse, rememberId } from "../../src/triggers/webhookGuard";

describe("classifyChange", () => {
  const t0 = "2026-01-15T09:30:00Z";
  it.each([
    [{ id: 1, active: true, createdOn: t0, modifiedOn: t0 }, "created"],
    [{ id: 1, active: true, createdOn: t0, modifiedOn: "2026-01-15T09:30:00.800Z" }, "created"], // within a second
    [{ id: 1, active: true, createdOn: "2026-01-15T09:30:00.0000000", modifiedOn: "2026-01-15T09:30:00" }, "created"], // no zone = UTC
    [{ id: 1, active: true, createdOn: t0, modifiedOn: "2026-01-15T09:30:02Z" }, "updated"],
    [{ id: 1, active: true, createdOn: t0, modifiedOn: "2026-02-01T00:00:00Z" }, "updated"],
    [{ id: 1, active: false, createdOn: t0, modifiedOn: "2026-02-01T00:00:00Z" }, "deactivated"],
    [{ id: 1, active: false, createdOn: t0, modifiedOn: t0 }, "deactivated"], // created inactive / deleted at once
    [{ id: 1, createdOn: t0, modifiedOn: t0 }, "created"], // no active field = active
    [{ id: 1, active: true, createdOn: t0 }, "created"],
    [{ id: 1, active: true, modifiedOn: t0 }, "updated"], // no createdOn: cannot prove it is new
    [{ id: 1, active: true, createdOn: "garbage", modifiedOn: t0 }, "updated"],
    [null, "updated"],
  ])("%j → %s", (record, expected) => {
    expect(classifyChange(record)).toBe(expected);
  });
});

describe("changeKey", () => {
  it("is equal for a byte-identical repeat and differs for another version at the same timestamp", () => {
    const a = { id: 7, modifiedOn: "2026-01-15T09:30:00Z", name: "A" };
    expect(changeKey({ ...a })).toBe(changeKey(a));
    expect(changeKey({ ...a, name: "B" })).not.toBe(changeKey(a));
    expect(changeKey({ ...a, id: 8 })).not.toBe(changeKey(a));
    expect(changeKey(a).startsWith("7|2026-01-15T09:30:00Z|")).toBe(true);
  });
});

describe("HMAC verifier", () => {
  const key = "test-hmac-key-123";
  const body = Buffer.from('{"eventId":"e1","eventType":"Job.Completed"}');
  const digest = createHmac("sha256", key).update(body).digest();

  it("accepts hex (any case), base64, base64url, unpadded and sha256= prefixed signatures", () => {
    for (const sig of [
      digest.toString("hex"),
      digest.toString("hex").toUpperCase(),
      digest.toString("base64"),
      digest.toString("base64url"),
      digest.toString("base64").replace(/=+$/, ""),
      `sha256=${digest.toString("hex")}`,
      ` ${digest.toString("base64")} `,
      `${"0".repeat(64)}, ${digest.toString("hex")}`, // key rotation: any one matches
    ]) {
      expect(verifySignature(body, key, sig)).toEqual({ ok: true });
    }
  });

  it("refuses wrong keys, changed bodies, missing and malformed signatures", () => {
    expect(verifySignature(body, "other-key", digest.toString("hex"))).toEqual({ ok: false, reason: "signature mismatch" });
    expect(verifySignature(Buffer.concat([body, Buffer.from(" ")]), key, digest.toString("hex"))).toEqual({ ok: false, reason: "signature mismatch" });
    expect(verifySignature(body, key, undefined)).toEqual({ ok: false, reason: "missing signature" });
    expect(verifySignature(body, key, "  ")).toEqual({ ok: false, reason: "missing signature" });
    expect(verifySignature(body, key, "not-a-signature")).toEqual({ ok: false, reason: "malformed signature" });
    expect(verifySignature(body, key, digest.toString("hex").slice(0, 62))).toEqual({ ok: false, reason: "malformed signature" });
    expect(verifySignature(undefined, key, digest.toString("hex"))).toEqual({ ok: false, reason: "missing body" });
  });

  it("decodes only 32-byte digests", () => {
    expect(decodeSignature("ab".repeat(32))?.length).toBe(32);
    expect(decodeSignature(Buffer.alloc(31).toString("base64"))).toBeUndefined();
    expect(decodeSignature("zz".repeat(32))).toBeUndefined();
  });

  it("reads the raw body in every form the platform uses, and headers in any case", () => {
    expect(rawBodyBytes(body)?.equals(body)).toBe(true);
    expect(rawBodyBytes(body.toString())?.equals(body)).toBe(true);
    expect(rawBodyBytes(new Uint8Array(body))?.equals(body)).toBe(true);
    expect(rawBodyBytes(JSON.parse(JSON.stringify(body)))?.equals(body)).toBe(true);
    expect(rawBodyBytes(undefined)).toBeUndefined();
    expect(rawBodyBytes({ a: 1 })).toBeUndefined();
    expect(headerValue({ "x-servicetitan-signature": "abc" }, "X-ServiceTitan-Signature")).toBe("abc");
    expect(headerValue({}, "X-ServiceTitan-Signature")).toBeUndefined();
  });
});

describe("webhookGuard (shared by the ServiceTitan and Leads webhooks)", () => {
  it("joins a repeated header for signatures, takes the first value for a single secret", () => {
    expect(headerValue({ "X-Sig": ["a", "b"] }, "x-sig")).toBe("a,b");
    expect(firstHeaderValue({ "X-Sig": ["a", "b"] }, "x-sig")).toBe("a");
    expect(firstHeaderValue({}, "x-sig")).toBeUndefined();
  });

  it("reads the body as JSON from the parsed body, text, bytes or a serialised Buffer", () => {
    const text = '{"id":7}';
    for (const data of [{ id: 7 }, text, Buffer.from(text), JSON.parse(JSON.stringify(Buffer.from(text)))]) {
      expect(readJsonBody({ body: { data } } as never)).toEqual({ ok: true, value: { id: 7 } });
    }
    expect(readJsonBody({ body: { data: null }, rawBody: { data: Buffer.from(text) } } as never)).toEqual({ ok: true, value: { id: 7 } });
    expect(readJsonBody({ body: { data: "not json" } } as never)).toEqual({ ok: false });
    expect(readJsonBody({ body: { data: null }, rawBody: { data: null } } as never)).toEqual({ ok: false });
  });

  it("refuses with an empty payload and a 4xx, or throws in fail mode", () => {
    const payload = { headers: { a: "1" }, body: { data: { x: 1 } }, queryParameters: { q: "1" }, pathFragment: "/p" } as never;
    const refused = refuse(payload, { mode: "respond", statusCode: 400, reason: "bad", failMessage: "no" });
    expect(refused.branch).toBe("Rejected");
    expect(refused.response).toEqual({ statusCode: 400, contentType: "application/json", body: '{"error":"bad request","reason":"bad"}' });
    expect(refused.payload).toMatchObject({ headers: {}, queryParameters: {}, body: { data: null }, pathFragment: "" });
    expect(() => refuse(payload, { mode: "fail", statusCode: 401, reason: "bad", failMessage: "refused here" })).toThrow("refused here");
  });

  it("remembers IDs in a bounded list, oldest dropped", () => {
    const state: Record<string, unknown> = {};
    expect(rememberId(state, "k", "a", 2)).toEqual({ seen: false, list: ["a"] });
    expect(rememberId(state, "k", "a", 2).seen).toBe(true);
    rememberId(state, "k", "b", 2);
    rememberId(state, "k", "c", 2);
    expect(state.k).toEqual(["b", "c"]);
    expect(rememberId(undefined, "k", "a", 2)).toEqual({ seen: false, list: ["a"] });
  });
});

describe("confirmDelivery", () => {
  const cursor = { token: "t2", seen: ["k"], pinned: 0 };
  const base = { ...freshState("crm:/export/customers"), pending: { id: "d1", cursor, count: 3, attempt: 1, deliveredAt: "x" } };

  it("commits the pending delivery and only that one", () => {
    const ok = confirmDelivery(base as never, "d1");
    expect(ok.outcome).toMatchObject({ confirmed: true, count: 3 });
    expect(ok.next).toMatchObject({ committed: cursor, lastConfirmed: "d1" });
    expect(ok.next?.pending).toBeUndefined();
    const stale = confirmDelivery(base as never, "d0");
    expect(stale.next).toBeUndefined();
    expect(stale.outcome).toMatchObject({ confirmed: false });
    expect(confirmDelivery(ok.next as never, "d1").outcome).toMatchObject({ confirmed: true, alreadyConfirmed: true });
    expect(confirmDelivery({} as never, "d1").outcome).toMatchObject({ confirmed: false });
  });
});

describe("saved trigger state is tied to tenant and host (feedKey, readStateFor)", () => {
  const legacy = "crm:/export/customers";
  const here = feedKey("https://api.servicetitan.io", "1111111", "crm", "/export/customers");
  const saved = freshState(here, "2026-01-01T00:00:00Z");

  it("the same tenant and host continue; another tenant or environment starts anew", () => {
    expect(readStateFor(saved, here, legacy)).toEqual(saved);
    expect(readStateFor(saved, feedKey("https://api.servicetitan.io", "2222222", "crm", "/export/customers"), legacy)).toBeUndefined();
    expect(readStateFor(saved, feedKey("https://api-integration.servicetitan.io", "1111111", "crm", "/export/customers"), legacy)).toBeUndefined();
    expect(readStateFor(saved, feedKey("https://api.servicetitan.io", "1111111", "jpm", "/export/jobs"), "jpm:/export/jobs")).toBeUndefined();
  });

  it("a state saved under the tenant-less key is taken over under the new key", () => {
    const old = freshState(legacy, "2026-01-01T00:00:00Z");
    expect(readStateFor(old, here, legacy)).toEqual({ ...old, feed: here });
  });
});
