/**
 * `npm run mutation [-- <module> …] [--files a.ts,b.ts]`: Stryker over each module of modules.js in turn
 * (all of them by default), one module per run so each has its own report and incremental file under
 * reports/mutation/<module>/, then the score per module (score.js). `--files` narrows one module's run to
 * some of its files. MUTATION_CONCURRENCY (default 2) sets Stryker's processes; the machine is small.
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const modules = require("./modules.js");

const ROOT = path.resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const filesAt = args.indexOf("--files");
const files = filesAt >= 0 ? (args[filesAt + 1] ?? "") : "";
const names = args.filter((a, i) => !a.startsWith("--") && !(filesAt >= 0 && i === filesAt + 1));
const wanted = names.length ? names : Object.keys(modules);
for (const name of wanted) if (!modules[name]) throw new Error(`Unknown module "${name}"; one of ${Object.keys(modules).join(", ")}.`);

let failed = 0;
for (const name of wanted) {
  console.log(`\n=== mutation testing: ${name} ${files ? `(${files})` : ""}`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, MUTATION_MODULE: name, MUTATION_FILES: files },
  });
  if (run.status !== 0) failed += 1;
}
console.log("\n=== mutation score per module (reports/mutation/<module>/index.html for details)");
spawnSync("node", [path.join(__dirname, "score.js"), ...wanted], { cwd: ROOT, stdio: "inherit" });
process.exitCode = failed ? 1 : 0;
