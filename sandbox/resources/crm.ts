/**
 * CRM: customers (create with locations and contacts), locations, customer/location contacts,
 * bookings (tenant and booking-provider routes), booking contacts, booking provider tags, tags.
 * Leads and notes are in crmLeads.ts; custom field types, bulk tags and v2 contacts in crmContacts.ts.
 */
import { commonFilters, listCollection, param, parseIdsParam, parseListQuery, type Predicate } from "../paging";
import { ApiError, badRequest, conflict, type FieldErrors } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import {
  addressSchema,
  bodyOf,
  type Body,
  contactSchema,
  digits,
  fallback,
  idParam,
  isObject,
  mustGet,
  mustReference,
  pick,
  route,
  S,
} from "./common";
import { CUSTOMER_FIELD_TYPES, crmContactRoutes, LOCATION_FIELD_TYPES, mergeCustomFields } from "./crmContacts";
import { leadRoutes, noteRoutes } from "./crmLeads";

const EMPTY: readonly never[] = Object.freeze([]) as readonly never[];

// ---------------------------------------------------------------- record builders (also used by seedData)

export const addressOf = (a: Body | undefined): Body => ({
  street: a?.street ?? "",
  unit: a?.unit ?? null,
  city: a?.city ?? "",
  state: a?.state ?? "",
  zip: a?.zip ?? "",
  country: a?.country ?? "USA",
  latitude: a?.latitude ?? null,
  longitude: a?.longitude ?? null,
});

const customFieldsOf = (v: unknown): unknown =>
  Array.isArray(v) && v.length ? v.map((f: Body) => ({ typeId: f.typeId, name: null, value: f.value ?? null })) : EMPTY;

const externalDataOf = (v: unknown): unknown =>
  isObject(v) && Array.isArray(v.externalData) && v.externalData.length ? v.externalData : EMPTY;

export const customerFields = (b: Body): Body => ({
  name: b.name,
  type: b.type ?? "Residential",
  address: addressOf(b.address as Body),
  customFields: customFieldsOf(b.customFields),
  balance: 0,
  taxExempt: b.taxExempt ?? false,
  tagTypeIds: Array.isArray(b.tagTypeIds) && b.tagTypeIds.length ? b.tagTypeIds : EMPTY,
  doNotMail: b.doNotMail ?? false,
  doNotService: b.doNotService ?? false,
  nationalAccount: b.nationalAccount ?? false,
  createdById: 0,
  mergedToId: null,
  paymentTermId: b.paymentTermId ?? null,
  creditLimit: b.creditLimit ?? null,
  creditLimitBalance: b.creditLimitBalance ?? null,
  externalData: externalDataOf(b.externalData),
});

export const locationFields = (b: Body, customerId: number): Body => ({
  customerId,
  name: b.name,
  address: addressOf(b.address as Body),
  customFields: customFieldsOf(b.customFields),
  createdById: 0,
  mergedToId: null,
  zoneId: null,
  taxExempt: false,
  tagTypeIds: Array.isArray(b.tagTypeIds) && b.tagTypeIds.length ? b.tagTypeIds : EMPTY,
  externalData: externalDataOf(b.externalData),
  taxZoneId: null,
});

export const contactFields = (c: Body, owner: { customerId?: number; locationId?: number }): Body => ({
  type: c.type,
  value: c.value,
  memo: c.memo ?? null,
  phoneSettings: { phoneNumber: c.type === "Phone" || c.type === "MobilePhone" ? digits(c.value) : "", doNotText: false },
  preferences: null,
  ...owner,
});

const CONTACT_FIELDS = ["id", "type", "value", "memo", "modifiedOn", "phoneSettings", "createdOn", "preferences"];
const SHORT_CONTACT = ["id", "type", "value", "memo"];
const CUSTOMER_FIELDS = [
  "id", "active", "name", "type", "address", "customFields", "balance", "taxExempt", "tagTypeIds", "doNotMail",
  "doNotService", "nationalAccount", "createdOn", "createdById", "modifiedOn", "mergedToId", "paymentTermId",
  "creditLimit", "creditLimitBalance", "externalData",
];
const LOCATION_FIELDS = [
  "id", "customerId", "active", "name", "address", "customFields", "createdOn", "createdById", "modifiedOn",
  "mergedToId", "zoneId", "taxExempt", "tagTypeIds", "externalData", "taxZoneId",
];

export const customerView = (r: Rec): Body => pick(r, CUSTOMER_FIELDS);
export const locationView = (r: Rec): Body => pick(r, LOCATION_FIELDS);
const contactView = (r: Rec): Body => pick(r, CONTACT_FIELDS);

/** Inserts a contact for a customer unless one with the same type and value exists. */
const addCustomerContact = (store: Store, customerId: number, c: Body): Rec => {
  const existing = store
    .all(K.customerContacts, customerId)
    .find((x) => x.type === c.type && String(x.value).toLowerCase() === String(c.value).toLowerCase());
  return existing ?? store.insert(K.customerContacts, contactFields(c, { customerId }), { parent: String(customerId) });
};

/** Creates a location with its contacts (also added to the customer); returns the location and contacts. */
export const createLocation = (store: Store, customerId: number, b: Body): { location: Rec; contacts: Rec[] } => {
  const location = store.insert(K.locations, locationFields(b, customerId));
  const contacts: Rec[] = [];
  for (const c of (Array.isArray(b.contacts) ? b.contacts : []) as Body[]) {
    contacts.push(store.insert(K.locationContacts, contactFields(c, { locationId: location.id }), { parent: String(location.id) }));
    addCustomerContact(store, customerId, c);
  }
  return { location, contacts };
};

// ---------------------------------------------------------------- schemas for built-in validation

const locationSchemaProps = {
  name: S.str(),
  address: addressSchema,
  contacts: S.arr(contactSchema),
  tagTypeIds: S.arr(S.int()),
};
const createCustomerSchema = S.obj(
  {
    name: S.str(),
    type: S.enum(["Residential", "Commercial"], true),
    address: addressSchema,
    locations: S.arr(S.obj(locationSchemaProps, ["name", "address"])),
    contacts: S.arr(contactSchema),
    doNotMail: S.bool(),
    doNotService: S.bool(),
    tagTypeIds: S.arr(S.int()),
  },
  ["name", "address", "locations"],
);
const createLocationSchema = S.obj({ ...locationSchemaProps, customerId: S.int() }, ["name", "address", "customerId"]);
const createBookingSchema = S.obj(
  {
    source: S.str(),
    name: S.str(),
    summary: S.str(),
    isFirstTimeClient: { type: "boolean" },
    externalId: S.str(),
    start: S.dt({ nullable: true }),
    contacts: S.arr(contactSchema),
    campaignId: S.int({ nullable: true }),
    businessUnitId: S.int({ nullable: true }),
    jobTypeId: S.int({ nullable: true }),
    priority: S.enum(["Low", "Normal", "High", "Urgent"], true),
  },
  ["source", "name", "summary", "isFirstTimeClient", "externalId"],
);

// ---------------------------------------------------------------- filters

const contains = (value: unknown, needle: string): boolean => String(value ?? "").toLowerCase().includes(needle);

const addressFilters = (query: Record<string, string>, preds: Predicate[]): void => {
  for (const field of ["street", "unit", "city", "state", "zip", "country"]) {
    const v = param(query, field);
    if (v) {
      const needle = v.toLowerCase();
      preds.push((r) => contains((r.address as Body | undefined)?.[field], needle));
    }
  }
};

const externalDataFilters = (query: Record<string, string>, preds: Predicate[]): void => {
  const key = param(query, "externalDataKey");
  const values = param(query, "externalDataValues");
  if (!key) return;
  const wanted = values ? new Set(values.split(",").map((s) => s.trim())) : undefined;
  preds.push((r) => ((r.externalData as Body[]) ?? []).some((e) => e.key === key && (!wanted || wanted.has(String(e.value)))));
};

const listErrors = (errors: FieldErrors): void => {
  if (Object.keys(errors).length) throw badRequest(errors);
};

// ---------------------------------------------------------------- handlers

const createCustomer = (ctx: HandlerContext) => {
  const b = bodyOf(ctx);
  const store = ctx.env.store;
  const customer = store.insert(K.customers, customerFields(b));
  const contacts = ((Array.isArray(b.contacts) ? b.contacts : []) as Body[]).map((c) => addCustomerContact(store, customer.id, c));
  const locations = ((Array.isArray(b.locations) ? b.locations : []) as Body[]).map((l) => {
    const { location, contacts: lc } = createLocation(store, customer.id, l);
    return { ...locationView(location), contacts: lc.map((c) => pick(c, SHORT_CONTACT)) };
  });
  const allContacts = store.all(K.customerContacts, customer.id);
  return {
    status: 200,
    body: { ...customerView(customer), locations, contacts: (allContacts.length ? allContacts : contacts).map((c) => pick(c, SHORT_CONTACT)) },
  };
};

const listCustomers = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, {}, errors);
  listErrors(errors);
  addressFilters(ctx.query, preds);
  externalDataFilters(ctx.query, preds);
  const phone = digits(param(ctx.query, "phone"));
  if (phone) {
    const contacts = ctx.env.store.collection(K.customerContacts);
    preds.push((r) => contacts.values(String(r.id)).some((c) => (c.type === "Phone" || c.type === "MobilePhone") && digits(c.value).includes(phone)));
  }
  return { status: 200, body: listCollection(ctx.env.store.collection(K.customers), lq, preds, customerView) };
};

/** `{ patchMode, applicationGuid, externalData: [{key, value}] }` → the stored list (Merge by key, or Replace). */
const patchExternalData = (current: unknown, patch: Body): Body[] => {
  const incoming = (Array.isArray(patch.externalData) ? patch.externalData : []) as Body[];
  if (patch.patchMode === "Replace") return incoming.map((e) => ({ key: e.key, value: e.value ?? null }));
  const out = (Array.isArray(current) ? current : []).map((e: Body) => ({ ...e }));
  for (const e of incoming) {
    const at = out.findIndex((x) => x.key === e.key);
    if (at >= 0) out[at] = { key: e.key, value: e.value ?? null };
    else out.push({ key: e.key, value: e.value ?? null });
  }
  return out;
};

const updateRecord = (ctx: HandlerContext, key: string, label: string, view: (r: Rec) => Body, protect: string[] = [], fieldTypes?: string) => {
  const id = idParam(ctx);
  mustGet(ctx.env.store, key, id, label);
  const b = bodyOf(ctx);
  const next = ctx.env.store.update(key, id, (old) => {
    const merged: Body = { ...old };
    for (const [k, v] of Object.entries(b)) {
      if (k === "id" || protect.includes(k)) continue;
      if (k === "address") merged.address = { ...(old.address as Body), ...(v as Body) };
      else if (k === "customFields" && fieldTypes) merged.customFields = mergeCustomFields(ctx.env.store, fieldTypes, old.customFields, v);
      else if (k === "externalData" && isObject(v)) merged.externalData = patchExternalData(old.externalData, v);
      else merged[k] = v;
    }
    return merged as Rec;
  })!;
  return { status: 200, body: view(next) };
};

const listLocations = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, {}, errors);
  const customerIds = param(ctx.query, "customerId");
  if (customerIds) {
    if (!/^\d+$/.test(customerIds)) errors.customerId = [`The value '${customerIds}' is not valid for CustomerId.`];
    else preds.push((r) => r.customerId === Number(customerIds));
  }
  listErrors(errors);
  addressFilters(ctx.query, preds);
  externalDataFilters(ctx.query, preds);
  return { status: 200, body: listCollection(ctx.env.store.collection(K.locations), lq, preds, locationView) };
};

const createLocationHandler = (ctx: HandlerContext) => {
  const b = bodyOf(ctx);
  const customer = ctx.env.store.get(K.customers, Number(b.customerId));
  if (!customer) throw badRequest({ customerId: [`Customer with ID ${String(b.customerId)} does not exist.`] });
  const { location, contacts } = createLocation(ctx.env.store, customer.id, b);
  return { status: 200, body: { ...locationView(location), contacts: contacts.map((c) => pick(c, SHORT_CONTACT)) } };
};

/** Contacts of a customer or a location: list, create, update, delete. */
const ownedContacts = (ownerKey: string, contactKey: string, ownerLabel: string, ownerField: "customerId" | "locationId") => {
  const owner = (ctx: HandlerContext): Rec => mustGet(ctx.env.store, ownerKey, idParam(ctx), ownerLabel);
  const contact = (ctx: HandlerContext, ownerId: number): Rec => {
    const id = idParam(ctx, "contactId");
    const rec = ctx.env.store.get(contactKey, id);
    if (!rec || rec[ownerField] !== ownerId) {
      throw new ApiError(404, "Contact not found.", { contactId: [`Contact with ID ${id} was not found for ${ownerLabel.toLowerCase()} ${ownerId}.`] });
    }
    return rec;
  };
  return {
    list: (ctx: HandlerContext) => {
      const o = owner(ctx);
      // live tenants refuse the contacts of an inactive customer (ST-exporter's changelog)
      if (ownerField === "customerId" && o.active === false && ctx.env.production?.inactiveCustomerConflict) {
        throw new ApiError(409, `Customer ID = ${o.id} is not active`, { id: [`Customer ID = ${o.id} is not active`] });
      }
      const lq = parseListQuery(ctx.query);
      return { status: 200, body: listCollection(ctx.env.store.collection(contactKey), lq, [], contactView, String(o.id)) };
    },
    create: (ctx: HandlerContext) => {
      const o = owner(ctx);
      const b = bodyOf(ctx);
      const rec = ctx.env.store.insert(contactKey, contactFields(b, { [ownerField]: o.id }), { parent: String(o.id) });
      return { status: 200, body: contactView(rec) };
    },
    update: (ctx: HandlerContext) => {
      const o = owner(ctx);
      const c = contact(ctx, o.id);
      const b = bodyOf(ctx);
      const next = ctx.env.store.update(contactKey, c.id, (old) => {
        const merged = { ...old, ...pick({ ...old, ...b }, ["type", "value", "memo"]) } as Rec;
        merged.phoneSettings = { phoneNumber: merged.type === "Phone" || merged.type === "MobilePhone" ? digits(merged.value) : "", doNotText: false };
        return merged;
      })!;
      return { status: 200, body: contactView(next) };
    },
    remove: (ctx: HandlerContext) => {
      const o = owner(ctx);
      const c = contact(ctx, o.id);
      ctx.env.store.remove(contactKey, c.id);
      return { status: 200 };
    },
    /** `/customers/contacts` and `/locations/contacts`: contacts across owners. */
    across: (ctx: HandlerContext) => {
      const lq = parseListQuery(ctx.query);
      const errors: FieldErrors = {};
      const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
      const idsName = ownerField === "customerId" ? "customerIds" : "locationIds";
      const ownerIds = parseIdsParam(ctx.query, idsName, errors);
      listErrors(errors);
      if (ownerField === "customerId" && !ownerIds && !param(ctx.query, "modifiedOnOrAfter") && !param(ctx.query, "modifiedBefore")) {
        throw badRequest({ request: ["Either CustomerIds, modifiedBefore or modifiedOnOrAfter parameter must be specified."] });
      }
      if (ownerIds) preds.push((r) => ownerIds.has(r[ownerField] as number));
      const view = (r: Rec): Body => ({ ...contactView(r), [ownerField]: r[ownerField] });
      return { status: 200, body: listCollection(ctx.env.store.collection(contactKey), lq, preds, view) };
    },
  };
};

/** POST/DELETE `/<owner>/{id}/tags/{tagTypeId}`. */
const tagHandlers = (ownerKey: string, ownerLabel: string) => ({
  add: (ctx: HandlerContext) => {
    const o = mustGet(ctx.env.store, ownerKey, idParam(ctx), ownerLabel);
    const tagTypeId = idParam(ctx, "tagTypeId");
    mustReference(ctx.env.store, K.tagTypes, tagTypeId, "Tag type", "tagTypeId");
    const tags = (o.tagTypeIds as number[]) ?? [];
    if (tags.includes(tagTypeId)) throw conflict(`Tag type ${tagTypeId} is already applied.`, "tagTypeId");
    ctx.env.store.update(ownerKey, o.id, { tagTypeIds: [...tags, tagTypeId] });
    return { status: 200, body: { [ownerLabel === "Customer" ? "customerId" : "locationId"]: o.id, tagTypeId } };
  },
  remove: (ctx: HandlerContext) => {
    const o = mustGet(ctx.env.store, ownerKey, idParam(ctx), ownerLabel);
    const tagTypeId = idParam(ctx, "tagTypeId");
    const tags = (o.tagTypeIds as number[]) ?? [];
    if (!tags.includes(tagTypeId)) throw new ApiError(404, "Tag not found.", { tagTypeId: [`Tag type ${tagTypeId} is not applied.`] });
    ctx.env.store.update(ownerKey, o.id, { tagTypeIds: tags.filter((t) => t !== tagTypeId) });
    return { status: 200 };
  },
});

// ---- bookings

const BOOKING_FIELDS = [
  "id", "source", "createdOn", "name", "address", "customerType", "start", "campaignId", "businessUnitId",
  "isFirstTimeClient", "uploadedImages", "isSendConfirmationEmail", "status", "dismissingReasonId", "jobId",
  "externalId", "priority", "jobTypeId", "bookingProviderId", "modifiedOn", "summary",
];
export const bookingView = (r: Rec): Body => pick(r, BOOKING_FIELDS);
const bookingContactView = (r: Rec): Body => ({ ...pick(r, ["id", "type", "value", "modifiedOn"]), memo: r.memo ?? "" });

export const bookingFields = (b: Body, providerId: number, now: string): Body => ({
  source: b.source,
  name: b.name,
  address: isObject(b.address) ? pick(addressOf(b.address), ["street", "unit", "city", "state", "zip", "country"]) : null,
  customerType: b.customerType === "Commercial" ? "Commercial" : b.customerType === "Residential" ? "Residential" : null,
  start: b.start ?? now,
  campaignId: b.campaignId ?? null,
  businessUnitId: b.businessUnitId ?? null,
  isFirstTimeClient: b.isFirstTimeClient ?? null,
  uploadedImages: Array.isArray(b.uploadedImages) ? b.uploadedImages : EMPTY,
  isSendConfirmationEmail: b.isSendConfirmationEmail ?? null,
  status: "New",
  dismissingReasonId: null,
  jobId: null,
  externalId: b.externalId ?? "",
  priority: b.priority ?? null,
  jobTypeId: b.jobTypeId ?? null,
  bookingProviderId: providerId,
  summary: b.summary ?? null,
});

const providerOf = (ctx: HandlerContext): number => {
  const raw = ctx.params.booking_provider ?? "";
  if (!/^\d{1,18}$/.test(raw)) throw badRequest({ booking_provider: [`The value '${raw}' is not valid for booking_provider.`] });
  return Number(raw);
};

const bookingFor = (ctx: HandlerContext, provider?: number): Rec => {
  const id = idParam(ctx);
  const rec = ctx.env.store.get(K.bookings, id);
  if (!rec || (provider !== undefined && rec.bookingProviderId !== provider)) {
    throw new ApiError(404, "Booking not found.", { id: [`Booking with ID ${id} was not found${provider !== undefined ? ` for booking provider ${provider}` : ""}.`] });
  }
  return rec;
};

const listBookings = (provider: boolean) => (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
  listErrors(errors);
  if (provider) {
    const p = providerOf(ctx);
    preds.push((r) => r.bookingProviderId === p);
  }
  const externalId = param(ctx.query, "externalId");
  if (externalId) preds.push((r) => r.externalId === externalId);
  return { status: 200, body: listCollection(ctx.env.store.collection(K.bookings), lq, preds, bookingView) };
};

const createBooking = (ctx: HandlerContext) => {
  const p = providerOf(ctx);
  const b = bodyOf(ctx);
  const store = ctx.env.store;
  mustReference(store, K.campaigns, b.campaignId, "Campaign", "campaignId");
  mustReference(store, K.businessUnits, b.businessUnitId, "Business unit", "businessUnitId");
  mustReference(store, K.jobTypes, b.jobTypeId, "Job type", "jobTypeId");
  const booking = store.insert(K.bookings, bookingFields(b, p, store.now()));
  for (const c of (Array.isArray(b.contacts) ? b.contacts : []) as Body[]) {
    store.insert(K.bookingContacts, { type: c.type, value: c.value, memo: c.memo ?? "", bookingId: booking.id }, { parent: String(booking.id) });
  }
  return { status: 200, body: bookingView(booking) };
};

const bookingContactHandlers = {
  list: (provider: boolean) => (ctx: HandlerContext) => {
    const booking = bookingFor(ctx, provider ? providerOf(ctx) : undefined);
    const lq = parseListQuery(ctx.query);
    return { status: 200, body: listCollection(ctx.env.store.collection(K.bookingContacts), lq, [], bookingContactView, String(booking.id)) };
  },
  create: (ctx: HandlerContext) => {
    const booking = bookingFor(ctx, providerOf(ctx));
    const b = bodyOf(ctx);
    const rec = ctx.env.store.insert(K.bookingContacts, { type: b.type, value: b.value, memo: b.memo ?? "", bookingId: booking.id }, { parent: String(booking.id) });
    return { status: 200, body: bookingContactView(rec) };
  },
  contact: (ctx: HandlerContext): Rec => {
    const booking = bookingFor(ctx, providerOf(ctx));
    const id = idParam(ctx, "contactId");
    const rec = ctx.env.store.get(K.bookingContacts, id);
    if (!rec || rec.bookingId !== booking.id) throw new ApiError(404, "Contact not found.", { contactId: [`Contact with ID ${id} was not found for booking ${booking.id}.`] });
    return rec;
  },
};

// ---- booking provider tags

const TAG_FIELDS = ["id", "tagName", "description", "type", "createdOn", "modifiedOn", "active"];
const tagView = (r: Rec): Body => pick(r, TAG_FIELDS);

const listTags = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query, ["id", "createdOn", "modifiedOn", "tagName"]);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { name: false }, errors);
  listErrors(errors);
  const name = param(ctx.query, "name") ?? param(ctx.query, "tagName");
  if (name) preds.push((r) => contains(r.tagName, name.toLowerCase()));
  return { status: 200, body: listCollection(ctx.env.store.collection(K.bookingProviderTags), lq, preds, tagView) };
};

const createTag = (ctx: HandlerContext) => {
  const b = bodyOf(ctx);
  const clash = ctx.env.store.all(K.bookingProviderTags).find((t) => String(t.tagName).toLowerCase() === String(b.tagName).toLowerCase());
  if (clash) throw conflict(`A booking provider tag named "${String(b.tagName)}" already exists (ID ${clash.id}).`, "tagName");
  const rec = ctx.env.store.insert(K.bookingProviderTags, { tagName: b.tagName, description: b.description ?? "", type: "V2Api" });
  return { status: 200, body: tagView(rec) };
};

export const crmRoutes = (): RouteDef[] => {
  const cc = ownedContacts(K.customers, K.customerContacts, "Customer", "customerId");
  const lc = ownedContacts(K.locations, K.locationContacts, "Location", "locationId");
  const ct = tagHandlers(K.customers, "Customer");
  const lt = tagHandlers(K.locations, "Location");
  const dismissSchema = S.obj({ callReasonId: S.int({ nullable: true }), dismissingMemo: S.str({ nullable: true }) });
  return [
    route("crm", "POST", "/customers", createCustomer, { kind: "create", body: createCustomerSchema }),
    route("crm", "GET", "/customers", listCustomers, { kind: "list" }),
    route("crm", "GET", "/customers/{id}", (ctx) => ({ status: 200, body: customerView(mustGet(ctx.env.store, K.customers, idParam(ctx), "Customer")) }), { kind: "get" }),
    route("crm", "PATCH", "/customers/{id}", (ctx) => updateRecord(ctx, K.customers, "Customer", customerView, ["balance", "createdOn", "modifiedOn"], CUSTOMER_FIELD_TYPES), { kind: "update", body: S.obj({}) }),
    route("crm", "GET", "/customers/{id}/contacts", cc.list, { kind: "list" }),
    route("crm", "POST", "/customers/{id}/contacts", cc.create, { kind: "create", body: contactSchema }),
    route("crm", "PATCH", "/customers/{id}/contacts/{contactId}", cc.update, { kind: "update", body: S.obj({}) }),
    route("crm", "DELETE", "/customers/{id}/contacts/{contactId}", cc.remove, { kind: "delete" }),
    route("crm", "GET", "/customers/contacts", cc.across, { kind: "list" }),
    route("crm", "POST", "/customers/{id}/tags/{tagTypeId}", ct.add),
    route("crm", "DELETE", "/customers/{id}/tags/{tagTypeId}", ct.remove),
    route("crm", "POST", "/locations", createLocationHandler, { kind: "create", body: createLocationSchema }),
    route("crm", "GET", "/locations", listLocations, { kind: "list" }),
    route("crm", "GET", "/locations/{id}", (ctx) => ({ status: 200, body: locationView(mustGet(ctx.env.store, K.locations, idParam(ctx), "Location")) }), { kind: "get" }),
    route("crm", "PATCH", "/locations/{id}", (ctx) => updateRecord(ctx, K.locations, "Location", locationView, ["customerId", "createdOn", "modifiedOn"], LOCATION_FIELD_TYPES), { kind: "update", body: S.obj({}) }),
    route("crm", "GET", "/locations/{id}/contacts", lc.list, { kind: "list" }),
    route("crm", "POST", "/locations/{id}/contacts", lc.create, { kind: "create", body: contactSchema }),
    route("crm", "PATCH", "/locations/{id}/contacts/{contactId}", lc.update, { kind: "update", body: S.obj({}) }),
    route("crm", "DELETE", "/locations/{id}/contacts/{contactId}", lc.remove, { kind: "delete" }),
    route("crm", "GET", "/locations/contacts", lc.across, { kind: "list" }),
    route("crm", "POST", "/locations/{id}/tags/{tagTypeId}", lt.add),
    route("crm", "DELETE", "/locations/{id}/tags/{tagTypeId}", lt.remove),
    // bookings
    route("crm", "GET", "/bookings", listBookings(false), { kind: "list" }),
    route("crm", "GET", "/bookings/{id}", (ctx) => ({ status: 200, body: bookingView(bookingFor(ctx)) }), { kind: "get" }),
    route("crm", "GET", "/bookings/{id}/contacts", bookingContactHandlers.list(false), { kind: "list" }),
    route("crm", "GET", "/booking-provider/{booking_provider}/bookings", listBookings(true), { kind: "list" }),
    route("crm", "POST", "/booking-provider/{booking_provider}/bookings", createBooking, { kind: "create", body: createBookingSchema }),
    route("crm", "GET", "/booking-provider/{booking_provider}/bookings/{id}", (ctx) => ({ status: 200, body: bookingView(bookingFor(ctx, providerOf(ctx))) }), { kind: "get" }),
    route("crm", "PATCH", "/booking-provider/{booking_provider}/bookings/{id}", (ctx) => {
      const booking = bookingFor(ctx, providerOf(ctx));
      const b = bodyOf(ctx);
      const allowed = ["source", "name", "address", "customerType", "start", "summary", "campaignId", "businessUnitId", "jobTypeId", "priority", "isFirstTimeClient", "uploadedImages", "isSendConfirmationEmail", "externalId"];
      const patch = Object.fromEntries(Object.entries(b).filter(([k]) => allowed.includes(k)));
      return { status: 200, body: bookingView(ctx.env.store.update(K.bookings, booking.id, patch)!) };
    }, { kind: "update", body: S.obj({}) }),
    route("crm", "GET", "/booking-provider/{booking_provider}/bookings/{id}/contacts", bookingContactHandlers.list(true), { kind: "list" }),
    route("crm", "POST", "/booking-provider/{booking_provider}/bookings/{id}/contacts", bookingContactHandlers.create, { kind: "create", body: contactSchema }),
    route("crm", "PATCH", "/booking-provider/{booking_provider}/bookings/{id}/contacts/{contactId}", (ctx) => {
      const c = bookingContactHandlers.contact(ctx);
      const b = bodyOf(ctx);
      const next = ctx.env.store.update(K.bookingContacts, c.id, { ...pick({ ...c, ...b }, ["type", "value", "memo"]) })!;
      return { status: 200, body: pick(next, ["type", "value", "memo"]) };
    }, { kind: "update", body: S.obj({}) }),
    route("crm", "DELETE", "/booking-provider/{booking_provider}/bookings/{id}/contacts/{contactId}", (ctx) => {
      const c = bookingContactHandlers.contact(ctx);
      ctx.env.store.remove(K.bookingContacts, c.id);
      return { status: 200 };
    }, { kind: "delete" }),
    route("crm", "POST", "/booking-provider/{booking_provider}/bookings/{id}/dismiss", (ctx) => {
      const booking = bookingFor(ctx, providerOf(ctx));
      const b = isObject(ctx.body) ? ctx.body : {};
      mustReference(ctx.env.store, K.callReasons, b.callReasonId, "Call reason", "callReasonId");
      if (booking.status === "Converted") throw conflict("A converted booking cannot be dismissed.", "id");
      ctx.env.store.update(K.bookings, booking.id, { status: "Dismissed", dismissingReasonId: b.callReasonId ?? null, dismissingMemo: b.dismissingMemo ?? null });
      return { status: 200 };
    }, { body: dismissSchema, bodyRequired: false }),
    // booking provider tags
    route("crm", "GET", "/booking-provider-tags", listTags, { kind: "list" }),
    route("crm", "POST", "/booking-provider-tags", createTag, { kind: "create", body: S.obj({ tagName: S.str(), description: S.str() }, ["tagName", "description"]) }),
    route("crm", "GET", "/booking-provider-tags/{id}", (ctx) => ({ status: 200, body: tagView(mustGet(ctx.env.store, K.bookingProviderTags, idParam(ctx), "Booking provider tag")) }), { kind: "get" }),
    route("crm", "PATCH", "/booking-provider-tags/{id}", (ctx) => updateRecord(ctx, K.bookingProviderTags, "Booking provider tag", tagView, ["type", "createdOn", "modifiedOn"]), { kind: "update", body: S.obj({}) }),
    // export feeds whose records need a projection
    fallback("crm", "GET", "/export/customers", "export", K.customers),
    fallback("crm", "GET", "/export/locations", "export", K.locations),
    fallback("crm", "GET", "/export/bookings", "export", K.bookings),
    fallback("crm", "GET", "/export/customers/contacts", "export", K.customerContacts),
    fallback("crm", "GET", "/export/locations/contacts", "export", K.locationContacts),
    // leads, notes, custom field types, bulk tags and the v2 contacts API
    ...leadRoutes(),
    ...noteRoutes(),
    ...crmContactRoutes(),
  ];
};
