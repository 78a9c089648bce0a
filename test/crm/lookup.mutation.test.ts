/**
 * The CRM candidate searches at their edges (issue 18, mutation testing), against a recording client:
 * which filters each search sends, the bound that turns a too-broad search into "truncated", and the
 * 50-ID chunks of the by-ID lists — a changed filter or bound would match the wrong customer or miss one.
 */
import type { StRequest } from "../../src/http/client";
import {
  boundedSearch,
  contactsOfCustomers,
  customersByIds,
  locationsAtCoordinates,
  locationsInZip,
  locationsNearAddress,
  locationsOfCustomer,
  MAX_CANDIDATES,
  searchCustomersByName,
  searchCustomersByPhone,
  truncatedSearches,
} from "../../src/crm/lookup";
import { MAX_PAGE_SIZE } from "../../src/paging/pages";
import { fakeClient } from "../support/fakeClient";

type Query = Record<string, unknown>;

/** A client that records each request's query and answers with `answer(query)` (default: one empty last page). */
const recording = (
  answer: (q: Query) => { data: unknown[]; hasMore: boolean; totalCount?: number } = () => ({ data: [], hasMore: false }),
) => {
  const { client, sent } = fakeClient((r) => {
    const q = (r.query ?? {}) as Query;
    return { page: q.page, pageSize: q.pageSize, ...answer(q) };
  });
  const queries = () => sent.map((r) => r.query as Query);
  return { client, sent, queries };
};

describe("bounded searches", () => {
  it("ask for one page of the bound (at most MAX_PAGE_SIZE, at least 1) and keep it when it is the last", async () => {
    const { client, queries } = recording(() => ({ data: [{ id: 1 }], hasMore: false }));
    const req = { module: "crm", method: "GET", path: "/customers", operation: "Find" } as StRequest;
    expect(await boundedSearch(client, req)).toEqual({ data: [{ id: 1 }], truncated: false });
    expect(await boundedSearch(client, req, 10)).toEqual({ data: [{ id: 1 }], truncated: false });
    await boundedSearch(client, req, 0);
    await boundedSearch(client, req, MAX_PAGE_SIZE + 1);
    expect(queries().map((q) => [q.page, q.pageSize])).toEqual([
      [1, Math.min(MAX_CANDIDATES, MAX_PAGE_SIZE)],
      [1, 10],
      [1, 1],
      [1, MAX_PAGE_SIZE],
    ]);
  });

  it("more than one page of candidates is no answer: empty and truncated", async () => {
    const { client } = recording(() => ({ data: [{ id: 1 }, { id: 2 }], hasMore: true }));
    expect(await searchCustomersByName(client, "Find", "smith")).toEqual({ data: [], truncated: true });
    expect(await searchCustomersByPhone(client, "Find", "5551234567")).toEqual({ data: [], truncated: true });
  });

  it("search by name and by phone send that one filter", async () => {
    const { client, queries } = recording();
    await searchCustomersByName(client, "Find", "smith");
    await searchCustomersByPhone(client, "Find", "5551234567");
    expect(queries()[0]).toMatchObject({ name: "smith" });
    expect(queries()[0].phone).toBeUndefined();
    expect(queries()[1]).toMatchObject({ phone: "5551234567" });
    expect(queries()[1].name).toBeUndefined();
  });

  it("locations near an address: ZIP (5 digits) and house number; city without a ZIP; nothing without either", async () => {
    const { client, queries, sent } = recording();
    await locationsNearAddress(client, "Find", { street: "12 Main St", city: "Springfield", zip: "62704-1234", country: "US" });
    await locationsNearAddress(client, "Find", { street: "Main St", city: " Springfield ", state: "IL" });
    await locationsNearAddress(client, "Find", { street: "12 Main St", city: " Springfield " });
    expect(await locationsNearAddress(client, "Find", { street: "12 Main St" })).toEqual({ data: [], truncated: false });
    expect(sent).toHaveLength(3);
    expect(queries()[0]).toMatchObject({ zip: "62704", street: "12" });
    expect(queries()[0].city).toBeUndefined();
    expect(queries()[1]).toMatchObject({ city: "Springfield" });
    expect(queries()[1].street).toBeUndefined();
    expect(queries()[1].zip).toBeUndefined();
    expect(queries()[2]).toMatchObject({ city: "Springfield", street: "12" });
    expect(sent.every((r) => r.path.endsWith("/locations"))).toBe(true);
  });

  it("locations in a ZIP and at coordinates include inactive ones", async () => {
    const { client, queries } = recording();
    await locationsInZip(client, "Find", "62704");
    await locationsAtCoordinates(client, "Find", 39.78, -89.65);
    expect(queries()[0]).toMatchObject({ zip: "62704", active: "Any" });
    expect(queries()[1]).toMatchObject({ latitude: 39.78, longitude: -89.65, active: "Any" });
  });
});

describe("lists bounded by IDs", () => {
  it("customers and contacts by ID: 50 IDs a call, every record kept", async () => {
    const { client, queries, sent } = recording((q) => ({
      data: String(q.ids ?? q.customerIds)
        .split(",")
        .map((id) => ({ id: Number(id) })),
      hasMore: false,
    }));
    const ids = Array.from({ length: 101 }, (_, i) => i + 1);
    const customers = await customersByIds(client, "Find", ids);
    expect(customers.map((c) => c.id)).toEqual(ids);
    expect(queries().map((q) => String(q.ids).split(",").length)).toEqual([50, 50, 1]);
    expect(queries()[1].ids).toBe(ids.slice(50, 100).join(","));
    sent.length = 0;
    const contacts = await contactsOfCustomers(client, "Find", ids.slice(0, 50));
    expect(contacts).toHaveLength(50);
    expect(queries()).toHaveLength(1);
    expect(queries()[0].customerIds).toBe(ids.slice(0, 50).join(","));
    expect(sent[0].path).toMatch(/contacts/);
    sent.length = 0;
    expect(await customersByIds(client, "Find", [])).toEqual([]);
    expect(sent).toHaveLength(0);
  });

  it("one customer's locations are read in full, past one page", async () => {
    const all = Array.from({ length: 1200 }, (_, i) => ({ id: i + 1 }));
    const { client, queries } = recording((q) => {
      const size = Number(q.pageSize);
      const from = (Number(q.page) - 1) * size;
      return { data: all.slice(from, from + size), hasMore: from + size < all.length, totalCount: all.length };
    });
    const out = await locationsOfCustomer(client, "Find", 42);
    expect(out.map((l) => l.id)).toEqual(all.map((l) => l.id));
    expect(queries().length).toBeGreaterThan(1);
    expect(queries()[0]).toMatchObject({ customerId: 42 });
  });
});

describe("truncatedSearches", () => {
  it("names the too-broad searches in their order, none when none", () => {
    const t = { data: [], truncated: true };
    const f = { data: [], truncated: false };
    expect(truncatedSearches({ name: t, phone: f, zip: t })).toEqual(["name", "zip"]);
    expect(truncatedSearches({ name: f })).toEqual([]);
    expect(truncatedSearches({})).toEqual([]);
  });
});
