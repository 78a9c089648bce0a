/**
 * Every module starts with records (issue 16 item 7): each top-level list of the catalog answers with
 * records — the hand-written seed's, or ones shaped like its documented item (sandbox/seedGeneric.ts) —
 * the same for the same seed.
 */
import { servedByHand, startSandbox } from "../../sandbox/server";
import { collectionKey } from "../../sandbox/store";
import { operationsByModule } from "../../src/operations/generated";

describe("seed records for every module", () => {
  it("every top-level list of the catalog has records, deterministically", async () => {
    const snapshot = async () => {
      const sb = await startSandbox({ seed: 3 });
      try {
        const out: Record<string, unknown[]> = {};
        const byHand = servedByHand(); // a hand-written list reads its own records (tested with its handler)
        for (const [module, ops] of Object.entries(operationsByModule))
          for (const op of ops)
            if (!byHand(op) && op.kind === "list" && op.method === "GET" && !op.path.includes("{")) out[`${module}:${op.path}`] = sb.store.all(collectionKey(module, op.path));
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
