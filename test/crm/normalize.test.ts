/** Unit tests of the CRM normaliser (src/crm/normalize.ts) and the address checks (src/crm/address.ts). */
import { checkAddress, stateCode } from "../../src/crm/address";
import {
  addressKey,
  distanceMeters,
  nameSearchTerm,
  normalizeCountry,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizeUnit,
  normalizeZip,
  parseStreet,
  sameAddress,
} from "../../src/crm/normalize";

describe("names", () => {
  it.each([
    ["Jane Smith", "jane smith"],
    ["  JANE   SMITH ", "jane smith"],
    ["Smith, Jane", "jane smith"],
    ["Mrs. Jane Smith", "jane smith"],
    ["O'Brien Plumbing & Heating", "and heating obrien plumbing"],
  ])("%s → %s", (input, key) => expect(normalizeName(input)).toBe(key));

  it("different people stay different", () => expect(normalizeName("Jane Smith")).not.toBe(normalizeName("John Smith")));
  it("search term is the most distinctive word", () => expect(nameSearchTerm("Dr. Jo Washington")).toBe("washington"));
});

describe("phones and emails", () => {
  it.each(["(619) 555-0101", "+1 619.555.0101", "619 555 0101", "1-619-555-0101", "619-555-0101 ext. 22", "6195550101 x3"])("%s → 6195550101", (p) =>
    expect(normalizePhone(p)).toBe("6195550101"),
  );
  it("keeps non-North-American numbers whole", () => expect(normalizePhone("+44 20 7946 0958")).toBe("442079460958"));
  it("emails ignore case and surrounding space", () => expect(normalizeEmail("  Jane.Smith@Example.COM ")).toBe("jane.smith@example.com"));
});

describe("addresses", () => {
  it("street suffixes, directions and punctuation", () => {
    expect(parseStreet("123 North Main Street")).toEqual({ number: "123", name: "n main st", unit: "" });
    expect(parseStreet("123 N. Main St.")).toEqual({ number: "123", name: "n main st", unit: "" });
    expect(parseStreet("4500 Sunset Boulevard")).toEqual({ number: "4500", name: "sunset blvd", unit: "" });
    expect(parseStreet("77 Elm Avenue SW").name).toBe("elm ave sw");
  });

  it("a unit inside the street line is split off", () => {
    expect(parseStreet("123 Main St, Apt 4")).toEqual({ number: "123", name: "main st", unit: "4" });
    expect(parseStreet("123 Main St #4B").unit).toBe("4B");
    expect(parseStreet("123 Main Street Suite 200").unit).toBe("200");
    expect(parseStreet("100 Lot Rd")).toEqual({ number: "100", name: "lot rd", unit: "" });
  });

  it.each([["Apt. 4", "4"], ["#4", "4"], ["unit 4b", "4B"], ["Suite #200", "200"], ["", ""]])("unit %s → %s", (u, key) => expect(normalizeUnit(u)).toBe(key));

  it("ZIP+4 and Canadian postal codes", () => {
    expect(normalizeZip("91203-1234", "US")).toBe("91203");
    expect(normalizeZip("912031234", "")).toBe("91203");
    expect(normalizeZip("k1a 0b1", "CA")).toBe("K1A0B1");
  });

  it("country aliases", () => {
    expect(["USA", "United States", "us", "U.S.A."].map(normalizeCountry)).toEqual(["US", "US", "US", "US"]);
    expect(normalizeCountry("Canada")).toBe("CA");
  });

  it("the same place written differently has one key", () => {
    const a = { street: "123 North Main Street", unit: "Apt 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
    const b = { street: "123 n. main st #4", city: "GLENDALE", state: "ca", zip: "91203-0042", country: "US" };
    expect(addressKey(a)).toBe("123|n main st|4|91203");
    expect(sameAddress(a, b)).toBe(true);
    expect(sameAddress(a, { ...a, unit: "Apt 5" })).toBe(false);
    expect(sameAddress(a, { ...a, street: "125 North Main Street" })).toBe(false);
    expect(sameAddress({ street: "" }, { street: "" })).toBe(false);
  });

  it("without a ZIP, city and state are the locality", () => {
    expect(sameAddress({ street: "9 Oak St", city: "Saint Louis", state: "MO" }, { street: "9 Oak Street", city: "St. Louis", state: "mo" })).toBe(true);
  });

  it("distance", () => {
    expect(distanceMeters(34.1425, -118.2551, 34.1425, -118.2551)).toBe(0);
    const d = distanceMeters(34.1425, -118.2551, 34.1426, -118.2551);
    expect(d).toBeGreaterThan(10);
    expect(d).toBeLessThan(12);
  });
});

describe("address checks", () => {
  const ok = { street: "1200 Main St", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
  const codes = (a: Parameters<typeof checkAddress>[0]) => checkAddress(a).problems.map((p) => `${p.field}:${p.code}`);

  it("a complete US address passes, with ZIP or ZIP+4", () => {
    expect(codes(ok)).toEqual([]);
    expect(codes({ ...ok, zip: "91203-1234" })).toEqual([]);
    expect(codes({ ...ok, state: "California" })).toEqual([]);
  });
  it("missing parts are named", () => expect(codes({ country: "US" })).toEqual(["street:missing", "city:missing", "state:missing", "zip:missing"]));
  it("postal formats by country", () => {
    expect(codes({ ...ok, zip: "9120" })).toEqual(["zip:zipFormat"]);
    expect(codes({ street: "1 Sussex Dr", city: "Ottawa", state: "ON", zip: "K1A 0B1", country: "Canada" })).toEqual([]);
    expect(codes({ street: "1 Sussex Dr", city: "Ottawa", state: "ON", zip: "90210", country: "Canada" })).toEqual(["zip:zipFormat"]);
    expect(codes({ street: "10 Downing St", city: "London", zip: "SW1A 2AA", country: "United Kingdom" })).toEqual([]);
    expect(codes({ street: "1 George St", city: "Sydney", state: "NSW", zip: "2000", country: "Australia" })).toEqual([]);
    expect(codes({ street: "Damrak 1", city: "Amsterdam", zip: "1012 JS", country: "NL" })).toEqual([]);
    expect(codes({ street: "1 Main St", city: "Dublin", zip: "D02 X285", country: "Ireland" })).toEqual([]);
  });
  it("state codes for the US and Canada", () => {
    expect(stateCode("ontario", "CA")).toBe("ON");
    expect(codes({ ...ok, state: "XX" })).toEqual(["state:stateUnknown"]);
  });
  it("coordinates: ranges, numbers, pairs; never an exception", () => {
    expect(codes({ ...ok, latitude: "91", longitude: "0" })).toEqual(["latitude:latitudeRange"]);
    expect(codes({ ...ok, latitude: "34.1", longitude: "-181" })).toEqual(["longitude:longitudeRange"]);
    expect(codes({ ...ok, latitude: "north", longitude: "1" })).toEqual(["latitude:latitudeNotNumber"]);
    expect(codes({ ...ok, latitude: "34.1" })).toEqual(["longitude:coordinatePair"]);
    const check = checkAddress({ ...ok, latitude: "0", longitude: "0" });
    expect(check.problems).toEqual([]);
    expect(check.warnings.map((w) => w.code)).toContain("nullIsland");
  });
  it("an empty country is checked as US, with a warning", () => {
    const check = checkAddress({ ...ok, country: "" });
    expect(check.country).toBe("US");
    expect(check.warnings.map((w) => w.code)).toContain("countryAssumed");
  });
});
