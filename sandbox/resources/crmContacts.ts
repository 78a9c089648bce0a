/**
 * CRM in the sandbox, continued: custom field types of customers and locations (and merging custom field
 * values on update), bulk tags, and the v2 contacts API — contacts (GUID IDs), contact methods, contact
 * method preferences and relationships between a contact and a customer, location or other record.
 */
import { commonFilters, listCollection, param, parseListQuery, type Predicate } from "../paging";
import { ApiError, badRequest, conflict, type FieldErrors } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import { type Body, bodyOf, CONTACT_TYPES, isObject, mustGet, pick, route, S } from "./common";

// ---------------------------------------------------------------- custom field types

export const CUSTOMER_FIELD_TYPES = "crm:/customers/custom-fields";
export const LOCATION_FIELD_TYPES = "crm:/locations/custom-fields";

const FIELD_TYPES: Record<string, Array<{ name: string; dataType: string; dataTypeOptions: string[] }>> = {
  [CUSTOMER_FIELD_TYPES]: [
    { name: "Preferred Contact Time", dataType: "Text", dataTypeOptions: [] },
    { name: "Referral Source", dataType: "Dropdown", dataTypeOptions: ["Neighbor", "Google", "Yard Sign", "Other"] },
    { name: "Loyalty Number", dataType: "Numeric", dataTypeOptions: [] },
  ],
  [LOCATION_FIELD_TYPES]: [
    { name: "Gate Code", dataType: "Text", dataTypeOptions: [] },
    { name: "Pets On Site", dataType: "Dropdown", dataTypeOptions: ["Yes", "No"] },
    { name: "Filter Size", dataType: "Text", dataTypeOptions: [] },
  ],
};

/** Creates the custom field types on first use (fixed timestamps, so they never depend on the clock). */
export const ensureFieldTypes = (store: Store, key: string): Rec[] => {
  if (store.all(key).length === 0) {
    FIELD_TYPES[key].forEach((t, i) => store.insert(key, { ...t }, { createdOn: new Date(Date.UTC(2024, 0, 2, 0, i)).toISOString() }));
  }
  return store.all(key);
};

/**
 * Merges custom field values by type (a new value replaces the old one; other fields stay), checking
 * each type exists and a dropdown value is one of its options. Returns the new list.
 */
export const mergeCustomFields = (store: Store, typesKey: string, current: unknown, updates: unknown, field = "customFields"): Body[] => {
  const types = ensureFieldTypes(store, typesKey);
  const out: Body[] = Array.isArray(current) ? (current as Body[]).map((f) => ({ ...f })) : [];
  if (!Array.isArray(updates)) throw badRequest({ [field]: ["Custom fields must be a list of { typeId, value }."] });
  const errors: FieldErrors = {};
  updates.forEach((u: unknown, i) => {
    const f = isObject(u) ? u : {};
    const type = types.find((t) => t.id === f.typeId);
    if (!type) {
      errors[`${field}[${i}].typeId`] = [`Custom field type ${String(f.typeId)} does not exist.`];
      return;
    }
    const options = type.dataTypeOptions as string[];
    if (type.dataType === "Dropdown" && f.value != null && f.value !== "" && !options.includes(String(f.value))) {
      errors[`${field}[${i}].value`] = [`"${String(f.value)}" is not an option of ${String(type.name)} (${options.join(", ")}).`];
      return;
    }
    if (type.dataType === "Numeric" && f.value != null && f.value !== "" && !/^-?\d+(\.\d+)?$/.test(String(f.value))) {
      errors[`${field}[${i}].value`] = [`${String(type.name)} takes a number, got "${String(f.value)}".`];
      return;
    }
    const at = out.findIndex((x) => x.typeId === type.id);
    const next = { typeId: type.id, name: type.name, value: f.value ?? null };
    if (at >= 0) out[at] = next;
    else out.push(next);
  });
  if (Object.keys(errors).length) throw badRequest(errors);
  return out;
};

const listFieldTypes = (key: string) => (ctx: HandlerContext) => {
  ensureFieldTypes(ctx.env.store, key);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
  if (Object.keys(errors).length) throw badRequest(errors);
  const view = (r: Rec) => pick(r, ["id", "name", "dataType", "dataTypeOptions", "createdOn", "modifiedOn"]);
  return { status: 200, body: listCollection(ctx.env.store.collection(key), parseListQuery(ctx.query), preds, view) };
};

// ---------------------------------------------------------------- bulk tags

const bulkTags = (add: boolean) => (ctx: HandlerContext) => {
  const store = ctx.env.store;
  const b = bodyOf(ctx);
  const customerIds = Array.isArray(b.customerIds) ? (b.customerIds as unknown[]) : [];
  const tagTypeIds = Array.isArray(b.tagTypeIds) ? (b.tagTypeIds as unknown[]) : [];
  const errors: FieldErrors = {};
  if (!customerIds.length) errors.customerIds = ["At least one customer ID is required."];
  if (!tagTypeIds.length) errors.tagTypeIds = ["At least one tag type ID is required."];
  const unknownCustomers = customerIds.filter((id) => typeof id !== "number" || !store.get(K.customers, id));
  if (unknownCustomers.length) errors.customerIds = [`These customers do not exist: ${unknownCustomers.join(", ")}.`];
  const tagTypes = store.all(K.tagTypes);
  const unknownTags = tagTypes.length ? tagTypeIds.filter((id) => typeof id !== "number" || !store.get(K.tagTypes, id)) : [];
  if (unknownTags.length) errors.tagTypeIds = [`These tag types do not exist: ${unknownTags.join(", ")}.`];
  if (Object.keys(errors).length) throw badRequest(errors);
  for (const id of customerIds as number[]) {
    const customer = store.get(K.customers, id)!;
    const current = (customer.tagTypeIds as number[]) ?? [];
    const next = add ? [...new Set([...current, ...(tagTypeIds as number[])])] : current.filter((t) => !tagTypeIds.includes(t));
    if (next.length !== current.length || next.some((t, i) => t !== current[i])) store.update(K.customers, id, { tagTypeIds: next });
  }
  return { status: 200 };
};

// ---------------------------------------------------------------- v2 contacts (GUID IDs)

export const CONTACTS = "crm:/contacts";
export const CONTACT_METHODS = "crm:/contacts/{}/contact-methods";
export const RELATIONSHIPS = "crm:/contacts/{}/relationships";

/** GUID index per store: GUID → numeric record id (records keep their GUID in `uuid`). */
const guidIndex = new WeakMap<Store, Map<string, number>>();
const index = (store: Store): Map<string, number> => {
  let m = guidIndex.get(store);
  if (!m) guidIndex.set(store, (m = new Map()));
  return m;
};
const guidFor = (id: number): string => `5a4d0000-0000-4000-8000-${id.toString(16).padStart(12, "0")}`;
const insertWithGuid = (store: Store, key: string, fields: Body, parent?: string, guid?: string): Rec => {
  const id = store.nextId();
  const uuid = (guid ?? guidFor(id)).toLowerCase();
  const rec = store.insert(key, { id, uuid, ...fields }, { parent });
  index(store).set(`${key}|${uuid}`, id);
  return rec;
};
const byGuid = (store: Store, key: string, guid: string | undefined): Rec | undefined => {
  const id = guid ? index(store).get(`${key}|${guid.toLowerCase()}`) : undefined;
  return id === undefined ? undefined : store.get(key, id);
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guidParam = (ctx: HandlerContext, name: string): string => {
  const raw = ctx.params[name] ?? "";
  if (!GUID.test(raw)) throw badRequest({ [name]: [`The value '${raw}' is not a valid GUID.`] });
  return raw.toLowerCase();
};

const contactView = (r: Rec): Body => ({ ...pick(r, ["referenceId", "name", "title", "isArchived", "createdOn", "createdBy", "modifiedOn", "modifiedBy"]), id: r.uuid });
const methodView = (store: Store) => (r: Rec): Body => ({
  id: r.uuid,
  contactId: store.get(CONTACTS, r.contactRecId as number)?.uuid ?? null,
  ...pick(r, ["referenceId", "type", "value", "memo", "createdOn", "createdBy", "modifiedOn", "modifiedBy"]),
});
const relationshipView = (r: Rec): Body => ({ id: r.uuid, ...pick(r, ["relatedEntityId", "typeName", "typeSlug", "createdOn", "createdBy"]) });

const mustContact = (ctx: HandlerContext, name = "id"): Rec => {
  const guid = guidParam(ctx, name);
  const rec = byGuid(ctx.env.store, CONTACTS, guid);
  if (!rec) throw new ApiError(404, "Contact not found.", { [name]: [`Contact ${guid} was not found.`] });
  return rec;
};
const mustMethod = (ctx: HandlerContext, contact: Rec): Rec => {
  const guid = guidParam(ctx, "contactMethodId");
  const rec = byGuid(ctx.env.store, CONTACT_METHODS, guid);
  if (!rec || rec.contactRecId !== contact.id) throw new ApiError(404, "Contact method not found.", { contactMethodId: [`Contact method ${guid} was not found on contact ${String(contact.uuid)}.`] });
  return rec;
};

/** Preferences every contact method has (metadata served by GET /contacts/preferences). */
export const PREFERENCES = [
  { name: "jobReminders", description: "Appointment and job reminder messages", dataType: "Boolean", default: "true" },
  { name: "marketingUpdates", description: "Marketing and promotional messages", dataType: "Boolean", default: "false" },
  { name: "invoiceNotifications", description: "Invoice and statement messages", dataType: "Boolean", default: "true" },
];

const contactFilters = (ctx: HandlerContext, errors: FieldErrors): Predicate[] => {
  const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
  for (const field of ["name", "title"]) {
    const v = param(ctx.query, field)?.trim().toLowerCase();
    if (v) preds.push((r) => String(r[field] ?? "").toLowerCase().includes(v));
  }
  const ref = param(ctx.query, "referenceId");
  if (ref) preds.push((r) => r.referenceId === ref);
  const archived = param(ctx.query, "isArchived")?.trim().toLowerCase();
  if (archived) {
    if (archived !== "true" && archived !== "false") errors.isArchived = [`The value '${archived}' is not valid for IsArchived; use true or false.`];
    else preds.push((r) => r.isArchived === (archived === "true"));
  }
  return preds;
};

const methodFilters = (ctx: HandlerContext, errors: FieldErrors): Predicate[] => {
  const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
  const ref = param(ctx.query, "referenceId");
  if (ref) preds.push((r) => r.referenceId === ref);
  const type = param(ctx.query, "type");
  if (type) preds.push((r) => String(r.type).toLowerCase() === type.trim().toLowerCase());
  const value = param(ctx.query, "value")?.trim().toLowerCase();
  if (value) preds.push((r) => String(r.value).toLowerCase().includes(value));
  return preds;
};

const contactSort = ["id", "createdOn", "modifiedOn", "name"];
const failOn = (errors: FieldErrors) => {
  if (Object.keys(errors).length) throw badRequest(errors);
};

const RELATED: Record<string, { name: string; key?: string }> = {
  customer: { name: "Customer", key: K.customers },
  location: { name: "Location", key: K.locations },
  booking: { name: "Booking", key: K.bookings },
  job: { name: "Job", key: K.jobs },
  lead: { name: "Lead", key: "crm:/leads" },
};

const checkMethodValue = (b: Body): void => {
  if (b.type !== undefined && !CONTACT_TYPES.includes(String(b.type))) throw badRequest({ type: [`Use one of ${CONTACT_TYPES.join(", ")}.`] });
  if (b.type === "Email" && typeof b.value === "string" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.value)) throw badRequest({ value: [`"${b.value}" is not an email address.`] });
};

const writeContact = (ctx: HandlerContext, replace: boolean) => {
  const contact = mustContact(ctx);
  const b = bodyOf(ctx);
  const fields = ["name", "title", "referenceId", "isArchived"];
  const patch: Body = {};
  for (const f of fields) if (replace || f in b) patch[f] = b[f] ?? (f === "isArchived" ? false : null);
  return { status: 200, body: contactView(ctx.env.store.update(CONTACTS, contact.id, patch)!) };
};

const contactRoutes = (): RouteDef[] => [
  route("crm", "GET", "/contacts", (ctx) => {
    const errors: FieldErrors = {};
    const preds = contactFilters(ctx, errors);
    failOn(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(CONTACTS), parseListQuery(ctx.query, contactSort), preds, contactView) };
  }, { kind: "list" }),
  route("crm", "POST", "/contacts", (ctx) => {
    const b = isObject(ctx.body) ? ctx.body : {};
    const rec = insertWithGuid(ctx.env.store, CONTACTS, { referenceId: b.referenceId ?? null, name: b.name ?? null, title: b.title ?? null, isArchived: false, createdBy: 0, modifiedBy: 0 });
    return { status: 200, body: contactView(rec) };
  }, { kind: "create", body: S.obj({}), bodyRequired: false }),
  route("crm", "GET", "/contacts/contact-methods", (ctx) => {
    const errors: FieldErrors = {};
    const preds = methodFilters(ctx, errors);
    const contactId = param(ctx.query, "contactId");
    if (contactId) {
      const contact = byGuid(ctx.env.store, CONTACTS, contactId);
      preds.push((r) => r.contactRecId === contact?.id);
    }
    failOn(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(CONTACT_METHODS), parseListQuery(ctx.query, contactSort), preds, methodView(ctx.env.store)) };
  }, { kind: "list" }),
  route("crm", "GET", "/contacts/preferences", () => ({
    status: 200,
    body: PREFERENCES.map((p, i) => ({ id: `5a4d0000-0000-4000-9000-${String(i + 1).padStart(12, "0")}`, name: p.name, description: p.description, dataType: p.dataType })),
  }), { kind: "get" }),
  route("crm", "GET", "/contacts/relationships/{relationshipId}", (ctx) => {
    const store = ctx.env.store;
    const raw = ctx.params.relationshipId ?? "";
    if (!/^\d{1,18}$/.test(raw)) throw badRequest({ relationshipId: [`The value '${raw}' is not valid for RelationshipId.`] });
    const related = new Set(store.all(RELATIONSHIPS).filter((r) => r.relatedEntityId === Number(raw)).map((r) => r.contactRecId));
    const errors: FieldErrors = {};
    const preds = [...contactFilters(ctx, errors), (r: Rec) => related.has(r.id)];
    failOn(errors);
    return { status: 200, body: listCollection(store.collection(CONTACTS), parseListQuery(ctx.query, contactSort), preds, contactView) };
  }, { kind: "list" }),
  route("crm", "GET", "/contacts/{id}", (ctx) => ({ status: 200, body: contactView(mustContact(ctx)) }), { kind: "get" }),
  route("crm", "PATCH", "/contacts/{id}", (ctx) => writeContact(ctx, false), { kind: "update", body: S.obj({}) }),
  route("crm", "PUT", "/contacts/{id}", (ctx) => writeContact(ctx, true), { kind: "update", body: S.obj({}) }),
  route("crm", "DELETE", "/contacts/{id}", (ctx) => {
    const store = ctx.env.store;
    const contact = mustContact(ctx);
    for (const m of store.all(CONTACT_METHODS, contact.id)) store.remove(CONTACT_METHODS, m.id);
    for (const r of store.all(RELATIONSHIPS, contact.id)) store.remove(RELATIONSHIPS, r.id);
    store.remove(CONTACTS, contact.id);
    return { status: 200 };
  }, { kind: "delete" }),
  // contact methods
  route("crm", "GET", "/contacts/{contactId}/contact-methods", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    const errors: FieldErrors = {};
    const preds = methodFilters(ctx, errors);
    failOn(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(CONTACT_METHODS), parseListQuery(ctx.query, contactSort), preds, methodView(ctx.env.store), String(contact.id)) };
  }, { kind: "list" }),
  route("crm", "POST", "/contacts/{contactId}/contact-methods", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    const b = bodyOf(ctx);
    checkMethodValue(b);
    const rec = insertWithGuid(ctx.env.store, CONTACT_METHODS, {
      contactRecId: contact.id, referenceId: b.referenceId ?? null, type: b.type, value: b.value, memo: b.memo ?? null, preferences: {}, createdBy: 0, modifiedBy: 0,
    }, String(contact.id));
    return { status: 200, body: methodView(ctx.env.store)(rec) };
  }, { kind: "create", body: S.obj({ type: S.enum(CONTACT_TYPES), value: S.str() }, ["type", "value"]) }),
  route("crm", "GET", "/contacts/{contactId}/contact-methods/{contactMethodId}", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    return { status: 200, body: methodView(ctx.env.store)(mustMethod(ctx, contact)) };
  }, { kind: "get" }),
  route("crm", "PATCH", "/contacts/{contactId}/contact-methods/{contactMethodId}", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    const m = mustMethod(ctx, contact);
    const b = bodyOf(ctx);
    checkMethodValue({ type: m.type, value: b.value ?? m.value });
    const patch = Object.fromEntries(Object.entries(b).filter(([k]) => k === "value" || k === "memo"));
    return { status: 200, body: methodView(ctx.env.store)(ctx.env.store.update(CONTACT_METHODS, m.id, patch)!) };
  }, { kind: "update", body: S.obj({}) }),
  route("crm", "PUT", "/contacts/{contactId}/contact-methods/{contactMethodId}", (ctx) => {
    const store = ctx.env.store;
    const contact = mustContact(ctx, "contactId");
    const guid = guidParam(ctx, "contactMethodId");
    const b = bodyOf(ctx);
    checkMethodValue(b);
    const fields = { referenceId: b.referenceId ?? null, type: b.type, value: b.value, memo: b.memo ?? null };
    const existing = byGuid(store, CONTACT_METHODS, guid);
    if (existing && existing.contactRecId !== contact.id) throw conflict(`Contact method ${guid} belongs to another contact.`, "contactMethodId");
    const rec = existing
      ? store.update(CONTACT_METHODS, existing.id, fields)!
      : insertWithGuid(store, CONTACT_METHODS, { contactRecId: contact.id, ...fields, preferences: {}, createdBy: 0, modifiedBy: 0 }, String(contact.id), guid);
    return { status: 200, body: methodView(store)(rec) };
  }, { kind: "update", body: S.obj({ type: S.enum(CONTACT_TYPES), value: S.str() }, ["type", "value"]) }),
  route("crm", "DELETE", "/contacts/{contactId}/contact-methods/{contactMethodId}", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    ctx.env.store.remove(CONTACT_METHODS, mustMethod(ctx, contact).id);
    return { status: 200 };
  }, { kind: "delete" }),
  // contact method preferences
  route("crm", "GET", "/contacts/{contactId}/contact-methods/{contactMethodId}/preferences", (ctx) => {
    const m = mustMethod(ctx, mustContact(ctx, "contactId"));
    const values = (m.preferences as Record<string, string>) ?? {};
    return { status: 200, body: PREFERENCES.map((p) => ({ name: p.name, dataType: p.dataType, value: values[p.name] ?? p.default })) };
  }, { kind: "get" }),
  route("crm", "GET", "/contacts/{contactId}/contact-methods/{contactMethodId}/preferences/{preferenceName}", (ctx) => {
    const m = mustMethod(ctx, mustContact(ctx, "contactId"));
    const p = preferenceOf(ctx);
    return { status: 200, body: { name: p.name, dataType: p.dataType, value: (m.preferences as Record<string, string>)?.[p.name] ?? p.default } };
  }, { kind: "get" }),
  route("crm", "PATCH", "/contacts/{contactId}/contact-methods/{contactMethodId}/preferences/{preferenceName}", (ctx) => {
    const m = mustMethod(ctx, mustContact(ctx, "contactId"));
    const p = preferenceOf(ctx);
    const b = bodyOf(ctx);
    const value = String(b.value ?? "").trim().toLowerCase();
    if (p.dataType === "Boolean" && value !== "true" && value !== "false") throw badRequest({ value: [`${p.name} takes true or false, got "${String(b.value)}".`] });
    ctx.env.store.update(CONTACT_METHODS, m.id, { preferences: { ...((m.preferences as Body) ?? {}), [p.name]: value } });
    return { status: 200, body: { name: p.name, dataType: p.dataType, value } };
  }, { kind: "update", body: S.obj({ value: S.str() }) }),
  // relationships
  route("crm", "GET", "/contacts/{contactId}/relationships", (ctx) => {
    const contact = mustContact(ctx, "contactId");
    const errors: FieldErrors = {};
    const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
    const related = param(ctx.query, "relatedEntityId");
    if (related) preds.push((r) => String(r.relatedEntityId) === related.trim());
    for (const f of ["typeSlug", "typeName"]) {
      const v = param(ctx.query, f)?.trim().toLowerCase();
      if (v) preds.push((r) => String(r[f]).toLowerCase() === v);
    }
    failOn(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(RELATIONSHIPS), parseListQuery(ctx.query, ["id", "createdOn"]), preds, relationshipView, String(contact.id)) };
  }, { kind: "list" }),
  route("crm", "POST", "/contacts/{contactId}/relationships/{relatedEntityId}/{typeSlug}", (ctx) => {
    const store = ctx.env.store;
    const contact = mustContact(ctx, "contactId");
    const { relatedEntityId, slug, type } = relationOf(ctx);
    if (type.key) mustGet(store, type.key, relatedEntityId, type.name, "relatedEntityId");
    if (store.all(RELATIONSHIPS, contact.id).some((r) => r.relatedEntityId === relatedEntityId && r.typeSlug === slug)) {
      throw conflict(`Contact ${String(contact.uuid)} is already related to ${type.name.toLowerCase()} ${relatedEntityId}.`, "typeSlug");
    }
    insertWithGuid(store, RELATIONSHIPS, { contactRecId: contact.id, relatedEntityId, typeSlug: slug, typeName: type.name, createdBy: 0 }, String(contact.id));
    return { status: 200 };
  }),
  route("crm", "DELETE", "/contacts/{contactId}/relationships/{relatedEntityId}/{typeSlug}", (ctx) => {
    const store = ctx.env.store;
    const contact = mustContact(ctx, "contactId");
    const { relatedEntityId, slug } = relationOf(ctx);
    const rel = store.all(RELATIONSHIPS, contact.id).find((r) => r.relatedEntityId === relatedEntityId && r.typeSlug === slug);
    if (!rel) throw new ApiError(404, "Relationship not found.", { typeSlug: [`Contact ${String(contact.uuid)} has no ${slug} relationship with ${relatedEntityId}.`] });
    store.remove(RELATIONSHIPS, rel.id);
    return { status: 200 };
  }, { kind: "delete" }),
];

const preferenceOf = (ctx: HandlerContext) => {
  const name = ctx.params.preferenceName ?? "";
  const p = PREFERENCES.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!p) throw new ApiError(404, "Preference not found.", { preferenceName: [`Unknown preference "${name}"; use one of ${PREFERENCES.map((x) => x.name).join(", ")}.`] });
  return p;
};

const relationOf = (ctx: HandlerContext) => {
  const raw = ctx.params.relatedEntityId ?? "";
  if (!/^\d{1,18}$/.test(raw)) throw badRequest({ relatedEntityId: [`The value '${raw}' is not valid for RelatedEntityId.`] });
  const slug = (ctx.params.typeSlug ?? "").toLowerCase();
  const type = RELATED[slug];
  if (!type) throw badRequest({ typeSlug: [`Unknown relationship type "${slug}"; use one of ${Object.keys(RELATED).join(", ")}.`] });
  return { relatedEntityId: Number(raw), slug, type };
};

/** The builtin descriptors type every `…Id` path parameter as an integer; v2 contact IDs are GUIDs. */
const guidParams = (defs: RouteDef[]): RouteDef[] => {
  for (const d of defs) {
    for (const p of d.descriptor?.params ?? []) {
      if (["id", "contactId", "contactMethodId"].includes(p.name) && d.path.startsWith("/contacts")) p.schema = { type: "string", format: "guid" };
      if (p.name === "preferenceName" || p.name === "typeSlug") p.schema = { type: "string" };
    }
  }
  return defs;
};

export const crmContactRoutes = (): RouteDef[] => [
  route("crm", "GET", "/customers/custom-fields", listFieldTypes(CUSTOMER_FIELD_TYPES), { kind: "list" }),
  route("crm", "GET", "/locations/custom-fields", listFieldTypes(LOCATION_FIELD_TYPES), { kind: "list" }),
  route("crm", "PUT", "/tags", bulkTags(true), { body: S.obj({ customerIds: S.arr(S.int()), tagTypeIds: S.arr(S.int()) }, ["customerIds", "tagTypeIds"]) }),
  route("crm", "DELETE", "/tags", bulkTags(false), { kind: "delete", body: S.obj({ customerIds: S.arr(S.int()), tagTypeIds: S.arr(S.int()) }, ["customerIds", "tagTypeIds"]) }),
  ...guidParams(contactRoutes()),
];
