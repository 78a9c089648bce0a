/**
 * jest setupFilesAfterEnv hook of the secret scan (see secretScan.ts). In every test file it
 * - copies each console.* call and each process.stdout / process.stderr write into this worker's
 *   capture file, with the running test file and the file:line that wrote it;
 * - records every value the component registers as a secret (src/core/redact.ts `registerSecret`:
 *   access tokens, app keys, client secrets, webhook keys), so run-time secrets are scanned for too.
 * Output still reaches the terminal unchanged. Without ST_SECRET_SCAN_DIR (set by
 * secretScanSetup.ts) it does nothing.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import { CAPTURE_PREFIX, type CapturedLine, REGISTERED_PREFIX } from "./secretScan";

jest.mock("../../src/core/redact", () => {
  const actual = jest.requireActual("../../src/core/redact");
  const dir = process.env.ST_SECRET_SCAN_DIR;
  const seen = new Set<string>();
  return {
    ...actual,
    registerSecret: (value: unknown) => {
      if (dir && typeof value === "string" && !seen.has(value)) {
        seen.add(value);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("node:fs").appendFileSync(
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require("node:path").join(dir, `registered-${process.env.JEST_WORKER_ID ?? "0"}-${process.pid}.jsonl`),
          `${JSON.stringify(value)}\n`,
        );
      }
      return actual.registerSecret(value);
    },
  };
});

const dir = process.env.ST_SECRET_SCAN_DIR;
const STATE = Symbol.for("st.secretScan.state");
type State = { testFile: string; file: string };

if (dir) {
  const worker = `${process.env.JEST_WORKER_ID ?? "0"}-${process.pid}`;
  const testPath = (expect.getState().testPath as string | undefined) ?? "unknown test file";
  const state: State = {
    testFile: path.relative(process.cwd(), testPath),
    file: path.join(dir, `${CAPTURE_PREFIX}${worker}.jsonl`),
  };
  void REGISTERED_PREFIX;

  const callerOf = (): string | undefined => {
    const frames = (new Error().stack ?? "").split("\n").slice(2);
    for (const frame of frames) {
      const m = /\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):\d+\)?$/.exec(frame.trim());
      if (!m) continue;
      const file = m[1];
      if (file.includes("secretScanCapture") || file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith("node:")) continue;
      return `${path.relative(process.cwd(), file)}:${m[2]}`;
    }
    return undefined;
  };

  const record = (s: State, stream: string, text: string): void => {
    if (!text) return;
    const line: CapturedLine = { testFile: s.testFile, where: callerOf(), stream, text };
    try {
      appendFileSync(s.file, `${JSON.stringify(line)}\n`);
    } catch {
      // the capture must never break a test
    }
  };

  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method] as (...args: unknown[]) => void;
    console[method] = (...args: unknown[]) => {
      record(state, `console.${method}`, format(...args));
      original.apply(console, args);
    };
  }

  // The worker's real streams are shared by every test file it runs: wrap once, point at the current file.
  for (const [name, stream] of [
    ["stdout", process.stdout],
    ["stderr", process.stderr],
  ] as const) {
    const holder = stream as unknown as Record<symbol, State | undefined>;
    if (!holder[STATE]) {
      const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
      (stream as unknown as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
        const current = holder[STATE];
        if (current) record(current, name, typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
        return write(chunk, ...rest);
      };
    }
    holder[STATE] = state;
  }
}
