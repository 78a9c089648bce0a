/**
 * Shared set-up for the CRM end-to-end tests: a sandbox, a connection with a real token from it, and a
 * `run(key, params)` that goes through Spectral's adapter (`createHarness(component)`, so every input's
 * `clean` runs) with inputs typed the way a builder types them — strings, value lists as arrays.
 */
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/server";
import { K, type Rec } from "../../sandbox/store";
import { sandboxConnection } from "../../scripts/lib/connection";

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

const harness = createHarness(component);

/** Starts a sandbox in beforeAll and closes it in afterAll; returns a handle filled once it is up. */
export const useCrmSandbox = (options: SandboxOptions = {}): CrmEnv => {
  const env = {} as CrmEnv;
  let connection: Connection;
  beforeAll(async () => {
    env.sb = await startSandbox({ port: 0, ...options });
    connection = await sandboxConnection(env.sb);
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
    env.run = async <T,>(key: string, params: Params = {}) => {
      const result = (await harness.action(key, { connection, debugRequest: "false", ...params })) as { data: T };
      return result.data;
    };
  });
  afterAll(async () => {
    await env.sb?.close();
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
