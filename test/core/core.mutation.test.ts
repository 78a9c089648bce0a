/**
 * src/core at its edges (issue 18, mutation testing): redaction (a missed case leaks a secret), exact
 * JSON (a missed case changes an int64 ID) and input errors (what a refusal shows). Each case is one a
 * changed comparison, pattern or branch in src/core would break.
 */
import { checkDateRange, fail, InputError } from "../../src/core/errors";
import { parseJsonExact, toJson } from "../../src/core/json";
import {
  connectionIdentity,
  isSecretHeader,
  REDACTED,
  redact,
  redactAndCut,
  redactDeep,
  redactError,
  redactHeaders,
  redactValue,
  registerSecret,
} from "../../src/core/redact";

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).name).toBe("InputError");
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
};

describe("registered secrets", () => {
  it("four characters are enough to be a secret; three are not; only text is registered", () => {
    registerSecret("q7z4");
    registerSecret("k9w");
    registerSecret(12345678);
    expect(redact("a q7z4 b k9w c 12345678")).toBe(`a ${REDACTED} b k9w c 12345678`);
  });
  it("every occurrence is masked", () => {
    registerSecret("twice-secret-55");
    expect(redact("twice-secret-55/twice-secret-55")).toBe(`${REDACTED}/${REDACTED}`);
  });
});

describe("secrets recognised by shape", () => {
  it.each([
    ["bearer   abc.DEF-_~+/9==", `bearer   ${REDACTED}`],
    ["BEARER tok", `BEARER ${REDACTED}`],
    ['{"refresh_token": "r1", "x": 1}', `{"refresh_token": "${REDACTED}", "x": 1}`],
    ["password=hunter2&user=bob", `password=${REDACTED}&user=bob`],
    ["clientSecret: cs1, next", `clientSecret: ${REDACTED}, next`],
    ['"applicationKey":"ak9"}', `"applicationKey":"${REDACTED}"}`],
    ["ACCESS_TOKEN=at1 tail", `ACCESS_TOKEN=${REDACTED} tail`],
    ["st-app-key=ak.1&x", `st-app-key=${REDACTED}&x`],
    ['"ST-APP-KEY":"ak.2"', `"ST-APP-KEY":"${REDACTED}"`],
  ])("%s", (text, masked) => expect(redact(text)).toBe(masked));
  it("ordinary text is left alone", () => expect(redact("a token of thanks, password reset done")).toBe("a token of thanks, password reset done"));
});

describe("headers", () => {
  it.each(["authorization", "ST-App-Key", "x-stleads-token", "X-ServiceTitan-Signature", "Cookie", "set-cookie", "X-API-Key", "Proxy-Authorization"])(
    "%s is always secret",
    (name) => expect(isSecretHeader(name)).toBe(true),
  );
  it.each(["x-authorization", "authorization-x", "accept", "st-app-key2"])("%s is not a secret header by name", (name) => expect(isSecretHeader(name)).toBe(false));
  it("secret headers are masked whatever their value; others are redacted text or left as they are", () => {
    registerSecret("hdr-secret-777");
    expect(redactHeaders({ cookie: ["a", "b"], "X-Trace": "id hdr-secret-777", "Content-Length": 12 })).toEqual({
      cookie: REDACTED,
      "X-Trace": `id ${REDACTED}`,
      "Content-Length": 12,
    });
    expect(redactHeaders(undefined)).toEqual({});
  });
});

describe("any value for a log line", () => {
  it("text, objects, bigint, cycles and undefined", () => {
    registerSecret("val-secret-31");
    expect(redactValue("x val-secret-31")).toBe(`x ${REDACTED}`);
    expect(redactValue({ a: "val-secret-31", n: 9007199254740993n })).toBe(`{"a":"${REDACTED}","n":"9007199254740993"}`);
    expect(redactValue(undefined)).toBe("undefined");
    const cycle: Record<string, unknown> = { note: "val-secret-31" };
    cycle.self = cycle;
    expect(redactValue(cycle)).toBe("[object Object]");
  });
  it("cut after redaction: the limit is inclusive and the mark learns the redacted length", () => {
    expect(redactAndCut("12345", 5)).toBe("12345");
    expect(redactAndCut("123456", 5)).toBe("12345…");
    expect(redactAndCut("123456", 5, (n) => `[+${n}]`)).toBe("12345[+6]");
    registerSecret("cut-secret-000");
    expect(redactAndCut("cut-secret-000", 9, (n) => `|${n}`)).toBe(`${REDACTED.slice(0, 9)}|${REDACTED.length}`);
  });
});

describe("deep redaction", () => {
  it("values under secret-named keys are masked when they are text; other values are walked", () => {
    const out = redactDeep({ token: "t1", Client_Secret: "c1", app_key: "a1", apiKey: "k1", password: "p1", "st-app-key": "s1", Secret: "x1", nested: { access_token: { deeper: "plain" } }, count: 3, ok: "plain" });
    expect(out).toEqual({
      token: REDACTED,
      Client_Secret: REDACTED,
      app_key: REDACTED,
      apiKey: REDACTED,
      password: REDACTED,
      "st-app-key": REDACTED,
      Secret: REDACTED,
      nested: { access_token: { deeper: "plain" } },
      count: 3,
      ok: "plain",
    });
    expect(redactDeep({ "x-api-key": "h1", mytoken: "keep", tokens: "keep" })).toEqual({ "x-api-key": REDACTED, mytoken: "keep", tokens: "keep" });
  });
  it("keys are redacted, arrays walked, Buffers and Dates kept, cycles kept as cycles", () => {
    registerSecret("deep-key-secret-4");
    const date = new Date(0);
    const buffer = Buffer.from("deep-key-secret-4");
    const input: Record<string, unknown> = { "deep-key-secret-4": ["deep-key-secret-4", 1, null], date, buffer };
    input.self = input;
    const out = redactDeep(input) as Record<string, unknown>;
    expect(out[REDACTED]).toEqual([REDACTED, 1, null]);
    expect(out.date).toBe(date);
    expect(out.buffer).toBe(buffer);
    expect(out.self).toBe(out);
    const list: unknown[] = ["a"];
    list.push(list);
    const outList = redactDeep(list) as unknown[];
    expect(outList[1]).toBe(outList);
  });
  it("nesting deeper than ten levels is cut, ten levels are kept", () => {
    const nest = (levels: number): unknown => (levels === 0 ? "leaf" : { n: nest(levels - 1) });
    expect(JSON.stringify(redactDeep(nest(11)))).toBe(JSON.stringify(nest(11)));
    expect(JSON.stringify(redactDeep(nest(12)))).toContain('"[nested too deep]"');
    expect(JSON.stringify(redactDeep(nest(12)))).not.toContain("leaf");
  });
  it("a connection, with fields or with a token, is reduced to its identity", () => {
    expect(redactDeep({ c: { key: "k", configVarKey: "v", fields: { clientSecret: "x" } } })).toEqual({ c: { key: "k", configVarKey: "v", fields: {} } });
    expect(redactDeep({ c: { key: "k", token: { access_token: "x" } } })).toEqual({ c: { key: "k", configVarKey: "", fields: {} } });
    expect(redactDeep({ c: { key: "k", other: "x" } })).toEqual({ c: { key: "k", other: "x" } });
    expect(connectionIdentity(null)).toEqual({ key: "", configVarKey: "", fields: {} });
    expect(redactDeep(null)).toBeNull();
    expect(redactDeep(7)).toBe(7);
  });
});

describe("errors", () => {
  it("a read-only property is replaced; the connection property is reduced; nested errors scrubbed once", () => {
    registerSecret("err-secret-812");
    const error = new Error("m");
    Object.defineProperty(error, "frozen", { value: "x err-secret-812", writable: false, enumerable: true, configurable: true });
    Object.assign(error, { connection: { key: "k", fields: { clientSecret: "err-secret-812" } }, data: { note: "err-secret-812" }, code: 5 });
    (error as unknown as Record<string, unknown>).again = error;
    const out = redactError(error) as Error & Record<string, unknown>;
    expect(out).toBe(error);
    expect(out.frozen).toBe(`x ${REDACTED}`);
    expect(Object.getOwnPropertyDescriptor(out, "frozen")?.enumerable).toBe(true);
    expect(out.connection).toEqual({ key: "k", configVarKey: "", fields: {} });
    expect(out.data).toEqual({ note: REDACTED });
    expect(out.code).toBe(5);
    expect(out.again).toBe(out);
  });
  it("a property that can neither be redefined nor deleted stays exactly as it was (scrubbing in place cannot reach it)", () => {
    registerSecret("err-secret-913");
    const error = new Error("m");
    Object.defineProperty(error, "stuck", { value: "err-secret-913", writable: false, enumerable: true, configurable: false });
    const keep = Object.getOwnPropertyDescriptor(error, "stuck");
    redactError(error);
    // a non-configurable property can neither be redefined nor deleted: it stays, but only as it was
    expect(Object.getOwnPropertyDescriptor(error, "stuck")).toEqual(keep);
  });
  it("what is thrown and is not an Error is redacted as a value", () => {
    registerSecret("err-secret-014");
    expect(redactError("x err-secret-014")).toBe(`x ${REDACTED}`);
    expect(redactError({ token: "t" })).toEqual({ token: REDACTED });
  });
});

describe("input errors", () => {
  it("the value is shown quoted text or JSON, redacted and cut to 80 characters; no value, no 'got'", () => {
    expect(messageOf(() => fail("Name", "text"))).toBe("Name: expected text.");
    expect(messageOf(() => fail("Name", "text", "abc"))).toBe('Name: expected text, got "abc".');
    expect(messageOf(() => fail("Name", "text", { a: [1] }))).toBe('Name: expected text, got {"a":[1]}.');
    expect(messageOf(() => fail("Name", "text", null))).toBe("Name: expected text, got null.");
    expect(messageOf(() => fail("Name", "text", () => 1))).toBe("Name: expected text, got () => 1.");
    expect(messageOf(() => fail("Name", "text", 10n))).toBe("Name: expected text, got 10.");
    expect(messageOf(() => fail("Name", "text", "x".repeat(100)))).toBe(`Name: expected text, got "${"x".repeat(79)}….`);
    registerSecret("input-secret-77");
    expect(messageOf(() => fail("Key", "text", "input-secret-77"))).toBe(`Key: expected text, got "${REDACTED}".`);
  });
  it("a date range must run forwards; equal ends are refused; unset ends are not checked", () => {
    expect(() => checkDateRange("Start", "2026-01-01T00:00:00Z", "End", "2026-01-02T00:00:00Z")).not.toThrow();
    expect(messageOf(() => checkDateRange("Start", "2026-01-02T00:00:00Z", "End", "2026-01-01T00:00:00Z"))).toBe(
      "Start and End: expected Start (2026-01-02T00:00:00Z) to be before End (2026-01-01T00:00:00Z).",
    );
    expect(messageOf(() => checkDateRange("Start", "2026-01-01T00:00:00Z", "End", "2026-01-01T00:00:00Z"))).toMatch(/to be before/);
    expect(() => checkDateRange("Start", undefined, "End", "2026-01-01T00:00:00Z")).not.toThrow();
    expect(() => checkDateRange("Start", "2026-01-02T00:00:00Z", "End", undefined)).not.toThrow();
  });
});

describe("exact JSON", () => {
  it("integers beyond 2^53 are kept as text or bigint; safe ones, floats and 15-digit runs are numbers", () => {
    expect(parseJsonExact('{"a": 9007199254740993, "b": -9007199254740993, "c": 9007199254740991, "d": 1234567890123456.5}')).toEqual({
      a: "9007199254740993",
      b: "-9007199254740993",
      c: 9007199254740991,
      d: 1234567890123456.5,
    });
    expect(parseJsonExact("[9007199254740993]", "bigint")).toEqual([9007199254740993n]);
    expect(parseJsonExact('{"a": 123456789012345}')).toEqual({ a: 123456789012345 });
    expect(parseJsonExact('{"a": 1, "a": 2, "b": "9007199254740993"}')).toEqual({ a: 2, b: "9007199254740993" });
    expect(() => parseJsonExact("{")).toThrow(SyntaxError);
  });
  it("toJson writes bigint as digits and rethrows any other failure", () => {
    expect(toJson({ a: 9007199254740993n, b: [1, undefined], c: undefined })).toBe('{"a":9007199254740993,"b":[1,null]}');
    expect(toJson({ a: 1 })).toBe('{"a":1}');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toJson(cycle)).toThrow(TypeError);
  });
});

describe("survivors of the 14:05 core run (each red with its mutant planted)", () => {
  it("a text value is shown as typed between quotes, not JSON-escaped (errors.ts show)", () => {
    expect(messageOf(() => fail("Name", "a short name", 'say "hi"\\now'))).toBe('Name: expected a short name, got "say "hi"\\now".');
  });

  it("checkDateRange with maxDays: exactly the limit passes, a millisecond more fails with the days and the reason", () => {
    const limit = { maxDays: 14, why: "capacity is computed for 14 days at most" };
    expect(() => checkDateRange("From", "2026-03-01T00:00:00Z", "To", "2026-03-15T00:00:00Z", limit)).not.toThrow();
    expect(messageOf(() => checkDateRange("From", "2026-03-01T00:00:00Z", "To", "2026-03-15T00:00:00.001Z", limit))).toBe(
      "From and To: at most 14 days apart (capacity is computed for 14 days at most); got 14 days (2026-03-01T00:00:00Z to 2026-03-15T00:00:00.001Z).",
    );
    expect(messageOf(() => checkDateRange("From", "2026-03-01T00:00:00Z", "To", "2026-03-15T12:00:00Z", { maxDays: 14 }))).toBe(
      "From and To: at most 14 days apart; got 14.5 days (2026-03-01T00:00:00Z to 2026-03-15T12:00:00Z).",
    );
    expect(messageOf(() => checkDateRange("From", "2026-01-01T00:00:00Z", "To", "2026-03-01T00:00:00Z", { maxDays: 14 }))).toMatch(/got 59 days/);
    // without maxDays any length is fine
    expect(() => checkDateRange("From", "2020-01-01T00:00:00Z", "To", "2026-01-01T00:00:00Z")).not.toThrow();
  });

  it("an error's connection property that is text is redacted as text, not read as a connection", () => {
    registerSecret("conn-secret-value-123");
    const error = Object.assign(new Error("failed"), { connection: "token conn-secret-value-123" });
    const scrubbed = redactError(error) as Error & { connection: unknown };
    expect(scrubbed.connection).toBe(`token ${REDACTED}`);
  });

  it("objects nested deeper than ten levels are cut at the eleventh, in values and in errors", () => {
    const nest = (levels: number): Record<string, unknown> => (levels === 0 ? { leaf: "x" } : { next: nest(levels - 1) });
    const depthOf = (v: unknown): number => {
      let d = 0;
      let cur = v as Record<string, unknown> | string;
      while (typeof cur === "object" && cur && "next" in cur) {
        cur = cur.next as Record<string, unknown>;
        d += 1;
      }
      return typeof cur === "string" ? d : -1;
    };
    expect(depthOf(redactDeep(nest(20)))).toBe(11);
    const error = Object.assign(new Error("failed"), { details: nest(20) });
    expect(depthOf((redactError(error) as Error & { details: unknown }).details)).toBe(10);
  });

  it("an error's enumerable properties stay enumerable after scrubbing (and the message stays hidden from keys)", () => {
    const error = Object.assign(new Error("failed"), { traceId: "t-1", fieldErrors: { name: ["bad"] } });
    redactError(error);
    expect(Object.keys(error)).toEqual(["traceId", "fieldErrors"]);
    expect(Object.getOwnPropertyDescriptor(error, "message")?.enumerable).toBe(false);
  });

  it("arrays nested deeper than ten levels are cut at the eleventh", () => {
    const nest = (levels: number): unknown[] => (levels === 0 ? ["leaf"] : [nest(levels - 1)]);
    let cur = redactDeep(nest(20)) as unknown;
    let depth = 0;
    while (Array.isArray(cur) && Array.isArray(cur[0])) {
      cur = cur[0];
      depth += 1;
    }
    expect(Array.isArray(cur) ? cur[0] : cur).toBe("[nested too deep]");
    expect(depth).toBe(10);
  });

  it("a scrubbed error's properties stay writable and can be scrubbed again when a secret is registered later", () => {
    const error = Object.assign(new Error("failed"), { traceId: "t-1 late-secret-4711" });
    redactError(error);
    expect(error.traceId).toBe("t-1 late-secret-4711");
    registerSecret("late-secret-4711");
    redactError(error);
    expect(error.traceId).toBe(`t-1 ${REDACTED}`);
    error.traceId = "t-2";
    expect(error.traceId).toBe("t-2");
    // and configurable: later code may still remove or redefine what was scrubbed
    expect(delete (error as { traceId?: string }).traceId).toBe(true);
    expect("traceId" in error).toBe(false);
  });
});
