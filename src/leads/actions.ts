/**
 * Leads Integration Platform workflow actions: report a pairing's progress, complete a pairing with the
 * account and its profiles, and send a partner booking. Every field rule of seed 003 is a `clean`
 * (src/leads/validate.ts), so bad input fails before a request is made; every call goes through the
 * Leads client (src/leads/client.ts), which shares the tenant client's retry/rate-limit core.
 */
import { createHash } from "node:crypto";
import { action, input } from "@prismatic-io/spectral";
import { LeadsApiError, leadsClientFor } from "./client";
import type { AttemptedError } from "../http/core";
import { textInput } from "../inputs/shared";
import { shapeOutput } from "../operations/outputSchema";
import { cleanEnum, cleanInteger, cleanString, InputError } from "../inputs/clean";
import {
  bookingToken,
  cleanEmail,
  cleanExtraDetails,
  cleanHttpUrl,
  cleanIdempotencyToken,
  cleanLeadsText,
  cleanProfiles,
  cleanUnixSeconds,
  MAX_LEADS_LENGTH,
  type Profile,
} from "./validate";
import { LEADS_DUPLICATE_TOKEN_CODE } from "./errorCodes";

export const LEADS_ACCOUNTS_PATH = "/api/integrations/accounts";
export const LEADS_BOOKINGS_PATH = "/api/integrations/bookings";

const leadsConnectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments: "The Leads Integration Platform connection (partner client ID and secret, environment).",
});

const requestIdInput = input({
  label: "Request ID",
  type: "string",
  required: true,
  comments:
    "The pairing request ID ServiceTitan added to your pairing page's URL (requestId) or sent to your account-info endpoint (request_id). Pass it on unchanged: up to 128 letters, digits, '-' or '_'.",
  example: "FghxlOBeZQQYbYS6WxSbUO",
  placeholder: "FghxlOBeZQQYbYS6WxSbUO",
  clean: (value: unknown) => cleanLeadsText("Request ID", { required: true, maxLength: MAX_LEADS_LENGTH, noSpecial: true })(value) as string,
});

export const setAccountPairingStatus = action({
  display: {
    label: "Set Account Pairing Status",
    description:
      "Tells ServiceTitan how a tenant's pairing with your partner account is going: PROCESSING while the tenant signs in on your side, or DECLINED when pairing will not happen.",
  },
  inputs: {
    connection: leadsConnectionInput,
    requestId: requestIdInput,
    status: input({
      label: "Status",
      type: "string",
      required: true,
      default: "PROCESSING",
      model: [
        { label: "Processing (pairing under way)", value: "PROCESSING" },
        { label: "Declined (pairing refused)", value: "DECLINED" },
      ],
      comments: "PROCESSING while the tenant is signing in or consenting; DECLINED to refuse the pairing. To finish a pairing use Complete Account Pairing.",
      example: "PROCESSING",
      clean: (value: unknown) => cleanEnum("Status", ["PROCESSING", "DECLINED"], { required: true })(value) as "PROCESSING" | "DECLINED",
    }),
  },
  performSafety: "notAllowed",
  examplePayload: { data: { requestId: "FghxlOBeZQQYbYS6WxSbUO", status: "PROCESSING", response: null } },
  // response: the Leads API's own answer (null when it sent none).
  outputSchema: shapeOutput({ requestId: "s", status: "s=PROCESSING|DECLINED", response: "*" }),
  perform: async (context, params) => {
    const client = leadsClientFor(context, params);
    const body = { requestId: params.requestId, status: params.status };
    const res = await client.request({ method: "POST", path: LEADS_ACCOUNTS_PATH, body, operation: "Set Account Pairing Status" });
    return { data: { requestId: params.requestId, status: params.status, response: res.data ?? null } };
  },
});

export const completeAccountPairing = action({
  display: {
    label: "Complete Account Pairing",
    description:
      "Finishes a pairing: sends ServiceTitan the partner account (ID and name) and its profiles, with status COMPLETED. Bookings can then be sent for that account and its profiles.",
  },
  inputs: {
    connection: leadsConnectionInput,
    requestId: requestIdInput,
    accountId: input({
      label: "Account ID",
      type: "string",
      required: true,
      comments: "Your ID for the tenant's account on the partner side: up to 128 letters, digits, '-' or '_'. Bookings name it as their account.",
      example: "besthvaccompany",
      placeholder: "besthvaccompany",
      clean: (value: unknown) => cleanLeadsText("Account ID", { required: true, maxLength: MAX_LEADS_LENGTH, noSpecial: true })(value) as string,
    }),
    accountName: input({
      label: "Account Name",
      type: "string",
      required: true,
      comments: "The account's name as the tenant should see it in ServiceTitan, up to 128 characters.",
      example: "Best HVAC Company",
      placeholder: "Best HVAC Company",
      clean: (value: unknown) => cleanLeadsText("Account Name", { required: true, maxLength: MAX_LEADS_LENGTH })(value) as string,
    }),
    profiles: input({
      label: { key: "Profile ID", value: "Profile Name" },
      type: "string",
      collection: "keyvaluelist",
      required: true,
      comments:
        "The account's profiles, one per row: the profile ID (up to 128 characters, unique) and its name (up to 128 characters). A JSON array of {\"id\",\"name\"} objects is also accepted.",
      example: '[{"id":"besthvaccompany_0001","name":"Main office"}]',
      clean: (value: unknown) => cleanProfiles("Profiles", { required: true })(value) as Profile[],
    }),
  },
  performSafety: "notAllowed",
  examplePayload: {
    data: {
      requestId: "FghxlOBeZQQYbYS6WxSbUO",
      status: "COMPLETED",
      account: { id: "besthvaccompany", name: "Best HVAC Company", profiles: [{ id: "besthvaccompany_0001", name: "Main office" }] },
      response: null,
    },
  },
  outputSchema: shapeOutput({ requestId: "s", status: "s=COMPLETED", account: { id: "s", name: "s", profiles: [{ id: "s", name: "s" }] }, response: "*" }),
  perform: async (context, params) => {
    const client = leadsClientFor(context, params);
    const account = { id: params.accountId, name: params.accountName, profiles: params.profiles };
    const body = { requestId: params.requestId, status: "COMPLETED", account };
    const res = await client.request({ method: "POST", path: LEADS_ACCOUNTS_PATH, body, operation: "Complete Account Pairing" });
    return { data: { requestId: params.requestId, status: "COMPLETED", account, response: res.data ?? null } };
  },
});

/**
 * Bookings this instance sent recently (in crossFlowState), to refuse reused tokens and IDs before
 * sending. A booking is written here BEFORE it is sent (context.crossFlowState is changed in place), so a
 * retried step or re-run flow that follows an attempt whose answer was lost still finds it; it is taken
 * out again only when ServiceTitan's answer to the first attempt shows the booking was not created.
 */
export const BOOKING_MEMORY_KEY = "leadsRecentBookings";
export const BOOKING_MEMORY_LIMIT = 500;
interface SentBooking {
  /** idempotency token */
  t: string;
  /** partner booking ID */
  p: string;
  /** fingerprint of everything but the token */
  f: string;
}

const fingerprint = (body: Record<string, unknown>): string => {
  const { idempotencyToken: _ignored, ...rest } = body;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 32);
};

/**
 * A token may be sent again only with the very same booking (that is a safe retry); a Partner Booking
 * ID may be sent again only with its first token. Anything else would be a second, different booking
 * under a name already used — refused here, naming the input. (A derived token changes only with the
 * account, profile or Partner Booking ID, so for it the first rule is about the Partner Booking ID.)
 */
const checkAgainstMemory = (memory: SentBooking[], token: string, tokenGiven: boolean, partnerBookingId: string, print: string): void => {
  for (const sent of memory) {
    if (sent.t === token && sent.f !== print && !tokenGiven) {
      throw new InputError(
        `Partner Booking ID: "${partnerBookingId}" was already sent from this instance with other booking details; a Partner Booking ID names one booking — use a new one for a different booking.`,
      );
    }
    if (sent.t === token && sent.f !== print) {
      throw new InputError(
        `Idempotency Token: "${token}" was already used from this instance for a different booking (Partner Booking ID "${sent.p}"); every booking needs a new token — leave the input empty to derive one from the booking.`,
      );
    }
    if (sent.p === partnerBookingId && sent.t !== token) {
      throw new InputError(
        `Partner Booking ID: "${partnerBookingId}" was already sent from this instance with another idempotency token; use a new Partner Booking ID, or send the same booking again with its first token ("${sent.t}").`,
      );
    }
  }
};

/**
 * True when ServiceTitan answered the FIRST attempt with a refusal (4xx other than 408/429): that
 * booking was not created, so it need not be remembered. After a lost answer nothing is known.
 */
const refusedOutright = (error: unknown): boolean =>
  error instanceof LeadsApiError &&
  ((error as AttemptedError).attempts ?? 1) === 1 &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 408 &&
  error.status !== 429;

/** What the output says when ServiceTitan refused a repeat of this booking's token. */
export const ALREADY_SENT_NOTE =
  "ServiceTitan answered 11303 (Idempotency Token already used): an earlier attempt sent this same booking with this token, so nothing was sent again. This run does not learn that attempt's answer; the booking's status updates refer to its Partner Booking ID.";

export const createPartnerBooking = action({
  display: {
    label: "Create Partner Booking",
    description:
      "Sends a booking made on your platform to a paired ServiceTitan account. Safe to retry or re-run: the same booking always carries the same idempotency token, and ServiceTitan refuses a token it has already seen instead of booking twice.",
  },
  inputs: {
    connection: leadsConnectionInput,
    idempotencyToken: input({
      label: "Idempotency Token",
      type: "string",
      required: false,
      comments:
        "Leave empty (recommended): the token is derived from Account ID, Profile ID and Partner Booking ID, so a retried step or re-run flow sends the same booking with the same token and ServiceTitan refuses the repeat instead of booking twice; the token used is returned. If you give your own (no spaces), give the same one whenever the same booking is sent again, and never reuse it for another booking.",
      example: "3f0c6f4e-2a4b-4a8e-9d1f-6b2f5a7c9e10",
      placeholder: "derived from the booking when empty",
      clean: cleanIdempotencyToken,
    }),
    partnerBookingId: input({
      label: "Partner Booking ID",
      type: "string",
      required: true,
      comments: "Your own ID for this booking, unique across all your bookings, without spaces. Status webhooks refer to the booking by it.",
      example: "12345abcd",
      placeholder: "12345abcd",
      clean: (value: unknown) => cleanLeadsText("Partner Booking ID", { required: true, noSpaces: true })(value) as string,
    }),
    accountId: input({
      label: "Account ID",
      type: "string",
      required: true,
      comments: "The paired account the booking is for (the Account ID sent at pairing): no spaces, up to 128 characters.",
      example: "besthvaccompany",
      placeholder: "besthvaccompany",
      clean: (value: unknown) => cleanLeadsText("Account ID", { required: true, noSpaces: true, maxLength: MAX_LEADS_LENGTH })(value) as string,
    }),
    profileId: input({
      label: "Profile ID",
      type: "string",
      required: true,
      comments: "The account's profile that takes the booking (a Profile ID sent at pairing), without spaces.",
      example: "besthvaccompany_0001",
      placeholder: "besthvaccompany_0001",
      clean: (value: unknown) => cleanLeadsText("Profile ID", { required: true, noSpaces: true })(value) as string,
    }),
    serviceId: input({
      label: "Service ID",
      type: "string",
      required: true,
      comments: "Your job-type key for the requested service, as mapped with ServiceTitan during set-up, without spaces.",
      example: "find_and_repair_leak",
      placeholder: "find_and_repair_leak",
      clean: (value: unknown) => cleanLeadsText("Service ID", { required: true, noSpaces: true })(value) as string,
    }),
    start: input({
      label: "Arrival Window Start",
      type: "string",
      required: false,
      comments:
        "When the arrival window opens: an ISO 8601 date-time with time zone (2026-05-11T14:00:00Z) or Unix seconds (1620744727). Sent as seconds; milliseconds are refused.",
      example: "2026-05-11T14:00:00Z",
      placeholder: "2026-05-11T14:00:00Z",
      clean: cleanUnixSeconds("Arrival Window Start"),
    }),
    durationSec: input({
      label: "Arrival Window Length (seconds)",
      type: "string",
      required: false,
      comments: "How long the arrival window lasts, in whole seconds (3600 = one hour).",
      example: "3600",
      placeholder: "3600",
      clean: cleanInteger("Arrival Window Length (seconds)", { min: 1 }),
    }),
    givenName: textInput({ label: "Customer First Name", comments: "The customer's given name.", example: "John", maxLength: 256 }),
    familyName: textInput({ label: "Customer Last Name", comments: "The customer's family name.", example: "Smith", maxLength: 256 }),
    telephone: input({
      label: "Customer Phone",
      type: "string",
      required: false,
      comments: "The customer's phone number, in any common format.",
      example: "(999) 001-1126",
      placeholder: "(999) 001-1126",
      clean: (value: unknown) => {
        const t = cleanString("Customer Phone", { maxLength: 64 })(value);
        if (t !== undefined && !/^[+()\d\s.\-x#*]{3,}$/i.test(t)) throw new InputError(`Customer Phone: expected a phone number of digits, spaces and + ( ) - . only, got "${t}".`);
        return t;
      },
    }),
    email: input({ label: "Customer Email", type: "string", required: false, comments: "The customer's e-mail address.", example: "john.smith@example.com", placeholder: "john.smith@example.com", clean: cleanEmail("Customer Email") }),
    streetAddress: textInput({
      label: "Street Address",
      required: true,
      comments: "The street address of the job site (required by ServiceTitan).",
      example: "2450 Cumberland Pkwy",
      maxLength: 512,
    }),
    locality: textInput({ label: "City", comments: "The city or town of the job site.", example: "Atlanta", maxLength: 256 }),
    region: textInput({ label: "State / Region", comments: "The state, province or region code of the job site.", example: "GA", maxLength: 64 }),
    postalCode: textInput({ label: "Postal Code", comments: "The ZIP or postal code of the job site.", example: "30339", maxLength: 32 }),
    country: textInput({ label: "Country", comments: "The country of the job site, as a two-letter code.", example: "US", maxLength: 64 }),
    description: textInput({
      label: "Description",
      type: "text",
      comments: "Free text about the job the customer asked for; CSRs read it in ServiceTitan.",
      example: "Water leaking under the kitchen sink since this morning.",
    }),
    extraDetails: input({
      label: { key: "Detail", value: "Value" },
      type: "string",
      collection: "keyvaluelist",
      required: false,
      comments: "Extra facts about the booking as text key/value pairs. Each key once — keys differing only in case count as the same.",
      example: "source=spring-campaign",
      clean: cleanExtraDetails("Extra Details"),
    }),
    externalBookingUrl: input({
      label: "External Booking URL",
      type: "string",
      required: false,
      comments: "A link to the booking on your platform, shown to the tenant.",
      example: "https://partner.example.com/bookings/12345abcd",
      placeholder: "https://partner.example.com/bookings/12345abcd",
      clean: cleanHttpUrl("External Booking URL"),
    }),
    timeoutSeconds: input({
      label: "Timeout (seconds)",
      type: "string",
      required: false,
      default: "60",
      comments:
        "How long to wait for ServiceTitan's answer on each attempt, 1 to 300 seconds. When an attempt times out, the booking is sent again with the same idempotency token; ServiceTitan refuses a token it has already seen, so this cannot create a second booking.",
      example: "60",
      placeholder: "60",
      clean: (value: unknown) => cleanInteger("Timeout (seconds)", { min: 1, max: 300 })(value) ?? 60,
    }),
  },
  performSafety: "notAllowed",
  examplePayload: {
    data: {
      idempotencyToken: "3f0c6f4e-2a4b-4a8e-9d1f-6b2f5a7c9e10",
      partnerBookingId: "12345abcd",
      alreadySent: false,
      note: null as string | null,
      response: null as unknown,
    },
    crossFlowState: { [BOOKING_MEMORY_KEY]: [] as SentBooking[] },
  },
  outputSchema: shapeOutput({ idempotencyToken: "s", partnerBookingId: "s", alreadySent: "b", note: "s?", response: "*" }),
  perform: async (context, params) => {
    const tokenGiven = params.idempotencyToken !== undefined;
    const token = params.idempotencyToken ?? bookingToken(params.accountId, params.profileId, params.partnerBookingId);
    const body: Record<string, unknown> = {
      idempotencyToken: token,
      partnerBookingId: params.partnerBookingId,
      slot: {
        accountId: params.accountId,
        profileId: params.profileId,
        serviceId: params.serviceId,
        ...(params.start !== undefined ? { startSec: params.start } : {}),
        ...(params.durationSec !== undefined ? { durationSec: params.durationSec } : {}),
      },
      userInformation: {
        ...(params.givenName ? { givenName: params.givenName } : {}),
        ...(params.familyName ? { familyName: params.familyName } : {}),
        ...(params.telephone ? { telephone: params.telephone } : {}),
        ...(params.email ? { email: params.email } : {}),
        address: {
          ...(params.country ? { country: params.country } : {}),
          ...(params.locality ? { locality: params.locality } : {}),
          ...(params.region ? { region: params.region } : {}),
          ...(params.postalCode ? { postalCode: params.postalCode } : {}),
          streetAddress: params.streetAddress,
        },
      },
      ...(params.description ? { description: params.description } : {}),
      ...(params.extraDetails ? { extraDetails: params.extraDetails } : {}),
      ...(params.externalBookingUrl ? { externalBookingUrl: params.externalBookingUrl } : {}),
    };

    const state = (context.crossFlowState ?? {}) as Record<string, unknown>;
    const memory = Array.isArray(state[BOOKING_MEMORY_KEY]) ? (state[BOOKING_MEMORY_KEY] as SentBooking[]) : [];
    const print = fingerprint(body);
    checkAgainstMemory(memory, token, tokenGiven, params.partnerBookingId, print);
    // An earlier run (a retried step, a re-run flow) that sent this very booking with this token.
    const sentBefore = memory.some((m) => m.t === token && m.f === print);

    // Remembered before sending: if this attempt's answer is lost and the step fails, a re-run finds it.
    const remembered = [...memory.filter((m) => m.t !== token), { t: token, p: params.partnerBookingId, f: print }].slice(-BOOKING_MEMORY_LIMIT);
    if (context.crossFlowState) context.crossFlowState[BOOKING_MEMORY_KEY] = remembered;

    const client = leadsClientFor(context, params, { timeoutMs: params.timeoutSeconds * 1000 });
    let response: unknown = null;
    let alreadySent = false;
    try {
      // The idempotency token is what makes a retry after a timeout safe: the client repeats this POST
      // only because the token is attached (see core.ts `safeToRepeat`).
      const res = await client.request({ method: "POST", path: LEADS_BOOKINGS_PATH, body, operation: "Create Partner Booking", idempotencyToken: token });
      response = res.data ?? null;
    } catch (error) {
      // 11303 = this token was used before. That is expected only when we know an earlier attempt sent
      // this same booking with it: an earlier run (remembered above) or this run's own first attempt,
      // whose answer was lost. Anything else (a token used by someone else) stays an error.
      const repeatOfOurs = sentBefore || ((error as AttemptedError).attempts ?? 1) > 1;
      if (error instanceof LeadsApiError && error.code === LEADS_DUPLICATE_TOKEN_CODE && repeatOfOurs) alreadySent = true;
      else {
        if (refusedOutright(error) && context.crossFlowState) context.crossFlowState[BOOKING_MEMORY_KEY] = memory;
        throw error;
      }
    }

    return {
      data: {
        idempotencyToken: token,
        partnerBookingId: params.partnerBookingId,
        alreadySent,
        note: alreadySent ? ALREADY_SENT_NOTE : null,
        response,
      },
      crossFlowState: { [BOOKING_MEMORY_KEY]: remembered },
    };
  },
});

export const leadsActions = {
  leadsSetAccountPairingStatus: setAccountPairingStatus,
  leadsCompleteAccountPairing: completeAccountPairing,
  leadsCreatePartnerBooking: createPartnerBooking,
};
