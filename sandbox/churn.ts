/**
 * The "churn" fault (faults.ts): before a list serves a page after its first, the list changes as a live
 * tenant's does while a client pages through it. The record touched is the last one of the earlier
 * pages, in the request's own sort order, among the records the list shows by default (active ones).
 */
import type { ChurnAction, FaultController } from "./faults";
import type { ListQuery } from "./paging";
import type { Route } from "./router";
import { collectionKey, type Rec, type Store } from "./store";

export interface ChurnTarget {
  key: string;
  parent?: string;
}

/** The collection (and parent) a list route pages through: its path template, parameters as the parent. */
export const listTarget = (route: Route, params: Record<string, string>): ChurnTarget => {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return { key: collectionKey(route.module, route.path), parent: names.length ? names.map((n) => params[n]).join("/") : undefined };
};

/** Applies the action; returns the record changed or added (undefined when the earlier pages are empty). */
export const churn = (store: Store, target: ChurnTarget, lq: ListQuery, action: ChurnAction): Rec | undefined => {
  if (!store.has(target.key)) return undefined;
  const collection = store.collection(target.key);
  const shown = collection.sorted(lq.sortField, lq.descending, target.parent).filter((r) => r.active !== false);
  const earlier = Math.min(shown.length, (lq.page - lq.firstPage) * lq.pageSize);
  if (earlier < 1) return undefined;
  const victim = shown[earlier - 1];
  switch (action) {
    case "delete":
      store.remove(target.key, victim.id);
      return victim;
    case "deactivate":
      return store.update(target.key, victim.id, { active: false });
    case "insert": {
      const { id: _id, createdOn: _c, modifiedOn: _m, ...fields } = victim;
      return store.insert(target.key, fields, { parent: collection.parentOf(victim.id) });
    }
    case "move":
      return store.update(target.key, victim.id, (old) =>
        lq.sortField === "name" && typeof old.name === "string" ? ({ ...old, name: `zz ${old.name}` } as Rec) : ({ ...old } as Rec),
      );
  }
};

/**
 * Applies the first matching churn rule when `lq` asks for a page after the list's first and the list has
 * records to change; a rule's `times` is spent only then. Returns the action applied, or undefined.
 */
export const churnBeforePage = (
  faults: FaultController,
  store: Store,
  route: Route,
  params: Record<string, string>,
  path: string,
  lq: ListQuery | undefined,
): ChurnAction | undefined => {
  if (!lq || lq.page <= lq.firstPage) return undefined;
  const target = listTarget(route, params);
  if (!store.has(target.key) || store.all(target.key, target.parent).length === 0) return undefined;
  const rule = faults.pickChurn("GET", path);
  if (!rule?.action) return undefined;
  return churn(store, target, lq, rule.action) ? rule.action : undefined;
};
