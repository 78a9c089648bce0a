/**
 * A description that says which call an action makes names the operation's own method, path and scope:
 * curated descriptions are written by hand (src/operations/curated/*.ts), and a scope copied from a
 * neighbouring module (tn.forms… for tn.frm…) sends a builder to grant the wrong one.
 */
import { builtActions } from "../../src/actions";

test("every 'Calls METHOD /path (scope …)' in a description is the operation's own", () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const built of builtActions()) {
    const description = built.definition.display.description;
    for (const m of description.matchAll(/Calls (GET|POST|PUT|PATCH|DELETE) (\S+?)(?: \(scopes? ([^)]+)\))?[.;,]/g)) {
      checked += 1;
      const [, method, path, scope] = m;
      const op = built.op;
      if (method !== op.method.toUpperCase() || path !== op.path) wrong.push(`${built.key}: says ${method} ${path}, calls ${op.method.toUpperCase()} ${op.path}`);
      if (scope !== undefined && scope !== op.scope) wrong.push(`${built.key}: says scope ${scope}, needs ${op.scope ?? "none"}`);
    }
  }
  expect(checked).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
});
