/**
 * The three everyday flows built only from structured inputs (issue 15 item 1, "Done when"): no JSON
 * typed anywhere. Each runs through Spectral's harness (every `clean` runs, structured containers
 * included) against the sandbox, and the sandbox's stored records are checked: the customer's and the
 * location's address and contacts, the appointment's times and technicians, the booking's address and
 * contacts. Values are typed as a builder types them in the designer (text, US date forms, value lists).
 */
import { K } from "../../sandbox/store";
import { useSandbox } from "../support/harness";

const t = useSandbox();

const HOME = { street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" };
const BILLING = { street: "PO Box 88", unit: "", city: "Burbank", state: "CA", zip: "91502", country: "USA" };

const storedContacts = (key: string, parent: number) =>
  t.sb.store
    .all(key, String(parent))
    .map((c) => ({ type: c.type, value: c.value }))
    .sort((a, b) => String(a.type).localeCompare(String(b.type)));

describe("everyday flows from structured inputs only", () => {
  const made: { customerId?: number; locationId?: number } = {};

  it("Create Customer creates the customer with its first location, address and contacts", async () => {
    const data = await t.invoke("createCustomer", {
      name: "Jane Smith",
      type: "Residential",
      customerAddress: BILLING,
      phone: "555-201-3344",
      mobilePhone: "555-201-7788",
      email: "jane.smith@example.com",
      locationName: "Home",
      locationAddress: HOME,
      locationPhone: "555-201-9000",
      locationEmail: "home@example.com",
    });
    made.customerId = data.id;
    const customer = t.sb.store.get(K.customers, data.id) as Record<string, unknown>;
    expect(customer).toMatchObject({ name: "Jane Smith", address: expect.objectContaining({ street: "PO Box 88", city: "Burbank", zip: "91502" }) });
    expect(storedContacts(K.customerContacts, data.id)).toEqual(
      expect.arrayContaining([
        { type: "Phone", value: "555-201-3344" },
        { type: "MobilePhone", value: "555-201-7788" },
        { type: "Email", value: "jane.smith@example.com" },
      ]),
    );
    const locations = t.sb.store.all(K.locations).filter((l) => l.customerId === data.id);
    expect(locations).toHaveLength(1);
    expect(locations[0]).toMatchObject({ name: "Home", address: expect.objectContaining(HOME) });
    made.locationId = locations[0].id;
    expect(storedContacts(K.locationContacts, locations[0].id)).toEqual([
      { type: "Email", value: "home@example.com" },
      { type: "Phone", value: "555-201-9000" },
    ]);
  });

  it("Create Customer without a customer address stores the first location's address as the customer's", async () => {
    const data = await t.invoke("createCustomer", { name: "Sam Lee", locationName: "Home", locationAddress: HOME, mobilePhone: "555-201-4455" });
    expect((t.sb.store.get(K.customers, data.id) as Record<string, unknown>).address).toEqual(expect.objectContaining(HOME));
    expect(t.sb.store.all(K.locations).filter((l) => l.customerId === data.id)).toEqual([expect.objectContaining({ name: "Home", address: expect.objectContaining(HOME) })]);
  });

  it("Create Job creates the job with its first appointment, times read as typed and technicians assigned", async () => {
    const techs = t.sb.store.all(K.technicians).slice(0, 2).map((r) => r.id as number);
    const data = await t.invoke("createJob", {
      customerId: String(made.customerId),
      locationId: String(made.locationId),
      businessUnitId: String(t.sb.store.all(K.businessUnits)[0].id),
      jobTypeId: String(t.sb.store.all(K.jobTypes)[0].id),
      campaignId: String(t.sb.store.all(K.campaigns)[0].id),
      priority: "Normal",
      appointmentStart: "02/02/2026 9:00 AM",
      appointmentEnd: "2026-02-02 11:00 AM",
      arrivalWindowStart: "2026-02-02T09:00:00Z",
      arrivalWindowEnd: "2026-02-02T10:00:00Z",
      technicianIds: techs.map(String),
    });
    const appointments = t.sb.store.all(K.appointments).filter((a) => a.jobId === data.id);
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({
      start: "2026-02-02T09:00:00Z",
      end: "2026-02-02T11:00:00Z",
      arrivalWindowStart: "2026-02-02T09:00:00Z",
      arrivalWindowEnd: "2026-02-02T10:00:00Z",
    });
    const assigned = t.sb.store
      .all(K.assignments)
      .filter((a) => a.appointmentId === appointments[0].id && a.active !== false)
      .map((a) => a.technicianId as number)
      .sort((a, b) => a - b);
    expect(assigned).toEqual([...techs].sort((a, b) => a - b));
  });

  it("Create Booking by Provider creates the booking with its address and contacts", async () => {
    const provider = String(t.sb.store.all(K.bookings)[0].bookingProviderId ?? 1);
    const data = await t.invoke("createBookingByProvider", {
      bookingProvider: provider,
      source: "Website chat",
      name: "Jane Smith",
      summary: "AC not cooling",
      isFirstTimeClient: "true",
      externalId: "chat-90001",
      bookingAddress: HOME,
      phone: "555-201-3344",
      mobilePhone: "555-201-7788",
      email: "jane.smith@example.com",
    });
    const booking = t.sb.store.get(K.bookings, data.id) as Record<string, unknown>;
    expect(booking.address).toEqual(HOME);
    expect(storedContacts(K.bookingContacts, data.id)).toEqual([
      { type: "Email", value: "jane.smith@example.com" },
      { type: "MobilePhone", value: "555-201-7788" },
      { type: "Phone", value: "555-201-3344" },
    ]);
  });
});

describe("structured inputs refuse before sending", () => {
  it("Create Customer with neither a first location nor Additional Locations (JSON) names both", async () => {
    const before = t.sb.requests.length;
    await expect(t.invoke("createCustomer", { name: "Jane Smith", customerAddress: BILLING })).rejects.toThrow(
      /Location Name and Location Address, or Additional Locations \(JSON\)/,
    );
    expect(t.sb.requests.slice(before).filter((r) => r.method === "POST")).toEqual([]);
  });

  it("Create Job with neither a first appointment nor Additional Appointments (JSON) names both", async () => {
    await expect(
      t.invoke("createJob", {
        customerId: "1",
        locationId: "1",
        businessUnitId: "1",
        jobTypeId: "1",
        campaignId: "1",
        priority: "Normal",
      }),
    ).rejects.toThrow(/Appointment Start and Appointment End, or Additional Appointments \(JSON\)/);
  });

  it("a half-filled address names what is missing, with every other invalid input at once", async () => {
    await expect(
      t.invoke("createCustomer", {
        name: "Jane Smith",
        customerAddress: { street: "1200 Main St" },
        locationName: "Home",
        locationAddress: HOME,
        doNotMail: "yes",
        appointmentStart: "",
      }),
    ).rejects.toThrow(/2 inputs need fixing[\s\S]*Do Not Mail: expected true or false[\s\S]*Customer Address: City, State, ZIP \/ Postal Code and Country missing/);
  });
});
