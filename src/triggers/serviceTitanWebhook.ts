/**
 * "ServiceTitan Webhook": receives ServiceTitan's V2 webhook events, signed with the app's HMAC key.
 *
 * Order of work: (1) verify the HMAC-SHA256 of the raw body (hmac.ts, constant-time); (2) only a signed
 * request is parsed and checked against the bounded memory of event ids already handled (flow-scoped
 * instance state, so unsigned requests can never fill it); (3) answer 200 at once with a tiny body.
 *
 * How a request is refused, the JSON reading and the seen-ID memory are webhookGuard.ts's, shared with
 * the Leads webhooks (src/leads/triggers.ts): by default 401 and the "Rejected" branch with an empty
 * payload; "When Refused → Fail the execution" throws instead.
 *
 * Duplicates (ServiceTitan retries a delivery it thinks failed) answer 200 and take the "Duplicate"
 * branch, so the sender stops retrying and the flow does not do the work twice. The memory is the
 * flow's instance state, loaded when an execution starts and written back whole when it ends: when
 * executions overlap, each adds its id to the list it loaded and the last one to finish wins, so ids
 * added by the others are lost (a later repeat of those events is taken as new) and copies handled in
 * overlapping executions both pass. See webhookGuard.ts `rememberId` (also for how state is returned).
 */
import { createHash } from "node:crypto";
import { input, trigger } from "@prismatic-io/spectral";
import { cleanSecret, cleanString } from "../inputs/clean";
import { exampleTriggerPayload } from "./examplePayload";
import { rawBodyBytes, verifySignature } from "./hmac";
import { headerValue, jsonResponse, readJsonBody, type RefusalMode, refuse, rememberId, whenRefusedInput } from "./webhookGuard";

export const DEFAULT_SIGNATURE_HEADER = "X-ServiceTitan-Signature";
export const DEFAULT_EVENT_ID_FIELD = "eventId";
export const SEEN_EVENTS_KEY = "serviceTitanWebhookSeenEventIds";
export const SEEN_EVENTS_LIMIT = 1000;
export const WEBHOOK_BRANCHES = ["Event", "Duplicate", "Rejected"];

/** The event's id from a (dotted) body field; a hash of the body when there is none. */
export const eventIdOf = (event: unknown, field: string, raw: Buffer): string => {
  let value: unknown = event;
  for (const part of field.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") return String(value);
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
};

/** Records `id` in the bounded memory; true when it was there already. */
export const rememberEvent = (state: Record<string, unknown>, id: string): boolean =>
  rememberId(state, SEEN_EVENTS_KEY, id, SEEN_EVENTS_LIMIT).seen;

const cleanKey = (value: unknown): string => cleanSecret("HMAC Key", { required: true, maxLength: 1024 })(value) as string;

export const serviceTitanWebhookInputs = {
  hmacKey: input({
    label: "HMAC Key",
    type: "password",
    required: true,
    comments:
      "The HMAC signing key of your ServiceTitan app's webhook subscription. Every request's signature is checked with it; requests without a valid signature never start the flow. Kept out of all logs.",
    example: "c2VjcmV0LWhtYWMta2V5LWZvci13ZWJob29rcw==",
    clean: cleanKey,
  }),
  signatureHeader: input({
    label: "Signature Header",
    type: "string",
    required: true,
    default: DEFAULT_SIGNATURE_HEADER,
    comments: "The request header carrying the HMAC-SHA256 signature of the raw body, in hex or base64 (any letter case).",
    example: DEFAULT_SIGNATURE_HEADER,
    clean: cleanString("Signature Header", { required: true, pattern: /^[A-Za-z0-9-]{1,100}$/, patternHint: "a header name such as X-ServiceTitan-Signature" }),
  }),
  eventIdField: input({
    label: "Event ID Field",
    type: "string",
    required: true,
    default: DEFAULT_EVENT_ID_FIELD,
    comments:
      "The body field (dots for nested fields) holding the event's unique id, used to drop events already handled. Without it, identical bodies count as the same event.",
    example: DEFAULT_EVENT_ID_FIELD,
    clean: cleanString("Event ID Field", { required: true, pattern: /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/, patternHint: "a field name such as eventId or data.id" }),
  }),
  whenRefused: whenRefusedInput(
    "Answer 401 and take the Rejected branch",
    "What happens to a request with a wrong or missing signature. The default answers 401 and takes the Rejected branch with an empty payload; leave that branch empty. Choose Fail when the flow has steps after its branches meet.",
  ),
};

export const serviceTitanWebhook = trigger({
  display: {
    label: "ServiceTitan Webhook",
    description:
      "Starts the flow with a ServiceTitan webhook event after checking its HMAC-SHA256 signature; unsigned or wrongly signed requests get 401 and never reach the flow's steps, and repeated events are dropped.",
  },
  inputs: serviceTitanWebhookInputs,
  scheduleSupport: "invalid",
  synchronousResponseSupport: "valid",
  allowsBranching: true,
  staticBranchNames: WEBHOOK_BRANCHES,
  perform: async (context, payload, params) => {
    const key = params.hmacKey as string; // registered as a secret by its clean (cleanSecret)
    const mode = params.whenRefused as RefusalMode;
    const raw = rawBodyBytes(payload.rawBody?.data);
    const verdict = verifySignature(raw, key, headerValue(payload.headers, params.signatureHeader as string));
    if (!verdict.ok) {
      context.logger.warn(`ServiceTitan Webhook: request refused (${verdict.reason}).`);
      return refuse(payload, {
        mode,
        statusCode: 401,
        reason: verdict.reason,
        failMessage: `ServiceTitan Webhook refused the request (401): ${verdict.reason}.`,
      });
    }
    const body = raw as Buffer;
    const parsed = readJsonBody(payload);
    const event = parsed.ok ? parsed.value : undefined;
    const eventId = eventIdOf(event, params.eventIdField as string, body);
    if (rememberEvent(context.instanceState, eventId)) {
      return {
        payload: { ...payload, body: { data: event ?? null, contentType: "application/json" } },
        response: jsonResponse(200, { received: eventId, duplicate: true }),
        branch: "Duplicate",
      };
    }
    return {
      payload: { ...payload, body: { data: event ?? body.toString("utf8"), contentType: payload.body?.contentType ?? "application/json" } },
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
