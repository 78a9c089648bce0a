/**
 * The committed files in src/operations/generated must be exactly what `npm run generate` produces from the
 * official documents: byte-identical, no stale files, the expected operation counts, and no prose from the
 * documents. Skips (with a warning naming the paths tried) when the documents are not available.
 */
import * as fs from "fs";
import * as path from "path";
import { generateFiles, GENERATED_DIR } from "../../scripts/generateOperations/lib";
import { REPO_ROOT } from "../../scripts/generateOperations/documents";
import { allOperations, operationsByModule } from "../../src/operations/generated";
import type { ModuleKey } from "../../src/operations/types";
import { describeWithDocs, loadDocument, loadLegacyDocument, MODULE_KEYS } from "../support/openapiDocs";

/**
 * Operation counts of the modules first covered, pinned; a module added to the registry later is checked
 * against its own document (below), so adding one needs no edit here.
 */
const PINNED_COUNTS: Partial<Record<ModuleKey, number>> = {
  crm: 86,
  jpm: 71,
  dispatch: 41,
  settings: 22,
  accounting: 70,
  equipmentsystems: 12,
  marketing: 15,
  schedulingpro: 5,
  jbce: 1,
};

/** Every description/summary/title string in a document (any depth). */
function collectProse(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectProse(item, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "description" || key === "summary" || key === "title") && typeof value === "string") {
        out.add(value);
      } else {
        collectProse(value, out);
      }
    }
  }
}

/** Every string value in the generated descriptors (schema facts, names, example values …). */
function collectStrings(node: unknown, out: Set<string>): void {
  if (typeof node === "string") out.add(node);
  else if (Array.isArray(node)) for (const item of node) collectStrings(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      out.add(key);
      collectStrings(value, out);
    }
  }
}

describeWithDocs("generated operation descriptors", (dir) => {
  let files: Record<string, string>;
  const generatedDir = path.join(REPO_ROOT, GENERATED_DIR);

  beforeAll(() => {
    files = generateFiles(dir);
  });

  test("every committed generated file is byte-identical to a fresh generation", () => {
    const mismatched: string[] = [];
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(REPO_ROOT, rel);
      if (!fs.existsSync(abs)) mismatched.push(`${rel} (missing)`);
      else if (fs.readFileSync(abs, "utf8") !== content) mismatched.push(`${rel} (differs)`);
    }
    // Run `npm run generate` and commit the result when this fails.
    expect(mismatched).toEqual([]);
  });

  test("no stale file in the generated folder", () => {
    const expected = new Set(Object.keys(files).map((rel) => path.basename(rel)));
    const stale = fs.readdirSync(generatedDir).filter((name) => !expected.has(name));
    expect(stale).toEqual([]);
  });

  test("generation is deterministic", () => {
    expect(generateFiles(dir)).toEqual(files);
  });

  test("operation counts per module match the documents", () => {
    // What each document itself contains: every operation becomes a descriptor.
    const inDocuments = Object.fromEntries(
      MODULE_KEYS.map((m) => {
        let n = 0;
        for (const item of Object.values<any>(loadDocument(m).paths)) {
          n += ["get", "post", "put", "patch", "delete"].filter((method) => item[method]).length;
        }
        return [m, n];
      }),
    );
    const counts = Object.fromEntries(
      MODULE_KEYS.map((m) => [m, operationsByModule[m].filter((op) => !op.legacy).length]),
    );
    expect(counts).toEqual(inDocuments);
    expect(Object.fromEntries(Object.keys(PINNED_COUNTS).map((m) => [m, counts[m]]))).toEqual(PINNED_COUNTS);
    const legacy = allOperations().filter((op) => op.legacy);
    expect(legacy.map((op) => `${op.module} ${op.method} ${op.path} ${op.operationId}`)).toEqual([
      "accounting POST /payments Payments_Create",
    ]);
    // Every operation of the documents, plus the legacy Payments_Create.
    const total = Object.values(inDocuments).reduce((a, b) => a + b, 0);
    expect(allOperations()).toHaveLength(total + 1);
    // 322 operations of the eight modules first covered and Job Booking's call-reasons list.
    expect(Object.keys(PINNED_COUNTS).reduce((n, m) => n + counts[m], 0)).toBe(322 + 1);
  });

  test("(module, version, method, path) and (module, operationId) are unique", () => {
    // telecom serves GET /calls twice: the v3 list and the older v2 one
    const keys = allOperations().map((op) => `${op.module} ${op.version ?? "v2"} ${op.method} ${op.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const ids = allOperations().map((op) => `${op.module} ${op.operationId}`);
    expect(ids.filter((k, i) => ids.indexOf(k) !== i)).toEqual([]);
  });

  test("descriptors carry the basic facts", () => {
    for (const op of allOperations()) {
      expect(op.path.startsWith("/tenant/")).toBe(false);
      expect(op.scope).toMatch(/^tn\.[a-z]+\.[a-z]+:[rw]$/);
      expect(op.params.some((p) => p.name === "tenant")).toBe(false);
      expect(op.response?.status).toBeGreaterThanOrEqual(200);
    }
    const customersCreate = operationsByModule.crm.find((op) => op.operationId === "Customers_Create")!;
    expect(customersCreate).toMatchObject({ method: "POST", path: "/customers", kind: "create", scope: "tn.crm.customers:w" });
    expect(customersCreate.body?.schema.required).toEqual(["name", "locations", "address"]);
    expect(customersCreate.body?.schema.properties?.type).toMatchObject({
      type: "string",
      enum: ["Residential", "Commercial"],
      nullable: true,
    });
    const customersList = operationsByModule.crm.find((op) => op.operationId === "Customers_GetList")!;
    expect(customersList.kind).toBe("list");
    expect(operationsByModule.crm.find((op) => op.path === "/export/customers")?.kind).toBe("export");
  });

  test("no description, summary or title text from the documents leaks into generated files", () => {
    const prose = new Set<string>();
    for (const m of MODULE_KEYS) {
      collectProse(loadDocument(m), prose);
      const legacy = loadLegacyDocument(m);
      if (legacy) collectProse(legacy, prose);
    }
    // Short strings ("Tenant ID", "Name") can legitimately coincide with names or enum values, and some
    // summaries are just the operationId (a contract fact we keep) — only real sentences count.
    const sentences = [...prose].filter((text) => text.trim().length >= 30 && /\s/.test(text.trim()));
    expect(sentences.length).toBeGreaterThan(500);

    const generatedStrings = new Set<string>();
    collectStrings(allOperations(), generatedStrings);
    expect(sentences.filter((text) => generatedStrings.has(text))).toEqual([]);

    // Substring check on the raw files for a deterministic sample of long sentences.
    const allText = Object.values(files).join("\n");
    const sample = sentences
      .filter((text) => text.length >= 60)
      .sort()
      .filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(20);
    expect(sample.filter((text) => allText.includes(text))).toEqual([]);
    // A couple of well-known sentences, by name.
    for (const text of [
      "True if there are more records in the query than returned in this result",
      "The collection of result items, will never have more than PageSize items",
    ]) {
      expect(prose.has(text)).toBe(true);
      expect(allText.includes(text)).toBe(false);
    }
  });
});
