/**
 * Builds a ServiceTitan connection value the way Prismatic does for a deployed instance: the platform
 * exchanges the client ID and secret at the Token URL and hands the component `token.access_token`.
 * Used by the demo, `npm run invoke` and the tests.
 */
import type { Connection } from "@prismatic-io/spectral";
import { SERVICETITAN_CONNECTION_KEY, TOKEN_PATH } from "../../src/connections/serviceTitan";

export interface ConnectionFields {
  /** The environment's auth origin (Production, Integration, or a proxy's / the sandbox's origin). */
  environment: string;
  /** What the connection's template makes of Environment: <environment>/connect/token. */
  tokenUrl: string;
  apiBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  applicationKey: string;
  tenant: string;
}

/** OAuth 2.0 client credentials exchange (what the Prismatic platform does for us in production). */
export const fetchToken = async (fields: Pick<ConnectionFields, "tokenUrl" | "clientId" | "clientSecret">): Promise<string> => {
  const res = await fetch(fields.tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: fields.clientId,
      client_secret: fields.clientSecret,
    }).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Token request failed with ${res.status}: ${text.slice(0, 200)}`);
  const token = JSON.parse(text).access_token;
  if (typeof token !== "string") throw new Error("Token response had no access_token.");
  return token;
};

export const buildConnection = (fields: ConnectionFields, accessToken?: string): Connection => ({
  key: SERVICETITAN_CONNECTION_KEY,
  configVarKey: "ServiceTitan Connection",
  fields: { scopes: "", ...fields },
  token: accessToken ? { access_token: accessToken, token_type: "Bearer", expires_in: 900 } : undefined,
});

/** A connection to a running sandbox, with a fresh token from its token endpoint. */
export const sandboxConnection = async (sandbox: {
  url: string;
  tokenUrl: string;
  credentials: { clientId: string; clientSecret: string; appKey: string; tenant: string };
}): Promise<Connection> => {
  // The sandbox stands where a proxy would: Environment is its origin, the token URL follows from it.
  const origin = new URL(sandbox.tokenUrl).origin;
  const fields: ConnectionFields = {
    environment: origin,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    apiBaseUrl: sandbox.url,
    clientId: sandbox.credentials.clientId,
    clientSecret: sandbox.credentials.clientSecret,
    applicationKey: sandbox.credentials.appKey,
    tenant: sandbox.credentials.tenant,
  };
  return buildConnection(fields, await fetchToken(fields));
};
