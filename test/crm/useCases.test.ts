/**
 * The CRM use cases of seed 000, end to end: ONE test per bullet, named after the bullet, each run
 * through the component's actions (Spectral adapter, so inputs are cleaned) against the sandbox.
 */
import { K } from "../../sandbox/store";
import { ADDRESS, type AnyRecord, jobParams, type Page, useCrmSandbox } from "./support";

const env = useCrmSandbox();

describe("Leads", () => {
  it("Get details about one or more leads", async () => {
    const a = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Quote for a new furnace", leadCustomerName: "Ada Byron", leadPhone: "555-010-2000" });
    const b = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Annual AC tune-up", leadCustomerName: "Alan Turing", priority: "High" });
    const one = await env.run("getLead", { leadId: String(a.id) });
    expect(one).toMatchObject({ id: a.id, status: "Open", summary: "Quote for a new furnace", leadCustomerName: "Ada Byron", campaignId: Number(env.ref.campaign) });
    const many = await env.run<Page>("listLeads", { ids: [String(a.id), String(b.id)] });
    expect(many.data.map((l) => l.id).sort()).toEqual([a.id, b.id].sort());
    expect(many.data.find((l) => l.id === b.id)).toMatchObject({ priority: "High", leadCustomerName: "Alan Turing" });
  });

  it("Find leads that don't have a customer or location associated with them", async () => {
    const customer = env.all(K.customers)[0];
    const location = env.all(K.locations).find((l) => l.customerId === customer.id)!;
    const linked = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Existing customer", customerId: String(customer.id), locationId: String(location.id) });
    const customerOnly = await env.run("createLead", { campaignId: env.ref.campaign, summary: "No location yet", customerId: String(customer.id) });
    const loose = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Walk-in", leadCustomerName: "Grace Hopper" });
    const without = await env.run<Page>("listLeads", { withoutCustomer: "true", fetchAll: "true" });
    const ids = without.data.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining([loose.id]));
    expect(ids).not.toContain(linked.id);
    // ServiceTitan's filter: no customer OR no location
    expect(ids).toContain(customerOnly.id);
    for (const l of without.data) expect(l.customerId == null || l.locationId == null).toBe(true);
    const withBoth = await env.run<Page>("listLeads", { withoutCustomer: "false", fetchAll: "true" });
    expect(withBoth.data.map((l) => l.id)).toContain(linked.id);
    expect(withBoth.data.map((l) => l.id)).not.toContain(loose.id);
  });

  it("Find leads by status, to follow up on open leads.", async () => {
    const open = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Call back about water heater", leadCustomerName: "Katherine Johnson" });
    const dismissed = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Wrong number", leadCustomerName: "Nobody" });
    await env.run("dismissLead", { leadId: String(dismissed.id), dismissingReasonId: env.ref.callReason });
    await env.run("createLeadFollowUp", { leadId: String(open.id), followUpDate: "2026-04-01T15:00:00Z", text: "Left voicemail" });

    const openLeads = await env.run<Page>("listLeads", { status: "Open", fetchAll: "true" });
    expect(openLeads.data.every((l) => l.status === "Open")).toBe(true);
    const mine = openLeads.data.find((l) => l.id === open.id);
    expect(mine).toMatchObject({ followUpDate: "2026-04-01T15:00:00Z" });
    expect(openLeads.data.map((l) => l.id)).not.toContain(dismissed.id);
    // the follow-ups due first, as an office worker works the list
    const due = openLeads.data.filter((l) => l.followUpDate && l.followUpDate <= "2026-04-30T00:00:00Z");
    expect(due.map((l) => l.id)).toContain(open.id);
    const dismissedLeads = await env.run<Page>("listLeads", { status: "Dismissed" });
    expect(dismissedLeads.data.map((l) => l.id)).toContain(dismissed.id);
  });
});

describe("Customers and Locations", () => {
  it("Get customer or location records", async () => {
    const customer = env.all(K.customers)[1];
    const location = env.all(K.locations).find((l) => l.customerId === customer.id)!;
    expect(await env.run("getCustomer", { customerId: String(customer.id) })).toMatchObject({ id: customer.id, name: customer.name });
    expect(await env.run("getLocation", { locationId: String(location.id) })).toMatchObject({ id: location.id, customerId: customer.id });
  });

  it("By name or address to see if they already exist in the system, before creating a new record", async () => {
    const customer = env.all(K.customers)[2];
    const location = env.all(K.locations).find((l) => l.customerId === customer.id)!;
    const addr = location.address as AnyRecord;
    // plain list filters
    const byName = await env.run<Page>("listCustomers", { name: String(customer.name).toUpperCase() });
    expect(byName.data.map((c) => c.id)).toContain(customer.id);
    const byAddress = await env.run<Page>("listLocations", { street: String(addr.street), zip: String(addr.zip) });
    expect(byAddress.data.map((l) => l.id)).toContain(location.id);
    // the search-only mode of Find or Create, with a differently written address
    const before = env.all(K.customers).length;
    const street = String(addr.street).replace(/\bSt$/, "Street").replace(/\bAve$/, "Avenue").replace(/\bRd$/, "Road").toUpperCase();
    const found = await env.run("findOrCreateCustomer", {
      name: String(customer.name).toLowerCase(), street, city: addr.city, state: addr.state, zip: `${addr.zip}-0001`, createIfMissing: "false",
    });
    expect(found).toMatchObject({ matched: true, customerId: customer.id, locationId: location.id, created: false });
    expect(found.matchedBy).toContain("name");
    expect(found.matchedBy).toContain("address");
    const missing = await env.run("findOrCreateCustomer", { name: "Nobody Here", street: "1 Nowhere Ln", city: "Glendale", state: "CA", zip: "91203", createIfMissing: "false" });
    expect(missing).toMatchObject({ matched: false, customerId: null, locationId: null, created: false });
    expect(env.all(K.customers).length).toBe(before);
  });

  it("By Customer ID or Location ID provided from a job", async () => {
    const job = env.all(K.jobs)[0];
    const fetchedJob = await env.run("getJob", { jobId: String(job.id) });
    const customer = await env.run("getCustomer", { customerId: String(fetchedJob.customerId) });
    const location = await env.run("getLocation", { locationId: String(fetchedJob.locationId) });
    expect(customer.id).toBe(job.customerId);
    expect(location).toMatchObject({ id: job.locationId, customerId: job.customerId });
  });

  it("Create a new customer and location, so that you can book a new job", async () => {
    const created = await env.run("createCustomer", {
      name: "Dorothy Vaughan",
      address: JSON.stringify(ADDRESS),
      locations: JSON.stringify([{ name: "Home", address: ADDRESS, contacts: [{ type: "MobilePhone", value: "555-777-0101" }] }]),
    });
    expect(created.locations).toHaveLength(1);
    const locationId = created.locations[0].id;
    const job = await env.run("createJob", jobParams(env, created.id, locationId));
    expect(job).toMatchObject({ customerId: created.id, locationId });
  });

  it("Get or update customer contacts", async () => {
    const customer = env.all(K.customers)[3];
    const list = await env.run<Page>("listCustomersContact", { customerId: String(customer.id) });
    expect(list.data.length).toBeGreaterThan(0);
    const added = await env.run("createCustomerContact", { customerId: String(customer.id), type: "Email", value: "billing@example.com", memo: "Billing" });
    const updated = await env.run("updateCustomerContact", { customerId: String(customer.id), customerContactId: String(added.id), value: "accounts@example.com" });
    expect(updated).toMatchObject({ id: added.id, type: "Email", value: "accounts@example.com" });
    const after = await env.run<Page>("listCustomersContact", { customerId: String(customer.id) });
    expect(after.data.find((c) => c.id === added.id)).toMatchObject({ value: "accounts@example.com" });
  });

  it("Get or update location's contacts", async () => {
    const location = env.all(K.locations)[4];
    const list = await env.run<Page>("listLocationContacts", { locationId: String(location.id) });
    expect(list.data.length).toBeGreaterThan(0);
    const contact = list.data[0];
    const updated = await env.run("updateLocationContact", { locationId: String(location.id), contactId: String(contact.id), memo: "Gate phone" });
    expect(updated).toMatchObject({ id: contact.id, memo: "Gate phone" });
    const added = await env.run("createLocationContact", { locationId: String(location.id), type: "Phone", value: "555-222-3333" });
    const after = await env.run<Page>("listLocationContacts", { locationId: String(location.id) });
    expect(after.data.map((c) => c.id)).toEqual(expect.arrayContaining([contact.id, added.id]));
  });

  it("Update custom fields on a customer record", async () => {
    const customer = env.all(K.customers)[5];
    const types = await env.run<Page>("listCustomerCustomFieldTypes", {});
    const referral = types.data.find((t) => t.name === "Referral Source")!;
    const time = types.data.find((t) => t.name === "Preferred Contact Time")!;
    await env.run("updateCustomer", { customerId: String(customer.id), customFields: JSON.stringify([{ typeId: time.id, value: "Mornings" }]) });
    const updated = await env.run("updateCustomer", { customerId: String(customer.id), customFields: JSON.stringify([{ typeId: referral.id, value: "Neighbor" }]) });
    // values merge by type: the earlier field is kept
    expect(updated.customFields).toEqual(
      expect.arrayContaining([
        { typeId: time.id, name: "Preferred Contact Time", value: "Mornings" },
        { typeId: referral.id, name: "Referral Source", value: "Neighbor" },
      ]),
    );
    await expect(env.run("updateCustomer", { customerId: String(customer.id), customFields: JSON.stringify([{ typeId: referral.id, value: "Billboard" }]) })).rejects.toThrow(/not an option/);
  });

  it("Update custom fields on a location record", async () => {
    const location = env.all(K.locations)[6];
    const types = await env.run<Page>("listLocationCustomFieldTypes", {});
    const gate = types.data.find((t) => t.name === "Gate Code")!;
    const updated = await env.run("updateLocation", { locationId: String(location.id), customFields: JSON.stringify([{ typeId: gate.id, value: "4411" }]) });
    expect(updated.customFields).toEqual([{ typeId: gate.id, name: "Gate Code", value: "4411" }]);
    expect(await env.run("getLocation", { locationId: String(location.id) })).toMatchObject({ customFields: [{ typeId: gate.id, value: "4411" }] });
  });

  it("Validate a location's address, or coordinates", async () => {
    const location = env.all(K.locations)[7];
    const addr = location.address as AnyRecord;
    await env.run("updateLocation", { locationId: String(location.id), address: JSON.stringify({ ...addr, unit: "Unit 2", latitude: 34.1425, longitude: -118.2551 }) });
    const same = await env.run("validateLocationAddress", { street: String(addr.street).toLowerCase(), unit: "#2", city: addr.city, state: addr.state, zip: addr.zip, country: "US" });
    expect(same).toMatchObject({ valid: true, problems: [] });
    expect(same.matches.map((m: AnyRecord) => m.locationId)).toContain(location.id);
    const near = await env.run("validateLocationAddress", { street: addr.street, unit: "2", city: addr.city, state: addr.state, zip: addr.zip, latitude: "34.1426", longitude: "-118.2551", radiusMeters: "50" });
    expect(near.matches.find((m: AnyRecord) => m.locationId === location.id)).toMatchObject({ matchedBy: expect.arrayContaining(["coordinates"]) });
    const bad = await env.run("validateLocationAddress", { street: "", city: "Toronto", state: "ZZ", zip: "12345", country: "Canada", latitude: "95", longitude: "-79.38" });
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p: AnyRecord) => `${p.field}:${p.code}`)).toEqual(expect.arrayContaining(["street:missing", "state:stateUnknown", "zip:zipFormat", "latitude:latitudeRange"]));
  });

  it("Get information about one or more customers", async () => {
    const [a, b] = env.all(K.customers);
    const page = await env.run<Page>("listCustomers", { ids: [String(a.id), String(b.id)], includeTotal: "true" });
    expect(page.data.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(page.totalCount).toBe(2);
    const all = await env.run<Page>("listCustomers", { fetchAll: "true" });
    expect(all.data.length).toBe(env.all(K.customers).length);
  });

  it("Get information about one or more locations", async () => {
    const locations = env.all(K.locations).slice(0, 3);
    const page = await env.run<Page>("listLocations", { ids: locations.map((l) => String(l.id)) });
    expect(page.data.map((l) => l.id).sort()).toEqual(locations.map((l) => l.id).sort());
    const ofCustomer = await env.run<Page>("listLocations", { customerId: String(locations[0].customerId) });
    expect(ofCustomer.data.every((l) => l.customerId === locations[0].customerId)).toBe(true);
  });
});

describe("Bookings", () => {
  const booking = (extra: Record<string, unknown> = {}) => ({
    bookingProvider: env.ref.provider,
    source: "Website widget",
    name: "Mary Jackson",
    summary: "AC blowing warm air",
    isFirstTimeClient: "true",
    externalId: `web-${Math.random().toString(36).slice(2)}`,
    address: JSON.stringify({ street: "77 Orbit Rd", city: "Hampton", state: "VA", zip: "23666", country: "USA" }),
    contacts: JSON.stringify([{ type: "MobilePhone", value: "555-300-4000" }]),
    ...extra,
  });

  it("Create a new booking", async () => {
    const created = await env.run("createBookingByProvider", booking());
    expect(created).toMatchObject({ name: "Mary Jackson", status: "New", bookingProviderId: Number(env.ref.provider) });
    const contacts = await env.run<Page>("listBookingContacts", { bookingId: String(created.id) });
    expect(contacts.data).toEqual([expect.objectContaining({ type: "MobilePhone", value: "555-300-4000" })]);
  });

  it("Choose to send a confirmation message to the end-customer", async () => {
    const withMessage = await env.run("createBookingByProvider", booking({ isSendConfirmationEmail: "true", contacts: JSON.stringify([{ type: "Email", value: "mary@example.com" }]) }));
    const without = await env.run("createBookingByProvider", booking({ isSendConfirmationEmail: "false" }));
    expect(withMessage.isSendConfirmationEmail).toBe(true);
    expect(without.isSendConfirmationEmail).toBe(false);
    const sent = env.sb.requests.filter((r) => r.method === "POST" && /\/bookings$/.test(r.path)).map((r) => JSON.parse(r.body).isSendConfirmationEmail);
    expect(sent).toEqual(expect.arrayContaining([true, false]));
  });

  it("Send information like job type, business unit, campaign and more to prefill the Calls page for a CSR", async () => {
    const created = await env.run("createBookingByProvider", booking({
      jobTypeId: env.ref.jobType, businessUnitId: env.ref.businessUnit, campaignId: env.ref.campaign, priority: "High", customerType: "Residential", start: "2026-03-05T15:00:00Z",
    }));
    const got = await env.run("getBookingByTenant", { bookingId: String(created.id) });
    expect(got).toMatchObject({
      jobTypeId: Number(env.ref.jobType), businessUnitId: Number(env.ref.businessUnit), campaignId: Number(env.ref.campaign), priority: "High", customerType: "Residential", start: "2026-03-05T15:00:00Z",
    });
    // the dropdowns are the component's data sources (linked by input key)
    const { actions } = await import("../../src/actions");
    const inputs = actions.createBookingByProvider.inputs as Record<string, { dataSource?: string }>;
    expect([inputs.jobTypeId.dataSource, inputs.businessUnitId.dataSource, inputs.campaignId.dataSource]).toEqual(["selectJobType", "selectBusinessUnit", "selectCampaign"]);
  });

  it("Update an existing booking. For example, change the contact method.", async () => {
    const created = await env.run("createBookingByProvider", booking());
    const contacts = await env.run<Page>("listBookingContactsByProvider", { bookingProvider: env.ref.provider, bookingId: String(created.id) });
    const phone = contacts.data[0];
    await env.run("updateBookingContact", { bookingProvider: env.ref.provider, bookingId: String(created.id), contactId: String(phone.id), type: "Email", value: "mary.j@example.com" });
    const updated = await env.run("updateBooking", { bookingProvider: env.ref.provider, bookingId: String(created.id), summary: "AC fixed itself; wants a check-up" });
    expect(updated.summary).toBe("AC fixed itself; wants a check-up");
    const after = await env.run<Page>("listBookingContacts", { bookingId: String(created.id) });
    expect(after.data).toEqual([expect.objectContaining({ id: phone.id, type: "Email", value: "mary.j@example.com" })]);
  });

  it("Get information about one or more bookings", async () => {
    const a = await env.run("createBookingByProvider", booking());
    const b = await env.run("createBookingByProvider", booking());
    expect(await env.run("getBookingByProvider", { bookingProvider: env.ref.provider, bookingId: String(a.id) })).toMatchObject({ id: a.id });
    const byTenant = await env.run<Page>("listBookingByTenant", { ids: [String(a.id), String(b.id)] });
    expect(byTenant.data.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const byProvider = await env.run<Page>("listBookingByProvider", { bookingProvider: env.ref.provider, externalId: b.externalId });
    expect(byProvider.data.map((x) => x.id)).toEqual([b.id]);
  });
});
