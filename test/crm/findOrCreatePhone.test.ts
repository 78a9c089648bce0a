/**
 * Find or Create Customer: when a phone agrees. ServiceTitan's phone filter returns customers with a
 * contact number that merely CONTAINS the digits searched for (the sandbox does the same), so a search
 * hit alone proves nothing: the phone agrees only when one of the candidate's own contact numbers is the
 * whole number given (10 digits, or more with a country code). A 7-digit number never agrees on its own.
 */
import { createLocation, customerFields } from "../../sandbox/resources/crm";
import { K } from "../../sandbox/store";
import { type AnyRecord, useCrmSandbox } from "./support";

const env = useCrmSandbox();

/** An existing customer with one location and the given phone contact. */
const existing = (name: string, street: string, phone: string): number => {
  const address = { street, city: "Glendale", state: "CA", zip: "91206", country: "USA" };
  const customer = env.sb.store.insert(K.customers, customerFields({ name, type: "Residential", address }));
  createLocation(env.sb.store, customer.id, { name, address, contacts: [{ type: "Phone", value: phone }] });
  return customer.id;
};

const elsewhere = { street: "48 Orchard Row", city: "Glendale", state: "CA", zip: "91208", country: "USA" };

it("a candidate whose number only contains the digits given is not a phone match", async () => {
  const other = existing("Imogen Thistlewood", "3 Bell Ct", "+52 619 555 0142");
  const customersBefore = env.all(K.customers).length;
  const result = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Imogen Thistlewood", ...elsewhere, phone: "(619) 555-0142" });
  // the phone search did find her…
  const phoneSearch = env.sb.requests.filter((r) => r.method === "GET" && /\/customers$/.test(r.path) && r.query?.phone === "6195550142");
  expect(phoneSearch.length).toBeGreaterThan(0);
  // …but +52 619 555 0142 is another number: same name alone is not the same person
  expect(result).toMatchObject({ matched: false, customerCreated: true });
  expect(result.customerId).not.toBe(other);
  expect(env.all(K.customers).length).toBe(customersBefore + 1);
});

it("a 7-digit number never matches on its own", async () => {
  const known = existing("Ambrose Quillfeather", "9 Vale Ln", "(619) 555-0177");
  const result = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Ambrose Quillfeather", ...elsewhere, street: "50 Orchard Row", phone: "555-0177" });
  expect(result).toMatchObject({ matched: false, customerCreated: true });
  expect(result.customerId).not.toBe(known);
});

it("two 7-digit numbers that are equal do not match either", async () => {
  const known = existing("Cressida Wimbourne", "11 Vale Ln", "555-0188");
  const result = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Cressida Wimbourne", ...elsewhere, street: "52 Orchard Row", phone: "555 0188" });
  expect(result).toMatchObject({ matched: false, customerCreated: true });
  expect(result.customerId).not.toBe(known);
});

it("the whole number matches however it is written, with or without the country code", async () => {
  const known = existing("Peregrine Ashcombe", "13 Vale Ln", "+1 (619) 555-0199");
  const result = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Peregrine Ashcombe", ...elsewhere, street: "54 Orchard Row", phone: "619.555.0199" });
  expect(result).toMatchObject({ matched: true, customerId: known, customerCreated: false, matchedBy: "name+phone" });
});

it("a number with its country code matches only the same full number", async () => {
  const uk = existing("Ottoline Brackenbury", "15 Vale Ln", "+44 20 7946 0958");
  const same = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Ottoline Brackenbury", ...elsewhere, street: "56 Orchard Row", phone: "+44 (20) 7946-0958" });
  expect(same).toMatchObject({ matched: true, customerId: uk, matchedBy: "name+phone" });
  const local = await env.run<AnyRecord>("findOrCreateCustomer", { name: "Ottoline Brackenbury", ...elsewhere, street: "58 Orchard Row", phone: "20 7946 0958" });
  expect(local).toMatchObject({ matched: false, customerCreated: true });
});
