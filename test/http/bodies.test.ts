/**
 * What the transport does with answers that are not the JSON it asked for: a complete page of another
 * type is not retried, a redirect is only a result for downloads, and a write whose answer is unreadable
 * says it may have been carried out.
 */
import { createServiceTitanClient } from "../../src/http/client";
import { useSandbox } from "../support/harness";

const s = useSandbox("production", { seedData: { customers: 5 } });

const noWait = { sleep: async () => undefined };

test("a 200 carrying an HTML page is refused at once, not read again", async () => {
  s.sb.faults.set([{ kind: "html", status: 200, match: { method: "GET", pathIncludes: `/customers/${s.customerId}` } }]);
  s.sb.clearRequests();
  const client = createServiceTitanClient(s.connection, noWait);
  await expect(client.request({ module: "crm", method: "GET", path: `/customers/${s.customerId}`, operation: '"Get Customer"' })).rejects.toThrow(
    /^ServiceTitan "Get Customer" returned 200 with a text\/html body instead of JSON .*it is not ServiceTitan's answer/,
  );
  expect(s.sb.requests.filter((r) => r.path.endsWith(`/customers/${s.customerId}`))).toHaveLength(1);
});

test("a cut-off JSON body on a read is read again", async () => {
  s.sb.faults.set([{ kind: "truncatedJson", times: 1, match: { method: "GET", pathIncludes: `/customers/${s.customerId}` } }]);
  s.sb.clearRequests();
  const client = createServiceTitanClient(s.connection, noWait);
  const res = await client.request<{ id: number }>({ module: "crm", method: "GET", path: `/customers/${s.customerId}`, operation: '"Get Customer"' });
  expect(String(res.data.id)).toBe(s.customerId);
  expect(s.sb.requests.filter((r) => r.path.endsWith(`/customers/${s.customerId}`))).toHaveLength(2);
});

test("a redirect is an error for JSON operations (only downloads hand back the location)", async () => {
  s.sb.faults.set([{ kind: "status", status: 302, headers: { location: "https://elsewhere.example.com/x" }, match: { method: "GET", pathIncludes: `/customers/${s.customerId}` } }]);
  const client = createServiceTitanClient(s.connection, noWait);
  await expect(client.request({ module: "crm", method: "GET", path: `/customers/${s.customerId}`, operation: '"Get Customer"' })).rejects.toThrow(
    /^ServiceTitan "Get Customer" failed with 302 Found \(redirect\)/,
  );
  const download = await client.request<{ redirectUrl: string }>({ module: "crm", method: "GET", path: `/customers/${s.customerId}`, operation: '"Download"', responseType: "binary" });
  expect(download.data.redirectUrl).toBe("https://elsewhere.example.com/x");
});
