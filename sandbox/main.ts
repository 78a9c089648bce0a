/**
 * `npm run sandbox`: starts the ServiceTitan sandbox on SANDBOX_PORT (default 4010) and keeps running.
 * Optional: SANDBOX_SEED, SANDBOX_CUSTOMERS (number of seeded customers), SANDBOX_OPT_OUT (comma-separated
 * production behaviours to turn off, e.g. "rateLimit,snapshotFeeds", or "all"), SANDBOX_PROFILE ("production",
 * the default, or "plain": every behaviour off), SANDBOX_RETRY_AFTER=1 (the rate limit's 429 also carries a
 * Retry-After header).
 */
import { productionFromEnv, profileNamed } from "./production";
import { startSandbox } from "./server";

const main = async (): Promise<void> => {
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  const customers = process.env.SANDBOX_CUSTOMERS ? Number(process.env.SANDBOX_CUSTOMERS) : undefined;
  const started = Date.now();
  const sandbox = await startSandbox({
    port,
    seed: process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined,
    seedData: customers !== undefined ? { customers } : undefined,
    profile: profileNamed(process.env.SANDBOX_PROFILE),
    production: productionFromEnv(process.env),
  });
  const c = sandbox.credentials;
  const lines = [
    `ServiceTitan sandbox listening on ${sandbox.url} (started in ${Date.now() - started} ms)`,
    "",
    "Connection (Environment: Custom hosts):",
    `  API Base URL     ${sandbox.url}`,
    `  Token URL        ${sandbox.tokenUrl}`,
    `  Client ID        ${c.clientId}`,
    `  Client Secret    ${c.clientSecret}`,
    `  Application Key  ${c.appKey}`,
    `  Tenant ID        ${c.tenant}`,
    "",
    `Example: ${sandbox.apiBase("crm")}/customers?pageSize=5`,
    `Faults:  POST ${sandbox.url}/__sandbox/faults  {"kind":"429","retryAfter":2,"times":1}   DELETE to clear`,
    `Profile ${sandbox.profile}; behaviours: ${sandbox.behaviours.join(", ")}`,
    `Production behaviours on: ${Object.entries(sandbox.production).filter(([, v]) => v !== false).map(([k]) => k).join(", ") || "none"} (SANDBOX_OPT_OUT to turn off)`,
    "Press Ctrl+C to stop.",
  ];
  console.log(lines.join("\n"));
  const stop = (): void => {
    void sandbox.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
