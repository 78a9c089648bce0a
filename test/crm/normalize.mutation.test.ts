/**
 * The CRM normaliser and address checks at their edges (issue 18, mutation testing): each case is a way
 * two spellings of one customer or place must meet, or two different ones must stay apart, that the main
 * unit tests leave open — so a changed comparison, a dropped rule or a swapped order fails here.
 */
import { checkAddress, stateCode } from "../../src/crm/address";
import {
  addressKey,
  capText,
  distanceMeters,
  MAX_PHONE_LENGTH,
  MAX_TEXT_LENGTH,
  nameSearchTerm,
  normalizeAddress,
  normalizeCountry,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  normalizeUnit,
  normalizeZip,
  parseStreet,
  sameAddress,
  simplify,
  stripPhoneExtension,
  trailingUnit,
} from "../../src/crm/normalize";

describe("text is read up to its cap", () => {
  it("the cap keeps exactly MAX_TEXT_LENGTH characters", () => {
    expect(capText("a".repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
    expect(capText("a".repeat(MAX_TEXT_LENGTH + 1))).toHaveLength(MAX_TEXT_LENGTH);
    expect(capText("abcdef", 3)).toBe("abc");
    expect(capText(null)).toBe("");
    expect(capText(12)).toBe("12");
  });
  it("a phone's digits after MAX_PHONE_LENGTH characters are not read", () => {
    const padded = `${" ".repeat(MAX_PHONE_LENGTH - 10)}6195550101`;
    expect(normalizePhone(padded)).toBe("6195550101");
    expect(normalizePhone(`${padded}99`)).toBe("6195550101");
  });
});

describe("names", () => {
  it("accents, ampersands, apostrophes and edge punctuation", () => {
    expect(simplify("  José & Zoë’s `Café`!  ")).toBe("jose and zoes cafe");
    expect(normalizeName("ÉMILE O'NEIL")).toBe(normalizeName("emile oneil"));
  });
  it("every honorific is dropped, other short words are kept", () => {
    expect(normalizeName("Mr Ms Miss Mx Dr Prof Mrs Lee")).toBe("lee");
    expect(normalizeName("Al Lee")).toBe("al lee");
    expect(normalizeName("")).toBe("");
  });
  it("the search term is the longest word, the first of equal ones, never an honorific", () => {
    expect(nameSearchTerm("Prof. Al Bo")).toBe("al");
    expect(nameSearchTerm("Professor Jo")).toBe("professor");
    expect(nameSearchTerm("Mrs.")).toBe("");
  });
});

describe("phones", () => {
  it.each([
    ["619-555-0101 extension 5", "619-555-0101 "],
    ["619-555-0101 ext 5", "619-555-0101 "],
    ["619-555-0101 ext.5", "619-555-0101 "],
    ["619-555-0101 # 5  ", "619-555-0101 "],
    ["619-555-0101x5", "619-555-0101"],
  ])("the extension of %p is cut", (text, rest) => expect(stripPhoneExtension(text)).toBe(rest));
  it.each(["619 555 0101", "619-555-0101 box", "call 5", ""])("%p has no extension", (text) => expect(stripPhoneExtension(text)).toBe(text));
  it("a leading 1 is a country code only on 11 digits", () => {
    expect(normalizePhone("1 619 555 0101")).toBe("6195550101");
    expect(normalizePhone("2 619 555 0101")).toBe("26195550101");
    expect(normalizePhone("11 619 555 0101")).toBe("116195550101");
    expect(normalizePhone("1 555 0101")).toBe("15550101");
    expect(normalizePhone("619-555-0101 X 12")).toBe("6195550101");
  });
  it("extensions made of any digits, 0 and 9 included, are cut", () => {
    expect(normalizePhone("619-555-0101 x10")).toBe("6195550101");
    expect(normalizePhone("619-555-0101 ext 9")).toBe("6195550101");
    expect(normalizePhone("619-555-0101 #90")).toBe("6195550101");
  });
});

describe("emails", () => {
  it("angle brackets and a trailing dot go, inner dots stay", () => {
    expect(normalizeEmail("<Jane@Example.com>")).toBe("jane@example.com");
    expect(normalizeEmail("jane@example.com.")).toBe("jane@example.com");
    expect(normalizeEmail("j.a.ne@example.co.uk")).toBe("j.a.ne@example.co.uk");
    expect(normalizeEmail(" <a@b.c> ")).toBe("a@b.c");
    expect(normalizeEmail("x<y@b.c")).toBe("x<y@b.c");
    expect(normalizeEmail("x>y@b.c")).toBe("x>y@b.c");
  });
});

describe("countries and postal codes", () => {
  it("unknown countries are upper case without spaces; empty stays empty", () => {
    expect(normalizeCountry("South Africa")).toBe("SOUTHAFRICA");
    expect(normalizeCountry(" ")).toBe("");
    expect(normalizeCountry("Puerto Rico")).toBe("PR");
  });
  it("ZIP+4 is cut to the ZIP only for US, PR or no country", () => {
    expect(normalizeZip("00901-1234", "PR")).toBe("00901");
    expect(normalizeZip(" 91203 1234 ", "")).toBe("91203");
    expect(normalizeZip("91203-1234")).toBe("91203");
    expect(normalizeZip("123456789", "DE")).toBe("123456789");
    expect(normalizeZip("9120", "US")).toBe("9120");
    expect(normalizeZip("912031", "US")).toBe("912031");
    expect(normalizeZip("sw1a 1aa", "GB")).toBe("SW1A1AA");
  });
});

describe("units", () => {
  it("where the unit's separator starts, and the unit's text", () => {
    expect(trailingUnit("123 Main St, Apt 4")).toEqual({ index: 11, unit: "4" });
    expect(trailingUnit("123 Main St ,  Apt. #4")).toEqual({ index: 12, unit: "4" });
    expect(trailingUnit("12 Elm #4B")).toEqual({ index: 6, unit: "4B" });
    expect(trailingUnit("12 Elm # 4")).toEqual({ index: 6, unit: "4" });
    expect(trailingUnit("12 Elm Apt4")).toEqual({ index: 6, unit: "4" });
    expect(trailingUnit("12 Elm Apt.4")).toEqual({ index: 6, unit: "4" });
    expect(trailingUnit("12 Elm Suite 4-B  ")).toEqual({ index: 6, unit: "4-B" });
  });
  it("the reading that starts furthest left wins", () => {
    expect(trailingUnit("12 Elm St Apt #4")).toEqual({ index: 9, unit: "4" });
    expect(parseStreet("12 Elm St Apt #4")).toEqual({ number: "12", name: "elm st", unit: "4" });
  });
  it("no unit without a separator, a unit word or a #", () => {
    expect(trailingUnit("Apt 4")).toBeUndefined();
    expect(trailingUnit("12 Elm St")).toBeUndefined();
    expect(trailingUnit("12 Elm St.")).toBeUndefined();
    expect(trailingUnit("12 Elm St 4")).toBeUndefined();
    expect(trailingUnit("12 ElmApt 4")).toBeUndefined();
  });
  it("a comma right before the designator is its separator, also at the very start", () => {
    expect(trailingUnit("12 Elm St,Apt 4")).toEqual({ index: 9, unit: "4" });
    expect(trailingUnit(",Apt 4")).toEqual({ index: 0, unit: "4" });
    expect(trailingUnit(",#4")).toEqual({ index: 0, unit: "4" });
    expect(trailingUnit(",Apt4")).toEqual({ index: 0, unit: "4" });
  });
  it("no reading without a separator before it, and no empty unit", () => {
    expect(trailingUnit("12 Elm#4")).toBeUndefined();
    expect(trailingUnit("Apt4")).toBeUndefined();
    expect(trailingUnit("12 Elm Apt.")).toBeUndefined();
    expect(trailingUnit("12 Elm Apt")).toBeUndefined();
    expect(trailingUnit("12 Elm S 4")).toBeUndefined();
  });
  it("designators are dropped from the unit key, but a lone word is kept", () => {
    expect(normalizeUnit("Unit Apt 4")).toBe("4");
    expect(normalizeUnit("No. 5")).toBe("5");
    expect(normalizeUnit("4 b")).toBe("4B");
    expect(normalizeUnit("Suite")).toBe("SUITE");
  });
});

describe("street lines", () => {
  it("a trailing unit splits off when it has a digit or is one letter", () => {
    expect(parseStreet("12 Main St Apt 4-B")).toEqual({ number: "12", name: "main st", unit: "4B" });
    expect(parseStreet("12 Main St Unit C")).toEqual({ number: "12", name: "main st", unit: "C" });
    expect(parseStreet("12 Main St Apt BC")).toEqual({ number: "12", name: "main st apt bc", unit: "" });
  });
  it("the house number is digits with at most one letter, and never the whole line", () => {
    expect(parseStreet("123A Main St").number).toBe("123A");
    expect(parseStreet("123ab Main St")).toEqual({ number: "", name: "123ab main st", unit: "" });
    expect(parseStreet("A123 Main St").number).toBe("");
    expect(parseStreet("123")).toEqual({ number: "", name: "123", unit: "" });
  });
  it("directions abbreviate first or last; suffixes only last or before a final direction", () => {
    expect(parseStreet("12 North Street").name).toBe("n st");
    expect(parseStreet("12 Main Street North").name).toBe("main st n");
    expect(parseStreet("12 West Park Drive East").name).toBe("w park dr e");
    expect(parseStreet("12 Street Main").name).toBe("street main");
    expect(parseStreet("12 Avenue of the Americas").name).toBe("avenue of the americas");
    expect(parseStreet("12 Elm North Court").name).toBe("elm north ct");
  });
});

describe("address keys", () => {
  it("a separate unit wins over one in the street line", () => {
    expect(normalizeAddress({ street: "1 Elm St Apt 4", unit: "Apt 9" }).unit).toBe("9");
    expect(normalizeAddress({ street: "1 Elm St Apt 4", unit: " " }).unit).toBe("4");
  });
  it("Saint, Mount and Fort are abbreviated at the start of a city only", () => {
    const city = (c: string) => normalizeAddress({ street: "1 Elm St", city: c }).city;
    expect([city("Saint Paul"), city("Mount Vernon"), city("Fort Worth"), city("East Saint Louis")]).toEqual(["st paul", "mt vernon", "ft worth", "east saint louis"]);
    expect(normalizeAddress({ street: "1 Elm St", state: "ca." }).state).toBe("CA");
    expect(normalizeAddress({ street: "1 Elm St", country: "usa" }).country).toBe("US");
  });
  it("the key joins number, street, unit and locality; the city and state only without a ZIP", () => {
    expect(addressKey({ street: "9 Oak St", city: "Rome", state: "GA" })).toBe("9|oak st||rome/GA");
    expect(addressKey({ street: "9 Oak St", city: "Rome", state: "GA", zip: "30161" })).toBe("9|oak st||30161");
    expect(addressKey({ street: " ", city: "Rome", zip: "30161" })).toBe("");
  });
  it("different ZIPs or units are different places", () => {
    const a = { street: "9 Oak St", zip: "30161" };
    expect(sameAddress(a, { ...a, zip: "30162" })).toBe(false);
    expect(sameAddress(a, { street: "9 Oak St #2", zip: "30161" })).toBe(false);
    expect(sameAddress(a, { street: "9 oak street", zip: "30161-0001" })).toBe(true);
  });
});

describe("distance", () => {
  const within = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(expected * 1e-4);
  it("one degree of latitude, one of longitude at 10°N, Los Angeles to San Francisco, half the globe", () => {
    within(distanceMeters(10, 20, 11, 20), 111_195);
    within(distanceMeters(10, 20, 10, 21), 109_506);
    within(distanceMeters(34.0522, -118.2437, 37.7749, -122.4194), 559_121);
    within(distanceMeters(0, 0, 0, 180), Math.PI * 6_371_008.8);
    expect(distanceMeters(10, 21, 10, 20)).toBeCloseTo(distanceMeters(10, 20, 10, 21), 6);
  });
});

describe("state codes", () => {
  it("codes or names, any case and spacing, per country", () => {
    expect(stateCode(" ca ", "US")).toBe("CA");
    expect(stateCode("New   York", "US")).toBe("NY");
    expect(stateCode("Puerto Rico", "PR")).toBe("PR");
    expect(stateCode("Québec", "CA")).toBe("QC");
    expect(stateCode("qc", "CA")).toBe("QC");
    expect(stateCode("ON", "US")).toBeUndefined();
    expect(stateCode("CA", "CA")).toBeUndefined();
    expect(stateCode("CA", "MX")).toBeUndefined();
  });
});

describe("address checks", () => {
  const ok = { street: "1200 Main St", city: "Glendale", state: "CA", zip: "91203", country: "US" };
  const found = (a: Parameters<typeof checkAddress>[0]) => checkAddress(a).problems.map((p) => `${p.field}:${p.code}: ${p.message}`);
  const warned = (a: Parameters<typeof checkAddress>[0]) => checkAddress(a).warnings.map((p) => `${p.field}:${p.code}`);

  it("a state is required in the US, Canada, Australia and Mexico, and nowhere else", () => {
    expect(found({ ...ok, state: " " })).toEqual(["state:missing: The state is required for US addresses."]);
    expect(found({ street: "1 Sussex Dr", city: "Ottawa", zip: "K1A 0B1", country: "CA" })).toEqual(["state:missing: The province is required for CA addresses."]);
    expect(found({ street: "1 George St", city: "Sydney", zip: "2000", country: "AU" }).map((p) => p.split(":")[0])).toEqual(["state"]);
    expect(found({ street: "1 Reforma", city: "CDMX", zip: "06600", country: "MX" }).map((p) => p.split(":")[0])).toEqual(["state"]);
    expect(found({ street: "10 Downing St", city: "London", zip: "SW1A 2AA", country: "GB" })).toEqual([]);
  });
  it("an unknown state or province is named with an example", () => {
    expect(found({ ...ok, state: " Cali " })).toEqual(['state:stateUnknown: "Cali" is not a US state or territory (use a two-letter code such as CA).']);
    expect(found({ street: "1 Sussex Dr", city: "Ottawa", state: "XX", zip: "K1A 0B1", country: "CA" })).toEqual([
      'state:stateUnknown: "XX" is not a Canadian province or territory (use a two-letter code such as ON).',
    ]);
    expect(found({ street: "1 George St", city: "Sydney", state: "Nowhere", zip: "2000", country: "AU" })).toEqual([]);
  });
  it("postal codes: required where a format is known, checked trimmed, explained", () => {
    expect(found({ ...ok, zip: "" })).toEqual(["zip:missing: The ZIP code is required for US addresses."]);
    expect(found({ ...ok, zip: " 91203 " })).toEqual([]);
    expect(found({ ...ok, zip: "9120x" })).toEqual(['zip:zipFormat: "9120x" is not a valid US ZIP code (expected a form like 91203 or 91203-1234).']);
    expect(found({ street: "Rua 1", city: "Recife", country: "Brazil" })).toEqual([]);
    expect(found({ street: "1 Elm", city: "x", country: "missing", zip: "anything" })).toEqual([]);
    expect(found({ street: "1 Plaza", city: "San Juan", state: "PR", zip: "00901", country: "PR" })).toEqual([]);
  });
  it("a street without a house number is a warning where addresses have them", () => {
    expect(warned({ ...ok, street: "Main St" })).toEqual(["street:noHouseNumber"]);
    expect(warned({ ...ok, street: "1200 Main St" })).toEqual([]);
    expect(warned({ street: "Damrak", city: "Amsterdam", zip: "1012 JS", country: "NL" })).toEqual([]);
    expect(warned({ street: "Queen St", city: "Auckland", zip: "1010", country: "NZ" })).toEqual(["street:noHouseNumber"]);
  });
  it("coordinates: the bounds are inclusive, numbers and signed text are read, the rest explained", () => {
    const at = (latitude: string | number, longitude: string | number) => checkAddress({ ...ok, latitude, longitude });
    expect(at("90", "-180")).toMatchObject({ problems: [], latitude: 90, longitude: -180 });
    expect(at(-90, 180)).toMatchObject({ problems: [], latitude: -90, longitude: 180 });
    expect(at("+34.5", ".5")).toMatchObject({ latitude: 34.5, longitude: 0.5 });
    expect(at(" 34. ", "-118")).toMatchObject({ problems: [], latitude: 34, longitude: -118 });
    expect(found({ ...ok, latitude: "-90.5", longitude: "0" })).toEqual(["latitude:latitudeRange: Latitude must be between -90 and 90, got -90.5."]);
    expect(found({ ...ok, latitude: "0", longitude: "180.5" })).toEqual(["longitude:longitudeRange: Longitude must be between -180 and 180, got 180.5."]);
    expect(found({ ...ok, latitude: "1", longitude: "1e2" })).toEqual(['longitude:longitudeNotNumber: Longitude must be a number in decimal degrees, got "1e2".']);
    expect(found({ ...ok, latitude: "1", longitude: Number.NaN })).toEqual(['longitude:longitudeNotNumber: Longitude must be a number in decimal degrees, got "NaN".']);
    expect(found({ ...ok, longitude: "1" })).toEqual(["latitude:coordinatePair: Latitude and longitude go together: give both or neither."]);
    expect(checkAddress(ok)).toMatchObject({ problems: [], warnings: [], country: "US", latitude: undefined, longitude: undefined });
  });
  it("null island needs both coordinates at zero", () => {
    expect(warned({ ...ok, latitude: "0", longitude: "1" })).toEqual([]);
    expect(warned({ ...ok, latitude: "1", longitude: "0" })).toEqual([]);
    expect(warned({ ...ok, latitude: 0, longitude: 0 })).toEqual(["latitude:nullIsland"]);
  });
  it("the country is named as normalised", () => {
    expect(checkAddress({ ...ok, country: "United States of America" }).country).toBe("US");
    expect(checkAddress({ ...ok, country: " " })).toMatchObject({ country: "US" });
    expect(warned({ ...ok, country: " " })).toEqual(["country:countryAssumed"]);
  });
});

describe("survivors of the 15:48 run (lines 235–end, address.ts)", () => {
  test("a unit's designators are dropped from the front only, its other parts kept", () => {
    expect(normalizeUnit("Apt 4 B")).toBe("4B");
    expect(normalizeUnit("Apt Unit 12")).toBe("12");
  });

  test("a street that is only a unit word and number keeps it as the street, leading spaces or not", () => {
    expect(parseStreet("Apt 4")).toEqual({ number: "", name: "apt 4", unit: "" });
    expect(parseStreet("   Apt 4")).toEqual({ number: "", name: "apt 4", unit: "" });
  });

  test("only the last word (or the one before a closing direction) is a suffix", () => {
    expect(parseStreet("12 Avenue Road North").name).toBe("avenue rd n");
    expect(parseStreet("12 Street Avenue").name).toBe("street ave");
  });

  test("Saint, Mount and Fort are shortened at the start of a city only", () => {
    expect(normalizeAddress({ city: "Mount Vernon" }).city).toBe("mt vernon");
    expect(normalizeAddress({ city: "Fort Worth" }).city).toBe("ft worth");
    expect(normalizeAddress({ city: "Big Mount Pleasant" }).city).toBe("big mount pleasant");
    expect(normalizeAddress({ city: "Old Fort Town" }).city).toBe("old fort town");
  });

  test("state codes are known for the US, Puerto Rico and Canada only", () => {
    expect(stateCode("ON", "GB")).toBeUndefined();
    expect(stateCode("Ontario", "AU")).toBeUndefined();
  });

  const us = { street: "12 Main St", city: "Austin", state: "TX", zip: "78701", country: "US" };

  test("a street or city of spaces is missing, with its own message", () => {
    expect(checkAddress({ ...us, street: "   ", city: " " }).problems).toEqual([
      { field: "street", code: "missing", message: "The street is required." },
      { field: "city", code: "missing", message: "The city is required." },
    ]);
  });

  test("a coordinate written .55 is a number; not-a-number messages name the coordinate", () => {
    expect(checkAddress({ ...us, latitude: ".55", longitude: "-.5" })).toMatchObject({ problems: [], latitude: 0.55, longitude: -0.5 });
    expect(checkAddress({ ...us, latitude: "north", longitude: "west" }).problems).toEqual([
      { field: "latitude", code: "latitudeNotNumber", message: 'Latitude must be a number in decimal degrees, got "north".' },
      { field: "longitude", code: "longitudeNotNumber", message: 'Longitude must be a number in decimal degrees, got "west".' },
    ]);
  });

  test("the warnings' and the postal code's messages, the code quoted as trimmed", () => {
    const check = checkAddress({ street: "Main Street", city: "Austin", state: "TX", zip: " 7870 ", latitude: 0, longitude: 0 });
    expect(check.problems).toEqual([
      { field: "zip", code: "zipFormat", message: expect.stringMatching(/^"7870" is not a valid US /) },
    ]);
    expect(check.warnings).toEqual([
      { field: "country", code: "countryAssumed", message: "No country given; checked as a US address." },
      { field: "street", code: "noHouseNumber", message: "The street has no house number; technicians may not find the place." },
      { field: "latitude", code: "nullIsland", message: "Coordinates 0,0 usually mean a failed geocode rather than a real place." },
    ]);
  });

  test("a street without a house number is warned about only in the countries named, not in one whose name ends or starts like them", () => {
    const codes = (country: string) => checkAddress({ street: "Main Street", city: "Minsk", country }).warnings.map((w) => w.code);
    expect(codes("Belarus")).not.toContain("noHouseNumber");
    expect(codes("USSR")).not.toContain("noHouseNumber");
    expect(codes("NZ")).toContain("noHouseNumber");
  });
});
