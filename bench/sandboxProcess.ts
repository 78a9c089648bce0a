/**
 * Runs one sandbox in its own process for `npm run bench`, so the server's memory (seed data,
 * serialised pages) and CPU never count against the component being measured — as with the real,
 * remote ServiceTitan. Options come as JSON in argv[2]; once listening it prints one JSON line
 * `{ url, tokenUrl, credentials, startedMs }` and runs until SIGTERM. Faults, latency and the request
 * log are driven over the sandbox's own /__sandbox control endpoints.
 */
import { startSandbox, type SandboxOptions } from "../sandbox/server";

const main = async (): Promise<void> => {
  const options = JSON.parse(process.argv[2] ?? "{}") as SandboxOptions;
  const started = Date.now();
  const sandbox = await startSandbox({ ...options, port: 0 });
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, tokenUrl: sandbox.tokenUrl, credentials: sandbox.credentials, startedMs: Date.now() - started })}\n`,
  );
  const stop = (): void => {
    void sandbox.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
