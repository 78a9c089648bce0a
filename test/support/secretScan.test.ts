/**
 * The secret scan itself: it finds a leak (so it can fail the run), masks the secret in its report,
 * recognises run-time tokens and registered secrets; its known values match the sandbox's defaults;
 * the capture hook is live. And two real runs whose output it must see: a debug-enabled action and a
 * failing action, both checked here directly as well.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Connection } from "@prismatic-io/spectral";
import { DEFAULT_CREDENTIALS, type Sandbox } from "../../sandbox/server";
import * as capture from "./captureServer";
import { spectral, useSandbox } from "./harness";
import { ConnectionError } from "@prismatic-io/spectral";
import { createServiceTitanClient } from "../../src/http/client";
import { CAPTURE_PREFIX, cutFragment, errorTexts, formatLeaks, REGISTERED_PREFIX, scanCaptureDir, scanLines } from "./secretScan";
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

  test("a secret cut short before it was redacted is found by its start before the cut mark", () => {
    expect(cutFragment(`body: {"k":"${SANDBOX_APP_KEY.slice(0, 9)}… (20000 bytes)`, SANDBOX_APP_KEY)).toBe(SANDBOX_APP_KEY.slice(0, 9));
    expect(cutFragment("body: [REDACTED]… (20000 bytes)", SANDBOX_APP_KEY)).toBeUndefined();
    const leaks = scanLines([{ testFile: "t", stream: "logger", text: `body: xx${SANDBOX_CLIENT_SECRET.slice(0, 9)}…` }]);
    expect(leaks.map((l) => l.secret)).toEqual(["fragment of sandbox client secret at a cut"]);
  });

  test("errorTexts sees JSON, util.inspect and every nested own property of an error", () => {
    const error = Object.assign(new Error("plain"), { details: { deep: [{ hidden: "needle-in-property" }] } });
    Object.defineProperty(error, "secretish", { value: "needle-not-enumerable", enumerable: false });
    const texts = errorTexts(error).join("\n");
    expect(texts).toContain("needle-in-property");
    expect(texts).toContain("needle-not-enumerable");
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
  const harness = spectral;
  const t = useSandbox("production", { seedData: { customers: 3 } });
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

  beforeAll(() => ({ sb, connection, customerId } = t));

  test("a debug-enabled action logs request and response with every secret masked", async () => {
    logged.length = 0;
    await harness.action("getCustomer", { connection, customerId, debugRequest: "true" }, { logger } as never);
    const text = logged.join("\n");
    expect(text).toContain(`GET ${sb.url}/crm/v2/tenant/${sb.credentials.tenant}/customers/${customerId}`);
    expect(text).toContain("[REDACTED]");
    for (const secret of secretsOf()) expect(text).not.toContain(secret);
    expect(scanLines(logged.map((t) => ({ testFile: "here", stream: "logger", text: t })))).toEqual([]);
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
      .action("createCustomerNote", { connection, customerId, text: "hello" }, { logger, globalDebug: true } as never)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^ServiceTitan "Create Customer Note" failed with 400 Bad Request: Bad — note: echo \[REDACTED\] — traceId: t-1$/);
    console.error(error.message);
    for (const secret of secretsOf()) {
      expect(error.message).not.toContain(secret);
      expect(logged.join("\n")).not.toContain(secret);
    }
  });

  /** Fails with the leaks of every secret (or fragment of one) in what the error shows. */
  const expectNoSecretIn = (error: unknown) => {
    const lines = errorTexts(error).map((text) => ({ testFile: "here", stream: "error", text }));
    const secrets = Object.fromEntries(secretsOf().map((v, i) => [`secret #${i + 1}`, v]));
    expect(scanLines(lines, secrets).map((l) => `${l.secret}: ${l.excerpt}`)).toEqual([]);
    const all = lines.map((l) => l.text).join("\n");
    for (const secret of secretsOf()) expect(all).not.toContain(secret);
  };

  const echoEverywhere = (status: number) => {
    const [clientSecret, appKey, token] = secretsOf();
    return {
      kind: "status" as const,
      status,
      times: 1,
      body: {
        title: `Bad ${appKey}`,
        status,
        errors: { note: [`echo ${appKey}`], [`field-${token}`]: [`secret ${clientSecret}`] },
        traceId: `t-${clientSecret}`,
        data: { nested: { deep: [appKey], token } },
      },
    };
  };

  test("an error whose answer echoes secrets in fieldErrors, traceId and nested data: no secret in any property, JSON.stringify or util.inspect", async () => {
    sb.faults.set([echoEverywhere(400)]);
    const viaAction = await harness.action("createCustomerNote", { connection, customerId, text: "hello" }, { logger } as never).catch((e: unknown) => e);
    expect(viaAction).toBeInstanceOf(Error);
    expectNoSecretIn(viaAction);
    // the transport's own error, before any hook runs
    sb.faults.set([echoEverywhere(400)]);
    const client = createServiceTitanClient(connection, { retry: { maxAttempts: 1 } });
    const direct = await client.request({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: "probe" }).catch((e: unknown) => e);
    expect(direct).toMatchObject({ status: 400 });
    expectNoSecretIn(direct);
  });

  test("a 401 is a ConnectionError that names the connection but carries none of its secrets", async () => {
    sb.faults.set([echoEverywhere(401)]);
    const client = createServiceTitanClient(connection, { retry: { maxAttempts: 1 } });
    const error = (await client.request({ module: "crm", method: "GET", path: `/customers/${customerId}`, operation: "probe" }).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.connection).toMatchObject({ key: connection.key, configVarKey: connection.configVarKey });
    expectNoSecretIn(error);
    sb.faults.set([echoEverywhere(401)]);
    expectNoSecretIn(await harness.action("getCustomer", { connection, customerId }, { logger } as never).catch((e: unknown) => e));
  });

  test("a connection refused before sending: the ConnectionError carries no secret", async () => {
    const bad = { ...connection, fields: { ...connection.fields, tenant: "12ab" } };
    const error = await harness.action("getCustomer", { connection: bad, customerId }, { logger } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Tenant ID/);
    expectNoSecretIn(error);
  });

  test("a debug log of a body longer than the cut, with a secret straddling the cut, shows no fragment of it", async () => {
    logged.length = 0;
    const appKey = sb.credentials.appKey;
    // {"text":"…"}: the body is cut at 10,000 characters, 10 characters into the app key
    const text = `${"x".repeat(10_000 - '{"text":"'.length - 10)}${appKey} and more`;
    await harness
      .action("rawRequest", { connection, module: "crm", method: "POST", path: `/customers/${customerId}/notes`, body: JSON.stringify({ text }), debugRequest: "true" }, { logger } as never)
      .catch((e: unknown) => e);
    expect(logged.join("\n")).toMatch(/ \(\d+ bytes\)/);
    expect(logged.some((line) => line.length > 10_000)).toBe(true);
    expect(scanLines(logged.map((t) => ({ testFile: "here", stream: "logger", text: t })), { "sandbox app key": appKey }).map((l) => l.secret)).toEqual([]);
  });

  test("a connection that is refused: the error names the field and shows no secret", async () => {
    const bad = { ...connection, fields: { ...connection.fields, applicationKey: "ak1.wrong-key-for-scan" } };
    const error = (await harness.action("getCustomer", { connection: bad, customerId }, { logger } as never).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Application Key/);
    console.error(error.message);
    for (const secret of [...secretsOf(), "ak1.wrong-key-for-scan"]) expect(error.message).not.toContain(secret);
  });
});
