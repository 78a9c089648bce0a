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

/**
 * Redacts first, then cuts to `limit` characters, ending with `mark(length of the redacted text)`: a
 * secret that straddles the cut is masked whole instead of leaving its first characters behind.
 */
export const redactAndCut = (text: string, limit: number, mark: (length: number) => string = () => "…"): string => {
  const clean = redact(text);
  return clean.length > limit ? `${clean.slice(0, limit)}${mark(clean.length)}` : clean;
};

/** Property names whose value is a secret whatever it looks like (a connection's fields, a token answer). */
const SECRET_KEYS = /^(authorization|st-app-key|x-stleads-token|cookie|password|client_?secret|access_?token|refresh_?token|application_?key|app_?key|api_?key|secret|token)$/i;

/** What an error needs of a connection (which one failed, for the runtime), never its fields or token. */
export const connectionIdentity = (connection: unknown): { key: string; configVarKey: string; fields: Record<string, never> } => {
  const c = (connection ?? {}) as { key?: unknown; configVarKey?: unknown };
  return { key: String(c.key ?? ""), configVarKey: String(c.configVarKey ?? ""), fields: {} };
};

const isConnectionLike = (value: unknown): boolean =>
  Boolean(value) && typeof value === "object" && "key" in (value as object) && ("fields" in (value as object) || "token" in (value as object));

const MAX_DEPTH = 10;

/**
 * A redacted copy of any value: every string (object keys included) through `redact`, values under
 * secret-named keys masked, connections reduced to their identity, errors scrubbed in place (see
 * `redactError`). Cycles and depth are bounded; Buffers and Dates are kept as they are.
 */
export const redactDeep = (value: unknown, seen: WeakMap<object, unknown> = new WeakMap(), depth = 0): unknown => {
  if (typeof value === "string") return redact(value);
  if (!value || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Error) return scrubError(value, seen, depth);
  if (Buffer.isBuffer(value) || value instanceof Date) return value;
  if (depth > MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(redactDeep(item, seen, depth + 1));
    return out;
  }
  if (isConnectionLike(value)) return connectionIdentity(value);
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) {
    out[redact(key)] = typeof item === "string" && (SECRET_KEYS.test(key) || isSecretHeader(key)) ? REDACTED : redactDeep(item, seen, depth + 1);
  }
  return out;
};

/** Sets a property even when it was defined read-only; a property that cannot be changed is removed. */
const replaceProperty = (target: object, key: string | symbol, value: unknown): void => {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  try {
    Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: descriptor?.enumerable ?? true });
  } catch {
    Reflect.deleteProperty(target, key);
  }
};

const scrubError = <E extends Error>(error: E, seen: WeakMap<object, unknown>, depth: number): E => {
  seen.set(error, error);
  for (const key of Reflect.ownKeys(error)) {
    const value = (error as unknown as Record<string | symbol, unknown>)[key];
    if (key === "connection" && isConnectionLike(value)) replaceProperty(error, key, connectionIdentity(value));
    else if (typeof value === "string") replaceProperty(error, key, redact(value));
    else if (value && typeof value === "object") replaceProperty(error, key, redactDeep(value, seen, depth + 1));
  }
  return error;
};

/**
 * Scrubs a thrown error in place, so nothing it carries holds a secret: message, stack and every own
 * property (fieldErrors, traceId, details, cause, nested objects) redacted recursively, and a
 * ConnectionError's connection reduced to its key and config variable (no fields, no token). Anything
 * thrown that is not an Error is returned redacted.
 */
export const redactError = <E>(error: E): E => {
  if (error instanceof Error) return scrubError(error, new WeakMap(), 0);
  return redactDeep(error) as E;
};
