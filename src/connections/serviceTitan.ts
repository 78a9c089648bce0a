import { OAuth2Type, oauth2Connection } from "@prismatic-io/spectral";

/** Hosts of ServiceTitan's two public environments (see reference: servicetitan-api-facts §1). */
export const ENVIRONMENTS = {
  production: {
    label: "Production",
    apiBaseUrl: "https://api.servicetitan.io",
    tokenUrl: "https://auth.servicetitan.io/connect/token",
  },
  integration: {
    label: "Integration (ServiceTitan's developer sandbox)",
    apiBaseUrl: "https://api-integration.servicetitan.io",
    tokenUrl: "https://auth-integration.servicetitan.io/connect/token",
  },
} as const;

export const SERVICETITAN_CONNECTION_KEY = "serviceTitanConnection";

/**
 * OAuth 2.0 client credentials. Prismatic exchanges the client ID and secret at the Token URL and keeps
 * the 15-minute token fresh; the component only reads `token.access_token`.
 *
 * The Environment decides the API host. The Token URL must belong to the same environment; the
 * component checks this on every call (src/http/endpoints.ts) and refuses to send a request when the
 * two disagree, so a production token can never be sent to the integration host or the reverse.
 */
export const serviceTitanConnection = oauth2Connection({
  key: SERVICETITAN_CONNECTION_KEY,
  display: {
    label: "ServiceTitan OAuth 2.0 (Client Credentials)",
    description:
      "Connect to one ServiceTitan tenant with the client ID and secret generated for that tenant in the ServiceTitan Developer Portal, plus your application key.",
  },
  oauth2Type: OAuth2Type.ClientCredentials,
  inputs: {
    environment: {
      label: "Environment",
      type: "string",
      required: true,
      shown: true,
      default: "production",
      model: [
        { label: "Production", value: "production" },
        { label: "Integration (developer sandbox)", value: "integration" },
        { label: "Custom hosts (proxy or local sandbox)", value: "custom" },
      ],
      comments:
        "Which ServiceTitan environment to call. Client IDs and secrets are issued per environment, so pick the one your credentials were generated in. Choose Custom only to reach a proxy or the embedded sandbox; then fill in API Base URL and Token URL.",
      example: "production",
    },
    tokenUrl: {
      label: "Token URL",
      type: "string",
      required: true,
      shown: true,
      default: ENVIRONMENTS.production.tokenUrl,
      comments:
        "Where Prismatic exchanges the client ID and secret for an access token. It must belong to the chosen Environment: https://auth.servicetitan.io/connect/token for Production, https://auth-integration.servicetitan.io/connect/token for Integration. A mismatch is reported as a connection error before any request is sent.",
      example: ENVIRONMENTS.production.tokenUrl,
    },
    apiBaseUrl: {
      label: "API Base URL (Custom only)",
      type: "string",
      required: false,
      shown: true,
      comments:
        "Only for the Custom environment: the scheme and host that stand in for https://api.servicetitan.io, for example a proxy or the embedded sandbox. Leave empty for Production and Integration.",
      example: "http://127.0.0.1:4010",
    },
    clientId: {
      label: "Client ID",
      type: "string",
      required: true,
      shown: true,
      comments:
        "The tenant's client ID, shown under View Connections for your app in the ServiceTitan Developer Portal once the tenant has connected the app.",
      example: "cid.k2x7example0client0id",
    },
    clientSecret: {
      label: "Client Secret",
      type: "password",
      required: true,
      shown: true,
      comments:
        "The client secret generated for this tenant in the Developer Portal (View Connections → Generate). Stored encrypted; never logged.",
      example: "cs1.generated-secret-value",
    },
    applicationKey: {
      label: "Application Key",
      type: "password",
      required: true,
      shown: true,
      comments:
        "Your app's key from the Developer Portal (starts with ak1.). Sent as the ST-App-Key header on every call; the same key serves every tenant and environment.",
      example: "ak1.4adsy4lzgsd0b3cqh48zl5z3d7",
    },
    tenant: {
      label: "Tenant ID",
      type: "string",
      required: true,
      shown: true,
      comments: "The numeric ID of the ServiceTitan tenant (company) these credentials belong to.",
      example: "10978752986",
    },
    scopes: {
      label: "Scopes",
      type: "string",
      required: false,
      shown: false,
      default: "",
      comments:
        "ServiceTitan grants the scopes chosen when the app was created; nothing needs to be requested here.",
    },
  },
});
