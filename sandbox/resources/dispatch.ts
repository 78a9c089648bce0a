/** Dispatch: appointment assignments (assign / unassign technicians, list, export) and capacity's period limit. */
import { commonFilters, listCollection, parseIdsParam, parseListQuery } from "../paging";
import { badRequest, conflict, type FieldErrors } from "../problem";
import { genericHandler } from "../generic";
import type { Handler, HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import { bodyOf, type Body, fallback, mustGet, pick, route, S } from "./common";

const ASSIGNMENT_FIELDS = [
  "id", "technicianId", "technicianName", "assignedById", "assignedOn", "status", "isPaused", "jobId", "appointmentId",
  "createdOn", "modifiedOn", "active",
];
const DISPATCH_APPOINTMENT_FIELDS = [
  "id", "jobId", "appointmentNumber", "start", "end", "arrivalWindowStart", "arrivalWindowEnd", "status",
  "specialInstructions", "createdOn", "modifiedOn",
];
export const assignmentView = (r: Rec): Body => pick(r, ASSIGNMENT_FIELDS);

/** Assigns technicians to an appointment (already-assigned ones are skipped). Returns new assignments. */
export const assignTechnicians = (store: Store, appointment: Rec, technicianIds: number[], at?: { createdOn?: string }): Rec[] => {
  const techs = store.has(K.technicians) && store.collection(K.technicians).size > 0;
  const missing = techs ? technicianIds.filter((id) => !store.get(K.technicians, id)) : [];
  if (missing.length) throw badRequest({ technicianIds: [`Technician(s) ${missing.join(", ")} do not exist.`] });
  const current = new Set(
    store.all(K.assignments).filter((a) => a.appointmentId === appointment.id && a.active !== false).map((a) => a.technicianId),
  );
  const created: Rec[] = [];
  for (const technicianId of technicianIds) {
    if (current.has(technicianId)) continue;
    current.add(technicianId);
    const tech = store.get(K.technicians, technicianId);
    created.push(
      store.insert(
        K.assignments,
        {
          technicianId,
          technicianName: tech?.name ?? `Technician ${technicianId}`,
          assignedById: 0,
          assignedOn: at?.createdOn ?? store.now(),
          status: "Scheduled",
          isPaused: false,
          jobId: appointment.jobId,
          appointmentId: appointment.id,
        },
        at,
      ),
    );
  }
  return created;
};

const assignSchema = S.obj({ jobAppointmentId: S.int(), technicianIds: S.arr(S.int()) }, ["jobAppointmentId", "technicianIds"]);

const assign = (unassign: boolean) => (ctx: HandlerContext) => {
  const store = ctx.env.store;
  const b = bodyOf(ctx);
  const appt = mustGet(store, K.appointments, Number(b.jobAppointmentId), "Appointment", "jobAppointmentId");
  const ids = (Array.isArray(b.technicianIds) ? b.technicianIds : []) as number[];
  if (unassign) {
    for (const a of store.all(K.assignments)) {
      if (a.appointmentId === appt.id && a.active !== false && ids.includes(a.technicianId as number)) {
        store.update(K.assignments, a.id, { active: false });
      }
    }
  } else {
    if (appt.status === "Canceled" || appt.status === "Done") {
      throw conflict(`Appointment ${appt.id} is ${String(appt.status)}; technicians cannot be assigned.`, "jobAppointmentId");
    }
    assignTechnicians(store, appt, ids);
  }
  return { status: 200, body: pick(store.get(K.appointments, appt.id)!, DISPATCH_APPOINTMENT_FIELDS) };
};

const listAssignments = (ctx: HandlerContext) => {
  const lq = parseListQuery(ctx.query);
  const errors: FieldErrors = {};
  const preds = commonFilters(ctx.query, { name: false }, errors);
  const appointmentIds = parseIdsParam(ctx.query, "appointmentIds", errors);
  if (appointmentIds) preds.push((r) => appointmentIds.has(r.appointmentId as number));
  const jobId = parseIdsParam(ctx.query, "jobId", errors);
  if (jobId) preds.push((r) => jobId.has(r.jobId as number));
  if (Object.keys(errors).length) throw badRequest(errors);
  return { status: 200, body: listCollection(ctx.env.store.collection(K.assignments), lq, preds, assignmentView) };
};

/**
 * ServiceTitan computes capacity for a period of at most this many days (user-needs §19). Written here,
 * not imported from the component's curated words: the sandbox stands for ServiceTitan and judges the
 * component's own check independently.
 */
export const CAPACITY_MAX_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * POST /capacity: a period longer than CAPACITY_MAX_DAYS, or one that ends before it starts, is refused
 * (400, naming endsOnOrBefore), as ServiceTitan does; otherwise the generic answer from the operation's
 * documented example.
 */
const capacity: Handler = (ctx) => {
  const b = bodyOf(ctx);
  const start = Date.parse(String(b.startsOnOrAfter ?? ""));
  const end = Date.parse(String(b.endsOnOrBefore ?? ""));
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end < start) throw badRequest({ endsOnOrBefore: ["The end of the period must not be before its start."] });
    if (end - start > CAPACITY_MAX_DAYS * DAY_MS) throw badRequest({ endsOnOrBefore: [`Capacity can be calculated for at most ${CAPACITY_MAX_DAYS} days.`] });
  }
  const descriptor = ctx.route.descriptor;
  return genericHandler({ module: "dispatch", method: "POST", path: "/capacity", kind: descriptor?.kind ?? "action", descriptor })(ctx);
};

export const dispatchRoutes = (): RouteDef[] => [
  route("dispatch", "POST", "/capacity", capacity),
  route("dispatch", "POST", "/appointment-assignments/assign-technicians", assign(false), { body: assignSchema }),
  route("dispatch", "POST", "/appointment-assignments/unassign-technicians", assign(true), { body: assignSchema }),
  route("dispatch", "GET", "/appointment-assignments", listAssignments, { kind: "list" }),
  fallback("dispatch", "GET", "/export/appointment-assignments", "export", K.assignments),
];
