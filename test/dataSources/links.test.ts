/**
 * Data source keys and input links stay in sync: keys.ts lists exactly the shipped data sources,
 * links.ts names only shipped data sources, and every action/trigger input named in links.ts carries
 * its dropdown. ID inputs without a dropdown are listed for review; one whose name plainly matches a
 * shipped data source (e.g. `…BusinessUnitId`) is a failure.
 */
import component from "../../src/index";
import { builtActions, workflowActions } from "../../src/actions";
import { dataSources } from "../../src/dataSources";
import { DATA_SOURCE_KEYS } from "../../src/dataSources/keys";
import { DATA_SOURCE_FOR_INPUT, dataSourceFor, SCOPED_DATA_SOURCES, whereOf } from "../../src/inputs/links";

interface InputLike {
  dataSource?: string;
}

const shipped = new Set(Object.keys(dataSources));

it("keys.ts lists exactly the shipped data sources, and the component carries them", () => {
  expect([...DATA_SOURCE_KEYS].sort()).toEqual([...shipped].sort());
  expect(Object.keys(component.dataSources ?? {}).sort()).toEqual([...shipped].sort());
});

it("links.ts names only shipped data sources", () => {
  const named = [...Object.values(DATA_SOURCE_FOR_INPUT), ...Object.values(SCOPED_DATA_SOURCES).flatMap((rules) => rules.map((r) => r.dataSource))];
  expect(named.filter((k) => !shipped.has(k))).toEqual([]);
  // left out on purpose (see links.ts): no operation lists Scheduling Pro routers
  expect(named).not.toContain("selectRouter");
});

it("scoped keys link only where their rule matches", () => {
  const cancel = { module: "jpm", method: "PUT", path: "/jobs/{id}/cancel" };
  const hold = { module: "jpm", method: "PUT", path: "/appointments/{id}/hold" };
  expect(dataSourceFor("reasonId", DATA_SOURCE_KEYS, cancel)).toBe("selectJobCancelReason");
  expect(dataSourceFor("reasonId", DATA_SOURCE_KEYS, hold)).toBe("selectJobHoldReason");
  expect(dataSourceFor("reasonId", DATA_SOURCE_KEYS)).toBeUndefined();
  expect(dataSourceFor("contactId", DATA_SOURCE_KEYS, { module: "crm", method: "PATCH", path: "/customers/{id}/contacts/{contactId}" })).toBe("selectCustomerContact");
  expect(dataSourceFor("contactId", DATA_SOURCE_KEYS, { module: "crm", method: "PATCH", path: "/locations/{id}/contacts/{contactId}" })).toBe("selectLocationContact");
  expect(dataSourceFor("contactId", DATA_SOURCE_KEYS, { module: "crm", method: "GET", path: "/contacts/{id}" })).toBe("selectContact");
  // a provider booking's contact has no dropdown (its list needs the provider and the booking)
  expect(dataSourceFor("contactId", DATA_SOURCE_KEYS, { module: "crm", method: "PATCH", path: "/booking-provider/{booking_provider}/bookings/{id}/contacts/{contactId}" })).toBeUndefined();
  expect(dataSourceFor("taskId", DATA_SOURCE_KEYS, { module: "accounting", method: "PATCH", path: "/invoices/{invoiceId}/tasks/{taskId}" })).toBeUndefined();
  expect(dataSourceFor("taskId", DATA_SOURCE_KEYS, { module: "taskmanagement", method: "GET", path: "/tasks/{id}" })).toBe("selectTask");
  expect(dataSourceFor("customerId", new Set())).toBeUndefined();
});

describe("every action input", () => {
  const rows: Array<{ owner: string; where?: string; key: string; input: InputLike }> = [];
  for (const built of builtActions()) {
    for (const [key, input] of Object.entries(built.definition.inputs as Record<string, InputLike>)) {
      rows.push({ owner: built.key, where: whereOf(built.op), key, input });
    }
  }
  for (const [name, action] of Object.entries(workflowActions)) {
    for (const [key, input] of Object.entries(action.inputs as Record<string, InputLike>)) rows.push({ owner: name, key, input });
  }
  for (const [name, trigger] of Object.entries(component.triggers ?? {})) {
    for (const input of (trigger as { inputs?: Array<InputLike & { key: string }> }).inputs ?? []) rows.push({ owner: `trigger ${name}`, key: input.key, input });
  }

  it("named in links.ts carries its data source", () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const want = DATA_SOURCE_FOR_INPUT[row.key] ?? (row.where ? SCOPED_DATA_SOURCES[row.key]?.find((r) => r.where.test(row.where as string))?.dataSource : undefined);
      if (want && row.input.dataSource !== want) wrong.push(`${row.owner}.${row.key}: ${row.input.dataSource ?? "none"} (expected ${want})`);
      if (row.input.dataSource && !shipped.has(row.input.dataSource)) wrong.push(`${row.owner}.${row.key}: links to unknown ${row.input.dataSource}`);
    }
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.input.dataSource).length).toBeGreaterThan(150);
  });

  it("soldById (an employee or a technician) has the technicians-and-employees dropdown, not a technician-only one", () => {
    const sold = rows.filter((r) => r.key === "soldById");
    expect(sold.length).toBeGreaterThan(0);
    expect(sold.filter((r) => r.input.dataSource !== "selectTechnicianOrEmployee").map((r) => `${r.owner}.${r.key}: ${r.input.dataSource}`)).toEqual([]);
  });

  it("ending in Id/Ids without a dropdown: listed for review, failing only when a shipped data source plainly fits", () => {
    // "businessUnitIds" → "businessunit"; "selectBusinessUnit" → "businessunit"
    const nounOfInput = (key: string) => key.replace(/Ids?$/, "").toLowerCase();
    const nounOfSource = (key: string) => key.replace(/^select/, "").replace(/s$/, "").toLowerCase();
    const sourceNouns = new Map([...shipped].map((k) => [nounOfSource(k), k]));

    const unlinked = rows.filter((r) => /Ids?$/.test(r.key) && !r.input.dataSource);
    const clearlyMissing = unlinked
      // a qualified name ("nonJobAppointmentId", "inventoryLocationId") is another kind of record: listed, not failed
      .filter((r) => sourceNouns.has(nounOfInput(r.key)) && !SCOPED_DATA_SOURCES[r.key])
      .map((r) => `${r.owner}.${r.key}`);
    expect(clearlyMissing).toEqual([]);

    const byKey = new Map<string, string[]>();
    for (const r of unlinked) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.owner]);
    const report = [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, owners]) => `  ${key} (${owners.length}): ${owners.slice(0, 3).join(", ")}${owners.length > 3 ? ", …" : ""}`);
    console.log(`ID inputs without a dropdown (no list operation, or not a covered picklist):\n${report.join("\n")}`);
    expect(unlinked.length).toBeGreaterThan(0);
  });
});
