/**
 * `npm run mutation [-- <module> …] [--files a.ts,b.ts]`: Stryker over each module of modules.js in turn
 * (all of them by default), one module per run so each has its own report and incremental file under
 * reports/mutation/<module>/, then the score per module (score.js). `--files a.ts,b.ts:10-80` narrows one
 * module's run to some of its files or line ranges; Stryker's incremental file keeps the results of the
 * parts not run this time, so a big module can be run in parts. MUTATION_CONCURRENCY (default 2) sets
 * Stryker's processes; the machine is small. MUTATION_FORCE=1 retests every mutant of the files run
 * instead of reusing incremental results (after tests were added for survivors).
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const modules = require("./modules.js");

const ROOT = path.resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const filesAt = args.indexOf("--files");
const files = filesAt >= 0 ? (args[filesAt + 1] ?? "") : "";
const names = args.filter((a, i) => !a.startsWith("--") && !(filesAt >= 0 && i === filesAt + 1));
const wanted = names.length ? names : Object.keys(modules);
for (const name of wanted) if (!modules[name]) throw new Error(`Unknown module "${name}"; one of ${Object.keys(modules).join(", ")}.`);

/**
 * What each finished run covered (module, files or line ranges, date), appended to
 * reports/mutation/<module>/runs.json next to the incremental file: a module run in parts says which.
 */
const recordRun = (name, files) => {
  const file = path.join(ROOT, "reports", "mutation", name, "runs.json");
  const runs = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : [];
  runs.push({ finished: new Date().toISOString(), mutate: files ? files.split(",") : modules[name].mutate });
  fs.writeFileSync(file, `${JSON.stringify(runs, null, 2)}\n`);
};

let failed = 0;
for (const name of wanted) {
  console.log(`\n=== mutation testing: ${name} ${files ? `(${files})` : ""}`);
  // Niced: the machine is shared, and Stryker's processes would otherwise take both cores from the others.
  const stryker = ["npx", "stryker", "run", "stryker.config.mjs"];
  const [command, ...rest] = process.platform === "win32" ? stryker : ["nice", "-n", "15", ...stryker];
  const run = spawnSync(command, rest, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, MUTATION_MODULE: name, MUTATION_FILES: files },
  });
  if (run.status !== 0) failed += 1;
  else recordRun(name, files);
}
console.log("\n=== mutation score per module (reports/mutation/<module>/index.html for details)");
spawnSync("node", [path.join(__dirname, "score.js"), ...wanted], { cwd: ROOT, stdio: "inherit" });
process.exitCode = failed ? 1 : 0;
