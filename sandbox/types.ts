/**
 * Shared types of the embedded ServiceTitan sandbox. The sandbox is a loopback simulator with the same
 * wire contract as ServiceTitan (see /work/shared/reference/servicetitan-api-facts.md); it is run with tsx
 * and never bundled into the component.
 */
import type { Store } from "./store";
import type { FaultController } from "./faults";
import type { OperationDescriptor } from "../src/operations/types";
import type { RateLimitOptions } from "./rateLimit";
import type { ProfileName } from "./production";

export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
  appKey: string;
  tenant: string;
}

/** How many records of each kind are created at start-up. */
export interface SeedCounts {
  customers?: number;
  /** Every n-th customer gets a second location (default 5; 0 = never). */
  secondLocationEvery?: number;
  technicians?: number;
  employees?: number;
  businessUnits?: number;
  jobTypes?: number;
  campaigns?: number;
  jobs?: number;
  /** Bookings created through booking provider 1 (`seedData.bookingProviderId`). */
  bookings?: number;
  bookingProviderId?: number;
  callReasons?: number;
  jobCancelReasons?: number;
  userRoles?: number;
  tagTypes?: number;
  bookingProviderTags?: number;
  /**
   * Records in each collection the counts above leave empty, shaped like its documented response item
   * (sandbox/seedGeneric.ts; default 3, 0 = an empty tenant).
   */
  everyOtherList?: number;
}

export interface LatencySettings {
  /** Added to every API response. */
  perRequestMs: number;
  /** Added per record in the response (`data.length` for lists and exports, 1 otherwise). */
  perRecordMs: number;
}

/**
 * How live tenants behave where the official documents are kinder (README, "The sandbox behaves like
 * production"). Every behaviour is on by default; a test that cannot cope with one turns only that one
 * off (`production: { rateLimit: false }`) and says why. `production: false` turns them all off.
 */
export interface ProductionBehaviours {
  /** Per-tenant rate limit (60 requests per sliding second) and route budgets; false: unlimited. */
  rateLimit: false | RateLimitOptions;
  /** Scopes granted to the sandbox app (default: every scope of the generated catalog); false: no check. */
  scopes: false | readonly string[];
  /** Export feeds deliver each changed record once, latest version (false: every version, a change log). */
  snapshotFeeds: boolean;
  /** Lists whose document gives `page` a minimum of 0 page from 0, with their own page-size maximum. */
  zeroBasedPages: boolean;
  /** A few seeded records carry an integer where a string enum is documented, or null in a required field. */
  contractBreaks: boolean;
  /** Contacts of an inactive customer answer 409 `Customer ID = N is not active`. */
  inactiveCustomerConflict: boolean;
  /** A telecom call ID that does not exist answers 500, not 404 (details, update, recording, voicemail). */
  unknownCallIs500: boolean;
}

export interface SandboxOptions {
  /** Where the behaviours start: "production" (default, all on) or "plain" (all off); see production.ts. */
  profile?: ProfileName;
  /** Production behaviours (all on by default); see ProductionBehaviours. */
  production?: false | Partial<ProductionBehaviours>;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1" | "localhost" | string;
  credentials?: Partial<SandboxCredentials>;
  /** Seed of the PRNG behind seed data and probabilistic faults (default 1). */
  seed?: number;
  seedData?: SeedCounts;
  latency?: Partial<LatencySettings>;
  tokenLifetimeSeconds?: number;
  /** Records per export response (default 1000, at most 5000). */
  exportPageSize?: number;
  /** How many already-delivered changes `includeRecentChanges=true` repeats (default 2). */
  recentChangesOverlap?: number;
  /** The sandbox's notion of "now" (default: the system clock). Seed data timestamps never depend on it. */
  clock?: () => Date;
  /** Operation descriptors to route generically. Default: src/operations/generated when present. */
  operations?: OperationDescriptor[];
  /** Set false to ignore src/operations/generated (built-in routes only). */
  useGeneratedCatalog?: boolean;
  /** Oldest recorded requests are dropped beyond this many (default 100000). */
  maxRecordedRequests?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** ISO time the request was received (sandbox clock). */
  time: string;
  /** Status sent back (undefined when the socket was reset or the response is still pending). */
  status?: number;
  /** The fault kind applied to this request, if any. */
  fault?: string;
}

/** A parsed API request as handlers see it. */
export interface ApiRequest {
  method: string;
  module: string;
  /** The API version in the URL (/<module>/<version>/tenant/…): v2 but for telecom's v3 calls list. */
  version?: string;
  /** Path below `/tenant/<tenant>`, e.g. "/customers/1001". */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyText: string;
}

/** What a handler answers; the server serialises it (and faults may alter it). */
export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value (serialised) — or, with `raw`, the literal body text (or bytes: a call recording's audio). */
  body?: unknown;
  raw?: string | Buffer;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:4010 — the API base: `${url}/crm/v2/tenant/${tenant}/customers`. */
  url: string;
  tokenUrl: string;
  port: number;
  credentials: SandboxCredentials;
  store: Store;
  requests: RecordedRequest[];
  faults: FaultController;
  /** Runtime latency (mutable; also `POST /__sandbox/latency`). */
  latency: LatencySettings;
  /** The production behaviours in force. */
  production: ProductionBehaviours;
  /** The profile it started from and the behaviours (middleware, behaviours.ts) in force, in order. */
  profile: ProfileName;
  behaviours: string[];
  /** Scopes granted to the app (mutable: add or delete to change them at run time); undefined: all. */
  grantedScopes?: Set<string>;
  clearRequests(): void;
  /** Issues a token directly (for tests that do not exercise /connect/token). */
  issueToken(): string;
  /** `${url}/${module}/${version}/tenant/${tenant}` (version v2 unless given: telecom's calls list is v3) */
  apiBase(module: string, version?: string): string;
  close(): Promise<void>;
}
