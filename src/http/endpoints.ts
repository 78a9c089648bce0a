import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { ENVIRONMENTS, SERVICETITAN_CONNECTION_KEY } from "../connections/serviceTitan";
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

  const environment = connectionField(connection, "environment") || "production";
  const tokenUrl = connectionField(connection, "tokenUrl");
  let apiBaseUrl: string;
  if (environment === "production" || environment === "integration") {
    const env = ENVIRONMENTS[environment];
    if (tokenUrl && parseConnectionUrl(connection, "Token URL", tokenUrl).origin !== new URL(env.tokenUrl).origin) {
      throw new ConnectionError(
        connection,
        `Token URL: "${tokenUrl}" does not belong to the ${env.label} environment; use ${env.tokenUrl} or change Environment.`,
      );
    }
    apiBaseUrl = env.apiBaseUrl;
  } else if (environment === "custom") {
    const custom = connectionField(connection, "apiBaseUrl");
    if (!custom) {
      throw new ConnectionError(connection, "API Base URL (Custom only): is required when Environment is Custom.");
    }
    const url = parseConnectionUrl(connection, "API Base URL (Custom only)", custom);
    if (!tokenUrl) throw new ConnectionError(connection, "Token URL: is required when Environment is Custom.");
    parseConnectionUrl(connection, "Token URL", tokenUrl);
    apiBaseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } else {
    throw new ConnectionError(
      connection,
      `Environment: expected production, integration or custom, got "${environment}".`,
    );
  }

  if (!accessToken) {
    throw new ConnectionError(
      connection,
      "Access token: the connection has no access token yet. Check Client ID and Client Secret, then reconnect.",
    );
  }
  return { apiBaseUrl, tenant, appKey, accessToken };
};
