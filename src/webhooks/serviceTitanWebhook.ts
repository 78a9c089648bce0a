/**
 * "ServiceTitan Webhook": receives ServiceTitan's V2 webhook events.
 *
 * Authentication. ServiceTitan's webhook pages make the HMAC key optional (32–64 characters) and say the
 * signature comes "in the request header" without naming the header or the encoding. So:
 *  - without a key, every request is accepted and every run logs a warning that it was not
 *    authenticated (anyone who knows the URL can start the flow); the docs say so too;
 *  - with a key, the HMAC-SHA256 of the raw body is checked against every value of the headers named in
 *    Signature Headers (exact names or "*" patterns; the default covers X-ServiceTitan-Signature,
 *    X-ST-Signature, X-Signature and any name containing "signature"), hex or base64, "sha256=" or not,
 *    in constant time (src/triggers/hmac.ts). A refused request logs the NAMES of the headers that arrived — never a
 *    value — so a user can see where the sender really puts its signature.
 *
 * Order of work: (1) the signature, when there is a key; (2) the event is parsed from those same raw
 * bytes — never from the body the platform parsed separately, which no signature covers; (3) an event
 * dated (Event Time Field) longer ago than Max Event Age is refused, which bounds how long a captured
 * request can be replayed; (4) the event id is checked against the bounded memory of ids handled;
 * (5) the answer is 200 at once with a tiny body.
 *
 * A refused request (bad signature 401, too old or no body 400) takes the "Rejected" branch with an
 * EMPTY payload by default (src/triggers/webhookGuard.ts `refuse`). Why not fail by default: the sender and any probe
 * then get the real status instead of Prismatic's generic error, and every probe of the URL is not a
 * failed execution; the payload is emptied, so no step — on any branch, or after the branches meet — ever
 * receives a byte of what the request sent. "When Refused → Fail the execution" throws instead, for
 * flows with steps after the branches meet that must not run at all.
 *
 * Duplicates (ServiceTitan retries a delivery it thinks failed) answer 200 and take the "Duplicate"
 * branch, so the sender stops retrying and the flow does not do the work twice. The memory holds the
 * last SEEN_EVENTS_LIMIT ids in the flow's instance state, loaded when an execution starts and written
 * back whole when it ends. Its limits: when executions overlap, each adds its id to the list it loaded
 * and the last one to finish wins, so ids added by the others are lost (a later repeat of those events
 * is taken as new) and copies handled in overlapping executions both pass; and an id pushed out by
 * 1,000 newer events is forgotten, so a repeat of it still inside Max Event Age is taken as new. See
 * webhookGuard.ts `rememberId`.
 */
import { createHash } from "node:crypto";
import { input, trigger } from "@prismatic-io/spectral";
import { redact } from "../core/redact";
import { cleanInteger, cleanSecret, cleanString, InputError } from "../inputs/clean";
import { exampleTriggerPayload } from "../triggers/examplePayload";
import { rawBodyBytes, signatureCandidates, verifySignature } from "../triggers/hmac";
import { eventAge, headerNamesForLog, jsonResponse, type RefusalMode, refuse, rememberId, valueAt, whenRefusedInput } from "../triggers/webhookGuard";

export const DEFAULT_SIGNATURE_HEADER = "X-ServiceTitan-Signature";
export const DEFAULT_SIGNATURE_HEADERS = [DEFAULT_SIGNATURE_HEADER, "X-ST-Signature", "X-Signature", "*signature*"];
export const DEFAULT_EVENT_ID_FIELD = "eventId";
export const DEFAULT_EVENT_TIME_FIELD = "createdOn";
/**
 * Off by default: ServiceTitan does not publish which body field dates the DELIVERY, and V2 payloads
 * follow the API models, where createdOn is when the record was created — a window on it would refuse
 * events about older records, and ServiceTitan stops retrying after about 7 minutes (lost events).
 */
export const DEFAULT_MAX_EVENT_AGE_MINUTES = 0;
export const SEEN_EVENTS_KEY = "serviceTitanWebhookSeenEventIds";
export const SEEN_EVENTS_LIMIT = 1000;
export const WEBHOOK_BRANCHES = ["Event", "Duplicate", "Rejected"];
/** ServiceTitan's documented bounds for a webhook HMAC key. */
export const HMAC_KEY_MIN_LENGTH = 32;
export const HMAC_KEY_MAX_LENGTH = 64;

export const NOT_AUTHENTICATED_WARNING =
  "ServiceTitan Webhook: no HMAC Key is set, so this request was not authenticated — anyone who knows the webhook URL can start this flow. Set the HMAC key of your ServiceTitan webhook subscription to have signatures checked.";

/** The event's id from a (dotted) body field; a hash of the body when there is none. */
export const eventIdOf = (event: unknown, field: string, raw: Buffer): string => {
  const value = valueAt(event, field);
  if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") return String(value);
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
};

/** Records `id` in the bounded memory; true when it was there already. */
export const rememberEvent = (state: Record<string, unknown>, id: string): boolean =>
  rememberId(state, SEEN_EVENTS_KEY, id, SEEN_EVENTS_LIMIT).seen;

/** The key, or "" for none. A key outside ServiceTitan's 32–64 characters is refused; the message shows its length, never the key. */
const cleanKey = (value: unknown): string => {
  const key = (cleanSecret("HMAC Key", { maxLength: 1024 })(value) as string | undefined) ?? "";
  if (key && (key.length < HMAC_KEY_MIN_LENGTH || key.length > HMAC_KEY_MAX_LENGTH)) {
    throw new InputError(`HMAC Key: expected ${HMAC_KEY_MIN_LENGTH} to ${HMAC_KEY_MAX_LENGTH} characters (ServiceTitan's bounds), got ${key.length}.`);
  }
  return key;
};

const HEADER_ENTRY = /^[A-Za-z0-9_*-]{1,100}$/;

/** Header names or "*" patterns, separated by commas, spaces or new lines. */
const cleanHeaderList = (value: unknown): string[] => {
  const text = cleanString("Signature Headers", { required: true, maxLength: 2000 })(value) as string;
  const entries = text.split(/[\s,;]+/).filter(Boolean);
  const bad = entries.find((e) => !HEADER_ENTRY.test(e) || /^\*+$/.test(e));
  if (bad !== undefined || entries.length === 0 || entries.length > 20) {
    const got = bad === undefined ? "" : `, got "${bad.slice(0, 100)}"`;
    throw new InputError(`Signature Headers: expected up to 20 header names or patterns such as X-ST-Signature or *signature* (letters, digits, "-", "_", "*"; not "*" alone)${got}.`);
  }
  return entries;
};

const FIELD_PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;

export const serviceTitanWebhookInputs = {
  hmacKey: input({
    label: "HMAC Key",
    type: "password",
    required: false,
    comments:
      "The HMAC signing key of your ServiceTitan webhook subscription (32 to 64 characters). With it, every request's HMAC-SHA256 signature is checked and a request without a valid one never reaches the flow's steps. Left empty, requests are not authenticated: anyone who knows the webhook URL can start the flow, and every run logs a warning saying so. Kept out of all logs.",
    example: "c2VjcmV0LWhtYWMta2V5LWZvci13ZWJob29rcw==",
    clean: cleanKey,
  }),
  signatureHeaders: input({
    label: "Signature Headers",
    type: "string",
    required: true,
    default: DEFAULT_SIGNATURE_HEADERS.join(", "),
    comments:
      'Where to look for the signature (used only with an HMAC Key): header names, or patterns with * such as *signature*, separated by commas; any letter case. ServiceTitan does not publish its header name, so the default covers the names in public use and any header whose name contains "signature". The signature may be hex or base64, with or without a sha256= prefix. A refused request\'s log line lists the names (never the values) of the headers that arrived.',
    example: DEFAULT_SIGNATURE_HEADERS.join(", "),
    clean: cleanHeaderList,
  }),
  eventIdField: input({
    label: "Event ID Field",
    type: "string",
    required: true,
    default: DEFAULT_EVENT_ID_FIELD,
    comments:
      "The body field (dots for nested fields) holding the event's unique id, used to drop events already handled (the last 1,000 ids are remembered). Without it, identical bodies count as the same event.",
    example: DEFAULT_EVENT_ID_FIELD,
    clean: cleanString("Event ID Field", { required: true, pattern: FIELD_PATH, patternHint: "a field name such as eventId or data.id" }),
  }),
  eventTimeField: input({
    label: "Event Time Field",
    type: "string",
    required: true,
    default: DEFAULT_EVENT_TIME_FIELD,
    comments: "The body field (dots for nested fields) holding when the event was created: ISO 8601 text, or epoch seconds or milliseconds. Events without it are not age-checked.",
    example: DEFAULT_EVENT_TIME_FIELD,
    clean: cleanString("Event Time Field", { required: true, pattern: FIELD_PATH, patternHint: "a field name such as createdOn or meta.sentAt" }),
  }),
  maxEventAgeMinutes: input({
    label: "Max Event Age (minutes)",
    type: "string",
    required: true,
    default: String(DEFAULT_MAX_EVENT_AGE_MINUTES),
    comments:
      "Events dated (by Event Time Field) longer ago than this are refused (400), so a captured request cannot be replayed later. 0, the default, turns the check off: ServiceTitan does not say which field dates the delivery, and a record field such as createdOn would refuse events about older records. Set Event Time Field to a field that holds when the event was sent, then a window of, say, 60: ServiceTitan's own retries end within about 7 minutes; raise it when you replay older deliveries from the developer portal.",
    example: String(DEFAULT_MAX_EVENT_AGE_MINUTES),
    clean: cleanInteger("Max Event Age (minutes)", { required: true, min: 0, max: 525600 }),
  }),
  whenRefused: whenRefusedInput(
    "Answer 401/400 and take the Rejected branch",
    "What happens to a request with a wrong or missing signature (401) or an event older than Max Event Age (400). The default answers and takes the Rejected branch with an empty payload, so no step ever sees what the request sent; leave that branch empty. Choose Fail when the flow has steps after its branches meet that must not run at all.",
  ),
};

export const serviceTitanWebhook = trigger({
  display: {
    label: "ServiceTitan Webhook",
    description:
      "Starts the flow with a ServiceTitan webhook event. With an HMAC key, unsigned or wrongly signed requests get 401 and never reach the flow's steps; without one, requests are not authenticated. Events older than Max Event Age are refused and repeated events are dropped.",
  },
  inputs: serviceTitanWebhookInputs,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  allowsBranching: true,
  staticBranchNames: WEBHOOK_BRANCHES,
  perform: async (context, payload, params) => {
    const key = params.hmacKey as string; // "" = no key; registered as a secret by its clean (cleanSecret)
    const mode = params.whenRefused as RefusalMode;
    const raw = rawBodyBytes(payload.rawBody?.data);
    const refused = (statusCode: 400 | 401, reason: string, detail = "") => {
      context.logger.warn(redact(`ServiceTitan Webhook: request refused (${statusCode}, ${reason}).${detail}`));
      return refuse(payload, { mode, statusCode, reason, failMessage: `ServiceTitan Webhook refused the request (${statusCode}): ${reason}.` });
    };
    if (key) {
      const where = params.signatureHeaders as string[];
      const found = signatureCandidates(payload.headers, where);
      const verdict = verifySignature(raw, key, found.text || undefined);
      if (!verdict.ok) {
        const detail = ` Headers that arrived: ${headerNamesForLog(payload.headers)}. Signature looked for in: ${where.join(", ")}.`;
        return refused(401, verdict.reason, detail);
      }
    } else {
      context.logger.warn(NOT_AUTHENTICATED_WARNING);
    }
    if (!raw) return refused(400, "missing body");
    // the event handed on is read from the very bytes the signature covers
    const text = raw.toString("utf8");
    let event: unknown = text;
    try {
      event = JSON.parse(text);
    } catch {
      /* not JSON: handed on as text */
    }
    const maxAgeMinutes = params.maxEventAgeMinutes as number;
    const age = eventAge(event, params.eventTimeField as string, maxAgeMinutes * 60_000, Date.now());
    if (age.tooOld) return refused(400, `event dated ${age.at}, older than ${maxAgeMinutes} minutes (Max Event Age)`);
    const eventId = eventIdOf(event, params.eventIdField as string, raw);
    const body = { data: event, contentType: payload.body?.contentType ?? "application/json" };
    if (rememberEvent(context.instanceState, eventId)) {
      return { payload: { ...payload, body }, response: jsonResponse(200, { received: eventId, duplicate: true }), branch: "Duplicate" };
    }
    return {
      payload: { ...payload, body },
      response: jsonResponse(200, { received: eventId }),
      branch: "Event",
      // the whole object, changed in place by rememberEvent (the convention in webhookGuard.ts)
      instanceState: context.instanceState,
    };
  },
  examplePayload: {
    branch: "Event",
    response: { statusCode: 200, contentType: "application/json", body: '{"received":"3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90"}' },
    payload: exampleTriggerPayload(
      {
        data: { eventId: "3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90", eventType: "Job.Completed", tenantId: 1234567, data: { id: 7654321 } },
        contentType: "application/json",
      },
      { "Content-Type": "application/json", [DEFAULT_SIGNATURE_HEADER]: "[REDACTED]" },
    ),
  },
});
