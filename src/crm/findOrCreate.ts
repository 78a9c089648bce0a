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
 *     The phone agrees only when one of the candidate's own contact numbers IS the whole number given
 *     (phoneKey: 10 digits, or more with a country code): ServiceTitan's phone filter also returns
 *     numbers that merely contain the digits, so a search hit alone is not a match, and a number of
 *     fewer than 10 digits (555-0101) is never searched for or compared.
 *  3. A matched customer keeps its location at that address; without one, a location is added
 *     (POST /locations). No match: the customer is created with its location and contacts in ONE
 *     call (POST /customers with `locations`); the location's contacts are copied to the customer by
 *     ServiceTitan.
 *
 * Running it twice with the same person (however spelled) creates nothing the second time.
 *
 * A search that matches more than MAX_CANDIDATES records (a common surname as the name word) is too
 * broad to identify anyone: it is dropped, matching relies on the others (phone, address, and email
 * through the candidates' contacts), and the result names it in `searchesTruncated`. The person may then
 * be among the records left out, so a miss creates nothing (even with Create If Missing on): the result
 * says `matchMayExist: true` and names the search; narrow the input (a phone, a full address) or create
 * the customer with Create Customer.
 */
import type { ServiceTitanClient } from "../http/client";
import { requestFor } from "../http/requestFor";
import type { PostalAddress } from "./address";
import {
  contactsOfCustomers,
  customersByIds,
  locationsNearAddress,
  locationsOfCustomer,
  MAX_CANDIDATES,
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
  /**
   * True when nothing matched but a search was too broad to use (`searchesTruncated`): the person may
   * exist among the records left out, so no customer was created.
   */
  matchMayExist: boolean;
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

/** Why a miss created nothing: which searches were too broad to use. */
const mayExistRule = (truncated: SearchName[]): string => {
  const parts = truncated.map((s) => `the ${s} search matched more than ${MAX_CANDIDATES} ${s === "address" ? "locations" : "customers"}`);
  return `No customer matched, but ${parts.join(" and ")} and could not be used, so a match may exist among the records left out; nothing was created. Add a full phone number or service address, or create the customer with Create Customer.`;
};

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

/** Fewest digits of a phone number that can identify someone: a full North American number. */
export const MIN_PHONE_DIGITS = 10;

/** The number as a matching key: its normalised digits when they are a whole number, else "". */
export const phoneKey = (phone: unknown): string => {
  const digits = normalizePhone(phone);
  return digits.length >= MIN_PHONE_DIGITS ? digits : "";
};

/** A customer's phone agrees when one of its own phone contacts is the whole number given. */
const phoneAgrees = (own: StContact[], key: string): boolean => key !== "" && own.some((c) => isPhoneType(c.type) && phoneKey(c.value) === key);

export const findOrCreateCustomer = async (client: ServiceTitanClient, input: FindOrCreateInput): Promise<FindOrCreateResult> => {
  const nameKey = normalizeName(input.name);
  const phone = phoneKey(input.phone);
  const email = normalizeEmail(input.email);
  const address = hasAddress(input) ? addressOf(input) : undefined;
  const key = address ? addressKey(address) : "";
  const term = nameSearchTerm(input.name);

  // 1. candidates
  const empty = { data: [], truncated: false };
  const [phoneSearch, nameSearch, addressSearch] = await Promise.all([
    phone ? searchCustomersByPhone(client, OPERATION, phone) : empty,
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
  // phone and email are compared with the candidates' own contacts (a phone search hit is not proof)
  const needContacts = email || phone ? [...customers.keys()] : [];
  const contacts = needContacts.length ? await contactsOfCustomers(client, OPERATION, needContacts) : [];
  const contactsBy = new Map<number, StContact[]>();
  for (const c of contacts) if (c.customerId !== undefined) contactsBy.set(c.customerId, [...(contactsBy.get(c.customerId) ?? []), c]);

  // 2. local matching
  const scored: Scored[] = [];
  for (const customer of customers.values()) {
    const signals = new Set<Signal>();
    if (nameKey && normalizeName(customer.name) === nameKey) signals.add("name");
    const own = contactsBy.get(customer.id) ?? [];
    if (phoneAgrees(own, phone)) signals.add("phone");
    if (email && own.some((c) => c.type === "Email" && normalizeEmail(c.value) === email)) signals.add("email");
    if (key && (atAddress.some((l) => l.customerId === customer.id) || addressKey(customer.address ?? {}) === key)) signals.add("address");
    if (isMatch(signals)) scored.push({ customer, signals: ORDER.filter((s) => signals.has(s)) });
  }
  scored.sort((a, b) => b.signals.length - a.signals.length || a.customer.id - b.customer.id);
  const best = scored[0];
  const createIfMissing = input.createIfMissing !== false;
  const searchesTruncated = truncatedSearches({ name: nameSearch, phone: phoneSearch, address: addressSearch });
  const base = { candidatesConsidered: customers.size, searchesTruncated };

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
        const res = await client.request<StLocation>(
          requestFor(
            "crm",
            "Locations_Create",
            { body: { customerId: customer.id, name: input.locationName?.trim() || input.name.trim(), address, ...(fresh.length ? { contacts: fresh } : {}) } },
            OPERATION,
          ),
        );
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
      matchMayExist: false,
      matchedBy: best.signals.join("+"),
      rule: ruleText(best.signals),
      locationMatchedBy,
      ...base,
      customer,
      location: location ?? null,
    };
  }

  if (!createIfMissing || searchesTruncated.length) {
    return {
      customerId: null, locationId: null, created: false, customerCreated: false, locationCreated: false, matched: false,
      matchMayExist: searchesTruncated.length > 0,
      matchedBy: null, rule: searchesTruncated.length ? mayExistRule(searchesTruncated) : "No existing customer matched; nothing was created (Create If Missing is off).",
      locationMatchedBy: null, ...base, customer: null, location: null,
    };
  }
  const contactsToSend = contactsOf(input);
  const res = await client.request<StCustomer & { locations?: StLocation[] }>(
    requestFor(
      "crm",
      "Customers_Create",
      {
        body: {
          name: input.name.trim(),
          type: input.customerType ?? "Residential",
          address,
          locations: [{ name: input.locationName?.trim() || input.name.trim(), address, ...(contactsToSend.length ? { contacts: contactsToSend } : {}) }],
        },
      },
      OPERATION,
    ),
  );
  const created = res.data;
  const location = created.locations?.[0] ?? (await locationsOfCustomer(client, OPERATION, created.id))[0] ?? null;
  return {
    customerId: created.id,
    locationId: location?.id ?? null,
    created: true,
    customerCreated: true,
    locationCreated: Boolean(location),
    matched: false,
    matchMayExist: false,
    matchedBy: null,
    rule: "No existing customer matched; the customer was created with its location and contacts in one call.",
    locationMatchedBy: null,
    ...base,
    customer: created,
    location,
  };
};
