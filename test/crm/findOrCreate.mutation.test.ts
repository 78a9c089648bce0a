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
  const ann = { id: 7, name: "Ann Lee", address: { street: "900 Billing Rd", city: "Austin", state: "TX", zip: "78702", country: "USA" } };
  const bob = { id: 8, name: "Bob Ray", address: { street: "14 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" } };
  const annHome = {
    id: 70,
    customerId: 7,
    name: "Home",
    address: { street: "12 Main St", city: "Austin", state: "TX", zip: "78701", country: "USA" },
  };
  const bobHome = { id: 80, customerId: 8, name: "Home", address: bob.address };

  const tenant = () => {
    const sent: string[] = [];
    const { client } = fakeClient((r) => {
      const q = (r.query ?? {}) as Record<string, unknown>;
      const shown = Object.entries(q)
        .filter(([k]) => !["page", "pageSize", "includeTotal", "active"].includes(k))
        .map(([k, v]) => `${k}=${v}`)
        .join("&");
      sent.push(`${r.method} ${r.path}?${shown}`);
      let data: unknown[] = [];
      if (r.path === "/customers" && q.name) data = [ann, bob].filter((c) => c.name.toLowerCase().includes(String(q.name).toLowerCase()));
      else if (r.path === "/customers" && q.ids) data = [ann, bob].filter((c) => String(q.ids).split(",").includes(String(c.id)));
      else if (r.path === "/locations" && q.zip) data = [annHome, bobHome].filter((l) => l.address.zip === q.zip);
      return { page: q.page ?? 1, pageSize: q.pageSize ?? 50, hasMore: false, data };
    });
    return { client, sent };
  };

  it("name + the service location's address match, the neighbour's location is not fetched or counted", async () => {
    const { client, sent } = tenant();
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
    // The name search found Ann; Bob (a neighbour at number 14) is never looked up by ID.
    expect(sent.filter((s) => s.includes("ids="))).toEqual([]);
  });

  it("a location at the address brings in its customer by ID, and the address alone does not match", async () => {
    const { client, sent } = tenant();
    const result = await findOrCreateCustomer(client, {
      name: "Someone Else",
      street: "12 Main St",
      city: "Austin",
      state: "TX",
      zip: "78701",
      createIfMissing: false,
    });
    expect(sent).toContain("GET /customers?ids=7");
    expect(result).toMatchObject({ matched: false, created: false, customerId: null, candidatesConsidered: 1 });
  });
});
