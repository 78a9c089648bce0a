/**
 * Webhook triggers for the Leads Integration Platform:
 *
 * - Lead Status Updates — ServiceTitan reports what became of a booking (leads/accepted, leads/declined,
 *   leads/appointment_scheduled, leads/invoiced); one branch per status, the event typed.
 * - Account, Profile and Availability Updates — ServiceTitan's {st-prefix}/accounts, /profiles and
 *   /availabilities webhooks; one branch per kind.
 * - Account Info Endpoint — the partner-side endpoint ServiceTitan calls during OpenID Connect pairing.
 *
 * How a request is refused (wrong or missing secret, unreadable body): src/triggers/webhookGuard.ts, the
 * same rule as the ServiceTitan Webhook — by default 401 (or 400) and the "Rejected" branch with an
 * empty payload, so nothing the caller sent reaches a step; "When Refused → Fail the execution" throws
 * instead, for flows that have steps after the branches converge.
 */
import { input, trigger, type TriggerPayload } from "@prismatic-io/spectral";
import { cleanEnum, cleanSecret, cleanString, InputError } from "../inputs/clean";
import { isSecretHeader, registerSecret } from "../core/redact";
import { exampleTriggerPayload } from "../triggers/examplePayload";
import {
  firstHeaderValue,
  jsonResponse,
  readJsonBody,
  type RefusalMode,
  refuse as refuseRequest,
  rememberId,
  secretMatches,
  whenRefusedInput,
} from "../triggers/webhookGuard";
import { cleanLeadsText, cleanProfiles, MAX_LEADS_LENGTH, type Profile } from "./validate";

export const DEFAULT_SECRET_HEADER = "X-STLeads-Token";
export const SEEN_IDS_KEY = "leadsSeenStatusUpdateIds";
export const SEEN_IDS_LIMIT = 1000;

/* ------------------------------------------------------------------ event types (seed 003) */

export interface LeadStatusUpdateBase {
  partnerBookingId: string;
  accountId?: string;
  profileId?: string;
  statusUpdateId: string;
  status: string;
  /** Unix seconds of the event. */
  timestamp?: number;
}
export interface AcceptedEventData { acceptedTimestamp?: number; leadDeliveredTimestamp?: number }
export interface DeclinedEventData { declineTimestamp?: number; declineReason?: string; leadDeliveredTimestamp?: number }
export interface AppointmentScheduledEventData { scheduledStartTimestamp?: number; leadDeliveredTimestamp?: number }
export interface InvoiceSku {
  name?: string;
  code?: string;
  price?: number;
  quantity?: number;
  /** Equipment only. */
  serialNumber?: string;
  /** Equipment only. */
  model?: string;
}
export interface InvoicedEventData {
  invoicedTimestamp?: number;
  leadDeliveredTimestamp?: number;
  totalPrice?: number;
  skus: InvoiceSku[];
}
export type LeadStatusUpdate =
  | (LeadStatusUpdateBase & { status: "Accepted"; eventData: AcceptedEventData })
  | (LeadStatusUpdateBase & { status: "Declined"; eventData: DeclinedEventData })
  | (LeadStatusUpdateBase & { status: "AppointmentScheduled"; eventData: AppointmentScheduledEventData })
  | (LeadStatusUpdateBase & { status: "Invoiced"; eventData: InvoicedEventData })
  | (LeadStatusUpdateBase & { eventData: Record<string, unknown> });

/** Status value → branch name, and the webhook path ServiceTitan posts it to. */
export const LEAD_STATUSES = {
  Accepted: { branch: "Accepted", path: "leads/accepted" },
  Declined: { branch: "Declined", path: "leads/declined" },
  AppointmentScheduled: { branch: "Appointment Scheduled", path: "leads/appointment_scheduled" },
  Invoiced: { branch: "Invoiced", path: "leads/invoiced" },
} as const;
type KnownStatus = keyof typeof LEAD_STATUSES;

export const STATUS_BRANCHES = [...Object.values(LEAD_STATUSES).map((s) => s.branch), "Other Status", "Duplicate", "Rejected"];
export const UPDATE_KINDS = { accounts: "Accounts", profiles: "Profiles", availabilities: "Availability" } as const;
export const UPDATE_BRANCHES = [...Object.values(UPDATE_KINDS), "Other Update", "Duplicate", "Rejected"];

/* ------------------------------------------------------------------ shared request handling */

/** The headers the flow may see: every always-secret header (src/core/redact.ts) and the signing-key header left out. */
const scrubHeaders = (headers: Record<string, unknown> | undefined, secretHeader: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (isSecretHeader(k) || k.toLowerCase() === secretHeader.toLowerCase()) continue;
    out[k] = String(v);
  }
  return out;
};

/** Refuses a request: 4xx response + "Rejected" branch, or (mode "fail") a thrown error. */
const refuse = (payload: TriggerPayload, mode: RefusalMode, statusCode: 400 | 401, reason: string) =>
  refuseRequest(payload, { mode, statusCode, reason, failMessage: `Leads webhook refused (${statusCode}): ${reason}` });

/**
 * Remembers seen IDs (bounded, oldest dropped) in the flow's instance state, in place; true when already
 * seen. Overlapping executions each write back the list they loaded (last writer wins): see
 * webhookGuard.ts `rememberId` for what that loses, and for returning the whole `context.instanceState`.
 */
const seenBefore = (context: { instanceState?: Record<string, unknown> }, id: string): { seen: boolean; list: string[] } =>
  rememberId(context.instanceState, SEEN_IDS_KEY, id, SEEN_IDS_LIMIT);

interface UpdateParams {
  webhookSecret: string;
  headerName: string;
  whenRefused: unknown;
}

/**
 * How both update webhooks start: the signing key checked (401 otherwise), the body read as JSON (400
 * otherwise); then the refusal mode, the body, and the payload the flow may see (secret headers removed).
 */
const checkUpdate = (
  payload: TriggerPayload,
  params: UpdateParams,
): { refused: ReturnType<typeof refuse> } | { mode: RefusalMode; body: unknown; clientPayload: TriggerPayload } => {
  const mode = params.whenRefused as RefusalMode;
  if (!secretMatches(firstHeaderValue(payload.headers, params.headerName), params.webhookSecret)) {
    return { refused: refuse(payload, mode, 401, `the ${params.headerName} header is missing or does not match the signing key`) };
  }
  const body = readJsonBody(payload);
  if (!body.ok) return { refused: refuse(payload, mode, 400, "the body is not JSON") };
  const clientPayload = { ...payload, headers: scrubHeaders(payload.headers, params.headerName) } as TriggerPayload;
  return { mode, body: body.value, clientPayload };
};

/** An update whose statusUpdateId was handled before: 200 (so the sender stops) and the Duplicate branch. */
const duplicateAnswer = (clientPayload: TriggerPayload, statusUpdateId: string) => ({
  payload: { ...clientPayload, body: { data: { statusUpdateId, duplicate: true }, contentType: "application/json" } } as TriggerPayload,
  response: jsonResponse(200, { received: statusUpdateId, duplicate: true }),
  branch: "Duplicate",
});

const pathOf = (payload: TriggerPayload): string =>
  String(payload.pathFragment ?? "")
    .split("?")[0]
    .replace(/^\/+|\/+$/g, "")
    .toLowerCase();

/* ------------------------------------------------------------------ inputs */

const secretInput = input({
  label: "Webhook Signing Key",
  type: "password",
  required: true,
  comments:
    "The secret you entered as 'Webhook Message Signing Key' in ServiceTitan's webhook set-up. ServiceTitan sends it in the header below; requests without it, or with another value, are refused with 401.",
  example: "s3cr3t-from-partner",
  clean: (value: unknown) => cleanSecret("Webhook Signing Key", { required: true })(value) as string,
});

const headerNameInput = input({
  label: "Signing Key Header",
  type: "string",
  required: true,
  default: DEFAULT_SECRET_HEADER,
  comments: "The header that carries the signing key. X-STLeads-Token unless you asked ServiceTitan for another name.",
  example: DEFAULT_SECRET_HEADER,
  placeholder: DEFAULT_SECRET_HEADER,
  clean: (value: unknown) =>
    cleanString("Signing Key Header", { required: true, pattern: /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, patternHint: "a header name such as X-STLeads-Token" })(
      value,
    ) as string,
});

const modeInput = whenRefusedInput(
  "Answer 401/400 and take the Rejected branch",
  "What happens to a request with a wrong or missing key or an unreadable body. The default answers the sender with 401 (or 400) and takes the Rejected branch with an empty payload; leave that branch empty. Choose Fail when the flow has steps after its branches meet.",
);

/* ------------------------------------------------------------------ event parsing */

const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Checks the envelope and types the event data; returns a reason when the body is not a status update. */
export const parseStatusUpdate = (body: unknown): { event: LeadStatusUpdate } | { reason: string } => {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { reason: "the body is not a JSON object" };
  const b = body as Record<string, unknown>;
  for (const key of ["partnerBookingId", "statusUpdateId", "status"]) {
    if (typeof b[key] !== "string" || !(b[key] as string).trim()) return { reason: `${key} is missing` };
  }
  const data = b.eventData && typeof b.eventData === "object" && !Array.isArray(b.eventData) ? (b.eventData as Record<string, unknown>) : {};
  const base: LeadStatusUpdateBase = clean({
    partnerBookingId: String(b.partnerBookingId),
    accountId: str(b.accountId),
    profileId: str(b.profileId),
    statusUpdateId: String(b.statusUpdateId),
    status: String(b.status),
    timestamp: num(b.timestamp),
  });
  switch (base.status) {
    case "Accepted":
      return { event: { ...base, status: "Accepted", eventData: clean({ acceptedTimestamp: num(data.acceptedTimestamp), leadDeliveredTimestamp: num(data.leadDeliveredTimestamp) }) } };
    case "Declined":
      return {
        event: {
          ...base,
          status: "Declined",
          eventData: clean({ declineTimestamp: num(data.declineTimestamp), declineReason: str(data.declineReason), leadDeliveredTimestamp: num(data.leadDeliveredTimestamp) }),
        },
      };
    case "AppointmentScheduled":
      return {
        event: {
          ...base,
          status: "AppointmentScheduled",
          eventData: clean({ scheduledStartTimestamp: num(data.scheduledStartTimestamp), leadDeliveredTimestamp: num(data.leadDeliveredTimestamp) }),
        },
      };
    case "Invoiced": {
      const skus = Array.isArray(data.skus) ? data.skus : [];
      return {
        event: {
          ...base,
          status: "Invoiced",
          eventData: {
            ...clean({ invoicedTimestamp: num(data.invoicedTimestamp), leadDeliveredTimestamp: num(data.leadDeliveredTimestamp), totalPrice: num(data.totalPrice) }),
            skus: skus.map((s) => {
              const o = (s && typeof s === "object" ? s : {}) as Record<string, unknown>;
              return clean({ name: str(o.name), code: str(o.code), price: num(o.price), quantity: num(o.quantity), serialNumber: str(o.serialNumber), model: str(o.model) });
            }),
          },
        },
      };
    }
    default:
      return { event: { ...base, eventData: data } };
  }
};

/* ------------------------------------------------------------------ Lead Status Updates */

const statusExample: LeadStatusUpdate = {
  partnerBookingId: "12345abcd",
  accountId: "besthvaccompany",
  profileId: "besthvaccompany_0001",
  statusUpdateId: "b1f7c2d0-status-update",
  status: "Invoiced",
  timestamp: 1658313865,
  eventData: {
    invoicedTimestamp: 1658313800,
    leadDeliveredTimestamp: 1658312877,
    totalPrice: 400,
    skus: [{ name: "Leak repair", code: "PLB-101", price: 20, quantity: 2 }],
  },
};

export const leadStatusUpdates = trigger({
  display: {
    label: "Lead Status Updates",
    description:
      "Receives ServiceTitan's status updates for bookings you sent (accepted, declined, appointment scheduled, invoiced) and takes one branch per status. Point ServiceTitan's webhook prefix at this flow's URL; checks the signing key and drops repeated updates.",
  },
  inputs: { webhookSecret: secretInput, headerName: headerNameInput, whenRefused: modeInput },
  allowsBranching: true,
  staticBranchNames: STATUS_BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  examplePayload: {
    payload: exampleTriggerPayload({ data: statusExample, contentType: "application/json" }, { "Content-Type": "application/json" }),
    branch: "Invoiced",
    response: jsonResponse(200, { received: "b1f7c2d0-status-update" }),
  },
  perform: async (context, payload, params) => {
    const checked = checkUpdate(payload, params);
    if ("refused" in checked) return checked.refused;
    const { mode, body, clientPayload } = checked;
    const parsed = parseStatusUpdate(body);
    if ("reason" in parsed) return refuse(payload, mode, 400, parsed.reason);
    const { event } = parsed;

    const dedupe = seenBefore(context, event.statusUpdateId);
    if (dedupe.seen) return duplicateAnswer(clientPayload, event.statusUpdateId);
    const known = LEAD_STATUSES[event.status as KnownStatus];
    const fromPath = Object.values(LEAD_STATUSES).find((s) => pathOf(payload).endsWith(s.path));
    if (known && fromPath && fromPath !== known) {
      context.logger.warn?.(`Lead status ${event.status} arrived on the ${fromPath.path} webhook path; following the status in the body.`);
    }
    return {
      payload: { ...clientPayload, body: { data: event, contentType: "application/json" } } as TriggerPayload,
      response: jsonResponse(200, { received: event.statusUpdateId }),
      branch: known ? known.branch : "Other Status",
      instanceState: context.instanceState,
    };
  },
});

/* ------------------------------------------------------------------ Account / Profile / Availability */

export const accountUpdates = trigger({
  display: {
    label: "Account, Profile and Availability Updates",
    description:
      "Receives ServiceTitan's account, profile and availability webhooks ({prefix}/accounts, /profiles, /availabilities) and takes one branch per kind. Checks the signing key; drops an update whose statusUpdateId was already seen.",
  },
  inputs: { webhookSecret: secretInput, headerName: headerNameInput, whenRefused: modeInput },
  allowsBranching: true,
  staticBranchNames: UPDATE_BRANCHES,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  examplePayload: {
    payload: {
      ...exampleTriggerPayload({ data: { kind: "accounts", update: {} }, contentType: "application/json" }, { "Content-Type": "application/json" }),
      pathFragment: "/accounts",
    },
    branch: "Accounts",
    response: jsonResponse(200, { received: "accounts" }),
  },
  perform: async (context, payload, params) => {
    const checked = checkUpdate(payload, params);
    if ("refused" in checked) return checked.refused;
    const { body, clientPayload } = checked;
    const path = pathOf(payload);
    const kindKey = (Object.keys(UPDATE_KINDS) as Array<keyof typeof UPDATE_KINDS>).find((k) => path === k || path.endsWith(`/${k}`));
    const updateId = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).statusUpdateId : undefined;
    let remembered = false;
    if (typeof updateId === "string" && updateId) {
      const dedupe = seenBefore(context, updateId);
      if (dedupe.seen) return duplicateAnswer(clientPayload, updateId);
      remembered = true;
    }
    return {
      payload: { ...clientPayload, body: { data: { kind: kindKey ?? (path || null), update: body }, contentType: "application/json" } } as TriggerPayload,
      response: jsonResponse(200, { received: kindKey ?? "update" }),
      branch: kindKey ? UPDATE_KINDS[kindKey] : "Other Update",
      ...(remembered ? { instanceState: context.instanceState } : {}),
    };
  },
});

/* ------------------------------------------------------------------ Account Info Endpoint (OIDC pairing) */

export interface AccountInfoAnswer {
  Status: "COMPLETED" | "DECLINED";
  RequestId: string;
  Account?: { Id: string; Name: string; Profiles: Array<{ Id: string; Name: string }> };
}

/** The Authorization header carries Bearer base64(access token); a raw token is accepted too. */
export const bearerMatches = (authorization: string | undefined, expected: string): boolean => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return false;
  const presented = match[1];
  const encoded = Buffer.from(expected, "utf8").toString("base64");
  // Evaluate both comparisons every time, so timing does not reveal which form was sent.
  const asBase64 = secretMatches(presented, encoded);
  const asRaw = secretMatches(presented, expected);
  return asBase64 || asRaw;
};

export const accountInfoEndpoint = trigger({
  display: {
    label: "Account Info Endpoint",
    description:
      "Serves the account-information request ServiceTitan makes during OpenID Connect pairing: checks the bearer token, echoes request_id, and answers COMPLETED with the account and its profiles, or DECLINED.",
  },
  inputs: {
    accessToken: input({
      label: "Expected Access Token",
      type: "password",
      required: true,
      comments:
        "The access token your token endpoint issued to ServiceTitan for this tenant. ServiceTitan sends it base64-encoded as 'Authorization: Bearer …'; any other token is refused with 401.",
      example: "zNLXAACWfCOb859MBGR12x4I67tWJB7y6eUQVdQT8zsLabBk8R",
      clean: (value: unknown) => {
        const text = cleanSecret("Expected Access Token", { required: true })(value) as string;
        // ServiceTitan sends it base64-encoded: that form is a secret too
        registerSecret(Buffer.from(text, "utf8").toString("base64"));
        return text;
      },
    }),
    decision: input({
      label: "Pairing Decision",
      type: "string",
      required: true,
      default: "COMPLETED",
      model: [
        { label: "Completed (send the account)", value: "COMPLETED" },
        { label: "Declined (refuse pairing)", value: "DECLINED" },
      ],
      comments: "COMPLETED answers with the account below; DECLINED refuses the pairing.",
      example: "COMPLETED",
      clean: (value: unknown) => cleanEnum("Pairing Decision", ["COMPLETED", "DECLINED"], { required: true })(value) as "COMPLETED" | "DECLINED",
    }),
    accountId: input({
      label: "Account ID",
      type: "string",
      required: false,
      comments: "The tenant's account ID on your side (needed for COMPLETED): up to 128 letters, digits, '-' or '_'.",
      example: "AccountId1",
      placeholder: "AccountId1",
      clean: cleanLeadsText("Account ID", { maxLength: MAX_LEADS_LENGTH, noSpecial: true }),
    }),
    accountName: input({
      label: "Account Name",
      type: "string",
      required: false,
      comments: "The account's name (needed for COMPLETED), up to 128 characters.",
      example: "MTech HVAC",
      placeholder: "MTech HVAC",
      clean: cleanLeadsText("Account Name", { maxLength: MAX_LEADS_LENGTH }),
    }),
    profiles: input({
      label: { key: "Profile ID", value: "Profile Name" },
      type: "string",
      collection: "keyvaluelist",
      required: false,
      comments: "The account's profiles (needed for COMPLETED), one per row: ID and name, each up to 128 characters.",
      example: '[{"id":"profileId1","name":"Name1"}]',
      clean: cleanProfiles("Profiles"),
    }),
    whenRefused: modeInput,
  },
  allowsBranching: true,
  staticBranchNames: ["Completed", "Declined", "Rejected"],
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  examplePayload: {
    payload: exampleTriggerPayload({
      data: { requestId: "Fghx1OBeZQQYbYS6WxSbUO", status: "COMPLETED", account: { id: "AccountId1", name: "AccountName1", profiles: [{ id: "profileId1", name: "Name1" }] } },
      contentType: "application/json",
    }),
    branch: "Completed",
    response: jsonResponse(200, { Status: "COMPLETED", RequestId: "Fghx1OBeZQQYbYS6WxSbUO", Account: { Id: "AccountId1", Name: "AccountName1", Profiles: [{ Id: "profileId1", Name: "Name1" }] } }),
  },
  perform: async (_context, payload, params) => {
    const mode = params.whenRefused as RefusalMode;
    if (!bearerMatches(firstHeaderValue(payload.headers, "authorization"), params.accessToken)) {
      return refuse(payload, mode, 401, "the bearer token is missing or not the one issued for this tenant");
    }
    const rawId = (payload.queryParameters ?? {})["request_id"];
    let requestId: string;
    try {
      requestId = cleanLeadsText("request_id", { required: true, maxLength: MAX_LEADS_LENGTH, noSpecial: true })(Array.isArray(rawId) ? rawId[0] : rawId) as string;
    } catch (error) {
      return refuse(payload, mode, 400, (error as Error).message);
    }
    const profiles = (params.profiles ?? []) as Profile[];
    let answer: AccountInfoAnswer;
    if (params.decision === "DECLINED") answer = { Status: "DECLINED", RequestId: requestId };
    else {
      if (!params.accountId || !params.accountName || profiles.length === 0) {
        throw new InputError("Account ID, Account Name and Profiles: all three are needed when Pairing Decision is COMPLETED.");
      }
      answer = {
        Status: "COMPLETED",
        RequestId: requestId,
        Account: { Id: params.accountId, Name: params.accountName, Profiles: profiles.map((p) => ({ Id: p.id, Name: p.name })) },
      };
    }
    const flowData = {
      requestId,
      status: answer.Status,
      ...(answer.Account ? { account: { id: answer.Account.Id, name: answer.Account.Name, profiles } } : {}),
    };
    return {
      payload: { ...payload, headers: scrubHeaders(payload.headers, "authorization"), body: { data: flowData, contentType: "application/json" } } as TriggerPayload,
      response: jsonResponse(200, answer),
      branch: answer.Status === "COMPLETED" ? "Completed" : "Declined",
    };
  },
});

export const leadsTriggers = {
  leadsStatusUpdates: leadStatusUpdates,
  leadsAccountUpdates: accountUpdates,
  leadsAccountInfoEndpoint: accountInfoEndpoint,
};
