/**
 * Sequential or concurrent pages? Measured against a sandbox that adds latency per request and per
 * record (as a real API does for large pages):
 * - a list longer than one page: asking for pages 1 and 2 at once returns in about the time of one
 *   page; asking for page 2 after page 1 takes about twice as long;
 * - a short list: both take one page's time, but the concurrent way spends a second (empty) request.
 * Hence the definitions: lists that are commonly long (customers, locations, jobs, appointments,
 * bookings, invoices, projects, installed equipment) are "concurrent"; short reference lists stay
 * "sequential" (one request).
 */
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { createServiceTitanClient, type ServiceTitanClient, type StRequest } from "../../src/http/client";
import { fetchPicklistRecords, type FetchStrategy } from "../../src/dataSources/picklist";
import { useSandbox } from "../support/harness";
import { apiRequests } from "./support";

let sandbox: Sandbox;
let client: ServiceTitanClient;

const t = useSandbox("production", {
  seedData: { customers: 0, technicians: 0, employees: 0, jobs: 0, bookings: 0, businessUnits: 12_000, userRoles: 5 },
  latency: { perRequestMs: 150, perRecordMs: 0.05 },
});
beforeAll(() => {
  sandbox = t.sb;
  client = createServiceTitanClient(t.connection);
});

const req = (path: string): StRequest => ({ module: "settings", method: "GET", path, query: {}, operation: "strategy test" });

const measure = async (path: string, strategy: FetchStrategy, runs = 3): Promise<{ ms: number; requests: number; records: number }> => {
  const times: number[] = [];
  let requests = 0;
  let records = 0;
  for (let i = 0; i < runs; i++) {
    sandbox.clearRequests();
    const t0 = performance.now();
    const out = await fetchPicklistRecords(client, req(path), strategy);
    times.push(performance.now() - t0);
    requests = apiRequests(sandbox).length;
    records = out.records.length;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], requests, records };
};

it("concurrent pages halve the wait for long lists; sequential saves a request on short ones", async () => {
  expect(sandbox.store.all(K.businessUnits)).toHaveLength(12_000);
  // warm up (JIT, sockets)
  await measure("/business-units", "sequential", 1);

  const longSeq = await measure("/business-units", "sequential");
  const longCon = await measure("/business-units", "concurrent");
  const shortSeq = await measure("/user-roles", "sequential");
  const shortCon = await measure("/user-roles", "concurrent");
  console.log(
    [
      "picklist fetch strategy (median of 3; latency 150 ms/request + 0.05 ms/record)",
      `  12,000 records: sequential ${longSeq.ms.toFixed(0)} ms / ${longSeq.requests} requests, concurrent ${longCon.ms.toFixed(0)} ms / ${longCon.requests} requests (ratio ${(longCon.ms / longSeq.ms).toFixed(2)})`,
      `  5 records:      sequential ${shortSeq.ms.toFixed(0)} ms / ${shortSeq.requests} request,  concurrent ${shortCon.ms.toFixed(0)} ms / ${shortCon.requests} requests`,
    ].join("\n"),
  );

  expect(longSeq.records).toBe(10_000);
  expect(longCon.records).toBe(10_000);
  expect(longSeq.requests).toBe(2);
  expect(longCon.requests).toBe(2);
  // The time itself is a figure for `npm run bench` (dropdown row), not a timed assertion here.

  expect(shortSeq.records).toBe(5);
  expect(shortCon.records).toBe(5);
  expect(shortSeq.requests).toBe(1);
  expect(shortCon.requests).toBe(2);
}, 60_000);
