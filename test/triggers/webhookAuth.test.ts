/**
 * "ServiceTitan Webhook" as ServiceTitan documents V2 webhooks: the HMAC key is optional (32–64
 * characters) and the signature comes "in the request header" without a published name or encoding.
 * So: no key → events accepted, and every run says they are not authenticated; a key → the trigger
 * finds the signature itself (a configurable list of header names, hex or base64, "sha256=" or not),
 * refuses a forged one, and logs the NAMES of the headers that arrived. The flow gets the event parsed
 * from the verified bytes, events older than the configured window are refused, and a refused request
 * hands no step anything it sent.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeEvent } from "../../sandbox/webhooks";
import { serviceTitanWebhookInputs } from "../../src/webhooks/serviceTitanWebhook";
import { SERVICETITAN_WEBHOOK_KEY } from "../support/secrets";
import { harness, logger, logs } from "./support";

const KEY = SERVICETITAN_WEBHOOK_KEY;

interface Result {
  branch: string;
  response: { statusCode: number; body: string };
  payload: { body: { data: unknown }; headers: Record<string, unknown>; rawBody: { data: unknown }; queryParameters: Record<string, unknown>; pathFragment: string };
}

const sign = (raw: Buffer, key: string, encoding: "hex" | "base64") => createHmac("sha256", key).update(raw).digest(encoding);

/** One request as the platform hands it over: headers, the raw bytes and (separately) a parsed body. */
const deliver = async (
  raw: Buffer,
  headers: Record<string, string>,
  params: Record<string, unknown> = {},
  state: Record<string, unknown> = {},
  parsed: unknown = JSON.parse(raw.toString("utf8")),
) =>
  (await harness.trigger(
    "serviceTitanWebhook",
    { headers: { "Content-Type": "application/json", ...headers }, rawBody: { data: raw }, body: { data: parsed }, queryParameters: { q: "1" }, pathFragment: "/x" } as never,
    params,
    { instanceState: state, logger } as never,
  )) as unknown as Result;

const bytesOf = (event: unknown) => Buffer.from(JSON.stringify(event), "utf8");

const expectNothingHandedOn = (res: Result) => {
  expect(res.branch).toBe("Rejected");
  expect(res.payload.body.data).toBeNull();
  expect(res.payload.rawBody.data).toBeNull();
  expect(res.payload.headers).toEqual({});
  expect(res.payload.queryParameters).toEqual({});
  expect(res.payload.pathFragment).toBe("");
};

beforeEach(() => {
  logs.length = 0;
});

describe("without an HMAC key", () => {
  it("accepts events and says on every run that requests are not authenticated", async () => {
    for (let i = 0; i < 2; i++) {
      const event = makeEvent("Job.Completed", { id: i });
      const res = await deliver(bytesOf(event), {});
      expect(res.branch).toBe("Event");
      expect(res.response.statusCode).toBe(200);
      expect(res.payload.body.data).toEqual(event);
    }
    expect(logs.filter((l) => /^warn: .*not authenticated/.test(l))).toHaveLength(2);
  });

  it("the input and the trigger's page say so", () => {
    expect(serviceTitanWebhookInputs.hmacKey.required).toBe(false);
    expect(serviceTitanWebhookInputs.hmacKey.comments).toMatch(/not authenticated/);
    const page = readFileSync(join(__dirname, "../../documentation/triggers/serviceTitanWebhook.mdx"), "utf8");
    expect(page).toMatch(/not authenticated/);
  });
});

describe("the HMAC key", () => {
  it.each([31, 65])("of %i characters is refused without showing it", async (length) => {
    const key = "k".repeat(length - 1) + "Z";
    const err = await deliver(bytesOf(makeEvent("A", {})), {}, { hmacKey: key }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/HMAC Key.*32.*64 characters/);
    expect((err as Error).message).not.toContain(key);
  });

  it.each([32, 64])("of %i characters is taken", async (length) => {
    const key = "q".repeat(length);
    const raw = bytesOf(makeEvent("A", {}));
    expect((await deliver(raw, { "X-ST-Signature": sign(raw, key, "hex") }, { hmacKey: key })).branch).toBe("Event");
  });
});

describe("with a key, the trigger finds the signature itself", () => {
  const raw = bytesOf(makeEvent("Job.Completed", { id: 42 }));
  const hex = sign(raw, KEY, "hex");
  const b64 = sign(raw, KEY, "base64");

  it.each<[string, string, string]>([
    ["X-ServiceTitan-Signature", "base64", b64],
    ["X-ST-Signature", "hex", hex],
    ["x-st-signature", "sha256= and hex", `sha256=${hex}`],
    ["X-Signature", "sha256= and base64", `sha256=${b64}`],
    ["X-Signature", "upper-case hex", hex.toUpperCase()],
    ["X-Webhook-Signature-256", "hex", hex],
    ["ST-Signature", "SHA256= and base64", `SHA256=${b64}`],
  ])("in %s as %s", async (header, _form, value) => {
    const res = await deliver(raw, { [header]: value }, { hmacKey: KEY });
    expect(res.branch).toBe("Event");
    expect(res.response.statusCode).toBe(200);
  });

  it("the list of header names is configurable: a name outside it is not read", async () => {
    expect((await deliver(raw, { "X-Custom-Sig": hex }, { hmacKey: KEY, signatureHeaders: "X-Custom-Sig" })).branch).toBe("Event");
    expect((await deliver(raw, { "X-Custom-Sig": hex }, { hmacKey: KEY })).branch).toBe("Rejected");
    expect((await deliver(raw, { "X-ST-Signature": hex }, { hmacKey: KEY, signatureHeaders: "X-Custom-Sig" })).branch).toBe("Rejected");
    expect((await deliver(raw, { "X-Hook-Signature": hex }, { hmacKey: KEY, signatureHeaders: "X-Custom-Sig, *signature*" })).branch).toBe("Event");
  });

  it("a forged signature is refused wherever it is, even next to an unrelated header", async () => {
    for (const header of ["X-ServiceTitan-Signature", "X-ST-Signature", "X-Signature", "X-Other-Signature"]) {
      const res = await deliver(raw, { [header]: sign(raw, `${KEY}-forged`, "hex"), "X-Request-Id": hex }, { hmacKey: KEY });
      expect(res.response.statusCode).toBe(401);
      expectNothingHandedOn(res);
    }
  });

  it("a refused signed request logs the names of the headers that arrived, never their values", async () => {
    const forged = sign(raw, `${KEY}-forged`, "hex");
    await deliver(raw, { "X-ST-Signature": forged, "X-Request-Id": "req-value-7781", "User-Agent": "ServiceTitan-Webhooks" }, { hmacKey: KEY });
    const line = logs.find((l) => l.startsWith("warn:") && /refused/.test(l)) ?? "";
    for (const name of ["content-type", "x-st-signature", "x-request-id", "user-agent"]) expect(line.toLowerCase()).toContain(name);
    for (const value of [forged, "req-value-7781", "ServiceTitan-Webhooks", KEY]) expect(logs.join("\n")).not.toContain(value);
  });
});

describe("the flow acts only on the verified bytes", () => {
  it("hands on the event parsed from the raw body it verified, never a separately parsed body", async () => {
    const signed = makeEvent("Job.Completed", { id: 1 });
    const raw = bytesOf(signed);
    const smuggled = { ...signed, data: { id: 666, note: "not what was signed" } };
    const res = await deliver(raw, { "X-ST-Signature": sign(raw, KEY, "hex") }, { hmacKey: KEY }, {}, smuggled);
    expect(res.branch).toBe("Event");
    expect(res.payload.body.data).toEqual(signed);
  });

  it("by default takes an event about an old record: which field dates the event is not published, so no age check unless configured", async () => {
    // createdOn may be when the RECORD was created (payloads follow the API models): a Job.Completed
    // about a job booked yesterday must not be refused — ServiceTitan stops retrying after ~7 minutes.
    const old = makeEvent("Job.Completed", { id: 2 }, { createdOn: new Date(Date.now() - 26 * 3600_000).toISOString() });
    const raw = bytesOf(old);
    expect((await deliver(raw, { "X-ST-Signature": sign(raw, KEY, "hex") }, { hmacKey: KEY })).branch).toBe("Event");
  });

  it("refuses events older than a configured window, without handing anything on", async () => {
    const old = makeEvent("Job.Completed", { id: 2 }, { createdOn: new Date(Date.now() - 2 * 3600_000).toISOString() });
    const raw = bytesOf(old);
    const headers = { "X-ST-Signature": sign(raw, KEY, "hex") };
    const res = await deliver(raw, headers, { hmacKey: KEY, maxEventAgeMinutes: "60" });
    expect(res.response.statusCode).toBe(400);
    expect(JSON.parse(res.response.body).reason).toMatch(/older than 60 minutes/);
    expectNothingHandedOn(res);
    await expect(deliver(raw, headers, { hmacKey: KEY, maxEventAgeMinutes: "60", whenRefused: "fail" })).rejects.toThrow(/older than 60 minutes/);
    // a wider window, or 0 (no check), takes it
    expect((await deliver(raw, headers, { hmacKey: KEY, maxEventAgeMinutes: "180" })).branch).toBe("Event");
    expect((await deliver(raw, headers, { hmacKey: KEY, maxEventAgeMinutes: "0" })).branch).toBe("Event");
  });

  it("takes recent events and events that carry no timestamp; reads the time from the configured field", async () => {
    const recent = bytesOf(makeEvent("A", {}, { createdOn: new Date(Date.now() - 60_000).toISOString() }));
    expect((await deliver(recent, {})).branch).toBe("Event");
    const { createdOn: _, ...undated } = makeEvent("A", {});
    expect((await deliver(bytesOf(undated), {})).branch).toBe("Event");
    const stamped = bytesOf({ ...undated, meta: { sentAt: new Date(Date.now() - 3 * 3600_000).toISOString() } });
    expect((await deliver(stamped, {}, { eventTimeField: "meta.sentAt", maxEventAgeMinutes: "60" })).branch).toBe("Rejected");
  });

  it("an old event is refused even without a key", async () => {
    const old = bytesOf(makeEvent("A", {}, { createdOn: "2020-01-01T00:00:00Z" }));
    expectNothingHandedOn(await deliver(old, {}, { maxEventAgeMinutes: "60" }));
  });
});
