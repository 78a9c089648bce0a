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

/** Fixed secret values (name → value). */
export const KNOWN_SECRETS: Record<string, string> = {
  "sandbox client secret": SANDBOX_CLIENT_SECRET,
  "sandbox app key": SANDBOX_APP_KEY,
  "capture app key": CAPTURE_APP_KEY,
  "capture access token": CAPTURE_ACCESS_TOKEN,
  "capture client secret": CAPTURE_CLIENT_SECRET,
};

/** Secrets generated at run time, recognised by shape: the sandbox's access tokens (`sbx.` + 24 random bytes). */
export const SECRET_PATTERNS: Record<string, RegExp> = {
  "sandbox access token": /\bsbx\.[A-Za-z0-9_-]{32}\b/g,
};

/** Registered values shorter than this are not scanned for (too likely to match ordinary text). */
export const MIN_DYNAMIC_SECRET_LENGTH = 8;
