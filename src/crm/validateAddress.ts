/**
 * Validate Location Address: the verdict behind the `validateLocationAddress` action. Format checks come
 * from src/crm/address.ts; existing locations at the same address (normalised) or within a radius of
 * the coordinates come from ServiceTitan's locations list (by ZIP + house number, by ZIP, and by exact
 * coordinates), compared locally. A bad address is reported, never thrown; a search that matches more
 * locations than lookup.ts's bound (a busy ZIP) is left out and named in `searchesTruncated`.
 */
import type { ServiceTitanClient } from "../http/client";
import { type AddressFields, type AddressProblem, checkAddress, stateCode } from "./address";
import {
  type Candidates,
  locationsAtCoordinates,
  locationsInZip,
  locationsNearAddress,
  type SearchName,
  type StAddress,
  type StLocation,
  truncatedSearches,
} from "./lookup";
import { addressKey, distanceMeters, normalizeAddress } from "./normalize";

export interface AddressMatch {
  locationId: number;
  customerId: number;
  name: string;
  active: boolean;
  address: StAddress | undefined;
  /** "address": same normalised address; "coordinates": within the radius of the given coordinates. */
  matchedBy: Array<"address" | "coordinates">;
  /** Distance from the given coordinates, when both sides have coordinates. */
  distanceMeters: number | null;
}

export interface AddressVerdict {
  valid: boolean;
  problems: AddressProblem[];
  warnings: AddressProblem[];
  normalized: {
    street: string;
    unit: string;
    city: string;
    state: string;
    zip: string;
    country: string;
    key: string;
  };
  /** Whether ServiceTitan was searched for existing locations. */
  checkedExisting: boolean;
  /** Searches that matched too many locations to use ("address", "zip", "coordinates"); their matches may be missing. */
  searchesTruncated: SearchName[];
  matches: AddressMatch[];
}

export interface ValidateOptions {
  /** Radius around the coordinates, metres (default 50). */
  radiusMeters?: number;
  /** Search ServiceTitan for existing locations (default true). */
  checkExisting?: boolean;
}

const OPERATION = '"Validate Location Address"';

export const validateLocationAddress = async (
  client: ServiceTitanClient | undefined,
  a: AddressFields,
  options: ValidateOptions = {},
): Promise<AddressVerdict> => {
  const check = checkAddress(a);
  const n = normalizeAddress(a);
  const key = addressKey(a);
  const verdict: AddressVerdict = {
    valid: check.problems.length === 0,
    problems: check.problems,
    warnings: check.warnings,
    normalized: {
      street: [n.number, n.streetName].filter(Boolean).join(" "),
      unit: n.unit,
      city: n.city,
      state: stateCode(String(a.state ?? ""), check.country) ?? n.state,
      zip: n.zip,
      country: check.country,
      key,
    },
    checkedExisting: false,
    searchesTruncated: [],
    matches: [],
  };
  if (options.checkExisting === false || !client) return verdict;

  const radius = options.radiusMeters ?? 50;
  const hasCoords = check.latitude !== undefined && check.longitude !== undefined;
  const zipUsable = n.zip !== "" && !check.problems.some((p) => p.field === "zip");
  const empty: Candidates<StLocation> = { data: [], truncated: false };
  // Near the address needs a ZIP or a city to search by; with coordinates, the ZIP and coordinate searches run instead.
  const searchNear = Boolean(key && (zipUsable || n.city)) && !hasCoords;
  const [nearby, inZip, atCoords] = await Promise.all([
    searchNear ? locationsNearAddress(client, OPERATION, a) : empty,
    hasCoords && zipUsable ? locationsInZip(client, OPERATION, n.zip) : empty,
    hasCoords ? locationsAtCoordinates(client, OPERATION, check.latitude as number, check.longitude as number) : empty,
  ]);
  verdict.checkedExisting = searchNear || hasCoords;
  verdict.searchesTruncated = truncatedSearches({ address: nearby, zip: inZip, coordinates: atCoords });
  const found = new Map<number, AddressMatch>();
  for (const l of [...nearby.data, ...inZip.data, ...atCoords.data]) {
    const how: AddressMatch["matchedBy"] = [];
    if (key && addressKey(l.address ?? {}) === key) how.push("address");
    let distance: number | null = null;
    const lat = l.address?.latitude;
    const lon = l.address?.longitude;
    if (hasCoords && typeof lat === "number" && typeof lon === "number") {
      distance = Math.round(distanceMeters(check.latitude as number, check.longitude as number, lat, lon) * 10) / 10;
      if (distance <= radius) how.push("coordinates");
    }
    if (!how.length || found.has(l.id)) continue;
    found.set(l.id, {
      locationId: l.id,
      customerId: l.customerId,
      name: l.name,
      active: l.active !== false,
      address: l.address,
      matchedBy: how,
      distanceMeters: distance,
    });
  }
  verdict.matches = [...found.values()].sort((x, y) => (x.distanceMeters ?? 0) - (y.distanceMeters ?? 0) || x.locationId - y.locationId);
  return verdict;
};
