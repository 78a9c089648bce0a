/**
 * One `clientFor(context, params)` (issue 17 item 4): a request and its answer are logged (redacted)
 * when the action's Debug Request input is on OR Prismatic's platform debug mode (`context.debug.enabled`,
 * the integration's debug switch) is on; with neither, nothing is logged. Checked through real actions of
 * the component against the sandbox: a generated action, Raw Request, a hand-written workflow and a data
 * source.
 */
import type { Connection } from "@prismatic-io/spectral";
import component from "../../src/index";
import type { Sandbox } from "../../sandbox/server";
import { spectral as harness, useSandbox } from "../support/harness";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { transportFor } from "../../src/http/clientFor";
import { SEED_ACTION_KEYS } from "../seed/seedTable";

describe("clientFor: Debug Request input or the platform's debug mode", () => {
  let sb: Sandbox;
  let connection: Connection;
  let customerId: string;
  const t = useSandbox("production", { seedData: { customers: 3 } });
  const { lines: logged, logger } = t.log;
  // What the platform sends when the integration runs in debug mode: Spectral's perform wrapper turns
  // `globalDebug` into `context.debug.enabled` (serverTypes/context.js createDebugContext).
  const platformDebug = { logger, globalDebug: true } as never;
  const secrets = () => [sb.credentials.clientSecret, sb.credentials.appKey, String(connection.token?.access_token)];

  beforeAll(() => ({ sb, connection, customerId } = t));
  beforeEach(() => {
    logged.length = 0;
  });

  const expectRequestAndAnswerLogged = (path: string) => {
    const text = logged.join("\n");
    expect(text).toContain(`ServiceTitan request: GET ${sb.url}${path}`);
    expect(text).toMatch(/ServiceTitan response: 200/);
    expect(text).toContain("[REDACTED]");
    for (const secret of secrets()) expect(text).not.toContain(secret);
  };

  test("platform debug on, no Debug Request input: a generated action logs request and answer, redacted", async () => {
    await harness.action("getCustomer", { connection, customerId }, platformDebug);
    expectRequestAndAnswerLogged(`/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}`);
  });

  test("platform debug on: Raw Request logs too", async () => {
    await harness.action("rawRequest", { connection, module: "crm", method: "GET", path: `/customers/${customerId}` }, platformDebug);
    expectRequestAndAnswerLogged(`/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}`);
  });

  test("platform debug on: a data source logs too", async () => {
    const [key] = Object.keys(component.dataSources ?? {});
    await harness.dataSource(key, { connection }, platformDebug);
    expect(logged.join("\n")).toMatch(/ServiceTitan request: GET /);
    for (const secret of secrets()) expect(logged.join("\n")).not.toContain(secret);
  });

  test("platform debug on: a generated action that is not a seed action (it has no Debug Request input) logs", async () => {
    expect(inputKeysOf("listCustomerNotes")).not.toContain("debugRequest");
    await harness.action("listCustomerNotes", { connection, customerId }, platformDebug);
    expectRequestAndAnswerLogged(`/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}/notes`);
  });

  test("platform debug on: the New and Updated Records trigger logs its requests, redacted", async () => {
    const instanceState: Record<string, unknown> = {};
    await harness.trigger("recordChanges", undefined, { connection, recordType: "customers", startFrom: "beginning" }, { instanceState, logger, globalDebug: true } as never);
    expect(logged.join("\n")).toMatch(/ServiceTitan request: GET .*\/crm\/v2\/tenant\/.*\/export\/customers/);
    for (const secret of secrets()) expect(logged.join("\n")).not.toContain(secret);
  });

  test("platform debug off: the trigger logs no request", async () => {
    await harness.trigger("recordChanges", undefined, { connection, recordType: "customers", startFrom: "beginning" }, { instanceState: {}, logger } as never);
    expect(logged.join("\n")).not.toMatch(/ServiceTitan request:/);
  });

  test("a seed action keeps its Debug Request input; turned off, nothing is logged (getCustomer is a seed key)", async () => {
    expect(SEED_ACTION_KEYS).toContain("getCustomer");
    expect(inputKeysOf("getCustomer")).toContain("debugRequest");
    await harness.action("getCustomer", { connection, customerId, debugRequest: "false" }, { logger } as never);
    expect(logged).toEqual([]);
  });

  test("Debug Request input alone still logs", async () => {
    await harness.action("getCustomer", { connection, customerId, debugRequest: "true" }, { logger } as never);
    expectRequestAndAnswerLogged(`/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}`);
  });

  test("neither: nothing is logged", async () => {
    await harness.action("getCustomer", { connection, customerId }, { logger } as never);
    await harness.action("rawRequest", { connection, module: "crm", method: "GET", path: `/customers/${customerId}` }, { logger } as never);
    expect(logged).toEqual([]);
  });
});

const inputKeysOf = (key: string): string[] =>
  ((component.actions as unknown as Record<string, { inputs: Array<{ key: string }> }>)[key]?.inputs ?? []).map((i) => i.key);

describe("Debug Request input: the 58 actions of the earlier component only", () => {
  it("every seed action has it; no other action, no trigger and no data source does", () => {
    const withInput = Object.keys(component.actions).filter((key) => inputKeysOf(key).includes("debugRequest"));
    expect(withInput.sort()).toEqual([...SEED_ACTION_KEYS].sort());
    const others = [...Object.values(component.triggers ?? {}), ...Object.values(component.dataSources ?? {})] as unknown as Array<{ key: string; inputs: Array<{ key: string }> }>;
    expect(others.filter((o) => o.inputs.some((i) => i.key === "debugRequest")).map((o) => o.key)).toEqual([]);
  });
});

describe("transportFor (shared by the ServiceTitan and Leads clients)", () => {
  const logger = { info: () => {} };
  it("turns logging on for either switch and off for neither", () => {
    expect(transportFor({ logger, debug: { enabled: true } }, {})).toEqual({ logger, debug: true });
    expect(transportFor({ logger, debug: { enabled: false } }, { debugRequest: true })).toEqual({ logger, debug: true });
    expect(transportFor({ logger, debug: { enabled: false } }, { debugRequest: false })).toEqual({ logger, debug: false });
    expect(transportFor({ logger }, {})).toEqual({ logger, debug: false });
  });

  it("every step builds its client through clientFor / leadsClientFor (no copied debug expression)", () => {
    const root = path.resolve(__dirname, "../../src");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => f.split(path.sep).join("/"));
    const direct = files.filter((f) => {
      const text = readFileSync(path.join(root, f), "utf8");
      return /\bcreate(ServiceTitan|Leads)Client\(/.test(text.replace(/export const create(ServiceTitan|Leads)Client = \(/g, ""));
    });
    expect(direct.sort()).toEqual(["http/clientFor.ts", "leads/client.ts"]);
  });
});
