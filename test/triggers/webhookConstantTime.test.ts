/**
 * A forged signature is still refused in constant time now that the trigger reads several headers:
 * every candidate found (in any header, any encoding) is compared in full with crypto.timingSafeEqual
 * against the 32-byte digest, with no early exit on the first mismatch or the first match.
 */
jest.mock("node:crypto", () => {
  const actual = jest.requireActual("node:crypto");
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

import { createHmac, timingSafeEqual } from "node:crypto";
import { SERVICETITAN_WEBHOOK_KEY } from "../support/secrets";
import { harness, logger } from "./support";

const KEY = SERVICETITAN_WEBHOOK_KEY;
const compare = timingSafeEqual as unknown as jest.Mock;

const deliver = (raw: Buffer, headers: Record<string, string>) =>
  harness.trigger("serviceTitanWebhook", { headers, rawBody: { data: raw }, body: { data: null } } as never, { hmacKey: KEY }, { instanceState: {}, logger } as never) as unknown as Promise<{
    branch: string;
  }>;

const raw = Buffer.from(JSON.stringify({ eventId: "e-1", eventType: "Job.Completed" }));
const sig = (key: string, encoding: "hex" | "base64") => createHmac("sha256", key).update(raw).digest(encoding);

beforeEach(() => compare.mockClear());

it("compares every candidate in full, forged ones included, whichever header holds the right one", async () => {
  const headers = { "X-ST-Signature": sig(`${KEY}-forged`, "hex"), "X-Signature": `sha256=${sig(KEY, "base64")}`, "X-Other-Signature": sig("another-key-000000000000000000000", "base64") };
  expect((await deliver(raw, headers)).branch).toBe("Event");
  expect(compare).toHaveBeenCalledTimes(3);
  for (const [a, b] of compare.mock.calls) {
    expect((a as Buffer).length).toBe(32);
    expect((b as Buffer).length).toBe(32);
  }
});

it("a forged signature alone is compared in full and refused", async () => {
  expect((await deliver(raw, { "X-ServiceTitan-Signature": sig(`${KEY}-forged`, "base64") })).branch).toBe("Rejected");
  expect(compare).toHaveBeenCalledTimes(1);
});
