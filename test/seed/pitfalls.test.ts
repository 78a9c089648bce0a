/**
 * Pitfalls seen in other ServiceTitan connectors, one test each, run through Spectral's adapter
 * (`createHarness`, so `clean` runs) against the sandbox, whose recorded requests show exactly what
 * went on the wire. (The "9,000-item dropdown sold as 10,000" pitfall belongs to the data-source work
 * and is tested there.)
 */
import type { Connection } from "@prismatic-io/spectral";
import { builtActions } from "../../src/actions";
import { fetchAllInput, pageInput } from "../../src/inputs/shared";
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { spectral as harness, useSandbox } from "../support/harness";

let sb: Sandbox;
let connection: Connection;
const run = (key: string, params: Record<string, unknown>) => harness.action(key, { connection, ...params });

/** API requests recorded since the last clear (the token exchange is not one of them). */
const apiRequests = () => sb.requests.filter((r) => r.path !== "/connect/token");
const lastBody = (method: string, pathPart: string): unknown => {
  const hit = [...apiRequests()].reverse().find((r) => r.method === method && r.path.includes(pathPart));
  if (!hit) throw new Error(`No ${method} …${pathPart} was recorded.`);
  return JSON.parse(hit.body);
};

const ids: Record<string, string> = {};
const t = useSandbox();
beforeAll(() => {
  ({ sb, connection } = t);
  const customer = sb.store.all(K.customers)[0];
  ids.customer = String(customer.id);
  ids.location = String(sb.store.all(K.locations).find((l) => l.customerId === customer.id)?.id);
  ids.job = String(sb.store.all(K.jobs)[0].id);
  ids.appointment = String(sb.store.all(K.appointments)[0].id);
  const techs = sb.store.all(K.technicians);
  ids.tech1 = String(techs[0].id);
  ids.tech2 = String(techs[1].id);
  ids.businessUnit = String(sb.store.all(K.businessUnits)[0].id);
  ids.jobType = String(sb.store.all(K.jobTypes)[0].id);
  ids.campaign = String(sb.store.all(K.campaigns)[0].id);
  ids.cancelReason = String(sb.store.all(K.jobCancelReasons)[0].id);
  ids.bookingProvider = String(sb.store.all(K.bookings)[0]?.bookingProviderId ?? 1);
});
beforeEach(() => sb.clearRequests());

const ADDRESS = { street: "1200 Main St", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
const appointments = (extra: Record<string, unknown> = {}) =>
  JSON.stringify([{ start: "2026-02-02T16:00:00Z", end: "2026-02-02T18:00:00Z", technicianIds: [Number(ids.tech1)], ...extra }]);

describe("pitfalls other ServiceTitan connectors have, and ours must not", () => {
  it("sends numeric IDs typed as text as JSON numbers (body and value lists alike)", async () => {
    await run("assignTechnicians", { jobAppointmentId: ` ${ids.appointment} `, technicianIds: [ids.tech1, ids.tech2] });
    expect(lastBody("POST", "/appointment-assignments/assign-technicians")).toStrictEqual({
      jobAppointmentId: Number(ids.appointment),
      technicianIds: [Number(ids.tech1), Number(ids.tech2)],
    });

    await run("createJob", {
      customerId: ids.customer,
      locationId: ids.location,
      businessUnitId: ids.businessUnit,
      jobTypeId: ids.jobType,
      campaignId: ids.campaign,
      priority: "Normal",
      appointments: appointments(),
      tagTypeIds: [],
    });
    const job = lastBody("POST", "/jobs") as Record<string, unknown>;
    for (const key of ["customerId", "locationId", "businessUnitId", "jobTypeId", "campaignId"]) {
      expect(typeof job[key]).toBe("number");
    }
    expect(job).not.toHaveProperty("tagTypeIds");

    await run("cancelJob", { jobId: ids.job, reasonId: ids.cancelReason, memo: "Customer rescheduled" });
    expect(lastBody("PUT", `/jobs/${ids.job}/cancel`)).toStrictEqual({ reasonId: Number(ids.cancelReason), memo: "Customer rescheduled" });

    // A non-numeric ID never reaches the wire.
    sb.clearRequests();
    await expect(run("getCustomer", { customerId: "12ab" })).rejects.toThrow(/Customer ID: expected a positive whole-number ID/);
    expect(apiRequests()).toHaveLength(0);
  });

  it("has no input whose default would put placeholder values on the wire", async () => {
    // Every input bound to the request (path, query or body) starts empty: nothing is sent unless typed.
    const offenders: string[] = [];
    for (const built of builtActions()) {
      const inputs = built.definition.inputs as Record<string, { default?: unknown }>;
      for (const binding of built.bindings) {
        const def = inputs[binding.inputKey]?.default;
        if (def !== undefined && def !== "" && def !== null) offenders.push(`${built.key}.${binding.inputKey} = ${JSON.stringify(def)}`);
      }
    }
    expect(offenders).toEqual([]);

    // And what that means on the wire: Create Customer with only its required inputs sends only those.
    await run("createCustomer", {
      name: "Jane Smith",
      address: JSON.stringify(ADDRESS),
      locations: JSON.stringify([{ name: "Home", address: ADDRESS }]),
    });
    expect(Object.keys(lastBody("POST", "/customers") as object).sort()).toEqual(["address", "locations", "name"]);
  });

  it("PATCHes only what the user set: Update Customer with just a name sends exactly that", async () => {
    const before = sb.store.get(K.customers, Number(ids.customer))!;
    await run("updateCustomer", {
      customerId: ids.customer,
      name: "Renamed Customer",
      // inputs left empty in the designer arrive as empty strings / empty lists
      type: "",
      address: "",
      customFields: "",
      doNotMail: "",
      tagTypeIds: [],
      creditLimit: "",
    });
    const patch = apiRequests().find((r) => r.method === "PATCH");
    expect(patch?.path).toMatch(new RegExp(`/customers/${ids.customer}$`));
    expect(patch?.body).toBe(JSON.stringify({ name: "Renamed Customer" }));
    const after = sb.store.get(K.customers, Number(ids.customer))!;
    expect(after.address).toEqual(before.address);
    expect(after.doNotMail).toEqual(before.doNotMail);
  });

  it("calls it jobIds (not jobsIds), and refuses a JSON input with an unknown field before sending, naming it", async () => {
    const updateProject = builtActions().find((b) => b.key === "updateProject")!;
    expect(updateProject.bindings).toEqual(expect.arrayContaining([expect.objectContaining({ inputKey: "jobIds", placement: "body", name: "jobIds" })]));
    expect(Object.keys(updateProject.definition.inputs)).not.toContain("jobsIds");

    const attempt = run("createJob", {
      customerId: ids.customer,
      locationId: ids.location,
      businessUnitId: ids.businessUnit,
      jobTypeId: ids.jobType,
      campaignId: ids.campaign,
      priority: "Normal",
      appointments: appointments({ jobsIds: [Number(ids.job)] }),
    });
    await expect(attempt).rejects.toThrow(/^Additional Appointments \(JSON\): .*\[0\]\.jobsIds is not a field ServiceTitan accepts here/);
    expect(apiRequests()).toHaveLength(0);
  });

  it("refuses a single object where ServiceTitan wants an array (Create Customer locations)", async () => {
    const attempt = run("createCustomer", {
      name: "Jane Smith",
      address: JSON.stringify(ADDRESS),
      locations: JSON.stringify({ name: "Home", address: ADDRESS }),
    });
    await expect(attempt).rejects.toThrow(/^Additional Locations \(JSON\): expected a JSON array/);
    expect(apiRequests()).toHaveLength(0);
  });

  it("accepts only true or false for booleans: 'yes' or 'maybe' is refused, never read as true", async () => {
    const booking = (isFirstTimeClient: string) =>
      run("createBookingByProvider", {
        bookingProvider: ids.bookingProvider,
        source: "Website chat",
        name: "Jane Smith",
        summary: "AC not cooling",
        externalId: `chat-${isFirstTimeClient}`,
        isFirstTimeClient,
        contacts: JSON.stringify([{ type: "Phone", value: "555-201-3344" }]), // a booking needs an address or a phone/email (seed 000)
      });
    for (const word of ["yes", "maybe", "1", "on"]) {
      await expect(booking(word)).rejects.toThrow(`Is First Time Client: expected true or false, got "${word}"`);
    }
    await expect(
      run("createCustomer", { name: "A", address: JSON.stringify(ADDRESS), locations: JSON.stringify([{ name: "H", address: ADDRESS }]), doNotService: "yes" }),
    ).rejects.toThrow(/^Do Not Service: expected true or false/);
    expect(apiRequests()).toHaveLength(0);

    await booking("FALSE");
    expect((lastBody("POST", "/bookings") as Record<string, unknown>).isFirstTimeClient).toBe(false);
  });

  it("gives every list action the same paging inputs, with the same types", () => {
    const lists = builtActions().filter((b) => b.mode === "page");
    expect(lists.length).toBeGreaterThan(80);
    // A list-kind operation that is not paged must have no paging parameter at all (else it would be
    // paged by hand, differently from the rest).
    const unpaged = builtActions().filter((b) => b.op.kind === "list" && b.mode !== "page");
    for (const b of unpaged) expect(b.op.params.filter((p) => ["page", "pageSize", "includeTotal"].includes(p.name))).toEqual([]);
    // Always present, always the same definition (the shared set in src/inputs/shared.ts). Page Size is
    // the same input everywhere but for its upper bound, which follows the operation's own page limit.
    const PAGING_KEYS = ["fetchAll", "page", "maxRecords", "customQueryParams"];
    for (const built of lists) {
      const size = (built.definition.inputs as Record<string, Record<string, unknown>>).pageSize;
      expect({ key: built.key, label: size?.label, type: size?.type }).toEqual({ key: built.key, label: "Page Size", type: "string" });
      expect(String(size?.comments)).toMatch(/^How many records per page, from 1 to (5000|500); ServiceTitan returns 50 when empty\. Ignored when Fetch All is true\.$/);
    }
    // Present exactly where ServiceTitan's document offers the parameter, and then always the same.
    const DOCUMENT_DRIVEN = ["includeTotal", "sort"];
    const shapeOf = (def: Record<string, unknown>) => {
      const { clean: _clean, ...rest } = def;
      return rest;
    };
    const inputsOf = (b: (typeof lists)[number]) => b.definition.inputs as Record<string, Record<string, unknown>>;
    const reference = inputsOf(lists[0]);
    const mismatches: string[] = [];
    for (const built of lists) {
      const inputs = inputsOf(built);
      // A list whose document starts its pages at 0 gets the Page input counting from 0 (pageInput(0)).
      const fromZero = built.op.params.find((p) => p.name === "page")?.schema.minimum === 0;
      for (const key of PAGING_KEYS) {
        // Fetch All says the page size it reads with: 500 where the operation takes no larger page (fetchAllInput(500)).
        const capped = Number(/from 1 to (\d+);/.exec(String(inputs.pageSize?.comments))?.[1] ?? 5000);
        const want =
          key === "page" && fromZero
            ? (pageInput(0) as unknown as Record<string, unknown>)
            : key === "fetchAll" && capped < 5000
              ? (fetchAllInput(capped) as unknown as Record<string, unknown>)
              : reference[key];
        if (!inputs[key]) mismatches.push(`${built.key} lacks ${key}`);
        else if (JSON.stringify(shapeOf(inputs[key])) !== JSON.stringify(shapeOf(want))) mismatches.push(`${built.key}.${key} differs`);
        else if (!(key === "page" && fromZero) && !(key === "fetchAll" && capped < 5000) && inputs[key].clean !== reference[key].clean) mismatches.push(`${built.key}.${key} cleans differently`);
      }
      for (const key of DOCUMENT_DRIVEN) {
        const ref = inputsOf(lists.find((b) => key in b.definition.inputs)!)[key];
        // Sort is the same input everywhere (key, label, type, optional), but for its choices: a dropdown of the
        // fields the list's document names, or free text where it names none (issue 15 item 7).
        const same = key === "sort" ? ({ label, type, required, collection }: Record<string, unknown>) => ({ label, type, required, collection }) : shapeOf;
        if (inputs[key] && JSON.stringify(same(inputs[key])) !== JSON.stringify(same(ref))) mismatches.push(`${built.key}.${key} differs`);
        // A sort the document declares as an array of objects has no query-string form, so no input offers it.
        const offered = built.op.params.some((p) => p.name === key && (key !== "sort" || p.schema.type === "string"));
        if (offered !== Boolean(inputs[key])) mismatches.push(`${built.key}: ${key} input does not follow the document`);
      }
      // No list action keeps a paging parameter as an input of its own under another name or type.
      for (const b of built.bindings) if (["page", "pageSize", "includeTotal", "sort"].includes(b.name)) mismatches.push(`${built.key} binds ${b.name} itself`);
    }
    expect(mismatches).toEqual([]);
    expect(reference.fetchAll).toMatchObject({ type: "boolean", default: "false" });
    expect(inputsOf(lists.find((b) => "includeTotal" in b.definition.inputs)!).includeTotal).toMatchObject({ type: "boolean", default: "false" });
    expect(reference.page).toMatchObject({ type: "string" });
    expect(reference.pageSize).toMatchObject({ type: "string" });
    expect(reference.customQueryParams).toMatchObject({ type: "string", collection: "keyvaluelist" });
  });
});
