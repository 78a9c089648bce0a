/**
 * The modules `npm run mutation` covers: where a silent bug loses or leaks data. Each names the source it
 * mutates and the jest tests that judge it (only those run: the whole suite would not fit the machine).
 *
 * The five areas of issue 18 (http, paging, triggers, input cleaning, CRM matching) plus src/core
 * (redaction leaks secrets) are split into named sub-modules small enough to finish on the 2-core
 * machine; `area` groups them. Each sub-module has its own report and committed incremental file under
 * reports/mutation/<name>/. scripts/mutation/SURVIVORS.md says which were run, when, and what survived.
 */
module.exports = {
  // --- src/http: the transport (retries, rate limit, errors) and the client
  // Judged by the unit tests of the decisions, limits, rules and hints, and by the hand-answered transport
  // tests (waits, budgets and rules through the client). Left out: the sandbox tests and the
  // whole-component loaders (see http-core), and rateLimit.transport.test.ts, whose tests take real
  // seconds each (150 requests at 60 a second) and would run for every limiter mutant; the limiter's
  // arithmetic is judged on a fake clock by rateLimit.test.ts and limits.mutation.test.ts. retry.ts lines
  // 56–153 were measured (10:59) with the earlier, wider set.
  "http-retry": {
    area: "http",
    mutate: ["src/http/retry.ts", "src/http/rateLimit.ts", "src/http/rules.ts", "src/http/budget.ts", "src/http/waitHints.ts"],
    tests: [
      "test/http/retry.test.ts",
      "test/http/retryEdges.test.ts",
      "test/http/rateLimit.test.ts",
      "test/http/waitHints.test.ts",
      "test/http/rules.test.ts",
      "test/http/transport.test.ts",
      "test/http/rules.mutation.test.ts",
      "test/http/limits.mutation.test.ts",
    ],
  },
  // Judged by the transport tests that answer by hand (a local server, no sandbox) and the error
  // messages' tests. Nearly every test that sends covers nearly every line of core.ts, and jest loads
  // every judged file for every mutant (the client brings the 1.5 MB operation catalog with it), so only
  // those files are kept: transport, core.mutation (debug lines, retry warnings, downloads, empty bodies,
  // a vouched write), rules (the budget's wait in the attempt loop). Left out: bodies.test.ts and
  // leads/transport.test.ts (a sandbox each, their cases are repeated by hand in core.mutation),
  // clientFor.test.ts and foundation/connectionOrder.test.ts (the whole component, ~35 s a run),
  // rateLimit.transport.test.ts (real seconds a test; the limiter is module http-retry's), and the
  // sandbox and foundation tests of the client and URL building (module http-client).
  "http-core": {
    area: "http",
    mutate: ["src/http/core.ts", "src/http/errors.ts"],
    tests: [
      "test/http/transport.test.ts",
      "test/http/core.mutation.test.ts",
      "test/http/rules.test.ts",
      "test/http/errors.test.ts",
      "test/http/errors.mutation.test.ts",
    ],
  },
  // Judged by the tests that build clients and URLs without loading the whole component or a sandbox:
  // the connection and path tests, the hand-answered transport tests (debug lines through the client's
  // logger), requestFor's refusals and the client's units (uploads, query strings, path filling, the debug
  // switch). Left out, each costing seconds per mutant for cases these repeat: the sandbox tests
  // (client.sandbox, bodies, telecom), the whole-component tests (clientFor, connectionOrder,
  // rawRequestHeaders) and rateLimit.transport (real seconds a test; the limiter is http-retry's). A first
  // run with them measured 6 mutants a minute, about 1.5 hours for the module.
  "http-client": {
    area: "http",
    mutate: ["src/http/client.ts", "src/http/clientFor.ts", "src/http/endpoints.ts", "src/http/multipart.ts", "src/http/requestFor.ts"],
    tests: [
      "test/foundation/tenantPath.test.ts",
      "test/foundation/connection.test.ts",
      "test/foundation/customHosts.test.ts",
      "test/http/transport.test.ts",
      "test/http/core.mutation.test.ts",
      "test/contract/requestFor.test.ts",
      "test/http/client.mutation.test.ts",
    ],
  },
  // --- src/core: redaction, exact JSON, input errors
  // Judged by unit tests only: test/support/secretScan.test.ts and test/inputs/oddNames.test.ts load the
  // whole component (and a sandbox) for every mutant, which the shared 2-core machine cannot afford.
  core: {
    area: "core",
    mutate: ["src/core/**/*.ts"],
    tests: ["test/http/redact.test.ts", "test/http/json.test.ts", "test/core/*.test.ts", "test/inputs/clean*.test.ts"],
  },
  paging: {
    area: "paging",
    mutate: ["src/paging/**/*.ts"],
    tests: ["test/paging/*.test.ts", "test/sandbox/exportFeed.test.ts", "test/actions/factory.test.ts"],
  },
  // --- triggers: signature checks (src/triggers), the record trigger's feed (src/recordChanges, where a
  // bug loses changes), the ServiceTitan webhook (src/webhooks)
  // The record trigger's tests (recordChanges, snapshot, recordTypes) never reach the signature checks,
  // yet each starts a sandbox for every mutant.
  "triggers-auth": {
    area: "triggers",
    mutate: ["src/triggers/hmac.ts", "src/triggers/webhookGuard.ts"],
    tests: [
      "test/triggers/units.test.ts",
      "test/triggers/hmacEdges.test.ts",
      "test/triggers/webhookGuardEdges.test.ts",
      "test/triggers/webhook*.test.ts",
      "test/triggers/stateConvention.test.ts",
      "test/triggers/*.mutation.test.ts",
    ],
  },
  // Judged by the tests that import or run the record trigger: the webhook and signature tests
  // (webhook*.test.ts, hmacEdges.test.ts) never reach src/recordChanges, yet each loads a sandbox harness
  // for every mutant; recordTypes.test.ts (every record type through a sandbox) is left out too, its
  // through-the-trigger case is repeated in recordChanges.test.ts. trigger.mutation.test.ts runs the trigger
  // one run at a time against a hand-answered feed (messages, first positions, seeding, at-least-once).
  "triggers-feed": {
    area: "triggers",
    mutate: ["src/recordChanges/changeFeed.ts", "src/recordChanges/deliveryState.ts", "src/recordChanges/trigger.ts"],
    tests: [
      "test/triggers/recordChanges.test.ts",
      "test/triggers/snapshot.test.ts",
      "test/triggers/units.test.ts",
      "test/triggers/stateConvention.test.ts",
      "test/triggers/changeFeed.mutation.test.ts",
      "test/triggers/trigger.mutation.test.ts",
    ],
  },
  // The ServiceTitan webhook trigger, the record types and Confirm Record Changes, judged by the tests that
  // run them: the webhook tests, the record types against the sandbox, the state convention (confirm) and
  // the units. Left out: recordChanges.test.ts (~12 s a run, its record-type case repeats recordTypes'),
  // the feed's mutation tests (they never reach these files).
  "triggers-rest": {
    area: "triggers",
    mutate: [
      "src/webhooks/serviceTitanWebhook.ts",
      "src/recordChanges/recordTypes.ts",
      "src/recordChanges/confirmRecordChanges.ts",
      "src/triggers/examplePayload.ts",
    ],
    tests: [
      "test/triggers/webhook.test.ts",
      "test/triggers/webhookAuth.test.ts",
      "test/triggers/webhookConstantTime.test.ts",
      "test/triggers/stateConvention.test.ts",
      "test/triggers/recordTypes.test.ts",
      "test/triggers/units.test.ts",
      "test/triggers/rest.mutation.test.ts",
    ],
  },
  // --- input cleaning
  // Judged by unit tests only: test/inputs/oddNames.test.ts loads the whole component for every mutant.
  clean: {
    area: "input cleaning",
    mutate: ["src/inputs/clean.ts"],
    tests: ["test/inputs/clean*.test.ts", "test/http/json.test.ts"],
  },
  // --- CRM matching. The pure normaliser and address checks are judged by their unit tests; the
  // linear-time tests are left out on purpose: their verdict is a timing ratio (not a value) that a loaded
  // machine makes noisy, and their 20,000-line comparison takes ~17 s per mutant. The lookups and Find or
  // Create are judged by the end-to-end CRM tests against the sandbox.
  "crm-normalize": {
    area: "crm",
    mutate: ["src/crm/normalize.ts", "src/crm/address.ts"],
    tests: ["test/crm/normalize.test.ts", "test/crm/normalize.mutation.test.ts"],
  },
  "crm-match": {
    area: "crm",
    mutate: ["src/crm/lookup.ts", "src/crm/findOrCreate.ts", "src/crm/validateAddress.ts"],
    tests: [
      "test/crm/broadSearch.test.ts",
      "test/crm/findOrCreate.test.ts",
      "test/crm/findOrCreatePhone.test.ts",
      "test/crm/leads.test.ts",
      "test/crm/records.test.ts",
      "test/crm/useCases.test.ts",
      "test/crm/normalize.test.ts",
      "test/crm/lookup.mutation.test.ts",
      "test/crm/findOrCreate.mutation.test.ts",
    ],
  },
};
