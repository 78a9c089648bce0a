/**
 * ServiceTitan Telecom: the tenant's phone calls. One collection (CALLS) holds each call in the export
 * feed's flat shape (the generic export route serves GET /export/calls from it, a snapshot feed like the
 * others); the lists (v3 and the older v2), the details and the update are served here, and so are the
 * recordings and voicemails, as real MP3 bytes (audio/mpeg) for the calls that have them.
 *
 * Like live tenants (api facts §12), an unknown call ID answers 500, not 404, on the details, the update
 * and the audio, when the production behaviour `unknownCallIs500` is on (the production profile). A known
 * call without a recording or voicemail answers 404.
 */
import { commonFilters, listCollection, param, parseIdsParam, parseListQuery, type Predicate } from "../paging";
import { listPageRules } from "../generic";
import { ApiError, badRequest, type FieldErrors, problem } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import type { SandboxResponse } from "../types";
import { bodyOf, idParam, isObject, route } from "./common";

/** The calls, in the export feed's shape (collectionKey("telecom", "/calls")). */
export const CALLS = "telecom:/calls";

// ---- audio ----------------------------------------------------------------------------------------------

/** One MPEG-1 Layer III frame header: 128 kbit/s, 44.1 kHz, mono, no CRC. */
const FRAME_HEADER = [0xff, 0xfb, 0x90, 0xc0] as const;
/** Bytes per frame at that rate: 144 × 128000 / 44100, rounded down (no padding). */
export const MP3_FRAME_BYTES = 417;
/** Frames per second of audio (1152 samples a frame at 44.1 kHz). */
const FRAMES_PER_SECOND = 38;

/**
 * A small valid MP3: `seconds` of silent MPEG-1 Layer III frames (each a header and zeroed side
 * information and main data, which decoders play as silence), behind a minimal ID3v2.3 tag whose title
 * names the call, so each call's audio differs.
 */
export const silentMp3 = (seconds: number, title: string): Buffer => {
  const text = Buffer.from(`\u0000${title}`, "latin1");
  const frame = Buffer.concat([Buffer.from("TIT2"), u32(text.length), Buffer.from([0, 0]), text]);
  const size = frame.length;
  // ID3v2 sizes are "synchsafe": 7 bits a byte
  const synchsafe = Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  const tag = Buffer.concat([Buffer.from("ID3"), Buffer.from([3, 0, 0]), synchsafe, frame]);
  const frames = Math.max(1, Math.round(seconds * FRAMES_PER_SECOND));
  const audio = Buffer.alloc(frames * MP3_FRAME_BYTES);
  for (let i = 0; i < frames; i++) audio.set(FRAME_HEADER, i * MP3_FRAME_BYTES);
  return Buffer.concat([tag, audio]);
};

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

// ---- seed ------------------------------------------------------------------------------------------------

const REASONS = ["Price shopping", "Schedule a repair", "Maintenance visit", "Billing question", "Wrong number"];
const TAGS = ["Residential", "Commercial", "VIP", "Warranty"];
const TRACKING_LINES = ["6195550100", "6195550111", "5125550120"];

/**
 * Seeds `count` calls from the tenant's customers, locations, campaigns, employees and jobs (deterministic:
 * the n-th call always gets the same values). Every third call has a recording and every fourth a
 * voicemail; an excused call carries a memo.
 */
export const seedCalls = (store: Store, count: number): void => {
  if (count <= 0) return;
  const customers = store.all(K.customers);
  const campaigns = store.all(K.campaigns);
  const employees = store.all(K.employees);
  const jobs = store.all(K.jobs);
  const named = (rec: Rec | undefined) => (rec ? { id: rec.id, name: rec.name } : null);
  const start = Date.UTC(2025, 0, 6, 14, 5);
  for (let n = 0; n < count; n++) {
    const customer = customers.length ? customers[(n * 3) % customers.length] : undefined;
    const location = customer ? store.all(K.locations).find((l) => l.customerId === customer.id) : undefined;
    const job = jobs.length && n % 2 === 0 ? jobs[n % jobs.length] : undefined;
    const agent = employees.length ? employees[n % employees.length] : undefined;
    const type = job ? "Booked" : (["Unbooked", "Excused", "Abandoned", "NotLead"] as const)[n % 4];
    const receivedOn = new Date(start + n * 5 * 3_600_000 + (n % 7) * 61_000).toISOString();
    const seconds = type === "Abandoned" ? 12 + (n % 9) : 95 + ((n * 37) % 400);
    const phone = customer ? contactPhone(store, customer.id) : `619555${String(1000 + n).slice(-4)}`;
    const inbound = n % 5 !== 4;
    store.insert(
      CALLS,
      {
        receivedOn,
        duration: hms(seconds),
        from: inbound ? phone : TRACKING_LINES[n % TRACKING_LINES.length],
        to: inbound ? TRACKING_LINES[n % TRACKING_LINES.length] : phone,
        direction: inbound ? "Inbound" : "Outbound",
        status: "Completed",
        type,
        recordingUrl: n % 3 === 0 && type !== "Abandoned" ? `https://recordings.example.com/calls/${n + 1}.mp3` : null,
        voiceMailPath: n % 4 === 3 ? `voicemail/${n + 1}.mp3` : null,
        reason: { id: 900 + (n % REASONS.length), name: REASONS[n % REASONS.length] },
        customer: named(customer),
        location: named(location),
        campaign: named(campaigns.length ? campaigns[n % campaigns.length] : undefined),
        job: job ? { id: job.id, number: String(job.jobNumber ?? job.id) } : null,
        agent: agent ? { id: agent.id, name: agent.name, externalId: null } : null,
        createdBy: agent ? { id: agent.id, name: agent.name } : null,
        excuseMemo: type === "Excused" ? "Vendor calling about a parts delivery" : "",
        tag: TAGS[n % TAGS.length],
        sid: `CA${(0x5f3a9c21 + n * 7919).toString(16)}${"0".repeat(24)}`.slice(0, 34),
        lead: null,
        active: true,
      },
      { createdOn: receivedOn },
    );
  }
};

const hms = (seconds: number): string =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((v) => String(v).padStart(2, "0")).join(":");

const contactPhone = (store: Store, customerId: unknown): string => {
  const contact = store.all(K.customerContacts, String(customerId)).find((c) => /phone/i.test(String(c.type)));
  return String(contact?.value ?? "6195550142").replace(/\D/g, "");
};

// ---- views -----------------------------------------------------------------------------------------------

const seconds = (duration: unknown): number => {
  const [h, m, s] = String(duration ?? "0:0:0").split(":").map(Number);
  return (h || 0) * 3600 + (m || 0) * 60 + (s || 0);
};

/** The call itself as the lists and the details nest it (`leadCall`). */
const leadCall = (rec: Rec) => ({
  id: rec.id,
  receivedOn: rec.receivedOn,
  duration: rec.duration,
  from: rec.from,
  to: rec.to,
  direction: rec.direction,
  callType: rec.type,
  reason: rec.reason ? { ...(rec.reason as object), lead: rec.type !== "NotLead", active: true } : null,
  recordingUrl: rec.recordingUrl,
  voiceMailUrl: rec.voiceMailPath,
  createdBy: rec.createdBy,
  customer: rec.customer,
  campaign: rec.campaign,
  modifiedOn: rec.modifiedOn,
  agent: rec.agent,
  sid: rec.sid,
  tags: rec.tag ? [{ id: 1, typeName: rec.tag }] : [],
  createdOn: rec.createdOn,
  active: rec.active !== false,
});

/** A list item or the details: the job the call booked around the call. */
const callView = (rec: Rec) => {
  const job = isObject(rec.job) ? rec.job : undefined;
  return { id: rec.id, jobNumber: job ? job.number : null, projectId: null, businessUnit: null, type: null, leadCall: leadCall(rec) };
};

// ---- handlers ---------------------------------------------------------------------------------------------

/** The call of the path's {id}; an unknown ID answers 500 like live tenants (production), else 404. */
const callOf = (ctx: HandlerContext): Rec => {
  const id = idParam(ctx);
  const rec = ctx.env.store.get(CALLS, id);
  if (rec) return rec;
  if (ctx.env.production?.unknownCallIs500) throw new ApiError(500, "Internal Server Error", {});
  throw new ApiError(404, "Call not found.", { id: [`Call with ID ${id} was not found.`] });
};

/** The filters both lists share (each list names some of them; unknown names are ignored, as live). */
const callFilters = (ctx: HandlerContext, errors: FieldErrors, v3: boolean): Predicate[] => {
  const q = ctx.query;
  // v3 filters by Active (True by default); the older v2 list by Active Only
  const preds = commonFilters(q, { name: false, active: v3 }, errors);
  if (!v3 && (param(q, "activeOnly") ?? "").toLowerCase() === "true") preds.push((r) => r.active !== false);
  for (const [name, field] of [["campaignId", "campaign"], ["agentId", "agent"]] as const) {
    const want = parseIdsParam(q, name, errors);
    if (want) preds.push((r) => isObject(r[field]) && want.has((r[field] as Rec).id));
  }
  const min = Number(param(q, "minDuration") ?? "");
  if (param(q, "minDuration") !== undefined && Number.isFinite(min)) preds.push((r) => seconds(r.duration) >= min);
  const called = param(q, "phoneNumberCalled");
  if (called) preds.push((r) => String(r.to) === called.replace(/\D/g, ""));
  const caller = param(q, "callerPhoneNumber");
  if (caller) preds.push((r) => String(r.from) === caller.replace(/\D/g, ""));
  const agentName = param(q, "agentName");
  if (agentName) preds.push((r) => isObject(r.agent) && String(r.agent.name).toLowerCase() === agentName.toLowerCase());
  const sid = param(q, "sid");
  if (sid) preds.push((r) => r.sid === sid);
  const tag = param(q, "tag");
  if (tag) preds.push((r) => String(r.tag).toLowerCase() === tag.toLowerCase());
  return preds;
};

const listCalls = (v3: boolean) => (ctx: HandlerContext): SandboxResponse => {
  const q = ctx.query;
  // the older v2 list sorts with orderBy / orderByDirection; v3 with sort
  const sortQuery = v3
    ? q
    : { ...q, sort: param(q, "orderBy") ? `${(param(q, "orderByDirection") ?? "asc").toLowerCase() === "desc" ? "-" : "+"}${param(q, "orderBy")}` : "" };
  const lq = parseListQuery(sortQuery, ["id", "createdOn", "modifiedOn"], listPageRules(ctx, ctx.route.descriptor));
  const errors: FieldErrors = {};
  const preds = callFilters(ctx, errors, v3);
  if (Object.keys(errors).length) throw badRequest(errors);
  return { status: 200, body: listCollection(ctx.env.store.collection(CALLS), lq, preds, callView) };
};

/** PUT /calls/{id}: the call's classification and links, replaced by the body's values. */
const updateCall = (ctx: HandlerContext): SandboxResponse => {
  const rec = callOf(ctx);
  const body = bodyOf(ctx);
  const ref = (id: unknown, key: string) => (typeof id === "number" ? { id, name: nameIn(ctx.env.store, key, id) } : null);
  const customer = isObject(body.customer) ? { id: body.customer.id, name: body.customer.name } : rec.customer;
  const location = isObject(body.location) ? { id: body.location.id, name: body.location.name } : rec.location;
  const updated = ctx.env.store.update(CALLS, rec.id, {
    ...(body.callType !== undefined ? { type: body.callType } : {}),
    excuseMemo: body.excuseMemo ?? "",
    ...(body.campaignId !== undefined ? { campaign: ref(body.campaignId, K.campaigns) } : {}),
    ...(body.agentId !== undefined ? { agent: ref(body.agentId, K.employees) } : {}),
    ...(body.jobId !== undefined ? { job: typeof body.jobId === "number" ? { id: body.jobId, number: String(body.jobId) } : null } : {}),
    reason: isObject(body.reason) ? { id: isObject(rec.reason) ? rec.reason.id : 900, name: body.reason.name } : rec.reason,
    customer,
    location,
    tag: body.tag ?? rec.tag,
  });
  return { status: 200, body: leadCall(updated ?? rec) };
};

const nameIn = (store: Store, key: string, id: number): string | null => {
  const rec = store.has(key) ? store.get(key, id) : undefined;
  return rec ? String(rec.name ?? "") : null;
};

/** The call's recording or voicemail as MP3 bytes; 404 when the call has none. */
const audio = (field: "recordingUrl" | "voiceMailPath", what: string) => (ctx: HandlerContext): SandboxResponse => {
  const rec = callOf(ctx);
  if (!rec[field]) return problem(404, `${what} not found.`, { id: [`Call ${rec.id} has no ${what.toLowerCase()}.`] });
  const bytes = silentMp3(Math.min(2, seconds(rec.duration) / 60), `${what} of call ${rec.id}`);
  return { status: 200, headers: { "content-type": "audio/mpeg" }, raw: bytes };
};

export const telecomRoutes = (): RouteDef[] => [
  { ...route("telecom", "GET", "/calls", listCalls(true), { kind: "list" }), version: "v3" },
  route("telecom", "GET", "/calls", listCalls(false), { kind: "list" }),
  route("telecom", "GET", "/calls/{id}", (ctx) => ({ status: 200, body: callView(callOf(ctx)) }), { kind: "get" }),
  route("telecom", "PUT", "/calls/{id}", updateCall, { kind: "update" }),
  route("telecom", "GET", "/calls/{id}/recording", audio("recordingUrl", "Recording"), { kind: "get" }),
  route("telecom", "GET", "/calls/{id}/voicemail", audio("voiceMailPath", "Voicemail"), { kind: "get" }),
];
