/**
 * ServiceTitan Telecom through the component (issue 16 item 3), against the sandbox in its production
 * profile: each action reaches its own API version (List Calls v3, the rest v2), Raw Request reaches v3
 * through its API Version input, recordings and voicemails come back as file data with their content
 * type, the Select Call dropdown reads the v3 list, and an unknown call ID — a 500 on live tenants (api
 * facts §12) — fails once, not retried, with an error that says the call ID may not exist.
 */
import { CALLS } from "../../sandbox/resources/telecom";
import type { Rec } from "../../sandbox/store";
import { operationsByModule } from "../../src/operations/generated";
import { rulesForRequest } from "../../src/http/rules";
import { spectral, useSandbox } from "../support/harness";

const t = useSandbox("production", { seed: 3 });
const calls = (): Rec[] => t.sb.store.all(CALLS);
const tenantBase = (version: string) => `/telecom/${version}/tenant/${t.sb.credentials.tenant}`;
const sentPaths = () => t.sb.requests.filter((r) => r.path.startsWith("/telecom/")).map((r) => r.path);

beforeEach(() => t.sb.clearRequests());

describe("each telecom action reaches its own API version", () => {
  it("List Calls reads the v3 list, List Calls (Older v2 List) the v2 one", async () => {
    const v3 = await t.invoke("listCalls", { pageSize: "3" });
    expect(v3.data).toHaveLength(3);
    const v2 = await t.invoke("listCallsV2", { pageSize: "3" });
    expect(v2.data).toHaveLength(3);
    expect(sentPaths()).toEqual([`${tenantBase("v3")}/calls`, `${tenantBase("v2")}/calls`]);
  });

  it("Get Call reads one call under v2", async () => {
    const call = calls()[0];
    const out = await t.invoke("getCall", { callId: String(call.id) });
    expect(out.leadCall.id).toBe(call.id);
    expect(sentPaths()).toEqual([`${tenantBase("v2")}/calls/${call.id}`]);
  });
});

describe("Raw Request: API Version", () => {
  it("reaches telecom's v3 list with API Version v3, and v2 without it", async () => {
    const v3 = await t.invoke("rawRequest", { module: "telecom", apiVersion: "v3", method: "GET", path: "/calls", queryParams: [{ key: "pageSize", value: "2" }] });
    expect(v3.data).toHaveLength(2);
    await t.invoke("rawRequest", { module: "telecom", method: "GET", path: `/calls/${calls()[0].id}` });
    expect(sentPaths()).toEqual([`${tenantBase("v3")}/calls`, `${tenantBase("v2")}/calls/${calls()[0].id}`]);
  });

  it.each(["v3/../../crm/v2", "V3", "3", "v2%2f..", "v3/"])("refuses API Version %j before sending, naming the input", async (apiVersion) => {
    await expect(t.invoke("rawRequest", { module: "telecom", apiVersion, method: "GET", path: "/calls" })).rejects.toThrow(/API Version/);
    expect(sentPaths()).toEqual([]);
  });

  it("finds the transport rules of a raw GET /calls among the operations of its own version", () => {
    const of = (module: string) => operationsByModule[module as "telecom"];
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls", version: "v3" }, of).ref).toBe("telecom:Calls_Calls");
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls" }, of).ref).toBe("telecom:Calls_GetCalls");
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls/12", version: "v2" }, of).serverErrorMeans).toMatch(/call ID/);
  });
});

describe("recordings and voicemails as file data", () => {
  it("Download Call Recording returns the audio bytes with their content type", async () => {
    const call = calls().find((r) => r.recordingUrl) as Rec;
    const out = (await spectral.action("downloadCallRecording", { connection: t.connection, callId: String(call.id) })) as { data: Buffer; contentType: string };
    expect(Buffer.isBuffer(out.data)).toBe(true);
    expect(out.contentType).toBe("audio/mpeg");
    expect(out.data.subarray(0, 3).toString("latin1")).toBe("ID3");
    expect(out.data.length).toBeGreaterThan(1000);
  });

  it("Download Call Voicemail returns the voicemail's bytes", async () => {
    const call = calls().find((r) => r.voiceMailPath) as Rec;
    const out = (await spectral.action("downloadCallVoicemail", { connection: t.connection, callId: String(call.id) })) as { data: Buffer; contentType: string };
    expect(out.contentType).toBe("audio/mpeg");
    expect(out.data.subarray(0, 3).toString("latin1")).toBe("ID3");
  });

  it("a call without a recording fails with ServiceTitan's 404", async () => {
    const call = calls().find((r) => !r.recordingUrl) as Rec;
    await expect(t.invoke("downloadCallRecording", { callId: String(call.id) })).rejects.toThrow(/404/);
  });
});

describe("an unknown call ID (500 on live tenants)", () => {
  const unknown = () => String(Math.max(...calls().map((r) => r.id)) + 1000);

  it.each(["getCall", "downloadCallRecording", "downloadCallVoicemail"])("%s fails once, saying the call ID may not exist", async (key) => {
    const error = await t.invoke(key, { callId: unknown() }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/500/);
    expect(error?.message).toMatch(/call ID does not exist/);
    // a 500 is not retried: one request reached the sandbox
    expect(sentPaths()).toHaveLength(1);
  });

  it("the same 500 on another operation says nothing about call IDs", async () => {
    t.sb.faults.add({ kind: "status", status: 500, body: { title: "Internal Server Error", status: 500 }, match: { method: "GET", path: "/telecom/v3/tenant/*/calls" } });
    await expect(t.invoke("listCalls", {})).rejects.toThrow(/^(?![\s\S]*call ID does not exist)[\s\S]*500/);
  });
});

describe("Select Call", () => {
  it("lists calls from the v3 list by time received, direction and caller", async () => {
    const items = (await t.dataSource("selectCall")) as Array<{ key: string; label: string }>;
    expect(items.map((i) => Number(i.key)).sort()).toEqual(calls().map((r) => r.id).sort());
    const first = calls()[0];
    const label = items.find((i) => i.key === String(first.id))?.label;
    expect(label).toBe(`${String(first.receivedOn).replace("T", " ").slice(0, 16)} · ${first.direction} · ${(first.customer as Rec).name} (ID: ${first.id})`);
    for (const item of items) expect(item.label).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d · (Inbound|Outbound) · .+ \(ID: \d+\)$/);
    expect(new Set(sentPaths())).toEqual(new Set([`${tenantBase("v3")}/calls`]));
  });
});
