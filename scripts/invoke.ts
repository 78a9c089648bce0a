/**
 * npm run invoke -- <actionKey> name=value …
 *
 * Runs one action of the built component and prints its JSON result. Against the embedded sandbox by
 * default; against a real tenant when SERVICETITAN_CLIENT_ID, SERVICETITAN_CLIENT_SECRET,
 * SERVICETITAN_APP_KEY and SERVICETITAN_TENANT are set (SERVICETITAN_ENVIRONMENT: production |
 * integration, default integration). Values are passed as a user types them in the designer; JSON
 * inputs as JSON text, value lists comma-separated.
 */
import { buildConnection, fetchToken, sandboxConnection, type ConnectionFields } from "./lib/connection";
import { builtHarness, loadBuiltComponent } from "./lib/component";
import { ENVIRONMENTS } from "../src/connections/serviceTitan";
import { redact } from "../src/core/redact";

const usage = () => {
  console.error("usage: npm run invoke -- <actionKey> name=value …   (npm run invoke -- --list to list actions)");
  process.exit(2);
};

const main = async () => {
  const [key, ...pairs] = process.argv.slice(2);
  if (!key) usage();
  const component = loadBuiltComponent();
  if (key === "--list") {
    for (const [k, a] of Object.entries(component.actions as Record<string, { display: { label: string } }>)) console.log(`${k}\t${a.display.label}`);
    return;
  }
  const action = component.actions[key];
  if (!action) {
    console.error(`No action "${key}". Try: npm run invoke -- --list`);
    process.exit(2);
  }
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 1) usage();
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }

  let close = async () => {};
  const env = process.env;
  if (env.SERVICETITAN_CLIENT_ID && env.SERVICETITAN_CLIENT_SECRET && env.SERVICETITAN_APP_KEY && env.SERVICETITAN_TENANT) {
    const name = (env.SERVICETITAN_ENVIRONMENT ?? "integration") as "production" | "integration";
    const environment = ENVIRONMENTS[name] ?? ENVIRONMENTS.integration;
    const fields: ConnectionFields = {
      environment: environment.authOrigin,
      tokenUrl: environment.tokenUrl,
      clientId: env.SERVICETITAN_CLIENT_ID,
      clientSecret: env.SERVICETITAN_CLIENT_SECRET,
      applicationKey: env.SERVICETITAN_APP_KEY,
      tenant: env.SERVICETITAN_TENANT,
    };
    params.connection = buildConnection(fields, await fetchToken(fields));
    console.error(`Calling tenant ${fields.tenant} (${environment.label}).`);
  } else {
    const { startSandbox } = await import("../sandbox/server");
    const sandbox = await startSandbox({ port: 0 });
    close = () => sandbox.close();
    params.connection = await sandboxConnection(sandbox);
    console.error(`Calling the embedded sandbox at ${sandbox.url}.`);
  }
  try {
    const result = await builtHarness().action(key, params);
    console.log(JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2));
  } catch (error) {
    console.error(redact(`Error: ${(error as Error).message}`));
    process.exitCode = 1;
  } finally {
    await close();
  }
};

main().catch((error) => {
  console.error(redact(String(error?.stack ?? error)));
  process.exit(1);
});
