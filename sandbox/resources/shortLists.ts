/**
 * Lists served in one answer, not as the standard page: Task Management's /data (the tenant's task
 * types, sources, resolutions and the employees tasks can name) and the budget-code segments of Job
 * Planning (`data` without `hasMore`).
 *
 * Their records live in store collections (TASK_LISTS, SEGMENTS); a collection a test or seed never
 * created answers with a small fixed set, so a fresh sandbox shows realistic names without shifting the
 * ids of the seeded records.
 */
import { parseListQuery, listCollection } from "../paging";
import type { HandlerContext, RouteDef } from "../router";
import { K, type Rec, type Store } from "../store";
import { route } from "./common";

export const TASK_LISTS = {
  taskTypes: "taskmanagement:/data/task-types",
  taskSources: "taskmanagement:/data/task-sources",
  taskResolutions: "taskmanagement:/data/task-resolutions",
} as const;

export const SEGMENTS = "jpm:/work-breakdown-structure/segments";

const DEFAULTS: Record<string, Array<Record<string, unknown>>> = {
  [TASK_LISTS.taskTypes]: [
    { id: 55467997, name: "Billing", active: true, excludedTaskResolutionIds: [] },
    { id: 55467998, name: "Customer complaint", active: true, excludedTaskResolutionIds: [] },
    { id: 55467999, name: "Follow-up call", active: true, excludedTaskResolutionIds: [] },
  ],
  [TASK_LISTS.taskSources]: [
    { id: 66019960, name: "Phone call", active: true },
    { id: 66019961, name: "Technician", active: true },
    { id: 66019962, name: "Online review", active: true },
  ],
  [TASK_LISTS.taskResolutions]: [
    { id: 48611092, name: "Resolved by phone", type: "Custom", active: true, excludedTaskTypeIds: [] },
    { id: 48611093, name: "Refund issued", type: "Custom", active: true, excludedTaskTypeIds: [] },
  ],
  [SEGMENTS]: [
    { id: 49660179, name: "Residential", type: "None", structure: "None", isActive: true, isRequired: true },
    { id: 49660180, name: "Commercial", type: "None", structure: "None", isActive: true, isRequired: false },
  ],
};

const recordsOf = (store: Store, key: string): Array<Record<string, unknown>> => (store.has(key) ? store.all(key) : DEFAULTS[key] ?? []);

const clientSideData = (ctx: HandlerContext) => {
  const { store } = ctx.env;
  const employees = store.has(K.employees) ? store.all(K.employees).map((e: Rec) => ({ id: e.id, name: e.name, active: e.active !== false })) : [];
  const businessUnits = store.has(K.businessUnits) ? store.all(K.businessUnits).map((b: Rec) => ({ name: b.name, value: b.id })) : [];
  return {
    status: 200,
    body: {
      employees,
      businessUnits,
      taskPriorities: ["Low", "Normal", "High", "Urgent"].map((name) => ({ name })),
      taskResolutionTypes: ["Custom", "Refund"].map((name) => ({ name })),
      taskStatuses: ["ToDo", "InProgress", "Done"].map((name) => ({ name })),
      taskTypes: recordsOf(store, TASK_LISTS.taskTypes),
      taskSources: recordsOf(store, TASK_LISTS.taskSources),
      taskResolutions: recordsOf(store, TASK_LISTS.taskResolutions),
    },
  };
};

const segments = (ctx: HandlerContext) => {
  const { store } = ctx.env;
  if (!store.has(SEGMENTS)) return { status: 200, body: { data: DEFAULTS[SEGMENTS] } };
  const page = listCollection(store.collection(SEGMENTS), parseListQuery(ctx.query), []) as { data: unknown[] };
  return { status: 200, body: { data: page.data } };
};

export const shortListRoutes = (): RouteDef[] => [
  route("taskmanagement", "GET", "/data", clientSideData, { kind: "get" }),
  route("jpm", "GET", "/work-breakdown-structure/segments", segments, { kind: "get" }),
];
