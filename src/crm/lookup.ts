/**
 * Candidate searches for CRM matching, through the one transport and the paging helpers. ServiceTitan
 * filters customers by name ("contains"), phone (any contact), street/unit/city/state/zip and
 * coordinates, and locations by customer, street/city/zip and coordinates; these calls use the
 * narrowest filters that still survive spelling differences (ZIP + house number, the most distinctive
 * word of a name, phone digits) and leave the exact comparison to src/crm/normalize.ts.
 *
 * The open-ended searches (name, phone, address, ZIP, coordinates) are bounded: one page of at most
 * MAX_CANDIDATES records, with `truncated` set when ServiceTitan has more. A search that broad says
 * nothing about who the person is, so callers drop it and name it in their result instead of failing
 * (a common surname must not stop Find or Create Customer). Lists bounded by IDs (customers by ID,
 * contacts of candidates, one customer's locations) are read in full.
 */
import type { ServiceTitanClient, StRequest } from "../http/client";
import { requestFor } from "../http/requestFor";
import { fetchAll, fetchPage, MAX_PAGE_SIZE } from "../paging/pages";
import { normalizeAddress, type AddressInput } from "./normalize";

export interface StAddress {
  street?: string | null;
  unit?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface StCustomer {
  id: number;
  name: string;
  type?: string;
  active?: boolean;
  address?: StAddress;
  [field: string]: unknown;
}

export interface StLocation {
  id: number;
  customerId: number;
  name: string;
  active?: boolean;
  address?: StAddress;
  [field: string]: unknown;
}

export interface StContact {
  id: number;
  type: string;
  value: string;
  customerId?: number;
  [field: string]: unknown;
}

/** Upper bound on records one candidate search returns (a search that broad is not a match). */
export const MAX_CANDIDATES = 5000;

/** The result of a bounded candidate search. */
export interface Candidates<T> {
  /** At most the limit; empty when `truncated` (a partial list would pick among arbitrary records). */
  data: T[];
  /** True when more records matched than the limit: the search was too broad and is dropped. */
  truncated: boolean;
}

/** A search whose candidates were too many to use, named in results as `searchesTruncated`. */
export type SearchName = "name" | "phone" | "address" | "zip" | "coordinates";

/** A CRM list request, built from the contract (the operation's path, method and scope). */
const get = (operation: string, operationId: string, query: Record<string, unknown>): StRequest => requestFor("crm", operationId, query, operation);

const all = async <T>(client: ServiceTitanClient, req: StRequest): Promise<T[]> =>
  (await fetchAll<T>(client, req, { maxRecords: MAX_CANDIDATES, pageSize: 500 })).data;

/** One page of up to `limit` (≤ MAX_PAGE_SIZE) records; more than that → `{ data: [], truncated: true }`. */
export const boundedSearch = async <T>(client: ServiceTitanClient, req: StRequest, limit = MAX_CANDIDATES): Promise<Candidates<T>> => {
  const page = await fetchPage<T>(client, req, 1, Math.min(Math.max(1, limit), MAX_PAGE_SIZE));
  return page.hasMore ? { data: [], truncated: true } : { data: page.data, truncated: false };
};

const none = <T>(): Promise<Candidates<T>> => Promise.resolve({ data: [], truncated: false });

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export const searchCustomersByPhone = (client: ServiceTitanClient, operation: string, phoneDigits: string): Promise<Candidates<StCustomer>> =>
  boundedSearch<StCustomer>(client, get(operation, "Customers_GetList", { phone: phoneDigits }));

export const searchCustomersByName = (client: ServiceTitanClient, operation: string, term: string): Promise<Candidates<StCustomer>> =>
  boundedSearch<StCustomer>(client, get(operation, "Customers_GetList", { name: term }));

/** All records of a list call that takes many IDs in one query parameter, 50 IDs per call (ServiceTitan's limit). */
const allByIds = async <T>(client: ServiceTitanClient, operation: string, operationId: string, param: string, ids: number[]): Promise<T[]> => {
  const out: T[] = [];
  for (const part of chunks(ids, 50)) {
    out.push(...(await all<T>(client, get(operation, operationId, { [param]: part.join(",") }))));
  }
  return out;
};

/** Customers by ID, 50 per call (ServiceTitan's limit for `ids`). */
export const customersByIds = (client: ServiceTitanClient, operation: string, ids: number[]): Promise<StCustomer[]> =>
  allByIds<StCustomer>(client, operation, "Customers_GetList", "ids", ids);

/** Contacts of many customers in one call per 50 customers (GET /customers/contacts?customerIds=…). */
export const contactsOfCustomers = (client: ServiceTitanClient, operation: string, ids: number[]): Promise<StContact[]> =>
  allByIds<StContact>(client, operation, "Customers_GetModifiedContactsList", "customerIds", ids);

/**
 * Locations that may be at this address: same ZIP (5 digits for ZIP+4) and, when the street has a house
 * number, a street containing that number. Without a ZIP, city is used instead.
 */
export const locationsNearAddress = async (client: ServiceTitanClient, operation: string, address: AddressInput): Promise<Candidates<StLocation>> => {
  const n = normalizeAddress(address);
  const query: Record<string, string> = {};
  if (n.zip) query.zip = n.zip;
  else if (address.city) query.city = String(address.city).trim();
  else return none();
  if (n.number) query.street = n.number;
  return boundedSearch<StLocation>(client, get(operation, "Locations_GetList", query));
};

/** The locations in a postal code (for a radius check around coordinates), bounded. */
export const locationsInZip = (client: ServiceTitanClient, operation: string, zip: string): Promise<Candidates<StLocation>> =>
  boundedSearch<StLocation>(client, get(operation, "Locations_GetList", { zip, active: "Any" }));

/** Locations recorded at exactly these coordinates (ServiceTitan's own latitude/longitude filter), bounded. */
export const locationsAtCoordinates = (
  client: ServiceTitanClient,
  operation: string,
  latitude: number,
  longitude: number,
): Promise<Candidates<StLocation>> =>
  boundedSearch<StLocation>(client, get(operation, "Locations_GetList", { latitude, longitude, active: "Any" }));

/** The names of the searches that were too broad, in a stable order. */
export const truncatedSearches = (searches: Partial<Record<SearchName, Candidates<unknown>>>): SearchName[] =>
  (Object.keys(searches) as SearchName[]).filter((k) => searches[k]?.truncated);

export const locationsOfCustomer = (client: ServiceTitanClient, operation: string, customerId: number): Promise<StLocation[]> =>
  all<StLocation>(client, get(operation, "Locations_GetList", { customerId }));
