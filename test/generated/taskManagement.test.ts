/**
 * Task Management came into the catalog as one registry entry (src/operations/modules.ts) plus one
 * curated file (src/operations/curated/taskmanagement.ts): its actions run through Spectral's adapter
 * (so every `clean` runs) against the sandbox, which routes the module generically, with inputs typed
 * as a builder types them in the designer.
 */
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { builtActions } from "../../src/actions";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { sandboxConnection } from "../../scripts/lib/connection";

type Result = { data?: any };
let sb: Sandbox;
let connection: Connection;
const harness = createHarness(component);
const run = async (key: string, params: Record<string, unknown>): Promise<Result> =>
  (await harness.action(key, { connection, debugRequest: "false", ...params })) as Result;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  connection = await sandboxConnection(sb);
});
afterAll(() => sb.close());

describe("Task Management: a module added by registry entry and curated file", () => {
  it("has an action for each of its five operations, under the curated keys and labels", () => {
    const mine = builtActions().filter((b) => b.op.module === "taskmanagement").map((b) => `${b.key}: ${b.definition.display.label}`);
    expect(mine.sort()).toEqual(
      ["getTaskReferenceData: Get Task Reference Data", "listTasks: List Tasks", "createTask: Create Task", "getTask: Get Task", "createTaskSubtask: Create Subtask"].sort(),
    );
  });

  it("creates a task, reads it back, finds it in the list and adds a subtask", async () => {
    const created = await run("createTask", {
      name: "Call back about water heater quote",
      reportedById: "1001",
      assignedToId: "1002",
      isClosed: "false",
      businessUnitId: "1003",
      employeeTaskTypeId: "1004",
      employeeTaskSourceId: "1005",
      reportedDate: "2026-01-15T09:30:00Z",
      priority: "High",
    });
    const sent = sb.requests.filter((r) => r.method === "POST" && r.path.startsWith("/taskmanagement/v2/tenant/"));
    expect(JSON.parse(sent.at(-1)?.body ?? "{}")).toMatchObject({ name: "Call back about water heater quote", reportedById: 1001, isClosed: false, priority: "High" });
    const id = String(created.data.id);
    expect(id).toMatch(/^\d+$/);

    const read = await run("getTask", { taskId: id });
    expect(read.data).toMatchObject({ id: Number(id), name: "Call back about water heater quote" });

    const listed = await run("listTasks", { priorities: "High,Urgent", pageSize: "50" });
    expect(listed.data).toMatchObject({ page: 1, data: expect.any(Array) });
    const query = sb.requests.filter((r) => r.method === "GET" && r.path.endsWith("/tasks")).at(-1)?.query;
    expect(query).toMatchObject({ priorities: "High,Urgent" });

    await run("createTaskSubtask", { taskId: id, name: "Email the tankless quote", assignedToId: "1002", isClosed: "false" });
    const subtask = sb.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/tasks/${id}/subtasks`));
    expect(subtask).toHaveLength(1);
  });

  it("refuses a priority ServiceTitan does not have before sending", async () => {
    const before = sb.requests.length;
    await expect(
      run("createTask", {
        name: "x",
        reportedById: "1",
        assignedToId: "1",
        isClosed: "false",
        businessUnitId: "1",
        employeeTaskTypeId: "1",
        employeeTaskSourceId: "1",
        reportedDate: "2026-01-15",
        priority: "Whenever",
      }),
    ).rejects.toThrow(/Priority/);
    expect(sb.requests.length).toBe(before);
  });
});
