/**
 * The ServiceTitan Webhook's inputs and answers, and Confirm Record Changes' refusals, word for word:
 * survivors of the 17:59 triggers-rest run (the webhook tests judged which branch a request took, not
 * the ids, log lines, content types and input refusals behind it; the confirm action's own refusals
 * were judged only by tests outside the module's set).
 */
import { createHash } from "node:crypto";
import { buildDelivery, makeEvent } from "../../sandbox/webhooks";
import {
  DEFAULT_SIGNATURE_HEADERS,
  eventIdOf,
  NOT_AUTHENTICATED_WARNING,
  serviceTitanWebhookInputs,
} from "../../src/webhooks/serviceTitanWebhook";
import { SERVICETITAN_WEBHOOK_KEY } from "../support/secrets";
import { harness, logger, logs } from "./support";

const KEY = SERVICETITAN_WEBHOOK_KEY;

interface WebhookResult {
  branch: string;
  response: { statusCode: number; body: string };
  payload: { body: { data: unknown; contentType: string } };
}

const run = async (payload: Record<string, unknown>, params: Record<string, unknown> = {}, instanceState: Record<string, unknown> = {}) =>
  (await harness.trigger("serviceTitanWebhook", payload as never, params, { instanceState, logger } as never)) as unknown as WebhookResult;

beforeEach(() => {
  logs.length = 0;
});

describe("eventIdOf", () => {
  const raw = Buffer.from('{"a":1}');
  const hash = `sha256:${createHash("sha256").update(raw).digest("hex")}`;
  it("a text or number id is the id; a blank, missing or other value is the body's SHA-256", () => {
    expect(eventIdOf({ eventId: "e-1" }, "eventId", raw)).toBe("e-1");
    expect(eventIdOf({ eventId: 42 }, "eventId", raw)).toBe("42");
    expect(eventIdOf({ data: { id: 0 } }, "data.id", raw)).toBe("0");
    expect(eventIdOf({ eventId: "  " }, "eventId", raw)).toBe(hash);
    expect(eventIdOf({ eventId: "" }, "eventId", raw)).toBe(hash);
    expect(eventIdOf({ eventId: true }, "eventId", raw)).toBe(hash);
    expect(eventIdOf({ eventId: { id: 1 } }, "eventId", raw)).toBe(hash);
    expect(eventIdOf({}, "eventId", raw)).toBe(hash);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("Signature Headers input", () => {
  const clean = serviceTitanWebhookInputs.signatureHeaders.clean as (v: unknown) => string[];
  const refusal = (v: unknown) => {
    try {
      clean(v);
    } catch (e) {
      return (e as Error).message;
    }
    return "accepted";
  };
  const rule =
    'Signature Headers: expected up to 20 header names or patterns such as X-ST-Signature or *signature* (letters, digits, "-", "_", "*"; not "*" alone)';

  it("names are split at commas, semicolons, spaces and new lines; empty pieces dropped", () => {
    expect(clean(" X-A, X-B;X-C\n*sig*,, ")).toEqual(["X-A", "X-B", "X-C", "*sig*"]);
    expect(clean(DEFAULT_SIGNATURE_HEADERS.join(", "))).toEqual(DEFAULT_SIGNATURE_HEADERS);
  });

  it("a pattern of stars alone, a bad character, no names or more than 20 are refused, naming the bad entry", () => {
    expect(refusal("X-A, *")).toBe(`${rule}, got "*".`);
    expect(refusal("**")).toBe(`${rule}, got "**".`);
    expect(refusal("X-A, X.B")).toBe(`${rule}, got "X.B".`);
    expect(refusal(`X-A ${"Y".repeat(150)}`)).toBe(`${rule}, got "${"Y".repeat(100)}".`);
    expect(refusal(", ;")).toBe(`${rule}.`);
    const names = (n: number) => Array.from({ length: n }, (_, i) => `X-${i}`).join(",");
    expect(clean(names(20))).toHaveLength(20);
    expect(refusal(names(21))).toBe(`${rule}.`);
  });
});

describe("ServiceTitan Webhook's answers", () => {
  it("without a key a request without a body is refused (400) with its reason in the log, after the not-authenticated warning", async () => {
    const res = await run({ headers: {}, rawBody: undefined, body: undefined }, {});
    expect(res.branch).toBe("Rejected");
    expect(res.response.statusCode).toBe(400);
    expect(logs).toEqual([`warn: ${NOT_AUTHENTICATED_WARNING}`, "warn: ServiceTitan Webhook: request refused (400, missing body)."]);
  });

  it("a refused signature's log line names the headers that arrived and every place looked", async () => {
    const event = makeEvent("Job.Completed", { id: 1 });
    await run({ ...delivered(buildDelivery(event, { key: KEY, mode: "missing" })) }, { hmacKey: KEY });
    const line = logs.find((l) => l.includes("request refused")) ?? "";
    expect(line).toContain("Headers that arrived: content-type.");
    expect(line).toContain(`Signature looked for in: ${DEFAULT_SIGNATURE_HEADERS.join(", ")}.`);
  });

  it("the event keeps the content type it arrived with, JSON when none; a repeat answers duplicate: true", async () => {
    const state: Record<string, unknown> = {};
    const event = makeEvent("Job.Completed", { id: 2 });
    const d = delivered(buildDelivery(event, { key: KEY }));
    const first = await run({ ...d, body: { data: event, contentType: "application/vnd.st+json" } }, { hmacKey: KEY }, state);
    expect(first.payload.body.contentType).toBe("application/vnd.st+json");
    expect(JSON.parse(first.response.body)).toEqual({ received: event.eventId });
    const again = await run({ ...d, body: undefined }, { hmacKey: KEY }, state);
    expect(again.branch).toBe("Duplicate");
    expect(again.payload.body.contentType).toBe("application/json");
    expect(again.payload.body.data).toEqual(event);
    expect(JSON.parse(again.response.body)).toEqual({ received: event.eventId, duplicate: true });
  });
});

describe("Confirm Record Changes' refusals", () => {
  const confirm = (instanceState: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    harness.action("confirmRecordChanges", { deliveryId: "d-1" }, { instanceState, logger, ...extra } as never) as unknown as Promise<{
      data: { confirmed: boolean; reason?: string };
      instanceState?: Record<string, unknown>;
    }>;
  const polling = (pending?: string) => ({
    __prismaticInternal: {
      polling: {
        v: 1,
        feed: "f",
        committed: { seen: [], pinned: 0 },
        ...(pending
          ? { pending: { id: pending, cursor: { seen: ["k"], pinned: 0, token: "t2" }, count: 3, attempt: 1, deliveredAt: "x" } }
          : {}),
      },
    },
  });

  it("with batching on it refuses before reading any state", async () => {
    await expect(confirm(polling("d-1"), { batch: { enabled: true } })).rejects.toThrow(
      "Confirm Record Changes: turn batching off for this flow; at-least-once delivery confirms a whole run at once.",
    );
  });

  it("a flow without the trigger's state is refused, saying where the action belongs", async () => {
    await expect(confirm({})).rejects.toThrow(
      "Confirm Record Changes: this flow has no New and Updated Records trigger state. Place this action in the flow whose trigger is New and Updated Records with At-Least-Once Delivery on.",
    );
  });

  it("a delivery not waiting is not confirmed: a warning, and no state handed back", async () => {
    const state = polling("d-2");
    const res = await confirm(state);
    expect(res.data.confirmed).toBe(false);
    expect(res.instanceState).toBeUndefined();
    expect(state).toEqual(polling("d-2")); // the saved state is left as it was
    expect(logs).toEqual([`warn: Confirm Record Changes: ${res.data.reason}`]);
  });

  it("the waiting delivery is committed in place and the whole state handed back, without a warning", async () => {
    const state = polling("d-1");
    const res = await confirm(state);
    expect(res.data).toMatchObject({ confirmed: true, count: 3 });
    expect(res.instanceState).toBe(state);
    expect((state.__prismaticInternal as { polling: { committed: { token?: string } } }).polling.committed.token).toBe("t2");
    expect(logs).toEqual([]);
  });
});

/** A delivery as the platform hands it to the trigger (headers and raw bytes, no parsed body). */
function delivered(d: ReturnType<typeof buildDelivery>) {
  return { headers: d.headers, rawBody: { data: d.rawBody } };
}
