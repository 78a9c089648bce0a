/**
 * Contacts (customer, location and the v2 contacts API), notes, tags, bookings (the name + address or
 * phone/email rule, dismiss, provider tags) and the six CRM export feeds, end to end against the sandbox.
 */
import { K } from "../../sandbox/store";
import { type AnyRecord, type Page, useCrmSandbox } from "./support";

// small export pages so draining takes several requests; 3 repeats with includeRecentChanges
const env = useCrmSandbox({ exportPageSize: 2, recentChangesOverlap: 3 });

const HOME = { street: "40 Cedar Ln", city: "Austin", state: "TX", zip: "78701", country: "USA" };

describe("contacts", () => {
  it("a contact added to a new location is also on the customer; customer and location contacts are separate records", async () => {
    const customer = await env.run("createCustomer", { name: "Mae Jemison", address: JSON.stringify(HOME), locations: JSON.stringify([{ name: "Home", address: HOME }]) });
    const location = await env.run("createLocation", {
      customerId: String(customer.id), name: "Lake House", address: JSON.stringify({ ...HOME, street: "9 Shore Dr" }),
      contacts: JSON.stringify([{ type: "MobilePhone", value: "512-555-7777", memo: "Caretaker" }]),
    });
    const onLocation = await env.run<Page>("listLocationContacts", { locationId: String(location.id) });
    const onCustomer = await env.run<Page>("listCustomersContact", { customerId: String(customer.id) });
    expect(onLocation.data).toEqual([expect.objectContaining({ type: "MobilePhone", value: "512-555-7777" })]);
    expect(onCustomer.data).toEqual([expect.objectContaining({ type: "MobilePhone", value: "512-555-7777" })]);
    expect(onCustomer.data[0].id).not.toBe(onLocation.data[0].id);
    // deleting one leaves the other
    await env.run("deletCustomersContact", { customerId: String(customer.id), customerContactId: String(onCustomer.data[0].id) });
    expect((await env.run<Page>("listCustomersContact", { customerId: String(customer.id) })).data).toEqual([]);
    expect((await env.run<Page>("listLocationContacts", { locationId: String(location.id) })).data).toHaveLength(1);
    await env.run("deleteLocationContact", { locationId: String(location.id), contactId: String(onLocation.data[0].id) });
    expect((await env.run<Page>("listLocationContacts", { locationId: String(location.id) })).data).toEqual([]);
  });

  it("v2 contacts: contact, contact methods, preferences and relationships", async () => {
    const customer = env.all(K.customers)[0];
    const contact = await env.run("createContact", { name: "Sally Ride", title: "Property Manager", referenceId: "crm-77" });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    const updated = await env.run("updateContact", { contactId: contact.id, title: "Owner", isArchived: "false" });
    expect(updated).toMatchObject({ name: "Sally Ride", title: "Owner", isArchived: false });
    expect((await env.run<Page>("listContacts", { referenceId: "crm-77" })).data.map((c) => c.id)).toEqual([contact.id]);

    const method = await env.run("createContactMethod", { contactId: contact.id, type: "Email", value: "sally@example.com" });
    expect(method).toMatchObject({ contactId: contact.id, type: "Email", value: "sally@example.com" });
    await expect(env.run("createContactMethod", { contactId: contact.id, type: "Email", value: "not-an-email" })).rejects.toThrow(/not an email/);
    await env.run("updateContactMethod", { contactId: contact.id, contactMethodId: method.id, memo: "Work" });
    const found = await env.run<Page>("searchContactMethods", { value: "sally@" });
    expect(found.data).toEqual([expect.objectContaining({ id: method.id, memo: "Work" })]);

    const metadata = await env.run("listContactPreferenceMetadata", {});
    expect(metadata.map((m: AnyRecord) => m.name)).toEqual(expect.arrayContaining(["jobReminders", "marketingUpdates"]));
    await env.run("updateContactMethodPreference", { contactId: contact.id, contactMethodId: method.id, preferenceName: "marketingUpdates", value: "true" });
    const prefs = await env.run("getContactMethodPreferences", { contactId: contact.id, contactMethodId: method.id });
    expect(prefs).toEqual(expect.arrayContaining([{ name: "marketingUpdates", dataType: "Boolean", value: "true" }]));

    await env.run("createContactRelationship", { contactId: contact.id, relatedEntityId: String(customer.id), typeSlug: "customer" });
    await expect(env.run("createContactRelationship", { contactId: contact.id, relatedEntityId: String(customer.id), typeSlug: "customer" })).rejects.toThrow(/already related/);
    const rels = await env.run<Page>("listContactRelationships", { contactId: contact.id });
    expect(rels.data).toEqual([expect.objectContaining({ relatedEntityId: customer.id, typeSlug: "customer", typeName: "Customer" })]);
    const ofCustomer = await env.run<Page>("listContactsByRelationshipId", { relationshipId: String(customer.id) });
    expect(ofCustomer.data.map((c) => c.id)).toEqual([contact.id]);
    await env.run("deleteContactRelationship", { contactId: contact.id, relatedEntityId: String(customer.id), typeSlug: "customer" });
    expect((await env.run<Page>("listContactRelationships", { contactId: contact.id })).data).toEqual([]);

    await env.run("deleteContactMethod", { contactId: contact.id, contactMethodId: method.id });
    await env.run("deleteContact", { contactId: contact.id });
    await expect(env.run("getContact", { contactId: contact.id })).rejects.toThrow(/404|not found/i);
    await expect(env.run("getContact", { contactId: "not-a-guid" })).rejects.toThrow(/Contact ID: expected a GUID/);
  });
});

describe("notes and tags", () => {
  it("customer notes can be copied to the locations; location notes to the customer", async () => {
    const customer = env.all(K.customers).find((c) => env.all(K.locations).filter((l) => l.customerId === c.id).length === 2)!;
    const locations = env.all(K.locations).filter((l) => l.customerId === customer.id);
    await env.run("createCustomerNote", { customerId: String(customer.id), text: "Dog in the yard", addToLocations: "true", pinToTop: "true" });
    for (const l of locations) {
      const notes = await env.run<Page>("listLocationNotes", { locationId: String(l.id) });
      expect(notes.data).toEqual([expect.objectContaining({ text: "Dog in the yard", isPinned: true })]);
    }
    const locNote = await env.run("createLocationNote", { locationId: String(locations[0].id), text: "Gate code 4411", addToCustomer: "true" });
    const customerNotes = await env.run<Page>("listCustomerNotes", { customerId: String(customer.id) });
    expect(customerNotes.data.map((n) => n.text)).toEqual(["Dog in the yard", "Gate code 4411"]);
    await env.run("deleteLocationNote", { locationId: String(locations[0].id), noteId: String(locNote.id) });
    expect((await env.run<Page>("listLocationNotes", { locationId: String(locations[0].id) })).data.map((n) => n.text)).toEqual(["Dog in the yard"]);
  });

  it("tags one at a time and in bulk", async () => {
    const [a, b] = env.all(K.customers).slice(2, 4);
    const [t1, t2] = env.ref.tagTypes;
    await env.run("createCustomerTag", { customerId: String(a.id), tagTypeId: t1 });
    await env.run("createBulkTags", { customerIds: [String(a.id), String(b.id)], tagTypeIds: [t1, t2] });
    for (const c of [a, b]) expect(env.sb.store.get(K.customers, c.id)!.tagTypeIds).toEqual(expect.arrayContaining([Number(t1), Number(t2)]));
    await env.run("removeBulkTags", { customerIds: [String(a.id), String(b.id)], tagTypeIds: [t1] });
    for (const c of [a, b]) expect(env.sb.store.get(K.customers, c.id)!.tagTypeIds).toEqual([Number(t2)]);
    await expect(env.run("createBulkTags", { customerIds: ["99999999"], tagTypeIds: [t1] })).rejects.toThrow(/do not exist/);
    const location = env.all(K.locations)[0];
    await env.run("createLocationTag", { locationId: String(location.id), tagTypeId: t2 });
    await env.run("deleteLocationTag", { locationId: String(location.id), tagTypeId: t2 });
    expect(env.sb.store.get(K.locations, location.id)!.tagTypeIds).toEqual([]);
  });
});

describe("bookings", () => {
  const base = () => ({ bookingProvider: env.ref.provider, source: "Partner site", name: "Ellen Ochoa", summary: "Leaking pipe", isFirstTimeClient: "true", externalId: `x-${Math.random()}` });

  it("a booking without address, phone and email fails before sending, naming the missing fields", async () => {
    env.sb.clearRequests();
    await expect(env.run("createBookingByProvider", base())).rejects.toThrow(
      "Create Booking by Provider: a booking needs a name and either an address or a phone number or email. Missing: Booking Address, or a Phone, Mobile Phone or Email (in their inputs or as entries of Additional Contacts (JSON)).",
    );
    await expect(env.run("createBookingByProvider", { ...base(), contacts: JSON.stringify([{ type: "Fax", value: "555-000-1111" }]) })).rejects.toThrow(/Missing: Booking Address, or a Phone/);
    await expect(env.run("createBookingByProvider", { ...base(), name: " " })).rejects.toThrow(/Name/);
    expect(env.sb.requests).toEqual([]);
  });

  it("a name with a phone, an email or an address is enough", async () => {
    const byPhone = await env.run("createBookingByProvider", { ...base(), contacts: JSON.stringify([{ type: "Phone", value: "555-000-2222" }]) });
    const byEmail = await env.run("createBookingByProvider", { ...base(), contacts: JSON.stringify([{ type: "Email", value: "ellen@example.com" }]) });
    const byAddress = await env.run("createBookingByProvider", { ...base(), address: JSON.stringify(HOME) });
    expect([byPhone, byEmail, byAddress].map((b) => b.status)).toEqual(["New", "New", "New"]);
  });

  it("booking contacts are added and removed; a booking is dismissed with a reason", async () => {
    const booking = await env.run("createBookingByProvider", { ...base(), address: JSON.stringify(HOME) });
    const contact = await env.run("createBookingContact", { bookingProvider: env.ref.provider, bookingId: String(booking.id), type: "Phone", value: "555-333-4444" });
    await env.run("deleteBookingContact", { bookingProvider: env.ref.provider, bookingId: String(booking.id), contactId: String(contact.id) });
    expect((await env.run<Page>("listBookingContacts", { bookingId: String(booking.id) })).data).toEqual([]);
    await env.run("dismissBooking", { bookingProvider: env.ref.provider, bookingId: String(booking.id), callReasonId: env.ref.callReason, dismissingMemo: "Duplicate" });
    expect(await env.run("getBookingByTenant", { bookingId: String(booking.id) })).toMatchObject({ status: "Dismissed", dismissingReasonId: Number(env.ref.callReason) });
  });

  it("booking provider tags: list, get, create, update", async () => {
    const tag = await env.run("createBookingProviderTag", { tagName: "angi-leads", description: "Bookings from Angi" });
    await expect(env.run("createBookingProviderTag", { tagName: "ANGI-LEADS", description: "again" })).rejects.toThrow(/already exists/);
    await env.run("updateBookingProviderTag", { bookingProviderTagId: String(tag.id), description: "Bookings from Angi (web)" });
    expect(await env.run("getBookingProviderTag", { bookingProviderTagId: String(tag.id) })).toMatchObject({ tagName: "angi-leads", description: "Bookings from Angi (web)" });
    const list = await env.run<Page>("listBookingProviderTags", { name: "angi" });
    expect(list.data.map((t) => t.id)).toEqual([tag.id]);
  });
});

describe("exports", () => {
  const FEEDS: Array<[string, string]> = [
    ["exportCustomers", K.customers],
    ["exportCustomerContacts", K.customerContacts],
    ["exportLocations", K.locations],
    ["exportLocationContacts", K.locationContacts],
    ["exportBookings", K.bookings],
    ["exportLeads", "crm:/leads"],
  ];

  it.each(FEEDS)("%s drains to a token, resumes from it with only the changes, and removes repeats", async (key, collection) => {
    // make sure the feed has records (leads are not seeded)
    if (key === "exportLeads") {
      for (let i = 0; i < 3; i++) await env.run("createLead", { campaignId: env.ref.campaign, summary: `Export me ${i}`, leadCustomerName: "Feed" });
    }
    const first = await env.run(key, { drain: "true", includeRecentChanges: "true" });
    const ids = first.data.map((r: AnyRecord) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.hasMore).toBe(false);
    expect(first.requests).toBeGreaterThan(1);
    const live = env.sb.store.collection(collection).log.map((r) => r.id);
    expect(new Set(ids)).toEqual(new Set(live));
    expect(first.duplicatesRemoved).toBeGreaterThan(0);

    // change something in this feed, then resume from the stored token
    const customer = env.all(K.customers)[5];
    const location = env.all(K.locations).find((l) => l.customerId === customer.id)!;
    const changed = await {
      exportCustomers: () => env.run("updateCustomer", { customerId: String(customer.id), name: `${customer.name} Jr` }),
      exportCustomerContacts: () => env.run("createCustomerContact", { customerId: String(customer.id), type: "Email", value: `feed-${Date.now()}@example.com` }),
      exportLocations: () => env.run("updateLocation", { locationId: String(location.id), name: "Renamed for export" }),
      exportLocationContacts: () => env.run("createLocationContact", { locationId: String(location.id), type: "Phone", value: "555-999-0000" }),
      exportBookings: () => env.run("createBookingByProvider", { bookingProvider: env.ref.provider, source: "Feed", name: "Feed Person", summary: "x", isFirstTimeClient: "true", externalId: "feed-1", address: JSON.stringify(HOME) }),
      exportLeads: async () => env.run("createLead", { campaignId: env.ref.campaign, summary: "Second lead", leadCustomerName: "Feed 2" }),
    }[key]!();
    const next = await env.run(key, { from: first.continueFrom, drain: "true", includeRecentChanges: "true" });
    const nextIds = next.data.map((r: AnyRecord) => r.id);
    expect(nextIds).toContain(changed.id);
    expect(new Set(nextIds).size).toBe(nextIds.length);
    // without recent changes, exactly the one change comes back
    const exact = await env.run(key, { from: first.continueFrom, drain: "true" });
    expect(exact.data.map((r: AnyRecord) => r.id)).toEqual([changed.id]);
    // and nothing after the newest token
    const none = await env.run(key, { from: exact.continueFrom, drain: "true" });
    expect(none).toMatchObject({ data: [], hasMore: false });
  });

  it("a deleted contact appears in the contacts export as inactive", async () => {
    const customer = env.all(K.customers)[6];
    const start = await env.run("exportCustomerContacts", { drain: "true" });
    const contact = await env.run("createCustomerContact", { customerId: String(customer.id), type: "Phone", value: "555-121-2121" });
    await env.run("deletCustomersContact", { customerId: String(customer.id), customerContactId: String(contact.id) });
    const changes = await env.run("exportCustomerContacts", { from: start.continueFrom, drain: "true" });
    expect(changes.data).toEqual([expect.objectContaining({ id: contact.id, active: false })]);
  });
});
