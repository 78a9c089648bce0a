/**
 * JPM: jobs (create with appointments, cancel / remove cancellation), appointments (add, delete,
 * reschedule, hold, confirmation, special instructions), cancel reasons.
 */
import { commonFilters, listCollection, param, parseDateParam, parseListQuery, type Predicate } from "../paging";
import { badRequest, conflict, type FieldErrors } from "../problem";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import { assignTechnicians } from "./dispatch";
import { convertLeadsForJob } from "./crmLeads";
import { bodyOf, type Body, fallback, idParam, isObject, mustGet, mustReference, pick, route, S } from "./common";

const EMPTY: readonly never[] = Object.freeze([]) as readonly never[];

export const JOB_FIELDS = [
  "id", "jobNumber", "projectId", "customerId", "locationId", "jobStatus", "completedOn", "businessUnitId", "jobTypeId",
  "priority", "campaignId", "appointmentCount", "firstAppointmentId", "lastAppointmentId", "recallForId", "warrantyId",
  "jobGeneratedLeadSource", "noCharge", "notificationsEnabled", "createdOn", "createdById", "modifiedOn", "tagTypeIds",
  "leadCallId", "partnerLeadCallId", "bookingId", "soldById", "customerPo", "invoiceId", "membershipId", "total",
  "createdFromEstimateId", "estimateIds", "equipmentIds", "isAutoDispatched", "summary", "customFields", "externalData",
  "summaryOfWork",
];
export const APPOINTMENT_FIELDS = [
  "id", "jobId", "appointmentNumber", "start", "end", "arrivalWindowStart", "arrivalWindowEnd", "status",
  "specialInstructions", "createdOn", "modifiedOn", "customerId", "unused", "createdById", "isConfirmed", "active",
  "appointmentSummaries",
];
export const jobView = (r: Rec): Body => pick(r, JOB_FIELDS);
export const appointmentView = (r: Rec): Body => pick(r, APPOINTMENT_FIELDS);

export interface NewAppointment {
  start: unknown;
  end: unknown;
  arrivalWindowStart?: unknown;
  arrivalWindowEnd?: unknown;
  technicianIds?: unknown;
  specialInstructions?: unknown;
}

/** Appointment ids per job, in creation order (deleted ones included, for numbering). */
const appointmentsIndex = new WeakMap<Store, Map<number, number[]>>();
const index = (store: Store): Map<number, number[]> => {
  let m = appointmentsIndex.get(store);
  if (!m) appointmentsIndex.set(store, (m = new Map()));
  return m;
};

/** Live appointments of a job. */
export const appointmentsOf = (store: Store, jobId: number): Rec[] =>
  (index(store).get(jobId) ?? []).map((id) => store.get(K.appointments, id)).filter((r): r is Rec => !!r);

/** Adds an appointment to a job and refreshes the job's appointment counters. */
export const addAppointment = (store: Store, job: Rec, a: NewAppointment, at?: { createdOn?: string }): Rec => {
  const idx = index(store);
  const ids = idx.get(job.id) ?? [];
  const appt = store.insert(
    K.appointments,
    {
      jobId: job.id,
      appointmentNumber: `${String(job.jobNumber)}-${ids.length + 1}`,
      start: a.start,
      end: a.end,
      arrivalWindowStart: a.arrivalWindowStart ?? null,
      arrivalWindowEnd: a.arrivalWindowEnd ?? null,
      status: job.jobStatus === "Canceled" ? "Canceled" : "Scheduled",
      specialInstructions: a.specialInstructions ?? null,
      customerId: job.customerId,
      unused: false,
      createdById: 0,
      isConfirmed: false,
      appointmentSummaries: EMPTY,
    },
    at,
  );
  idx.set(job.id, [...ids, appt.id]);
  refreshJobCounters(store, job.id, at);
  if (Array.isArray(a.technicianIds) && a.technicianIds.length) assignTechnicians(store, appt, a.technicianIds as number[], at);
  return appt;
};

const refreshJobCounters = (store: Store, jobId: number, at?: { createdOn?: string }): void => {
  const live = appointmentsOf(store, jobId).map((a) => a.id);
  const patch = {
    appointmentCount: live.length,
    firstAppointmentId: live[0] ?? 0,
    lastAppointmentId: live[live.length - 1] ?? 0,
  };
  const job = store.get(K.jobs, jobId);
  if (!job) return;
  // seeding keeps the seeded timestamps; live changes bump modifiedOn
  if (at?.createdOn) store.collection(K.jobs).replace({ ...job, ...patch });
  else store.update(K.jobs, jobId, patch);
};

const appointmentSchema = S.obj(
  { start: S.dt(), end: S.dt(), arrivalWindowStart: S.dt({ nullable: true }), arrivalWindowEnd: S.dt({ nullable: true }), technicianIds: S.arr(S.int()) },
  ["start", "end"],
);
const createJobSchema = S.obj(
  {
    customerId: S.int(),
    locationId: S.int(),
    businessUnitId: S.int(),
    jobTypeId: S.int(),
    priority: S.str(),
    campaignId: S.int(),
    appointments: S.arr(appointmentSchema),
    summary: S.str({ nullable: true }),
    tagTypeIds: S.arr(S.int()),
    bookingId: S.int({ nullable: true }),
  },
  ["customerId", "locationId", "businessUnitId", "jobTypeId", "priority", "campaignId", "appointments"],
);

export interface NewJob extends Body {
  customerId: number;
  locationId: number;
  businessUnitId: number;
  jobTypeId: number;
  priority: string;
  campaignId: number;
  appointments: NewAppointment[];
}

/** Creates a job and its appointments (validated references first). */
export const createJob = (store: Store, b: NewJob, at?: { createdOn?: string }): Rec => {
  const customer = store.get(K.customers, b.customerId);
  const errors: FieldErrors = {};
  if (!customer) errors.customerId = [`Customer with ID ${b.customerId} does not exist.`];
  const location = store.get(K.locations, b.locationId);
  if (!location) errors.locationId = [`Location with ID ${b.locationId} does not exist.`];
  else if (customer && location.customerId !== customer.id) errors.locationId = [`Location ${b.locationId} does not belong to customer ${b.customerId}.`];
  if (!Array.isArray(b.appointments) || b.appointments.length === 0) errors.appointments = ["At least one appointment is required."];
  if (Object.keys(errors).length) throw badRequest(errors);
  mustReference(store, K.businessUnits, b.businessUnitId, "Business unit", "businessUnitId");
  mustReference(store, K.jobTypes, b.jobTypeId, "Job type", "jobTypeId");
  mustReference(store, K.campaigns, b.campaignId, "Campaign", "campaignId");
  const booking = b.bookingId ? mustReference(store, K.bookings, b.bookingId, "Booking", "bookingId") : undefined;
  const id = store.nextId();
  const invoiceId = store.nextId();
  const job = store.insert(
    K.jobs,
    {
      id,
      jobNumber: String(id),
      projectId: b.projectId ?? null,
      customerId: b.customerId,
      locationId: b.locationId,
      jobStatus: "Scheduled",
      completedOn: null,
      businessUnitId: b.businessUnitId,
      jobTypeId: b.jobTypeId,
      priority: b.priority,
      campaignId: b.campaignId,
      appointmentCount: 0,
      firstAppointmentId: 0,
      lastAppointmentId: 0,
      recallForId: null,
      warrantyId: null,
      jobGeneratedLeadSource: b.jobGeneratedLeadSource ?? null,
      noCharge: b.noCharge ?? false,
      notificationsEnabled: true,
      createdById: 0,
      tagTypeIds: Array.isArray(b.tagTypeIds) && b.tagTypeIds.length ? b.tagTypeIds : EMPTY,
      leadCallId: null,
      partnerLeadCallId: b.partnerLeadCallId ?? null,
      bookingId: b.bookingId ?? null,
      soldById: b.soldById ?? null,
      customerPo: b.customerPo ?? "",
      invoiceId,
      membershipId: null,
      total: 0,
      createdFromEstimateId: null,
      estimateIds: EMPTY,
      equipmentIds: EMPTY,
      isAutoDispatched: false,
      summary: b.summary ?? null,
      customFields: Array.isArray(b.customFields) ? (b.customFields as Body[]).map((f) => ({ typeId: f.typeId, name: "", value: f.value ?? "" })) : EMPTY,
      externalData: isObject(b.externalData) && Array.isArray(b.externalData.externalData) ? b.externalData.externalData : EMPTY,
      summaryOfWork: null,
    },
    at,
  );
  for (const a of b.appointments) addAppointment(store, job, a, at);
  if (booking) store.update(K.bookings, booking.id, { status: "Converted", jobId: job.id });
  convertLeadsForJob(store, job, b.leadId);
  return store.get(K.jobs, job.id)!;
};

const eq = (query: Record<string, string>, name: string, field: string, preds: Predicate[], errors: FieldErrors, numeric = true): void => {
  const raw = param(query, name);
  if (raw === undefined || raw === "") return;
  if (numeric) {
    const values = new Set<number>();
    for (const part of raw.split(",")) {
      if (!/^\d{1,18}$/.test(part.trim())) {
        errors[name] = [`The value '${raw}' is not valid for ${name}.`];
        return;
      }
      values.add(Number(part.trim()));
    }
    preds.push((r) => values.has(r[field] as number));
  } else {
    const want = raw.toLowerCase();
    preds.push((r) => String(r[field] ?? "").toLowerCase() === want);
  }
};

const techniciansOfJob = (store: Store, technicianId: number): Set<number> => {
  const jobs = new Set<number>();
  for (const a of store.all(K.assignments)) if (a.technicianId === technicianId && a.active !== false) jobs.add(a.jobId as number);
  return jobs;
};

const listJobs = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query, ["id", "createdOn", "modifiedOn", "priority"]);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { active: false, name: false }, errors);
  eq(ctx.query, "number", "jobNumber", preds, errors, false);
  eq(ctx.query, "jobStatus", "jobStatus", preds, errors, false);
  eq(ctx.query, "priority", "priority", preds, errors, false);
  for (const f of ["projectId", "bookingId", "customerId", "locationId", "soldById", "jobTypeId", "campaignId", "businessUnitId", "invoiceId"]) {
    eq(ctx.query, f, f, preds, errors);
  }
  const completedOnOrAfter = parseDateParam(ctx.query, "completedOnOrAfter", errors);
  if (completedOnOrAfter) preds.push((r) => !!r.completedOn && String(r.completedOn) >= completedOnOrAfter);
  const completedBefore = parseDateParam(ctx.query, "completedBefore", errors);
  if (completedBefore) preds.push((r) => !!r.completedOn && String(r.completedOn) < completedBefore);
  const tech = param(ctx.query, "technicianId");
  if (tech && /^\d+$/.test(tech)) {
    const jobs = techniciansOfJob(ctx.env.store, Number(tech));
    preds.push((r) => jobs.has(r.id));
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return { status: 200, body: listCollection(ctx.env.store.collection(K.jobs), lq, preds, jobView) };
};

const listAppointments = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query, ["id", "createdOn", "modifiedOn", "start"]);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { name: false }, errors);
  eq(ctx.query, "jobId", "jobId", preds, errors);
  eq(ctx.query, "customerId", "customerId", preds, errors);
  eq(ctx.query, "number", "appointmentNumber", preds, errors, false);
  eq(ctx.query, "status", "status", preds, errors, false);
  const unused = param(ctx.query, "unused");
  if (unused) preds.push((r) => String(r.unused) === unused.toLowerCase());
  const startsOnOrAfter = parseDateParam(ctx.query, "startsOnOrAfter", errors);
  if (startsOnOrAfter) preds.push((r) => String(r.start) >= startsOnOrAfter);
  const startsBefore = parseDateParam(ctx.query, "startsBefore", errors);
  if (startsBefore) preds.push((r) => String(r.start) < startsBefore);
  const tech = param(ctx.query, "technicianId");
  if (tech && /^\d+$/.test(tech)) {
    const appts = new Set(ctx.env.store.all(K.assignments).filter((a) => a.technicianId === Number(tech) && a.active !== false).map((a) => a.appointmentId));
    preds.push((r) => appts.has(r.id));
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return { status: 200, body: listCollection(ctx.env.store.collection(K.appointments), lq, preds, appointmentView) };
};

const setJobStatus = (store: Store, job: Rec, jobStatus: string, from: string, to: string): void => {
  store.update(K.jobs, job.id, { jobStatus });
  for (const a of appointmentsOf(store, job.id)) if (a.status === from) store.update(K.appointments, a.id, { status: to });
};

const cancelJob = (ctx: HandlerContext) => {
  const store = ctx.env.store;
  const job = mustGet(store, K.jobs, idParam(ctx), "Job");
  const b = bodyOf(ctx);
  mustReference(store, K.jobCancelReasons, b.reasonId, "Job cancel reason", "reasonId");
  if (job.jobStatus === "Completed") throw badRequest({ id: [`Job ${job.id} is completed and cannot be canceled.`] });
  if (job.jobStatus !== "Canceled") {
    setJobStatus(store, job, "Canceled", "Scheduled", "Canceled");
    store.insert(K.jobCanceledLogs, { jobId: job.id, reasonId: b.reasonId, memo: b.memo ?? "", createdById: 0 }, { parent: String(job.id) });
  }
  return { status: 200 };
};

const appointmentStatus = (status: string, extra: Body = {}) => (ctx: HandlerContext) => {
  const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
  if (appt.status === "Canceled" || appt.status === "Done") throw conflict(`Appointment ${appt.id} is ${String(appt.status)}.`, "id");
  ctx.env.store.update(K.appointments, appt.id, { status, ...extra });
  return { status: 200 };
};

export const jpmRoutes = (): RouteDef[] => [
  route("jpm", "POST", "/jobs", (ctx) => ({ status: 200, body: jobView(createJob(ctx.env.store, bodyOf(ctx) as NewJob)) }), { kind: "create", body: createJobSchema }),
  route("jpm", "GET", "/jobs", listJobs, { kind: "list" }),
  route("jpm", "GET", "/jobs/{id}", (ctx) => ({ status: 200, body: jobView(mustGet(ctx.env.store, K.jobs, idParam(ctx), "Job")) }), { kind: "get" }),
  route("jpm", "PATCH", "/jobs/{id}", (ctx) => {
    const job = mustGet(ctx.env.store, K.jobs, idParam(ctx), "Job");
    const b = bodyOf(ctx);
    const protectedFields = new Set(["id", "jobNumber", "createdOn", "modifiedOn", "appointmentCount", "firstAppointmentId", "lastAppointmentId", "invoiceId", "jobStatus"]);
    const patch = Object.fromEntries(Object.entries(b).filter(([k]) => !protectedFields.has(k)));
    return { status: 200, body: jobView(ctx.env.store.update(K.jobs, job.id, patch)!) };
  }, { kind: "update", body: S.obj({}) }),
  route("jpm", "PUT", "/jobs/{id}/cancel", cancelJob, { body: S.obj({ reasonId: S.int(), memo: S.str() }, ["reasonId", "memo"]) }),
  route("jpm", "PUT", "/jobs/{id}/remove-cancellation", (ctx) => {
    const job = mustGet(ctx.env.store, K.jobs, idParam(ctx), "Job");
    if (job.jobStatus !== "Canceled") throw badRequest({ id: [`Job ${job.id} is not canceled.`] });
    setJobStatus(ctx.env.store, job, "Scheduled", "Canceled", "Scheduled");
    return { status: 200 };
  }),
  route("jpm", "GET", "/jobs/cancel-reasons", (ctx) => {
    const lq = parseListQuery(ctx.query);
    const errors: FieldErrors = {};
    const preds = commonFilters(ctx.query, { name: false }, errors);
    if (Object.keys(errors).length) throw badRequest(errors);
    return { status: 200, body: listCollection(ctx.env.store.collection(K.jobCancelReasons), lq, preds, (r) => pick(r, ["id", "name", "active"])) };
  }, { kind: "list" }),
  route("jpm", "POST", "/appointments", (ctx) => {
    const b = bodyOf(ctx);
    const job = ctx.env.store.get(K.jobs, Number(b.jobId));
    if (!job) throw badRequest({ jobId: [`Job with ID ${String(b.jobId)} does not exist.`] });
    if (job.jobStatus === "Canceled" || job.jobStatus === "Completed") throw conflict(`Job ${job.id} is ${String(job.jobStatus)}.`, "jobId");
    return { status: 200, body: appointmentView(addAppointment(ctx.env.store, job, b as unknown as NewAppointment)) };
  }, { kind: "create", body: S.obj({ ...appointmentSchema.properties, jobId: S.int(), specialInstructions: S.str({ nullable: true }) }, ["jobId", "start", "end"]) }),
  route("jpm", "GET", "/appointments", listAppointments, { kind: "list" }),
  route("jpm", "GET", "/appointments/{id}", (ctx) => ({ status: 200, body: appointmentView(mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment")) }), { kind: "get" }),
  route("jpm", "DELETE", "/appointments/{id}", (ctx) => {
    const store = ctx.env.store;
    const appt = mustGet(store, K.appointments, idParam(ctx), "Appointment");
    for (const a of store.all(K.assignments)) {
      if (a.appointmentId === appt.id && a.active !== false) store.update(K.assignments, a.id, { active: false });
    }
    store.remove(K.appointments, appt.id);
    refreshJobCounters(store, appt.jobId as number);
    return { status: 200 };
  }, { kind: "delete" }),
  route("jpm", "PATCH", "/appointments/{id}/reschedule", (ctx) => {
    const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
    const b = bodyOf(ctx);
    const patch = pick({ ...appt, ...b }, ["start", "end", "arrivalWindowStart", "arrivalWindowEnd"]);
    return { status: 200, body: appointmentView(ctx.env.store.update(K.appointments, appt.id, patch)!) };
  }, { body: S.obj({ start: S.dt({ nullable: true }), end: S.dt({ nullable: true }) }) }),
  route("jpm", "PUT", "/appointments/{id}/hold", appointmentStatus("Hold"), { body: S.obj({}), bodyRequired: false }),
  route("jpm", "DELETE", "/appointments/{id}/hold", (ctx) => {
    const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
    if (appt.status !== "Hold") throw conflict(`Appointment ${appt.id} is not on hold.`, "id");
    ctx.env.store.update(K.appointments, appt.id, { status: "Scheduled" });
    return { status: 200 };
  }),
  route("jpm", "PUT", "/appointments/{id}/confirmation", (ctx) => {
    const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
    ctx.env.store.update(K.appointments, appt.id, { isConfirmed: true });
    return { status: 200 };
  }),
  route("jpm", "DELETE", "/appointments/{id}/confirmation", (ctx) => {
    const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
    ctx.env.store.update(K.appointments, appt.id, { isConfirmed: false });
    return { status: 200 };
  }),
  route("jpm", "PUT", "/appointments/{id}/special-instructions", (ctx) => {
    const appt = mustGet(ctx.env.store, K.appointments, idParam(ctx), "Appointment");
    const b = bodyOf(ctx);
    return { status: 200, body: appointmentView(ctx.env.store.update(K.appointments, appt.id, { specialInstructions: b.specialInstructions ?? null })!) };
  }, { body: S.obj({ specialInstructions: S.str({ nullable: true }) }) }),
  fallback("jpm", "GET", "/export/jobs", "export", K.jobs),
  fallback("jpm", "GET", "/export/appointments", "export", K.appointments),
  fallback("jpm", "GET", "/export/job-canceled-logs", "export", K.jobCanceledLogs),
  fallback("jpm", "GET", "/jobs/{id}/canceled-log", "list", K.jobCanceledLogs),
  fallback("jpm", "GET", "/job-types", "list"),
  fallback("jpm", "GET", "/job-types/{id}", "get"),
  fallback("jpm", "POST", "/job-types", "create"),
  fallback("jpm", "PATCH", "/job-types/{id}", "update"),
  fallback("jpm", "GET", "/job-cancel-reasons", "list"),
];
