/**
 * The secrets the test run uses, in one place: the sandbox's default credentials (checked against
 * sandbox/server.ts DEFAULT_CREDENTIALS by test/support/secretScan.test.ts, so they cannot drift), the
 * capture server's fake credentials, and the shape of every token the sandboxes issue. The secret
 * scan (secretScan.ts) fails the run when any of them shows up in a log line, debug output or error.
 */
export const SANDBOX_CLIENT_SECRET = "sandbox-secret-do-not-log";
export const SANDBOX_APP_KEY = "ak1.sandbox-app-key";
export const CAPTURE_APP_KEY = "ak1.capture-app-key-0001";
export const CAPTURE_ACCESS_TOKEN = "capture-access-token-0001";
export const CAPTURE_CLIENT_SECRET = "capture-client-secret";
/** The Leads sandbox's default client secret (sandbox/leads/server.ts LEADS_SANDBOX_CLIENT_SECRET). */
export const LEADS_SANDBOX_CLIENT_SECRET = "leads-sandbox-secret-do-not-log";
/** Webhook keys the trigger tests sign and verify with. */
export const LEADS_WEBHOOK_SECRET = "partner-signing-key-123";
export const SERVICETITAN_WEBHOOK_KEY = "whk-7d1e4b6a9c2f5e8d1a4b7c90-secret";

/** Fixed secret values (name → value). */
export const KNOWN_SECRETS: Record<string, string> = {
  "sandbox client secret": SANDBOX_CLIENT_SECRET,
  "sandbox app key": SANDBOX_APP_KEY,
  "capture app key": CAPTURE_APP_KEY,
  "capture access token": CAPTURE_ACCESS_TOKEN,
  "capture client secret": CAPTURE_CLIENT_SECRET,
  "leads sandbox client secret": LEADS_SANDBOX_CLIENT_SECRET,
  "leads webhook secret": LEADS_WEBHOOK_SECRET,
  "ServiceTitan webhook HMAC key": SERVICETITAN_WEBHOOK_KEY,
};

/** Secrets generated at run time, recognised by shape: the sandbox's access tokens (`sbx.` + 24 random bytes). */
export const SECRET_PATTERNS: Record<string, RegExp> = {
  "sandbox access token": /\bsbx\.[A-Za-z0-9_-]{32}\b/g,
  "leads sandbox access token": /\blsbx\.[A-Za-z0-9_-]{43}\b/g,
};

/** Registered values shorter than this are not scanned for (too likely to match ordinary text). */
export const MIN_DYNAMIC_SECRET_LENGTH = 8;
