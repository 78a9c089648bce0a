/**
 * jest for mutation testing (`npm run mutation`, see scripts/mutation/run.js): the project's transform, but
 * only the tests of the module under mutation (MUTATION_TESTS, comma-separated globs), without the run-wide
 * global hooks (secret scan, documents banner), and one worker (Stryker runs its own processes).
 */
const base = require("./jest.config");

const tests = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  testTimeout: base.testTimeout,
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  testMatch: tests.length ? tests.map((glob) => `<rootDir>/${glob}`) : base.testMatch,
  maxWorkers: 1,
};
