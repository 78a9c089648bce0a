/**
 * The module registry (src/operations/modules.ts) is the one list of modules: its keys are the URL path
 * segments the official documents serve, and the lists that used to repeat the modules are derived from it.
 */
import { RAW_REQUEST_MODULES } from "../../src/actions/rawRequest";
import { builtActions } from "../../src/actions";
import { allOperations, operationsByModule } from "../../src/operations/generated";
import { API_MODULES, CATALOG_MODULES, MODULE_KEYS, MODULE_LABELS, tenantBasePath } from "../../src/operations/modules";
import { SANDBOX_MODULES } from "../../sandbox/server";
import { describeWithDocs, loadDocument, MODULE_FILES } from "../support/openapiDocs";

describe("module registry", () => {
  it("has one entry per key, each a lower-case URL path segment with a label", () => {
    const keys = API_MODULES.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of API_MODULES) {
      expect(m.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.label.trim()).not.toBe("");
    }
  });

  it("is where the catalog, the sandbox, Raw Request and the labels take their modules from", () => {
    expect(MODULE_KEYS).toEqual(CATALOG_MODULES.map((m) => m.key));
    expect(Object.keys(operationsByModule)).toEqual(MODULE_KEYS);
    // Descriptors come in registry order, module after module.
    const order = [...new Set(allOperations().map((op) => op.module))];
    expect(order).toEqual(MODULE_KEYS);
    expect([...SANDBOX_MODULES]).toEqual(MODULE_KEYS);
    expect([...RAW_REQUEST_MODULES]).toEqual(API_MODULES.map((m) => m.key));
    expect(Object.keys(MODULE_LABELS)).toEqual(MODULE_KEYS);
    expect(Object.keys(MODULE_FILES)).toEqual(MODULE_KEYS);
    // Every catalog module has actions.
    const withActions = new Set(builtActions().map((b) => b.op.module));
    expect(MODULE_KEYS.filter((m) => !withActions.has(m))).toEqual([]);
  });

  it("gives each module its tenant base path", () => {
    expect(tenantBasePath("crm")).toBe("/crm/v2/tenant/{tenant}");
  });
});

describeWithDocs("module registry against the official documents", () => {
  it.each(MODULE_KEYS.map((m) => [m]))("%s is the path segment its document is served under", (m) => {
    const servers = (loadDocument(m).servers as Array<{ url: string }>).map((s) => new URL(s.url).pathname);
    expect(servers.length).toBeGreaterThan(0);
    for (const p of servers) expect(`${p}/tenant/{tenant}`).toBe(tenantBasePath(m));
  });
});
