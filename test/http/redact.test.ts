import { redact, redactError, redactHeaders, redactValue, registerSecret, REDACTED } from "../../src/http/redact";

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
});
