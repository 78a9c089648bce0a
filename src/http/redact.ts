/**
 * Redaction: the one place that keeps secrets out of log lines, debug output and error messages.
 *
 * Every secret the component handles (access tokens, client secrets, app keys, webhook keys) is
 * registered here when it is first read; `redact` then replaces each occurrence in any text, and also
 * masks well-known secret-bearing patterns (Authorization headers, token fields) whose value was never
 * registered.
 */
const secrets = new Set<string>();
const MIN_SECRET_LENGTH = 4;
export const REDACTED = "[REDACTED]";

export const registerSecret = (value: unknown): void => {
  if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
};

/** Header names whose values are always masked. */
const SECRET_HEADERS = /^(authorization|st-app-key|x-stleads-token|x-servicetitan-signature|cookie|set-cookie|x-api-key|proxy-authorization)$/i;

/** True for a header name whose value is always a secret (any letter case). */
export const isSecretHeader = (name: string): boolean => SECRET_HEADERS.test(name);

const PATTERNS: Array<[RegExp, string]> = [
  [/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${REDACTED}`],
  [/("?(?:access_token|client_secret|clientSecret|applicationKey|refresh_token|password)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, `$1${REDACTED}`],
  [/(st-app-key"?\s*[:=]\s*"?)[^"&\s,}]+/gi, `$1${REDACTED}`],
];

export const redact = (text: string): string => {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
};

/** Returns a copy of a header map with secret-bearing headers masked. */
export const redactHeaders = (headers: Record<string, unknown> | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name] = isSecretHeader(name) ? REDACTED : typeof value === "string" ? redact(value) : value;
  }
  return out;
};

/** Redacts any value for logging: strings directly, everything else through its JSON form. */
export const redactValue = (value: unknown): string => {
  if (typeof value === "string") return redact(value);
  try {
    return redact(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value));
  } catch {
    return redact(String(value));
  }
};

/** Scrubs an error's message and stack in place, so nothing thrown carries a secret. */
export const redactError = <E>(error: E): E => {
  if (error instanceof Error) {
    error.message = redact(error.message);
    if (error.stack) error.stack = redact(error.stack);
  }
  return error;
};
