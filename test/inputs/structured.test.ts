/**
 * The structured-input rule (src/inputs/structured.ts) on its own: how plain inputs and the JSON input
 * of the same body field combine, what a half-filled group or first item says, that every value goes
 * through the same cleaning as any input (IDs, dates, all errors at once), and that declarations naming
 * nothing fail when the component is built.
 */
import component from "../../src/index";
import { actions } from "../../src/actions";
import { curatedOperations } from "../../src/operations/curated";
import { findOperation } from "../../src/operations/catalog";
import { planStructured } from "../../src/inputs/structured";
import type { StructuredInputWords } from "../../src/operations/curated/types";
import type { OperationDescriptor } from "../../src/operations/types";

const customersCreate = findOperation("crm", "Customers_Create") as OperationDescriptor;
const JSON_INPUTS = new Map([
  ["locations", { key: "locations", label: "Additional Locations (JSON)" }],
  ["address", { key: "address", label: "Customer Address (JSON)" }],
  ["contacts", { key: "contacts", label: "Additional Contacts (JSON)" }],
]);
const plan = planStructured({
  op: customersCreate,
  actionLabel: "Create Customer",
  words: curatedOperations["crm:Customers_Create"].structured as Record<string, StructuredInputWords>,
  jsonInputs: JSON_INPUTS,
});

const HOME = { street: "1200 Main St", city: "Glendale", state: "CA", zip: "91203", country: "USA" };

/** Runs an action's perform as the platform does (every clean, then the checks) with no connection: only refusals can come back. */
const refusal = async (key: string, params: Record<string, unknown>): Promise<string> =>
  (component.actions[key].perform as (c: unknown, p: unknown) => Promise<unknown>)({}, params).then(
    () => "(it ran)",
    (error: Error) => error.message,
  );

describe("structured inputs and their JSON input", () => {
  it("the first location from plain inputs comes first, the JSON list's locations follow", () => {
    const { values, problems } = plan.assemble({
      locationName: "Home",
      locationAddress: { ...HOME, unit: "" },
      locationPhone: "555-201-9000",
      locations: [{ name: "Lake House", address: HOME }],
      address: HOME,
    });
    expect(problems.size).toBe(0);
    expect(values.locations).toEqual([
      { name: "Home", address: HOME, contacts: [{ type: "Phone", value: "555-201-9000" }] },
      { name: "Lake House", address: HOME },
    ]);
  });

  it("address fields filled here replace the same fields of the JSON address; the others stay", () => {
    const { values } = plan.assemble({ customerAddress: { street: "9 Oak Ave", city: "Burbank", state: "CA", zip: "91502", country: "USA" }, address: { ...HOME, unit: "Suite 4" } });
    expect(values.address).toEqual({ street: "9 Oak Ave", unit: "Suite 4", city: "Burbank", state: "CA", zip: "91502", country: "USA" });
  });

  it("with no customer address given, the first location's address is the customer's too", () => {
    expect(plan.assemble({ locationName: "Home", locationAddress: HOME }).values.address).toEqual(HOME);
    // …but not when Customer Address (JSON) gives one
    const billing = { ...HOME, street: "PO Box 88" };
    expect(plan.assemble({ locationName: "Home", locationAddress: HOME, address: billing }).values.address).toBe(billing);
    // …and a half-filled location address is reported once, as the location's
    const { problems } = plan.assemble({ locationName: "Home", locationAddress: { street: "1 Main St" } });
    expect([...problems.keys()]).toEqual(["locations", "address"]);
    expect(problems.get("locations")?.[0]).toMatch(/^Location Address: City, State, ZIP \/ Postal Code and Country missing/);
    expect(problems.get("address")).toEqual(["Create Customer needs an address: fill in Customer Address or Customer Address (JSON)."]);
  });

  it("phone, mobile phone and email come before the JSON list's contacts", () => {
    const { values } = plan.assemble({ email: "a@example.com", phone: "555-0100", contacts: [{ type: "Fax", value: "555-0199" }] });
    expect(values.contacts).toEqual([
      { type: "Phone", value: "555-0100" },
      { type: "Email", value: "a@example.com" },
      { type: "Fax", value: "555-0199" },
    ]);
  });

  it("empty structured inputs leave the JSON input as it was (a flow built on the JSON runs as before)", () => {
    const locations = [{ name: "Home", address: HOME }];
    const { values, problems } = plan.assemble({ locationName: "", locationAddress: "", customerAddress: { street: "", city: "" }, locations, address: HOME });
    expect(problems.size).toBe(0);
    expect(values.locations).toBe(locations);
    expect(values.address).toBe(HOME);
  });

  it("a half-filled first location names what it still needs", () => {
    const { problems } = plan.assemble({ locationAddress: HOME, address: HOME });
    expect(problems.get("locations")).toEqual(["Location Name: needed for the first location, since Location Address is filled in."]);
  });

  it("a half-filled address names its missing fields", () => {
    const { problems } = plan.assemble({ customerAddress: { street: "1 Main St", zip: "91203" }, locations: [{ name: "H", address: HOME }] });
    expect(problems.get("address")).toEqual(["Customer Address: City, State and Country missing; Street, City, State, ZIP / Postal Code and Country go together."]);
  });
});

describe("structured inputs in the actions", () => {
  it("the three everyday flows require no code (JSON) input (issue 15, done when)", () => {
    const converted = component.actions as unknown as Record<string, { inputs: Array<{ key: string; type: string; required?: boolean }> }>;
    const required = ["createCustomer", "createJob", "createBookingByProvider"].flatMap((key) =>
      converted[key].inputs.filter((i) => i.type === "code" && i.required).map((i) => `${key}.${i.key}`),
    );
    expect(required).toEqual([]);
  });

  it("sit right before the JSON input they complete, all optional", () => {
    const keys = Object.keys(actions.createCustomer.inputs);
    const at = (k: string) => keys.indexOf(k);
    expect(at("locationName")).toBeLessThan(at("locations"));
    expect(at("locationEmail")).toBe(at("locations") - 1);
    expect(at("customerAddress")).toBe(at("address") - 1);
    expect(at("email")).toBe(at("contacts") - 1);
    const inputs = actions.createJob.inputs as Record<string, { required?: boolean; dataSource?: string; type?: string }>;
    expect(inputs.technicianIds).toMatchObject({ required: false, dataSource: "selectTechnician" });
    expect(inputs.appointments.required).toBe(false);
    expect((actions.createBookingByProvider.inputs as Record<string, { type?: string }>).bookingAddress.type).toBe("structuredObject");
  });

  it("their values are cleaned like any input, and every problem is reported at once", async () => {
    const message = await refusal("createJob", {
      customerId: "1",
      locationId: "1",
      businessUnitId: "1",
      jobTypeId: "1",
      campaignId: "1",
      priority: "Normal",
      appointmentStart: "15/01/2026 9:00",
      appointmentEnd: "2026-01-15T11:00:00Z",
      technicianIds: ["12", "abc"],
    });
    expect(message).toMatch(/^2 inputs need fixing/);
    expect(message).toMatch(/Appointment Start: /);
    expect(message).toMatch(/Technician IDs \(item 2\): expected a positive whole-number ID/);
  });

  it("an address with a field left empty is refused before sending, naming the field", async () => {
    const message = await refusal("createBookingByProvider", { bookingAddress: { ...HOME, city: " " } });
    expect(message).toMatch(/Booking Address: City missing/);
  });

  it("a cross-input rule still speaks when another input is invalid (the booking's address-or-contact rule)", async () => {
    const message = await refusal("createBookingByProvider", {
      bookingProvider: "1",
      source: "Web",
      name: "Jane Smith",
      summary: "AC",
      externalId: "x-1",
      isFirstTimeClient: "yes",
    });
    expect(message).toMatch(/Is First Time Client: expected true or false/);
    expect(message).toMatch(/Missing: Booking Address, or a Phone, Mobile Phone or Email/);
  });

  it("a phone alone satisfies the booking's address-or-contact rule", async () => {
    const message = await refusal("createBookingByProvider", {
      bookingProvider: "1",
      source: "Web",
      name: "Jane Smith",
      summary: "AC",
      externalId: "x-1",
      isFirstTimeClient: "true",
      mobilePhone: "555-201-7788",
    });
    // Past every check: it fails only for want of a connection.
    expect(message).not.toMatch(/Missing:|need fixing/);
    expect(message).toMatch(/connection/i);
  });

  it("each body field's check reads only its own inputs: a bad JSON address does not hide the missing location", async () => {
    const message = await refusal("createCustomer", { name: "Jane", address: "{street:", locations: "[]" });
    expect(message).toMatch(/^2 inputs need fixing/);
    expect(message).toMatch(/Customer Address \(JSON\): expected valid JSON/);
    expect(message).toMatch(/Create Customer needs at least one location/);
  });

  it("Create Location without an address names both ways to give one", async () => {
    expect(await refusal("createLocation", { customerId: "1", name: "Home" })).toBe(
      "Create Location needs an address: fill in Location Address or Location Address (JSON).",
    );
  });
});

describe("declarations that name nothing fail the build", () => {
  const build = (words: Record<string, StructuredInputWords>, jsonInputs = JSON_INPUTS) => () =>
    planStructured({ op: customersCreate, actionLabel: "Create Customer", words, jsonInputs });

  it.each([
    ["a field the body does not have", { x: { into: "locations[0].nickname", label: "X", comments: "X." } }, /no writable field locations.nickname/],
    ["[] before the end", { x: { into: "locations[].name", label: "X", comments: "X." } }, /ends a path/],
    ["an index into a non-list", { x: { into: "address[0].street", label: "X", comments: "X." } }, /address is not a list/],
    ["one more contact without its type", { x: { into: "contacts[]", label: "X", comments: "X." } }, /needs a contactType/],
    ["a contact type on a plain field", { x: { into: "locations[0].name", label: "X", comments: "X.", contactType: "Phone" } }, /contactType belongs to a \[\] path/],
    ["an object without its fields", { x: { into: "address", label: "X", comments: "X." } }, /name its fields/],
    ["an object leaving out a required field", { x: { into: "address", label: "X", comments: "X.", fields: ["street"] } }, /leaves out required city/],
    ["words for a field not shown", { x: { into: "address", label: "X", comments: "X.", fields: ["street", "city", "state", "zip", "country"], fieldWords: { unit: { label: "U" } } } }, /words for unit/],
  ] as Array<[string, Record<string, StructuredInputWords>, RegExp]>)("%s", (_name, words, problem) => {
    expect(build(words)).toThrow(problem);
  });

  it.each([
    ["no such input", { x: { into: "address", label: "X", comments: "X.", fields: ["street", "city", "state", "zip", "country"], sameAs: "nothing" } }],
    ["not a group of fields", { x: { into: "address", label: "X", comments: "X.", fields: ["street", "city", "state", "zip", "country"], sameAs: "y" }, y: { into: "locations[0].name", label: "Y", comments: "Y." } }],
  ] as Array<[string, Record<string, StructuredInputWords>]>)("the same as an input that is %s", (_name, words) => {
    expect(build(words)).toThrow(/is the same as/);
  });

  it("a body field without a JSON input of its own", () => {
    expect(build({ x: { into: "contacts[]", label: "X", comments: "X.", contactType: "Phone" } }, new Map())).toThrow(/contacts, which has no input of its own/);
  });
});
