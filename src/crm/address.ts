/**
 * Address checks without I/O: required parts, postal-code format by country, state/province codes for
 * the US and Canada, and coordinate ranges. A bad address is a verdict, never an exception.
 */
import { normalizeCountry } from "./normalize";

export interface AddressProblem {
  /** The address part at fault: street, city, state, zip, country, latitude, longitude. */
  field: string;
  /** Stable machine code, e.g. "missing", "zipFormat", "latitudeRange". */
  code: string;
  message: string;
}

/** A postal address as a user typed it; every part optional (the checks say what is missing). */
export interface PostalAddress {
  street?: string;
  unit?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
}

export interface AddressFields extends PostalAddress {
  /** As typed: parsed here so a non-number is a problem, not an exception. */
  latitude?: string | number;
  longitude?: string | number;
}

export interface AddressCheck {
  problems: AddressProblem[];
  /** Notes that do not make the address invalid (e.g. coordinates 0,0). */
  warnings: AddressProblem[];
  country: string;
  latitude?: number;
  longitude?: number;
}

interface PostalRule {
  pattern: RegExp;
  example: string;
  name: string;
}

/** Postal-code formats for the countries we know; other countries only need a non-empty code. */
export const POSTAL_RULES: Record<string, PostalRule> = {
  US: { pattern: /^\d{5}(-?\d{4})?$/, example: "91203 or 91203-1234", name: "ZIP code" },
  PR: { pattern: /^00[679]\d{2}(-?\d{4})?$/, example: "00901", name: "ZIP code" },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, example: "K1A 0B1", name: "postal code" },
  GB: { pattern: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, example: "SW1A 1AA", name: "postcode" },
  AU: { pattern: /^\d{4}$/, example: "2000", name: "postcode" },
  NZ: { pattern: /^\d{4}$/, example: "6011", name: "postcode" },
  MX: { pattern: /^\d{5}$/, example: "06600", name: "código postal" },
  DE: { pattern: /^\d{5}$/, example: "10115", name: "Postleitzahl" },
  FR: { pattern: /^\d{5}$/, example: "75008", name: "code postal" },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: "1012 JS", name: "postcode" },
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/i, example: "D02 X285", name: "Eircode" },
};

const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP AA AE AP".split(" "),
);
const US_STATE_NAMES: Record<string, string> = {
  alabama: "AL", alaska: "AK", arizona: "AZ", arkansas: "AR", california: "CA", colorado: "CO", connecticut: "CT", delaware: "DE",
  "district of columbia": "DC", florida: "FL", georgia: "GA", hawaii: "HI", idaho: "ID", illinois: "IL", indiana: "IN", iowa: "IA",
  kansas: "KS", kentucky: "KY", louisiana: "LA", maine: "ME", maryland: "MD", massachusetts: "MA", michigan: "MI", minnesota: "MN",
  mississippi: "MS", missouri: "MO", montana: "MT", nebraska: "NE", nevada: "NV", "new hampshire": "NH", "new jersey": "NJ",
  "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND", ohio: "OH", oklahoma: "OK", oregon: "OR",
  pennsylvania: "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", tennessee: "TN", texas: "TX", utah: "UT",
  vermont: "VT", virginia: "VA", washington: "WA", "west virginia": "WV", wisconsin: "WI", wyoming: "WY", "puerto rico": "PR",
};
const CA_PROVINCES = new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" "));
const CA_PROVINCE_NAMES: Record<string, string> = {
  alberta: "AB", "british columbia": "BC", manitoba: "MB", "new brunswick": "NB", "newfoundland and labrador": "NL", newfoundland: "NL",
  "nova scotia": "NS", "northwest territories": "NT", nunavut: "NU", ontario: "ON", "prince edward island": "PE", quebec: "QC",
  québec: "QC", saskatchewan: "SK", yukon: "YT",
};

/** Two-letter state/province code for the US and Canada ("California" → "CA"); undefined if unknown. */
export const stateCode = (state: string, country: string): string | undefined => {
  const s = state.trim();
  const upper = s.toUpperCase();
  const lower = s.toLowerCase().replace(/\s+/g, " ");
  if (country === "US" || country === "PR") return US_STATES.has(upper) ? upper : US_STATE_NAMES[lower];
  if (country === "CA") return CA_PROVINCES.has(upper) ? upper : CA_PROVINCE_NAMES[lower];
  return undefined;
};

const blank = (v: unknown): boolean => v === undefined || v === null || String(v).trim() === "";

const parseCoordinate = (raw: string | number | undefined, field: "latitude" | "longitude", problems: AddressProblem[]): number | undefined => {
  if (blank(raw)) return undefined;
  const text = String(raw).trim();
  const n = typeof raw === "number" ? raw : /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  const limit = field === "latitude" ? 90 : 180;
  if (!Number.isFinite(n)) {
    problems.push({ field, code: `${field}NotNumber`, message: `${field === "latitude" ? "Latitude" : "Longitude"} must be a number in decimal degrees, got "${text}".` });
    return undefined;
  }
  if (n < -limit || n > limit) {
    problems.push({ field, code: `${field}Range`, message: `${field === "latitude" ? "Latitude" : "Longitude"} must be between -${limit} and ${limit}, got ${n}.` });
    return undefined;
  }
  return n;
};

/** Checks one address. Country defaults to US when empty. */
export const checkAddress = (a: AddressFields): AddressCheck => {
  const problems: AddressProblem[] = [];
  const warnings: AddressProblem[] = [];
  const country = normalizeCountry(a.country) || "US";
  if (blank(a.country)) warnings.push({ field: "country", code: "countryAssumed", message: "No country given; checked as a US address." });

  for (const field of ["street", "city"] as const) {
    if (blank(a[field])) problems.push({ field, code: "missing", message: `The ${field} is required.` });
  }
  const needsState = country === "US" || country === "CA" || country === "AU" || country === "MX";
  if (needsState && blank(a.state)) problems.push({ field: "state", code: "missing", message: `The ${country === "CA" ? "province" : "state"} is required for ${country} addresses.` });
  if (!blank(a.state) && (country === "US" || country === "CA") && !stateCode(String(a.state), country)) {
    problems.push({
      field: "state",
      code: "stateUnknown",
      message: `"${String(a.state).trim()}" is not a ${country === "CA" ? "Canadian province or territory" : "US state or territory"} (use a two-letter code such as ${country === "CA" ? "ON" : "CA"}).`,
    });
  }

  const rule = POSTAL_RULES[country];
  if (blank(a.zip)) {
    if (rule) problems.push({ field: "zip", code: "missing", message: `The ${rule.name} is required for ${country} addresses.` });
  } else if (rule && !rule.pattern.test(String(a.zip).trim())) {
    problems.push({ field: "zip", code: "zipFormat", message: `"${String(a.zip).trim()}" is not a valid ${country} ${rule.name} (expected a form like ${rule.example}).` });
  }
  if (!blank(a.street) && !/\d/.test(String(a.street)) && /^(US|CA|AU|NZ|PR)$/.test(country)) {
    warnings.push({ field: "street", code: "noHouseNumber", message: "The street has no house number; technicians may not find the place." });
  }

  const latitude = parseCoordinate(a.latitude, "latitude", problems);
  const longitude = parseCoordinate(a.longitude, "longitude", problems);
  const latGiven = !blank(a.latitude);
  const lonGiven = !blank(a.longitude);
  if (latGiven !== lonGiven) {
    const missing = latGiven ? "longitude" : "latitude";
    problems.push({ field: missing, code: "coordinatePair", message: "Latitude and longitude go together: give both or neither." });
  }
  if (latitude === 0 && longitude === 0) {
    warnings.push({ field: "latitude", code: "nullIsland", message: "Coordinates 0,0 usually mean a failed geocode rather than a real place." });
  }
  return { problems, warnings, country, latitude, longitude };
};
