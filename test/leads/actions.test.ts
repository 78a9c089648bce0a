import type { Connection } from "@prismatic-io/spectral";
import type { LeadsSandbox } from "../../sandbox/leads";
import { LEADS_ERROR_CODES } from "../../src/leads/errorCodes";
import { BOOKING_MEMORY_KEY, LEADS_BOOKINGS_PATH } from "../../src/leads/actions";
import { bookingToken } from "../../src/leads/validate";
import { harness, leadsConnection, useLeads } from "./support";

let sandbox: LeadsSandbox;
let connection: Connection;
let seq = 0;
const uid = (p: string) => `${p}_${Date.now().toString(36)}_${++seq}`;

const l = useLeads();
beforeAll(() => ({ sandbox, connection } = l));

const pairAccount = async (accountId = uid("acct"), profileIds = [uid("prof")]) => {
  const requestId = sandbox.createPairingRequest();
  await harness.action("leadsSetAccountPairingStatus", { connection, requestId, status: "PROCESSING" });
  await harness.action("leadsCompleteAccountPairing", {
    connection,
    requestId,
    accountId,
    accountName: "Best HVAC Company",
    profiles: profileIds.map((id, i) => ({ key: id, value: `Office ${i + 1}` })),
  });
  return { requestId, accountId, profileId: profileIds[0] };
};

const booking = (account: { accountId: string; profileId: string }, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  connection,
  partnerBookingId: uid("pb"),
  accountId: account.accountId,
  profileId: account.profileId,
  serviceId: "find_and_repair_leak",
  start: "2026-05-11T14:00:00Z",
  durationSec: "3600",
  givenName: "John",
  familyName: "Smith",
  telephone: "(999) 001-1126",
  email: "john.smith@example.com",
  streetAddress: "2450 Cumberland Pkwy",
  locality: "Atlanta",
  region: "GA",
  postalCode: "30339",
  country: "US",
  description: "Leak under the sink",
  extraDetails: [{ key: "source", value: "spring" }],
  externalBookingUrl: "https://partner.example.com/b/1",
  ...extra,
});

describe("account pairing", () => {
  it("goes PROCESSING → COMPLETED and stores the account with its profiles", async () => {
    const requestId = sandbox.createPairingRequest();
    const processing = (await harness.action("leadsSetAccountPairingStatus", { connection, requestId, status: "processing" })) as any;
    expect(processing.data).toMatchObject({ requestId, status: "PROCESSING" });
    expect(sandbox.store.pairingRequests.get(requestId)).toBe("PROCESSING");

    const done = (await harness.action("leadsCompleteAccountPairing", {
      connection,
      requestId,
      accountId: "besthvac-1",
      accountName: "Best HVAC",
      profiles: [
        { key: "besthvac_0001", value: "Main office" },
        { key: "besthvac_0002", value: "North office" },
      ],
    })) as any;
    expect(done.data.account.profiles).toEqual([
      { id: "besthvac_0001", name: "Main office" },
      { id: "besthvac_0002", name: "North office" },
    ]);
    expect(sandbox.store.pairingRequests.get(requestId)).toBe("COMPLETED");
    expect(sandbox.store.accounts.get("besthvac-1")?.profiles).toHaveLength(2);
    const sent = JSON.parse(sandbox.apiRequests().at(-1)!.body);
    expect(sent).toEqual({
      requestId,
      status: "COMPLETED",
      account: { id: "besthvac-1", name: "Best HVAC", profiles: [{ id: "besthvac_0001", name: "Main office" }, { id: "besthvac_0002", name: "North office" }] },
    });
  });

  it("accepts profiles as a JSON array and DECLINED as a status", async () => {
    const requestId = sandbox.createPairingRequest();
    const res = (await harness.action("leadsSetAccountPairingStatus", { connection, requestId, status: "DECLINED" })) as any;
    expect(res.data.status).toBe("DECLINED");
    const r2 = sandbox.createPairingRequest();
    const done = (await harness.action("leadsCompleteAccountPairing", {
      connection,
      requestId: r2,
      accountId: uid("acct"),
      accountName: "JSON Co",
      profiles: JSON.stringify([{ id: uid("p"), name: "Only" }]),
    })) as any;
    expect(done.data.status).toBe("COMPLETED");
  });

  it("explains an unknown request ID (15202) with the stTraceId", async () => {
    await expect(harness.action("leadsSetAccountPairingStatus", { connection, requestId: "nosuchrequest", status: "PROCESSING" })).rejects.toThrow(
      /Request ID.*no pairing request with this Request ID.*15202 RequestIdNotFound.*stTraceId: [0-9a-f-]{36}/,
    );
  });

  it("explains an invalid status change (15102), a completed request (15302) and a duplicate account (15303)", async () => {
    const { requestId, accountId } = await pairAccount();
    await expect(harness.action("leadsSetAccountPairingStatus", { connection, requestId, status: "PROCESSING" })).rejects.toThrow(/15102 InvalidAccountStatusChange/);
    await expect(
      harness.action("leadsCompleteAccountPairing", { connection, requestId, accountId: uid("a"), accountName: "X", profiles: [{ key: uid("p"), value: "P" }] }),
    ).rejects.toThrow(/completed only once.*15302 DuplicateRequestId/);
    const other = sandbox.createPairingRequest();
    await expect(
      harness.action("leadsCompleteAccountPairing", { connection, requestId: other, accountId, accountName: "X", profiles: [{ key: uid("p"), value: "P" }] }),
    ).rejects.toThrow(/Account ID.*already paired.*15303 DuplicateAccount/);
  });

  it("explains a profile ID used by another account (15304)", async () => {
    const { profileId } = await pairAccount();
    const other = sandbox.createPairingRequest();
    await expect(
      harness.action("leadsCompleteAccountPairing", { connection, requestId: other, accountId: uid("a"), accountName: "X", profiles: [{ key: profileId, value: "P" }] }),
    ).rejects.toThrow(/15304 DuplicateProfile/);
  });
});

describe("partner bookings", () => {
  let account: { accountId: string; profileId: string };
  beforeAll(async () => {
    account = await pairAccount();
  });

  it("sends a booking in the seed's shape and returns the generated idempotency token", async () => {
    const before = sandbox.store.bookings.length;
    const res = (await harness.action("leadsCreatePartnerBooking", booking(account))) as any;
    expect(res.data.idempotencyToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.data.response).toMatchObject({ status: "Received" });
    expect(sandbox.store.bookings.length).toBe(before + 1);
    const sent = JSON.parse(sandbox.apiRequests().at(-1)!.body);
    expect(sent).toEqual({
      idempotencyToken: res.data.idempotencyToken,
      partnerBookingId: res.data.partnerBookingId,
      slot: { accountId: account.accountId, profileId: account.profileId, serviceId: "find_and_repair_leak", startSec: 1778508000, durationSec: 3600 },
      userInformation: {
        givenName: "John",
        familyName: "Smith",
        telephone: "(999) 001-1126",
        email: "john.smith@example.com",
        address: { country: "US", locality: "Atlanta", region: "GA", postalCode: "30339", streetAddress: "2450 Cumberland Pkwy" },
      },
      description: "Leak under the sink",
      extraDetails: { source: "spring" },
      externalBookingUrl: "https://partner.example.com/b/1",
    });
  });

  it("accepts the start as Unix seconds and sends only what was given", async () => {
    await harness.action("leadsCreatePartnerBooking", {
      connection,
      partnerBookingId: uid("pb"),
      accountId: account.accountId,
      profileId: account.profileId,
      serviceId: "svc",
      start: "1620744727",
      streetAddress: "1 Main St",
    });
    const sent = JSON.parse(sandbox.apiRequests().at(-1)!.body);
    expect(sent.slot).toEqual({ accountId: account.accountId, profileId: account.profileId, serviceId: "svc", startSec: 1620744727 });
    expect(sent.userInformation).toEqual({ address: { streetAddress: "1 Main St" } });
    expect(sent).not.toHaveProperty("extraDetails");
    expect(sent).not.toHaveProperty("description");
  });

  it("replaying the same booking with the same token creates one booking", async () => {
    const params = booking(account, { idempotencyToken: uid("tok") });
    const state = { crossFlowState: {} as Record<string, unknown> };
    const first = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    const second = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    // ServiceTitan refuses the repeated token (11303); the action knows this booking went out with it
    expect(first.data.response).toMatchObject({ status: "Received" });
    expect(second.data).toMatchObject({ alreadySent: true, idempotencyToken: params.idempotencyToken });
    expect(sandbox.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
    expect(sandbox.apiRequests().filter((r) => r.body.includes(params.partnerBookingId as string))).toHaveLength(2);
  });

  it("a duplicate Partner Booking ID under a new token gets a clear 11302 message", async () => {
    const params = booking(account, { idempotencyToken: uid("tok") });
    await harness.action("leadsCreatePartnerBooking", params);
    const error = await harness.action("leadsCreatePartnerBooking", { ...params, idempotencyToken: uid("tok") }).catch((e) => e);
    expect(error.message).toContain("Partner Booking ID");
    expect(error.message).toContain(LEADS_ERROR_CODES[11302].message);
    expect(error.message).toMatch(/11302 DuplicateBooking.*stTraceId: [0-9a-f-]{36}/);
    expect(sandbox.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
  });

  it("a token reused for a different booking is refused (11303)", async () => {
    const token = uid("tok");
    await harness.action("leadsCreatePartnerBooking", booking(account, { idempotencyToken: token }));
    await expect(harness.action("leadsCreatePartnerBooking", booking(account, { idempotencyToken: token }))).rejects.toThrow(/Idempotency Token.*11303/);
  });

  it("refuses reused tokens and booking IDs from this instance before sending (crossFlowState memory)", async () => {
    const state = { crossFlowState: {} as Record<string, unknown> };
    const params = booking(account, { idempotencyToken: uid("tok") });
    await harness.action("leadsCreatePartnerBooking", params, state as never);
    expect(state.crossFlowState[BOOKING_MEMORY_KEY]).toHaveLength(1);
    sandbox.clearRequests();
    await expect(harness.action("leadsCreatePartnerBooking", { ...params, description: "changed" }, state as never)).rejects.toThrow(
      /^Idempotency Token: .*already used from this instance for a different booking/,
    );
    await expect(harness.action("leadsCreatePartnerBooking", { ...params, idempotencyToken: uid("tok") }, state as never)).rejects.toThrow(
      /^Partner Booking ID: .*already sent from this instance/,
    );
    expect(sandbox.apiRequests()).toHaveLength(0);
  });

  it("without a given token the token is derived from the booking: the same on every run, another for another booking", async () => {
    const state = { crossFlowState: {} as Record<string, unknown> };
    const params = booking(account);
    const first = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    const again = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    const other = (await harness.action("leadsCreatePartnerBooking", booking(account), state as never)) as any;
    expect(again.data.alreadySent).toBe(true);
    expect(first.data.idempotencyToken).toBe(bookingToken(account.accountId, account.profileId, params.partnerBookingId as string));
    expect(again.data.idempotencyToken).toBe(first.data.idempotencyToken);
    expect(other.data.idempotencyToken).not.toBe(first.data.idempotencyToken);
    expect(sandbox.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
  });

  it("with a derived token, other details under a remembered Partner Booking ID are refused before sending", async () => {
    const state = { crossFlowState: {} as Record<string, unknown> };
    const params = booking(account);
    await harness.action("leadsCreatePartnerBooking", params, state as never);
    sandbox.clearRequests();
    await expect(harness.action("leadsCreatePartnerBooking", { ...params, description: "changed" }, state as never)).rejects.toThrow(
      /^Partner Booking ID: .*already sent from this instance with other booking details/,
    );
    expect(sandbox.apiRequests()).toHaveLength(0);
  });

  it("a booking ServiceTitan refused outright is forgotten, so the corrected booking can be sent under its Partner Booking ID", async () => {
    const state = { crossFlowState: {} as Record<string, unknown> };
    const params = booking(account);
    await expect(harness.action("leadsCreatePartnerBooking", { ...params, profileId: "nosuchprofile" }, state as never)).rejects.toThrow(/15204/);
    expect(state.crossFlowState[BOOKING_MEMORY_KEY]).toEqual([]);
    const res = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    expect(res.data.response).toMatchObject({ status: "Received" });
  });

  it("a first attempt that timed out is retried with the same token: one booking", async () => {
    const params = booking(account, { idempotencyToken: uid("tok"), timeoutSeconds: "1" });
    sandbox.clearRequests();
    sandbox.faults.delayBookingResponse(1500);
    const res = (await harness.action("leadsCreatePartnerBooking", params)) as any;
    const attempts = sandbox.apiRequests().filter((r) => r.body.includes(params.idempotencyToken as string));
    expect(attempts).toHaveLength(2);
    expect(JSON.parse(attempts[0].body)).toEqual(JSON.parse(attempts[1].body));
    // the first attempt was received but its answer lost; the retry's 11303 is recognised as ours
    expect(res.data).toMatchObject({ alreadySent: true });
    expect(sandbox.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
  });

  it("without an idempotency token a POST is never repeated: pairing is sent once after a 503", async () => {
    const requestId = sandbox.createPairingRequest();
    sandbox.clearRequests();
    sandbox.faults.failNext("/api/integrations/accounts", 503);
    await expect(harness.action("leadsSetAccountPairingStatus", { connection, requestId, status: "PROCESSING" })).rejects.toThrow(/failed with 503/);
    expect(sandbox.apiRequests()).toHaveLength(1);
    // …while a booking (token attached) is retried after the same failure.
    sandbox.clearRequests();
    sandbox.faults.failNext("/api/integrations/bookings", 503);
    const res = (await harness.action("leadsCreatePartnerBooking", booking(account))) as any;
    expect(res.data.response).toMatchObject({ status: "Received" });
    expect(sandbox.apiRequests()).toHaveLength(2);
  });

  it("explains unknown account (15203), unknown profile (15204) and a disabled integration (11102)", async () => {
    await expect(harness.action("leadsCreatePartnerBooking", booking({ accountId: "nosuchaccount", profileId: "p" }))).rejects.toThrow(/15203 AccountNotFound/);
    await expect(harness.action("leadsCreatePartnerBooking", booking({ accountId: account.accountId, profileId: "nosuchprofile" }))).rejects.toThrow(
      /Profile ID.*15204 ProfileNotFound/,
    );
    const disabled = await pairAccount();
    sandbox.setIntegrationEnabled(disabled.accountId, false);
    await expect(harness.action("leadsCreatePartnerBooking", booking(disabled))).rejects.toThrow(/switched off.*11102 IntegrationDisabled/);
  });

  it("a refused token is a connection error that does not leak the token", async () => {
    const bad = await leadsConnection(sandbox, "not-a-valid-token-value");
    const error = await harness.action("leadsCreatePartnerBooking", { ...booking(account), connection: bad }).catch((e) => e);
    expect(error.message).toMatch(/access token was refused/);
    expect(error.message).not.toContain("not-a-valid-token-value");
  });
});

describe("idempotency in reject mode (a repeat answered 11303)", () => {
  let strict: LeadsSandbox;
  let conn: Connection;
  const l = useLeads({ idempotency: "reject" });
  beforeAll(() => ({ sandbox: strict, connection: conn } = l));

  it("11303 after its own timed-out attempt: alreadySent, saying the earlier attempt used the token", async () => {
    strict.addAccount({ id: "acct1", name: "A", profiles: [{ id: "p1", name: "P" }] });
    strict.faults.delayBookingResponse(1500);
    const res = (await harness.action("leadsCreatePartnerBooking", {
      ...booking({ accountId: "acct1", profileId: "p1" }),
      connection: conn,
      timeoutSeconds: "1",
    })) as any;
    expect(res.data.alreadySent).toBe(true);
    expect(res.data.note).toMatch(/earlier attempt sent this same booking with this token/);
    expect(res.data.note).not.toMatch(/created once/);
    expect(res.data.response).toBeNull();
    expect(strict.store.bookings).toHaveLength(1);
    expect(strict.apiRequests()).toHaveLength(2);
  });

  it("but 11303 on the first attempt is an error", async () => {
    const params = { ...booking({ accountId: "acct1", profileId: "p1" }), connection: conn, idempotencyToken: uid("tok") };
    await harness.action("leadsCreatePartnerBooking", params);
    await expect(harness.action("leadsCreatePartnerBooking", params)).rejects.toThrow(/11303 DuplicateIdempotencyToken/);
  });

  /** Starts a run and, once its first attempt has reached the sandbox, makes the NEXT attempt fail with 500. */
  const runWhoseRetryFails = async (params: Record<string, unknown>, context: unknown) => {
    strict.clearRequests();
    strict.faults.delayBookingResponse(1500);
    const run = harness.action("leadsCreatePartnerBooking", params, context as never).then(
      () => undefined,
      (e: Error) => e,
    );
    for (let i = 0; i < 200 && strict.apiRequests().length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    strict.faults.failNext(LEADS_BOOKINGS_PATH, 500);
    return run;
  };

  it("a re-run of a booking whose first run timed out and failed sends the same derived token: one booking", async () => {
    const params: Record<string, unknown> = { ...booking({ accountId: "acct1", profileId: "p1" }), connection: conn, timeoutSeconds: "1" };
    const state = { crossFlowState: {} as Record<string, unknown> };
    const failed = await runWhoseRetryFails(params, state);
    expect(failed?.message).toMatch(/failed with 500/);
    // the booking was remembered before it was sent, although the run failed
    const token = bookingToken("acct1", "p1", params.partnerBookingId as string);
    expect(state.crossFlowState[BOOKING_MEMORY_KEY]).toEqual([expect.objectContaining({ t: token, p: params.partnerBookingId })]);
    expect(strict.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);

    // the platform re-runs the step: inputs cleaned afresh, no token given → the same token again
    const rerun = (await harness.action("leadsCreatePartnerBooking", params, state as never)) as any;
    expect(rerun.data).toMatchObject({ idempotencyToken: token, alreadySent: true, response: null });
    expect(rerun.data.note).toMatch(/earlier attempt/);
    const sent = strict.apiRequests().map((r) => JSON.parse(r.body).idempotencyToken);
    expect(new Set(sent)).toEqual(new Set([token]));
    expect(strict.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
  });

  it("a re-run whose memory was lost still sends the same token: still one booking, and 11303 is not claimed as ours", async () => {
    const params: Record<string, unknown> = { ...booking({ accountId: "acct1", profileId: "p1" }), connection: conn, timeoutSeconds: "1" };
    await runWhoseRetryFails(params, { crossFlowState: {} });
    const error = await harness.action("leadsCreatePartnerBooking", params, { crossFlowState: {} } as never).catch((e) => e);
    expect(error.message).toMatch(/Idempotency Token.*11303 DuplicateIdempotencyToken/);
    expect(strict.store.bookings.filter((b) => b.partnerBookingId === params.partnerBookingId)).toHaveLength(1);
  });
});
