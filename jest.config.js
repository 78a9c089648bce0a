/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type checking is `npm run typecheck` (run by .ci/run); tests transpile only, which keeps them fast.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  testTimeout: 60000,
  // Secret scan (issue 9): every line the run writes is captured and checked for secrets at the end.
  // The global hooks also print why contract tests were skipped when the OpenAPI documents are absent.
  globalSetup: "<rootDir>/test/support/globalSetup.ts",
  setupFilesAfterEnv: ["<rootDir>/test/support/secretScanCapture.ts"],
  globalTeardown: "<rootDir>/test/support/globalTeardown.ts",
  maxWorkers: 2,
};
