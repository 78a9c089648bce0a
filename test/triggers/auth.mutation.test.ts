/**
 * The webhook checks at their edges (issue 18, mutation testing): which headers are read as signature
 * candidates, the header-name log line, dotted body paths, event age, refusals and the memory of handled
 * events — each case a way a changed comparison would let a forged or replayed call in, or refuse a
 * good one.
 */
import {
  decodeSignature,
  headerNameMatches,
  MAX_CANDIDATE_HEADERS,
  MAX_SIGNATURE_TEXT,
  signatureCandidates,
  signBody,
  verifySignature,
} from "../../src/triggers/hmac";
import {
  eventAge,
  headerValue,
  readJsonBody,
  headerNamesForLog,
  jsonResponse,
  refuse,
  rememberId,
  secretMatches,
  valueAt,
  whenRefusedInput,
} from "../../src/triggers/webhookGuard";

describe("headerNameMatches", () => {
  it.each([
    ["X-Sig", "x-sig", true],
    ["x-sig", "X-SIG", true],
    ["x-sig2", "x-sig", false],
    ["x-si", "x-sig", false],
    ["X-ServiceTitan-Signature", "*signature*", true],
    ["signature", "*signature*", true],
    ["sig", "*signature*", false],
    ["x-a", "x-*", true],
    ["x-", "x-*", true],
    ["y-a", "x-*", false],
    ["x-sig", "*-sig", true],
    ["x-sig-2", "*-sig", false],
    ["abc", "a*b*c", true],
    ["aXbYc", "a*b*c", true],
    ["acb", "a*b*c", false],
    ["ab", "a*b*c", false],
    ["abc", "a*bc*bc", false], // the middle part may not overlap the last one
    ["abcbc", "a*bc*bc", true],
    ["abXc", "a*c*b*c", false], // middle parts in order
    ["x", "*x*", true],
    ["ab", "ab*b", false],
  ])("%s ~ %s → %s", (name, entry, expected) => {
    expect(headerNameMatches(name, entry)).toBe(expected);
  });
});

describe("signatureCandidates", () => {
  it("reads the listed headers in the list's order, each once, patterns in arrival order", () => {
    const headers = { "b-signature": "1", "A-Signature": "2", sig: "3", other: "4" };
    expect(signatureCandidates(headers, ["sig", "*signature*"])).toEqual({ names: ["sig", "b-signature", "A-Signature"], text: "3,1,2" });
    expect(signatureCandidates(headers, ["a-signature", "*signature*"])).toEqual({ names: ["A-Signature", "b-signature"], text: "2,1" });
  });

  it("skips absent values, joins repeated ones, reads other values as text", () => {
    const headers = { "x-sig": null, "y-sig": undefined, "z-sig": ["a", "b"], "n-sig": 7 };
    expect(signatureCandidates(headers, ["*-sig"])).toEqual({ names: ["z-sig", "n-sig"], text: "a,b,7" });
    expect(signatureCandidates(undefined, ["*"])).toEqual({ names: [], text: "" });
  });

  it("reads at most MAX_CANDIDATE_HEADERS headers and MAX_SIGNATURE_TEXT characters of each", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CANDIDATE_HEADERS + 2 }, (_, i) => [`s${i}-signature`, `${i}`]));
    const out = signatureCandidates(many, ["*signature*"]);
    expect(out.names).toHaveLength(MAX_CANDIDATE_HEADERS);
    expect(out.names[MAX_CANDIDATE_HEADERS - 1]).toBe(`s${MAX_CANDIDATE_HEADERS - 1}-signature`);
    // The bound holds across list entries too.
    expect(signatureCandidates(many, ["s0-signature", "*signature*"]).names).toHaveLength(MAX_CANDIDATE_HEADERS);
    expect(signatureCandidates({ s: "x".repeat(MAX_SIGNATURE_TEXT + 10) }, ["s"]).text).toHaveLength(MAX_SIGNATURE_TEXT);
  });
});

describe("signature text and verification", () => {
  const body = Buffer.from('{"eventId":"e1"}');
  const digest = signBody(body, "k");

  it("the prefix is read in any case, with = or :", () => {
    expect(decodeSignature(`SHA256=${digest.toString("hex")}`)).toEqual(digest);
    expect(decodeSignature(`Sha256:${digest.toString("base64")}`)).toEqual(digest);
    expect(decodeSignature(`sha256-${digest.toString("hex")}`)).toBeUndefined();
  });

  it("base64 is exactly 43 characters and up to two padding signs", () => {
    expect(decodeSignature(digest.toString("base64"))).toEqual(digest);
    expect(decodeSignature(`${digest.toString("base64")}=`)).toEqual(digest);
    expect(decodeSignature(`${digest.toString("base64")}==`)).toBeUndefined();
    expect(decodeSignature(Buffer.alloc(33, 1).toString("base64"))).toBeUndefined();
    expect(decodeSignature(digest.toString("base64").slice(1))).toBeUndefined();
  });

  it("an empty body is still signed and checked; a wrong signature of the right shape is a mismatch", () => {
    const empty = Buffer.alloc(0);
    expect(verifySignature(empty, "k", signBody(empty, "k").toString("hex"))).toEqual({ ok: true });
    expect(verifySignature(empty, "k", digest.toString("hex"))).toEqual({ ok: false, reason: "signature mismatch" });
    // The right signature last in the list still matches (every candidate is compared).
    expect(verifySignature(body, "k", `${"0".repeat(64)},${"1".repeat(64)},${digest.toString("base64")}`)).toEqual({ ok: true });
    expect(verifySignature(body, "k", `${digest.toString("hex")},${"0".repeat(64)}`)).toEqual({ ok: true });
  });
});

describe("secretMatches", () => {
  it("matches only the same non-empty secret", () => {
    expect(secretMatches(undefined, "s")).toBe(false);
    expect(secretMatches("s", "s")).toBe(true);
    expect(secretMatches("s ", "s")).toBe(false);
    expect(secretMatches("", "s")).toBe(false);
  });
});

describe("headerNamesForLog", () => {
  it("lower-cases, sorts and neutralises names; says (none) for none", () => {
    expect(headerNamesForLog(undefined)).toBe("(none)");
    expect(headerNamesForLog({})).toBe("(none)");
    expect(headerNamesForLog({ B: "1", "a-x": "2" })).toBe("a-x, b");
    expect(headerNamesForLog({ "X\nForged: y": "1" })).toBe("x?forged??y");
    expect(headerNamesForLog({ "x!#$%&'*+.^_`|~-9": "1" })).toBe("x!#$%&'*+.^_`|~-9");
    expect(headerNamesForLog({ ["h".repeat(70)]: "1" })).toBe("h".repeat(64));
  });

  it("lists 40 names at most and counts the rest", () => {
    const names = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`h${String(i).padStart(2, "0")}`, "v"]));
    expect(headerNamesForLog(names(40))).toBe(Array.from({ length: 40 }, (_, i) => `h${String(i).padStart(2, "0")}`).join(", "));
    const more = headerNamesForLog(names(42));
    expect(more.endsWith(", h39 and 2 more")).toBe(true);
    expect(more.startsWith("h00, h01, ")).toBe(true);
  });
});

describe("valueAt", () => {
  it("follows own keys of objects only", () => {
    expect(valueAt({ a: { b: 1 } }, "a.b")).toBe(1);
    expect(valueAt({ a: 0 }, "a")).toBe(0);
    expect(valueAt({ a: 1 }, "a.b")).toBeUndefined();
    expect(valueAt({}, "constructor")).toBeUndefined();
    expect(valueAt(null, "a")).toBeUndefined();
    expect(valueAt("text", "length")).toBeUndefined();
    expect(valueAt({ a: { b: { c: "x" } } }, "a.b.c")).toBe("x");
  });
});

describe("eventAge", () => {
  const NOW = Date.UTC(2026, 0, 15, 9, 30);
  it("no limit: nothing is too old", () => {
    expect(eventAge({ t: 1 }, "t", 0, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: 1 }, "t", -5, NOW)).toEqual({ tooOld: false });
  });

  it("epoch seconds and milliseconds, older than the limit only when strictly older", () => {
    const secs = (NOW - 5000) / 1000;
    expect(eventAge({ t: secs }, "t", 4999, NOW)).toEqual({ tooOld: true, at: new Date(NOW - 5000).toISOString() });
    expect(eventAge({ t: secs }, "t", 5000, NOW)).toEqual({ tooOld: false, at: new Date(NOW - 5000).toISOString() });
    expect(eventAge({ t: NOW - 5000 }, "t", 4999, NOW)).toEqual({ tooOld: true, at: new Date(NOW - 5000).toISOString() });
    expect(eventAge({ t: 1e11 }, "t", 1, 1e11 + 10)).toEqual({ tooOld: true, at: new Date(1e11).toISOString() });
    expect(eventAge({ t: 1e11 - 1 }, "t", 1, 1e11 + 10).at).toBe(new Date((1e11 - 1) * 1000).toISOString());
    // A future event is never too old.
    expect(eventAge({ t: NOW + 60_000 }, "t", 1, NOW).tooOld).toBe(false);
  });

  it("ISO text up to 64 characters; anything else passes undated", () => {
    expect(eventAge({ e: { at: "2026-01-15T09:00:00Z" } }, "e.at", 60_000, NOW)).toEqual({ tooOld: true, at: "2026-01-15T09:00:00.000Z" });
    const padded = (n: number) => {
      const base = "Thu Jan 15 2026 09:00:00 GMT+0000 (";
      return `${base}${"x".repeat(n - base.length - 1)})`;
    };
    expect(eventAge({ t: padded(64) }, "t", 60_000, NOW)).toEqual({ tooOld: true, at: "2026-01-15T09:00:00.000Z" });
    expect(eventAge({ t: padded(65) }, "t", 60_000, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: "yesterday" }, "t", 60_000, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: Number.NaN }, "t", 60_000, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: Number.POSITIVE_INFINITY }, "t", 60_000, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: true }, "t", 60_000, NOW)).toEqual({ tooOld: false });
    expect(eventAge({}, "t", 60_000, NOW)).toEqual({ tooOld: false });
  });

  it("times beyond a Date's range pass undated; the range's ends are read", () => {
    expect(eventAge({ t: 8.64e15 + 1 }, "t", 1, NOW)).toEqual({ tooOld: false });
    // Numbers below 1e11 (negative ones too) are seconds.
    expect(eventAge({ t: -8.64e12 - 1 }, "t", 1, NOW)).toEqual({ tooOld: false });
    expect(eventAge({ t: -8.64e12 }, "t", 1, NOW)).toEqual({ tooOld: true, at: new Date(-8.64e15).toISOString() });
    expect(eventAge({ t: 8.64e15 }, "t", 1, NOW)).toEqual({ tooOld: false, at: new Date(8.64e15).toISOString() });
  });
});

describe("refusing", () => {
  const payload = {
    headers: { a: "1" },
    body: { data: { x: 1 } },
    rawBody: { data: "raw" },
    queryParameters: { q: "1" },
    pathFragment: "/p",
    webhookUrls: { f: "u" },
  } as never;

  it("401 says unauthorized, 400 bad request; the payload keeps nothing the caller sent", () => {
    const r = refuse(payload, { mode: "respond", statusCode: 401, reason: "why", failMessage: "no" });
    expect(r.response).toEqual(jsonResponse(401, { error: "unauthorized", reason: "why" }));
    expect(r.payload).toEqual({
      headers: {},
      queryParameters: {},
      rawBody: { data: null },
      body: { data: null },
      pathFragment: "",
      webhookUrls: { f: "u" },
    });
    expect(refuse(payload, { mode: "respond", statusCode: 400, reason: "why", failMessage: "no" }).response.body).toBe(
      '{"error":"bad request","reason":"why"}',
    );
  });

  it("the When Refused input offers respond and fail, respond by default", () => {
    const i = whenRefusedInput("Answer", "c") as { default: string; clean: (v: unknown) => unknown; model: { value: string }[] };
    expect(i.default).toBe("respond");
    expect(i.model.map((m) => m.value)).toEqual(["respond", "fail"]);
    expect(i.clean("fail")).toBe("fail");
    expect(() => i.clean("ignore")).toThrow();
  });
});

describe("rememberId", () => {
  it("keeps the newest `limit` ids and ignores a non-list under the key", () => {
    const state: Record<string, unknown> = { k: "not a list" };
    expect(rememberId(state, "k", "a", 3)).toEqual({ seen: false, list: ["a"] });
    for (const id of ["b", "c", "d"]) rememberId(state, "k", id, 3);
    expect(state.k).toEqual(["b", "c", "d"]);
    expect(rememberId(state, "k", "a", 3).seen).toBe(false);
    expect(rememberId(state, "k", "d", 3)).toEqual({ seen: true, list: ["c", "d", "a"] });
  });
});

describe("survivors of the 15:33 run", () => {
  const hex = signBody("{}", "k").toString("hex");

  it("a signature's sha256= prefix is stripped only at the start", () => {
    expect(decodeSignature(`sha256=${hex}`)).toEqual(Buffer.from(hex, "hex"));
    // Split around a "sha256=" inside, the two halves would join into a valid digest: refused.
    expect(decodeSignature(`${hex.slice(0, 32)}sha256=${hex.slice(32)}`)).toBeUndefined();
  });

  it("a header is found by its own name, wherever it stands among the others", () => {
    expect(headerValue({ "Content-Type": "application/json", "X-ServiceTitan-Signature": "sig" }, "x-servicetitan-signature")).toBe("sig");
    expect(headerValue({ "Content-Type": "application/json" }, "x-servicetitan-signature")).toBeUndefined();
  });

  it("a payload without a parsed body is read from its raw body", () => {
    const payload = { rawBody: { data: Buffer.from('{"a":1}') } } as unknown as Parameters<typeof readJsonBody>[0];
    expect(readJsonBody(payload)).toEqual({ ok: true, value: { a: 1 } });
  });

  it("When Refused: a required input, answering by default, with the two modes as its choices", () => {
    const definition = whenRefusedInput("Answer 401 and stop", "What to do with a refused call.");
    expect(definition).toMatchObject({
      label: "When Refused",
      type: "string",
      required: true,
      default: "respond",
      example: "respond",
      comments: "What to do with a refused call.",
      model: [
        { label: "Answer 401 and stop", value: "respond" },
        { label: "Fail the execution (nothing after the trigger runs)", value: "fail" },
      ],
    });
  });
});
