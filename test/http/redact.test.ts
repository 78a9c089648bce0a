import { inspect } from "node:util";
import { ConnectionError } from "@prismatic-io/spectral";
import { redact, redactAndCut, redactError, redactHeaders, redactValue, registerSecret, REDACTED } from "../../src/core/redact";

describe("redaction", () => {
  test("registered secrets are masked wherever they appear", () => {
    registerSecret("s3cr3t-value-123");
    expect(redact("the secret is s3cr3t-value-123!")).toBe(`the secret is ${REDACTED}!`);
    expect(redactValue({ nested: ["x s3cr3t-value-123 y"] })).not.toContain("s3cr3t-value-123");
  });

  test("bearer tokens, token fields and app-key fields are masked even when never registered", () => {
    expect(redact("Authorization: Bearer eyJabc.def-ghi")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('{"access_token":"tok123","x":1}')).not.toContain("tok123");
    expect(redact("client_secret=abc123&grant_type=client_credentials")).not.toContain("abc123");
    expect(redact('"ST-App-Key": "ak1.zzz"')).not.toContain("ak1.zzz");
  });

  test("secret headers are masked by name", () => {
    const out = redactHeaders({ Authorization: "Bearer x", "ST-App-Key": "ak1.y", "X-STLeads-Token": "t", Accept: "application/json" });
    expect(out).toEqual({ Authorization: REDACTED, "ST-App-Key": REDACTED, "X-STLeads-Token": REDACTED, Accept: "application/json" });
  });

  test("errors are scrubbed in message and stack", () => {
    registerSecret("another-secret-456");
    const error = redactError(new Error("failed with another-secret-456"));
    expect(error.message).not.toContain("another-secret-456");
    expect(error.stack).not.toContain("another-secret-456");
  });

  test("short values are not treated as secrets (would mask ordinary words)", () => {
    registerSecret("ab");
    expect(redact("abc")).toBe("abc");
  });

  test("errors are scrubbed in every own property, however deep, and in what JSON.stringify and util.inspect show", () => {
    registerSecret("deep-secret-789xyz");
    const error = Object.assign(new Error("plain"), {
      traceId: "t-deep-secret-789xyz",
      fieldErrors: { "deep-secret-789xyz": ["echo deep-secret-789xyz"] },
      details: [{ nested: { deeper: ["x deep-secret-789xyz"] } }],
      headers: { Authorization: "Bearer never-registered-abc" },
      cause: new Error("cause deep-secret-789xyz"),
    });
    Object.defineProperty(error, "hidden", { value: "hidden deep-secret-789xyz", enumerable: false, writable: false, configurable: true });
    redactError(error);
    expect(JSON.stringify(error)).not.toContain("deep-secret");
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toMatch(/deep-secret|never-registered/);
    expect(error.fieldErrors).toEqual({ [REDACTED]: [`echo ${REDACTED}`] });
  });

  test("a ConnectionError keeps which connection failed, not its fields or token", () => {
    const connection = { key: "serviceTitanConnection", configVarKey: "ST", fields: { clientSecret: "cs-unregistered-1" }, token: { access_token: "tok-unregistered-2" } };
    const error = redactError(new ConnectionError(connection, "refused"));
    expect(error.connection).toEqual({ key: "serviceTitanConnection", configVarKey: "ST", fields: {} });
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toMatch(/unregistered/);
    expect(connection.fields.clientSecret).toBe("cs-unregistered-1"); // the caller's connection is left alone
  });

  test("text is redacted before it is cut: a secret straddling the cut leaves no fragment", () => {
    registerSecret("straddle-secret-0123456789");
    const text = `${"x".repeat(190)}straddle-secret-0123456789 tail`;
    const cut = redactAndCut(text, 200);
    expect(cut).toBe(`${"x".repeat(190)}${REDACTED}…`);
    expect(redactAndCut("short", 200)).toBe("short");
  });
});
