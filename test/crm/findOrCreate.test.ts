/**
 * Find or Create Customer and Location against the sandbox: idempotent over spelling and format
 * variations, one creating call per new person, and the location rules for people already known.
 */
import { K } from "../../sandbox/store";
import { type AnyRecord, useCrmSandbox } from "./support";

const env = useCrmSandbox();

const FIRST = ["Octavia", "Thaddeus", "Marisol", "Ignatius", "Philippa", "Leopold", "Rosalind", "Cornelius", "Evangeline", "Bartholomew"];
const LAST = ["Quimby", "Featherstone", "Ashdown", "Pemberton", "Wolcott"];
const STREETS: Array<[string, string, string]> = [
  // [name, long suffix, short suffix]
  ["Maple", "Avenue", "Ave"],
  ["Juniper", "Street", "St"],
  ["Harbor", "Boulevard", "Blvd"],
  ["Willow", "Lane", "Ln"],
  ["Granite", "Road", "Rd"],
];

interface Person {
  first: string;
  last: string;
  number: number;
  street: [string, string, string];
  unit?: string;
  zip: string;
  phone: string;
  email: string;
}

const people: Person[] = Array.from({ length: 50 }, (_, i) => ({
  first: FIRST[i % 10],
  last: LAST[Math.floor(i / 10)],
  number: 100 + i * 7,
  street: STREETS[i % 5],
  unit: i % 3 === 0 ? String((i % 4) + 1) : undefined,
  zip: `9120${i % 3}`,
  phone: `619555${String(1000 + i)}`,
  email: `${FIRST[i % 10]}.${LAST[Math.floor(i / 10)]}@example.com`.toLowerCase(),
}));

/** The way a web form might send it. */
const tidy = (p: Person): Record<string, string> => ({
  name: `${p.first} ${p.last}`,
  street: `${p.number} North ${p.street[0]} ${p.street[1]}`,
  ...(p.unit ? { unit: `Apt ${p.unit}` } : {}),
  city: "Glendale",
  state: "CA",
  zip: p.zip,
  country: "USA",
  phone: `(${p.phone.slice(0, 3)}) ${p.phone.slice(3, 6)}-${p.phone.slice(6)}`,
  email: p.email,
});

/** The same person typed by someone else: other case, order, punctuation, abbreviations, ZIP+4, +1. */
const messy = (p: Person): Record<string, string> => ({
  name: `  ${p.last.toUpperCase()},  ${p.first.toLowerCase()} `,
  street: `${p.number} n. ${p.street[0].toUpperCase()} ${p.street[2]}.${p.unit ? ` #${p.unit}` : ""}`,
  city: "GLENDALE",
  state: "ca",
  zip: `${p.zip}-${String(1000 + p.number).slice(-4)}`,
  country: "US",
  phone: `+1 ${p.phone.slice(0, 3)}.${p.phone.slice(3, 6)}.${p.phone.slice(6)}`,
  email: p.email.toUpperCase(),
});

it("100 runs over 50 people with varied spelling leave exactly 50 new customers", async () => {
  const customersBefore = env.all(K.customers).length;
  const locationsBefore = env.all(K.locations).length;
  const first: AnyRecord[] = [];
  for (const p of people) first.push(await env.run("findOrCreateCustomer", tidy(p)));
  const second: AnyRecord[] = [];
  for (const p of people) second.push(await env.run("findOrCreateCustomer", messy(p)));

  expect(env.all(K.customers).length - customersBefore).toBe(50);
  expect(env.all(K.locations).length - locationsBefore).toBe(50);
  expect(first.every((r) => r.created && r.customerCreated && r.locationCreated && !r.matched)).toBe(true);
  expect(second.filter((r) => r.created)).toEqual([]);
  second.forEach((r, i) => {
    expect(r).toMatchObject({ matched: true, customerId: first[i].customerId, locationId: first[i].locationId, locationMatchedBy: "address" });
    expect(r.matchedBy).toBe("name+address+phone+email");
  });
  // the new customer carries the contacts given on its location (copied by ServiceTitan)
  const contacts = env.all(K.customerContacts, first[0].customerId).map((c) => c.type);
  expect(contacts.sort()).toEqual(["Email", "Phone"]);
}, 60_000);

it("creates the customer with its location and contacts in ONE call", async () => {
  env.sb.clearRequests();
  const result = await env.run("findOrCreateCustomer", { name: "Wilhelmina Cardew", street: "5 Lantern Ct", city: "Glendale", state: "CA", zip: "91204", phone: "619-555-8888" });
  const writes = env.sb.requests.filter((r) => r.method !== "GET");
  expect(writes).toHaveLength(1);
  expect(writes[0].path).toMatch(/\/customers$/);
  const body = JSON.parse(writes[0].body);
  expect(body.locations).toEqual([expect.objectContaining({ name: "Wilhelmina Cardew", contacts: [{ type: "Phone", value: "619-555-8888" }] })]);
  expect(result).toMatchObject({ created: true, customerCreated: true, locationCreated: true });
  expect(env.sb.store.get(K.locations, result.locationId)).toMatchObject({ customerId: result.customerId });
});

it("a known customer at a new address gets a new location, not a new customer", async () => {
  const p = people[7];
  const before = env.all(K.customers).length;
  const result = await env.run("findOrCreateCustomer", { ...tidy(p), street: "900 Summit Ridge Dr", unit: "", zip: "91207" });
  expect(result).toMatchObject({ matched: true, customerCreated: false, locationCreated: true, created: true, matchedBy: "name+phone+email" });
  expect(env.all(K.customers).length).toBe(before);
  expect(env.sb.store.get(K.locations, result.locationId)).toMatchObject({ customerId: result.customerId });
  const again = await env.run("findOrCreateCustomer", { ...messy(p), street: "900 SUMMIT RIDGE DRIVE", zip: "91207-0001" });
  expect(again).toMatchObject({ created: false, locationId: result.locationId, locationMatchedBy: "address" });
});

it("the same name alone at another address and phone is a different person", async () => {
  const p = people[3];
  const result = await env.run("findOrCreateCustomer", { name: `${p.first} ${p.last}`, street: "1 Other Pl", city: "Glendale", state: "CA", zip: "91208", phone: "213-555-0000" });
  expect(result).toMatchObject({ matched: false, customerCreated: true });
});

it("a different spelling of the name still matches on address and phone", async () => {
  const p = people[12];
  const result = await env.run("findOrCreateCustomer", { ...tidy(p), name: `${p.first.slice(0, 3)} ${p.last}`, email: "" });
  expect(result).toMatchObject({ matched: true, created: false, matchedBy: "address+phone" });
});

it("bad input fails before any request, naming the inputs", async () => {
  env.sb.clearRequests();
  await expect(env.run("findOrCreateCustomer", { name: "Only A Name" })).rejects.toThrow(/Street, Phone or Email/);
  await expect(env.run("findOrCreateCustomer", { name: "No Zip", street: "1 Main St", city: "Glendale", state: "CA" })).rejects.toThrow(/missing ZIP \/ Postal Code/);
  await expect(env.run("findOrCreateCustomer", { street: "1 Main St" })).rejects.toThrow(/Customer Name/);
  expect(env.sb.requests).toHaveLength(0);
});
