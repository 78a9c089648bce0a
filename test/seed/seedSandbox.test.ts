/**
 * Seed parity, end to end: each of the 58 seed actions runs through Spectral's adapter
 * (`createHarness(component)`, so every `clean` runs) against the embedded sandbox, with inputs written
 * the way a builder types them in the designer — every value a string, value lists as arrays of
 * strings, JSON as text — and succeeds with the seed's output shape (`{ data: … }`, list envelopes with
 * page, pageSize, hasMore, data). Every write is then checked against the sandbox's state (the field
 * changed, the technician assigned, the record gone, the job canceled with its reason); where the sandbox
 * keeps no state for a write (custom fields), the body that reached it is checked instead.
 *
 * IDs come from the sandbox's seed data where it has records of that kind, and from the create actions
 * run earlier in this file where it does not (installed equipment, invoices, payments, projects), so the
 * steps run in order.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { Sandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { spectral as harness, useSandbox } from "../support/harness";
import { SEED_ACTION_KEYS } from "./seedTable";

type Params = Record<string, unknown>;
type Result = { data?: unknown };

let sb: Sandbox;
let connection: Connection;
const run = async (key: string, params: Params): Promise<Result> =>
  (await harness.action(key, { connection, debugRequest: "false", ...params })) as Result;

/** IDs the steps share; filled from seed data in beforeAll and by the create steps. */
const ids: Record<string, string> = {};
const firstId = (key: string, parent?: string | number): string => {
  const rec = sb.store.all(key, parent)[0];
  if (!rec) throw new Error(`The sandbox has no seeded record in ${key}${parent === undefined ? "" : ` under ${parent}`}.`);
  return String(rec.id);
};

const t = useSandbox();
beforeAll(() => {
  ({ sb, connection } = t);
  ids.customer = firstId(K.customers);
  ids.customerContact = firstId(K.customerContacts, ids.customer);
  ids.location = String(sb.store.all(K.locations).find((l) => String(l.customerId) === ids.customer)?.id ?? firstId(K.locations));
  ids.job = firstId(K.jobs);
  ids.appointment = String(sb.store.all(K.appointments).find((a) => String(a.jobId) === ids.job)?.id ?? firstId(K.appointments));
  const techs = sb.store.all(K.technicians);
  ids.tech1 = String(techs[0].id);
  ids.tech2 = String(techs[1].id);
  ids.businessUnit = firstId(K.businessUnits);
  ids.jobType = firstId(K.jobTypes);
  ids.campaign = firstId(K.campaigns);
  ids.cancelReason = firstId(K.jobCancelReasons);
  ids.userRole = firstId(K.userRoles);
  const booking = sb.store.all(K.bookings)[0];
  ids.booking = String(booking.id);
  ids.bookingProvider = String(booking.bookingProviderId ?? 1);
});

const expectRecord = (result: Result): Record<string, unknown> => {
  expect(result).toHaveProperty("data");
  expect(result.data).toEqual(expect.any(Object));
  return result.data as Record<string, unknown>;
};

const expectPage = (result: Result): Array<Record<string, unknown>> => {
  const page = expectRecord(result);
  expect(page).toEqual(expect.objectContaining({ page: expect.any(Number), pageSize: expect.any(Number), hasMore: expect.any(Boolean), data: expect.any(Array) }));
  return page.data as Array<Record<string, unknown>>;
};

const INVOICE_ITEMS = "accounting:/invoices/{}/items";
const INVOICES = "accounting:/invoices";
const PAYMENTS = "accounting:/payments";
const PROJECTS = "jpm:/projects";
const INSTALLED_EQUIPMENT = "equipmentsystems:/installed-equipment";

/** The sandbox's stored record after a write (it must exist). */
const stored = (key: string, id: string): Record<string, unknown> => {
  const rec = sb.store.get(key, Number(id));
  expect(rec).toBeDefined();
  return rec as Record<string, unknown>;
};

/** Technicians actively assigned to an appointment, as the sandbox holds them. */
const assignedTo = (appointmentId: string): number[] =>
  sb.store
    .all(K.assignments)
    .filter((a) => a.appointmentId === Number(appointmentId) && a.active !== false)
    .map((a) => a.technicianId as number)
    .sort((x, y) => x - y);

/** The body of the last request that reached the sandbox on `method` and a path ending with `pathEnd`. */
const lastBody = (method: string, pathEnd: string): unknown => {
  const sent = sb.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd)).pop();
  expect(sent?.status).toBe(200);
  return JSON.parse(sent?.body ?? "null");
};
const PAGING = { page: "1", pageSize: "25", includeTotal: "true", fetchAll: "false" };
const ADDRESS = JSON.stringify({ street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" });

/** The steps, in run order: [action key, inputs as typed, optional check of the result]. */
type Step = [string, () => Params, ((r: Result) => void)?];

const steps: Step[] = [
  // --- CRM: customers, contacts, locations
  ["listCustomers", () => ({ ...PAGING, sort: "-ModifiedOn" }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createCustomer",
    () => ({
      name: "Jane Smith",
      type: "Residential",
      address: ADDRESS,
      locations: JSON.stringify([{ name: "Home", address: JSON.parse(ADDRESS) }]),
      contacts: JSON.stringify([{ type: "Email", value: "jane.smith@example.com" }]),
      doNotMail: "false",
      doNotService: "false",
      tagTypeIds: [],
    }),
    (r) => {
      const data = expectRecord(r);
      expect(data.name).toBe("Jane Smith");
      ids.newCustomer = String(data.id);
    },
  ],
  ["getCustomer", () => ({ customerId: ids.customer }), (r) => expect(expectRecord(r).id).toBe(Number(ids.customer))],
  ["updateCustomer", () => ({ customerId: ids.newCustomer, name: "Jane A. Smith", doNotMail: "true" }), (r) => expect(expectRecord(r).name).toBe("Jane A. Smith")],
  ["listCustomersContact", () => ({ customerId: ids.customer, ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createCustomerContact",
    () => ({ customerId: ids.newCustomer, type: "MobilePhone", value: "555-201-3344", memo: "Owner's mobile" }),
    (r) => {
      ids.newContact = String(expectRecord(r).id);
    },
  ],
  [
    "updateCustomerContact",
    () => ({ customerId: ids.newCustomer, customerContactId: ids.newContact, memo: "Evenings only" }),
    (r) => {
      expectRecord(r);
      expect(stored(K.customerContacts, ids.newContact)).toMatchObject({ memo: "Evenings only", value: "555-201-3344" });
    },
  ],
  [
    "deletCustomersContact",
    () => ({ customerId: ids.newCustomer, customerContactId: ids.newContact }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(sb.store.get(K.customerContacts, Number(ids.newContact))).toBeUndefined();
    },
  ],
  ["listLocations", () => ({ ...PAGING, customerId: ids.customer }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createLocation",
    () => ({ customerId: ids.customer, name: "Lake House", address: ADDRESS, contacts: JSON.stringify([{ type: "Phone", value: "555-201-9000" }]) }),
    (r) => {
      ids.newLocation = String(expectRecord(r).id);
    },
  ],
  ["getLocation", () => ({ locationId: ids.location }), (r) => expect(expectRecord(r).id).toBe(Number(ids.location))],
  ["updateLocation", () => ({ locationId: ids.newLocation, name: "Lake Cabin" }), (r) => expect(expectRecord(r).name).toBe("Lake Cabin")],

  // --- CRM: bookings
  ["listBookingByTenant", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  ["listBookingByProvider", () => ({ bookingProvider: ids.bookingProvider, ...PAGING }), (r) => expectPage(r)],
  [
    "createBookingByProvider",
    () => ({
      bookingProvider: ids.bookingProvider,
      source: "Website chat",
      name: "Jane Smith",
      summary: "AC not cooling",
      isFirstTimeClient: "true",
      isSendConfirmationEmail: "false",
      externalId: "chat-88213",
      address: ADDRESS,
      contacts: JSON.stringify([{ type: "Phone", value: "555-201-3344" }]),
      priority: "Normal",
      businessUnitId: ids.businessUnit,
      campaignId: ids.campaign,
      jobTypeId: ids.jobType,
      start: "2026-01-15T09:30:00Z",
      uploadedImages: ["https://example.com/photos/unit.jpg"],
    }),
    (r) => {
      ids.newBooking = String(expectRecord(r).id);
    },
  ],
  ["getBookingByProvider", () => ({ bookingProvider: ids.bookingProvider, bookingId: ids.newBooking }), (r) => expect(expectRecord(r).id).toBe(Number(ids.newBooking))],
  ["getBookingByTenant", () => ({ bookingId: ids.booking }), (r) => expect(expectRecord(r).id).toBe(Number(ids.booking))],
  [
    "updateBooking",
    () => ({ bookingProvider: ids.bookingProvider, bookingId: ids.newBooking, summary: "AC not cooling; gate code 4411" }),
    (r) => {
      expectRecord(r);
      expect(stored(K.bookings, ids.newBooking)).toMatchObject({ summary: "AC not cooling; gate code 4411", externalId: "chat-88213" });
    },
  ],

  // --- Job Planning: jobs, appointments, projects
  ["listJobs", () => ({ ...PAGING, customerId: "" }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createJob",
    () => ({
      customerId: ids.customer,
      locationId: ids.location,
      businessUnitId: ids.businessUnit,
      jobTypeId: ids.jobType,
      priority: "Normal",
      campaignId: ids.campaign,
      appointments: JSON.stringify([{ start: "2026-02-02T16:00:00Z", end: "2026-02-02T18:00:00Z", technicianIds: [Number(ids.tech1)] }]),
      summary: "AC not cooling",
      invoiceSignatureIsRequired: "false",
    }),
    (r) => {
      ids.newJob = String(expectRecord(r).id);
    },
  ],
  ["getJob", () => ({ jobId: ids.job }), (r) => expect(expectRecord(r).id).toBe(Number(ids.job))],
  [
    "updateJob",
    () => ({ jobId: ids.newJob, summary: "AC not cooling; filter replaced" }),
    (r) => {
      expectRecord(r);
      expect(stored(K.jobs, ids.newJob)).toMatchObject({ summary: "AC not cooling; filter replaced", customerId: Number(ids.customer) });
    },
  ],
  ["listJobCancelReasons", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  ["listAppointments", () => ({ ...PAGING, jobId: ids.job }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createAppointment",
    () => ({
      jobId: ids.newJob,
      start: "2026-02-03T16:00:00Z",
      end: "2026-02-03T18:00:00Z",
      arrivalWindowStart: "2026-02-03T16:00:00Z",
      arrivalWindowEnd: "2026-02-03T17:00:00Z",
      technicianId: [ids.tech1],
      specialInstructions: "Call on arrival",
    }),
    (r) => {
      ids.newAppointment = String(expectRecord(r).id);
    },
  ],
  ["getAppointment", () => ({ appointmentId: ids.appointment }), (r) => expect(expectRecord(r).id).toBe(Number(ids.appointment))],
  ["listAppointmentsAssignment", () => ({ ...PAGING }), (r) => expectPage(r)],
  [
    "assignTechnicians",
    () => ({ jobAppointmentId: ids.newAppointment, technicianIds: [ids.tech1, ids.tech2] }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(assignedTo(ids.newAppointment)).toEqual([Number(ids.tech1), Number(ids.tech2)].sort((x, y) => x - y));
    },
  ],
  [
    "unassignTechnicians",
    () => ({ jobAppointmentId: ids.newAppointment, technicianIds: [ids.tech2] }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(assignedTo(ids.newAppointment)).toEqual([Number(ids.tech1)]);
    },
  ],
  [
    "deleteAppointment",
    () => ({ appointmentId: ids.newAppointment }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(sb.store.get(K.appointments, Number(ids.newAppointment))).toBeUndefined();
      expect(assignedTo(ids.newAppointment)).toEqual([]);
    },
  ],
  [
    "cancelJob",
    () => ({ jobId: ids.newJob, reasonId: ids.cancelReason, memo: "Customer rescheduled" }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(stored(K.jobs, ids.newJob).jobStatus).toBe("Canceled");
      expect(sb.store.all(K.jobCanceledLogs, ids.newJob)).toEqual([
        expect.objectContaining({ jobId: Number(ids.newJob), reasonId: Number(ids.cancelReason), memo: "Customer rescheduled" }),
      ]);
    },
  ],
  [
    "createProject",
    () => ({ locationId: ids.location, customerId: ids.customer, name: "Kitchen remodel", startDate: "2026-01-15T09:30:00Z", projectManagerIds: [ids.tech1] }),
    (r) => {
      ids.newProject = String(expectRecord(r).id);
    },
  ],
  ["getProject", () => ({ projectId: ids.newProject }), (r) => expect(expectRecord(r).id).toBe(Number(ids.newProject))],
  [
    "updateProject",
    () => ({ projectId: ids.newProject, name: "Kitchen remodel, phase 2", jobIds: [ids.job] }),
    (r) => {
      expectRecord(r);
      expect(stored(PROJECTS, ids.newProject)).toMatchObject({ name: "Kitchen remodel, phase 2", jobIds: [Number(ids.job)] });
    },
  ],
  ["listProjects", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],

  // --- Settings
  ["listBusinessUnits", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  ["listUserRoles", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  ["listTechnicians", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  ["getTechnician", () => ({ technicianId: ids.tech1 }), (r) => expect(expectRecord(r).id).toBe(Number(ids.tech1))],
  [
    "createTechnician",
    () => ({
      name: "Sam Rivera",
      accountCreationMethod: "CreateLater",
      roleId: ids.userRole,
      positions: ["Service"],
      licenseType: "ManagedTech",
      email: "sam.rivera@example.com",
      phoneNumber: "555-201-3344",
      burdenRate: "18.50",
      dailyGoal: "1500",
      businessUnitId: ids.businessUnit,
      home: JSON.stringify({ street: "88 Oak Ave", city: "Pasadena", state: "CA", zip: "91101", country: "USA" }),
    }),
    (r) => {
      ids.newTechnician = String(expectRecord(r).id);
    },
  ],
  [
    "updateTechnician",
    () => ({ technicianId: ids.newTechnician, team: "HVAC North" }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(stored(K.technicians, ids.newTechnician)).toMatchObject({ team: "HVAC North", name: "Sam Rivera" });
    },
  ],

  // --- Equipment Systems
  [
    "createInstalledEquipment",
    () => ({
      locationId: ids.location,
      name: "Rooftop AC unit",
      serialNumber: "SN-4471-992",
      cost: "3450.00",
      installedOn: "2026-01-15T09:30:00Z",
      tagTypeIds: [],
      attachments: JSON.stringify([{ type: "Document", url: "https://example.com/manual.pdf" }]),
    }),
    (r) => {
      ids.newEquipment = String(expectRecord(r).id);
    },
  ],
  ["getInstalledEquipment", () => ({ installedEquipmentId: ids.newEquipment }), (r) => expect(expectRecord(r).id).toBe(Number(ids.newEquipment))],
  [
    "updateInstalledEquipment",
    () => ({ installedEquipmentId: ids.newEquipment, memo: "Replaced contactor" }),
    (r) => {
      expectRecord(r);
      expect(stored(INSTALLED_EQUIPMENT, ids.newEquipment)).toMatchObject({ memo: "Replaced contactor", serialNumber: "SN-4471-992" });
    },
  ],
  ["listInstalledEquipment", () => ({ ...PAGING }), (r) => expect(expectPage(r).length).toBeGreaterThan(0)],
  [
    "createInstalledEquipmentAttachment",
    // File content typed (or mapped) as text; a file handed over from another step is tested below.
    () => ({ file: "col1,col2\n1,2\n", fileName: "Test File.csv" }),
    (r) => expect(expectRecord(r)).toHaveProperty("path"),
  ],
  ["listInstalledEquipmentAttachments", () => ({ path: "InstalledEquipment/Documents/manual.pdf" }), (r) => expect(r).toHaveProperty("data")],

  // --- Accounting: invoices and payments
  [
    "createInvoices",
    () => ({
      adjustmentToId: "1001",
      number: "INV-10421-A",
      summary: "Credit for a missed appointment",
      subtotal: "-25.00",
      tax: "0",
      invoicedOn: "2026-01-15T09:30:00Z",
      items: JSON.stringify([{ description: "Missed appointment credit", quantity: 1, unitPrice: -25 }]),
    }),
    (r) => {
      // ServiceTitan's document answers with the new invoice's ID (a number); the sandbox answers with
      // the created record. Either way the output is { data: … } and names the invoice.
      expect(r).toHaveProperty("data");
      const data = r.data as number | { id?: number };
      const id = typeof data === "number" ? data : data?.id;
      expect(typeof id).toBe("number");
      ids.newInvoice = String(id);
    },
  ],
  ["listInvoices", () => ({ ...PAGING }), (r) => expect(expectPage(r).map((row) => String(row.id))).toContain(ids.newInvoice)],
  [
    "updateInvoice",
    () => ({ invoiceId: ids.newInvoice, summary: "Adjusted after site visit" }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(stored(INVOICES, ids.newInvoice)).toMatchObject({ summary: "Adjusted after site visit", number: "INV-10421-A" });
    },
  ],
  [
    "updateInvoiceItems",
    () => ({ invoiceId: ids.newInvoice, description: "Replace capacitor", quantity: "1", unitPrice: "125.50" }),
    (r) => {
      expect(r).toHaveProperty("data");
      const item = { description: "Replace capacitor", quantity: 1, unitPrice: 125.5 };
      expect(lastBody("PATCH", `/invoices/${ids.newInvoice}/items`)).toEqual(item);
      // the sandbox's generic action route merges the fields into the invoice it targets
      expect(stored(INVOICES, ids.newInvoice)).toMatchObject({ ...item, summary: "Adjusted after site visit" });
    },
  ],
  [
    "deleteInvoiceItem",
    () => {
      // The sandbox keeps invoice items as their own child collection but does not derive them from the
      // items of an invoice body, so the item to delete is put there directly (state set-up only; the
      // DELETE goes through the sandbox's route like any other call).
      const item = sb.store.insert(INVOICE_ITEMS, { description: "Missed appointment credit", quantity: 1 }, { parent: ids.newInvoice });
      ids.invoiceItem = String(item.id);
      return { invoiceId: ids.newInvoice, itemId: ids.invoiceItem };
    },
    (r) => {
      expect(r).toHaveProperty("data");
      expect(sb.store.get(INVOICE_ITEMS, Number(ids.invoiceItem))).toBeUndefined();
    },
  ],
  [
    "updateInvoiceCustomFields",
    () => ({ operations: JSON.stringify([{ objectId: Number(ids.newInvoice), customFields: [{ name: "PO Reference", value: "PO-5521" }] }]) }),
    (r) => {
      expect(r).toHaveProperty("data");
      // The sandbox keeps no custom fields for invoices: what reached it is what is checked.
      expect(lastBody("PATCH", "/invoices/custom-fields")).toEqual({
        operations: [{ objectId: Number(ids.newInvoice), customFields: [{ name: "PO Reference", value: "PO-5521" }] }],
      });
    },
  ],
  [
    "createPayment",
    () => ({
      typeId: "1",
      splits: JSON.stringify([{ invoiceId: Number(ids.newInvoice), amount: 125.5 }]),
      memo: "Paid on site",
      paidOn: "2026-01-15T09:30:00Z",
      status: "Pending",
      checkNumber: "10452",
    }),
    (r) => {
      ids.newPayment = String(expectRecord(r).id);
    },
  ],
  ["listPayments", () => ({ ...PAGING }), (r) => expect(expectPage(r).map((row) => String(row.id))).toContain(ids.newPayment)],
  [
    "updatePayment",
    () => ({ paymentId: ids.newPayment, typeId: "1", splits: JSON.stringify([{ invoiceId: Number(ids.newInvoice), amount: 100 }]), memo: "Corrected amount" }),
    (r) => {
      expect(r).toHaveProperty("data");
      expect(stored(PAYMENTS, ids.newPayment)).toMatchObject({
        memo: "Corrected amount",
        splits: [expect.objectContaining({ invoiceId: Number(ids.newInvoice), amount: 100 })],
        checkNumber: "10452",
      });
    },
  ],
  [
    "updatePaymentCustomFields",
    () => ({ operations: JSON.stringify([{ objectId: Number(ids.newPayment), customFields: [{ name: "Deposit Slip", value: "DS-88" }] }]) }),
    (r) => {
      expect(r).toHaveProperty("data");
      // The sandbox keeps no custom fields for payments: what reached it is what is checked.
      expect(lastBody("PATCH", "/payments/custom-fields")).toEqual({
        operations: [{ objectId: Number(ids.newPayment), customFields: [{ name: "Deposit Slip", value: "DS-88" }] }],
      });
    },
  ],

  // --- Raw Request (hand-written)
  [
    "rawRequest",
    () => ({ module: "crm", method: "GET", path: `/customers/${ids.customer}` }),
    (r) => expect(expectRecord(r).id).toBe(Number(ids.customer)),
  ],
];

describe("seed actions against the sandbox", () => {
  it("covers every one of the 58 seed actions exactly once", () => {
    expect(steps.map(([key]) => key).sort()).toEqual([...SEED_ACTION_KEYS].sort());
  });

  it.each(steps.map((step, i) => [`${String(i + 1).padStart(2, "0")} ${step[0]}`, step] as const))("%s", async (_name, [key, params, check]) => {
    const result = await run(key, params());
    check?.(result);
  });
});

describe("file uploads", () => {
  // The seed's Attachment File is "a file from another action": { data: Buffer, contentType } reaches the
  // action and is sent as a multipart/form-data file part, with the seed's File Name.
  it("createInstalledEquipmentAttachment uploads a file handed over from another step", async () => {
    const result = await run("createInstalledEquipmentAttachment", { file: { data: Buffer.from("col1,col2\n1,2\n"), contentType: "text/csv" }, fileName: "readings.csv" });
    expect(expectRecord(result)).toHaveProperty("path");
    expect(String((expectRecord(result) as { path: string }).path)).toMatch(/\.csv$/);
    const sent = sb.requests.filter((r) => r.path.endsWith("/installed-equipment/attachments")).pop();
    expect(sent?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).toContain('filename="readings.csv"');
    expect(sent?.body).toContain("col1,col2");
  });
});
