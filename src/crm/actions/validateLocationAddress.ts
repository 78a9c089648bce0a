/**
 * Validate Location Address: checks an address (required parts, ZIP/postal format by country, state
 * codes, coordinate ranges) and lists ServiceTitan locations already at that address or near those
 * coordinates. A bad address is a verdict (`valid: false` with `problems`), not an error; only a
 * failed ServiceTitan call throws. The logic lives in src/crm/validateAddress.ts.
 */
import { action, input } from "@prismatic-io/spectral";
import { validateLocationAddress as run } from "../validateAddress";
import { clientFor } from "../../http/clientFor";
import { cleanBoolean, cleanNumber } from "../../inputs/clean";
import { connectionInput, textInput } from "../../inputs/shared";
import { shapeOutput } from "../../operations/outputSchema";

/** Address parts are taken as typed (trimmed): judging them is the action's job, not the input's. */
const part = (label: string, comments: string, example: string) => textInput({ label, comments, example, maxLength: 255 });

export const validateLocationAddressInputs = {
  connection: connectionInput,
  street: part("Street", "Street line with house number. Required for a valid address.", "1200 Main St"),
  unit: part("Unit", "Apartment, suite or unit, if any.", "Suite 4"),
  city: part("City", "City. Required for a valid address.", "Glendale"),
  state: part("State / Province", "State or province; for the US and Canada it must be a real two-letter code or its full name.", "CA"),
  zip: part("ZIP / Postal Code", "Checked by country: US 91203 or 91203-1234, Canada K1A 0B1, UK SW1A 1AA, Australia 2000, Mexico/Germany/France 5 digits, Netherlands 1012 JS, Ireland Eircode.", "91203"),
  country: part("Country", "Country name or code (USA, US, Canada, CA, United Kingdom…). Empty is checked as a US address, with a warning.", "USA"),
  latitude: part("Latitude", "Latitude in decimal degrees, −90 to 90. Give it with Longitude to look for locations nearby. A value out of range is reported as a problem.", "34.1425"),
  longitude: part("Longitude", "Longitude in decimal degrees, −180 to 180. Give it with Latitude.", "-118.2551"),
  radiusMeters: input({
    label: "Radius (Meters)",
    type: "string",
    required: false,
    default: "50",
    comments: "With coordinates: locations within this many metres are reported as matches. Empty means 50.",
    example: "50",
    placeholder: "50",
    clean: cleanNumber("Radius (Meters)", { min: 0, max: 100000 }),
  }),
  checkExisting: input({
    label: "Check Existing Locations",
    type: "boolean",
    required: false,
    default: "true",
    comments: "When true, ServiceTitan's locations are searched for the same address (normalised) and for coordinates within the radius. When false, only the format is checked and no request is sent.",
    example: "true",
    clean: cleanBoolean("Check Existing Locations", { default: true }),
  }),
};

export const validateLocationAddress = action({
  display: {
    label: "Validate Location Address",
    description:
      "Checks a service address and its coordinates (required parts, ZIP/postal format by country, state codes, latitude/longitude ranges) and reports ServiceTitan locations already at that address or within a radius of the coordinates. Returns a verdict; a bad address does not fail the step.",
  },
  inputs: validateLocationAddressInputs,
  performSafety: "safe",
  examplePayload: {
    data: {
      valid: true,
      problems: [],
      warnings: [],
      normalized: { street: "1200 main st", unit: "4", city: "glendale", state: "CA", zip: "91203", country: "US", key: "1200|main st|4|91203" },
      checkedExisting: true,
      searchesTruncated: [],
      matches: [
        {
          locationId: 1234568,
          customerId: 1234567,
          name: "Jane Smith",
          active: true,
          address: { street: "1200 Main Street", unit: "Apt 4", city: "Glendale", state: "CA", zip: "91203-1234", country: "USA", latitude: 34.1425, longitude: -118.2551 },
          matchedBy: ["address", "coordinates"],
          distanceMeters: 0,
        },
      ],
    },
  },
  outputSchema: shapeOutput({
    valid: "b",
    problems: [{ field: "s", code: "s", message: "s" }],
    warnings: [{ field: "s", code: "s", message: "s" }],
    normalized: { street: "s", unit: "s", city: "s", state: "s", zip: "s", country: "s", key: "s" },
    checkedExisting: "b",
    searchesTruncated: ["s=name|phone|address|zip|coordinates"],
    matches: [{ locationId: "i", customerId: "i", name: "s", active: "b", address: { street: "s", unit: "s?", city: "s", state: "s", zip: "s", country: "s", latitude: "n?", longitude: "n?" }, matchedBy: ["s=address|coordinates"], distanceMeters: "n?" }],
  }),
  perform: async (context, params) => {
    const p = params as Record<string, unknown>;
    const client = p.checkExisting === false ? undefined : clientFor(context, p);
    const str = (k: string) => p[k] as string | undefined;
    const data = await run(
      client,
      { street: str("street"), unit: str("unit"), city: str("city"), state: str("state"), zip: str("zip"), country: str("country"), latitude: str("latitude"), longitude: str("longitude") },
      { radiusMeters: p.radiusMeters as number | undefined, checkExisting: p.checkExisting !== false },
    );
    return { data };
  },
});
