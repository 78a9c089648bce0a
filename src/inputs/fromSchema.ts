/**
 * Turns one contract fact (a path/query parameter or a body field with its schema) into a Spectral
 * input: type, label, comments in our words, example, dropdown model and the matching `clean`.
 */
import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { SchemaNode } from "../operations/types";
import { camel, humanize, singular, words } from "../operations/naming";
import type { InputOverrides } from "../operations/curated/types";
import {
  cleanBoolean,
  cleanDate,
  cleanLocalDateTime,
  cleanEnum,
  cleanId,
  cleanIdList,
  cleanInteger,
  cleanJson,
  cleanNumber,
  cleanString,
  cleanStringList,
} from "./clean";

export type Placement = "path" | "query" | "body";

export interface FieldSpec {
  /** Name on the wire. */
  name: string;
  placement: Placement;
  schema: SchemaNode;
  required: boolean;
}

/** How a cleaned value is put on the wire. */
export type WireShape = "scalar" | "commaList" | "array" | "json";

export interface BuiltInput {
  definition: InputFieldDefinition;
  wire: WireShape;
}

const isIdName = (name: string): boolean => /(^id$|Id$|_id$)/.test(name);
const isIdListName = (name: string): boolean => /(^ids$|Ids$)/.test(name);
const LONG_TEXT = /(memo|summary|instructions|description|notes?|text|message|comment|body|reason)$/i;

/** A purpose sentence: one for every placement, or one per placement (query filters read differently from body fields). */
type Purpose = string | Partial<Record<Placement, string>> | ((spec: FieldSpec) => string | undefined);

const ref = (spec: FieldSpec): string => spec.schema.ref ?? spec.schema.items?.ref ?? "";

/** Our own purpose sentences for names that recur across the API. */
const PURPOSE: Record<string, Purpose> = {
  ids: "Only these records, by ID.",
  active: "Which records by their active flag: True (active only, ServiceTitan's usual default), False (inactive only) or Any.",
  createdBefore: "Only records created before this moment (exclusive).",
  createdOnOrAfter: "Only records created at or after this moment.",
  modifiedBefore: "Only records last changed before this moment (exclusive).",
  modifiedOnOrAfter: "Only records last changed at or after this moment.",
  name: { body: "Name as it appears in ServiceTitan.", query: "Only records with this name." },
  names: "Only records with one of these names.",
  externalDataApplicationGuid: "Your application's GUID under which external data was stored; only that data is read or matched.",
  externalDataKey: "Only records whose external data has this key.",
  externalDataValues: "Only records whose external data has one of these values (comma-separated).",
  externalData: (spec) =>
    spec.schema.properties?.patchMode
      ? "Your own key/value pairs kept on the record under your application's GUID, to tie it to your system. Patch Mode Merge adds or changes the keys you send; Replace swaps the whole set."
      : "Your own key/value pairs kept on the record under your application's GUID, to tie it to your system (read them back with External Data Application GUID on list and get actions).",
  customFields: (spec) =>
    spec.schema.type === "array"
      ? "Values for custom fields your ServiceTitan account defines: one {typeId, value} entry per field, with type IDs from the matching List … Custom Field Types action. Fields you do not list are left alone."
      : "Custom field values as a JSON object of field name to text value.",
  "customField.Fields": "Only records whose custom fields have these values: a JSON object of custom field name to value.",
  "customField.Operator": "How several custom field conditions combine: And (all must match) or Or (any may match).",
  memo: "Free-text note kept with the record.",
  summary: {
    body: "What the work is about, in plain words; office staff and technicians read it on the record.",
    query: "Only records whose summary contains this text.",
  },
  description: { body: "Longer description shown on the record.", query: "Only records whose description contains this text." },
  specialInstructions: "Instructions the technician sees for this visit, such as a gate code or a call-ahead request.",
  start: { body: "When it starts.", query: "Only records starting at or after this moment." },
  end: { body: "When it ends; must be after Start.", query: "Only records ending before this moment." },
  arrivalWindowStart: "Start of the arrival window promised to the customer: the earliest time the technician may arrive.",
  arrivalWindowEnd: "End of the arrival window promised to the customer: the latest time the technician may arrive.",
  phone: { body: "Phone number.", query: "Only records with this phone number." },
  phoneNumber: { body: "Phone number.", query: "Only records with this phone number." },
  email: { body: "Email address.", query: "Only records with this email address." },
  street: "Street line of the address.",
  unit: "Unit, suite or apartment.",
  city: "City.",
  state: "State or province.",
  zip: "ZIP or postal code.",
  country: "Country.",
  latitude: "Latitude in decimal degrees (−90 to 90).",
  longitude: "Longitude in decimal degrees (−180 to 180).",
  address: "Street address as a JSON object (street, unit, city, state, zip, country).",
  contacts: "Phone numbers and email addresses to store: one {type, value, memo} entry each, type being Phone, MobilePhone, Email or Fax.",
  businessUnitId: {
    body: "Business unit the record belongs to; it decides reporting, numbering and which job types and technicians apply (see List Business Units).",
    query: "Only records of this business unit.",
  },
  businessUnitIds: { body: "Business units this applies to (see List Business Units).", query: "Only records of these business units." },
  jobTypeId: {
    body: "Job type, which sets the expected duration, required skills and the business units it can be booked in (see List Job Types).",
    query: "Only records of this job type.",
  },
  jobTypeIds: { query: "Only records of these job types." },
  campaignId: {
    body: "Marketing campaign credited with this work, i.e. how the customer found you (see List Campaigns).",
    query: "Only records credited to this campaign.",
  },
  campaignIds: { query: "Only records credited to one of these campaigns." },
  priority: {
    body: "How urgent the work is; office staff see it on the record and the dispatch board.",
    query: "Only records with this priority.",
  },
  customerId: { body: "The customer the record belongs to.", query: "Only records of this customer." },
  customerIds: { query: "Only records of these customers." },
  locationId: {
    body: "The service location (address) where the work happens; it must belong to the customer.",
    query: "Only records at this location.",
  },
  locationIds: { query: "Only records at these locations." },
  technicianId: { body: "The technician this is for (see List Technicians).", query: "Only records of this technician." },
  technicianIds: { body: "Technicians to assign, by ID (see List Technicians).", query: "Only records of these technicians." },
  jobId: { body: "The job this belongs to.", query: "Only records of this job." },
  jobIds: { query: "Only records of these jobs." },
  projectId: { body: "The project this belongs to.", query: "Only records of this project." },
  appointmentId: { body: "The appointment this belongs to.", query: "Only records of this appointment." },
  invoiceId: { body: "The invoice this belongs to.", query: "Only records of this invoice." },
  tagTypeIds: {
    body: "Tags to put on the record, by tag type ID (see List Tag Types).",
    query: "Only records carrying at least one of these tags, by tag type ID.",
  },
  type: (spec) =>
    /ContactType/.test(ref(spec))
      ? "Kind of contact: Phone, MobilePhone, Email or Fax. It decides how Value is read."
      : /CustomerType/.test(ref(spec))
        ? "Residential or Commercial."
        : spec.placement === "query"
          ? "Only records of this type."
          : spec.schema.type === "string" && !spec.schema.enum?.length
            ? "The type of the record, under the name ServiceTitan uses for it in the tenant's settings."
            : undefined,
  subtype: { body: "The subtype within the chosen type, under the name ServiceTitan uses for it in the tenant's settings." },
  value: (spec) =>
    /contact/i.test(`${ref(spec)} ${spec.schema.ref ?? ""}`) || spec.placement === "body"
      ? "The contact value itself: a phone number or an email address, as Type says, such as 555-201-3344."
      : undefined,
  daysOfWeek: { body: "Days of the week it repeats on, separated by commas, such as Monday, Wednesday, Friday." },
  shiftDays: { body: "Days of the week the shift repeats on, separated by commas, such as Monday, Wednesday, Friday." },
  defaultEstimateSoldAction: { body: "What ServiceTitan does by default when an estimate on a job of this type is sold." },
  signature: { body: "The customer's signature captured for the invoice, as text." },
  technicianAcknowledgementSignature: { body: "The technician's acknowledgement signature captured for the invoice, as text." },
  status: { body: "Status to set on the record.", query: "Only records in this status." },
  statuses: { query: "Only records in one of these statuses." },
  number: { body: "Document number, as shown on the record and printed documents.", query: "Only the record with this number." },
  externalId: "Your own identifier for this record in your system, kept with it so you can match it later.",
  soldById: "Employee or technician credited with the sale.",
  assignedToId: "The employee the record is assigned to.",
  aadUserId: "The user's Microsoft Entra ID (Azure AD) object ID, used for single sign-on.",
  adjustmentToId: "The invoice this adjustment applies to.",
  typeId: "Type of the record, by ID.",
  batchId: { body: "Accounting batch the record belongs to.", query: "Only records in this accounting batch." },
  title: { body: "Job title or role." },
  loginName: "User name the person signs in to ServiceTitan with.",
  login: "User name the person signs in to ServiceTitan with.",
  role: "Role that decides what the person may see and do in ServiceTitan.",
  roleId: "Role that decides what the person may see and do in ServiceTitan (see List User Roles).",
  text: "Text of the note.",
  startsOnOrAfter: { body: "Start of the period to look at." },
  endsOnOrBefore: { body: "End of the period to look at." },
  booking_provider: "Your booking provider ID: the number ServiceTitan gave your booking integration when it was set up.",
  gps_provider: "Your GPS provider key, as ServiceTitan set it up for your GPS integration.",
  "balanceFilter.Balance": "Balance to compare with, using Balance Filter Comparer.",
  "balanceFilter.Amount": "Amount to compare the balance with, using Balance Filter Comparer.",
  "balanceFilter.Comparer": "How the record's balance is compared with the balance filter amount (Equal, GreaterThan, LessThanOrEqual …).",
  "totalFilter.Amount": "Amount to compare the total with, using Total Filter Comparer.",
  "totalFilter.Comparer": "How the record's total is compared with Total Filter Amount (Equal, GreaterThan, LessThanOrEqual …).",
  orderBy: "Name of the field to sort the results by.",
  orderByDirection: "Sort direction for Order By: ascending or descending.",
  amount: { body: "Amount of money, in the account's currency." },
  quantity: { body: "How many units." },
  cost: { body: "Cost per unit, in the account's currency." },
  unitPrice: { body: "Price per unit charged to the customer." },
  reasonId: "Reason given, by ID (see the matching List … Reasons action).",
  operations: "One entry per record to change: the record's ID (objectId) and the custom field values to set on it.",
  items: { body: "Line items: one JSON object per item (SKU, description, quantity, price)." },
  mobilePhoneNumber: "Mobile phone number, used for text messages from ServiceTitan.",
  notes: "Text of the notes.",
  note: "Text of the note.",
  password: "Password for the new sign-in, when Account Creation Method is AssignLoginAndPassword.",
  color: "Colour shown in ServiceTitan, as a hex code such as #1E90FF.",
  code: { body: "Short code shown in ServiceTitan lists and reports." },
  message: { body: "Message text kept with the record." },
  checkNumber: "Number of the check, for check payments.",
  authCode: "Authorization code of the card payment.",
  postDate: "Date the entry is posted to the books.",
  paidOn: "When the payment was made.",
  manufacturer: "Manufacturer of the equipment.",
  model: "Model name or number of the equipment.",
  serialNumber: "Serial number of the equipment.",
  // Pricebook items' accounting (services, materials, equipment, discounts and fees).
  account: { body: "Income account in your books that sales of this item post to, by the name your accounting setup uses." },
  costOfSaleAccount: { body: "Account in your books that the item's cost posts to when it is sold (cost of goods sold), by name." },
  assetAccount: { body: "Asset account in your books that carries the item's value while it is in stock, by name." },
  intacctGlGroupAccount: {
    body: "Sage Intacct GL group the item reports under, by its name there; only for tenants that sync with Intacct.",
  },
  crossSaleGroup: {
    body: "A name shared by similar items so their sales show as a column of their own on the Technician Performance Board, such as Water Heaters.",
  },
  budgetCostCode: { body: "Budget cost code segment for job costing; goes together with Budget Cost Type (set both or neither)." },
  budgetCostType: { body: "Budget cost type segment for job costing; goes together with Budget Cost Code (set both or neither)." },
  unitOfMeasure: { body: "Unit the item is counted and sold in, such as Each, Foot or Gallon." },
  epaNumber: { body: "EPA registration number of the product, for materials marked as chemicals (Is Chemical)." },
  activeIngredients: {
    body: "Active ingredients of the product as printed on its label, for materials marked as chemicals (Is Chemical).",
  },
  searchText: { query: "Only items whose display name, code or description contains this text (at least 2 characters; case is ignored)." },
  searchTerm: { query: "Only records whose name contains this text." },
  search: { query: "Only records containing this text." },
  // Inventory: vendors, purchase orders, receipts and returns.
  fax: { body: "Fax number, for orders and documents sent by fax." },
  referenceNumber: {
    body: "Your reference kept with the record, such as the vendor's return authorization (RMA) number.",
    query: "Only records with this reference number.",
  },
  vendorInvoiceNumber: {
    body: "The vendor's invoice number for this order; give it when the purchase order is received automatically.",
    query: "Only records with this vendor invoice number.",
  },
  vendorDocumentNumber: { body: "The vendor's document number for the delivery, such as the packing slip or invoice number." },
  vendorQuickbooksItem: { body: "QuickBooks item that this vendor's bills use when they sync to QuickBooks, by its name there." },
  requestNumber: { query: "Only the purchase order request with this number." },
  syncStatuses: (spec) =>
    spec.placement === "query" && spec.schema.type === "string"
      ? "Only records in one of these accounting sync statuses (Pending, Posted, Exported), separated by commas."
      : undefined,
  adjustmentTypes: (spec) =>
    spec.placement === "query" && spec.schema.type === "string"
      ? "Only adjustments of one of these types, separated by commas."
      : undefined,
  // Files.
  file: { body: "The file to upload, such as a photo or a PDF handed on by an earlier step." },
  path: { query: "Where the file is stored: the path the record listing it gives, or the one an upload returned." },
  image: { body: "Path of the image shown for this record, as Upload Pricebook Image returns it." },
  skuImages: { body: "Paths of images shown with the category's items, one per row, as Upload Pricebook Image returns them." },
  skuVideos: { body: "Links to videos shown with the category's items, one per row." },
  sort: { query: "Order of the results: a field name after + for ascending or - for descending, such as -CreatedOn." },
  // Findings, timesheets, payroll.
  recommendedSolution: { body: "The repair or action the technician recommends for what was found." },
  projectLabel: { body: "Label of the project the time is booked to, as it is named in ServiceTitan." },
  externalPayrollId: { body: "The person's ID in your payroll system, to match their hours and pay there." },
};

/** A filter sentence for a query parameter no entry covers, from the shape of its name. */
const filterPurpose = (spec: FieldSpec): string => {
  const name = spec.name.replace(/^.*\./, "");
  const phrase = (w: string) =>
    humanize(w).replace(/\b(?!ID\b|IDs\b|GUID\b|URL\b|GL\b|AP\b|PO\b|SMS\b|ZIP\b)([A-Z][a-z]*)\b/g, (m) => m.toLowerCase());
  const unit = spec.schema.format === "date-time" ? "moment" : spec.schema.format === "date" ? "date" : "value";
  /** "completed" → "completed before …"; "due date" → "whose due date is before …"; "appointment starts" → "whose appointment starts before …". */
  const bound = (subject: string, relation: string): string => {
    const x = phrase(subject)
      .replace(/^date (.+)$/, "$1")
      .replace(/ on$/, "");
    if (unit === "value") relation = relation === "at or after" ? "at least" : relation === "at or before" ? "at most" : relation;
    if (x === "starts" || x === "ends") return `Only records ${x === "starts" ? "starting" : "ending"} ${relation} this ${unit}`;
    if (/^\w+ (\w+ed|paid|sold|sent)$/.test(x)) return `Only records whose ${x.replace(/ (\w+)$/, " was $1")} ${relation} this ${unit}`;
    if (/(ed|paid|sold|sent)$/.test(x)) return `Only records ${x} ${relation} this ${unit}`;
    if (/(starts|ends)$/.test(x)) return `Only records whose ${x} ${relation} this ${unit}`;
    return `Only records whose ${x} is ${relation} this ${unit}`;
  };
  let m: RegExpMatchArray | null;
  if ((m = name.match(/^(.+)OnOrAfter$/))) return `${bound(m[1], "at or after")}.`;
  if ((m = name.match(/^(.+)OnOrBefore$/))) return `${bound(m[1], "at or before")}.`;
  if ((m = name.match(/^(.+)Before$/))) return `${bound(m[1], "before")} (exclusive).`;
  if ((m = name.match(/^(.+)After$/))) return `${bound(m[1], "after")}.`;
  if ((m = name.match(/^(.+)From$/))) return `${bound(m[1], "at or after")}.`;
  if ((m = name.match(/^(.+)To$/)) && !/(Applied|Assigned)$/.test(m[1])) return `${bound(m[1], "at or before")}.`;
  if ((m = name.match(/^(.+)Greater$/))) return `Only records whose ${phrase(m[1])} is greater than this amount.`;
  if ((m = name.match(/^(.+)Less$/))) return `Only records whose ${phrase(m[1])} is less than this amount.`;
  if ((m = name.match(/^min([A-Z].*)$/))) return `Only records whose ${phrase(m[1])} is at least this value.`;
  if ((m = name.match(/^max([A-Z].*)$/))) return `Only records whose ${phrase(m[1])} is at most this value.`;
  if ((m = name.match(/^(.+)Contains$/))) return `Only records whose ${phrase(m[1])} contains this text.`;
  if ((m = name.match(/^(.+)Ids$/))) return `Only records linked to one of these ${phrase(m[1])} records, by ID.`;
  if ((m = name.match(/^(.+)Id$/))) return `Only records linked to this ${phrase(m[1])}, by ID.`;
  if (spec.schema.type === "array") return `Only records matching one of these ${phrase(name)} values.`;
  if (spec.schema.enum?.length) return `Only records with this ${phrase(name)}.`;
  return `Only records whose ${phrase(name)} matches this value.`;
};

const purposeFor = (spec: FieldSpec, label?: string): string => {
  const entry = PURPOSE[spec.name];
  const fromEntry = typeof entry === "function" ? entry(spec) : typeof entry === "string" ? entry : entry?.[spec.placement];
  if (fromEntry) return fromEntry;
  if (spec.placement === "path") {
    if (label && / IDs?$/.test(label)) return `The ${label.replace(/ IDs?$/, "").toLowerCase()} to work on, by ID.`;
    return label ? `The ${label.toLowerCase()} this call is for.` : "";
  }
  if (spec.placement === "query" && spec.schema.type !== "boolean") return filterPurpose(spec);
  if (isIdListName(spec.name)) return `IDs of the ${humanize(spec.name.replace(/Ids$/, "")).toLowerCase()} records.`;
  if (isIdName(spec.name) && spec.name !== "id") return `ID of the ${humanize(spec.name.replace(/Id$/, "")).toLowerCase()}.`;
  return "";
};

const typeFact = (schema: SchemaNode, name: string): string => {
  if (schema.enum?.length) return `One of: ${schema.enum.join(", ")}.`;
  switch (schema.type) {
    case "integer":
      return isIdName(name) ? "A ServiceTitan ID (a positive whole number)." : "A whole number.";
    case "number":
      return "A number; decimals allowed.";
    case "boolean":
      return "true or false; leave empty to send nothing.";
    case "array":
      if (schema.items?.enum?.length) return `One or more of: ${schema.items.enum.join(", ")}; one per row, or separated by commas.`;
      if (schema.items?.type === "object") return "A JSON array of objects, checked against ServiceTitan's schema before sending.";
      if (schema.items?.type === "integer") return "A list of IDs: one per row, or separated by commas.";
      return "A list of values: one per row, or separated by commas.";
    case "object":
      return "A JSON object, checked against ServiceTitan's schema before sending.";
    default:
      if (schema.format === "date-time")
        return "A date-time such as 2026-01-15T09:30:00Z, 2026-01-15 9:30 AM or 01/15/2026 14:30 (slashed dates are month/day/year). Without an offset it is read in the connection's Time Zone (UTC unless set there); a date alone means midnight there.";
      if (schema.format === "date") return "A date such as 2026-01-15 or 01/15/2026 (month/day/year).";
      if (schema.format === "guid" || schema.format === "uuid") return "A GUID such as 6B29FC40-CA47-1067-B31D-00DD010662DA.";
      if (schema.format === "binary") return "File content (a Prismatic data value or text).";
      if (isIdListName(name)) return "A list of IDs: one per row, or separated by commas.";
      return `Text${schema.maxLength ? ` of at most ${schema.maxLength} characters` : ""}.`;
  }
};

/** The fields of a JSON object (or of each array element), named so the comment says what goes in it. */
const fieldsOf = (schema: SchemaNode | undefined): string => {
  const names = Object.entries(schema?.properties ?? {})
    .filter(([, p]) => !p.readOnly)
    .map(([n]) => n);
  if (!names.length) return "";
  const shown = names.slice(0, 6).join(", ");
  return ` with ${names.length > 6 ? `fields such as ${shown}` : `the fields ${shown}`}`;
};

/**
 * When the contract gives a field no meaning, the comment says its format and an example, so it is never
 * only a type name (Prismatic already shows the type and whether it is required).
 */
const formatWithExample = (spec: FieldSpec, example: string): string => {
  const { schema } = spec;
  if (schema.enum?.length) return "";
  switch (schema.type) {
    case "integer":
      return isIdName(spec.name) ? "" : `A whole number, such as ${example}.`;
    case "number":
      return `A number with decimals allowed, such as ${example}.`;
    case "array":
      if (schema.items?.type === "object")
        return `A JSON array of objects${fieldsOf(schema.items)}; checked against ServiceTitan's schema before sending.`;
      return `One value per row or separated by commas, such as ${example}.`;
    case "object":
      return `A JSON object${fieldsOf(schema)}; checked against ServiceTitan's schema before sending.`;
    default:
      if (schema.format === "duration") return `A time in hh:mm:ss, such as ${example}.`;
      if (["date-time", "date", "guid", "uuid", "binary"].includes(schema.format ?? "") || isIdListName(spec.name)) return "";
      return example && example !== "Example"
        ? `Text such as "${example}"${schema.maxLength ? `, at most ${schema.maxLength} characters` : ""}.`
        : "";
  }
};

/** Booleans say what true does, in our words: a flag on the record (body) or an option of the call (query). */
const BOOLEAN_PURPOSE: Record<string, string> = {
  includeTotal: "When true, the response also carries totalCount, the number of records matching the filters.",
  active: "When true, the record is active; when false, it is deactivated.",
  isActive: "When true, the record is active; when false, it is deactivated.",
  pinToTop: "When true, the note is pinned above the others; when false, it takes its place by date.",
  doNotMail: "When true, the address is marked so no marketing mail is sent to it; when false, mail is allowed.",
  doNotService: "When true, the record is flagged so office staff do not book work for it; when false, the flag is cleared.",
  taxExempt: "When true, the customer is not charged sales tax; when false, tax applies as usual.",
  noCharge: "When true, the item or job is marked as no charge to the customer; when false, it is billed normally.",
  allDay: "When true, the entry blocks the whole day and start and end times are ignored; when false, the times apply.",
  isFirstTimeClient: "When true, the request is flagged as coming from someone who has not been a customer before; when false, it is not.",
};
const booleanPurpose = (spec: FieldSpec): string => {
  if (spec.placement !== "query" && BOOLEAN_PURPOSE[spec.name]) return BOOLEAN_PURPOSE[spec.name];
  if (spec.name === "includeTotal") return BOOLEAN_PURPOSE.includeTotal;
  const what = humanize(spec.name);
  return spec.placement === "query"
    ? `When true, ${spec.name}=true is sent, turning on ServiceTitan's "${what}" option for this call; when false, ${spec.name}=false is sent.`
    : `When true, "${what}" is set on the record; when false, it is cleared.`;
};

export const commentsFor = (spec: FieldSpec, _required: boolean, label?: string, example?: string): string => {
  const isFlag = spec.schema.type === "boolean" && !spec.schema.enum?.length;
  const purpose = isFlag ? booleanPurpose(spec) : purposeFor(spec, label);
  if (isFlag) return purpose;
  const format = purpose ? "" : formatWithExample(spec, example ?? exampleFor(spec));
  const fact = format || typeFact(spec.schema, spec.name);
  return [purpose, fact].filter(Boolean).join(" ");
};

/** Examples for names that recur, where the type alone would only give "Example". */
const NAMED_EXAMPLES: Record<string, string> = {
  number: "10045",
  numbers: "10045,10046",
  refNumber: "REF-10045",
  billNumber: "BILL-2291",
  purchaseOrderNumber: "PO-5521",
  customerPo: "PO-5521",
  jobNumber: "10045",
  checkNumber: "4512",
  appliedToReferenceNumber: "10045",
  authCode: "A1B2C3",
  message: "Posted to the general ledger.",
  text: "Customer called to confirm the visit.",
  title: "Service Manager",
  titleContains: "Manager",
  externalId: "ext-10045",
  referenceId: "crm-10045",
  externalDataKey: "crmId",
  externalDataValues: "C-1001,C-1002",
  serialNumber: "SN-20481123",
  manufacturer: "Carrier",
  model: "24ACC636A003",
  barcodeId: "0123456789012",
  login: "jsmith",
  aadUserId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  code: "HVAC",
  class: "Service",
  medium: "Direct Mail",
  otherMedium: "Door hanger",
  otherSource: "Home show",
  source: "Website",
  dnis: "8005550142",
  bio: "HVAC technician with ten years in the field.",
  exportedBy: "Accounting sync",
  orderBy: "createdOn",
  zips: "91203,91204",
  cities: "Glendale,Burbank",
  uploadedImages: "https://example.com/photos/unit.jpg",
  skills: "HVAC",
  codes: "01-100",
  locationName: "Main Street Office",
  vendorName: "Ferguson Supply",
  skuName: "Capacitor 45/5 MFD",
  tagName: "VIP",
  inventoryWarehouseName: "Main Warehouse",
  inventoryLocationName: "Truck 12",
  itemGroupName: "HVAC Parts",
  year: "2026",
  month: "1",
  countOccurrences: "5",
  interval: "1",
  repeatInterval: "1",
  numberFrom: "1000",
  numberTo: "2000",
  batchNumber: "1001",
  fromHour: "8",
  toHour: "17",
  unitId: "TRUCK-12",
  region: "CA",
  postalCode: "91203",
  statusMessage: "Driving to the next job",
  account: "Service Income",
  costOfSaleAccount: "Cost of Goods Sold",
  assetAccount: "Inventory Asset",
  intacctGlGroupAccount: "Service Revenue",
  crossSaleGroup: "Water Heaters",
  budgetCostCode: "15-400",
  budgetCostType: "Material",
  unitOfMeasure: "Each",
  epaNumber: "432-1396",
  activeIngredients: "Bifenthrin 7.9%",
  searchText: "water heater",
  searchTerm: "Commercial",
  search: "friendly",
  fax: "512-555-0199",
  referenceNumber: "RMA-30412",
  vendorInvoiceNumber: "INV-88213",
  vendorPartNumber: "WH-50-NG",
  vendorDocumentNumber: "PS-55120",
  vendorQuickbooksItem: "Parts and Materials",
  requestNumber: "1042",
  syncStatuses: "Pending",
  image: "Images/Pricebook/water-heaters.jpg",
  skuImages: "Images/Pricebook/water-heater-50gal.jpg",
  skuVideos: "https://www.example.com/videos/water-heater-install.mp4",
  sort: "-CreatedOn",
  recommendedSolution: "Replace the cracked heat exchanger before the heating season.",
  projectLabel: "Office Renovation",
  externalPayrollId: "PR-4410",
  path: "Images/Pricebook/water-heater-50gal.jpg",
};

const EXAMPLE_JSON: Record<string, unknown> = {
  address: { street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" },
  home: { street: "88 Oak Ave", city: "Pasadena", state: "CA", zip: "91101", country: "USA" },
  // Patch Mode appears only where the schema has it (updates).
  externalData: {
    patchMode: "Merge",
    applicationGuid: "6b29fc40-ca47-1067-b31d-00dd010662da",
    externalData: [{ key: "crmId", value: "C-1001" }],
  },
};

/** A leaf value for a property of a JSON example, by name first and type second. */
const leafFor = (name: string, schema: SchemaNode): unknown => {
  if (schema.enum?.length) return schema.enum[0];
  const named = NAMED_EXAMPLES[name];
  if (schema.type === "integer")
    return named !== undefined && /^\d+$/.test(named) ? Number(named) : /(Hour|Minute)s?$/.test(name) ? 8 : 1234567;
  if (schema.type === "number") return /latitude/i.test(name) ? 34.0522 : /longitude/i.test(name) ? -118.2437 : 125.5;
  if (schema.type === "boolean") return true;
  if (schema.type === "string" || !schema.type) {
    if (schema.format === "date-time") return "2026-01-15T09:30:00Z";
    if (schema.format === "date") return "2026-01-15";
    if (schema.format === "guid" || schema.format === "uuid") return "6b29fc40-ca47-1067-b31d-00dd010662da";
    if (schema.format === "duration") return "02:00:00";
    if (named !== undefined) return named;
    return stringExample(name, schema);
  }
  return undefined;
};

const stringExample = (name: string, schema: SchemaNode): string => {
  if (NAMED_EXAMPLES[name] !== undefined) return NAMED_EXAMPLES[name];
  if (/colou?r/i.test(name) && schema.pattern?.includes("#")) return "#1E90FF";
  if (/email/i.test(name)) return "jane.smith@example.com";
  if (/phone/i.test(name)) return "555-201-3344";
  if (/zip/i.test(name)) return "90210";
  if (/url$/i.test(name)) return "https://example.com/files/photo.jpg";
  if (/street/i.test(name)) return "1200 Main St";
  if (/^unit$/i.test(name)) return "Suite 4";
  if (/city/i.test(name)) return "Glendale";
  if (/state/i.test(name)) return "CA";
  if (/country/i.test(name)) return "USA";
  if (/^name$|Name$/.test(name)) return "Jane Smith";
  if (/memo|summary|instructions|description|notes?/i.test(name)) return "Customer prefers a morning visit.";
  return "Example";
};

/** Like sampleOf, with name-aware leaf values so a JSON example reads like real data. */
const namedSample = (schema: SchemaNode | undefined, name: string, depth = 0): unknown => {
  if (!schema) return {};
  if (schema.type === "array") return depth > 2 ? [] : [namedSample(schema.items, name, depth + 1)];
  if (schema.type === "object") {
    if (depth > 3 || schema.recursive) return {};
    if (!schema.properties && schema.additionalProperties) return { "PO Reference": "PO-5521" };
    const out: Record<string, unknown> = {};
    const names = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 2);
    for (const n of names) {
      const prop = schema.properties?.[n];
      if (prop && !prop.readOnly) out[n] = namedSample(prop, n, depth + 1);
    }
    return out;
  }
  const leaf = leafFor(name, schema);
  return leaf === undefined ? sampleOf(schema, depth) : leaf;
};

export const exampleFor = (spec: FieldSpec): string => {
  const { schema, name } = spec;
  if (schema.enum?.length) return String(schema.enum[0]);
  if (EXAMPLE_JSON[name] && schema.type === "object") {
    // Our address, plus whatever else this schema requires (some address schemas require coordinates).
    const known = Object.fromEntries(
      Object.entries(EXAMPLE_JSON[name] as Record<string, unknown>).filter(([k]) => !schema.properties || k in schema.properties),
    );
    return JSON.stringify({ ...known, ...(namedSample(schema, name) as Record<string, unknown>), ...known });
  }
  switch (schema.type) {
    case "integer":
      if (isIdName(name) || (schema.format === "int64" && spec.placement === "path")) return "1234567";
      if (NAMED_EXAMPLES[name] && /^\d+$/.test(NAMED_EXAMPLES[name])) return NAMED_EXAMPLES[name];
      if (/page$/i.test(name)) return "1";
      return "10";
    case "number":
      return /latitude/i.test(name) ? "34.0522" : /longitude/i.test(name) ? "-118.2437" : "125.50";
    case "boolean":
      return "true";
    case "array":
      if (schema.items?.enum?.length) return String(schema.items.enum[0]);
      if (schema.items?.type === "integer" || isIdListName(name)) return "1234567";
      if (name === "customFields" && schema.items?.properties?.typeId)
        return JSON.stringify([{ typeId: 1234567, value: "Gate code 4411" }]);
      if (schema.items?.type === "object") return JSON.stringify(namedSample(schema, name));
      if (schema.items?.enum?.length) return String(schema.items.enum[0]);
      return NAMED_EXAMPLES[name] ?? "value";
    case "object":
      return JSON.stringify(namedSample(schema, name));
    default:
      if (isIdListName(name)) return "1234567,7654321";
      if (schema.format === "duration") return /start/i.test(name) ? "08:00:00" : "02:00:00";
      if (schema.format === "date-time") return "2026-01-15T09:30:00Z";
      if (schema.format === "date") return "2026-01-15";
      if (schema.format === "guid" || schema.format === "uuid") return "6B29FC40-CA47-1067-B31D-00DD010662DA";
      return stringExample(name, schema);
  }
};

/** A small valid sample of an object schema (required fields only, one level of nesting). */
export const sampleOf = (schema: SchemaNode | undefined, depth = 0): unknown => {
  if (!schema) return {};
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case "integer":
      return 1234567;
    case "number":
      return 10.5;
    case "boolean":
      return true;
    case "array":
      return depth > 2 ? [] : [sampleOf(schema.items, depth + 1)];
    case "object": {
      if (depth > 3 || schema.recursive) return {};
      const out: Record<string, unknown> = {};
      const names = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 2);
      for (const n of names) {
        const prop = schema.properties?.[n];
        if (prop && !prop.readOnly) out[n] = sampleOf(prop, depth + 1);
      }
      return out;
    }
    default:
      if (schema.format === "date-time") return "2026-01-15T09:30:00Z";
      if (schema.format === "date") return "2026-01-15";
      if (schema.format === "guid" || schema.format === "uuid") return "6b29fc40-ca47-1067-b31d-00dd010662da";
      // ServiceTitan marks .NET TimeSpan values ("09:00:00") as format "duration".
      if (schema.format === "duration") return "02:00:00";
      if (schema.pattern?.includes("#") && schema.pattern.includes("A-F")) return "#1E90FF";
      return "Example";
  }
};

/** Definitions are assembled from parts here, so the literal-type checks of `input()` do not apply. */
const def = (definition: Record<string, unknown>): InputFieldDefinition => definition as unknown as InputFieldDefinition;

const TRI_STATE = [
  { label: "(not set)", value: "" },
  { label: "True", value: "true" },
  { label: "False", value: "false" },
];

/** A dropdown's choices for enum values: our label where curated words give one, else the value humanised. */
const enumModel = (values: Array<string | number>, labels?: Readonly<Record<string, string>>) =>
  values.map((v) => ({ label: labels?.[String(v)] ?? humanize(String(v)), value: String(v) }));

/**
 * A field closed by curated words (a value set the contract gives only in prose): built exactly as if the
 * contract gave the values as its enum, with the curated labels; several values go out comma-separated.
 */
const withCuratedEnum = (spec: FieldSpec, label: string, overrides: InputOverrides & { enum: NonNullable<InputOverrides["enum"]> }): BuiltInput => {
  const { enum: closed, ...rest } = overrides;
  const values = Object.keys(closed.values);
  const schema: SchemaNode = closed.several
    ? { type: "array", items: { type: "string", enum: values } }
    : { ...spec.schema, type: "string", enum: values };
  const built = inputFromSpec({ ...spec, schema }, label, { ...rest, choices: closed.values });
  return closed.several ? { ...built, wire: "commaList" } : built;
};

/** Builds the input for one contract field. */
export const inputFromSpec = (spec: FieldSpec, label: string, overrides: InputOverrides = {}): BuiltInput => {
  if (overrides.enum) return withCuratedEnum(spec, label, { ...overrides, enum: overrides.enum });
  const required = overrides.required ?? spec.required;
  const { schema, name } = spec;
  const base = {
    label: overrides.label ?? label,
    required,
    comments: overrides.comments ?? commentsFor(spec, required, overrides.label ?? label, overrides.example),
    example: overrides.example ?? exampleFor(spec),
    ...(overrides.placeholder ? { placeholder: overrides.placeholder } : {}),
    ...(overrides.dataSource ? { dataSource: overrides.dataSource } : {}),
    ...(overrides.default !== undefined ? { default: overrides.default } : {}),
  };
  const lbl = base.label;
  const opts = { required };

  if (schema.enum?.length && schema.type !== "array") {
    const model = enumModel(schema.enum, overrides.choices);
    return {
      definition: def({
        ...base,
        type: "string",
        model: required ? model : [{ label: "(not set)", value: "" }, ...model],
        clean: (v: unknown) => {
          const hit = cleanEnum(lbl, schema.enum as Array<string | number>, opts)(v);
          return schema.type === "integer" && hit !== undefined ? Number(hit) : hit;
        },
      }),
      wire: "scalar",
    };
  }
  switch (schema.type) {
    case "integer":
      if (isIdName(name) || (schema.format === "int64" && spec.placement === "path")) {
        return { definition: def({ ...base, type: "string", clean: cleanId(lbl, opts) }), wire: "scalar" };
      }
      return {
        definition: def({ ...base, type: "string", clean: cleanInteger(lbl, { ...opts, min: schema.minimum, max: schema.maximum }) }),
        wire: "scalar",
      };
    case "number":
      return {
        definition: def({ ...base, type: "string", clean: cleanNumber(lbl, { ...opts, min: schema.minimum, max: schema.maximum }) }),
        wire: "scalar",
      };
    case "boolean":
      return {
        definition: def({ ...base, type: "string", model: required ? TRI_STATE.slice(1) : TRI_STATE, clean: cleanBoolean(lbl, opts) }),
        wire: "scalar",
      };
    case "array": {
      const items = schema.items ?? {};
      if (items.type === "integer" && items.enum?.length) {
        // A list of coded values (0, 1, 2 …), not of IDs: only the documented codes, sent as numbers.
        const codes = cleanStringList(lbl, { ...opts, enum: items.enum });
        return {
          definition: def({
            ...base,
            type: "string",
            collection: "valuelist",
            model: enumModel(items.enum, overrides.choices),
            clean: (v: unknown) => codes(v)?.map(Number),
          }),
          wire: "array",
        };
      }
      if (items.type === "integer") {
        return { definition: def({ ...base, type: "string", collection: "valuelist", clean: cleanIdList(lbl, opts) }), wire: "array" };
      }
      if (items.type === "object" || items.type === "array" || !items.type) {
        return {
          definition: def({ ...base, type: "code", language: "json", clean: cleanJson(lbl, { ...opts, schema, expect: "array" }) }),
          wire: "json",
        };
      }
      // A list of enum values is a list of dropdowns: each row offers the values (no "(not set)": an empty list is unset).
      return {
        definition: def({
          ...base,
          type: "string",
          collection: "valuelist",
          ...(items.enum?.length ? { model: enumModel(items.enum, overrides.choices) } : {}),
          clean: cleanStringList(lbl, { ...opts, enum: items.enum }),
        }),
        wire: "array",
      };
    }
    case "object":
      return {
        definition: def({ ...base, type: "code", language: "json", clean: cleanJson(lbl, { ...opts, schema, expect: "object" }) }),
        wire: "json",
      };
    default: {
      if (spec.placement !== "body" && isIdListName(name)) {
        return { definition: def({ ...base, type: "string", collection: "valuelist", clean: cleanIdList(lbl, opts) }), wire: "commaList" };
      }
      if (schema.format === "date-time")
        return { definition: def({ ...base, type: "string", clean: cleanLocalDateTime(lbl, opts) }), wire: "scalar" };
      if (schema.format === "date") return { definition: def({ ...base, type: "string", clean: cleanDate(lbl, opts) }), wire: "scalar" };
      if (schema.format === "binary") {
        return {
          definition: def({
            ...base,
            type: "data",
            clean: (v: unknown) => (v === undefined || v === null || v === "" ? (required ? cleanString(lbl, opts)(v) : undefined) : v),
          }),
          wire: "scalar",
        };
      }
      const guid = schema.format === "guid" || schema.format === "uuid";
      const type = LONG_TEXT.test(name) && spec.placement === "body" ? "text" : "string";
      return {
        definition: def({
          ...base,
          type,
          clean: cleanString(lbl, {
            ...opts,
            minLength: schema.minLength,
            maxLength: schema.maxLength,
            ...(guid
              ? {
                  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
                  patternHint: "a GUID such as 6B29FC40-CA47-1067-B31D-00DD010662DA",
                }
              : {}),
            ...(!guid && schema.pattern
              ? { pattern: new RegExp(schema.pattern), patternHint: `text matching ${schema.pattern}, such as ${exampleFor(spec)}` }
              : {}),
          }),
        }),
        wire: "scalar",
      };
    }
  }
};

/** Label for a field: humanised name, e.g. "tagTypeIds" → "Tag Type IDs". */
export const labelForField = (name: string): string => humanize(name);

/** Input key for a path parameter: "id" after "/customers" → "customerId". */
export const pathParamKey = (path: string, name: string): string => {
  if (name !== "id") return camel(words(name));
  const segments = path.split("/");
  const at = segments.indexOf(`{${name}}`);
  const owner = segments[at - 1] ?? "record";
  const ws = words(owner);
  const last = ws.length ? ws[ws.length - 1] : "record";
  const noun = [...ws.slice(0, -1), singular(last)];
  return `${camel(noun)}Id`;
};
