/**
 * The transport for ServiceTitan's Leads Integration Platform (account pairing and partner bookings).
 * It builds URLs on the booking API host and the Bearer header, and turns the platform's error body
 * (`{ code, message, status, stTraceId, errors }`) into a message from src/leads/errorCodes.ts. The
 * attempt loop — rate limit, timeouts, retries, parsing, redacted debug logging — is core.ts's
 * `sendWithPolicy`, the same one the tenant client uses.
 */
import type { Connection } from "@prismatic-io/spectral";
import { LEADS_CONNECTION_KEY, LEADS_ENVIRONMENTS, LEADS_TOKEN_PATH } from "./connection";
import { describeLeadsCode, LEADS_VALIDATION_CODE } from "./errorCodes";
import { type CoreResponse, sendSettings, sendWithPolicy, type TransportOptions } from "../http/core";
import { connectionError, connectionField as field, parseConnectionUrl } from "../http/endpoints";
import { excerpt, type FailedCall, type FailureContext, parseErrorBody, tokenExpiredDuringRetries } from "../http/errors";
import { redact, redactError, registerSecret } from "../core/redact";
import { type DebugParams, type RunContext, transportFor } from "../http/clientFor";
import { leadsWaitHint } from "../http/waitHints";

/** Options of the Leads client; the timeout defaults to LEADS_DEFAULT_TIMEOUT_MS. */
export type LeadsClientOptions = TransportOptions;

export interface LeadsRequest {
  method: "POST" | "GET";
  /** Path on the booking API host, e.g. "/api/integrations/bookings". */
  path: string;
  body?: unknown;
  /** Human name for messages, e.g. "Create Partner Booking". */
  operation: string;
  /**
   * The request carries an idempotency token, so the server refuses a repeat (error 11303, token
   * already used) instead of acting twice. Only then may a POST whose outcome is unknown (timeout,
   * reset, 5xx) be sent again. Never set this for account pairing.
   */
  idempotencyToken?: string;
}

export interface LeadsClient {
  readonly bookingApiUrl: string;
  request<T = unknown>(req: LeadsRequest): Promise<CoreResponse<T>>;
}

export const LEADS_DEFAULT_TIMEOUT_MS = 60_000;

/** A failed Leads call, with the platform's code and trace ID kept for programmatic use. */
export class LeadsApiError extends Error {
  /** Attempts made before giving up (set by the transport). */
  attempts?: number;
  constructor(
    message: string,
    readonly status: number,
    readonly code?: number,
    readonly stTraceId?: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "LeadsApiError";
  }
}

interface LeadsErrorBody {
  code?: number;
  message?: string;
  status?: number;
  stTraceId?: string;
  errors?: unknown;
}

const STATUS_HINT: Record<number, string> = {
  400: "the request was refused as invalid",
  403: "the partner credentials may not do this",
  404: "the endpoint or record was not found",
  409: "it conflicts with data already in ServiceTitan",
  429: "ServiceTitan's rate limit was still exceeded after the retries allowed",
};

/** Turns a non-2xx answer from the Leads Integration Platform into an Error a person can act on. */
export const toLeadsError = (
  call: FailedCall,
  status: number,
  body: string,
  connection?: Connection,
  context?: FailureContext,
): Error => {
  const parsed = parseErrorBody<LeadsErrorBody>(body);
  const code = typeof parsed?.code === "number" ? parsed.code : Number.isInteger(Number(parsed?.code)) ? Number(parsed?.code) : undefined;
  const known = describeLeadsCode(code);
  const details = Array.isArray(parsed?.errors) ? parsed.errors.map((e) => String(e)) : [];
  const parts: string[] = [];
  const head = `ServiceTitan Leads ${call.operation} failed with ${status}`;
  if (known) parts.push(`${head}${known.input ? ` (${known.input})` : ""}: ${known.message} [${code} ${known.name}]`);
  else if (code === LEADS_VALIDATION_CODE) parts.push(`${head}: ServiceTitan rejected one or more fields [${code}]`);
  else if (parsed?.message) parts.push(`${head}: ${String(parsed.message)}${code !== undefined ? ` [${code}]` : ""}`);
  else parts.push(`${head}: ${STATUS_HINT[status] ?? (status >= 500 ? "ServiceTitan had a server error" : "HTTP error")}`);
  if (details.length) parts.push(details.join("; "));
  if (!parsed && body.trim()) parts.push(`Response: ${excerpt(body)}`);
  if (parsed?.stTraceId) parts.push(`stTraceId: ${parsed.stTraceId} (give it to ServiceTitan support when reporting this)`);
  const message = redact(parts.join(" — "));
  if (status === 401 && connection && context?.tokenExpiredDuringRetries) {
    return connectionError(connection, tokenExpiredDuringRetries(head, context, parsed?.stTraceId ? `stTraceId: ${parsed.stTraceId}` : undefined));
  }
  if (status === 401 && connection) {
    return connectionError(
      connection,
      redact(
        `${head}: the access token was refused. Check Client ID, Client Secret, Environment and Identity Host, then reconnect.${
          parsed?.stTraceId ? ` — stTraceId: ${parsed.stTraceId}` : ""
        }`,
      ),
    );
  }
  return redactError(new LeadsApiError(message, status, code, parsed?.stTraceId, details));
};

/** A host field (Identity Host, Booking API URL): an absolute http(s) URL with no path, as its origin. */
const origin = (connection: Connection, label: string, value: string): string => {
  const url = parseConnectionUrl(connection, label, value, "https://leads-booking-api-demo.st.dev");
  if (url.pathname !== "/" && url.pathname !== "") {
    throw connectionError(connection, `${label}: give the scheme and host only (no path), got "${value}".`);
  }
  return url.origin;
};

export interface ResolvedLeadsConnection {
  bookingApiUrl: string;
  accessToken: string;
  clientId: string;
}

/** Checks a Leads connection; every problem is a ConnectionError naming the field, before any request. */
export const resolveLeadsConnection = (connection: Connection | undefined): ResolvedLeadsConnection => {
  if (!connection || typeof connection !== "object") {
    throw connectionError(connection, "Connection: no Leads Integration Platform connection was given.");
  }
  if (connection.key !== LEADS_CONNECTION_KEY) {
    throw connectionError(connection, `Connection: expected a "${LEADS_CONNECTION_KEY}" connection, got "${connection.key}".`);
  }
  const secret = field(connection, "clientSecret");
  if (secret) registerSecret(secret);
  const token = connection.token?.access_token;
  const accessToken = typeof token === "string" ? token : "";
  if (accessToken) registerSecret(accessToken);

  const environment = field(connection, "environment") || "sandbox";
  const identityHost = field(connection, "identityHost") || field(connection, "tokenUrl").replace(/\/connect\/token\/?$/, "");
  const bookingField = field(connection, "bookingApiUrl");
  let bookingApiUrl: string;
  if (environment === "sandbox" || environment === "production") {
    const env = LEADS_ENVIRONMENTS[environment];
    if (identityHost) {
      const given = origin(connection, "Identity Host", identityHost);
      if (!(env.identityHosts as readonly string[]).includes(given)) {
        throw connectionError(
          connection,
          `Identity Host: "${given}" is not a ${env.label} identity host; use ${env.identityHosts.join(" or ")} (the token URL is the host + ${LEADS_TOKEN_PATH}), or change Environment.`,
        );
      }
    }
    if (bookingField) bookingApiUrl = origin(connection, "Booking API URL", bookingField);
    else if (env.bookingApiUrl) bookingApiUrl = env.bookingApiUrl;
    else {
      throw connectionError(
        connection,
        "Booking API URL: is required for Production — use the booking host your ServiceTitan Partner Manager gave you with the production credentials.",
      );
    }
  } else if (environment === "custom") {
    if (!bookingField) throw connectionError(connection, "Booking API URL: is required when Environment is Custom.");
    if (!identityHost) throw connectionError(connection, "Identity Host: is required when Environment is Custom.");
    origin(connection, "Identity Host", identityHost);
    bookingApiUrl = origin(connection, "Booking API URL", bookingField);
  } else {
    throw connectionError(connection, `Environment: expected sandbox, production or custom, got "${environment}".`);
  }
  if (!accessToken) {
    throw connectionError(
      connection,
      "Connection: no access token is available yet; Prismatic obtains it from the Identity Host with the Client ID and Client Secret — reconnect to fetch one.",
    );
  }
  return { bookingApiUrl, accessToken, clientId: field(connection, "clientId") };
};

export const createLeadsClient = (connection: Connection, options: LeadsClientOptions = {}): LeadsClient => {
  const resolved = resolveLeadsConnection(connection);
  // Its own places for a stated wait (src/http/waitHints.ts WAIT_HINTS.leads).
  const settings = sendSettings(options, `${resolved.bookingApiUrl}|${resolved.clientId}`, LEADS_DEFAULT_TIMEOUT_MS, leadsWaitHint);

  const request = async <T>(req: LeadsRequest): Promise<CoreResponse<T>> => {
    if (!/^\/api\/[A-Za-z0-9/_-]+$/.test(req.path)) {
      throw new Error(`Path: expected a Leads API path such as /api/integrations/bookings, got "${redact(req.path)}".`);
    }
    const data = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${resolved.accessToken}`,
    };
    if (data !== undefined) headers["Content-Type"] = "application/json";
    const call: FailedCall = { operation: req.operation, method: req.method, path: req.path };
    return sendWithPolicy<T>(
      `${resolved.bookingApiUrl}${req.path}`,
      // A GET is repeatable by its method; a POST is repeated after an unknown outcome ONLY when it
      // carries an idempotency token.
      { method: req.method, headers, data, safeToRepeat: Boolean(req.idempotencyToken) },
      call,
      { ...settings, label: "ServiceTitan Leads", toError: (status, body, context) => toLeadsError(call, status, body, connection, context) },
    );
  };

  return { bookingApiUrl: resolved.bookingApiUrl, request };
};

/** The Leads client for one step: its connection input, logging as `transportFor` decides (Debug Request or platform debug). */
export const leadsClientFor = (
  context: RunContext,
  params: DebugParams & { connection?: unknown },
  options: Omit<LeadsClientOptions, "logger" | "debug"> = {},
): LeadsClient => createLeadsClient(params.connection as Connection, { ...options, ...transportFor(context, params) });
