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
  maxWorkers: 2,
};
