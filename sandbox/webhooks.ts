/**
 * Webhook sender of the sandbox: builds ServiceTitan-style V2 webhook deliveries signed with an HMAC key
 * (correctly, with a wrong key, tampered after signing, malformed, or not at all), and posts them to a
 * receiver on loopback. The signature is HMAC-SHA256 over the exact body bytes, hex or base64.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { Store } from "./store";

export type SignatureMode = "valid" | "wrongKey" | "tampered" | "malformed" | "missing";
export type SignatureEncoding = "hex" | "base64";

export interface WebhookEvent {
  eventId: string;
  eventType: string;
  tenantId: string;
  createdOn: string;
  data: unknown;
}

export interface WebhookDelivery {
  headers: Record<string, string>;
  /** The exact bytes sent (what the signature covers). */
  rawBody: Buffer;
  event: WebhookEvent;
}

export interface SignOptions {
  key: string;
  mode?: SignatureMode;
  encoding?: SignatureEncoding;
  header?: string;
}

export const DEFAULT_SIGNATURE_HEADER = "X-ServiceTitan-Signature";

export const sign = (body: Buffer | string, key: string, encoding: SignatureEncoding = "base64"): string =>
  createHmac("sha256", key).update(body).digest(encoding);

export const makeEvent = (eventType: string, data: unknown, overrides: Partial<WebhookEvent> = {}): WebhookEvent => ({
  eventId: randomUUID(),
  eventType,
  tenantId: "1234567",
  createdOn: new Date().toISOString(),
  data,
  ...overrides,
});

/** An event for a record of the store, e.g. `recordEvent(store, "crm:/customers", 1001, "Customer.Updated")`. */
export const recordEvent = (store: Store, key: string, id: number, eventType: string): WebhookEvent => {
  const rec = store.get(key, id);
  if (!rec) throw new Error(`no record ${id} in ${key}`);
  return makeEvent(eventType, rec, { createdOn: store.now() });
};

export const buildDelivery = (event: WebhookEvent, options: SignOptions): WebhookDelivery => {
  const rawBody = Buffer.from(JSON.stringify(event), "utf8");
  const header = options.header ?? DEFAULT_SIGNATURE_HEADER;
  const encoding = options.encoding ?? "base64";
  const headers: Record<string, string> = { "content-type": "application/json" };
  switch (options.mode ?? "valid") {
    case "valid":
      headers[header] = sign(rawBody, options.key, encoding);
      break;
    case "wrongKey":
      headers[header] = sign(rawBody, `${options.key}-wrong`, encoding);
      break;
    case "tampered": {
      headers[header] = sign(rawBody, options.key, encoding);
      const changed = Buffer.from(JSON.stringify({ ...event, data: { tampered: true } }), "utf8");
      return { headers, rawBody: changed, event };
    }
    case "malformed":
      headers[header] = "not-a-signature";
      break;
    case "missing":
      break;
  }
  return { headers, rawBody, event };
};

/** POSTs a delivery to a receiver (loopback only) and returns its answer. */
export const sendDelivery = async (url: string, delivery: WebhookDelivery): Promise<{ status: number; body: string }> => {
  const target = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) throw new Error(`The sandbox only sends webhooks to loopback, not ${target.hostname}.`);
  const res = await fetch(url, { method: "POST", headers: delivery.headers, body: delivery.rawBody });
  return { status: res.status, body: await res.text() };
};
