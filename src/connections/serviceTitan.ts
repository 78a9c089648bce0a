import { OAuth2Type, oauth2Connection } from "@prismatic-io/spectral";

/** Where the token is requested, for an Environment value (an auth origin). */
export const TOKEN_PATH = "/connect/token";

/** One environment's hosts; the token URL always follows from the auth origin. */
const environment = (label: string, authOrigin: string, apiBaseUrl: string) =>
  ({ label, authOrigin, apiBaseUrl, tokenUrl: `${authOrigin}${TOKEN_PATH}` }) as const;

/** Hosts of ServiceTitan's two public environments (see reference: servicetitan-api-facts §1). */
export const ENVIRONMENTS = {
  production: environment("Production", "https://auth.servicetitan.io", "https://api.servicetitan.io"),
  integration: environment(
    "Integration (ServiceTitan's developer sandbox)",
    "https://auth-integration.servicetitan.io",
    "https://api-integration.servicetitan.io",
  ),
} as const;

export const SERVICETITAN_CONNECTION_KEY = "serviceTitanConnection";

/**
 * OAuth 2.0 client credentials. Prismatic exchanges the client ID and secret at the Token URL and keeps
 * the 15-minute token fresh; the component only reads `token.access_token`.
 *
 * One choice, Environment, decides both hosts: its value is the environment's auth origin, the Token URL
 * is a template built from it ({{#environment}}/connect/token, hidden), and the API host is derived from
 * it (src/http/endpoints.ts). The two can never disagree: a production token is never requested from,
 * or sent to, the integration hosts. A proxy or the embedded sandbox is reached by giving Environment
 * that host's auth origin (through a code-native integration or the API) plus API Base URL.
 *
 * Field order is the order a customer fills them (issue 15 item 11): what the Developer Portal shows them
 * (tenant, client ID, client secret, app key), then Environment and Time Zone. API Base URL is for a proxy
 * only and comes last: Spectral's connection inputs take no display condition (only `shown`), so it
 * cannot appear just for a custom Environment. Token URL (a template) and Scopes are hidden.
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
    tenant: {
      label: "Tenant ID",
      type: "string",
      required: true,
      shown: true,
      comments: "The numeric ID of the ServiceTitan tenant (company) these credentials belong to.",
      example: "10978752986",
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
    environment: {
      label: "Environment",
      type: "string",
      required: true,
      shown: true,
      default: ENVIRONMENTS.production.authOrigin,
      model: [
        { label: "Production", value: ENVIRONMENTS.production.authOrigin },
        { label: "Integration (developer sandbox)", value: ENVIRONMENTS.integration.authOrigin },
      ],
      comments:
        "Which ServiceTitan environment to call; it decides both where the token is requested and which API host is called, so the two always match. Client IDs and secrets are issued per environment: pick the one your credentials were generated in. To go through a proxy (or the embedded sandbox), set this to that host's auth origin through a code-native integration or the API, and fill in API Base URL.",
      example: ENVIRONMENTS.production.authOrigin,
    },
    timeZone: {
      label: "Time Zone",
      type: "string",
      required: false,
      shown: true,
      default: "UTC",
      comments:
        "The tenant's time zone as an IANA name, such as America/Chicago; default UTC. Dates and date-times typed into actions without an offset are read in it — 01/15/2024 means midnight there — so a date filter starts at the tenant's midnight and does not miss evening records. Values that carry an offset (2024-01-15T09:00:00Z) are not moved, and what is sent to ServiceTitan is always UTC.",
      example: "America/Chicago",
    },
    // ---- Proxy only, last: Spectral has no conditional display for connection inputs (ConnectionInput
    // offers only shown: true/false), so these cannot be hidden until Environment is a custom host. ----
    apiBaseUrl: {
      label: "API Base URL (Proxy Only)",
      type: "string",
      required: false,
      shown: true,
      comments:
        "Proxy only: leave empty for Production and Integration. When Environment is a proxy's or the embedded sandbox's auth origin, the scheme and host that stand in for https://api.servicetitan.io. It must be https; plain http is accepted only on this machine (127.0.0.1, localhost, [::1]).",
      example: "http://127.0.0.1:4010",
    },
    tokenUrl: {
      label: "Token URL",
      type: "template",
      templateValue: `{{#environment}}${TOKEN_PATH}`,
      comments: "Derived from Environment: where Prismatic exchanges the client ID and secret for a 15-minute access token.",
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
