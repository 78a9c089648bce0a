/**
 * Builds an example value from a resolved SchemaNode. The values are ours (never the documents' example
 * text), chosen so an integration builder sees a plausible record before a test run — names, addresses,
 * dates and amounts like the sandbox's seed data — never type placeholders such as "string" or 123:
 * - a property's value comes from its name, read in the context of the object holding it (the
 *   `name` of a business unit is "HVAC - Service", of a technician "Sam Rivera"), then from its format
 *   (date-time, date, guid, duration, email, uri), then from its type;
 * - IDs are fixed per kind (every customerId is the same number, and a customer's own id equals it);
 * - enums take their first value; arrays hold exactly one element; maps one entry;
 * - paging envelopes read as one complete page: page 1, pageSize 50, hasMore false, totalCount 1;
 * - a recursive reference is shown by its id only; objects nested deeper than MAX_EXAMPLE_DEPTH stop (an
 *   array is no level of its own, so a list deep inside still shows one complete element).
 */
import type { SchemaNode } from "../../src/operations/types";

export const MAX_EXAMPLE_DEPTH = 8;

/** Values for the well-known paging/export envelope fields, so an example reads as one complete page. */
const ENVELOPE_VALUES: Record<string, unknown> = {
  page: 1,
  pageSize: 50,
  hasMore: false,
  totalCount: 1,
  continueFrom: "eyJmcm9tIjoiMjAyNi0wMS0xNVQxODoyMjowNVoifQ",
};

/** One ID per kind of record, so the examples of related actions agree with each other. */
const IDS: Record<string, number> = {
  customer: 28451107,
  location: 28451109,
  job: 31204567,
  appointment: 31204571,
  jobAppointment: 31204571,
  firstAppointment: 31204571,
  lastAppointment: 31204571,
  technician: 4410012,
  employee: 4410003,
  user: 4410003,
  createdBy: 4410003,
  modifiedBy: 4410003,
  createdById: 4410003,
  soldBy: 4410012,
  assignedBy: 4410003,
  assignedTo: 4410003,
  manager: 4410003,
  projectManager: 4410003,
  owner: 4410003,
  agent: 4410003,
  businessUnit: 1052,
  campaign: 2210047,
  jobType: 3301,
  tagType: 3301422,
  invoice: 40417825,
  invoiceItem: 40417826,
  project: 5120034,
  booking: 6620019,
  bookingProvider: 104,
  lead: 7710042,
  call: 8830115,
  estimate: 9120044,
  payment: 9340021,
  sku: 88120,
  materialSku: 88120,
  membership: 6120077,
  membershipType: 610,
  installedEquipment: 7230019,
  equipment: 7230019,
  zone: 215,
  taxZone: 31,
  paymentTerm: 12,
  purchaseOrder: 9510033,
  vendor: 4120,
  warehouse: 18,
  inventoryLocation: 18,
  reason: 27,
  callReason: 27,
  dismissingReason: 27,
  type: 3301401,
  customFieldType: 3301401,
  role: 14,
  team: 9,
  scheduler: 6012,
  session: 8801245,
};

/** A stable eight-digit ID for a kind of record no entry above names (FNV-1a of its name). */
const idFor = (name: string): number => {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return 10_000_000 + (h % 89_999_999);
};

/** The kind of record an object schema holds, read from its components/schemas name. */
const kindOf = (ref: string | undefined): string => {
  const name = (ref ?? "").replace(/^.*\./, "");
  const kinds: Array<[RegExp, string]> = [
    [/BusinessUnit/, "businessUnit"],
    [/JobType/, "jobType"],
    [/TagType/, "tagType"],
    [/CustomField/, "customField"],
    [/(Cancel|Hold|Dismiss|Call)Reason|Reason/, "reason"],
    [/Campaign(Category|ResponseCategory)/, "campaignCategory"],
    [/Campaign/, "campaign"],
    [/Technician|Employee|User(?!Role)/, "technician"],
    [/UserRole|Role/, "role"],
    [/Contact/, "contact"],
    [/Customer/, "customer"],
    [/Location/, "location"],
    [/Booking/, "booking"],
    [/Lead/, "lead"],
    [/Appointment/, "appointment"],
    [/Project(Status|SubStatus)/, "projectStatus"],
    [/ProjectType/, "projectType"],
    [/Project/, "project"],
    [/Job/, "job"],
    [/Invoice/, "invoice"],
    [/Payment(Type|Term)|Term/, "paymentTerm"],
    [/Payment/, "payment"],
    [/GLAccount|GlAccount|GeneralLedger|FeeAccount|BankAccount/, "glAccount"],
    [/Zone/, "zone"],
    [/Team/, "team"],
    [/Skill/, "skill"],
    [/Equipment/, "equipment"],
    [/Vendor/, "vendor"],
    [/InventoryLocation|Warehouse/, "warehouse"],
    [/SalesTax|Tax/, "tax"],
    [/Scheduler/, "scheduler"],
    [/Membership/, "membership"],
    [/ItemGroup/, "itemGroup"],
    [/Segment/, "segment"],
    [/Batch/, "batch"],
    [/Trade/, "trade"],
  ];
  return kinds.find(([re]) => new RegExp(re.source, "i").test(name))?.[1] ?? "";
};

/** What `name` reads like for each kind of record. */
const NAMES: Record<string, string> = {
  businessUnit: "HVAC - Service",
  jobType: "AC Repair",
  tagType: "VIP",
  customField: "Gate Code",
  reason: "Customer canceled",
  campaign: "Google Ads",
  campaignCategory: "Online",
  technician: "Sam Rivera",
  role: "Dispatcher",
  contact: "Avery Anderson",
  customer: "Avery Anderson",
  location: "Anderson Residence",
  booking: "Avery Anderson",
  lead: "Avery Anderson",
  appointment: "AC Repair",
  project: "Kitchen Remodel",
  projectType: "Remodel",
  projectStatus: "In Progress",
  paymentTerm: "Net 30",
  payment: "Credit Card",
  glAccount: "Service Revenue",
  zone: "North Glendale",
  team: "HVAC North",
  skill: "HVAC Install",
  equipment: "Carrier Infinity 24ACC6",
  vendor: "Ferguson Supply",
  warehouse: "Main Warehouse",
  tax: "Glendale Sales Tax",
  scheduler: "Website Scheduler",
  membership: "Comfort Club Gold",
  itemGroup: "HVAC Parts",
  segment: "Residential",
  batch: "January Deposits",
  trade: "HVAC",
};

/** Strings by property name (whole name, case-insensitive), checked in order. */
const STRINGS: Array<[RegExp, string]> = [
  [/^(street|streetAddress|leadStreet|address1)$/i, "1200 Maple Ave"],
  [/^(unit|leadUnit|address2)$/i, "Suite 4"],
  [/^(city|leadCity)$/i, "Glendale"],
  [/^(state|leadState|province)$/i, "CA"],
  [/^(zip|zipCode|zipcode|postalCode|leadZip)$/i, "91203"],
  [/^(country|leadCountry)$/i, "USA"],
  [/^zips$/i, "91203,91204"],
  [/^cities$/i, "Glendale,Burbank"],
  [/^firstName$/i, "Avery"],
  [/^lastName$/i, "Anderson"],
  [/^(leadCustomerName|customerName|displayName|contactName)$/i, "Avery Anderson"],
  [/^(technicianName|createdBy|modifiedBy|appliedBy|exportedBy|assignedTo)$/i, "Sam Rivera"],
  [/^(loginName|login|userName)$/i, "srivera"],
  [/^(officialName|companyName|brandName)$/i, "Glendale Home Services LLC"],
  [/^(memo|note|notes|text)$/i, "Customer called to confirm the visit."],
  [/^(summary|summaryOfWork)$/i, "AC not cooling; outdoor unit buzzing."],
  [/^description$/i, "Replace run capacitor on the outdoor unit."],
  [/^specialInstructions$/i, "Gate code 4411; call on arrival."],
  [/^(message|invoiceMessage)$/i, "Thank you for your business."],
  [/^(errorMessage|reason)$/i, "Customer no longer needs the visit."],
  [/^(jobNumber|number|appliedToReferenceNumber|invoiceNumber)$/i, "10045"],
  [/^appointmentNumber$/i, "10045-1"],
  [/^(referenceNumber|refNumber)$/i, "REF-10045"],
  [/^(customerPo|purchaseOrderNumber|poNumber)$/i, "PO-5521"],
  [/^vendorNumber$/i, "V-2291"],
  [/^checkNumber$/i, "4512"],
  [/^authCode$/i, "A1B2C3"],
  [/^(referenceId|externalId)$/i, "crm-10045"],
  [/^aadUserId$/i, "0f8fad5b-d9cb-469f-a165-70867728950e"],
  [/^quantity$/i, "2"],
  [/^(uploadedImage|uploadedImages|imageUrl)$/i, "https://www.example.com/photos/outdoor-unit.jpg"],
  [/^(skill|skills)$/i, "HVAC Install"],
  [/^(serviceDay|serviceDays)$/i, "Monday"],
  [/^shipToDescription$/i, "Main Warehouse, 450 Industrial Way, Glendale, CA 91204"],
  [/^intacctDepartment$/i, "Service"],
  [/^(invoiceHeader|authorizationParagraph|acknowledgementParagraph)$/i, "Glendale Home Services LLC · 450 Industrial Way, Glendale, CA 91204"],
  [/^(exportId|importId|executionId|previousSessionId|templateId)$/i, "exp-20260115-0001"],
  [/^(serialNumber)$/i, "SN-20481123"],
  [/^manufacturer$/i, "Carrier"],
  [/^model$/i, "24ACC636A003"],
  [/^barcodeId$/i, "0123456789012"],
  [/^(skuCode|code|materialSku|vendorPartNumber)$/i, "CAP-455"],
  [/^(skuName|skuType)$/i, "Capacitor 45/5 MFD"],
  [/^(accountCode|account)$/i, "4000"],
  [/^(title)$/i, "Service Manager"],
  [/^(team)$/i, "HVAC North"],
  [/^(bio)$/i, "NATE-certified HVAC technician."],
  [/^(skills)$/i, "HVAC Install"],
  [/^(class|quickbooksClass|intacctClass)$/i, "Service"],
  [/^(tagName|tag)$/i, "VIP"],
  [/^(termName)$/i, "Net 30"],
  [/^(typeName)$/i, "Residential"],
  [/^(campaignName)$/i, "Google Ads"],
  [/^(schedulerName)$/i, "Website Scheduler"],
  [/^(businessUnit|tradeName)$/i, "HVAC - Service"],
  [/^(inventoryLocation|intacctLocationName)$/i, "Main Warehouse"],
  [/^(source|captureSource|marketingSource|bookedFrom|utmSource)$/i, "Google"],
  [/^(medium|utmMedium)$/i, "cpc"],
  [/^(otherSource|otherMedium)$/i, "Home show"],
  [/^(utmCampaign|utmAdgroup|utmTerm|utmContent)$/i, "spring-ac-tuneup"],
  [/^(gclid|fbclid|msclkid|gbraid|wbraid|googleAnalyticsClientId)$/i, "Cj0KCQiA-2026-example"],
  [/^(currency)$/i, "USD"],
  [/^(color|textColor)$/i, "#1976D2"],
  [/^(fileName)$/i, "warranty.pdf"],
  [/^(originalFileName)$/i, "outdoor-unit.jpg"],
  [/^(thumbnail|thumbnailUrl)$/i, "https://www.example.com/photos/outdoor-unit-thumb.jpg"],
  [/^(comment|comments)$/i, "Filter replaced; coil cleaned."],
  [/^(path)$/i, "/attachments/warranty.pdf"],
  [/^(ipAddress)$/i, "203.0.113.24"],
  [/^(userAgent)$/i, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X)"],
  [/^(browserName)$/i, "Safari"],
  [/^(osName)$/i, "iOS"],
  [/^(deviceType)$/i, "mobile"],
  [/^(deviceVendor)$/i, "Apple"],
  [/^(deviceModel)$/i, "iPhone"],
  [/^(engineName)$/i, "WebKit"],
  [/^(cpuArchitecture)$/i, "arm64"],
  [/^(browserVersion|engineVersion|osVersion)$/i, "18.2"],
  [/^(status|jobStatus|syncStatus|depositStatus|reviewStatus|inventoryStatus|schedulerStatus|subStatus)$/i, "Active"],
  [/^(priority)$/i, "Normal"],
  [/^(category)$/i, "Residential"],
  [/^(daysOfWeek|serviceDays)$/i, "Monday,Wednesday,Friday"],
  [/^(fax)$/i, "512-555-0199"],
  [/^(alias)$/i, "Main"],
  [/^(conceptCode|franchiseId)$/i, "GHS-01"],
  [/^(payrollId)$/i, "PR-4410"],
  [/^(dataApiKey)$/i, "sched-6012"],
];

/** A string by the property's name, its suffix, or the kind of record holding it. */
const stringFor = (name: string, kind: string): string => {
  if (name === "name") return NAMES[kind] ?? "Standard";
  if (name === "key") return "crmId";
  if (name === "value") return kind === "customField" ? "Gate code 4411" : "C-1001";
  if (name === "type" || name === "detailType" || name === "subtype" || name === "dataType") {
    return kind === "contact" ? "MobilePhone" : kind === "customer" || kind === "location" ? "Residential" : kind === "glAccount" ? "Revenue" : "Standard";
  }
  const hit = STRINGS.find(([re]) => re.test(name));
  if (hit) return hit[1];
  if (/email/i.test(name)) return "avery.anderson@example.com";
  if (/phone|callerId/i.test(name)) return "512-555-0142";
  if (/url|link$/i.test(name)) return "https://www.example.com/book/10045";
  if (/(tax)$/i.test(name)) return "23.70";
  if (/(shipping)(amount)?$/i.test(name)) return "15.00";
  if (/(discount)(amount|total)?$/i.test(name)) return "25.00";
  if (/(costs?)$/i.test(name)) return "112.40";
  if (/(amount|total|price|balance|charge)$/i.test(name)) return "249.50";
  if (/(date)$/i.test(name)) return "2026-01-15";
  if (/(numbers)$/i.test(name)) return "10045,10046";
  if (/(number|id)$/i.test(name)) return "10045";
  if (/name$/i.test(name)) return NAMES[kindOf(name.replace(/name$/i, ""))] ?? "Main Office";
  if (/(status|type|options)$/i.test(name)) return "Standard";
  if (/(paragraph|header|data|responses|outcome|step|interest)$/i.test(name)) return "Standard";
  return "Standard";
};

/** An integer by the property's name: IDs by kind, counts, calendar parts. */
const integerFor = (name: string, kind: string, format: string | undefined): number => {
  if (name === "id") return IDS[kind] ?? idFor(kind || "record");
  const idName = name.match(/^(.+?)(Id|Ids)$/)?.[1];
  if (idName) return IDS[idName] ?? idFor(idName);
  if (IDS[name] !== undefined) return IDS[name];
  if (/^year$/i.test(name)) return 2026;
  if (/^month$/i.test(name)) return 1;
  if (/^fromHour$/i.test(name)) return 8;
  if (/^toHour$/i.test(name)) return 17;
  if (/hour/i.test(name)) return 8;
  if (/duration|minutes/i.test(name)) return 90;
  if (/^(order|sortOrder|position|priority|version)$/i.test(name)) return 1;
  if (/months$/i.test(name)) return 36;
  if (/day|period/i.test(name)) return 30;
  if (/^(number|jobNumber)$/i.test(name)) return 10045;
  if (/color/i.test(name)) return 1668818;
  if (/^(interval|countOccurrences)$/i.test(name)) return 1;
  if (/count$|^total|^opened$|^interacted$|^booked$|^abandoned$|^issue$|^schedule$|^customer$|^details$/i.test(name)) return 12;
  return format === "int64" ? idFor(name) : 3;
};

/** A decimal by the property's name: coordinates, rates, money. */
const numberFor = (name: string): number => {
  if (/latitude/i.test(name)) return 34.1425;
  if (/longitude/i.test(name)) return -118.2551;
  if (/completionRate/i.test(name)) return 0.42;
  if (/creditLimit/i.test(name)) return 5000;
  if (/dailyGoal/i.test(name)) return 1500;
  if (/hourlyRate/i.test(name)) return 32.5;
  if (/burdenRate/i.test(name)) return 18.5;
  if (/taxRate/i.test(name)) return 9.5;
  if (/commissionRate|soldByRate|percentage/i.test(name)) return 5;
  if (/quantity/i.test(name)) return 2;
  if (/hours/i.test(name)) return 1.5;
  if (/availability/i.test(name)) return 6.5;
  if (/threshold/i.test(name)) return 1000;
  if (/tax$/i.test(name)) return 23.7;
  if (/cost$/i.test(name)) return 112.4;
  if (/discount$/i.test(name)) return 25;
  return 249.5;
};

/** Flags read as a typical record has them: active and enabled, not excluded, exempt or deleted. */
const booleanFor = (name: string): boolean =>
  !/^(doNot|no[A-Z]|is(Deleted|Archived|Exempt|Recurring|Hidden|Locked|Canceled|Cancelled)|deleted|archived|hidden|taxExempt|nationalAccount|isAutoDispatched|hasMore|suppress|exclude|withhold)/i.test(name);

const DATE_TIMES: Array<[RegExp, string]> = [
  [/due/i, "2026-02-14T00:00:00Z"],
  [/^created/i, "2026-01-12T15:04:27Z"],
  [/^(modified|updated|lastModified)/i, "2026-01-14T18:22:05Z"],
  [/end|to$|before$/i, "2026-01-15T18:00:00Z"],
  [/(complet|finish|done)/i, "2026-01-15T17:45:00Z"],
];

function stringExample(name: string, kind: string, format: string | undefined): string {
  switch (format) {
    case "date-time":
      return DATE_TIMES.find(([re]) => re.test(name))?.[1] ?? "2026-01-15T16:00:00Z";
    case "date":
      return /due/i.test(name) ? "2026-02-14" : "2026-01-15";
    case "time":
      return /end/i.test(name) ? "12:00:00" : "08:00:00";
    case "duration":
      return /start/i.test(name) ? "08:00:00" : "02:00:00";
    case "guid":
    case "uuid":
      return "0f8fad5b-d9cb-469f-a165-70867728950e";
    case "email":
      return "avery.anderson@example.com";
    case "phone":
      return "512-555-0142";
    case "uri":
    case "url":
      return "https://www.example.com/book/10045";
    default:
      return stringFor(name, kind);
  }
}

/** "tagTypeIds" → "tagTypeId", "cities" → "city", "skills" → "skill". */
const singularOf = (name: string): string => name.replace(/Ids$/, "Id").replace(/ies$/, "y").replace(/([^s])s$/, "$1");

/**
 * The example of `node`, a property called `name` (empty at the top) inside an object of kind
 * `kind` (see kindOf).
 */
export function buildExample(node: SchemaNode, depth = 0, name = "", kind = ""): unknown {
  if (node.enum && node.enum.length > 0) return node.enum[0];
  if (node.recursive) return { id: IDS[kindOf(node.ref)] ?? idFor(kindOf(node.ref) || "record") };
  if (node.oneOf && node.oneOf.length > 0 && !node.type) return buildExample(node.oneOf[0], depth, name, kind);
  const type = node.type ?? (node.properties ? "object" : node.items ? "array" : undefined);
  switch (type) {
    case "integer":
      return integerFor(name, kind, node.format);
    case "number":
      return numberFor(name);
    case "boolean":
      return booleanFor(name);
    case "string":
      return stringExample(name, kind, node.format);
    case "array":
      if (depth >= MAX_EXAMPLE_DEPTH || !node.items) return [];
      return [buildExample(node.items, depth, singularOf(name), node.items.ref ? kindOf(node.items.ref) : kind)];
    case "object": {
      if (depth >= MAX_EXAMPLE_DEPTH) return {};
      const out: Record<string, unknown> = {};
      const props = node.properties ?? {};
      const own = kindOf(node.ref) || kindOf(name) || kind;
      const isEnvelope = "data" in props && ("hasMore" in props || "page" in props);
      for (const [prop, sub] of Object.entries(props)) {
        out[prop] = isEnvelope && prop in ENVELOPE_VALUES ? ENVELOPE_VALUES[prop] : buildExample(sub, depth + 1, prop, own);
      }
      if (!node.properties && node.additionalProperties && typeof node.additionalProperties === "object") {
        out["Gate Code"] = buildExample(node.additionalProperties, depth + 1, "value", "customField");
      }
      return out;
    }
    default:
      return {};
  }
}
