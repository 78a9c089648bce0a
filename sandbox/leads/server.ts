/**
 * Embedded simulator of ServiceTitan's Leads Integration Platform (seed 003), for tests and local work:
 *
 * - POST /connect/token              client-credentials tokens (form-encoded), one hour by default
 * - POST /api/integrations/accounts  pairing status (PROCESSING / DECLINED / COMPLETED with account)
 * - POST /api/integrations/bookings  partner bookings, with the seed's field rules and error codes
 *
 * Idempotency: a booking request whose idempotencyToken was seen before is refused with 11303, as seed
 * 003 describes ("reject", default); "replay" mode instead answers with the first answer when the body
 * is the same (a gentler server some tests use). Either way a token never produces a second booking.
 *
 * Webhooks towards the partner are sent with `emitWebhook` / `emitStatusUpdate` (see webhooks.ts).
 *
 * Faults, latency and request recording are the behaviours list the tenant-API sandbox runs too
 * (../behaviours.ts), with the same /__sandbox control endpoints (../controls.ts); this file is the
 * platform's core: token endpoint, pairing and bookings.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { behaviourList } from "../behaviours";
import { FaultController } from "../faults";
import { type Answer, type Exchange, runStage } from "../pipeline";
import { type ProfileName, profileNamed } from "../production";
import { startSite } from "../site";
import type { LatencySettings, RecordedRequest, SandboxResponse } from "../types";

export type { RecordedRequest };

export interface LeadsCredentials {
  clientId: string;
  clientSecret: string;
}

export interface LeadsSandboxOptions {
  port?: number;
  host?: string;
  credentials?: Partial<LeadsCredentials>;
  /** Token lifetime; the platform's is one hour. */
  tokenTtlSec?: number;
  /** How a repeated idempotency token is answered (see above). */
  idempotency?: "replay" | "reject";
  /** Replaceable clock (ms). */
  now?: () => number;
  /** "production" (default) or "plain"; the Leads platform's behaviours (record, latency, faults) are the same in both. */
  profile?: ProfileName;
  /** Seed of probabilistic faults (default 1). */
  seed?: number;
  latency?: Partial<LatencySettings>;
}

export interface PairedAccount {
  id: string;
  name: string;
  profiles: Array<{ id: string; name: string }>;
  requestId: string;
  integrationEnabled: boolean;
}

export interface StoredBooking {
  bookingId: string;
  idempotencyToken: string;
  partnerBookingId: string;
  body: Record<string, unknown>;
  receivedAt: number;
}

export interface LeadsStore {
  /** requestId → pairing status ("NEW" until the partner reports). */
  pairingRequests: Map<string, "NEW" | "PROCESSING" | "DECLINED" | "COMPLETED">;
  accounts: Map<string, PairedAccount>;
  bookings: StoredBooking[];
  /** idempotencyToken → { fingerprint, status, body } of the first answer. */
  idempotency: Map<string, { fingerprint: string; status: number; body: unknown }>;
  tokens: Map<string, number>;
}

export interface LeadsSandbox {
  url: string;
  /** Identity host (the same server): token URL = identityUrl + /connect/token. */
  identityUrl: string;
  tokenUrl: string;
  credentials: LeadsCredentials;
  store: LeadsStore;
  requests: RecordedRequest[];
  /** Requests to the booking API only (not the token endpoint). */
  apiRequests(): RecordedRequest[];
  clearRequests(): void;
  faults: LeadsFaults;
  /** Runtime latency (mutable; also `POST /__sandbox/latency`). */
  latency: LatencySettings;
  profile: ProfileName;
  /** The behaviours in force, in order (behaviours.ts). */
  behaviours: string[];
  /** What ServiceTitan does when a tenant clicks "Pair Now": a new pairing request ID. */
  createPairingRequest(requestId?: string): string;
  /** Pairs an account directly (test set-up). */
  addAccount(account: Omit<PairedAccount, "requestId" | "integrationEnabled"> & { integrationEnabled?: boolean }): PairedAccount;
  setIntegrationEnabled(accountId: string, enabled: boolean): void;
  /** A token as the identity endpoint would issue it. */
  issueToken(): string;
  close(): Promise<void>;
}

const MAX = 128;
const NO_SPECIAL = /^[A-Za-z0-9_-]+$/;
const NO_SPACES = /^\S+$/;

const send = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** The error body the platform sends for an outage (and the sandbox's faults for this sandbox). */
const unavailable = (status: number, headers?: Record<string, string>): SandboxResponse => ({
  status,
  headers,
  body: { status: "unavailable", stTraceId: randomUUID() },
});

const FAULT_KINDS: Record<number, "429" | "500" | "502" | "503" | "504"> = { 429: "429", 500: "500", 502: "502", 503: "503", 504: "504" };

export const LEADS_BOOKINGS_ROUTE = "/api/integrations/bookings";

/** The shared fault rules (faults.ts) plus the two shorthands the Leads tests use. */
export class LeadsFaults extends FaultController {
  /** The next `count` booking requests are processed, but their answer is held back `ms` (client timeouts). */
  delayBookingResponse(ms: number, count = 1): void {
    this.add({ kind: "slow", phase: "after", delayMs: ms, times: count, match: { method: "POST", path: LEADS_BOOKINGS_ROUTE } });
  }

  /** The next `count` requests to `path` are answered with `status` and not processed. */
  failNext(path: string, status: number, count = 1): void {
    const kind = FAULT_KINDS[status];
    this.add(kind ? { kind, times: count, match: { path } } : { kind: "status", status, body: { status: "unavailable", stTraceId: randomUUID() }, times: count, match: { path } });
  }
}

const MESSAGES: Record<number, string> = {
  10001: "One or more validation errors occurred",
  11102: "Integration is disabled for the account",
  11302: "Booking with this partnerBookingId already exists",
  11303: "Idempotency token has already been used",
  11304: "Extra details contain duplicate keys",
  15102: "Invalid account status change",
  15103: "Account data is not valid",
  15202: "Request id not found",
  15203: "Account not found",
  15204: "Profile not found",
  15302: "Account for this request id was already created",
  15303: "Account already exists",
  15304: "Profile already exists",
};

const problem = (code: number, status: number, errors?: string[]) => ({
  code,
  message: MESSAGES[code] ?? "Error",
  status,
  stTraceId: randomUUID(),
  ...(errors && errors.length ? { errors } : {}),
});

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Field checks of the seed's tables; each failure is one message in `errors`. */
const checkText = (errors: string[], name: string, v: unknown, rule: { required?: boolean; max?: number; noSpecial?: boolean; noSpaces?: boolean }) => {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
    if (rule.required) errors.push(`${name} must be specified`);
    return;
  }
  if (typeof v !== "string") return void errors.push(`${name} must be a string`);
  if (rule.max !== undefined && v.length > rule.max) errors.push(`${name} must be at most ${rule.max} characters`);
  if (rule.noSpecial && !NO_SPECIAL.test(v)) errors.push(`${name} must not contain special characters`);
  if (rule.noSpaces && !NO_SPACES.test(v)) errors.push(`${name} must not contain spaces`);
};

const fingerprint = (body: Record<string, unknown>) => {
  const { idempotencyToken: _t, ...rest } = body;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex");
};

/** The Leads sandbox's default client secret (never to appear in any log line or error). */
export const LEADS_SANDBOX_CLIENT_SECRET = "leads-sandbox-secret-do-not-log";

export const startLeadsSandbox = async (options: LeadsSandboxOptions = {}): Promise<LeadsSandbox> => {
  const now = options.now ?? Date.now;
  const credentials: LeadsCredentials = {
    clientId: options.credentials?.clientId ?? "sandbox_partner_client",
    // Fixed (like the main sandbox's), so the test run's secret scan knows what to look for.
    clientSecret: options.credentials?.clientSecret ?? LEADS_SANDBOX_CLIENT_SECRET,
  };
  const ttl = options.tokenTtlSec ?? 3600;
  const store: LeadsStore = { pairingRequests: new Map(), accounts: new Map(), bookings: [], idempotency: new Map(), tokens: new Map() };
  const requests: RecordedRequest[] = [];
  const faults = new LeadsFaults(options.seed ?? 1);
  const latency: LatencySettings = { perRequestMs: 0, perRecordMs: 0, ...options.latency };
  const profile = profileNamed(options.profile);
  const behaviours = behaviourList({ requests, maxRecorded: 100_000, latency, faults, errorAnswer: (status, _title, _errors, headers) => unavailable(status, headers) });
  let bookingSeq = 0;

  const issueToken = () => {
    // A recognisable shape ("lsbx." + 32 random bytes), which the secret scan looks for.
    const token = `lsbx.${randomBytes(32).toString("base64url")}`;
    store.tokens.set(token, now() + ttl * 1000);
    return token;
  };

  const authorised = (headers: Record<string, string>): boolean => {
    const m = /^Bearer:?\s+(\S+)$/i.exec(headers.authorization ?? "");
    if (!m) return false;
    const expires = store.tokens.get(m[1]);
    return expires !== undefined && expires > now();
  };

  const handleToken = (headers: Record<string, string>, raw: string): SandboxResponse => {
    const form = new URLSearchParams(raw);
    let id = form.get("client_id") ?? "";
    let secret = form.get("client_secret") ?? "";
    const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
    if (basic && !id) [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    if (form.get("grant_type") !== "client_credentials") return send(400, { error: "unsupported_grant_type" });
    if (id !== credentials.clientId || secret !== credentials.clientSecret) return send(400, { error: "invalid_client" });
    return send(200, { access_token: issueToken(), token_type: "Bearer", expires_in: ttl, scope: "leads.api" });
  };

  const handleAccounts = (body: Record<string, unknown>): SandboxResponse => {
    const errors: string[] = [];
    checkText(errors, "requestId", body.requestId, { required: true, max: MAX, noSpecial: true });
    if (!["COMPLETED", "PROCESSING", "DECLINED"].includes(String(body.status))) errors.push("status must be COMPLETED, PROCESSING or DECLINED");
    if (errors.length) return send(400, problem(10001, 400, errors));
    const requestId = String(body.requestId);
    const status = String(body.status) as "COMPLETED" | "PROCESSING" | "DECLINED";
    const current = store.pairingRequests.get(requestId);
    if (!current) return send(404, problem(15202, 404));
    if (current === "COMPLETED") return send(409, status === "COMPLETED" ? problem(15302, 409) : problem(15102, 409));
    if (current === "DECLINED") return send(409, problem(15102, 409));
    if (status !== "COMPLETED") {
      store.pairingRequests.set(requestId, status);
      return send(200, { requestId, status });
    }
    const account = body.account;
    const accErrors: string[] = [];
    if (!isObj(account)) return send(400, problem(15103, 400, ["account must be specified"]));
    checkText(accErrors, "account.id", account.id, { required: true, max: MAX, noSpecial: true });
    checkText(accErrors, "account.name", account.name, { required: true, max: MAX });
    const profiles = Array.isArray(account.profiles) ? account.profiles : [];
    if (profiles.length === 0) accErrors.push("account.profiles must contain at least one profile");
    profiles.forEach((p, i) => {
      const q = isObj(p) ? p : {};
      checkText(accErrors, `account.profiles[${i}].id`, q.id, { required: true, max: MAX });
      checkText(accErrors, `account.profiles[${i}].name`, q.name, { required: true, max: MAX });
    });
    if (accErrors.length) return send(400, problem(15103, 400, accErrors));
    const accountId = String(account.id);
    if (store.accounts.has(accountId)) return send(409, problem(15303, 409));
    const existingProfiles = new Set([...store.accounts.values()].flatMap((a) => a.profiles.map((p) => p.id)));
    const ids = profiles.map((p) => String((p as Record<string, unknown>).id));
    const dup = ids.find((id, i) => existingProfiles.has(id) || ids.indexOf(id) !== i);
    if (dup) return send(409, problem(15304, 409, [`profile ${dup} already exists`]));
    store.accounts.set(accountId, {
      id: accountId,
      name: String(account.name),
      profiles: profiles.map((p) => ({ id: String((p as Record<string, unknown>).id), name: String((p as Record<string, unknown>).name) })),
      requestId,
      integrationEnabled: true,
    });
    store.pairingRequests.set(requestId, "COMPLETED");
    return send(200, { requestId, status: "COMPLETED", accountId });
  };

  /** Returns the answer for a booking request (also stored for idempotent replay). */
  const decideBooking = (body: Record<string, unknown>): { status: number; body: unknown } => {
    const errors: string[] = [];
    checkText(errors, "idempotencyToken", body.idempotencyToken, { required: true, noSpaces: true });
    checkText(errors, "partnerBookingId", body.partnerBookingId, { required: true, noSpaces: true });
    const slot = isObj(body.slot) ? body.slot : {};
    if (!isObj(body.slot)) errors.push("slot must be specified");
    checkText(errors, "slot.accountId", slot.accountId, { required: true, noSpaces: true, max: MAX });
    checkText(errors, "slot.profileId", slot.profileId, { required: true, noSpaces: true });
    checkText(errors, "slot.serviceId", slot.serviceId, { required: true, noSpaces: true });
    for (const k of ["startSec", "durationSec"]) {
      if (slot[k] !== undefined && !Number.isInteger(slot[k])) errors.push(`slot.${k} must be an integer`);
    }
    const user = isObj(body.userInformation) ? body.userInformation : {};
    const address = isObj(user.address) ? user.address : {};
    checkText(errors, "address.streetAddress", address.streetAddress, { required: true });
    if (body.extraDetails !== undefined) {
      if (!isObj(body.extraDetails) || Object.values(body.extraDetails).some((v) => typeof v !== "string")) errors.push("extraDetails must map strings to strings");
    }
    if (errors.length) return { status: 400, body: problem(10001, 400, errors) };

    if (isObj(body.extraDetails)) {
      const keys = Object.keys(body.extraDetails).map((k) => k.toLowerCase());
      if (new Set(keys).size !== keys.length) return { status: 400, body: problem(11304, 400) };
    }
    const account = store.accounts.get(String(slot.accountId));
    if (!account) return { status: 404, body: problem(15203, 404) };
    if (!account.profiles.some((p) => p.id === slot.profileId)) return { status: 404, body: problem(15204, 404) };
    if (!account.integrationEnabled) return { status: 403, body: problem(11102, 403) };
    if (store.bookings.some((b) => b.partnerBookingId === body.partnerBookingId)) return { status: 409, body: problem(11302, 409) };
    bookingSeq += 1;
    const booking: StoredBooking = {
      bookingId: `bk_${bookingSeq}`,
      idempotencyToken: String(body.idempotencyToken),
      partnerBookingId: String(body.partnerBookingId),
      body,
      receivedAt: now(),
    };
    store.bookings.push(booking);
    return { status: 200, body: { bookingId: booking.bookingId, partnerBookingId: booking.partnerBookingId, status: "Received" } };
  };

  const handleBookings = (body: Record<string, unknown>): SandboxResponse => {
    const token = typeof body.idempotencyToken === "string" ? body.idempotencyToken : undefined;
    let answer: { status: number; body: unknown };
    const seen = token ? store.idempotency.get(token) : undefined;
    if (seen) {
      answer = options.idempotency === "replay" && seen.fingerprint === fingerprint(body) ? { status: seen.status, body: seen.body } : { status: 409, body: problem(11303, 409) };
    } else {
      answer = decideBooking(body);
      // Only a request that got as far as the booking rules "uses" the token; a malformed one does not.
      if (token && !(answer.status === 400 && (answer.body as { code?: number }).code === 10001)) {
        store.idempotency.set(token, { fingerprint: fingerprint(body), status: answer.status, body: answer.body });
      }
    }
    return send(answer.status, answer.body);
  };

  /** The platform's own handling of a request that passed the wire behaviours. */
  const core = async (ex: Exchange): Promise<Answer> => {
    try {
      const { method, path, headers, bodyText: raw } = ex;
      if (method === "POST" && path === "/connect/token") return handleToken(headers, raw);
      if (path !== "/api/integrations/accounts" && path !== LEADS_BOOKINGS_ROUTE) return send(404, { status: 404, message: "Not found" });
      if (method !== "POST") return send(405, { status: 405, message: "Method not allowed" });
      if (!authorised(headers)) return send(401, { status: 401, message: "Unauthorized", stTraceId: randomUUID() });
      return await runStage(behaviours, "admitted", ex, async () => {
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return send(400, problem(10001, 400, ["body must be JSON"]));
        }
        if (!isObj(body)) return send(400, problem(10001, 400, ["body must be a JSON object"]));
        const parsed = body;
        return runStage(behaviours, "validated", ex, async () => (path === "/api/integrations/accounts" ? handleAccounts(parsed) : handleBookings(parsed)));
      });
    } catch (error) {
      return send(500, { status: 500, message: String((error as Error).message) });
    }
  };

  const clock = () => new Date(now());
  const expireTokens = (): void => {
    for (const token of store.tokens.keys()) store.tokens.set(token, 0);
  };
  const site = await startSite({ behaviours, core, controls: { faults, latency, requests, expireTokens, profile }, clock, port: options.port, host: options.host });
  const { url } = site;

  return {
    url,
    identityUrl: url,
    tokenUrl: `${url}/connect/token`,
    credentials,
    store,
    requests,
    apiRequests: () => requests.filter((r) => r.path.startsWith("/api/")),
    clearRequests: () => void requests.splice(0, requests.length),
    faults,
    latency,
    profile,
    behaviours: behaviours.map((b) => b.name),
    createPairingRequest: (requestId = randomBytes(11).toString("base64url").replace(/[^A-Za-z0-9]/g, "x")) => {
      store.pairingRequests.set(requestId, "NEW");
      return requestId;
    },
    addAccount: (account) => {
      const requestId = `direct_${account.id}`;
      const full: PairedAccount = { ...account, requestId, integrationEnabled: account.integrationEnabled ?? true };
      store.accounts.set(account.id, full);
      store.pairingRequests.set(requestId, "COMPLETED");
      return full;
    },
    setIntegrationEnabled: (accountId, enabled) => {
      const account = store.accounts.get(accountId);
      if (!account) throw new Error(`No account ${accountId} in the leads sandbox.`);
      account.integrationEnabled = enabled;
    },
    issueToken,
    close: () => site.close(),
  };
};
