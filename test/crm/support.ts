/**
 * Shared set-up for the CRM end-to-end tests, on the one test harness (test/support/harness.ts): a
 * sandbox, a connection with a real token from it, and a `run(key, params)` that goes through Spectral's
 * adapter (so every input's `clean` runs) with inputs typed the way a builder types them — strings,
 * value lists as arrays.
 */
import type { Sandbox } from "../../sandbox/server";
import { K, type Rec } from "../../sandbox/store";
import { type UseSandboxOptions, useSandbox } from "../support/harness";

export type Params = Record<string, unknown>;
export type Page<T = Record<string, unknown>> = { page: number; pageSize: number; hasMore: boolean; totalCount?: number; data: T[] };
export type AnyRecord = Record<string, any>;

export interface CrmEnv {
  sb: Sandbox;
  run: <T = AnyRecord>(key: string, params?: Params) => Promise<T>;
  /** IDs of seeded reference data. */
  ref: { campaign: string; businessUnit: string; jobType: string; callReason: string; tagTypes: string[]; provider: string };
  /** Records of a sandbox collection (live). */
  all: (key: string, parent?: string | number) => Rec[];
}

/** Starts a sandbox in beforeAll and closes it in afterAll; returns a handle filled once it is up. */
export const useCrmSandbox = (options: UseSandboxOptions = {}): CrmEnv => {
  const env = {} as CrmEnv;
  const t = useSandbox("production", options);
  beforeAll(() => {
    env.sb = t.sb;
    env.all = (key, parent) => env.sb.store.all(key, parent);
    const first = (key: string) => String(env.sb.store.all(key)[0]?.id);
    env.ref = {
      campaign: first(K.campaigns),
      businessUnit: first(K.businessUnits),
      jobType: first(K.jobTypes),
      callReason: first(K.callReasons),
      tagTypes: env.sb.store.all(K.tagTypes).map((t) => String(t.id)),
      provider: String(env.sb.store.all(K.bookings)[0]?.bookingProviderId ?? 1),
    };
    env.run = <T,>(key: string, params: Params = {}) => t.invoke<T>(key, { debugRequest: "false", ...params });
  });
  return env;
};

/** A job for a customer's location, as a builder fills Create Job. */
export const jobParams = (env: CrmEnv, customerId: number | string, locationId: number | string, extra: Params = {}): Params => ({
  customerId: String(customerId),
  locationId: String(locationId),
  businessUnitId: env.ref.businessUnit,
  jobTypeId: env.ref.jobType,
  priority: "Normal",
  campaignId: env.ref.campaign,
  appointments: JSON.stringify([{ start: "2026-03-02T16:00:00Z", end: "2026-03-02T18:00:00Z" }]),
  ...extra,
});

export const ADDRESS = { street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
