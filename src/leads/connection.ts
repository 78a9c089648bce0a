import { OAuth2Type, oauth2Connection } from "@prismatic-io/spectral";

/**
 * Hosts of the Leads Integration Platform (seed 003). Each environment has an identity host (the
 * token URL is that host + /connect/token) and a booking API host. ServiceTitan's guide names the
 * sandbox identity host two ways (marketing-integrations-identity-demo.st.dev in its endpoint table,
 * leads-identity-demo.st.dev in its examples); both are accepted for Sandbox. It publishes no
 * production booking host: that one is handed out with the production credentials, so Production
 * requires the Booking API URL field.
 */
export const LEADS_ENVIRONMENTS = {
  sandbox: {
    label: "Sandbox",
    identityHosts: ["https://marketing-integrations-identity-demo.st.dev", "https://leads-identity-demo.st.dev"],
    bookingApiUrl: "https://leads-booking-api-demo.st.dev" as string | undefined,
  },
  production: {
    label: "Production",
    identityHosts: ["https://leads-identity.servicetitan.com"],
    bookingApiUrl: undefined as string | undefined,
  },
} as const;

export const LEADS_TOKEN_PATH = "/connect/token";
export const LEADS_CONNECTION_KEY = "leadsIntegrationPlatform";

/**
 * OAuth 2.0 client credentials issued to a Strategic Partner by its ServiceTitan Partner Manager, one
 * pair per environment. Prismatic exchanges them at the token URL (identity host + /connect/token) and
 * renews the one-hour token; the component reads `token.access_token` and never refreshes by hand.
 */
export const leadsPlatformConnection = oauth2Connection({
  key: LEADS_CONNECTION_KEY,
  display: {
    label: "ServiceTitan Leads Integration Platform (Partner Client Credentials)",
    description:
      "Connect as a ServiceTitan Strategic Partner to pair accounts and send bookings through the Leads Integration Platform, with the partner client ID and secret from your ServiceTitan Partner Manager.",
  },
  oauth2Type: OAuth2Type.ClientCredentials,
  inputs: {
    environment: {
      label: "Environment",
      type: "string",
      required: true,
      shown: true,
      default: "sandbox",
      model: [
        { label: "Sandbox (demo hosts)", value: "sandbox" },
        { label: "Production", value: "production" },
        { label: "Custom hosts (proxy or embedded sandbox)", value: "custom" },
      ],
      comments:
        "Which Leads Integration Platform environment the credentials belong to. ServiceTitan issues separate credentials for Sandbox and Production. Custom is for a proxy or the embedded leads sandbox: then Identity Host and Booking API URL are used as typed, and must be https (plain http only on this machine: 127.0.0.1, localhost, [::1]).",
      example: "sandbox",
    },
    identityHost: {
      label: "Identity Host",
      type: "string",
      required: true,
      shown: true,
      default: LEADS_ENVIRONMENTS.sandbox.identityHosts[0],
      comments:
        "Scheme and host of the token service; the token is requested at this host + /connect/token. Sandbox: https://marketing-integrations-identity-demo.st.dev (or https://leads-identity-demo.st.dev). Production: https://leads-identity.servicetitan.com. It must match Environment unless Environment is Custom.",
      example: "https://leads-identity.servicetitan.com",
    },
    tokenUrl: {
      label: "Token URL",
      type: "template",
      templateValue: `{{#identityHost}}${LEADS_TOKEN_PATH}`,
      comments: "Derived from Identity Host: where the client ID and secret are exchanged for a one-hour token.",
    },
    bookingApiUrl: {
      label: "Booking API URL",
      type: "string",
      required: false,
      shown: true,
      comments:
        "Scheme and host of the account-pairing and booking API. Leave empty for Sandbox (https://leads-booking-api-demo.st.dev is used). Required for Production — use the host your Partner Manager gave you — and for Custom.",
      example: "https://leads-booking-api-demo.st.dev",
    },
    clientId: {
      label: "Client ID",
      type: "string",
      required: true,
      shown: true,
      comments: "The partner client ID for this environment, from your ServiceTitan Partner Manager.",
      example: "acmeleads_client",
    },
    clientSecret: {
      label: "Client Secret",
      type: "password",
      required: true,
      shown: true,
      comments: "The partner client secret for this environment. Stored encrypted; never written to logs.",
      example: "7a2abb98b5117e80500af07788109d1d",
    },
    scopes: {
      label: "Scopes",
      type: "string",
      required: false,
      shown: false,
      default: "",
      comments: "The Leads Integration Platform grants access by client; no scope needs to be requested.",
    },
  },
});
