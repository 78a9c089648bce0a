/**
 * `npm run sandbox`: starts the ServiceTitan sandbox on SANDBOX_PORT (default 4010) and keeps running.
 * Optional: SANDBOX_SEED, SANDBOX_CUSTOMERS (number of seeded customers).
 */
import { startSandbox } from "./server";

const main = async (): Promise<void> => {
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  const customers = process.env.SANDBOX_CUSTOMERS ? Number(process.env.SANDBOX_CUSTOMERS) : undefined;
  const started = Date.now();
  const sandbox = await startSandbox({
    port,
    seed: process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined,
    seedData: customers !== undefined ? { customers } : undefined,
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
