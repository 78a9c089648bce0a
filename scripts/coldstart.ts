/**
 * Cold start of the built component against a minimal Spectral component bundled with the same
 * webpack config: the measurement `npm run bench` reports, usable alone while working on load time.
 *
 *   npx webpack --no-stats && npx tsx scripts/coldstart.ts [runs]
 *
 * Prints the median require time of dist/index.js and of the minimal bundle (fresh node process each,
 * interleaved), the ratio, and both bundle sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
export const BUNDLE = path.join(ROOT, "dist", "index.js");

/** Bundles bench/minimal with the component's own webpack config (entry and output swapped). */
export const buildMinimal = async (): Promise<string> => {
  const out = mkdtempSync(path.join(os.tmpdir(), "st-bench-minimal-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const base = require(path.join(ROOT, "webpack.config.js"));
  const config = { ...base, context: ROOT, entry: path.join(ROOT, "bench", "minimal", "index.ts"), output: { ...base.output, path: out } };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: any) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return path.join(out, "index.js");
};

/** Time to require a bundle in a fresh node process (ms). */
export const requireTime = (file: string): number => {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const res = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`require ${file} failed: ${res.stderr}`);
  return Number(res.stdout);
};

/** The middle value (the mean of the two middle values for an even count). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface ColdStartResult {
  ours: number[];
  minimal: number[];
  oursMedian: number;
  minimalMedian: number;
  oursBytes: number;
  minimalBytes: number;
}

/** Builds the minimal bundle, warms the file cache for both, then times `runs` interleaved requires of each. */
export const measureColdStart = async (runs: number, bundle: string = BUNDLE): Promise<ColdStartResult> => {
  const minimal = await buildMinimal();
  try {
    requireTime(bundle); // warm the file cache for both
    requireTime(minimal);
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      ours.push(requireTime(bundle));
      floor.push(requireTime(minimal));
    }
    return {
      ours,
      minimal: floor,
      oursMedian: median(ours),
      minimalMedian: median(floor),
      oursBytes: statSync(bundle).size,
      minimalBytes: statSync(minimal).size,
    };
  } finally {
    rmSync(path.dirname(minimal), { recursive: true, force: true });
  }
};

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 15);
  measureColdStart(runs)
    .then((r) => {
      process.stdout.write(
        `ours ${r.oursMedian.toFixed(1)} ms, minimal ${r.minimalMedian.toFixed(1)} ms, ratio ${(r.oursMedian / r.minimalMedian).toFixed(2)}×; ` +
          `bundle ${r.oursBytes} vs ${r.minimalBytes} bytes\n` +
          `  ours    ${r.ours.map((x) => x.toFixed(0)).join("/")}\n  minimal ${r.minimal.map((x) => x.toFixed(0)).join("/")}\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`coldstart failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
