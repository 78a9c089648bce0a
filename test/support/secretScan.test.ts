/**
 * The secret scan itself: it finds a leak (so it can fail the run), masks the secret in its report,
 * recognises run-time tokens and registered secrets; its known values match the sandbox's defaults;
 * the capture hook is live. And two real runs whose output it must see: a debug-enabled action and a
 * failing action, both checked here directly as well.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import type { Connection } from "@prismatic-io/spectral";
import component from "../../src/index";
import { DEFAULT_CREDENTIALS, type Sandbox } from "../../sandbox/server";
import * as capture from "./captureServer";
import { startSandboxWithCustomer } from "./sandbox";
import { CAPTURE_PREFIX, formatLeaks, REGISTERED_PREFIX, scanCaptureDir, scanLines } from "./secretScan";
import { KNOWN_SECRETS, LEADS_SANDBOX_CLIENT_SECRET, SANDBOX_APP_KEY, SANDBOX_CLIENT_SECRET } from "./secrets";
import { LEADS_SANDBOX_CLIENT_SECRET as LEADS_SANDBOX_DEFAULT } from "../../sandbox/leads/server";

describe("secret scan", () => {
  test("a leaking line is found, reported with file and line, and the secret is masked in the report", () => {
    const leaks = scanLines([
      { testFile: "test/x.test.ts", where: "src/http/core.ts:99", stream: "console.info", text: `request headers: {"ST-App-Key":"${SANDBOX_APP_KEY}"}` },
      { testFile: "test/x.test.ts", stream: "stdout", text: "nothing to see here" },
    ]);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ secret: "sandbox app key", testFile: "test/x.test.ts", where: "src/http/core.ts:99", stream: "console.info" });
    const report = formatLeaks(leaks);
    expect(report).toContain("written at src/http/core.ts:99");
    expect(report).not.toContain(SANDBOX_APP_KEY);
  });

  test("run-time tokens are recognised by shape", () => {
    const token = `sbx.${"A".repeat(16)}_-${"b9".repeat(7)}`;
    expect(token).toHaveLength(36);
    const leaks = scanLines([{ testFile: "t", stream: "stderr", text: `Authorization: Bearer ${token}` }]);
    expect(leaks.map((l) => l.secret)).toEqual(["sandbox access token"]);
    expect(leaks[0].excerpt).not.toContain(token);
    expect(scanLines([{ testFile: "t", stream: "stderr", text: "Authorization: Bearer [REDACTED]" }])).toEqual([]);
    const leadsToken = `lsbx.${"C".repeat(43)}`;
    expect(scanLines([{ testFile: "t", stream: "stderr", text: `token ${leadsToken}` }]).map((l) => l.secret)).toEqual(["leads sandbox access token"]);
  });

  test("a capture directory is scanned with the secrets the component registered", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "scan-unit-"));
    try {
      writeFileSync(path.join(dir, `${REGISTERED_PREFIX}1.jsonl`), `${JSON.stringify("leads-secret-7f3a9c")}\n`);
      writeFileSync(
        path.join(dir, `${CAPTURE_PREFIX}1.jsonl`),
        [
          { testFile: "test/a.test.ts", where: "src/leads/actions.ts:12", stream: "console.warn", text: "refused: leads-secret-7f3a9c" },
          { testFile: "test/a.test.ts", stream: "stdout", text: "all good" },
        ]
          .map((l) => JSON.stringify(l))
          .join("\n"),
      );
      const { lines, leaks } = scanCaptureDir(dir);
      expect(lines).toBe(2);
      expect(leaks).toHaveLength(1);
      expect(leaks[0]).toMatchObject({ testFile: "test/a.test.ts", where: "src/leads/actions.ts:12" });
      expect(leaks[0].secret).toMatch(/^secret registered by the component/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the known secrets are the sandbox's and the capture server's", () => {
    expect(SANDBOX_CLIENT_SECRET).toBe(DEFAULT_CREDENTIALS.clientSecret);
    expect(SANDBOX_APP_KEY).toBe(DEFAULT_CREDENTIALS.appKey);
    expect(LEADS_SANDBOX_CLIENT_SECRET).toBe(LEADS_SANDBOX_DEFAULT);
    expect(Object.values(KNOWN_SECRETS)).toEqual(expect.arrayContaining([capture.CAPTURE_APP_KEY, capture.CAPTURE_ACCESS_TOKEN]));
  });

  test("the capture hook is live in this run: console output and stdout reach the capture directory", () => {
    const dir = process.env.ST_SECRET_SCAN_DIR;
    expect(dir).toBeTruthy();
    const marker = `secret-scan-marker-${Date.now()}`;
    console.info(marker);
    process.stdout.write(`${marker}-stdout\n`);
    const captured = readdirSync(dir!)
      .filter((f) => f.startsWith(CAPTURE_PREFIX))
      .map((f) => readFileSync(path.join(dir!, f), "utf8"))
      .join("");
    expect(captured).toContain(`"text":"${marker}"`);
    expect(captured).toContain(`${marker}-stdout`);
    expect(captured).toContain("test/support/secretScan.test.ts");
  });
});

describe("secret scan: real output of the component", () => {
  let sb: Sandbox;
  let connection: Connection;
  let customerId: string;
  const harness = createHarness(component);
  const logged: string[] = [];
  // writes to the console too, so the run-wide scan sees exactly what a Prismatic log would get
  const logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [
      level,
      (...args: unknown[]) => {
        const text = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
        logged.push(text);
        console[level](text);
      },
    ]),
  );
  const secretsOf = () => [sb.credentials.clientSecret, sb.credentials.appKey, String(connection.token?.access_token)];

  beforeAll(async () => {
    ({ sb, connection, customerId } = await startSandboxWithCustomer({ seedData: { customers: 3 } }));
  });
  afterAll(() => sb.close());

  test("a debug-enabled action logs request and response with every secret masked", async () => {
    logged.length = 0;
    await harness.action("getCustomer", { connection, customerId, debugRequest: "true" }, { logger } as never);
    const text = logged.join("\n");
    expect(text).toContain(`GET ${sb.url}/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}`);
    expect(text).toContain("[REDACTED]");
    for (const secret of secretsOf()) expect(text).not.toContain(secret);
    expect(scanLines(logged.map((t) => ({ testFile: "here", stream: "logger", text })))).toEqual([]);
    // the values the transport registered as secrets are recorded for the run-wide scan
    const dir = process.env.ST_SECRET_SCAN_DIR!;
    const registered = readdirSync(dir)
      .filter((f) => f.startsWith(REGISTERED_PREFIX))
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("");
    expect(registered).toContain(JSON.stringify(String(connection.token?.access_token)));
    expect(registered).toContain(JSON.stringify(sb.credentials.appKey));
  });

  test("a debug-enabled write that fails: log and error message carry no secret", async () => {
    logged.length = 0;
    sb.faults.set([{ kind: "status", status: 400, times: 1, body: { title: "Bad", status: 400, errors: { note: [`echo ${sb.credentials.appKey}`] }, traceId: "t-1" } }]);
    const error = (await harness
      .action("createCustomerNote", { connection, customerId, text: "hello", debugRequest: "true" }, { logger } as never)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^ServiceTitan "Create Customer Note" failed with 400 Bad Request: Bad — note: echo \[REDACTED\] — traceId: t-1$/);
    console.error(error.message);
    for (const secret of secretsOf()) {
      expect(error.message).not.toContain(secret);
      expect(logged.join("\n")).not.toContain(secret);
    }
  });

  test("a connection that is refused: the error names the field and shows no secret", async () => {
    const bad = { ...connection, fields: { ...connection.fields, applicationKey: "ak1.wrong-key-for-scan" } };
    const error = (await harness.action("getCustomer", { connection: bad, customerId }, { logger } as never).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Application Key/);
    console.error(error.message);
    for (const secret of [...secretsOf(), "ak1.wrong-key-for-scan"]) expect(error.message).not.toContain(secret);
  });
});
