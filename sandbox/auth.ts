/**
 * OAuth 2.0 client-credentials token endpoint and the per-request checks (Bearer token, ST-App-Key,
 * tenant). Secrets are compared but never echoed back.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { problem } from "./problem";
import type { SandboxCredentials, SandboxResponse } from "./types";

const SCOPES = [
  "tn.crm.customers:r tn.crm.customers:w tn.crm.locations:r tn.crm.locations:w tn.crm.contacts:r tn.crm.contacts:w",
  "tn.crm.bookings:r tn.crm.bookings:w tn.crm.bookingprovidertags:r tn.crm.bookingprovidertags:w tn.crm.leads:r tn.crm.leads:w",
  "tn.jpm.jobs:r tn.jpm.jobs:w tn.jpm.appointments:r tn.jpm.appointments:w tn.jpm.jobtypes:r tn.jpm.jobtypes:w tn.jpm.jobcancelreasons:r",
  "tn.dis.appointmentassignments:r tn.dis.appointmentassignments:w tn.stt.technicians:r tn.stt.technicians:w",
  "tn.stt.businessunits:r tn.stt.userroles:r tn.stt.tagtypes:r tn.mrk.campaigns:r tn.mrk.campaigns:w tn.sp.schedulers:r",
].join(" ");

const sameSecret = (a: string, b: string): boolean => {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
};

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
  status,
  headers: { "cache-control": "no-store" },
  body: { error, error_description: description },
});

export class Auth {
  /** token → expiry (epoch ms, sandbox clock). */
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly credentials: SandboxCredentials,
    private readonly lifetimeSeconds: number,
    private readonly clock: () => Date,
  ) {}

  issue(): { token: string; expiresIn: number } {
    const token = `sbx.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, this.clock().getTime() + this.lifetimeSeconds * 1000);
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** Makes every issued token expire now (tests of token refresh). */
  expireAll(): void {
    for (const key of this.tokens.keys()) this.tokens.set(key, 0);
  }

  /** `POST /connect/token` */
  tokenEndpoint(contentType: string, bodyText: string): SandboxResponse {
    if (!/application\/x-www-form-urlencoded/i.test(contentType)) {
      return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.");
    }
    const form = new URLSearchParams(bodyText);
    const grant = form.get("grant_type");
    if (!grant) return oauthError(400, "invalid_request", "grant_type is required.");
    if (grant !== "client_credentials") {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    const clientId = form.get("client_id") ?? "";
    const clientSecret = form.get("client_secret") ?? "";
    if (!sameSecret(clientId, this.credentials.clientId) || !sameSecret(clientSecret, this.credentials.clientSecret)) {
      return oauthError(400, "invalid_client", "Unknown client or wrong client secret.");
    }
    const { token, expiresIn } = this.issue();
    return {
      status: 200,
      headers: { "cache-control": "no-store", pragma: "no-cache" },
      body: { access_token: token, expires_in: expiresIn, token_type: "Bearer", scope: SCOPES },
    };
  }

  /** Checks Authorization, ST-App-Key and tenant; returns an error response or undefined when fine. */
  check(headers: Record<string, string>, tenant: string): SandboxResponse | undefined {
    const authorization = headers["authorization"] ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const challenge = { "www-authenticate": 'Bearer error="invalid_token"' };
    if (!m) {
      return problem(401, "Unauthorized", { authorization: ["A Bearer access token is required in the Authorization header."] }, {}, {
        "www-authenticate": "Bearer",
      });
    }
    const expiry = this.tokens.get(m[1]);
    if (expiry === undefined) {
      return problem(401, "Unauthorized", { authorization: ["The access token is not valid."] }, {}, challenge);
    }
    if (expiry <= this.clock().getTime()) {
      return problem(401, "Unauthorized", { authorization: ["The access token has expired; request a new one."] }, {}, {
        "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"',
      });
    }
    const appKey = headers["st-app-key"];
    if (!appKey) {
      return problem(401, "Unauthorized", { "ST-App-Key": ["The ST-App-Key header is required."] });
    }
    if (!sameSecret(appKey, this.credentials.appKey)) {
      return problem(401, "Unauthorized", {
        "ST-App-Key": ["The application key is not valid for this client (the value is not shown)."],
      });
    }
    if (tenant !== this.credentials.tenant) {
      return problem(404, "Tenant not found.", { tenant: [`Tenant ${tenant} was not found or is not connected to this application.`] });
    }
    return undefined;
  }
}
