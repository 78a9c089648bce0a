/**
 * "ServiceTitan Webhook" through Spectral's adapter, fed by the sandbox's webhook sender: with an HMAC
 * key, a wrong, missing, malformed or tampered signature never starts the flow (401, Rejected branch, empty payload),
 * a valid one does (200, Event branch), a repeat is dropped, and the HMAC key never reaches a log line.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDelivery, makeEvent, sendDelivery, type SignatureMode, type WebhookDelivery } from "../../sandbox/webhooks";
import { SEEN_EVENTS_KEY, SEEN_EVENTS_LIMIT } from "../../src/webhooks/serviceTitanWebhook";
import { harness, logger, logs } from "./support";

import { SERVICETITAN_WEBHOOK_KEY } from "../support/secrets";

const KEY = SERVICETITAN_WEBHOOK_KEY;

interface WebhookResult {
  branch: string;
  response: { statusCode: number; body: string };
  payload: { body: { data: unknown }; headers: Record<string, string>; rawBody: { data: unknown } };
}

/** What the platform does with a request: the trigger gets headers, raw bytes and the parsed body. */
const deliver = async (delivery: WebhookDelivery, instanceState: Record<string, unknown>, params: Record<string, unknown> = {}) =>
  (await harness.trigger(
    "serviceTitanWebhook",
    { headers: delivery.headers, rawBody: { data: delivery.rawBody }, body: { data: JSON.parse(delivery.rawBody.toString()) } } as never,
    { hmacKey: KEY, ...params },
    { instanceState, logger } as never,
  )) as unknown as WebhookResult;

describe("ServiceTitan Webhook", () => {
  beforeEach(() => {
    logs.length = 0;
  });

  it("starts the flow for a correctly signed event (base64 and hex) and answers 200", async () => {
    const state: Record<string, unknown> = {};
    for (const encoding of ["base64", "hex"] as const) {
      const event = makeEvent("Job.Completed", { id: 7654321 });
      const res = await deliver(buildDelivery(event, { key: KEY, encoding }), state);
      expect(res.branch).toBe("Event");
      expect(res.response.statusCode).toBe(200);
      expect(JSON.parse(res.response.body)).toEqual({ received: event.eventId });
      expect(res.payload.body.data).toEqual(event);
    }
  });

  it.each<SignatureMode>(["wrongKey", "missing", "malformed", "tampered"])("a %s signature never starts the flow: 401, Rejected, empty payload", async (mode) => {
    const state: Record<string, unknown> = {};
    const event = makeEvent("Customer.Updated", { id: 1001, name: "secret customer data" });
    const res = await deliver(buildDelivery(event, { key: KEY, mode }), state);
    expect(res.branch).toBe("Rejected");
    expect(res.response.statusCode).toBe(401);
    expect(res.payload.body.data).toBeNull();
    expect(res.payload.rawBody.data).toBeNull();
    expect(res.payload.headers).toEqual({});
    expect(state[SEEN_EVENTS_KEY]).toBeUndefined(); // an unsigned request cannot fill the memory
  });

  it("in Fail mode a bad signature fails the execution instead", async () => {
    const event = makeEvent("Customer.Updated", { id: 1 });
    await expect(deliver(buildDelivery(event, { key: KEY, mode: "wrongKey" }), {}, { whenRefused: "fail" })).rejects.toThrow(/refused the request \(401\): signature mismatch/);
  });

  it("honours a configured signature header and refuses the default one then", async () => {
    const event = makeEvent("Job.Completed", { id: 1 });
    const custom = await deliver(buildDelivery(event, { key: KEY, header: "X-Custom-Sig" }), {}, { signatureHeaders: "X-Custom-Sig" });
    expect(custom.branch).toBe("Event");
    const other = await deliver(buildDelivery(event, { key: KEY }), {}, { signatureHeaders: "X-Custom-Sig" });
    expect(other.branch).toBe("Rejected");
  });

  it("drops an event it has already seen (200, Duplicate branch) and keeps a bounded memory", async () => {
    const state: Record<string, unknown> = {};
    const event = makeEvent("Job.Completed", { id: 1 });
    expect((await deliver(buildDelivery(event, { key: KEY }), state)).branch).toBe("Event");
    const again = await deliver(buildDelivery(event, { key: KEY }), state);
    expect(again.branch).toBe("Duplicate");
    expect(again.response.statusCode).toBe(200);
    for (let i = 0; i < SEEN_EVENTS_LIMIT + 5; i++) {
      state[SEEN_EVENTS_KEY] = [...((state[SEEN_EVENTS_KEY] as string[]) ?? []), `filler-${i}`].slice(-SEEN_EVENTS_LIMIT);
    }
    expect((state[SEEN_EVENTS_KEY] as string[]).length).toBe(SEEN_EVENTS_LIMIT);
    expect((await deliver(buildDelivery(makeEvent("X", {}), { key: KEY }), state)).branch).toBe("Event");
    expect((state[SEEN_EVENTS_KEY] as string[]).length).toBe(SEEN_EVENTS_LIMIT);
  });

  it("without an event id, identical bodies count as one event", async () => {
    const state: Record<string, unknown> = {};
    const event = makeEvent("Job.Completed", { id: 1 }, { eventId: "" });
    expect((await deliver(buildDelivery(event, { key: KEY }), state)).branch).toBe("Event");
    expect((await deliver(buildDelivery(event, { key: KEY }), state)).branch).toBe("Duplicate");
  });

  it("the HMAC key appears in no log line or error message", async () => {
    await deliver(buildDelivery(makeEvent("A", {}), { key: KEY, mode: "wrongKey" }), {});
    const err = await deliver(buildDelivery(makeEvent("A", {}), { key: KEY, mode: "missing" }), {}, { whenRefused: "fail" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of [...logs, (err as Error).message, (err as Error).stack ?? ""]) expect(line).not.toContain(KEY);
    const short = KEY.slice(0, 20);
    const tooShort = await harness.trigger("serviceTitanWebhook", undefined, { hmacKey: short }, { instanceState: {}, logger } as never).catch((e: Error) => e);
    expect((tooShort as Error).message).toMatch(/HMAC Key: expected 32 to 64 characters/);
    expect((tooShort as Error).message).not.toContain(short);
  });

  describe("over HTTP (a loopback receiver standing in for Prismatic's webhook endpoint)", () => {
    let server: Server;
    let url: string;
    let flowRuns = 0;
    const state: Record<string, unknown> = {};
    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", async () => {
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
          const result = await deliver({ headers, rawBody: Buffer.concat(chunks), event: {} as never }, state);
          if (result.branch === "Event") flowRuns += 1; // the flow's steps live on the Event branch
          res.writeHead(result.response.statusCode, { "content-type": "application/json" });
          res.end(result.response.body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("answers 401 to bad signatures without running the flow, 200 to good ones", async () => {
      for (const mode of ["wrongKey", "missing", "tampered", "malformed"] as const) {
        const res = await sendDelivery(url, buildDelivery(makeEvent("Job.Completed", { id: 1 }), { key: KEY, mode }));
        expect(res.status).toBe(401);
      }
      expect(flowRuns).toBe(0);
      const event = makeEvent("Job.Completed", { id: 2 });
      expect((await sendDelivery(url, buildDelivery(event, { key: KEY }))).status).toBe(200);
      expect((await sendDelivery(url, buildDelivery(event, { key: KEY }))).status).toBe(200); // ServiceTitan's retry
      expect(flowRuns).toBe(1);
    });
  });
});
