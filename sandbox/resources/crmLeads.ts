/**
 * CRM leads in the sandbox: create, get, list (status, customer, "without customer", prospects,
 * customer address and dates, lead name/phone, form capture), update, submit lead form, follow-up,
 * dismiss, notes — and conversion: when a job is booked for a lead (the job names the lead, the lead's
 * booking, or the lead's customer and location), the lead's status becomes Converted, which
 * ServiceTitan's UI and our labels call "Won". The export feed (/export/leads) is the generic one over
 * the same collection, so every change shows there.
 */
import { commonFilters, listCollection, param, parseBoolParam, parseDateParam, parseListQuery, type Predicate } from "../paging";
import { ApiError, badRequest, conflict, type FieldErrors } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import { type Body, bodyOf, digits, idParam, isObject, mustGet, mustReference, pick, route, S } from "./common";

export const LEADS = "crm:/leads";
export const LEAD_NOTES = "crm:/leads/{}/notes";

const LEAD_FIELDS = [
  "id", "status", "priority", "customerId", "locationId", "businessUnitId", "jobTypeId", "campaignId", "followUpDate",
  "createdById", "createdOn", "modifiedOn", "tagTypeIds", "dismissingReasonId", "summary", "callReasonId", "callId",
  "bookingId", "manualCallId", "leadUrl", "leadCustomerName", "leadPhone", "leadEmail", "leadStreet", "leadUnit",
  "leadCity", "leadState", "leadZip", "leadCountry", "captureSource",
];
const LEAD_TEXT = ["leadCustomerName", "leadPhone", "leadEmail", "leadStreet", "leadUnit", "leadCity", "leadState", "leadZip", "leadCountry"];
const NOTE_FIELDS = ["id", "text", "isPinned", "createdById", "createdOn", "modifiedOn"];

const leadUrl = (id: number): string => `https://go.servicetitan.com/#/new/leads/${id}`;
export const leadView = (r: Rec, permanentUrl = false): Body => {
  const v = pick(r, LEAD_FIELDS);
  if (permanentUrl) v.leadUrl = leadUrl(r.id);
  return v;
};
export const noteView = (r: Rec): Body => pick(r, NOTE_FIELDS);

const mustLead = (ctx: HandlerContext): Rec => mustGet(ctx.env.store, LEADS, idParam(ctx), "Lead");

/** Checks a lead's references (400 naming the field) and that a location belongs to the customer. */
const checkReferences = (store: Store, b: Body): void => {
  mustReference(store, K.campaigns, b.campaignId, "Campaign", "campaignId");
  mustReference(store, K.businessUnits, b.businessUnitId, "Business unit", "businessUnitId");
  mustReference(store, K.jobTypes, b.jobTypeId, "Job type", "jobTypeId");
  mustReference(store, K.callReasons, b.callReasonId, "Call reason", "callReasonId");
  mustReference(store, K.bookings, b.bookingId, "Booking", "bookingId");
  const customer = mustReference(store, K.customers, b.customerId, "Customer", "customerId");
  const location = mustReference(store, K.locations, b.locationId, "Location", "locationId");
  if (location && customer && location.customerId !== customer.id) {
    throw badRequest({ locationId: [`Location ${location.id} does not belong to customer ${customer.id}.`] });
  }
  if (Array.isArray(b.tagTypeIds)) for (const t of b.tagTypeIds) mustReference(store, K.tagTypes, t, "Tag type", "tagTypeIds");
};

export const insertLead = (store: Store, b: Body, captureSource: string): Rec => {
  const location = typeof b.locationId === "number" ? store.get(K.locations, b.locationId) : undefined;
  return store.insert(LEADS, {
    status: "Open",
    priority: b.priority ?? "Normal",
    customerId: b.customerId ?? location?.customerId ?? null,
    locationId: b.locationId ?? null,
    businessUnitId: b.businessUnitId ?? null,
    jobTypeId: b.jobTypeId ?? null,
    campaignId: b.campaignId ?? null,
    followUpDate: b.followUpDate ?? null,
    createdById: 0,
    tagTypeIds: Array.isArray(b.tagTypeIds) ? b.tagTypeIds : [],
    dismissingReasonId: null,
    summary: b.summary ?? null,
    callReasonId: b.callReasonId ?? null,
    callId: null,
    bookingId: b.bookingId ?? null,
    manualCallId: null,
    leadUrl: null,
    ...Object.fromEntries(LEAD_TEXT.map((f) => [f, b[f] ?? null])),
    captureSource,
  });
};

const addNote = (store: Store, key: string, parent: number, text: unknown, pin: unknown): Rec =>
  store.insert(key, { text, isPinned: pin === true, createdById: 0 }, { parent: String(parent) });

// ---------------------------------------------------------------- list

const jobsByCustomer = (store: Store): Map<number, number> => {
  const m = new Map<number, number>();
  for (const j of store.all(K.jobs)) m.set(j.customerId as number, (m.get(j.customerId as number) ?? 0) + 1);
  return m;
};

const listLeads = (ctx: HandlerContext) => {
  const store = ctx.env.store;
  const q = ctx.query;
  const lq = parseListQuery(q, ["id", "createdOn", "modifiedOn"]);
  const errors: FieldErrors = {};
  const preds: Predicate[] = commonFilters(q, { active: false, name: false }, errors);
  const customerId = param(q, "customerId");
  if (customerId) {
    if (!/^\d{1,18}$/.test(customerId)) errors.customerId = [`The value '${customerId}' is not valid for CustomerId.`];
    else preds.push((r) => r.customerId === Number(customerId));
  }
  const status = param(q, "status");
  if (status) {
    const wanted = ["Open", "Dismissed", "Converted"].find((s) => s.toLowerCase() === status.trim().toLowerCase());
    if (!wanted) errors.status = [`The value '${status}' is not valid for Status. Use Open, Dismissed or Converted.`];
    else preds.push((r) => r.status === wanted);
  }
  const withoutCustomer = parseBoolParam(q, "withoutCustomer", errors);
  if (withoutCustomer === true) preds.push((r) => r.customerId == null || r.locationId == null);
  if (withoutCustomer === false) preds.push((r) => r.customerId != null && r.locationId != null);
  const isProspect = parseBoolParam(q, "isProspect", errors);
  if (isProspect !== undefined) {
    const jobs = jobsByCustomer(store);
    const prospect = (r: Rec) => r.customerId == null || !jobs.get(r.customerId as number);
    preds.push(isProspect ? prospect : (r) => !prospect(r));
  }
  const customerOf = (r: Rec): Rec | undefined => (r.customerId == null ? undefined : store.get(K.customers, r.customerId as number));
  for (const [name, field] of [["customerCity", "city"], ["customerState", "state"], ["customerZip", "zip"]] as const) {
    const v = param(q, name)?.trim().toLowerCase();
    if (v) preds.push((r) => String((customerOf(r)?.address as Body | undefined)?.[field] ?? "").toLowerCase() === v);
  }
  const cCreatedFrom = parseDateParam(q, "customerCreatedOnOrAfter", errors);
  if (cCreatedFrom) preds.push((r) => String(customerOf(r)?.createdOn ?? "") >= cCreatedFrom);
  const cCreatedBefore = parseDateParam(q, "customerCreatedBefore", errors);
  if (cCreatedBefore) preds.push((r) => { const c = customerOf(r); return !!c && String(c.createdOn) < cCreatedBefore; });
  const cModifiedFrom = parseDateParam(q, "customerModifiedOnOrAfter", errors);
  if (cModifiedFrom) preds.push((r) => String(customerOf(r)?.modifiedOn ?? "") >= cModifiedFrom);
  const name = param(q, "leadCustomerName")?.trim().toLowerCase();
  if (name) preds.push((r) => String(r.leadCustomerName ?? customerOf(r)?.name ?? "").toLowerCase().includes(name));
  const phone = digits(param(q, "leadPhone"));
  if (phone) preds.push((r) => digits(r.leadPhone).includes(phone));
  const fromForm = parseBoolParam(q, "isCaptureSourceForm", errors);
  if (fromForm !== undefined) preds.push((r) => (r.captureSource === "Form") === fromForm);
  const permanentUrl = parseBoolParam(q, "genPermUrl", errors) === true;
  if (Object.keys(errors).length) throw badRequest(errors);
  return { status: 200, body: listCollection(store.collection(LEADS), lq, preds, (r) => leadView(r, permanentUrl)) };
};

// ---------------------------------------------------------------- conversion

/**
 * Called when a job is created: the lead it names (`leadId`), open leads of its booking, and open
 * leads of its customer (at its location, or with no location) become Converted ("Won").
 */
export const convertLeadsForJob = (store: Store, job: Rec, leadId?: unknown): Rec[] => {
  if (!store.has(LEADS)) return [];
  const converted: Rec[] = [];
  for (const lead of store.all(LEADS)) {
    const named = typeof leadId === "number" && lead.id === leadId && lead.status !== "Converted";
    const open = lead.status === "Open";
    const byBooking = open && job.bookingId != null && lead.bookingId === job.bookingId;
    const byCustomer = open && lead.customerId != null && lead.customerId === job.customerId && (lead.locationId == null || lead.locationId === job.locationId);
    if (named || byBooking || byCustomer) {
      converted.push(
        store.update(LEADS, lead.id, {
          status: "Converted",
          customerId: lead.customerId ?? job.customerId,
          locationId: lead.locationId ?? job.locationId,
        })!,
      );
    }
  }
  return converted;
};

// ---------------------------------------------------------------- routes

const anyObject = S.obj({});

export const leadRoutes = (): RouteDef[] => [
  route("crm", "GET", "/leads", listLeads, { kind: "list" }),
  route("crm", "POST", "/leads", (ctx) => {
    const b = bodyOf(ctx);
    checkReferences(ctx.env.store, b);
    return { status: 200, body: leadView(insertLead(ctx.env.store, b, "Api")) };
  }, { kind: "create", body: S.obj({ campaignId: S.int(), summary: S.str() }, ["campaignId", "summary"]) }),
  route("crm", "GET", "/leads/{id}", (ctx) => ({ status: 200, body: leadView(mustLead(ctx)) }), { kind: "get" }),
  route("crm", "PATCH", "/leads/{id}", (ctx) => {
    const lead = mustLead(ctx);
    const b = bodyOf(ctx);
    checkReferences(ctx.env.store, b);
    const allowed = ["campaignId", "priority", "businessUnitId", "jobTypeId", "summary", ...LEAD_TEXT];
    const patch = Object.fromEntries(Object.entries(b).filter(([k]) => allowed.includes(k)));
    return { status: 200, body: leadView(ctx.env.store.update(LEADS, lead.id, patch)!) };
  }, { kind: "update", body: anyObject }),
  route("crm", "POST", "/leads/form", (ctx) => {
    const b = bodyOf(ctx);
    const store = ctx.env.store;
    const address = isObject(b.address) ? b.address : {};
    const fields: Body = {
      leadCustomerName: b.name,
      leadEmail: b.email ?? null,
      leadPhone: b.phoneNumber ?? null,
      leadStreet: address.street ?? null,
      leadUnit: address.unit ?? null,
      leadCity: address.city ?? null,
      leadState: address.state ?? null,
      leadZip: address.zip ?? null,
      leadCountry: address.country ?? null,
      summary: b.summary ?? null,
    };
    const existingId = param(ctx.query, "id");
    if (existingId) {
      if (!/^\d{1,18}$/.test(existingId)) throw badRequest({ id: [`The value '${existingId}' is not valid for Id.`] });
      const lead = mustGet(store, LEADS, Number(existingId), "Lead");
      store.update(LEADS, lead.id, fields);
      return { status: 200, body: { leadId: lead.id } };
    }
    const campaign = store.all(K.campaigns).find((c) => c.isDefaultCampaign === true);
    const lead = insertLead(store, { ...fields, campaignId: campaign?.id ?? null }, "Form");
    return { status: 200, body: { leadId: lead.id } };
  }, { kind: "action", body: S.obj({ name: S.str() }, ["name"]) }),
  route("crm", "POST", "/leads/{id}/follow-up", (ctx) => {
    const lead = mustLead(ctx);
    const b = bodyOf(ctx);
    if (lead.status !== "Open") throw conflict(`Lead ${lead.id} is ${String(lead.status)}; only open leads get follow-ups.`, "id");
    ctx.env.store.update(LEADS, lead.id, { followUpDate: b.followUpDate });
    if (typeof b.text === "string" && b.text.trim()) addNote(ctx.env.store, LEAD_NOTES, lead.id, b.text, b.pinToTop);
    return { status: 200, body: { leadId: lead.id, followUpDate: b.followUpDate, text: b.text ?? null, pinToTop: b.pinToTop ?? null } };
  }, { kind: "create", body: S.obj({ followUpDate: S.dt() }, ["followUpDate"]) }),
  route("crm", "POST", "/leads/{id}/dismiss", (ctx) => {
    const lead = mustLead(ctx);
    const b = bodyOf(ctx);
    if (b.dismissingReasonId === undefined || b.dismissingReasonId === null) throw badRequest({ dismissingReasonId: ["A dismissing reason (call reason ID) is required."] });
    mustReference(ctx.env.store, K.callReasons, b.dismissingReasonId, "Call reason", "dismissingReasonId");
    if (lead.status === "Converted") throw conflict(`Lead ${lead.id} was converted to a job and cannot be dismissed.`, "id");
    ctx.env.store.update(LEADS, lead.id, { status: "Dismissed", dismissingReasonId: b.dismissingReasonId, followUpDate: null });
    return { status: 200 };
  }, { body: S.obj({ dismissingReasonId: S.int() }, ["dismissingReasonId"]) }),
  route("crm", "GET", "/leads/{id}/notes", (ctx) => {
    const lead = mustLead(ctx);
    const errors: FieldErrors = {};
    const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
    if (Object.keys(errors).length) throw badRequest(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(LEAD_NOTES), parseListQuery(ctx.query), preds, noteView, String(lead.id)) };
  }, { kind: "list" }),
  route("crm", "POST", "/leads/{id}/notes", (ctx) => {
    const lead = mustLead(ctx);
    const b = bodyOf(ctx);
    return { status: 200, body: noteView(addNote(ctx.env.store, LEAD_NOTES, lead.id, b.text, b.pinToTop)) };
  }, { kind: "create", body: S.obj({ text: S.str() }, ["text"]) }),
];

/** Notes of customers and locations; "add to locations" / "add to customer" copy the note across. */
export const noteRoutes = (): RouteDef[] => {
  const CUSTOMER_NOTES = "crm:/customers/{}/notes";
  const LOCATION_NOTES = "crm:/locations/{}/notes";
  const list = (ownerKey: string, notesKey: string, label: string) => (ctx: HandlerContext) => {
    const owner = mustGet(ctx.env.store, ownerKey, idParam(ctx), label);
    const errors: FieldErrors = {};
    const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
    if (Object.keys(errors).length) throw badRequest(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(notesKey), parseListQuery(ctx.query), preds, noteView, String(owner.id)) };
  };
  const remove = (ownerKey: string, notesKey: string, label: string) => (ctx: HandlerContext) => {
    const owner = mustGet(ctx.env.store, ownerKey, idParam(ctx), label);
    const noteId = idParam(ctx, "noteId");
    if (ctx.env.store.collection(notesKey).parentOf(noteId) !== String(owner.id)) {
      throw new ApiError(404, "Note not found.", { noteId: [`Note ${noteId} was not found on ${label.toLowerCase()} ${owner.id}.`] });
    }
    ctx.env.store.remove(notesKey, noteId);
    return { status: 200 };
  };
  const noteBody = S.obj({ text: S.str() }, ["text"]);
  return [
    route("crm", "GET", "/customers/{id}/notes", list(K.customers, CUSTOMER_NOTES, "Customer"), { kind: "list" }),
    route("crm", "POST", "/customers/{id}/notes", (ctx) => {
      const store = ctx.env.store;
      const customer = mustGet(store, K.customers, idParam(ctx), "Customer");
      const b = bodyOf(ctx);
      const note = addNote(store, CUSTOMER_NOTES, customer.id, b.text, b.pinToTop);
      if (b.addToLocations === true) {
        for (const l of store.all(K.locations).filter((x) => x.customerId === customer.id)) addNote(store, LOCATION_NOTES, l.id, b.text, b.pinToTop);
      }
      return { status: 200, body: noteView(note) };
    }, { kind: "create", body: noteBody }),
    route("crm", "DELETE", "/customers/{id}/notes/{noteId}", remove(K.customers, CUSTOMER_NOTES, "Customer"), { kind: "delete" }),
    route("crm", "GET", "/locations/{id}/notes", list(K.locations, LOCATION_NOTES, "Location"), { kind: "list" }),
    route("crm", "POST", "/locations/{id}/notes", (ctx) => {
      const store = ctx.env.store;
      const location = mustGet(store, K.locations, idParam(ctx), "Location");
      const b = bodyOf(ctx);
      const note = addNote(store, LOCATION_NOTES, location.id, b.text, b.pinToTop);
      if (b.addToCustomer === true) addNote(store, CUSTOMER_NOTES, location.customerId as number, b.text, b.pinToTop);
      return { status: 200, body: noteView(note) };
    }, { kind: "create", body: noteBody }),
    route("crm", "DELETE", "/locations/{id}/notes/{noteId}", remove(K.locations, LOCATION_NOTES, "Location"), { kind: "delete" }),
  ];
};
