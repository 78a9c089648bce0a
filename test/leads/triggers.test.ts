/**
 * Leads webhooks over real HTTP: the leads sandbox emits each webhook as ServiceTitan would; a receiver
 * hands it to the trigger through Spectral's harness (cleaning included) and answers with the
 * trigger's response.
 */
import { emitStatusUpdate, emitUpdate, emitWebhook, statusUpdateBody, type LeadStatusKind } from "../../sandbox/leads";
import { SEEN_IDS_KEY, SEEN_IDS_LIMIT } from "../../src/leads/triggers";
import { secretMatches } from "../../src/triggers/webhookGuard";
import { harness, startReceiver } from "./support";

import { LEADS_WEBHOOK_SECRET } from "../support/secrets";

const SECRET = LEADS_WEBHOOK_SECRET;
const bookingRef = { partnerBookingId: "12345abcd", accountId: "besthvaccompany", profileId: "besthvaccompany_0001" };

describe("Lead Status Updates", () => {
  const state = { instanceState: {} as Record<string, unknown> };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver("leadsStatusUpdates", { webhookSecret: SECRET }, state);
  });
  afterAll(async () => receiver.close());
  beforeEach(() => receiver.received.splice(0));

  const cases: Array<[LeadStatusKind, string, (data: any) => void]> = [
    ["accepted", "Accepted", (d) => expect(d.eventData).toEqual({ acceptedTimestamp: expect.any(Number), leadDeliveredTimestamp: expect.any(Number) })],
    ["declined", "Declined", (d) => expect(d.eventData.declineReason).toBe("Declined by CSR")],
    ["appointment_scheduled", "Appointment Scheduled", (d) => expect(d.eventData.scheduledStartTimestamp).toEqual(expect.any(Number))],
    [
      "invoiced",
      "Invoiced",
      (d) => {
        expect(d.eventData.totalPrice).toBe(400);
        expect(d.eventData.skus).toHaveLength(3);
        expect(d.eventData.skus[2]).toEqual({ name: "some-equipment", code: "some-equipment-code", price: 110, quantity: 3, serialNumber: "abcdefg", model: "cool-equipment" });
      },
    ],
  ];

  it.each(cases)("leads/%s takes the %s branch with the typed event", async (kind, branch, check) => {
    const res = await emitStatusUpdate(receiver.url, kind, bookingRef, { secret: SECRET });
    expect(res.status).toBe(200);
    const { result } = receiver.received[0];
    expect(result.branch).toBe(branch);
    const event = result.payload.body.data;
    expect(event).toMatchObject({ ...bookingRef, statusUpdateId: expect.any(String), timestamp: expect.any(Number) });
    check(event);
    // The signing key never reaches the flow.
    expect(JSON.stringify(result.payload.headers).toLowerCase()).not.toContain("x-stleads-token");
    expect(JSON.stringify(result.payload)).not.toContain(SECRET);
  });

  it.each([
    ["a wrong secret", "not-the-key"],
    ["a missing secret", undefined],
    ["a secret of another length", SECRET + "x"],
  ])("answers 401 to %s and hands the flow nothing (Rejected branch)", async (_name, secret) => {
    const res = await emitStatusUpdate(receiver.url, "accepted", bookingRef, { secret });
    expect(res.status).toBe(401);
    const { result } = receiver.received[0];
    expect(result.branch).toBe("Rejected");
    expect(result.payload.body.data).toBeNull();
    expect(result.payload.rawBody.data).toBeNull();
    expect(result.payload.headers).toEqual({});
    expect(result).not.toHaveProperty("instanceState");
  });

  it("drops a repeated statusUpdateId (Duplicate branch, 200 so the sender stops)", async () => {
    const body = statusUpdateBody("declined", bookingRef, { statusUpdateId: "dup-1" });
    expect((await emitWebhook(receiver.url, "leads/declined", body, { secret: SECRET })).status).toBe(200);
    expect((await emitWebhook(receiver.url, "leads/declined", body, { secret: SECRET })).status).toBe(200);
    expect(receiver.received.map((r) => r.result.branch)).toEqual(["Declined", "Duplicate"]);
    expect(receiver.received[1].result.payload.body.data).toEqual({ statusUpdateId: "dup-1", duplicate: true });
  });

  it("answers 400 on the Rejected branch to a body that is not a status update", async () => {
    const res = await emitWebhook(receiver.url, "leads/accepted", { hello: "world" }, { secret: SECRET });
    expect(res.status).toBe(400);
    expect(receiver.received[0].result.branch).toBe("Rejected");
  });

  it("routes an unknown status to Other Status", async () => {
    const body = { ...statusUpdateBody("accepted", bookingRef), status: "Cancelled" };
    await emitWebhook(receiver.url, "leads/cancelled", body, { secret: SECRET });
    expect(receiver.received[0].result.branch).toBe("Other Status");
  });

  it("honours a custom header name", async () => {
    const custom = await startReceiver("leadsStatusUpdates", { webhookSecret: SECRET, headerName: "X-Partner-Key" });
    try {
      expect((await emitStatusUpdate(custom.url, "accepted", bookingRef, { secret: SECRET })).status).toBe(401);
      expect((await emitStatusUpdate(custom.url, "accepted", bookingRef, { secret: SECRET, headerName: "X-Partner-Key" })).status).toBe(200);
      // the custom signing-key header is left out of what the flow receives, like the default one
      const accepted = custom.received.find((r) => r.result.branch === "Accepted");
      expect(JSON.stringify(accepted?.result.payload.headers).toLowerCase()).not.toContain("x-partner-key");
      expect(JSON.stringify(accepted?.result.payload)).not.toContain(SECRET);
    } finally {
      await custom.close();
    }
  });

  it("in Fail mode a refused request fails the execution, with no secret in the message", async () => {
    const body = statusUpdateBody("accepted", bookingRef);
    const error = await harness
      .trigger("leadsStatusUpdates", { headers: { "X-STLeads-Token": "wrong" }, body: { data: body } } as never, { webhookSecret: SECRET, whenRefused: "fail" } as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/refused \(401\)/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain("wrong");
  });

  it("a missing Webhook Signing Key input is refused by clean", async () => {
    await expect(harness.trigger("leadsStatusUpdates", {} as never, { webhookSecret: "" } as never)).rejects.toThrow(/^Webhook Signing Key: expected a value/);
  });

  it("keeps at most SEEN_IDS_LIMIT remembered IDs, oldest dropped", async () => {
    const ctx = { instanceState: { [SEEN_IDS_KEY]: Array.from({ length: SEEN_IDS_LIMIT }, (_, i) => `old-${i}`) } as Record<string, unknown> };
    const body = statusUpdateBody("accepted", bookingRef, { statusUpdateId: "newest" });
    const result = (await harness.trigger(
      "leadsStatusUpdates",
      { headers: { "x-stleads-token": SECRET }, body: { data: JSON.stringify(body) } } as never,
      { webhookSecret: SECRET } as never,
      ctx as never,
    )) as any;
    const list = result.instanceState[SEEN_IDS_KEY] as string[];
    expect(list).toHaveLength(SEEN_IDS_LIMIT);
    expect(list[0]).toBe("old-1");
    expect(list.at(-1)).toBe("newest");
  });
});

describe("Account, Profile and Availability Updates", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver("leadsAccountUpdates", { webhookSecret: SECRET }, { instanceState: {} });
  });
  afterAll(async () => receiver.close());
  beforeEach(() => receiver.received.splice(0));

  it.each([
    ["accounts", "Accounts"],
    ["profiles", "Profiles"],
    ["availabilities", "Availability"],
  ] as const)("/%s takes the %s branch", async (kind, branch) => {
    const update = { accountId: "besthvaccompany", items: [{ id: "x" }] };
    expect((await emitUpdate(receiver.url, kind, update, { secret: SECRET })).status).toBe(200);
    const { result } = receiver.received[0];
    expect(result.branch).toBe(branch);
    expect(result.payload.body.data).toEqual({ kind, update });
  });

  it("refuses a wrong secret with 401", async () => {
    expect((await emitUpdate(receiver.url, "accounts", {}, { secret: "nope" })).status).toBe(401);
    expect(receiver.received[0].result.branch).toBe("Rejected");
  });

  it("drops a repeated statusUpdateId", async () => {
    await emitUpdate(receiver.url, "profiles", { statusUpdateId: "u-1" }, { secret: SECRET });
    await emitUpdate(receiver.url, "profiles", { statusUpdateId: "u-1" }, { secret: SECRET });
    expect(receiver.received.map((r) => r.result.branch)).toEqual(["Profiles", "Duplicate"]);
  });
});

describe("Account Info Endpoint (OpenID Connect pairing)", () => {
  const TOKEN = "zNLXAACWfCOb859MBGR12x4I67tWJB7y6eUQVdQT8zsLabBk8R";
  const b64 = Buffer.from(TOKEN).toString("base64");
  const params = {
    accessToken: TOKEN,
    accountId: "AccountId1",
    accountName: "AccountName1",
    profiles: [
      { key: "profileId1", value: "Name1" },
      { key: "profileId2", value: "Name2" },
    ],
  };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver("leadsAccountInfoEndpoint", params);
  });
  afterAll(async () => receiver.close());

  const get = (query: string, authorization?: string) =>
    fetch(`${receiver.url}/account-info${query}`, { headers: authorization ? { Authorization: authorization } : {} });

  it("answers COMPLETED with the account and echoes request_id", async () => {
    const res = await get("?request_id=Fghx1OBeZQQYbYS6WxSbUO", `Bearer ${b64}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      Status: "COMPLETED",
      RequestId: "Fghx1OBeZQQYbYS6WxSbUO",
      Account: { Id: "AccountId1", Name: "AccountName1", Profiles: [{ Id: "profileId1", Name: "Name1" }, { Id: "profileId2", Name: "Name2" }] },
    });
    const last = receiver.received.at(-1)!.result;
    expect(last.branch).toBe("Completed");
    expect(JSON.stringify(last.payload)).not.toContain(b64);
  });

  it("answers DECLINED when the decision says so", async () => {
    const declined = await startReceiver("leadsAccountInfoEndpoint", { ...params, decision: "DECLINED" });
    try {
      const res = await fetch(`${declined.url}/?request_id=R1`, { headers: { Authorization: `Bearer ${b64}` } });
      expect(await res.json()).toEqual({ Status: "DECLINED", RequestId: "R1" });
    } finally {
      await declined.close();
    }
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong token", `Bearer ${Buffer.from("other-token").toString("base64")}`],
    ["Basic instead of Bearer", `Basic ${b64}`],
  ])("answers 401 to %s", async (_name, auth) => {
    const res = await get("?request_id=R1", auth);
    expect(res.status).toBe(401);
    expect(receiver.received.at(-1)!.result.branch).toBe("Rejected");
  });

  it("answers 400 when request_id is missing or malformed", async () => {
    expect((await get("", `Bearer ${b64}`)).status).toBe(400);
    expect((await get("?request_id=bad%20id!", `Bearer ${b64}`)).status).toBe(400);
  });
});

describe("secretMatches", () => {
  it("compares exactly", () => {
    expect(secretMatches("abc", "abc")).toBe(true);
    expect(secretMatches("abc", "abd")).toBe(false);
    expect(secretMatches("ab", "abc")).toBe(false);
    expect(secretMatches(undefined, "abc")).toBe(false);
    expect(secretMatches("", "")).toBe(false);
  });
});
