/**
 * Every field rule of seed 003 (mandatory fields, 128-symbol limits, no spaces, no special characters,
 * unique values) fails in `clean`, naming the input, before any request reaches the leads sandbox.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { LeadsSandbox } from "../../sandbox/leads";
import { harness, useLeads } from "./support";

let sandbox: LeadsSandbox;
let connection: Connection;
const l = useLeads();
beforeAll(() => {
  ({ sandbox, connection } = l);
  sandbox.addAccount({ id: "acct1", name: "A", profiles: [{ id: "p1", name: "P" }] });
});
beforeEach(() => sandbox.clearRequests());
afterEach(() => expect(sandbox.apiRequests()).toHaveLength(0));

const long = "a".repeat(129);
const okBooking = {
  partnerBookingId: "pb-1",
  accountId: "acct1",
  profileId: "p1",
  serviceId: "svc",
  streetAddress: "1 Main St",
};

const pairingCases: Array<[string, string, Record<string, unknown>, RegExp]> = [
  ["requestId is mandatory", "leadsSetAccountPairingStatus", { requestId: "", status: "PROCESSING" }, /^Request ID: expected a value/],
  ["requestId up to 128 symbols", "leadsSetAccountPairingStatus", { requestId: long, status: "PROCESSING" }, /^Request ID: expected at most 128 characters/],
  ["requestId no special characters", "leadsSetAccountPairingStatus", { requestId: "abc$def", status: "PROCESSING" }, /^Request ID: expected letters, digits/],
  ["status is one of PROCESSING/DECLINED", "leadsSetAccountPairingStatus", { requestId: "r1", status: "COMPLETED" }, /^Status: expected one of PROCESSING, DECLINED/],
  ["status is mandatory", "leadsSetAccountPairingStatus", { requestId: "r1", status: "" }, /^Status: expected a value/],
  ["account.id is mandatory", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "", accountName: "A", profiles: [{ key: "p", value: "P" }] }, /^Account ID: expected a value/],
  ["account.id up to 128", "leadsCompleteAccountPairing", { requestId: "r1", accountId: long, accountName: "A", profiles: [{ key: "p", value: "P" }] }, /^Account ID: expected at most 128/],
  ["account.id no special characters", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "acme inc!", accountName: "A", profiles: [{ key: "p", value: "P" }] }, /^Account ID: expected letters, digits/],
  ["account.name is mandatory", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: " ", profiles: [{ key: "p", value: "P" }] }, /^Account Name: expected a value/],
  ["account.name up to 128", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: long, profiles: [{ key: "p", value: "P" }] }, /^Account Name: expected at most 128/],
  ["profiles are mandatory", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [] }, /^Profiles: expected at least one profile/],
  ["profiles.id is mandatory", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [{ key: "", value: "P" }] }, /^Profiles \(item 1\) ID: expected a value/],
  ["profiles.id up to 128", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [{ key: long, value: "P" }] }, /^Profiles \(item 1\) ID: expected at most 128/],
  ["profiles.name is mandatory", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [{ key: "p", value: "" }] }, /^Profiles \(item 1\) Name: expected a value/],
  ["profiles.name up to 128", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [{ key: "p", value: long }] }, /^Profiles \(item 1\) Name: expected at most 128/],
  ["profile IDs are unique", "leadsCompleteAccountPairing", { requestId: "r1", accountId: "a", accountName: "A", profiles: [{ key: "p", value: "P" }, { key: "p", value: "Q" }] }, /^Profiles \(item 2\) ID: "p" appears more than once/],
];

const bookingCases: Array<[string, Record<string, unknown>, RegExp]> = [
  ["idempotencyToken has no spaces", { idempotencyToken: "my token" }, /^Idempotency Token: expected a value without spaces/],
  ["partnerBookingId is mandatory", { partnerBookingId: "" }, /^Partner Booking ID: expected a value/],
  ["partnerBookingId has no spaces", { partnerBookingId: "pb 1" }, /^Partner Booking ID: expected a value without spaces/],
  ["slot.accountId is mandatory", { accountId: "" }, /^Account ID: expected a value/],
  ["slot.accountId has no spaces", { accountId: "acct 1" }, /^Account ID: expected a value without spaces/],
  ["slot.accountId up to 128", { accountId: long }, /^Account ID: expected at most 128/],
  ["slot.profileId is mandatory", { profileId: "" }, /^Profile ID: expected a value/],
  ["slot.profileId has no spaces", { profileId: "p 1" }, /^Profile ID: expected a value without spaces/],
  ["slot.serviceId is mandatory", { serviceId: "" }, /^Service ID: expected a value/],
  ["slot.serviceId has no spaces", { serviceId: "find and repair" }, /^Service ID: expected a value without spaces/],
  ["slot.startSec is Unix seconds (not milliseconds)", { start: "1234567890000" }, /^Arrival Window Start: expected Unix seconds.*milliseconds/],
  ["slot.startSec is a real time", { start: "2026-02-30T10:00:00Z" }, /^Arrival Window Start: expected/],
  ["slot.durationSec is a whole number", { durationSec: "1.5" }, /^Arrival Window Length \(seconds\): expected a whole number/],
  ["address.streetAddress is mandatory", { streetAddress: "" }, /^Street Address: expected a value/],
  ["extraDetails keys are unique ignoring case", { extraDetails: [{ key: "Source", value: "a" }, { key: "source", value: "b" }] }, /^Extra Details: the keys "Source" and "source"/],
  ["extraDetails values are text", { extraDetails: JSON.stringify({ nested: { a: 1 } }) }, /^Extra Details "nested": expected a text value/],
  ["externalBookingUrl is a URL", { externalBookingUrl: "partner/bookings/1" }, /^External Booking URL: expected an absolute http\(s\) URL/],
  ["email looks like an e-mail", { email: "not-an-email" }, /^Customer Email: expected an e-mail address/],
  ["timeout within 1..300 s", { timeoutSeconds: "0" }, /^Timeout \(seconds\): expected a whole number of at least 1/],
];

describe("pairing field rules fail before sending", () => {
  it.each(pairingCases)("%s", async (_name, key, params, message) => {
    await expect(harness.action(key, { connection, ...params })).rejects.toThrow(message);
  });
});

describe("booking field rules fail before sending", () => {
  it.each(bookingCases)("%s", async (_name, params, message) => {
    await expect(harness.action("leadsCreatePartnerBooking", { connection, ...okBooking, ...params })).rejects.toThrow(message);
  });
});

describe("the valid baseline does reach the sandbox (so the cases above fail for their own reason)", () => {
  afterEach(() => sandbox.clearRequests());
  it("sends the baseline booking", async () => {
    const res = (await harness.action("leadsCreatePartnerBooking", { connection, ...okBooking })) as any;
    expect(res.data.response).toMatchObject({ status: "Received" });
    expect(sandbox.apiRequests()).toHaveLength(1);
  });
});
