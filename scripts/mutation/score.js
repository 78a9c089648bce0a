/**
 * Prints the mutation score of each module from Stryker's JSON report of the last run
 * (reports/mutation/<module>/mutation.json, not committed) or, without it, from the module's committed
 * incremental result file (reports/mutation/<module>/stryker-incremental.json, same schema), so a fresh
 * clone reproduces the table in scripts/mutation/SURVIVORS.md without running anything:
 * score = detected (killed + timed out) / (detected + undetected (survived + not covered)), per module and
 * per file. `--survivors` also lists every surviving or uncovered mutant (file:line, mutator, replacement).
 *
 *   node scripts/mutation/score.js [module …] [--survivors]
 */
const fs = require("node:fs");
const path = require("node:path");
const modules = require("./modules.js");

const ROOT = path.resolve(__dirname, "..", "..");
const reportOf = (name) =>
  ["mutation.json", "stryker-incremental.json"]
    .map((file) => path.join(ROOT, "reports", "mutation", name, file))
    .find((file) => fs.existsSync(file));

const tally = (mutants) => {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, invalid: 0 };
  for (const m of mutants) {
    if (m.status === "Killed") t.killed += 1;
    else if (m.status === "Timeout") t.timeout += 1;
    else if (m.status === "Survived") t.survived += 1;
    else if (m.status === "NoCoverage") t.noCoverage += 1;
    else if (m.status === "Ignored")
      t.ignored += 1; // static mutants (ignoreStatic in stryker.config.mjs)
    else t.invalid += 1; // CompileError (the TypeScript checker refused it), RuntimeError, Pending
  }
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return { ...t, score: valid ? (100 * detected) / valid : Number.NaN, valid };
};

const num = (n, width = 4) => String(n).padStart(width);
const line = (label, t) =>
  `${label.padEnd(34)} ${Number.isNaN(t.score) ? "   n/a" : `${t.score.toFixed(1).padStart(5)}%`}` +
  `  tested ${num(t.valid)}  killed ${num(t.killed)}  timeout ${num(t.timeout, 3)}  survived ${num(t.survived, 3)}` +
  `  no coverage ${num(t.noCoverage, 3)}  (static, not run ${num(t.ignored)}; not compiling ${num(t.invalid)})`;

const main = (argv) => {
  const survivors = argv.includes("--survivors");
  const names = argv.filter((a) => !a.startsWith("--"));
  const wanted = names.length ? names : Object.keys(modules);
  let missing = 0;
  for (const name of wanted) {
    const file = reportOf(name);
    if (!file) {
      console.log(`${name.padEnd(34)} no report (run: npm run mutation -- ${name})`);
      missing += 1;
      continue;
    }
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
    console.log(line(`${name} (${files.length} files, ${path.basename(file)})`, tally(files.flatMap(([, f]) => f.mutants))));
    const runs = path.join(path.dirname(file), "runs.json");
    if (fs.existsSync(runs)) {
      for (const run of JSON.parse(fs.readFileSync(runs, "utf8"))) console.log(`  run finished ${run.finished}: ${run.mutate.join(", ")}`);
    }
    for (const [fileName, f] of files) {
      const lines = f.mutants.map((m) => m.location.start.line);
      const span = lines.length ? ` :${Math.min(...lines)}-${Math.max(...lines)}` : "";
      console.log(line(`  ${path.relative(ROOT, path.resolve(ROOT, fileName))}${span}`, tally(f.mutants)));
      if (!survivors) continue;
      for (const m of f.mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
        const where = `${m.location.start.line}:${m.location.start.column}`;
        const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 90);
        console.log(`      ${m.status === "NoCoverage" ? "uncovered" : "survived "} ${where.padEnd(8)} ${m.mutatorName}: ${replacement}`);
      }
    }
  }
  return missing;
};

// A module without a report is listed as such, not an error: not every module is measured on every pass.
if (require.main === module) main(process.argv.slice(2));
module.exports = { tally };
