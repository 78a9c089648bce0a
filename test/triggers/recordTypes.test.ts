/**
 * The New and Updated Records trigger covers every export feed of the catalog (issue 16 item 5): each
 * export operation is a record type, or is named in NOT_RECORD_TYPES with its reason. Keys are stored
 * in flows, so the 19 first ones are pinned as they were.
 */
import { allOperations } from "../../src/operations/generated";
import { useSandbox } from "../support/harness";
import { runRecordChanges } from "./support";
import { NOT_RECORD_TYPES, RECORD_TYPE_TABLE, RECORD_TYPES } from "../../src/recordChanges/recordTypes";

const ref = (module: string, operationId: string) => `${module}:${operationId}`;

test("every export feed of the catalog is a record type, or says why not", () => {
  const covered = new Set(RECORD_TYPE_TABLE.map((e) => ref(e.module, e.operationId)));
  const missing = allOperations()
    .filter((op) => op.kind === "export")
    .map((op) => ref(op.module, op.operationId))
    .filter((r) => !covered.has(r) && !(r in NOT_RECORD_TYPES));
  expect(missing).toEqual([]);
  for (const r of Object.keys(NOT_RECORD_TYPES)) expect(covered.has(r)).toBe(false);
});

test("record type keys and labels are unique, and the first 19 keys are unchanged", () => {
  const keys = RECORD_TYPE_TABLE.map((e) => e.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(new Set(RECORD_TYPE_TABLE.map((e) => e.label)).size).toBe(keys.length);
  expect(keys.slice(0, 19)).toEqual([
    "customers", "customerContacts", "locations", "locationContacts", "leads", "bookings", "jobs", "appointments",
    "appointmentAssignments", "projects", "jobNotes", "invoices", "invoiceItems", "payments", "technicians", "employees",
    "businessUnits", "tagTypes", "installedEquipment",
  ]);
  expect(Object.keys(RECORD_TYPES)).toEqual(keys);
});

test("every record type joins an export operation of the generated catalog (each is joined on first read)", () => {
  for (const entry of RECORD_TYPE_TABLE) {
    const type = RECORD_TYPES[entry.key];
    expect(type.descriptor.kind).toBe("export");
    expect([type.descriptor.module, type.descriptor.operationId]).toEqual([entry.module, entry.operationId]);
  }
});

describe("against the sandbox (production profile, seeded)", () => {
  const t = useSandbox("production", { seed: 5 });

  test("a first run from the beginning delivers records of every record type", async () => {
    const empty: string[] = [];
    for (const entry of RECORD_TYPE_TABLE) {
      const { data } = await runRecordChanges(t.connection, {}, { recordType: entry.key, startFrom: "beginning", maxRecordsPerRun: "5" });
      expect(data.recordType).toBe(entry.key);
      if (data.records.length === 0) empty.push(entry.key);
    }
    expect(empty).toEqual([]);
  }, 120_000);
});
