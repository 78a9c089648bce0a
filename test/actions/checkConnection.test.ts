/**
 * Check Connection (issue 15 item 11) against the sandbox: one cheap read per module, and a report that
 * names, module by module, what works and which OAuth scopes the app lacks — the sandbox refuses an
 * operation whose scope it was not granted with ServiceTitan's 403 "Scope validation failed".
 */
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { fieldProblems, type ModuleCheck, probeFor } from "../../src/actions/checkConnection";
import { MODULE_LABELS } from "../../src/operations/naming";
import type { ModuleKey } from "../../src/operations/types";
import { useSandbox } from "../support/harness";
import type { Sandbox } from "../../sandbox/server";

interface Report {
  ok: boolean;
  summary: string;
  problems: string[];
  missingScopes: string[];
  modules: ModuleCheck[];
}

const harness = createHarness(component);
const MODULES = Object.keys(MODULE_LABELS) as ModuleKey[];
let sb: Sandbox;
let connection: Connection;

const world = useSandbox();
beforeAll(() => {
  ({ sb, connection } = world);
});
beforeEach(() => sb.clearRequests());

const check = async (conn: Connection = connection): Promise<Report> => (await harness.action("checkConnection", { connection: conn }))?.data as Report;
const apiRequests = () => sb.requests.filter((r) => !r.path.includes("/connect/token"));

test("every module has a list to read, with no ID to fill in", () => {
  for (const module of MODULES) expect({ module, path: probeFor(module)?.path }).toEqual({ module, path: expect.stringMatching(/^\/[a-z-]+$/) });
});

test("with every scope granted, every module works; one read of one record per module", async () => {
  const report = await check();
  expect(report.modules.map((m) => [m.module, m.status])).toEqual(MODULES.map((m) => [m, "works"]));
  expect(report).toMatchObject({ ok: true, missingScopes: [], problems: [] });
  expect(report.summary).toBe(`${MODULES.length} of ${MODULES.length} modules work.`);
  const reads = apiRequests();
  expect(reads).toHaveLength(MODULES.length);
  // A list is read one record at a time; a module without such a list (Marketing Ads) through a GET without inputs.
  for (const r of reads)
    expect(r).toMatchObject({ method: "GET", query: /capacity-warnings/.test(r.path) ? {} : expect.objectContaining({ pageSize: "1" }), status: 200 });
  expect(reads.filter((r) => !("pageSize" in (r.query ?? {}))).map((r) => r.path)).toEqual([expect.stringMatching(/\/marketingads\/v2\/tenant\/\d+\/capacity-warnings$/)]);
});

test("a scope the app lacks is reported by module, and the other modules still work", async () => {
  const jobs = probeFor("jpm")?.scope as string;
  const invoices = probeFor("accounting")?.scope as string;
  expect([jobs, invoices]).toEqual(["tn.jpm.jobs:r", "tn.acc.invoices:r"]);
  sb.grantedScopes?.delete(jobs);
  sb.grantedScopes?.delete(invoices);
  try {
    const report = await check();
    const byModule = Object.fromEntries(report.modules.map((m) => [m.module, m]));
    expect(byModule.jpm).toMatchObject({ status: "missingScope", scope: jobs, message: expect.stringContaining(jobs) });
    expect(byModule.accounting).toMatchObject({ status: "missingScope", scope: invoices });
    expect(report.modules.filter((m) => m.status === "works")).toHaveLength(MODULES.length - 2);
    expect(report.missingScopes).toEqual([jobs, invoices]);
    expect(report.ok).toBe(false);
    expect(report.summary).toBe(`${MODULES.length - 2} of ${MODULES.length} modules work. Missing scopes: ${jobs} (Job Planning), ${invoices} (Accounting).`);
    expect(apiRequests().filter((r) => r.status === 403)).toHaveLength(2);
  } finally {
    sb.grantedScopes?.add(jobs);
    sb.grantedScopes?.add(invoices);
  }
});

test("a refused Application Key is reported once, and no further module is tried", async () => {
  const wrongKey = { ...connection, fields: { ...connection.fields, applicationKey: "ak1.not-the-apps-key" } };
  const report = await check(wrongKey);
  expect(report.modules[0]).toMatchObject({ status: "failed", message: expect.stringMatching(/401/) });
  expect(report.modules.slice(1).every((m) => m.status === "notChecked")).toBe(true);
  expect(report.problems).toEqual([expect.stringMatching(/^Credentials: .*Application Key/)]);
  expect(report.ok).toBe(false);
  expect(apiRequests()).toHaveLength(1);
  expect(JSON.stringify(report)).not.toContain("ak1.not-the-apps-key");
});

test("credential fields that cannot be right are named without a request", () => {
  expect(fieldProblems({ tenant: "10978752986", applicationKey: "ak1.abc" })).toEqual([]);
  expect(fieldProblems({ tenant: "acme", applicationKey: "cs1.secret-pasted-here" })).toEqual([
    expect.stringMatching(/^Tenant ID: expected the tenant's numeric ID/),
    expect.stringMatching(/^Application Key: .*start with "ak1\."/),
  ]);
  expect(fieldProblems({ tenant: "1", applicationKey: "cs1.secret-pasted-here" }).join(" ")).not.toContain("cs1.secret");
});
