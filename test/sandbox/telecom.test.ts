/**
 * The sandbox serves ServiceTitan Telecom (issue 16 items 3 and 7): routes by API version (GET /calls is
 * the v3 list under /telecom/v3/… and the older v2 list under /telecom/v2/…), seeded calls, the calls
 * export as a snapshot feed, recordings and voicemails as real MP3 bytes (audio/mpeg) with 404 for a call
 * that has none, and, like live tenants (api facts §12), 500 for an unknown call ID in production.
 * Raw HTTP against the sandbox.
 */
import { CALLS, MP3_FRAME_BYTES, silentMp3 } from "../../sandbox/resources/telecom";
import { routeBudgets } from "../../sandbox/production";
import { Router } from "../../sandbox/router";
import type { Rec } from "../../sandbox/store";
import { useClient } from "./helpers";

type Client = ReturnType<typeof useClient>;

const fetchAt = async (c: Client, version: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${c.sb.apiBase("telecom", version)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${c.token}`,
      "st-app-key": c.sb.credentials.appKey,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, bytes, json };
};

/** MPEG-1 Layer III frame sync after the ID3v2 tag: 11 set bits, version 1, layer III. */
const firstFrameAt = (bytes: Buffer): number => {
  expect(bytes.subarray(0, 3).toString("latin1")).toBe("ID3");
  const size = ((bytes[6] & 0x7f) << 21) | ((bytes[7] & 0x7f) << 14) | ((bytes[8] & 0x7f) << 7) | (bytes[9] & 0x7f);
  return 10 + size;
};

describe("the MP3 the sandbox serves", () => {
  it("is an ID3v2 tag followed by whole MPEG-1 Layer III frames, each with a valid header", () => {
    const bytes = silentMp3(1, "Recording of call 1");
    const at = firstFrameAt(bytes);
    const frames = (bytes.length - at) / MP3_FRAME_BYTES;
    expect(Number.isInteger(frames)).toBe(true);
    expect(frames).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < frames; i++) {
      const h = bytes.subarray(at + i * MP3_FRAME_BYTES, at + i * MP3_FRAME_BYTES + 4);
      expect(h[0]).toBe(0xff);
      expect(h[1] & 0xfe).toBe(0xfa); // sync, MPEG-1, layer III
      expect(h[2] >> 4).toBe(9); // 128 kbit/s
      expect((h[2] >> 2) & 3).toBe(0); // 44.1 kHz
    }
    expect(silentMp3(1, "Voicemail of call 2").equals(bytes)).toBe(false);
  });
});

describe("telecom in the production profile", () => {
  const c = useClient();
  const calls = (): Rec[] => c.sb.store.all(CALLS);

  it("seeds realistic calls, linked to the tenant's customers, campaigns and agents", () => {
    expect(calls().length).toBeGreaterThanOrEqual(8);
    const call = calls()[0];
    expect(call).toMatchObject({ direction: expect.stringMatching(/^(Inbound|Outbound)$/), duration: expect.stringMatching(/^\d\d:\d\d:\d\d$/) });
    expect((call.customer as Rec).name).toEqual(expect.any(String));
    expect(calls().some((r) => r.recordingUrl)).toBe(true);
    expect(calls().some((r) => !r.recordingUrl)).toBe(true);
    expect(calls().some((r) => r.voiceMailPath)).toBe(true);
  });

  it("routes GET /calls by version: v3 and the older v2 list, both listing the calls; an unknown version is no route", async () => {
    const v3 = await fetchAt(c, "v3", "GET", "/calls?pageSize=5&sort=-Id");
    expect(v3.status).toBe(200);
    expect(v3.json.data).toHaveLength(5);
    expect(v3.json.data[0].leadCall.id).toBe(Math.max(...calls().map((r) => r.id)));
    const v2 = await fetchAt(c, "v2", "GET", "/calls?pageSize=5&orderBy=Id&orderByDirection=desc");
    expect(v2.status).toBe(200);
    expect(v2.json.data.map((d: any) => d.id)).toEqual(v3.json.data.map((d: any) => d.id));
    // the v2 list does not know v3's sort; v3 has no recording route
    expect((await fetchAt(c, "v4", "GET", "/calls")).status).toBe(404);
    expect((await fetchAt(c, "v3", "GET", `/calls/${calls()[0].id}/recording`)).status).toBe(404);
    const requests = c.sb.requests.filter((r) => r.path.startsWith("/telecom/v3/"));
    expect(requests.length).toBeGreaterThan(0);
  });

  it("filters the lists by campaign, agent and minimum duration", async () => {
    const call = calls().find((r) => r.campaign && r.agent) as Rec;
    const campaignId = (call.campaign as Rec).id;
    const byCampaign = await fetchAt(c, "v3", "GET", `/calls?campaignId=${campaignId}&pageSize=100`);
    expect(byCampaign.json.data.length).toBe(calls().filter((r) => (r.campaign as Rec | null)?.id === campaignId).length);
    const long = await fetchAt(c, "v2", "GET", "/calls?minDuration=120&pageSize=100");
    for (const d of long.json.data) {
      const [h, m, s] = d.leadCall.duration.split(":").map(Number);
      expect(h * 3600 + m * 60 + s).toBeGreaterThanOrEqual(120);
    }
  });

  it("serves a call's recording and voicemail as audio/mpeg bytes, and 404 for a call that has none", async () => {
    const withRecording = calls().find((r) => r.recordingUrl) as Rec;
    const rec = await fetchAt(c, "v2", "GET", `/calls/${withRecording.id}/recording`);
    expect(rec.status).toBe(200);
    expect(rec.headers.get("content-type")).toBe("audio/mpeg");
    const at = firstFrameAt(rec.bytes);
    expect(rec.bytes[at]).toBe(0xff);
    expect(Number(rec.headers.get("content-length"))).toBe(rec.bytes.length);

    const withVoicemail = calls().find((r) => r.voiceMailPath) as Rec;
    const vm = await fetchAt(c, "v2", "GET", `/calls/${withVoicemail.id}/voicemail`);
    expect(vm.status).toBe(200);
    expect(vm.headers.get("content-type")).toBe("audio/mpeg");

    const without = calls().find((r) => !r.recordingUrl) as Rec;
    const none = await fetchAt(c, "v2", "GET", `/calls/${without.id}/recording`);
    expect(none.status).toBe(404);
    expect(none.json.title).toMatch(/Recording not found/);
  });

  it("answers an unknown call ID with 500, not 404, as live tenants do", async () => {
    const unknown = Math.max(...calls().map((r) => r.id)) + 1000;
    for (const path of [`/calls/${unknown}`, `/calls/${unknown}/recording`, `/calls/${unknown}/voicemail`]) {
      expect((await fetchAt(c, "v2", "GET", path)).status).toBe(500);
    }
  });

  it("updates a call, and the calls export delivers it once, in its latest version (a snapshot feed)", async () => {
    const first = await fetchAt(c, "v2", "GET", "/export/calls");
    expect(first.status).toBe(200);
    expect(first.json.data.length).toBe(calls().length);
    const call = calls()[1];
    const address = { street: "1200 Maple Ave", unit: "Unit 2", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
    const body = {
      callType: "Excused",
      excuseMemo: "Vendor calling about a parts delivery",
      reason: { name: "Wrong number", lead: false },
      customer: { id: (call.customer as Rec).id, name: (call.customer as Rec).name, address, contacts: [] },
      location: { id: 1, name: "Main", address, contacts: [] },
      tag: "VIP",
    };
    const a = await fetchAt(c, "v2", "PUT", `/calls/${call.id}`, body);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ id: call.id, callType: "Excused" });
    await fetchAt(c, "v2", "PUT", `/calls/${call.id}`, { ...body, tag: "Warranty" });
    const next = await fetchAt(c, "v2", "GET", `/export/calls?from=${encodeURIComponent(first.json.continueFrom)}`);
    expect(next.json.data).toHaveLength(1);
    expect(next.json.data[0]).toMatchObject({ id: call.id, type: "Excused", tag: "Warranty" });
  });
});

describe("telecom in the plain profile", () => {
  const c = useClient({ profile: "plain", because: "checks that the 500 for an unknown call ID is the production behaviour, not the sandbox's default" });

  it("answers an unknown call ID with 404", async () => {
    expect((await fetchAt(c, "v2", "GET", "/calls/999999999")).status).toBe(404);
  });
});

describe("routes and budgets by version", () => {
  it("keeps two routes on one path apart by version, and a route budget matches its own version only", () => {
    const router = new Router();
    const handler = () => ({ status: 200 });
    router.add({ module: "telecom", method: "GET", path: "/calls", handler, source: "builtin" });
    router.add({ module: "telecom", version: "v3", method: "GET", path: "/calls", handler, source: "builtin" });
    expect(router.routes()).toHaveLength(2);
    const v3 = router.match("telecom", "GET", "/calls", "v3");
    const v2 = router.match("telecom", "GET", "/calls");
    expect(v3.kind === "match" && v3.route.version).toBe("v3");
    expect(v2.kind === "match" && v2.route.version).toBeUndefined();
    const [budget] = routeBudgets([
      { module: "telecom", version: "v3", method: "GET", path: "/calls", handler, source: "builtin", budget: { limit: 1, windowMs: 1000, per: "path" } },
    ]);
    expect(budget.match?.path).toBe("/telecom/v3/tenant/{tenant}/calls");
  });
});
