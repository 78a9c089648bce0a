/**
 * The Leads Integration Platform's error codes (seed 003, "Error Codes"), each with the name ServiceTitan
 * gives it and a message in our words that says what happened and what to do. This is the only table:
 * the leads client, the tests and the leads sandbox all read it.
 */
export interface LeadsErrorCode {
  name: string;
  /** What a person reads: the cause and the fix. */
  message: string;
  /** The input a user should look at, when one is to blame. */
  input?: string;
}

/** Code ServiceTitan answers when an Idempotency Token was used before (see Create Partner Booking). */
export const LEADS_DUPLICATE_TOKEN_CODE = 11303;

export const LEADS_ERROR_CODES: Record<number, LeadsErrorCode> = {
  11102: {
    name: "IntegrationDisabled",
    message:
      "the integration is switched off for this account in ServiceTitan, so it accepts no bookings; the tenant (or ServiceTitan support) has to enable it for the Account ID first.",
    input: "Account ID",
  },
  11302: {
    name: "DuplicateBooking",
    message:
      "a booking with this Partner Booking ID was already sent to ServiceTitan; every booking needs its own Partner Booking ID. Nothing new was created.",
    input: "Partner Booking ID",
  },
  [LEADS_DUPLICATE_TOKEN_CODE]: {
    name: "DuplicateIdempotencyToken",
    message:
      "this Idempotency Token was already used for an earlier request; give a new token (or leave it empty to have one generated) to send a different booking.",
    input: "Idempotency Token",
  },
  11304: {
    name: "DuplicateExtraDetail",
    message:
      "Extra Details contains the same key more than once when upper and lower case are ignored (for example \"Source\" and \"source\"); keep one of each.",
    input: "Extra Details",
  },
  15102: {
    name: "InvalidAccountStatusChange",
    message:
      "the pairing request cannot move from its current status to the one sent (for example, a pairing that is already COMPLETED or DECLINED cannot go back to PROCESSING).",
    input: "Status",
  },
  15103: {
    name: "InvalidAccountData",
    message: "the account was missing or incomplete: a completed pairing needs the account ID, the account name and at least one profile.",
    input: "Account",
  },
  15202: {
    name: "RequestIdNotFound",
    message:
      "ServiceTitan knows no pairing request with this Request ID; use the request ID ServiceTitan passed to your pairing page, unchanged.",
    input: "Request ID",
  },
  15203: {
    name: "AccountNotFound",
    message: "no paired account has this Account ID; pair the account first, or check the ID sent at pairing.",
    input: "Account ID",
  },
  15204: {
    name: "ProfileNotFound",
    message: "the account has no profile with this Profile ID; use one of the profile IDs sent when the account was paired.",
    input: "Profile ID",
  },
  15302: {
    name: "DuplicateRequestId",
    message: "an account was already created for this Request ID; each pairing request can be completed only once.",
    input: "Request ID",
  },
  15303: {
    name: "DuplicateAccount",
    message: "an account with this Account ID is already paired; each partner account can be paired only once.",
    input: "Account ID",
  },
  15304: {
    name: "DuplicateProfile",
    message: "a profile with one of these Profile IDs already exists; every profile needs an ID of its own.",
    input: "Profiles",
  },
};

/** Code ServiceTitan uses for a request that failed its field validation (the seed's error example). */
export const LEADS_VALIDATION_CODE = 10001;

export const describeLeadsCode = (code: number | undefined): LeadsErrorCode | undefined =>
  code === undefined ? undefined : LEADS_ERROR_CODES[code];
