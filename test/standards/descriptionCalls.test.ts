/**
 * A description that says which call an action makes names the operation's own method, path and scope:
 * curated descriptions are written by hand (src/operations/curated/*.ts), and a scope copied from a
 * neighbouring module (tn.forms… for tn.frm…) sends a builder to grant the wrong one. An operation
 * served under another API version than v2 (telecom's v3 calls list) says so: "Calls GET /calls of API v3 (…)".
 */
import { builtActions } from "../../src/actions";

test("every 'Calls METHOD /path (scope …)' in a description is the operation's own", () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const built of builtActions()) {
    const description = built.definition.display.description;
    let versionSaid = false;
    for (const m of description.matchAll(/Calls (GET|POST|PUT|PATCH|DELETE) (\S+?)(?: of API (v\d+))?(?: \(scopes? ([^)]+)\))?[.;,]/g)) {
      checked += 1;
      const [, method, path, version, scope] = m;
      const op = built.op;
      if (method !== op.method.toUpperCase() || path !== op.path) wrong.push(`${built.key}: says ${method} ${path}, calls ${op.method.toUpperCase()} ${op.path}`);
      if ((version ?? "v2") !== (op.version ?? "v2")) wrong.push(`${built.key}: says API ${version ?? "v2"}, calls API ${op.version ?? "v2"}`);
      if (version) versionSaid = true;
      if (scope !== undefined && scope !== op.scope) wrong.push(`${built.key}: says scope ${scope}, needs ${op.scope ?? "none"}`);
    }
    if (built.op.version && !versionSaid) wrong.push(`${built.key}: calls API ${built.op.version} but its description does not say "of API ${built.op.version}"`);
  }
  expect(checked).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
});
