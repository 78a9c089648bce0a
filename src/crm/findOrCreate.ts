/**
 * Find or Create Customer and Location: the workflow behind the `findOrCreateCustomer` action.
 *
 *  1. Candidates, fetched narrowly and in parallel: customers by phone (ServiceTitan matches contact
 *     phones), customers by the most distinctive word of the name, locations at the ZIP + house number.
 *     Customers known only through a location are fetched by ID; the candidates' contacts come in one
 *     call per 50 customers (GET /customers/contacts?customerIds=…) for the email comparison.
 *  2. Local matching with the normaliser. A customer matches when its name agrees and at least one of
 *     address, phone or email agrees, or — name spelled differently — when the address and a phone or
 *     email agree, or phone and email both agree. More agreeing signals win; ties go to the oldest ID.
 *  3. A matched customer keeps its location at that address; without one, a location is added
 *     (POST /locations). No match: the customer is created with its location and contacts in ONE
 *     call (POST /customers with `locations`); the location's contacts are copied to the customer by
 *     ServiceTitan.
 *
 * Running it twice with the same person (however spelled) creates nothing the second time.
 *
 * A search that matches more than MAX_CANDIDATES records (a common surname as the name word) is too
 * broad to identify anyone: it is dropped, matching relies on the others (phone, address, and email
 * through the candidates' contacts), and the result names it in `searchesTruncated`.
 */
import type { ServiceTitanClient } from "../http/client";
import type { PostalAddress } from "./address";
import {
  contactsOfCustomers,
  customersByIds,
  locationsNearAddress,
  locationsOfCustomer,
  type SearchName,
  searchCustomersByName,
  searchCustomersByPhone,
  truncatedSearches,
  type StContact,
  type StCustomer,
  type StLocation,
} from "./lookup";
import { addressKey, nameSearchTerm, normalizeEmail, normalizeName, normalizePhone } from "./normalize";

export interface FindOrCreateInput extends PostalAddress {
  name: string;
  customerType?: "Residential" | "Commercial";
  phone?: string;
  email?: string;
  locationName?: string;
  /** When false, nothing is created: a miss returns null IDs. */
  createIfMissing?: boolean;
}

export type Signal = "name" | "address" | "phone" | "email";

export interface FindOrCreateResult {
  customerId: number | null;
  locationId: number | null;
  /** True when anything was created (customer or location). */
  created: boolean;
  customerCreated: boolean;
  locationCreated: boolean;
  /** True when an existing customer was reused. */
  matched: boolean;
  /** The signals that agreed, joined by "+" (e.g. "name+address+phone"); null when nothing matched. */
  matchedBy: string | null;
  /** The rule in words. */
  rule: string;
  /** How the location was resolved. */
  locationMatchedBy: "address" | "onlyLocation" | null;
  candidatesConsidered: number;
  /**
   * Searches that matched too many records to use ("name", "phone", "address") and were left out of
   * the matching; empty normally. A miss with a search left out may be a customer the others could not
   * reach (e.g. same name and email only).
   */
  searchesTruncated: SearchName[];
  customer: StCustomer | null;
  location: StLocation | null;
}

const OPERATION = '"Find or Create Customer"';

interface Scored {
  customer: StCustomer;
  signals: Signal[];
}

/** The matching rule: which combinations of agreeing signals identify the same customer. */
export const isMatch = (signals: ReadonlySet<Signal>): boolean =>
  (signals.has("name") && (signals.has("address") || signals.has("phone") || signals.has("email"))) ||
  (signals.has("address") && (signals.has("phone") || signals.has("email"))) ||
  (signals.has("phone") && signals.has("email"));

const ORDER: Signal[] = ["name", "address", "phone", "email"];

const ruleText = (signals: Signal[]): string => `Same ${signals.join(", ").replace(/, ([^,]*)$/, " and $1")} as an existing customer.`;

const hasAddress = (i: FindOrCreateInput): boolean => Boolean(i.street?.trim());

const addressOf = (i: FindOrCreateInput) => ({
  street: i.street?.trim() ?? "",
  unit: i.unit?.trim() || undefined,
  city: i.city?.trim() ?? "",
  state: i.state?.trim() ?? "",
  zip: i.zip?.trim() ?? "",
  country: i.country?.trim() || "USA",
});

const contactsOf = (i: FindOrCreateInput): Array<{ type: string; value: string }> => {
  const out: Array<{ type: string; value: string }> = [];
  if (i.phone?.trim()) out.push({ type: "Phone", value: i.phone.trim() });
  if (i.email?.trim()) out.push({ type: "Email", value: i.email.trim() });
  return out;
};

const isPhoneType = (t: string): boolean => /phone/i.test(t);

export const findOrCreateCustomer = async (client: ServiceTitanClient, input: FindOrCreateInput): Promise<FindOrCreateResult> => {
  const nameKey = normalizeName(input.name);
  const phone = normalizePhone(input.phone);
  const email = normalizeEmail(input.email);
  const address = hasAddress(input) ? addressOf(input) : undefined;
  const key = address ? addressKey(address) : "";
  const term = nameSearchTerm(input.name);

  // 1. candidates
  const empty = { data: [], truncated: false };
  const [phoneSearch, nameSearch, addressSearch] = await Promise.all([
    phone.length >= 7 ? searchCustomersByPhone(client, OPERATION, phone) : empty,
    term ? searchCustomersByName(client, OPERATION, term) : empty,
    address ? locationsNearAddress(client, OPERATION, address) : empty,
  ]);
  const byPhone: StCustomer[] = phoneSearch.data;
  const byName: StCustomer[] = nameSearch.data;
  const nearby: StLocation[] = addressSearch.data;
  const atAddress = key ? nearby.filter((l) => addressKey(l.address ?? {}) === key) : [];
  const customers = new Map<number, StCustomer>();
  for (const c of [...byPhone, ...byName]) customers.set(c.id, c);
  const missing = [...new Set(atAddress.map((l) => l.customerId))].filter((id) => !customers.has(id));
  if (missing.length) for (const c of await customersByIds(client, OPERATION, missing)) customers.set(c.id, c);
  // phone hits already agree on phone; the others only need their contacts when we compare email or phone
  const phoneIds = new Set(byPhone.map((c) => c.id));
  const needContacts = [...customers.keys()].filter((id) => email || (phone && !phoneIds.has(id)));
  const contacts = needContacts.length ? await contactsOfCustomers(client, OPERATION, needContacts) : [];
  const contactsBy = new Map<number, StContact[]>();
  for (const c of contacts) if (c.customerId !== undefined) contactsBy.set(c.customerId, [...(contactsBy.get(c.customerId) ?? []), c]);

  // 2. local matching
  const scored: Scored[] = [];
  for (const customer of customers.values()) {
    const signals = new Set<Signal>();
    if (nameKey && normalizeName(customer.name) === nameKey) signals.add("name");
    const own = contactsBy.get(customer.id) ?? [];
    // ServiceTitan's phone filter may match on part of a number: the contacts decide when we have them
    if (phone && (own.length ? own.some((c) => isPhoneType(c.type) && normalizePhone(c.value) === phone) : phoneIds.has(customer.id))) {
      signals.add("phone");
    }
    if (email && own.some((c) => c.type === "Email" && normalizeEmail(c.value) === email)) signals.add("email");
    if (key && (atAddress.some((l) => l.customerId === customer.id) || addressKey(customer.address ?? {}) === key)) signals.add("address");
    if (isMatch(signals)) scored.push({ customer, signals: ORDER.filter((s) => signals.has(s)) });
  }
  scored.sort((a, b) => b.signals.length - a.signals.length || a.customer.id - b.customer.id);
  const best = scored[0];
  const createIfMissing = input.createIfMissing !== false;
  const base = {
    candidatesConsidered: customers.size,
    searchesTruncated: truncatedSearches({ name: nameSearch, phone: phoneSearch, address: addressSearch }),
  };

  if (best) {
    const customer = best.customer;
    let location: StLocation | undefined = atAddress.filter((l) => l.customerId === customer.id).sort((a, b) => a.id - b.id)[0];
    let locationMatchedBy: FindOrCreateResult["locationMatchedBy"] = location ? "address" : null;
    let locationCreated = false;
    if (!location) {
      const own = await locationsOfCustomer(client, OPERATION, customer.id);
      location = key ? own.find((l) => addressKey(l.address ?? {}) === key) : undefined;
      if (location) locationMatchedBy = "address";
      else if (!address && own.length === 1) {
        location = own[0];
        locationMatchedBy = "onlyLocation";
      } else if (address && createIfMissing) {
        // contacts the customer already has are not repeated (ServiceTitan copies location contacts to it)
        const existing = contactsBy.get(customer.id) ?? [];
        const fresh = contactsOf(input).filter(
          (c) => !existing.some((e) => (isPhoneType(c.type) ? isPhoneType(e.type) && normalizePhone(e.value) === normalizePhone(c.value) : normalizeEmail(e.value) === normalizeEmail(c.value))),
        );
        const res = await client.request<StLocation>({
          module: "crm",
          method: "POST",
          path: "/locations",
          body: { customerId: customer.id, name: input.locationName?.trim() || input.name.trim(), address, ...(fresh.length ? { contacts: fresh } : {}) },
          operation: OPERATION,
          scope: "tn.crm.locations:w",
        });
        location = res.data;
        locationCreated = true;
      }
    }
    return {
      customerId: customer.id,
      locationId: location?.id ?? null,
      created: locationCreated,
      customerCreated: false,
      locationCreated,
      matched: true,
      matchedBy: best.signals.join("+"),
      rule: ruleText(best.signals),
      locationMatchedBy,
      ...base,
      customer,
      location: location ?? null,
    };
  }

  if (!createIfMissing) {
    return {
      customerId: null, locationId: null, created: false, customerCreated: false, locationCreated: false, matched: false,
      matchedBy: null, rule: "No existing customer matched; nothing was created (Create If Missing is off).", locationMatchedBy: null,
      ...base, customer: null, location: null,
    };
  }
  const contactsToSend = contactsOf(input);
  const res = await client.request<StCustomer & { locations?: StLocation[] }>({
    module: "crm",
    method: "POST",
    path: "/customers",
    body: {
      name: input.name.trim(),
      type: input.customerType ?? "Residential",
      address,
      locations: [{ name: input.locationName?.trim() || input.name.trim(), address, ...(contactsToSend.length ? { contacts: contactsToSend } : {}) }],
    },
    operation: OPERATION,
    scope: "tn.crm.customers:w",
  });
  const created = res.data;
  const location = created.locations?.[0] ?? (await locationsOfCustomer(client, OPERATION, created.id))[0] ?? null;
  return {
    customerId: created.id,
    locationId: location?.id ?? null,
    created: true,
    customerCreated: true,
    locationCreated: Boolean(location),
    matched: false,
    matchedBy: null,
    rule: "No existing customer matched; the customer was created with its location and contacts in one call.",
    locationMatchedBy: null,
    ...base,
    customer: created,
    location,
  };
};
