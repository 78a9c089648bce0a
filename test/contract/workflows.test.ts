/**
 * Contract test over the hand-written workflows (issue 17 item 7): each one runs through the component
 * (Spectral's harness, so inputs are cleaned as on the platform) against a local capture server that
 * answers like ServiceTitan, and every request it sends is matched by METHOD + PATH in the official
 * OpenAPI document and validated there (path params, query params, JSON body, no undeclared query names)
 * with the same validator as the generated actions' contract test.
 *
 * The workflows build their requests with `requestFor` (src/http/requestFor.ts) from the contract; this
 * test checks what reaches the wire, paging parameters included. Leads Integration Platform requests are
 * not tenant API operations of these documents and are not here.
 */
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { workflowActions } from "../../src/actions";
import { areaTriggers } from "../../src/areas";
import { RECORD_TYPE_TABLE } from "../../src/recordChanges/recordTypes";
import type { ModuleKey } from "../../src/operations/types";
import { describeWithDocs } from "../support/openapiDocs";
import { type CannedResponse, type CapturedRequest, type CaptureServer, CAPTURE_TENANT, captureConnection, startCaptureServer } from "../support/captureServer";
import { type InputDefs, synthParams } from "../support/actionInputs";
import { checkRequest, contractApiFor } from "./openapiValidator";

const page = (data: unknown[]): CannedResponse => ({ status: 200, body: { page: 1, pageSize: 50, hasMore: false, data } });

/** The example name of Find or Create Customer, so a "known" customer matches it by name. */
const exampleName = String((workflowActions.findOrCreateCustomer.inputs as unknown as InputDefs).name.example);
const exampleEmail = String((workflowActions.findOrCreateCustomer.inputs as unknown as InputDefs).email.example);

/**
 * Answers like ServiceTitan would, enough for each workflow to go its whole way. `known`: the customer
 * exists (matched by name + email) but has no location at the address, so one is created.
 */
const responder =
  (known: boolean) =>
  (req: CapturedRequest): CannedResponse => {
    const path = req.path.replace(/^\/[^/]+\/v2\/tenant\/[^/]+/, "");
    if (/^\/export\//.test(path)) return { status: 200, body: { hasMore: false, continueFrom: "token-1", data: [] } };
    if (req.method === "POST" && path === "/customers") {
      return { status: 200, body: { id: 900, name: exampleName, locations: [{ id: 901, customerId: 900, name: exampleName, address: {} }] } };
    }
    if (req.method === "POST" && path === "/locations") return { status: 200, body: { id: 902, customerId: 7, name: "Home", address: {} } };
    if (path === "/customers/contacts") return page(known ? [{ id: 1, type: "Email", value: exampleEmail, customerId: 7 }] : []);
    if (path === "/customers") return page(known ? [{ id: 7, name: exampleName, address: { street: "9 Other Rd", city: "Elsewhere", zip: "10001" } }] : []);
    if (path === "/locations") return page([]);
    if (path === "/schedulers") return page([{ id: "sch-abc123", name: "Main" }]);
    if (/^\/schedulers\/[^/]+\/sessions$/.test(path)) {
      return page([{ id: "s1", createdOn: "2026-01-05T10:00:00Z", lastStep: "contact", jobId: null, bookingId: 5, customer: { firstName: "Ann", lastName: "Lee" } }]);
    }
    if (/^\/report-category\/[^/]+\/reports\/\d+$/.test(path)) return { status: 200, body: REPORT_DEFINITION };
    if (/^\/report-category\/[^/]+\/reports\/\d+\/data$/.test(path)) {
      return { status: 200, body: { page: 1, pageSize: 5000, hasMore: false, totalCount: 1, fields: [{ name: "CompletedOn", label: "Completed On" }, { name: "Jobs", label: "Jobs" }], data: [["2026-01-02", 12]] } };
    }
    return { status: 404, body: { title: `capture server: no answer for ${req.method} ${path}` } };
  };

/** A report taking the parameters Run Report's examples give (a From date; To optional). */
const REPORT_DEFINITION = {
  id: 2001,
  name: "Jobs Completed by Day",
  modifiedOn: "2025-11-04T16:20:00Z",
  parameters: [
    { name: "From", label: "From", dataType: "Date", isArray: false, isRequired: true, acceptValues: null },
    { name: "To", label: "To", dataType: "Date", isArray: false, isRequired: false, acceptValues: null },
  ],
  fields: [
    { name: "CompletedOn", label: "Completed On", dataType: "Date" },
    { name: "Jobs", label: "Jobs", dataType: "Number" },
  ],
};

interface Run {
  name: string;
  known?: boolean;
  /** The operations this run must reach (so a run that stops early cannot pass). */
  expects: string[];
  go: (h: ReturnType<typeof createHarness>, params: (key: string, overrides?: Record<string, unknown>) => Record<string, unknown>) => Promise<unknown>;
}

const RUNS: Run[] = [
  {
    name: "Find or Create Customer, nobody matches: the customer is created",
    expects: ["Customers_GetList", "Locations_GetList", "Customers_Create"],
    go: (h, p) => h.action("findOrCreateCustomer", p("findOrCreateCustomer")),
  },
  {
    name: "Find or Create Customer, a customer matches without a location there: the location is created",
    known: true,
    expects: ["Customers_GetList", "Customers_GetModifiedContactsList", "Locations_GetList", "Locations_Create"],
    go: (h, p) => h.action("findOrCreateCustomer", p("findOrCreateCustomer")),
  },
  {
    name: "Validate Location Address with coordinates",
    expects: ["Locations_GetList"],
    go: (h, p) => h.action("validateLocationAddress", p("validateLocationAddress")),
  },
  {
    name: "Validate Location Address without coordinates",
    expects: ["Locations_GetList"],
    go: (h, p) => h.action("validateLocationAddress", p("validateLocationAddress", { latitude: "", longitude: "" })),
  },
  {
    name: "List Scheduler Leads of every scheduler",
    expects: ["Scheduler_Schedulers", "Scheduler_SchedulerSessions"],
    go: (h, p) => h.action("listSchedulerLeads", p("listSchedulerLeads", { schedulerId: "" })),
  },
  {
    name: "Summarize Scheduler Sessions of one scheduler",
    expects: ["Scheduler_Schedulers", "Scheduler_SchedulerSessions"],
    go: (h, p) => h.action("summarizeSchedulerSessions", p("summarizeSchedulerSessions")),
  },
  {
    name: "Run Report, one page",
    expects: ["ReportCategoryReports_Get", "ReportCategoryReports_GetData"],
    go: (h, p) => h.action("runReport", p("runReport")),
  },
  {
    // another report: the same one again would wait a minute for ServiceTitan's per-report limit
    name: "Run Report, Fetch All with a list parameter value",
    expects: ["ReportCategoryReports_Get", "ReportCategoryReports_GetData"],
    go: (h, p) => h.action("runReport", p("runReport", { reportId: "2002", fetchAll: "true", pageSize: "25000", parameters: [{ key: "From", value: "01/05/2026 9:30 AM" }, { key: "To", value: "2026-01-31" }] })),
  },
  ...RECORD_TYPE_TABLE.map(
    (t): Run => ({
      name: `New and Updated Records: ${t.label}`,
      expects: [t.operationId],
      go: (h, p) =>
        h.trigger("recordChanges", undefined, { ...p("recordChanges"), recordType: t.key, startFrom: "beginning" }, {
          instanceState: {},
        } as never),
    }),
  ),
];

describeWithDocs("contract: the hand-written workflows send requests the official documents accept", () => {
  let server: CaptureServer;
  const harness = createHarness(component);

  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("validates every request of every workflow run", async () => {
    const connection = captureConnection(server);
    const defs = (key: string): InputDefs => ((workflowActions[key] ?? areaTriggers[key]).inputs ?? {}) as unknown as InputDefs;
    // Inputs from the definitions' own examples, as a builder would fill them in.
    const params = (key: string, overrides: Record<string, unknown> = {}) => synthParams(defs(key), connection, { optional: true, overrides });
    const failures: string[] = [];
    const reached = new Set<string>();
    let checked = 0;

    for (const run of RUNS) {
      server.clear();
      server.setResponder(responder(run.known === true));
      try {
        await run.go(harness, params);
      } catch (error) {
        failures.push(`${run.name}: the workflow failed: ${(error as Error).message}`);
        continue;
      }
      const matched = new Set<string>();
      for (const req of server.requests) {
        checked += 1;
        const module = /^\/([^/]+)\/v2\/tenant\//.exec(req.path)?.[1] as ModuleKey | undefined;
        const tenantOk = req.path.startsWith(`/${module}/v2/tenant/${CAPTURE_TENANT}/`);
        const check = module ? checkRequest(await contractApiFor(module), req) : { errors: ["not below /<module>/v2/tenant/"] };
        const problems = [...(tenantOk ? [] : ["not below this tenant's base"]), ...check.errors];
        if (check.operation?.operationId) matched.add(check.operation.operationId);
        if (problems.length) {
          failures.push(`${run.name}: ${req.method} ${req.path}${req.rawQuery ? `?${req.rawQuery}` : ""}${req.rawBody ? ` body ${req.rawBody.slice(0, 300)}` : ""}\n    - ${problems.join("\n    - ")}`);
        }
      }
      const missing = run.expects.filter((id) => !matched.has(id));
      if (missing.length) failures.push(`${run.name}: never sent ${missing.join(", ")} (sent: ${[...matched].join(", ") || "nothing"})`);
      for (const id of matched) reached.add(id);
    }
    console.log(`${RUNS.length} workflow runs, ${checked} requests checked, ${reached.size} operations reached`);
    if (failures.length) throw new Error(`${failures.length} problems:\n${failures.join("\n")}`);
    // Every operation a workflow names was reached and checked (the test is not measuring nothing).
    expect([...reached].sort()).toEqual([...new Set(RUNS.flatMap((r) => r.expects))].sort());
    expect(checked).toBeGreaterThanOrEqual(RUNS.length);
  }, 120_000);
});
