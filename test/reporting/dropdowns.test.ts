/**
 * Reporting's dropdowns against the sandbox: the report categories, and the reports of the category
 * chosen (its own required input, filled from the category dropdown); an unknown category fails as
 * ServiceTitan answers it, naming nothing secret.
 */
import { reportingData } from "../../sandbox/resources/reporting";
import { dataSources } from "../../src/dataSources";
import { runDataSource, apiRequests } from "../dataSources/support";
import { useSandbox } from "../support/harness";

const t = useSandbox();
beforeEach(() => t.sb.clearRequests());

test("Report Category lists every category by name with its text ID, in one request", async () => {
  const items = await runDataSource("selectReportCategory", { connection: t.connection });
  expect(items).toEqual(
    [...reportingData(t.sb.store).categories]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({ key: c.id, label: `${c.name} (ID: ${c.id})` })),
  );
  expect(items.map((i) => i.key)).toEqual(["accounting", "marketing", "operations", "technician"]);
  expect(apiRequests(t.sb)).toHaveLength(1);
});

test("Report lists the reports of the category chosen, and only those", async () => {
  const items = await runDataSource("selectReport", { connection: t.connection, reportCategory: "operations" });
  expect(items).toEqual([
    { key: "2002", label: "Dispatch Board Snapshot (ID: 2002)" },
    { key: "2001", label: "Jobs Completed by Business Unit (ID: 2001)" },
  ]);
  const technician = await runDataSource("selectReport", { connection: t.connection, reportCategory: "technician" });
  expect(technician.map((i) => i.key)).toEqual(["3001"]);
  expect(apiRequests(t.sb).map((r) => r.path.replace(/^.*\/tenant\/[^/]+/, ""))).toEqual([
    "/report-category/operations/reports",
    "/report-category/technician/reports",
  ]);
});

test("Report's category input: required and filled from the category dropdown; an unknown category fails as ServiceTitan answers", async () => {
  const input = (dataSources.selectReport as unknown as { inputs: Record<string, { dataSource?: string; required?: boolean }> }).inputs.reportCategory;
  expect(input).toMatchObject({ dataSource: "selectReportCategory", required: true });
  await expect(runDataSource("selectReport", { connection: t.connection })).rejects.toThrow(/Report Category/);
  expect(apiRequests(t.sb)).toHaveLength(0);
  await expect(runDataSource("selectReport", { connection: t.connection, reportCategory: "payroll" })).rejects.toThrow(/404/);
});
