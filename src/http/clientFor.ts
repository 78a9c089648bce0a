/**
 * How every perform function gets its client (issue 17 item 4): one place decides whether requests are
 * logged. They are when Prismatic runs the integration in debug mode (`context.debug.enabled`, the
 * integration's debug switch) — for every action, data source and trigger — or when the step's Debug
 * Request input is on (only the 58 actions of the earlier component still have one, issue 15 item 3).
 * Logs are redacted by the transport (src/http/core.ts), whichever switch turned them on. The same switch
 * gives paging its detailed logger: the client's `progress` (client.ts), through which Fetch All and export
 * drains report every page read, records so far, boundary re-reads and stops, and the transport reports
 * budget waits. With or without it, runs of several requests write their throttled progress and closing
 * lines at info level through the client's `runLog` (src/paging/progress.ts).
 */
import type { Connection } from "@prismatic-io/spectral";
import { type ClientOptions, createServiceTitanClient, type ServiceTitanClient } from "./client";
import type { Logger, TransportOptions } from "./core";

/**
 * What a perform function's context offers: actions, triggers and data sources have a logger; actions
 * and triggers also carry the platform's debug mode (a data source's context may lack it).
 */
export interface RunContext {
  logger?: unknown;
  debug?: { enabled?: boolean };
}

/** The step's inputs as far as logging goes: the Debug Request input, when the step has one. */
export interface DebugParams {
  debugRequest?: unknown;
}

/** Logger and debug switch for either client (ServiceTitan or Leads). */
export const transportFor = (context: RunContext, params: DebugParams): Pick<TransportOptions, "logger" | "debug"> => ({
  logger: context.logger as Logger | undefined,
  debug: params.debugRequest === true || context.debug?.enabled === true,
});

/** The ServiceTitan client for one step: its connection input, logging as `transportFor` decides. */
export const clientFor = (
  context: RunContext,
  params: DebugParams & { connection?: unknown },
  options: Omit<ClientOptions, "logger" | "debug"> = {},
): ServiceTitanClient => createServiceTitanClient(params.connection as Connection, { ...options, ...transportFor(context, params) });
