/**
 * The modules the sandbox serves only generically start with records (issue 16 item 7): each top-level
 * list of them answers with records shaped like its documented item, the same for the same seed.
 */
import { startSandbox } from "../../sandbox/server";
import { GENERIC_SEED_MODULES } from "../../sandbox/seedModules";
import { collectionKey } from "../../sandbox/store";
import { operationsByModule } from "../../src/operations/generated";

describe("seed records for the generically served modules", () => {
  it("every top-level list of those modules has records, deterministically", async () => {
    const snapshot = async () => {
      const sb = await startSandbox({ seed: 3 });
      try {
        const out: Record<string, unknown[]> = {};
        for (const module of GENERIC_SEED_MODULES)
          for (const op of (operationsByModule as Record<string, typeof operationsByModule.crm>)[module] ?? [])
            if (op.kind === "list" && op.method === "GET" && !op.path.includes("{")) out[`${module}:${op.path}`] = sb.store.all(collectionKey(module, op.path));
        return out;
      } finally {
        await sb.close();
      }
    };
    const a = await snapshot();
    expect(Object.keys(a).length).toBeGreaterThan(40);
    expect(Object.entries(a).filter(([, recs]) => recs.length === 0).map(([k]) => k)).toEqual([]);
    expect(JSON.stringify(await snapshot())).toEqual(JSON.stringify(a));
  });
});
