/**
 * Normalisation for matching people and places: two spellings of the same name, phone, email or
 * address produce the same key. Used by Find or Create Customer and Validate Location Address; pure
 * functions, no I/O.
 *
 * Address keys deliberately use the ZIP/postal code (5 digits for US ZIP+4) as the locality and leave the
 * city out when a postal code is present: "St. Louis" and "Saint Louis" share a ZIP, not a spelling.
 *
 * Values read back from ServiceTitan are untrusted text of any length, so nothing here can stall: every
 * value is cut to MAX_TEXT_LENGTH (phones to MAX_PHONE_LENGTH) before it is normalised, and every scan is
 * linear in the text's length — the regular expressions below match without nested or adjacent
 * repetitions that can backtrack, and the two end-of-text searches (phone extension, unit at the end of a
 * street line) are written as one backward scan instead of a pattern anchored only at the end.
 */

/** Characters of a name, street, city, unit, email or postal code that are read; the rest is ignored. */
export const MAX_TEXT_LENGTH = 500;
/** Characters of a phone number that are read (room for punctuation, a country code and an extension). */
export const MAX_PHONE_LENGTH = 100;

/** Any value as text, cut to `max` characters. */
export const capText = (value: unknown, max = MAX_TEXT_LENGTH): string => {
  const text = String(value ?? "");
  return text.length > max ? text.slice(0, max) : text;
};

const isSpace = (ch: string): boolean => /\s/.test(ch);
const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
/** End of `text` with trailing whitespace left out. */
const endWithoutSpace = (text: string, end = text.length): number => {
  let e = end;
  while (e > 0 && isSpace(text[e - 1])) e -= 1;
  return e;
};

/** Lower case, accents stripped, every run of punctuation or whitespace turned into one space. */
export const simplify = (text: unknown): string =>
  capText(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]);

/**
 * A person's or company's name as a key: case, punctuation, honorifics and word order do not matter
 * ("Smith, Jane" = "jane  SMITH" = "Mrs. Jane Smith").
 */
export const normalizeName = (name: unknown): string => {
  const tokens = simplify(name)
    .split(" ")
    .filter((t) => t && !HONORIFICS.has(t));
  return tokens.sort().join(" ");
};

/** The most distinctive word of a name (the longest), for a server-side "name contains" search. */
export const nameSearchTerm = (name: unknown): string => {
  const tokens = simplify(name)
    .split(" ")
    .filter((t) => t && !HONORIFICS.has(t));
  return tokens.reduce((best, t) => (t.length > best.length ? t : best), "");
};

const EXTENSION_MARKERS = ["extension", "ext.", "ext", "x", "#"];

/**
 * `text` (lower case) without a trailing extension — a marker ("ext.", "ext", "extension", "x", "#"),
 * optional spaces, digits, optional spaces at the very end. One backward scan, linear in the length.
 */
export const stripPhoneExtension = (text: string): string => {
  let i = endWithoutSpace(text);
  const digitsEnd = i;
  while (i > 0 && isDigit(text[i - 1])) i -= 1;
  if (i === digitsEnd) return text;
  i = endWithoutSpace(text, i);
  for (const marker of EXTENSION_MARKERS) {
    if (text.endsWith(marker, i)) return text.slice(0, i - marker.length);
  }
  return text;
};

/**
 * Phone digits for comparison: extensions dropped ("x12", "ext. 12"), a leading country code 1 on an
 * 11-digit North American number dropped. "(619) 555-0101" = "+1 619.555.0101" = "6195550101".
 */
export const normalizePhone = (phone: unknown): string => {
  const text = stripPhoneExtension(capText(phone, MAX_PHONE_LENGTH).toLowerCase());
  let digits = text.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  return digits;
};

/** Email for comparison: trimmed, lower case, a trailing dot or surrounding <> removed. */
export const normalizeEmail = (email: unknown): string =>
  capText(email)
    .trim()
    .replace(/^<|>$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();

const COUNTRY_ALIASES: Record<string, string> = {
  us: "US", usa: "US", "united states": "US", "united states of america": "US", america: "US", "u s": "US", "u s a": "US",
  ca: "CA", can: "CA", canada: "CA",
  gb: "GB", uk: "GB", "united kingdom": "GB", "great britain": "GB", england: "GB", scotland: "GB", wales: "GB",
  au: "AU", aus: "AU", australia: "AU",
  mx: "MX", mex: "MX", mexico: "MX",
  de: "DE", deu: "DE", germany: "DE",
  fr: "FR", fra: "FR", france: "FR",
  nl: "NL", nld: "NL", netherlands: "NL", "the netherlands": "NL",
  ie: "IE", irl: "IE", ireland: "IE",
  nz: "NZ", nzl: "NZ", "new zealand": "NZ",
  pr: "PR", "puerto rico": "PR",
};

/** ISO 3166 alpha-2 code for the countries we know ("USA", "United States" → "US"); empty stays empty. */
export const normalizeCountry = (country: unknown): string => {
  const s = simplify(country);
  if (!s) return "";
  return COUNTRY_ALIASES[s] ?? s.toUpperCase().replace(/\s/g, "");
};

/**
 * Postal code for comparison: US ZIP+4 → the 5-digit ZIP; Canadian and other codes upper case without
 * spaces. Countries are given as normalizeCountry returns them (empty = assume US when it looks like a ZIP).
 */
export const normalizeZip = (zip: unknown, country = ""): string => {
  const raw = capText(zip).trim().toUpperCase();
  const compact = raw.replace(/[^A-Z0-9]/g, "");
  if ((country === "US" || country === "PR" || country === "") && /^\d{5}(\d{4})?$/.test(compact)) return compact.slice(0, 5);
  return compact;
};

/** Street suffixes and their USPS abbreviations (both spellings map to the abbreviation). */
const SUFFIXES: Record<string, string> = {
  street: "st", str: "st", st: "st",
  avenue: "ave", av: "ave", ave: "ave", aven: "ave",
  road: "rd", rd: "rd",
  drive: "dr", drv: "dr", dr: "dr",
  lane: "ln", ln: "ln",
  boulevard: "blvd", boul: "blvd", blvd: "blvd",
  court: "ct", ct: "ct",
  place: "pl", pl: "pl",
  circle: "cir", circ: "cir", cir: "cir",
  parkway: "pkwy", pkwy: "pkwy", pky: "pkwy",
  highway: "hwy", hwy: "hwy",
  terrace: "ter", ter: "ter",
  trail: "trl", trl: "trl",
  square: "sq", sq: "sq",
  expressway: "expy", expy: "expy",
  freeway: "fwy", fwy: "fwy",
  way: "way", wy: "way",
  point: "pt", pt: "pt",
  crossing: "xing", xing: "xing",
  alley: "aly", aly: "aly",
  loop: "loop",
  run: "run",
  path: "path",
  pike: "pike",
  plaza: "plz", plz: "plz",
  ridge: "rdg", rdg: "rdg",
  heights: "hts", hts: "hts",
  center: "ctr", ctr: "ctr",
  mount: "mt", mt: "mt",
  route: "rte", rte: "rte",
};

const DIRECTIONS: Record<string, string> = {
  north: "n", south: "s", east: "e", west: "w",
  northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
  n: "n", s: "s", e: "e", w: "w", ne: "ne", nw: "nw", se: "se", sw: "sw",
};

/** Unit designators ("Apt 4", "Suite 200", "#4", "Unit B"); the designator itself is not part of the key. */
const UNIT_WORDS = ["apartment", "apt", "suite", "ste", "unit", "room", "rm", "floor", "fl", "bldg", "building", "lot", "space", "spc", "dept", "no", "number"];
const UNIT_WORD_SET = new Set(UNIT_WORDS);

const isUnitChar = (ch: string): boolean => /[a-z0-9-]/i.test(ch);
const isSeparator = (ch: string | undefined): boolean => ch === "," || (ch !== undefined && isSpace(ch));

/**
 * Where the separator before position `at` starts — a comma or a space, then any spaces — or -1 when
 * `at` is not preceded by one.
 */
const separatorStart = (text: string, at: number): number => {
  if (!isSeparator(text[at - 1])) return -1;
  if (text[at - 1] === ",") return at - 1;
  let s = at - 1;
  while (s > 0 && isSpace(text[s - 1])) s -= 1;
  return text[s - 1] === "," ? s - 1 : s;
};

/**
 * A unit written at the end of a street line: after a comma or a space, a unit word (Apt, Suite, Unit…,
 * optionally followed by "." and "#") or a "#", then the unit itself (letters, digits, "-") and nothing
 * else: "123 Main St, Apt 4", "123 Main St #4B", "12 Elm Apt.4", "12 Elm Apt4". Returns where the
 * designator's separator starts and the unit's text; undefined when the line ends otherwise. Of several
 * readings, the one starting furthest left wins. One backward scan plus a few fixed-size checks: linear.
 */
export const trailingUnit = (text: string): { index: number; unit: string } | undefined => {
  const end = endWithoutSpace(text);
  let start = end;
  while (start > 0 && isUnitChar(text[start - 1])) start -= 1;
  if (start === end) return undefined;
  const token = text.slice(start, end);
  const found: Array<{ index: number; unit: string }> = [];
  // 1. "Apt 4", "Apt. #4", "Apt#4": a whole unit word before the token, then ".", "#" and spaces
  let p = endWithoutSpace(text, start);
  if (text[p - 1] === "#") p = endWithoutSpace(text, p - 1);
  if (text[p - 1] === ".") p -= 1;
  let w = p;
  while (w > 0 && /[a-z]/i.test(text[w - 1])) w -= 1;
  if (w < p && p < start && UNIT_WORD_SET.has(text.slice(w, p).toLowerCase())) {
    const index = separatorStart(text, w);
    if (index >= 0) found.push({ index, unit: token });
  }
  // 2. "#4", "# 4": a "#" after the separator
  const hash = endWithoutSpace(text, start) - 1;
  if (text[hash] === "#") {
    const index = separatorStart(text, hash);
    if (index >= 0) found.push({ index, unit: token });
  }
  // 3. "Apt4": a unit word glued to the unit, the word first in the list order
  const index = separatorStart(text, start);
  if (index >= 0) {
    const lower = token.toLowerCase();
    const word = UNIT_WORDS.find((u) => lower.startsWith(u) && lower.length > u.length);
    if (word) found.push({ index, unit: token.slice(word.length) });
  }
  return found.sort((a, b) => a.index - b.index)[0];
};

/** A unit as a key: designator and punctuation removed, upper case ("Apt. #4b" → "4B"). */
export const normalizeUnit = (unit: unknown): string => {
  const tokens = simplify(unit).split(" ");
  let first = 0;
  while (first < tokens.length - 1 && UNIT_WORD_SET.has(tokens[first])) first += 1;
  return tokens.slice(first).join("").toUpperCase();
};

export interface ParsedStreet {
  /** House number ("123", "123A", "12-14"), empty when the street has none. */
  number: string;
  /** Street name with suffix and directions abbreviated: "north main street" → "n main st". */
  name: string;
  /** Unit found at the end of the street line, if any. */
  unit: string;
}

/**
 * Splits a street line into house number, normalised street name and a trailing unit:
 * "123 N. Main Street, Apt 4" → { number: "123", name: "n main st", unit: "4" }.
 */
export const parseStreet = (street: unknown): ParsedStreet => {
  let text = capText(street).trim();
  let unit = "";
  const unitMatch = trailingUnit(text);
  // a unit must look like one (a digit in it, or a single letter): "100 Lot Rd" keeps its street name
  if (unitMatch && unitMatch.index > 0 && (/\d/.test(unitMatch.unit) || unitMatch.unit.length === 1)) {
    unit = normalizeUnit(unitMatch.unit);
    text = text.slice(0, unitMatch.index);
  }
  const tokens = simplify(text).split(" ").filter(Boolean);
  let number = "";
  if (tokens.length > 1 && /^\d+[a-z]?$/.test(tokens[0])) {
    number = tokens.shift()!.toUpperCase();
  }
  const words = tokens.map((t, i) => {
    if (DIRECTIONS[t] && (i === 0 || i === tokens.length - 1)) return DIRECTIONS[t];
    if (i === tokens.length - 1 || (i === tokens.length - 2 && DIRECTIONS[tokens[tokens.length - 1]])) return SUFFIXES[t] ?? t;
    return t;
  });
  return { number, name: words.join(" "), unit };
};

export interface AddressInput {
  street?: unknown;
  unit?: unknown;
  city?: unknown;
  state?: unknown;
  zip?: unknown;
  country?: unknown;
}

export interface NormalizedAddress {
  number: string;
  streetName: string;
  unit: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export const normalizeAddress = (a: AddressInput): NormalizedAddress => {
  const parsed = parseStreet(a.street);
  const country = normalizeCountry(a.country);
  return {
    number: parsed.number,
    streetName: parsed.name,
    unit: normalizeUnit(a.unit) || parsed.unit,
    city: simplify(a.city).replace(/^saint /, "st ").replace(/^mount /, "mt ").replace(/^fort /, "ft "),
    state: simplify(a.state).toUpperCase(),
    zip: normalizeZip(a.zip, country),
    country,
  };
};

/**
 * One string per physical place: house number, street, unit and ZIP (or city and state when there is
 * no ZIP). Empty when the street is empty. Country is left out (a ZIP already pins it; "USA" vs "US"
 * must not split a key).
 */
export const addressKey = (a: AddressInput): string => {
  const n = normalizeAddress(a);
  if (!n.streetName) return "";
  const locality = n.zip || `${n.city}/${n.state}`;
  return [n.number, n.streetName, n.unit, locality].join("|");
};

/** True when two addresses name the same place. */
export const sameAddress = (a: AddressInput, b: AddressInput): boolean => {
  const ka = addressKey(a);
  return ka !== "" && ka === addressKey(b);
};

/** Great-circle distance in metres between two coordinates (haversine). */
export const distanceMeters = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
};
