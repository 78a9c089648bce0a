/**
 * Wait hints as data (issue 17 item 4, src/http/waitHints.ts): each client declares where its API states
 * a wait, and one reader reads the declared places in order. The tenant client reads Retry-After, then
 * the 429 title (or a gateway's `message`); the Leads client reads Retry-After, then its error body's
 * `message`. Checked on the reader and end to end on the Leads client.
 */
import type { Connection } from "@prismatic-io/spectral";
import { LEADS_CONNECTION_KEY } from "../../src/leads/connection";
import { leadsWaitHint, serviceTitanWaitHint, WAIT_HINTS, waitHintFrom } from "../../src/http/waitHints";
import { createLeadsClient } from "../../src/leads/client";
import { type CaptureServer, startCaptureServer } from "../support/captureServer";

const now = Date.parse("2026-11-22T10:00:00Z");

describe("the reader of declared places", () => {
  test("ServiceTitan: Retry-After first, then the 429 title, then a gateway's message; none on other statuses", () => {
    expect(serviceTitanWaitHint(429, { "retry-after": "3" }, JSON.stringify({ title: "Try again in 50 seconds." }), now)).toBe(3000);
    expect(serviceTitanWaitHint(429, {}, JSON.stringify({ status: 429, title: "Rate limit is exceeded. Try again in 50 seconds." }), now)).toBe(50_000);
    expect(serviceTitanWaitHint(429, {}, JSON.stringify({ statusCode: 429, message: "Rate limit is exceeded. Try again in 5 seconds." }), now)).toBe(5000);
    expect(serviceTitanWaitHint(429, {}, "Rate limit is exceeded. Try again in 7 seconds.", now)).toBe(7000);
    expect(serviceTitanWaitHint(429, {}, JSON.stringify({ title: "Too Many Requests", traceId: "try again in 9 seconds" }), now)).toBeUndefined();
    expect(serviceTitanWaitHint(500, { "retry-after": "3" }, "", now)).toBeUndefined();
  });

  test("Leads: Retry-After (seconds or HTTP-date), then its body's message; a title is not its shape", () => {
    expect(leadsWaitHint(429, { "retry-after": "Sun, 22 Nov 2026 10:00:04 GMT" }, "", now)).toBe(4000);
    expect(leadsWaitHint(429, {}, JSON.stringify({ code: 429, message: "Too many requests; try again in 6 seconds.", stTraceId: "t" }), now)).toBe(6000);
    expect(leadsWaitHint(429, {}, JSON.stringify({ title: "Try again in 50 seconds." }), now)).toBeUndefined();
  });

  test("a client's list is data: a new place is one entry", () => {
    const custom = waitHintFrom([...WAIT_HINTS.serviceTitan, { from: "header", name: "x-ratelimit-reset-after", statuses: [429] }]);
    expect(custom(429, { "x-ratelimit-reset-after": "8" }, "{}", now)).toBe(8000);
  });
});

describe("the Leads client reads its own declared places", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server.close());

  const connection = (): Connection => ({
    key: LEADS_CONNECTION_KEY,
    configVarKey: "Leads",
    fields: { clientId: "id", clientSecret: "secret-value-xyz", environment: "custom", identityHost: server.url, bookingApiUrl: server.url },
    token: { access_token: "leads-token-abcdef" },
  });

  test("a 429 whose Leads body states the wait in its message: waits exactly that, then succeeds", async () => {
    let n = 0;
    server.setResponder(() => {
      n += 1;
      return n === 1 ? { status: 429, body: { code: 429, message: "Rate limit exceeded. Try again in 3 seconds.", status: 429 } } : { status: 200, body: { ok: true } };
    });
    const waits: number[] = [];
    const client = createLeadsClient(connection(), { sleep: async (ms) => void waits.push(ms) });
    const res = await client.request<{ ok: boolean }>({ method: "GET", path: "/api/integrations/accounts", operation: "Read Account" });
    expect(res.data.ok).toBe(true);
    expect(waits).toEqual([3000]);
  });
});
