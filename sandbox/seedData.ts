/**
 * Deterministic seed data: the same seed and counts always produce the same records, ids and
 * timestamps (seed timestamps are spread over 2024 and never depend on the clock).
 */
import { Prng } from "./prng";
import { K, type Rec, type Store } from "./store";
import { createLocation, customerFields, bookingFields } from "./resources/crm";
import { createJob } from "./resources/jpm";
import type { SeedCounts } from "./types";

const FIRST = ["Avery", "Blake", "Casey", "Devon", "Emerson", "Finley", "Harper", "Jordan", "Kendall", "Logan", "Morgan", "Parker", "Quinn", "Riley", "Sawyer", "Taylor", "Rowan", "Skyler", "Dakota", "Reese"];
const LAST = ["Anderson", "Brooks", "Carter", "Diaz", "Ellis", "Foster", "Garcia", "Hughes", "Iverson", "Jensen", "Kim", "Lopez", "Murphy", "Nguyen", "Ortiz", "Patel", "Reed", "Santos", "Turner", "Walsh"];
const COMPANIES = ["Plumbing Supply", "Property Group", "Dental Care", "Bakery", "Auto Body", "Storage", "Fitness", "Realty"];
const STREETS = ["Maple Ave", "Oak St", "Cedar Ln", "Pine Rd", "Elm St", "Birch Way", "Lakeview Dr", "Sunset Blvd", "Hillcrest Rd", "River Rd"];
const CITIES: Array<[string, string, string]> = [
  ["Glendale", "CA", "912"], ["Austin", "TX", "787"], ["Denver", "CO", "802"], ["Tampa", "FL", "336"], ["Columbus", "OH", "432"],
  ["Phoenix", "AZ", "850"], ["Raleigh", "NC", "276"], ["Boise", "ID", "837"], ["Madison", "WI", "537"], ["Tacoma", "WA", "984"],
];
const TRADES = ["HVAC", "Plumbing", "Electrical", "Drains", "Roofing", "Pest Control", "Garage Doors", "Landscaping"];
const JOB_TYPES = ["No Heat", "AC Repair", "Water Heater Install", "Drain Cleaning", "Panel Upgrade", "Maintenance Visit", "Leak Repair", "Estimate"];
const CAMPAIGNS = ["Google Ads", "Yard Signs", "Referral Program", "Direct Mail", "Website", "Facebook", "Radio", "Truck Wrap"];
const CALL_REASONS = ["Price shopping", "Wrong number", "Service area", "Rescheduled", "Spam", "Existing job question", "Follow-up"];
const CANCEL_REASONS = ["Customer canceled", "Scheduled with competitor", "Resolved by customer", "Duplicate job", "Weather", "No access"];
const ROLES: Array<[string, string]> = [["Technician", "Technician"], ["Dispatcher", "Employee"], ["Office Manager", "Employee"], ["Field Manager", "Technician"], ["CSR", "Employee"], ["Accountant", "Employee"]];
const TAGS = ["VIP", "Member", "Warranty", "Do Not Call", "Commercial Account", "New Construction", "Dog On Site", "Gate Code", "Priority", "Hot Lead"];
const COLORS = ["#D32F2F", "#1976D2", "#388E3C", "#FBC02D", "#7B1FA2", "#F57C00"];
const PRIORITIES = ["Normal", "High", "Low", "Urgent"];

export const DEFAULT_SEED_COUNTS: Required<SeedCounts> = {
  everyOtherList: 3,
  customers: 25,
  secondLocationEvery: 5,
  technicians: 10,
  employees: 5,
  businessUnits: 5,
  jobTypes: 5,
  campaigns: 5,
  jobs: 20,
  bookings: 5,
  bookingProviderId: 1,
  callReasons: 5,
  jobCancelReasons: 4,
  userRoles: 4,
  tagTypes: 6,
  bookingProviderTags: 3,
};

const SEED_START = Date.UTC(2024, 0, 1);
const SEED_SPAN_MS = 360 * 24 * 3600 * 1000;

/**
 * Live tenants hold records that break the documented contract (MeltanoLabs tap-service-titan, archdotdev):
 * an integer where a string enum is documented, null in a field marked required. A few seeded records get
 * one such value each, chosen by the seed; records are edited in place, so the change log gains nothing.
 */
const breakContract = (store: Store, seedValue: number): void => {
  const rng = new Prng(seedValue * 31 + 7);
  const customers = store.all(K.customers);
  const jobs = store.all(K.jobs);
  const technicians = store.all(K.technicians);
  const breaks: Array<[Rec[], Record<string, unknown>]> = [
    [customers, { type: rng.int(0, 1) }], // CustomerType is a string enum (Residential, Commercial)
    [customers, { createdById: null }], // required int64
    [jobs, { priority: null }], // required string
    [technicians, { licenseType: 0 }], // documented as a string enum
  ];
  const used = new Set<number>();
  for (const [records, change] of breaks) {
    const candidates = records.filter((r) => !used.has(r.id));
    if (!candidates.length) continue;
    const victim = rng.pick(candidates);
    used.add(victim.id);
    Object.assign(victim, change);
  }
};

export interface SeedOptions {
  /** Whether a few records break the documented contract (default true). */
  contractBreaks?: boolean;
}

/** Populates the store. Returns the counts used. */
export const seed = (store: Store, seedValue: number, counts: SeedCounts = {}, options: SeedOptions = {}): Required<SeedCounts> => {
  const c: Required<SeedCounts> = { ...DEFAULT_SEED_COUNTS, ...counts };
  const rng = new Prng(seedValue);
  // one timestamp per seeded record, growing with id, spread over 2024
  const estimate =
    c.customers * 6 + c.jobs * 4 + c.bookings * 2 + c.technicians + c.employees + c.businessUnits + c.jobTypes + c.campaigns + c.callReasons + c.jobCancelReasons + c.userRoles + c.tagTypes + c.bookingProviderTags + 10;
  const step = Math.max(1, Math.min(3_600_000, Math.floor(SEED_SPAN_MS / estimate)));
  let tick = 0;
  const at = (): { createdOn: string } => ({ createdOn: new Date(SEED_START + step * tick++).toISOString() });
  const ts = (): string => at().createdOn;
  const phone = (): string => `${rng.pick(["619", "512", "303", "813", "614"])}555${rng.digits(4)}`;

  const businessUnits = Array.from({ length: c.businessUnits }, (_, i) => {
    const trade = TRADES[i % TRADES.length];
    return store.insert(K.businessUnits, {
      active: true, name: `${trade}${i >= TRADES.length ? ` ${i + 1}` : ""} - Service`, officialName: `${trade} Services LLC`,
      email: `${trade.toLowerCase().replace(/\s/g, "")}@example.com`, currency: "USD", phoneNumber: phone(), invoiceHeader: null,
      invoiceMessage: null, defaultTaxRate: 0.0825, authorizationParagraph: null, acknowledgementParagraph: null,
      address: { street: "100 Main St", unit: null, city: "Glendale", state: "CA", zip: "91203", country: "USA" },
      materialSku: null, quickbooksClass: null, accountCode: `BU${100 + i}`, franchiseId: null, conceptCode: null,
      corporateContractNumber: null, trade: { id: i + 1, name: trade }, division: { id: 1, name: "Residential" }, tagTypeIds: [],
      tenant: null, externalData: [], certifiedSentriconSpecialistCode: null,
    }, at());
  });
  const buIds = businessUnits.map((b) => b.id);

  const userRoles = Array.from({ length: c.userRoles }, (_, i) => {
    const [name, employeeType] = ROLES[i % ROLES.length];
    return store.insert(K.userRoles, { active: true, name: i >= ROLES.length ? `${name} ${i + 1}` : name, employeeType }, at());
  });

  const technicians = Array.from({ length: c.technicians }, (_, i) => {
    const first = FIRST[(i * 7) % FIRST.length];
    const last = LAST[(i * 3 + 5) % LAST.length];
    return store.insert(K.technicians, {
      userId: 50000 + i, name: `${first} ${last}`, roleIds: userRoles.length ? [userRoles[0].id] : [], businessUnitId: rng.pick(buIds),
      mainZoneId: null, zoneIds: [], email: `${first}.${last}@example.com`.toLowerCase(), phoneNumber: phone(), loginName: `${first}${last}`.toLowerCase(),
      home: null, dailyGoal: 1500, isManagedTech: false, licenseType: "NonManagedTech", customFields: [], active: true, aadUserId: null,
      burdenRate: 0, team: null, jobFilter: null, permissions: [], accountLocked: false, commissionRate: 0, currentValue: null,
      firstName: first, lastName: last, hourlyRate: 30 + (i % 5) * 2.5, jobId: null, mobilePhone: phone(), outboundCallerId: null,
      payrollId: null, payrollProfileId: null, appoitmentId: null, shiftStart: null, shiftEnd: null, soldByRate: 0, startDate: null,
      status: "Idle", skills: [], positions: ["Service"], location: null, bio: null, memo: null,
    }, at());
  });
  const techIds = technicians.map((t) => t.id);

  for (let i = 0; i < c.employees; i++) {
    const first = FIRST[(i * 11 + 3) % FIRST.length];
    const last = LAST[(i * 13 + 1) % LAST.length];
    store.insert(K.employees, {
      userId: 60000 + i, name: `${first} ${last}`, role: "Dispatcher", roleIds: userRoles.length ? [userRoles[userRoles.length > 1 ? 1 : 0].id] : [],
      businessUnitId: rng.pick(buIds), email: `${first}.${last}@example.com`.toLowerCase(), phoneNumber: phone(), loginName: `${first}.${last}`.toLowerCase(),
      customFields: [], active: true, aadUserId: null, accountLocked: false,
    }, at());
  }

  const jobTypes = Array.from({ length: c.jobTypes }, (_, i) =>
    store.insert(K.jobTypes, {
      name: JOB_TYPES[i % JOB_TYPES.length] + (i >= JOB_TYPES.length ? ` ${i + 1}` : ""), businessUnitIds: buIds.slice(0, 2), skills: [], tagTypeIds: [],
      priority: "Normal", duration: 3600 * (1 + (i % 3)), soldThreshold: null, class: "Service", summary: "", noCharge: false,
      enforceRecurringServiceEventSelection: null, invoiceSignaturesRequired: false, externalData: [], active: true, isSmartDispatched: false,
      defaultEstimateSoldAction: "None", customFieldTypeIds: [],
    }, at()),
  );
  const campaigns = Array.from({ length: c.campaigns }, (_, i) =>
    store.insert(K.campaigns, {
      name: CAMPAIGNS[i % CAMPAIGNS.length] + (i >= CAMPAIGNS.length ? ` ${i + 1}` : ""), active: true, isDefaultCampaign: i === 0,
      category: { id: 1, name: "Marketing", active: true }, source: null, otherSource: null, businessUnit: null, medium: null, otherMedium: null,
      campaignPhoneNumbers: [phone()],
    }, at()),
  );
  for (let i = 0; i < c.callReasons; i++) {
    store.insert(K.callReasons, { name: CALL_REASONS[i % CALL_REASONS.length] + (i >= CALL_REASONS.length ? ` ${i + 1}` : ""), isLead: i % 3 === 0, active: true }, at());
  }
  for (let i = 0; i < c.jobCancelReasons; i++) {
    store.insert(K.jobCancelReasons, { name: CANCEL_REASONS[i % CANCEL_REASONS.length] + (i >= CANCEL_REASONS.length ? ` ${i + 1}` : ""), active: true }, at());
  }
  for (let i = 0; i < c.tagTypes; i++) {
    const name = TAGS[i % TAGS.length] + (i >= TAGS.length ? ` ${i + 1}` : "");
    store.insert(K.tagTypes, {
      name, color: COLORS[i % COLORS.length], code: name.replace(/[^A-Z]/gi, "").slice(0, 4).toUpperCase(), importance: i % 2 ? "High" : "Medium",
      isConversionOpportunity: false, allowToUseOnTimesheetActivity: false, isVisibleOnDispatchBoard: true, active: true,
    }, at());
  }
  for (let i = 0; i < c.bookingProviderTags; i++) {
    store.insert(K.bookingProviderTags, { tagName: `partner-${i + 1}`, description: `Bookings from partner ${i + 1}`, type: "V2Api" }, at());
  }

  // customers, their locations and contacts
  const customers: Array<{ id: number; locationIds: number[] }> = [];
  for (let i = 0; i < c.customers; i++) {
    const commercial = rng.chance(0.2);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const [city, state, zip3] = rng.pick(CITIES);
    const address = { street: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`, unit: null, city, state, zip: `${zip3}${rng.digits(2)}`, country: "USA", latitude: null, longitude: null };
    const name = commercial ? `${last} ${rng.pick(COMPANIES)}` : `${first} ${last}`;
    const t = at();
    const customer = store.insert(K.customers, customerFields({ name, type: commercial ? "Commercial" : "Residential", address }), t);
    const phoneNumber = phone();
    const contacts = [{ type: "MobilePhone", value: phoneNumber, memo: null }];
    if (rng.chance(0.6)) contacts.push({ type: "Email", value: `${first}.${last}${i}@example.com`.toLowerCase(), memo: null });
    const locationIds: number[] = [];
    const nLocations = c.secondLocationEvery > 0 && i % c.secondLocationEvery === c.secondLocationEvery - 1 ? 2 : 1;
    for (let l = 0; l < nLocations; l++) {
      const locAddress = l === 0 ? address : { ...address, street: `${rng.int(10, 9999)} ${rng.pick(STREETS)}` };
      const { location } = withTime(store, t.createdOn, () =>
        createLocation(store, customer.id, { name: l === 0 ? name : `${name} - Rental`, address: locAddress, contacts: l === 0 ? contacts : [{ type: "Phone", value: phone() }] }),
      );
      locationIds.push(location.id);
    }
    customers.push({ id: customer.id, locationIds });
  }

  // jobs with appointments (technicians assigned)
  for (let i = 0; i < c.jobs && customers.length; i++) {
    const cust = customers[(i * 7) % customers.length];
    const start = new Date(Date.UTC(2025, 0, 6) + i * 86_400_000 + rng.int(8, 15) * 3_600_000);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    const t = at();
    withTime(store, t.createdOn, () =>
      createJob(store, {
        customerId: cust.id, locationId: cust.locationIds[0], businessUnitId: rng.pick(buIds), jobTypeId: jobTypes.length ? rng.pick(jobTypes).id : 0,
        priority: rng.pick(PRIORITIES), campaignId: campaigns.length ? rng.pick(campaigns).id : 0, summary: `Seeded job ${i + 1}`,
        appointments: [{ start: start.toISOString(), end: end.toISOString(), arrivalWindowStart: start.toISOString(), arrivalWindowEnd: new Date(start.getTime() + 3_600_000).toISOString(), technicianIds: techIds.length ? [rng.pick(techIds)] : [] }],
      }, t),
    );
  }

  // bookings from booking provider `bookingProviderId`
  for (let i = 0; i < c.bookings; i++) {
    const [city, state, zip3] = rng.pick(CITIES);
    const t = ts();
    const b = bookingFields(
      {
        source: "Partner Web Form", name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
        address: { street: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`, unit: null, city, state, zip: `${zip3}${rng.digits(2)}`, country: "USA" },
        customerType: "Residential", summary: `Customer asks for a visit (${rng.pick(JOB_TYPES)})`, isFirstTimeClient: true,
        externalId: `ext-${seedValue}-${i + 1}`, priority: "Normal", campaignId: campaigns.length ? campaigns[0].id : null,
      },
      c.bookingProviderId,
      t,
    );
    const booking = store.insert(K.bookings, { ...b, start: t }, { createdOn: t });
    store.insert(K.bookingContacts, { type: "Phone", value: phone(), memo: "", bookingId: booking.id }, { parent: String(booking.id), createdOn: t });
  }
  // Intacct mappings of the business units (a list that pages from 0); after everything else, so no other id moves
  for (const bu of businessUnits) {
    store.insert("settings:/business-units/intacct", {
      name: bu.name, active: true, tradeName: (bu.trade as { name: string }).name, intacctLocationName: `Location ${bu.accountCode}`,
      intacctLocationId: `L-${bu.id}`, intacctDepartment: "Service", intacctClass: (bu.trade as { name: string }).name,
    }, at());
  }
  if (options.contractBreaks !== false) breakContract(store, seedValue);
  return c;
};

/** Runs `fn` with the store's clock pinned to `iso` (seed records keep seed timestamps). */
const withTime = <T>(store: Store, iso: string, fn: () => T): T => {
  const previous = store.clockOverride;
  store.clockOverride = iso;
  try {
    return fn();
  } finally {
    store.clockOverride = previous;
  }
};
