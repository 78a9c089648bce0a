/**
 * The one test harness: Spectral's harness over the real component, a capturing logger, and sandboxes
 * started and closed by jest hooks.
 *
 *   const t = useSandbox("production", { seedData: { customers: 5 } });
 *   it("…", async () => {
 *     const customer = await t.invoke("getCustomer", { customerId: t.customerId });
 *     await t.control("faults", "POST", { kind: "503", times: 1 });
 *   });
 *
 * `useSandbox` registers beforeAll (start the sandbox, fetch a token), afterEach (clear fault rules) and
 * afterAll (close); the handle's fields are filled once beforeAll has run. The profile is "production"
 * unless a test states why it needs less: `useSandbox("plain", { because: "…" })`, and likewise for
 * `production` options that turn a behaviour off.
 */
import type { Connection } from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import component from "../../src/index";
import { type LeadsSandbox, type LeadsSandboxOptions, startLeadsSandbox } from "../../sandbox/leads";
import type { ProfileName } from "../../sandbox/production";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { sandboxConnection } from "../../scripts/lib/connection";
import { type CaptureServer, captureConnection, startCaptureServer } from "./captureServer";
import { recordForScan } from "./secretScan";

/** Spectral's harness over the real component: every input's `clean` runs, defaults apply. */
export const spectral = createHarness(component);

export interface LogEntry {
  level: string;
  text: string;
}

export interface CapturedLogger {
  /** Pass as the context's `logger`. */
  logger: Record<"debug" | "info" | "log" | "warn" | "error" | "trace" | "metric", (...args: unknown[]) => void>;
  /** Each line as `level: text` (cleared by `clear`). */
  lines: string[];
  /** Each line with its level. */
  entries: LogEntry[];
  clear(): void;
}

/**
 * A logger that keeps every line (strings as they are, other values as JSON) and hands it to the run's
 * secret scan, so nothing a test keeps off the terminal escapes the scan.
 */
export const captureLogger = (): CapturedLogger => {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const capture =
    (level: string) =>
    (...args: unknown[]): void => {
      const text = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
      entries.push({ level, text });
      lines.push(`${level}: ${text}`);
      recordForScan(`logger.${level}`, text);
    };
  const levels = ["debug", "info", "log", "warn", "error", "trace", "metric"] as const;
  return {
    logger: Object.fromEntries(levels.map((l) => [l, capture(l)])) as CapturedLogger["logger"],
    lines,
    entries,
    clear: () => {
      lines.length = 0;
      entries.length = 0;
    },
  };
};

export interface UseSandboxOptions extends Omit<SandboxOptions, "profile" | "port"> {
  /** Required with the "plain" profile or a `production` option that turns a behaviour off: why the test needs it. */
  because?: string;
  /** Clear the fault rules after each test (default true). */
  clearFaults?: boolean;
}

export interface SandboxHarness {
  readonly sb: Sandbox;
  /** The sandbox's base URL (what a connection's API Base URL points at). */
  readonly baseUrl: string;
  /** A connection with a real token from the sandbox's token endpoint. */
  readonly connection: Connection;
  /** ID of the first seeded customer, as text ("undefined" when none is seeded). */
  readonly customerId: string;
  /** Everything the component logged through `invoke` and `dataSource`. */
  readonly log: CapturedLogger;
  /** Runs an action through Spectral with this connection (unless `inputs` names another) and the capturing logger; its `data`. */
  invoke<T = any>(actionKey: string, inputs?: Record<string, unknown>, context?: Record<string, unknown>): Promise<T>;
  /** Runs a data source likewise; its `result`. */
  dataSource<T = any>(key: string, inputs?: Record<string, unknown>, context?: Record<string, unknown>): Promise<T>;
  /** Calls a control endpoint over HTTP: `control("faults", "POST", rule)`. */
  control(path: string, method?: string, body?: unknown): Promise<{ status: number; body: any }>;
}

const turnsSomethingOff = (production: SandboxOptions["production"]): boolean =>
  production === false || (!!production && Object.values(production).some((v) => v === false));

/** Refuses a weaker sandbox without a stated reason. */
export const checkReason = (profile: ProfileName, options: { production?: SandboxOptions["production"]; because?: string }): void => {
  if ((profile !== "production" || turnsSomethingOff(options.production)) && !options.because?.trim()) {
    throw new Error('A test that turns production behaviours off says why: useSandbox(profile, { because: "…" }).');
  }
};

/** Calls a sandbox control endpoint (either sandbox: the same endpoints). */
export const callControl = async (url: string, path: string, method = "GET", body?: unknown): Promise<{ status: number; body: any }> => {
  const res = await fetch(`${url}/__sandbox/${path.replace(/^\/+/, "")}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

/** A tenant-API sandbox for the enclosing describe block (or file), with a connection and the Spectral harness. */
export const useSandbox = (profile: ProfileName = "production", options: UseSandboxOptions = {}): SandboxHarness => {
  const { because, clearFaults = true, ...sandboxOptions } = options;
  checkReason(profile, options);
  const log = captureLogger();
  const state = {} as { sb: Sandbox; connection: Connection; customerId: string };
  const withDefaults = (inputs: Record<string, unknown>, context: Record<string, unknown>) =>
    [{ connection: state.connection, ...inputs }, { logger: log.logger, ...context }] as const;
  const handle: SandboxHarness = {
    get sb() {
      return state.sb;
    },
    get baseUrl() {
      return state.sb.url;
    },
    get connection() {
      return state.connection;
    },
    get customerId() {
      return state.customerId;
    },
    log,
    invoke: async (actionKey, inputs = {}, context = {}) => {
      const [params, ctx] = withDefaults(inputs, context);
      const result = (await spectral.action(actionKey, params, ctx as never)) as { data: any };
      return result.data;
    },
    dataSource: async (key, inputs = {}, context = {}) => {
      const [params, ctx] = withDefaults(inputs, context);
      const out = (await spectral.dataSource(key, params, ctx as never)) as { result: any };
      return out.result;
    },
    control: (path, method, body) => callControl(state.sb.url, path, method, body),
  };
  beforeAll(async () => {
    state.sb = await startSandbox({ port: 0, profile, ...sandboxOptions });
    state.connection = await sandboxConnection(state.sb);
    state.customerId = String(state.sb.store.all(K.customers)[0]?.id);
  });
  if (clearFaults) afterEach(() => state.sb?.faults.clear());
  afterAll(async () => {
    await state.sb?.close();
  });
  return handle;
};

export interface LeadsHarness {
  readonly leads: LeadsSandbox;
  control(path: string, method?: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** A Leads platform sandbox for the enclosing describe block (or file); same control endpoints. */
export const useLeadsSandbox = (options: Omit<LeadsSandboxOptions, "port"> & { because?: string } = {}): LeadsHarness => {
  const { because: _because, ...leadsOptions } = options;
  checkReason(options.profile ?? "production", options);
  let leads: LeadsSandbox;
  beforeAll(async () => {
    leads = await startLeadsSandbox({ port: 0, ...leadsOptions });
  });
  afterEach(() => leads?.faults.clear());
  afterAll(async () => {
    await leads?.close();
  });
  return {
    get leads() {
      return leads;
    },
    control: (path, method, body) => callControl(leads.url, path, method, body),
  };
};

export interface CaptureHarness {
  readonly server: CaptureServer;
  /** A connection whose Environment is the capture server, with a fake token. */
  readonly connection: Connection;
}

/** A capture server (captureServer.ts) for the enclosing block; `resetResponder` restores the default answer after each test. */
export const useCaptureServer = (options: { resetResponder?: boolean } = {}): CaptureHarness => {
  let server: CaptureServer;
  let connection: Connection;
  beforeAll(async () => {
    server = await startCaptureServer();
    connection = captureConnection(server);
  });
  if (options.resetResponder) afterEach(() => server?.setResponder(() => ({ status: 200, body: {} })));
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get connection() {
      return connection;
    },
  };
};
