/**
 * One convention for persisting instance state (webhookGuard.ts `rememberId`): a trigger or action that
 * changes the flow's instance state changes `context.instanceState` in place and returns that WHOLE
 * object, so no other key of the flow's state (another step's, the polling trigger's
 * `__prismaticInternal`) can be dropped, whether the platform merges or replaces what is returned.
 */
import { buildDelivery, makeEvent } from "../../sandbox/webhooks";
import { statusUpdateBody } from "../../sandbox/leads";
import { SEEN_IDS_KEY } from "../../src/leads/triggers";
import { SEEN_EVENTS_KEY } from "../../src/webhooks/serviceTitanWebhook";
import { freshState } from "../../src/recordChanges/deliveryState";
import { SERVICETITAN_WEBHOOK_KEY, LEADS_WEBHOOK_SECRET } from "../support/secrets";
import { harness, logger } from "./support";

/** A flow's instance state that already holds other keys. */
const flowState = (): Record<string, unknown> => ({
  otherStep: { kept: true },
  __prismaticInternal: { polling: { v: 1, note: "someone else's" } },
});

it("ServiceTitan Webhook returns the whole instance state with its seen-ID list in it", async () => {
  const instanceState = flowState();
  const event = makeEvent("Job.Completed", { id: 1 });
  const delivery = buildDelivery(event, { key: SERVICETITAN_WEBHOOK_KEY });
  const result = (await harness.trigger(
    "serviceTitanWebhook",
    { headers: delivery.headers, rawBody: { data: delivery.rawBody }, body: { data: JSON.parse(delivery.rawBody.toString()) } } as never,
    { hmacKey: SERVICETITAN_WEBHOOK_KEY },
    { instanceState, logger } as never,
  )) as any;
  expect(result.branch).toBe("Event");
  expect(result.instanceState).toEqual({ ...flowState(), [SEEN_EVENTS_KEY]: [event.eventId] });
});

it("Lead Status Updates returns the whole instance state with its seen-ID list in it", async () => {
  const instanceState = flowState();
  const body = statusUpdateBody("accepted", { partnerBookingId: "pb1", accountId: "a1", profileId: "p1" }, { statusUpdateId: "su-1" });
  const result = (await harness.trigger(
    "leadsStatusUpdates",
    { headers: { "x-stleads-token": LEADS_WEBHOOK_SECRET }, body: { data: JSON.stringify(body) } } as never,
    { webhookSecret: LEADS_WEBHOOK_SECRET } as never,
    { instanceState, logger } as never,
  )) as any;
  expect(result.branch).toBe("Accepted");
  expect(result.instanceState).toEqual({ ...flowState(), [SEEN_IDS_KEY]: ["su-1"] });
});

it("Account, Profile and Availability Updates returns the whole instance state when it remembers an ID", async () => {
  const instanceState = flowState();
  const result = (await harness.trigger(
    "leadsAccountUpdates",
    { headers: { "x-stleads-token": LEADS_WEBHOOK_SECRET }, pathFragment: "/accounts", body: { data: JSON.stringify({ statusUpdateId: "acc-1" }) } } as never,
    { webhookSecret: LEADS_WEBHOOK_SECRET } as never,
    { instanceState, logger } as never,
  )) as any;
  expect(result.branch).toBe("Accounts");
  expect(result.instanceState).toEqual({ ...flowState(), [SEEN_IDS_KEY]: ["acc-1"] });
});

it("Confirm Record Changes returns the whole instance state with the committed position in it", async () => {
  const cursor = { token: "t2", seen: [], pinned: 0 };
  const polling = { ...freshState("https://api.servicetitan.io|1|crm:/export/customers"), pending: { id: "d1", cursor, count: 1, attempt: 1, deliveredAt: "x" } };
  const instanceState: Record<string, unknown> = { otherStep: { kept: true }, __prismaticInternal: { polling } };
  const result = (await harness.action("confirmRecordChanges", { deliveryId: "d1" }, { instanceState, logger } as never)) as any;
  expect(result.data.confirmed).toBe(true);
  expect(result.instanceState).toMatchObject({ otherStep: { kept: true }, __prismaticInternal: { polling: { committed: cursor, lastConfirmed: "d1" } } });
});
