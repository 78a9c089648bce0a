import { findOrCreateCustomer, isMatch, MIN_PHONE_DIGITS, phoneKey, type Signal } from "../../src/crm/findOrCreate";
import type { StLocation } from "../../src/crm/lookup";
import { validateLocationAddress } from "../../src/crm/validateAddress";
import { fakeClient } from "../support/fakeClient";

describe("isMatch", () => {
  const all: Signal[] = ["name", "address", "phone", "email"];
  const subsets = (): Signal[][] => Array.from({ length: 16 }, (_, m) => all.filter((_, i) => m & (1 << i)));
  const expected = (s: Signal[]) => {
    const has = (x: Signal) => s.includes(x);
    const others = ["address", "phone", "email"].filter((x) => has(x as Signal)).length;
    return (has("name") && others >= 1) || others >= 2;
  };
  it.each(subsets().map((s) => [s.join("+") || "(none)", s]))("%s", (_label, s) => {
    expect(isMatch(new Set(s as Signal[]))).toBe(expected(s as Signal[]));
  });
});

describe("phoneKey", () => {
  it("a whole number (10 digits or more) is its key; fewer digits are no key", () => {
    expect(MIN_PHONE_DIGITS).toBe(10);
    expect(phoneKey("(555) 010-1234")).toBe("5550101234");
    expect(phoneKey("555-0101")).toBe("");
    expect(phoneKey("555-010-123")).toBe("");
    expect(phoneKey(undefined)).toBe("");
  });
});

type Query = Record<string, unknown>;
const loc = (id: number, address: StLocation["address"], extra: Partial<StLocation> = {}): StLocation => ({
  id,
  customerId: id * 10,
  name: `L${id}`,
  address,
  ...extra,
});

/** Answers each locations search by its filters: `near` for ZIP/city + street, `zip` for a ZIP with active=Any, `coords` for coordinates. */
const locations = (by: { near?: StLocation[]; zip?: StLocation[]; coords?: StLocation[]; truncate?: ("near" | "zip" | "coords")[] }) => {
  const sent: Query[] = [];
  const { client } = fakeClient((r) => {
    const q = r.query as Query;
    sent.push(q);
    const which = q.latitude !== undefined ? "coords" : q.active === "Any" ? "zip" : "near";
    const truncated = by.truncate?.includes(which) ?? false;
    return { page: 1, pageSize: q.pageSize, hasMore: truncated, data: by[which] ?? [] };
  });
  return { client, sent };
};

describe("validateLocationAddress", () => {
  const home = { street: "12 Main St", city: "Springfield", state: "IL", zip: "62704", country: "US" };

  it("without a client or with checkExisting off, only the verdict on the text", async () => {
    const v = await validateLocationAddress(undefined, { ...home, state: "Illinois", street: "12 main street" });
    expect(v).toMatchObject({ valid: true, checkedExisting: false, matches: [], searchesTruncated: [] });
    expect(v.normalized).toMatchObject({ street: "12 main st", state: "IL", zip: "62704", country: "US" });
    expect(v.normalized.key).not.toBe("");
    const { client, sent } = locations({});
    expect((await validateLocationAddress(client, home, { checkExisting: false })).checkedExisting).toBe(false);
    expect(sent).toHaveLength(0);
    const bad = await validateLocationAddress(undefined, { ...home, zip: "6270" });
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p) => p.code)).toEqual(["zipFormat"]);
  });

  it("an address without coordinates: one search near it; the same address matches, another does not", async () => {
    const { client, sent } = locations({
      near: [
        loc(2, { street: "12 Main Street", city: "Springfield", state: "IL", zip: "62704" }),
        loc(1, { street: "14 Main St", city: "Springfield", state: "IL", zip: "62704" }),
      ],
    });
    const v = await validateLocationAddress(client, home);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ zip: "62704", street: "12" });
    expect(v.checkedExisting).toBe(true);
    expect(v.matches).toEqual([
      {
        locationId: 2,
        customerId: 20,
        name: "L2",
        active: true,
        address: expect.any(Object),
        matchedBy: ["address"],
        distanceMeters: null,
      },
    ]);
  });

  it("a bad ZIP alone is nothing to search by (and not said to be checked); with a city the search runs", async () => {
    const { client, sent } = locations({});
    const v = await validateLocationAddress(client, { ...home, zip: "ABCDE", city: "" });
    expect(sent).toHaveLength(0);
    expect(v.checkedExisting).toBe(false);
    await validateLocationAddress(client, { ...home, zip: "ABCDE" });
    expect(sent).toHaveLength(1);
  });

  it("nothing to search by: no street, no coordinates", async () => {
    const { client, sent } = locations({});
    const v = await validateLocationAddress(client, { city: "Springfield", state: "IL", zip: "62704" });
    expect(sent).toHaveLength(0);
    expect(v.checkedExisting).toBe(false);
  });

  it("coordinates: searches by ZIP and at the coordinates; matches within the radius, nearest first, inactive ones marked", async () => {
    const lat = 39.78;
    const lon = -89.65;
    const near = loc(5, { street: "1 Other Rd", latitude: lat + 0.0002, longitude: lon }); // about 22 m
    const far = loc(3, { street: "2 Other Rd", latitude: lat + 0.001, longitude: lon }); // about 111 m
    const same = loc(4, { ...home, street: "12 Main St", latitude: lat, longitude: lon }, { active: false });
    const { client, sent } = locations({ zip: [far, near], coords: [same] });
    const v = await validateLocationAddress(client, { ...home, latitude: String(lat), longitude: String(lon) });
    expect(sent).toHaveLength(2);
    expect(sent.find((q) => q.active === "Any" && q.zip)).toMatchObject({ zip: "62704" });
    expect(sent.find((q) => q.latitude !== undefined)).toMatchObject({ latitude: lat, longitude: lon });
    expect(v.matches.map((m) => [m.locationId, m.matchedBy, m.active])).toEqual([
      [4, ["address", "coordinates"], false],
      [5, ["coordinates"], true],
    ]);
    expect(v.matches[0].distanceMeters).toBe(0);
    expect(v.matches[1].distanceMeters).toBeCloseTo(22.2, 1);
    // A wider radius takes the far one in; the boundary itself is inside.
    const wide = await validateLocationAddress(client, { ...home, latitude: lat, longitude: lon }, { radiusMeters: 111.2 });
    expect(wide.matches.map((m) => m.locationId)).toEqual([4, 5, 3]);
    const exact = await validateLocationAddress(
      client,
      { ...home, latitude: lat, longitude: lon },
      { radiusMeters: wide.matches[2].distanceMeters as number },
    );
    expect(exact.matches.map((m) => m.locationId)).toEqual([4, 5, 3]);
    const narrow = await validateLocationAddress(
      client,
      { ...home, latitude: lat, longitude: lon },
      { radiusMeters: (wide.matches[2].distanceMeters as number) - 0.1 },
    );
    expect(narrow.matches.map((m) => m.locationId)).toEqual([4, 5]);
  });

  it("coordinates without a usable ZIP: only the coordinates search; a location found twice is listed once", async () => {
    const lat = 39.78;
    const lon = -89.65;
    const here = loc(7, { latitude: lat, longitude: lon });
    const { client, sent } = locations({ coords: [here, here] });
    const v = await validateLocationAddress(client, { street: "", city: "", latitude: lat, longitude: lon });
    expect(sent).toHaveLength(1);
    expect(sent[0].latitude).toBe(lat);
    expect(v.checkedExisting).toBe(true);
    expect(v.matches.map((m) => m.locationId)).toEqual([7]);
  });

  it("equally distant matches are listed by location ID; one without coordinates counts as 0", async () => {
    const lat = 39.78;
    const lon = -89.65;
    const { client } = locations({
      zip: [loc(9, { latitude: lat, longitude: lon }), loc(8, { latitude: lat, longitude: lon })],
      coords: [loc(6, { ...home })],
    });
    const v = await validateLocationAddress(client, { ...home, latitude: lat, longitude: lon });
    expect(v.matches.map((m) => [m.locationId, m.distanceMeters])).toEqual([
      [6, null],
      [8, 0],
      [9, 0],
    ]);
  });

  it("a too-broad search is named and its matches left out", async () => {
    const { client } = locations({ near: [loc(1, { ...home })], truncate: ["near"] });
    const v = await validateLocationAddress(client, home);
    expect(v.searchesTruncated).toEqual(["address"]);
    expect(v.matches).toEqual([]);
  });
});

/**
 * Find or Create Customer's matching against a small fake tenant (survivors of the 17:07 crm-match run:
 * the end-to-end CRM tests never put a neighbour's location in the address search, nor a customer whose
 * own billing address differs from the service location that matches).
 */
describe("findOrCreateCustomer: which nearby location counts as the address", () => {
  const austin = (street: string, zip: string) => ({ street, city: "Austin", state: "TX", zip, country: "USA" });
  // Bob is a neighbour whose street number contains Ann's ("112" contains "12"), so ServiceTitan's street
  // filter returns his location with hers.
  const tenant = () =>
    tenantOf({
      customers: [
        { id: 7, name: "Ann Lee", address: austin("900 Billing Rd", "78702") },
        { id: 8, name: "Bob Ray", address: austin("112 Main St", "78701") },
      ],
      locations: [
        { id: 70, customerId: 7, name: "Home", address: austin("12 Main St", "78701") },
        { id: 80, customerId: 8, name: "Home", address: austin("112 Main St", "78701") },
      ],
    });

  it("name + the service location's address match, the neighbour's location is not fetched or counted", async () => {
    const { client, calls } = tenant();
    const result = await findOrCreateCustomer(client, { name: "Ann Lee", street: "12 Main St", city: "Austin", state: "TX", zip: "78701" });
    expect(result).toMatchObject({
      matched: true,
      created: false,
      customerId: 7,
      locationId: 70,
      matchedBy: "name+address",
      rule: "Same name and address as an existing customer.",
      locationMatchedBy: "address",
      candidatesConsidered: 1,
    });
    // The name search found Ann; Bob (a neighbour at number 112) is never looked up by ID.
    expect(calls().filter((s) => s.includes("ids="))).toEqual([]);
  });

  it("a location at the address brings in its customer by ID, and the address alone does not match", async () => {
    const { client, calls } = tenant();
    const result = await findOrCreateCustomer(client, {
      name: "Someone Else",
      street: "12 Main St",
      city: "Austin",
      state: "TX",
      zip: "78701",
      createIfMissing: false,
    });
    expect(calls()).toContain("GET /customers ids=7");
    expect(result).toMatchObject({ matched: false, created: false, customerId: null, candidatesConsidered: 1 });
  });
});

/**
 * A small ServiceTitan tenant in memory for Find or Create Customer: customers, their locations and
 * contacts, answering the searches by the same filters ServiceTitan applies (name contains, phone digits
 * in any contact, ZIP + house number, customer ID), creating on POST, and recording every request
 * (survivors of the 17:07 crm-match run: rule wording, trimming, contacts, ordering, location choice).
 */
interface TenantData {
  customers: Array<{ id: number; name: string; address?: StLocation["address"] }>;
  locations?: StLocation[];
  contacts?: Array<{ id: number; customerId: number; type: string; value: string }>;
  /** Searches answered with "more than one page" (too broad). */
  truncate?: Array<"name" | "phone" | "address">;
  /** The created customer comes back without its locations (they are then read by customer ID). */
  createdWithoutLocations?: boolean;
}
const digits = (s: unknown) => String(s ?? "").replace(/\D/g, "");
const tenantOf = (t: TenantData) => {
  const locations = t.locations ?? [];
  const contacts = t.contacts ?? [];
  const { client, sent } = fakeClient((r) => {
    const q = (r.query ?? {}) as Record<string, unknown>;
    const page = (data: unknown[], more = false) => ({
      page: 1,
      pageSize: q.pageSize ?? 50,
      hasMore: more,
      data: more ? data.slice(0, 1) : data,
    });
    if (r.method === "POST" && r.path === "/customers") {
      const b = r.body as { name: string; locations: Array<Record<string, unknown>> };
      const made = { id: 900, ...b, locations: b.locations.map((l, i) => ({ id: 901 + i, customerId: 900, ...l })) };
      return t.createdWithoutLocations ? { ...made, locations: undefined } : made;
    }
    if (r.method === "POST" && r.path === "/locations") return { id: 950, ...(r.body as object) };
    if (r.path === "/customers/contacts") {
      const ids = String(q.customerIds).split(",").map(Number);
      return page(contacts.filter((c) => ids.includes(c.customerId)));
    }
    if (r.path === "/customers" && q.ids) return page(t.customers.filter((c) => String(q.ids).split(",").map(Number).includes(c.id)));
    if (r.path === "/customers" && q.name) {
      const hits = t.customers.filter((c) => c.name.toLowerCase().includes(String(q.name).toLowerCase()));
      return page(hits, t.truncate?.includes("name"));
    }
    if (r.path === "/customers" && q.phone) {
      const owners = new Set(contacts.filter((c) => digits(c.value).includes(digits(q.phone))).map((c) => c.customerId));
      return page(
        t.customers.filter((c) => owners.has(c.id)),
        t.truncate?.includes("phone"),
      );
    }
    if (r.path === "/locations" && q.customerId !== undefined) return page(locations.filter((l) => l.customerId === Number(q.customerId)));
    if (r.path === "/locations" && q.zip) {
      const hits = locations.filter(
        (l) => l.address?.zip === q.zip && (!q.street || String(l.address?.street ?? "").includes(String(q.street))),
      );
      return page(hits, t.truncate?.includes("address"));
    }
    throw new Error(`the fake tenant has no answer for ${r.method} ${r.path} ${JSON.stringify(q)}`);
  });
  const calls = () =>
    sent.map((r) =>
      `${r.method} ${r.path} ${Object.keys(r.query ?? {})
        .filter((k) => !["page", "pageSize", "includeTotal", "active"].includes(k))
        .map((k) => `${k}=${(r.query as Record<string, unknown>)[k]}`)
        .join("&")}`.trim(),
    );
  return { client, sent, calls };
};

describe("findOrCreateCustomer against a small tenant", () => {
  const austin = (street: string, zip = "78701") => ({ street, city: "Austin", state: "TX", zip, country: "USA" });
  const at12 = { street: "12 Main St", city: "Austin", state: "TX", zip: "78701" };

  it("the rule names every agreeing signal, the last joined by 'and'", async () => {
    const t = tenantOf({
      customers: [{ id: 7, name: "Ann Lee", address: austin("12 Main St") }],
      locations: [{ id: 70, customerId: 7, name: "Home", address: austin("12 Main St") }],
      contacts: [
        { id: 1, customerId: 7, type: "MobilePhone", value: "(512) 555-0100" },
        { id: 2, customerId: 7, type: "Email", value: "Ann@Example.com" },
      ],
    });
    const three = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12, phone: "512-555-0100" });
    expect(three).toMatchObject({ matchedBy: "name+address+phone", rule: "Same name, address and phone as an existing customer." });
    const four = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12, phone: "512-555-0100", email: "ann@example.com" });
    expect(four).toMatchObject({
      matchedBy: "name+address+phone+email",
      rule: "Same name, address, phone and email as an existing customer.",
    });
  });

  it("a search too broad to use is named in the rule, with locations for the address search; nothing is created", async () => {
    const t = tenantOf({
      customers: [
        { id: 7, name: "Ann Lee" },
        { id: 8, name: "Ann Leeds" },
      ],
      locations: [
        { id: 70, customerId: 7, name: "Home", address: austin("12 Main St") },
        { id: 71, customerId: 8, name: "Home", address: austin("12 Main St") },
      ],
      truncate: ["name", "address"],
    });
    const r = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12 });
    expect(r).toMatchObject({ matched: false, created: false, matchMayExist: true, searchesTruncated: ["name", "address"] });
    expect(r.rule).toBe(
      "No customer matched, but the name search matched more than 5000 customers and the address search matched more than 5000 locations and could not be used, so a match may exist among the records left out; nothing was created. Add a full phone number or service address, or create the customer with Create Customer.",
    );
    expect(t.sent.filter((s) => s.method === "POST")).toEqual([]);
  });

  it("Create If Missing off: nothing created, and no match said to be possible", async () => {
    const t = tenantOf({ customers: [] });
    const r = await findOrCreateCustomer(t.client, { name: "New Person", ...at12, createIfMissing: false });
    expect(r).toMatchObject({
      matched: false,
      created: false,
      matchMayExist: false,
      searchesTruncated: [],
      customerId: null,
      locationId: null,
    });
    expect(r.rule).toBe("No existing customer matched; nothing was created (Create If Missing is off).");
    expect(t.sent.filter((s) => s.method === "POST")).toEqual([]);
  });

  it("a new customer is created with every text trimmed, its type, location name and contacts", async () => {
    const t = tenantOf({ customers: [] });
    const r = await findOrCreateCustomer(t.client, {
      name: "  New Person ",
      street: " 12 Main St ",
      unit: " Apt 4 ",
      city: " Austin ",
      state: " TX ",
      zip: " 78701 ",
      country: " USA ",
      phone: " 512-555-0199 ",
      email: " new@example.com ",
      customerType: "Commercial",
      locationName: "  Shop ",
    });
    const created = t.sent.find((s) => s.method === "POST");
    const address = { street: "12 Main St", unit: "Apt 4", city: "Austin", state: "TX", zip: "78701", country: "USA" };
    expect(created?.body).toEqual({
      name: "New Person",
      type: "Commercial",
      address,
      locations: [
        {
          name: "Shop",
          address,
          contacts: [
            { type: "Phone", value: "512-555-0199" },
            { type: "Email", value: "new@example.com" },
          ],
        },
      ],
    });
    expect(r).toMatchObject({
      created: true,
      customerCreated: true,
      locationCreated: true,
      customerId: 900,
      locationId: 901,
      rule: "No existing customer matched; the customer was created with its location and contacts in one call.",
    });
  });

  it("a new customer without the optional parts: Residential, the name as location name, blank contacts and unit left out, USA", async () => {
    const t = tenantOf({ customers: [], createdWithoutLocations: true });
    const r = await findOrCreateCustomer(t.client, {
      name: " New Person ",
      street: "12 Main St",
      unit: "  ",
      country: " ",
      phone: "   ",
      email: "  ",
      locationName: "  ",
    });
    const created = t.sent.find((s) => s.method === "POST");
    const address = { street: "12 Main St", city: "", state: "", zip: "", country: "USA" };
    expect(created?.body).toEqual({ name: "New Person", type: "Residential", address, locations: [{ name: "New Person", address }] });
    // blank phone and email are no search and no contact lookup
    expect(t.calls().filter((c) => c.startsWith("GET /customers/contacts") || c.includes("phone="))).toEqual([]);
    // the created customer came back without locations: they are read by its ID
    expect(t.calls()).toContain("GET /locations customerId=900");
    expect(r).toMatchObject({ created: true, locationId: null, locationCreated: false });
  });

  it("a street of spaces is no address: no address search, and the customer is created without one", async () => {
    const t = tenantOf({ customers: [] });
    await findOrCreateCustomer(t.client, { name: "New Person", street: "   ", zip: "78701", phone: "512-555-0199" });
    expect(t.calls().filter((c) => c.startsWith("GET /locations"))).toEqual([]);
    const created = t.sent.find((s) => s.method === "POST");
    const body = created?.body as { name?: string; address?: unknown } | undefined;
    expect(body?.name).toBe("New Person");
    expect(body?.address).toBeUndefined();
  });

  it("name and address only: no contacts are read", async () => {
    const t = tenantOf({
      customers: [{ id: 7, name: "Ann Lee", address: austin("12 Main St") }],
      locations: [{ id: 70, customerId: 7, name: "Home", address: austin("12 Main St") }],
    });
    const r = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12 });
    expect(r).toMatchObject({ matched: true, locationId: 70 });
    expect(t.calls().filter((c) => c.startsWith("GET /customers/contacts"))).toEqual([]);
  });

  it("email agrees only through an Email contact with the same address; a blank or other contact is no signal", async () => {
    const t = tenantOf({
      customers: [{ id: 7, name: "Ann Lee" }],
      contacts: [
        { id: 1, customerId: 7, type: "Email", value: "other@example.com" },
        { id: 2, customerId: 7, type: "Email", value: " " },
        { id: 3, customerId: 7, type: "Fax", value: "ann@example.com" },
        { id: 4, customerId: 7, type: "Phone", value: "555-0101" },
      ],
    });
    // name alone does not match; none of these contacts adds a second signal
    expect(await findOrCreateCustomer(t.client, { name: "Ann Lee", email: "ann@example.com", createIfMissing: false })).toMatchObject({
      matched: false,
    });
    expect(await findOrCreateCustomer(t.client, { name: "Ann Lee", phone: "512-555-0177", createIfMissing: false })).toMatchObject({
      matched: false,
    });
    // a short phone contact is no whole number, so it never agrees (even when no phone is given)
    expect(await findOrCreateCustomer(t.client, { name: "Ann Lee", email: "x@example.com", createIfMissing: false })).toMatchObject({
      matched: false,
    });
    const t2 = tenantOf({
      customers: [{ id: 7, name: "Ann Lee" }],
      contacts: [{ id: 1, customerId: 7, type: "Email", value: " ANN@example.com " }],
    });
    expect(await findOrCreateCustomer(t2.client, { name: "Ann Lee", email: "ann@example.com", createIfMissing: false })).toMatchObject({
      matched: true,
      matchedBy: "name+email",
    });
  });

  it("among several matches the one with more signals wins, then the lowest customer ID", async () => {
    const contacts = [
      { id: 1, customerId: 9, type: "Phone", value: "512-555-0100" },
      { id: 2, customerId: 3, type: "Phone", value: "512-555-0100" },
      { id: 3, customerId: 5, type: "Phone", value: "512-555-0100" },
      { id: 4, customerId: 5, type: "Email", value: "ann@example.com" },
    ];
    // the phone search answers 9 then 3 (by contact order): equal signals, the lower ID wins
    const tie = tenantOf({
      customers: [
        { id: 9, name: "Ann Lee" },
        { id: 3, name: "Ann Lee" },
      ],
      contacts: contacts.slice(0, 2),
    });
    expect(await findOrCreateCustomer(tie.client, { name: "Ann Lee", phone: "512-555-0100" })).toMatchObject({
      customerId: 3,
      matchedBy: "name+phone",
    });
    // 3 and 9 agree on name and phone, 5 also on email: 5 wins though it comes last
    const more = tenantOf({
      customers: [
        { id: 9, name: "Ann Lee" },
        { id: 3, name: "Ann Lee" },
        { id: 5, name: "Ann Lee" },
      ],
      contacts,
    });
    expect(await findOrCreateCustomer(more.client, { name: "Ann Lee", phone: "512-555-0100", email: "ann@example.com" })).toMatchObject({
      customerId: 5,
      matchedBy: "name+phone+email",
    });
  });

  it("the location at the address is the matched customer's own with the lowest ID, and no other location list is read", async () => {
    const t = tenantOf({
      customers: [
        { id: 7, name: "Ann Lee" },
        { id: 6, name: "Landlord Co" },
      ],
      // a landlord's location and two of Ann's at the same address, listed out of order
      locations: [
        { id: 60, customerId: 6, name: "Rental", address: austin("12 Main St") },
        { id: 75, customerId: 7, name: "Home", address: austin("12 Main St") },
        { id: 71, customerId: 7, name: "Home (old)", address: austin("12 Main Street") },
      ],
    });
    const r = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12 });
    expect(r).toMatchObject({ customerId: 7, locationId: 71, locationMatchedBy: "address" });
    expect(t.calls().filter((c) => c.includes("customerId="))).toEqual([]);
  });

  it("matched on the customer's billing address: a location is created there with only the contacts it lacks", async () => {
    const t = tenantOf({
      customers: [{ id: 8, name: "Bob Ray", address: austin("14 Main St") }],
      locations: [{ id: 80, customerId: 8, name: "Cabin", address: austin("3 Lake Rd", "78702") }],
      contacts: [{ id: 1, customerId: 8, type: "MobilePhone", value: "512 555 0142" }],
    });
    const r = await findOrCreateCustomer(t.client, {
      name: "Bob Ray",
      street: "14 Main St",
      city: "Austin",
      state: "TX",
      zip: "78701",
      phone: "(512) 555-0142",
      email: "bob@example.com",
    });
    expect(r).toMatchObject({ matched: true, matchedBy: "name+address+phone", locationCreated: true, created: true, locationId: 950 });
    const made = t.sent.find((s) => s.method === "POST");
    expect(made?.path).toBe("/locations");
    expect(made?.body).toEqual({
      customerId: 8,
      name: "Bob Ray",
      address: { street: "14 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" },
      contacts: [{ type: "Email", value: "bob@example.com" }],
    });
  });

  it("matched without an address: the customer's only location is taken; with two, none is", async () => {
    const contacts = [{ id: 1, customerId: 7, type: "Phone", value: "512-555-0100" }];
    const one = tenantOf({
      customers: [{ id: 7, name: "Ann Lee" }],
      contacts,
      locations: [{ id: 70, customerId: 7, name: "Home", address: austin("1 A St") }],
    });
    expect(await findOrCreateCustomer(one.client, { name: "Ann Lee", phone: "512-555-0100" })).toMatchObject({
      locationId: 70,
      locationMatchedBy: "onlyLocation",
      created: false,
    });
    const two = tenantOf({
      customers: [{ id: 7, name: "Ann Lee" }],
      contacts,
      locations: [
        { id: 70, customerId: 7, name: "Home", address: austin("1 A St") },
        { id: 72, customerId: 7, name: "Shop", address: austin("2 B St") },
      ],
    });
    const r = await findOrCreateCustomer(two.client, { name: "Ann Lee", phone: "512-555-0100" });
    expect(r).toMatchObject({ locationId: null, locationMatchedBy: null, created: false, location: null });
    expect(two.sent.filter((s) => s.method === "POST")).toEqual([]);
  });

  it("a location at the address gives the address signal to its own customer only", async () => {
    const t = tenantOf({
      customers: [
        { id: 7, name: "Ann Lee", address: austin("900 Billing Rd", "78702") },
        { id: 8, name: "Bob Ray" },
      ],
      locations: [{ id: 80, customerId: 8, name: "Home", address: austin("12 Main St") }],
    });
    // Ann agrees on the name only, Bob on the address only: neither is a match
    const r = await findOrCreateCustomer(t.client, { name: "Ann Lee", ...at12, createIfMissing: false });
    expect(r).toMatchObject({ matched: false, customerId: null, candidatesConsidered: 2 });
  });

  it("two locations of one customer at the address ask for that customer once", async () => {
    const t = tenantOf({
      customers: [{ id: 7, name: "Ann Lee" }],
      locations: [
        { id: 70, customerId: 7, name: "Home", address: austin("12 Main St") },
        { id: 71, customerId: 7, name: "Garage", address: austin("12 Main St") },
      ],
    });
    await findOrCreateCustomer(t.client, { name: "Someone Else", ...at12, createIfMissing: false });
    expect(t.calls().filter((c) => c.includes("ids="))).toEqual(["GET /customers ids=7"]);
  });
});

describe("validateLocationAddress: the normalised street and which searches run", () => {
  it("a street without a house number is its name alone", async () => {
    const v = await validateLocationAddress(undefined, { street: "Main Street", city: "Austin", state: "TX", zip: "78701" });
    expect(v.normalized.street).toBe("main st");
  });

  it("a latitude without a longitude is no coordinates: the search near the address runs instead", async () => {
    const { client, sent } = locations({});
    await validateLocationAddress(client, { street: "12 Main St", city: "Austin", state: "TX", zip: "78701", latitude: 30.27 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ zip: "78701", street: "12" });
    sent.length = 0;
    await validateLocationAddress(client, { street: "12 Main St", city: "Austin", state: "TX", zip: "78701", longitude: -97.74 });
    expect(sent).toHaveLength(1);
    expect(sent[0].latitude).toBeUndefined();
  });

  it("with coordinates, the ZIP search runs despite a problem elsewhere, and not for a blank ZIP where none is required", async () => {
    const { client, sent } = locations({});
    await validateLocationAddress(client, {
      street: "12 Main St",
      city: "",
      state: "TX",
      zip: "78701",
      latitude: 30.27,
      longitude: -97.74,
    });
    expect(sent.filter((q) => q.zip === "78701")).toHaveLength(1);
    sent.length = 0;
    const v = await validateLocationAddress(client, {
      street: "1-1 Chiyoda",
      city: "Tokyo",
      zip: "",
      country: "Japan",
      latitude: 35.68,
      longitude: 139.76,
    });
    expect(v.problems.filter((p) => p.field === "zip")).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0].latitude).toBe(35.68);
  });
});
