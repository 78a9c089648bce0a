/**
 * In-memory state of the sandbox. Records are immutable by convention: an update replaces the record
 * object, so the export change log can keep references to earlier versions without copying.
 *
 * Collections are keyed `"<module>:<path template>"` with path parameters written `{}`, e.g.
 * `crm:/customers` or `crm:/customers/{}/contacts` (a child collection; each record carries its parent
 * key, the bound parameter values joined by "/").
 */

export type Rec = { id: number; [field: string]: unknown };

interface Entry {
  rec: Rec;
  parent: string;
}

/** Normalises a path template (any `{name}` becomes `{}`) and prefixes the module. */
export const collectionKey = (module: string, template: string): string =>
  `${module}:${template.replace(/\{[^}]*\}/g, "{}")}`;

/** Well-known collections shared by the specific handlers, the seed data and the generic routes. */
export const K = {
  customers: "crm:/customers",
  customerContacts: "crm:/customers/{}/contacts",
  customerNotes: "crm:/customers/{}/notes",
  locations: "crm:/locations",
  locationContacts: "crm:/locations/{}/contacts",
  bookings: "crm:/bookings",
  bookingContacts: "crm:/bookings/{}/contacts",
  bookingProviderTags: "crm:/booking-provider-tags",
  jobs: "jpm:/jobs",
  jobCanceledLogs: "jpm:/jobs/{}/canceled-log",
  appointments: "jpm:/appointments",
  jobTypes: "jpm:/job-types",
  jobCancelReasons: "jpm:/job-cancel-reasons",
  assignments: "dispatch:/appointment-assignments",
  technicians: "settings:/technicians",
  employees: "settings:/employees",
  businessUnits: "settings:/business-units",
  userRoles: "settings:/user-roles",
  tagTypes: "settings:/tag-types",
  campaigns: "marketing:/campaigns",
  callReasons: "jbce:/call-reasons",
} as const;

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
};

export class Collection {
  private readonly byId = new Map<number, Entry>();
  /** All entries, ascending id (ids only grow, so inserts append). */
  private readonly order: Entry[] = [];
  private readonly byParent = new Map<string, Entry[]>();
  private readonly sortCache = new Map<string, { version: number; recs: Rec[] }>();
  /** Change log for the export feed: every version of every record, in change order. */
  readonly log: Rec[] = [];
  /** id → position of its latest version in `log` (a snapshot feed serves only those). */
  private readonly latestAt = new Map<number, number>();
  /** Bumped on every change (invalidates sort caches). */
  version = 0;
  /**
   * Test hook: called by the export feed before it serves a page of this collection (with the log
   * position the request resolved to), so a test can make changes while a consumer is mid-poll.
   */
  onFeedRead?: (position: number) => void;

  constructor(readonly key: string) {}

  get size(): number {
    return this.order.length;
  }

  get(id: number): Rec | undefined {
    return this.byId.get(id)?.rec;
  }

  parentOf(id: number): string | undefined {
    return this.byId.get(id)?.parent;
  }

  /** Records ascending by id; `parent` restricts to one parent's children. */
  values(parent?: string): Rec[] {
    const entries = parent === undefined ? this.order : this.byParent.get(parent) ?? [];
    const out = new Array<Rec>(entries.length);
    for (let i = 0; i < entries.length; i++) out[i] = entries[i].rec;
    return out;
  }

  /** Records sorted by `field` (cached until the collection changes). */
  sorted(field: string, descending: boolean, parent?: string): Rec[] {
    const cacheKey = `${parent ?? ""}\u0000${field}\u0000${descending ? "-" : "+"}`;
    const hit = this.sortCache.get(cacheKey);
    if (hit && hit.version === this.version) return hit.recs;
    const recs = this.values(parent);
    if (field !== "id") {
      recs.sort((a, b) => compare(a[field], b[field]) || a.id - b.id);
    }
    if (descending) recs.reverse();
    this.sortCache.set(cacheKey, { version: this.version, recs });
    return recs;
  }

  insert(rec: Rec, parent = ""): void {
    const entry: Entry = { rec, parent };
    this.byId.set(rec.id, entry);
    const last = this.order[this.order.length - 1];
    if (!last || last.rec.id < rec.id) this.order.push(entry);
    else this.order.splice(this.indexOf(this.order, rec.id, true), 0, entry);
    let siblings = this.byParent.get(parent);
    if (!siblings) this.byParent.set(parent, (siblings = []));
    const lastSibling = siblings[siblings.length - 1];
    if (!lastSibling || lastSibling.rec.id < rec.id) siblings.push(entry);
    else siblings.splice(this.indexOf(siblings, rec.id, true), 0, entry);
    this.appendLog(rec);
    this.version++;
  }

  replace(rec: Rec): void {
    const entry = this.byId.get(rec.id);
    if (!entry) throw new Error(`no record ${rec.id} in ${this.key}`);
    entry.rec = rec;
    this.appendLog(rec);
    this.version++;
  }

  /** Removes the record; the feed receives a final version with `active: false`. */
  remove(id: number): Rec | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    this.byId.delete(id);
    this.order.splice(this.indexOf(this.order, id, false), 1);
    const siblings = this.byParent.get(entry.parent);
    if (siblings) siblings.splice(this.indexOf(siblings, id, false), 1);
    this.version++;
    return entry.rec;
  }

  /** Appends a version to the change log without changing the live record (used for deletions). */
  logVersion(rec: Rec): void {
    this.appendLog(rec);
  }

  /** Whether log entry `position` is its record's latest version (a later change supersedes it). */
  isLatest(position: number): boolean {
    const rec = this.log[position];
    return rec !== undefined && this.latestAt.get(rec.id) === position;
  }

  private appendLog(rec: Rec): void {
    this.latestAt.set(rec.id, this.log.length);
    this.log.push(rec);
  }

  private indexOf(entries: Entry[], id: number, insertion: boolean): number {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[mid].rec.id < id) lo = mid + 1;
      else hi = mid;
    }
    if (!insertion && entries[lo]?.rec.id !== id) throw new Error(`index out of sync for ${id}`);
    return lo;
  }
}

export interface InsertOptions {
  parent?: string;
  /** ISO timestamps; default: now. */
  createdOn?: string;
  modifiedOn?: string;
  /** Default true. */
  active?: boolean;
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  private lastId: number;

  constructor(
    readonly clock: () => Date,
    firstId = 1000,
  ) {
    this.lastId = firstId - 1;
  }

  /** IDs come from one counter for every collection, so they are unique across the whole tenant. */
  nextId(): number {
    return ++this.lastId;
  }

  /** When set, `now()` returns it (seeding pins timestamps this way). */
  clockOverride: string | undefined;

  now(): string {
    return this.clockOverride ?? this.clock().toISOString();
  }

  /** Runs `changes` with every timestamp pinned to `at` (a burst of changes sharing one modifiedOn). */
  burst<T>(at: string, changes: () => T): T {
    const previous = this.clockOverride;
    this.clockOverride = at;
    try {
      return changes();
    } finally {
      this.clockOverride = previous;
    }
  }

  has(key: string): boolean {
    return this.collections.has(key);
  }

  keys(): string[] {
    return [...this.collections.keys()];
  }

  collection(key: string): Collection {
    let c = this.collections.get(key);
    if (!c) this.collections.set(key, (c = new Collection(key)));
    return c;
  }

  get(key: string, id: number): Rec | undefined {
    return this.collections.get(key)?.get(id);
  }

  /** All live records of a collection (optionally of one parent), ascending id. */
  all(key: string, parent?: string | number): Rec[] {
    return this.collections.get(key)?.values(parent === undefined ? undefined : String(parent)) ?? [];
  }

  /**
   * Inserts a record: assigns `id`, then the given fields, then `active`, `createdOn`, `modifiedOn`
   * unless the fields already set them.
   */
  insert(key: string, fields: Record<string, unknown>, options: InsertOptions = {}): Rec {
    const now = options.modifiedOn ?? options.createdOn ?? this.now();
    // an explicit id must come from nextId() (ids only grow)
    const id = typeof fields.id === "number" ? fields.id : this.nextId();
    const rec = { id, ...fields } as Rec;
    rec.id = id;
    if (rec.active === undefined) rec.active = options.active ?? true;
    if (rec.createdOn === undefined) rec.createdOn = options.createdOn ?? now;
    if (rec.modifiedOn === undefined) rec.modifiedOn = now;
    this.collection(key).insert(rec, options.parent ?? "");
    return rec;
  }

  /**
   * Replaces a record with `{...old, ...patch}` (or the result of `patch(old)`), bumping `modifiedOn`.
   * Returns undefined when the record does not exist.
   */
  update(key: string, id: number, patch: Record<string, unknown> | ((old: Rec) => Rec)): Rec | undefined {
    const c = this.collections.get(key);
    const old = c?.get(id);
    if (!c || !old) return undefined;
    const next: Rec = typeof patch === "function" ? patch(old) : ({ ...old, ...patch, id } as Rec);
    next.modifiedOn = this.now();
    c.replace(next);
    return next;
  }

  /** Removes a record; the export feed receives its last version with `active: false`. */
  remove(key: string, id: number): Rec | undefined {
    const c = this.collections.get(key);
    const old = c?.remove(id);
    if (!c || !old) return undefined;
    c.logVersion({ ...old, active: false, modifiedOn: this.now() });
    return old;
  }
}
