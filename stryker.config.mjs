// Stryker (mutation testing) for one module of scripts/mutation/modules.js, chosen by MUTATION_MODULE;
// `npm run mutation` (scripts/mutation/run.js) sets it. Not part of CI: a habit, run by hand.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const modules = require("./scripts/mutation/modules.js");

const name = process.env.MUTATION_MODULE ?? "clean";
const module = modules[name];
if (!module) throw new Error(`Unknown mutation module "${name}"; one of ${Object.keys(modules).join(", ")}.`);
const only = (process.env.MUTATION_FILES ?? "").split(",").filter(Boolean);
process.env.MUTATION_TESTS = module.tests.join(",");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "stryker.jest.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.stryker.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: only.length ? only : module.mutate,
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants) rerun every test; on a 2-core machine they are skipped.
  ignoreStatic: true,
  incremental: true,
  // MUTATION_FORCE=1: test every mutant of the files run, reusing nothing. Incremental mode keeps a
  // survivor's result while the tests that covered it are unchanged, so a survivor killed by a test
  // added in another test's place can stay recorded as surviving until a forced run.
  force: process.env.MUTATION_FORCE === "1",
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 10000,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // documentation/ is copied: some judged tests (webhookAuth) check the written docs against the code.
  ignorePatterns: ["dist", "bench", "reports", "coverage", "manifest", ".stryker-tmp"],
};
