import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { ENVIRONMENTS, SERVICETITAN_CONNECTION_KEY, TOKEN_PATH } from "../connections/serviceTitan";
import { registerSecret } from "./redact";

/** Everything the transport needs from a ServiceTitan connection, checked once. */
export interface ResolvedConnection {
  apiBaseUrl: string;
  tenant: string;
  appKey: string;
  accessToken: string;
}

/** A connection field as trimmed text ("" when absent); shared by both transports' connection checks. */
export const connectionField = (connection: Connection, key: string): string => {
  const value = connection.fields?.[key];
  return value === undefined || value === null ? "" : String(value).trim();
};

/**
 * A connection field holding an absolute http(s) URL; anything else is a ConnectionError naming the
 * field by its label (with `example` shown as a hint when given).
 */
export const parseConnectionUrl = (connection: Connection, label: string, value: string, example?: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectionError(connection, `${label}: expected an absolute http(s) URL${example ? ` such as ${example}` : ""}, got "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConnectionError(connection, `${label}: expected an http or https URL, got "${url.protocol}".`);
  }
  return url;
};

/**
 * Checks a ServiceTitan connection and derives the API base URL from its Environment. Every failure is
 * a ConnectionError naming the field to fix; nothing is sent before this succeeds.
 */
export const resolveConnection = (connection: Connection | undefined): ResolvedConnection => {
  if (!connection || typeof connection !== "object") {
    throw new ConnectionError(connection as unknown as Connection, "Connection: no ServiceTitan connection was given.");
  }
  if (connection.key !== SERVICETITAN_CONNECTION_KEY) {
    throw new ConnectionError(
      connection,
      `Connection: expected a "${SERVICETITAN_CONNECTION_KEY}" connection, got "${connection.key}".`,
    );
  }
  const token = connection.token?.access_token;
  const accessToken = typeof token === "string" ? token : "";
  if (accessToken) registerSecret(accessToken);
  const appKey = connectionField(connection, "applicationKey");
  if (appKey) registerSecret(appKey);
  const secret = connectionField(connection, "clientSecret");
  if (secret) registerSecret(secret);

  const tenant = connectionField(connection, "tenant");
  if (!/^\d{1,19}$/.test(tenant)) {
    throw new ConnectionError(
      connection,
      `Tenant ID: expected the numeric ServiceTitan tenant ID (digits only, such as 10978752986), got "${tenant}".`,
    );
  }
  if (!appKey) throw new ConnectionError(connection, "Application Key: is required (the ak1.… key of your app).");

  // Environment is an auth origin (the Token URL template appends /connect/token to it); the API host
  // follows from it. The words "production" and "integration" are read as those environments too.
  const raw = connectionField(connection, "environment") || ENVIRONMENTS.production.authOrigin;
  const known = Object.values(ENVIRONMENTS).find(
    (env) => raw === env.authOrigin || raw === `${env.authOrigin}/` || raw.toLowerCase() === (env === ENVIRONMENTS.production ? "production" : "integration"),
  );
  const tokenUrl = connectionField(connection, "tokenUrl");
  let apiBaseUrl: string;
  let authOrigin: string;
  if (known) {
    apiBaseUrl = known.apiBaseUrl;
    authOrigin = known.authOrigin;
  } else {
    if (!/^https?:\/\//i.test(raw)) {
      throw new ConnectionError(
        connection,
        `Environment: expected Production (${ENVIRONMENTS.production.authOrigin}), Integration (${ENVIRONMENTS.integration.authOrigin}) or a proxy's auth origin, got "${raw}".`,
      );
    }
    authOrigin = parseConnectionUrl(connection, "Environment", raw).origin;
    const custom = connectionField(connection, "apiBaseUrl");
    if (!custom) {
      throw new ConnectionError(connection, "API Base URL (Proxy Only): is required when Environment is a proxy's auth origin.");
    }
    const url = parseConnectionUrl(connection, "API Base URL (Proxy Only)", custom);
    apiBaseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  }
  // The template makes the Token URL from Environment; a value stored by hand that points elsewhere
  // would have fetched a token from another environment.
  if (tokenUrl && parseConnectionUrl(connection, "Token URL", tokenUrl).origin !== authOrigin) {
    throw new ConnectionError(connection, `Token URL: "${tokenUrl}" does not belong to Environment ${authOrigin}; it should be ${authOrigin}${TOKEN_PATH}.`);
  }

  if (!accessToken) {
    throw new ConnectionError(
      connection,
      "Access token: the connection has no access token yet. Check Client ID and Client Secret, then reconnect.",
    );
  }
  return { apiBaseUrl, tenant, appKey, accessToken };
};
