/**
 * Candidate searches that match more records than lookup.ts's bound (MAX_CANDIDATES, one page of 5000):
 * a surname shared by thousands of customers, a ZIP with thousands of locations. Find or Create Customer
 * and Validate Location Address must not fail on them: the broad search is left out, the others still
 * decide, and the result names what was left out (`searchesTruncated`). Find or Create then never
 * creates a customer on a miss: the person may be among the records left out (`matchMayExist`).
 */
import { createLocation, customerFields } from "../../sandbox/resources/crm";
import { K } from "../../sandbox/store";
import { MAX_CANDIDATES } from "../../src/crm/lookup";
import { type AnyRecord, useCrmSandbox } from "./support";

const env = useCrmSandbox();
const BROAD = MAX_CANDIDATES + 1;
const BUSY_ZIP = "91101";

beforeAll(() => {
  // > 5000 customers whose name contains "featherington" (the word Find or Create searches for)
  for (let i = 0; i < BROAD; i++) {
    const address = { street: `${i + 1} Elm St`, city: "Pasadena", state: "CA", zip: BUSY_ZIP, country: "USA" };
    const customer = env.sb.store.insert(K.customers, customerFields({ name: `Featherington Household ${i}`, type: "Residential", address }));
    // …each with a location in the same ZIP, near (not at) the point checked below
    createLocation(env.sb.store, customer.id, { name: "Home", address: { ...address, latitude: 34.2 + i / 1e5, longitude: -118.2 } });
  }
});

const person = {
  name: "Jo Featherington",
  street: "12 Quarry Road",
  city: "Pasadena",
  state: "CA",
  zip: "91107",
  phone: "(626) 555-0199",
  email: "jo.featherington@example.com",
};

it("the customers sharing the name word really exceed the bound", () => {
  const sharing = env.all(K.customers).filter((c) => String(c.name).toLowerCase().includes("featherington"));
  expect(sharing.length).toBeGreaterThan(MAX_CANDIDATES);
});

it("Find or Create Customer: with a too-broad search and no match, nothing is created and the result says a match may exist", async () => {
  env.sb.clearRequests();
  const before = env.all(K.customers).length;
  const res = await env.run<AnyRecord>("findOrCreateCustomer", person);
  expect(res).toMatchObject({
    matched: false,
    matchMayExist: true,
    created: false,
    customerCreated: false,
    locationCreated: false,
    customerId: null,
    locationId: null,
    searchesTruncated: ["name"],
  });
  expect(res.rule).toMatch(/name search matched more than 5000 customers.*may exist.*nothing was created/i);
  expect(env.all(K.customers).length).toBe(before);
  expect(env.sb.requests.filter((r) => r.method !== "GET")).toEqual([]);
});

it("Find or Create Customer: a too-broad name search is dropped and reported; phone and address still find the person", async () => {
  // Jo as entered in ServiceTitan by hand
  const address = { street: "12 Quarry Road", city: "Pasadena", state: "CA", zip: "91107", country: "USA" };
  const customer = env.sb.store.insert(K.customers, customerFields({ name: "Jo Featherington", type: "Residential", address }));
  createLocation(env.sb.store, customer.id, { name: "Home", address, contacts: [{ type: "Phone", value: "(626) 555-0199" }] });
  env.sb.clearRequests();

  const again = await env.run<AnyRecord>("findOrCreateCustomer", {
    ...person,
    name: "FEATHERINGTON, jo",
    street: "12 Quarry Rd.",
    phone: "+1 626.555.0199",
  });
  expect(again).toMatchObject({ matched: true, matchMayExist: false, created: false, customerId: customer.id, searchesTruncated: ["name"] });
  expect(again.matchedBy).toContain("address");
  expect(again.matchedBy).toContain("phone");
  // the name search was asked for once with one page, never walked to the end
  const nameSearches = env.sb.requests.filter((r) => r.method === "GET" && /\/customers$/.test(r.path) && r.query?.name === "featherington");
  expect(nameSearches).toHaveLength(1);
});

it("Find or Create Customer: a narrow name search is not reported", async () => {
  const res = await env.run<AnyRecord>("findOrCreateCustomer", { ...person, name: "Quentin Arbuthnot", phone: "(626) 555-0111", street: "3 Oak Ln" });
  expect(res).toMatchObject({ searchesTruncated: [], matchMayExist: false, customerCreated: true });
});

it("Validate Location Address: a ZIP with more locations than the bound is reported, not thrown", async () => {
  const verdict = await env.run<AnyRecord>("validateLocationAddress", {
    street: "77 Exact Way",
    city: "Pasadena",
    state: "CA",
    zip: BUSY_ZIP,
    country: "USA",
    latitude: "34.5",
    longitude: "-118.5",
  });
  expect(verdict.valid).toBe(true);
  expect(verdict.checkedExisting).toBe(true);
  // (the sandbox ignores the latitude/longitude filter, so its coordinates search is as broad as the ZIP's)
  expect(verdict.searchesTruncated).toContain("zip");
});

it("Validate Location Address: in the same busy ZIP, the ZIP + house-number search still finds the location", async () => {
  const customer = env.all(K.customers)[0];
  const { location } = createLocation(env.sb.store, Number(customer.id), {
    name: "Exact",
    address: { street: "7731 Exact Way", city: "Pasadena", state: "CA", zip: BUSY_ZIP, country: "USA" },
  });
  const verdict = await env.run<AnyRecord>("validateLocationAddress", { street: "7731 Exact Way", city: "Pasadena", state: "CA", zip: BUSY_ZIP, country: "USA" });
  expect(verdict.searchesTruncated).toEqual([]);
  expect(verdict.matches.map((m: AnyRecord) => m.locationId)).toEqual([location.id]);
});
