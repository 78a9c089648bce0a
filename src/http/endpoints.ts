import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { ENVIRONMENTS, SERVICETITAN_CONNECTION_KEY, TOKEN_PATH } from "../connections/serviceTitan";
import { InputError } from "../core/errors";
import { connectionIdentity, redact, registerSecret } from "../core/redact";

/** Everything the transport needs from a ServiceTitan connection, checked once. */
export interface ResolvedConnection {
  apiBaseUrl: string;
  tenant: string;
  appKey: string;
  accessToken: string;
}

/**
 * A ConnectionError that names the connection (key and config variable, what the runtime needs to
 * point at it) but carries none of its fields or token, with its message redacted.
 */
export const connectionError = (connection: Connection | undefined, message: string): ConnectionError =>
  new ConnectionError(connectionIdentity(connection) as Connection, redact(message));

/** A connection field as trimmed text ("" when absent); shared by both transports' connection checks. */
export const connectionField = (connection: Connection, key: string): string => {
  const value = connection.fields?.[key];
  return value === undefined || value === null ? "" : String(value).trim();
};

/**
 * A connection field holding an absolute https URL (plain http only on loopback, for the embedded
 * sandbox or a local proxy); anything else is a ConnectionError naming the field by its label (with
 * `example` shown as a hint when given).
 */
export const parseConnectionUrl = (connection: Connection, label: string, value: string, example?: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw connectionError(connection, `${label}: expected an absolute http(s) URL${example ? ` such as ${example}` : ""}, got "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw connectionError(connection, `${label}: expected an http or https URL, got "${url.protocol}".`);
  }
  if (url.username || url.password) {
    throw connectionError(connection, `${label}: a user name or password does not belong in the URL; give the scheme and host only.`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw connectionError(
      connection,
      `${label}: expected an https URL; plain http is allowed only on this machine (127.0.0.1, localhost, [::1]), got "${url.origin}".`,
    );
  }
  return url;
};

/** Loopback only: 127.0.0.0/8, localhost and [::1], as the WHATWG parser normalises them. */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * Checks a ServiceTitan connection and derives the API base URL from its Environment. Every failure is
 * a ConnectionError naming the field to fix; nothing is sent before this succeeds.
 */
/** A ServiceTitan tenant ID: digits only, at most an int64's 19. */
export const TENANT_ID = /^\d{1,19}$/;

export const resolveConnection = (connection: Connection | undefined): ResolvedConnection => {
  if (!connection || typeof connection !== "object") {
    throw connectionError(connection, "Connection: no ServiceTitan connection was given.");
  }
  if (connection.key !== SERVICETITAN_CONNECTION_KEY) {
    throw connectionError(connection, `Connection: expected a "${SERVICETITAN_CONNECTION_KEY}" connection, got "${connection.key}".`);
  }
  const token = connection.token?.access_token;
  const accessToken = typeof token === "string" ? token : "";
  if (accessToken) registerSecret(accessToken);
  const appKey = connectionField(connection, "applicationKey");
  if (appKey) registerSecret(appKey);
  const secret = connectionField(connection, "clientSecret");
  if (secret) registerSecret(secret);

  const tenant = connectionField(connection, "tenant");
  if (!TENANT_ID.test(tenant)) {
    throw connectionError(
      connection,
      `Tenant ID: expected the numeric ServiceTitan tenant ID (digits only, such as 10978752986), got "${tenant}".`,
    );
  }
  if (!appKey) throw connectionError(connection, "Application Key: is required (the ak1.… key of your app).");

  // Environment is an auth origin (the Token URL template appends /connect/token to it); the API host
  // follows from it. The words "production" and "integration" are read as those environments too.
  const raw = connectionField(connection, "environment") || ENVIRONMENTS.production.authOrigin;
  const known = Object.values(ENVIRONMENTS).find(
    (env) =>
      raw === env.authOrigin ||
      raw === `${env.authOrigin}/` ||
      raw.toLowerCase() === (env === ENVIRONMENTS.production ? "production" : "integration"),
  );
  const tokenUrl = connectionField(connection, "tokenUrl");
  let apiBaseUrl: string;
  let authOrigin: string;
  if (known) {
    apiBaseUrl = known.apiBaseUrl;
    authOrigin = known.authOrigin;
  } else {
    if (!/^https?:\/\//i.test(raw)) {
      throw connectionError(
        connection,
        `Environment: expected Production (${ENVIRONMENTS.production.authOrigin}), Integration (${ENVIRONMENTS.integration.authOrigin}) or a proxy's auth origin, got "${raw}".`,
      );
    }
    authOrigin = parseConnectionUrl(connection, "Environment", raw).origin;
    const custom = connectionField(connection, "apiBaseUrl");
    if (!custom) {
      throw connectionError(connection, "API Base URL (Proxy Only): is required when Environment is a proxy's auth origin.");
    }
    const url = parseConnectionUrl(connection, "API Base URL (Proxy Only)", custom);
    apiBaseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  }
  // The template makes the Token URL from Environment; a value stored by hand that points elsewhere
  // would have fetched a token from another environment.
  if (tokenUrl && parseConnectionUrl(connection, "Token URL", tokenUrl).origin !== authOrigin) {
    throw connectionError(
      connection,
      `Token URL: "${tokenUrl}" does not belong to Environment ${authOrigin}; it should be ${authOrigin}${TOKEN_PATH}.`,
    );
  }

  if (!accessToken) {
    throw connectionError(
      connection,
      "Access token: the connection has no access token yet. Check Client ID and Client Secret, then reconnect.",
    );
  }
  return { apiBaseUrl, tenant, appKey, accessToken };
};

// ---------------------------------------------------------------------------------------------------
// The tenant base: the one rule that keeps a request below /<module>/<version>/tenant/<tenant>/ on the API host.
// ---------------------------------------------------------------------------------------------------

/** C0 and C1 control characters (the URL parser silently drops tab, CR and LF, joining what they split). */
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
};
/** A module is one lower-case path segment, such as crm or customer-interactions. */
const MODULE_SEGMENT = /^[a-z][a-z0-9-]*$/;
/** An API version is one segment such as v2 or v3 (telecom's calls list is v3; every other operation v2). */
export const API_VERSION = /^v\d{1,3}$/;
/** The version of an operation that names none: every ServiceTitan document but telecom's serves v2 only. */
export const DEFAULT_API_VERSION = "v2";

/** Rounds of percent-decoding a path is read through; escapes nested deeper are refused. */
const MAX_DECODE_ROUNDS = 5;

/**
 * Percent-escapes decoded until nothing changes (a proxy and a server may each decode once), or
 * undefined when escapes are still nested after MAX_DECODE_ROUNDS: what they hide is not known, and one
 * more decoder could turn them into "..".
 */
const decodedFully = (text: string): string | undefined => {
  const decodeOnce = (t: string) => t.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  let out = text;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) out = decodeOnce(out);
  return decodeOnce(out) === out ? out : undefined;
};

/**
 * Why a path below the tenant base is unsafe, or undefined when it is fine. Checked on the text before
 * any parser sees it: control characters, backslashes, "?" or "#", empty segments, and "." or ".." in
 * any spelling (".%2e", "%2E%2E", "%252e%252e", "..%2f"), and escapes nested more than five deep.
 */
export const tenantPathProblem = (path: string): string | undefined => {
  if (!path.startsWith("/")) return 'expected a path below the tenant base starting with "/", such as /customers/123';
  const decoded = decodedFully(path);
  if (decoded === undefined) return "percent-escapes nested more than five deep are not allowed in the path";
  if (hasControlCharacter(decoded)) return "control characters (tab, newline and the like) are not allowed in the path";
  if (decoded.includes("\\")) return 'a backslash ("\\") is not allowed in the path';
  if (/[?#]/.test(path)) return 'put query parameters in Query Parameters; "?" and "#" are not allowed in the path';
  if (decoded.split("/").some((seg) => seg === "." || seg === "..")) {
    return '"." and ".." segments are not allowed in any spelling (such as %2e); give the path below the tenant base, such as /customers/123';
  }
  if (path.includes("//")) return 'empty segments ("//") are not allowed in the path';
  return undefined;
};

/**
 * The final URL of a tenant API call, built and checked with the WHATWG URL parser: it must have the API
 * base's origin and a pathname below `<proxy prefix>/<module>/<version>/tenant/<tenant>/` (version v2 unless
 * the operation names another, such as telecom's v3 calls list). Anything else is an InputError naming
 * Path (or Module, or API Version) and nothing is sent.
 */
export const tenantUrl = (
  apiBaseUrl: string,
  module: string,
  tenant: string,
  path: string,
  query: string,
  version: string = DEFAULT_API_VERSION,
): string => {
  if (!MODULE_SEGMENT.test(module)) throw new InputError(`Module: expected one API module such as crm or jpm, got "${redact(module)}".`);
  if (!API_VERSION.test(version))
    throw new InputError(`API Version: expected v followed by digits, such as v2 or v3, got ${JSON.stringify(redact(version))}.`);
  const problem = tenantPathProblem(path);
  if (problem) throw new InputError(`Path: ${problem} (got ${JSON.stringify(redact(path))}).`);
  const base = new URL(`${apiBaseUrl}/${module}/${version}/tenant/${tenant}/`);
  let url: URL;
  try {
    url = new URL(`${apiBaseUrl}/${module}/${version}/tenant/${tenant}${path}${query}`);
  } catch {
    throw new InputError(`Path: not a valid URL path (got ${JSON.stringify(redact(path))}).`);
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname) || url.hash) {
    throw new InputError(`Path: the request would leave the tenant base ${base.pathname} (got ${JSON.stringify(redact(path))}).`);
  }
  return url.href;
};
