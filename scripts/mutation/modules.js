/**
 * The modules `npm run mutation` covers: where a silent bug loses or leaks data. Each names the source it
 * mutates and the jest tests that judge it (only those run: the whole suite would not fit the machine).
 */
module.exports = {
  http: {
    mutate: ["src/http/**/*.ts"],
    tests: ["test/http/*.test.ts", "test/leads/transport.test.ts", "test/foundation/*.test.ts"],
  },
  core: {
    mutate: ["src/core/**/*.ts"],
    tests: ["test/http/redact.test.ts", "test/http/json.test.ts", "test/support/secretScan.test.ts", "test/inputs/*.test.ts"],
  },
  paging: {
    mutate: ["src/paging/**/*.ts"],
    tests: ["test/paging/*.test.ts", "test/sandbox/exportFeed.test.ts", "test/actions/factory.test.ts"],
  },
  triggers: {
    mutate: ["src/triggers/**/*.ts", "src/recordChanges/**/*.ts", "src/webhooks/**/*.ts"],
    tests: ["test/triggers/*.test.ts"],
  },
  clean: {
    mutate: ["src/inputs/clean.ts"],
    tests: ["test/inputs/*.test.ts", "test/http/json.test.ts"],
  },
  crm: {
    mutate: ["src/crm/**/*.ts"],
    tests: ["test/crm/*.test.ts"],
  },
};
