/**
 * Curated words for ServiceTitan CRM (module "crm"), one entry per operation keyed by operationId.
 * Bookings, customers, locations and their contacts keep the action and input keys of the earlier
 * component (seed parity, test/seed); leads, contacts (v2) and the filters builders use to find customers
 * and locations before creating them get our labels and comments; Create Booking by Provider checks
 * ServiceTitan's booking rule before sending.
 */
import { InputError } from "../../core/errors";
import type { InputWords, ModuleCuration } from "./types";
import {
  ADDRESS,
  addressGroup,
  CONTACT_TYPE,
  CONTACTS,
  contactItem,
  CUSTOM_FIELDS,
  CUSTOMER_TYPE,
  closed,
  DATE_TIME,
  EXTERNAL_DATA,
  field,
  id,
  ids,
  list,
} from "./words";

/** An input's label, our comment in place of the generated one, and an example. */
const f = (label: string, comments: string, example?: string, extra: Partial<InputWords> = {}): InputWords => ({
  label,
  comments: { replace: comments },
  ...(example !== undefined ? { example } : {}),
  ...extra,
});

const tri = (what: string) => `${what} Empty: no filter.`;

const ADDRESS_FILTERS: Record<string, InputWords> = {
  "query.street": f(
    "Street Contains",
    'Only records whose street contains this text (case-insensitive), such as a house number or street name. ServiceTitan compares text as stored: "St" does not find "Street" — use Find or Create Customer for spelling-tolerant matching.',
    "1200 Main",
  ),
  "query.unit": f("Unit Contains", "Only records whose unit contains this text.", "4"),
  "query.city": f("City", "Only records in this city.", "Glendale"),
  "query.state": f("State", "Only records in this state or province.", "CA"),
  "query.zip": f("ZIP / Postal Code", "Only records with this ZIP or postal code.", "91203"),
  "query.country": f("Country", "Only records in this country.", "USA"),
  "query.latitude": f(
    "Latitude",
    "Only records at exactly this latitude (decimal degrees). For a radius search use Validate Location Address.",
    "34.1425",
  ),
  "query.longitude": f("Longitude", "Only records at exactly this longitude (decimal degrees).", "-118.2551"),
};

const LEAD_TEXT: Record<string, InputWords> = {
  "body.leadCustomerName": f("Lead Name", "Name of the person or business, for a lead not yet tied to a customer record.", "Jane Smith"),
  "body.leadPhone": f("Lead Phone", "Phone number of a lead without a customer record.", "555-201-3344"),
  "body.leadEmail": f("Lead Email", "Email address of a lead without a customer record.", "jane.smith@example.com"),
  "body.leadStreet": f("Lead Street", "Street of the lead's address.", "1200 Main St"),
  "body.leadUnit": f("Lead Unit", "Unit of the lead's address.", "Apt 4"),
  "body.leadCity": f("Lead City", "City of the lead's address.", "Glendale"),
  "body.leadState": f("Lead State", "State of the lead's address.", "CA"),
  "body.leadZip": f("Lead ZIP", "ZIP or postal code of the lead's address.", "91203"),
  "body.leadCountry": f("Lead Country", "Country of the lead's address.", "USA"),
};

const NOTE_TEXT = f("Note Text", "The note's text, shown on the record's notes tab.", "Called back; customer wants a quote next week.");
const PIN = f("Pin to Top", "When true, the note is pinned above the others.", "false");
const CONTACT_GUID = f(
  "Contact ID",
  "GUID of the contact (v2 contacts API), as returned by Create Contact or List Contacts.",
  "5a4d0000-0000-4000-8000-0000000003e8",
);
const METHOD_GUID = f(
  "Contact Method ID",
  "GUID of the contact method, as returned by Create Contact Method or List Contact Methods.",
  "5a4d0000-0000-4000-8000-0000000003e9",
);
const TYPE_SLUG = f(
  "Relationship Type",
  "What the contact is related to: customer, location, booking, job or lead (lower case, as ServiceTitan's type slug).",
  "customer",
);
const RELATED_ID = f("Related Record ID", "ID of the customer, location or other record the contact is related to.", "1234567");
const PREFERENCE = f(
  "Preference Name",
  "Name of the preference, as listed by List Contact Preference Metadata (for example jobReminders or marketingUpdates).",
  "marketingUpdates",
);

/**
 * ServiceTitan's rule for bookings: a name, and either an address or a way to reach the person (a phone
 * number or an email). Checked before sending so the message names what is missing.
 */
export const checkBookingHasContactRoute = (params: Record<string, unknown>): void => {
  const name = typeof params.name === "string" ? params.name.trim() : "";
  const address = params.address;
  const hasAddress = typeof address === "object" && address !== null && Object.keys(address).length > 0;
  const contacts = Array.isArray(params.contacts) ? (params.contacts as Array<{ type?: unknown; value?: unknown }>) : [];
  const reachable = contacts.some(
    (c) => c && ["Phone", "MobilePhone", "Email"].includes(String(c.type)) && typeof c.value === "string" && c.value.trim() !== "",
  );
  const missing: string[] = [];
  if (!name) missing.push("Name");
  if (!hasAddress && !reachable) missing.push("Booking Address, or a Phone, Mobile Phone or Email (in their inputs or as entries of Additional Contacts (JSON))");
  if (missing.length) {
    throw new InputError(
      `Create Booking by Provider: a booking needs a name and either an address or a phone number or email. Missing: ${missing.join("; ")}.`,
    );
  }
};

/** A booking contact's kind is free text in the contract; the tenant's contact kinds are what fits. */
const BOOKING_CONTACT_TYPE = "Kind of contact; it says how Value is read (a phone number or an email address).";
/** Contact methods filtered by kind. */
const CONTACT_METHOD_TYPE = f("Contact Method Type", "Only contact methods of this kind.", "MobilePhone", closed(CONTACT_TYPE));

// ---- structured inputs: what builders fill most, without JSON (src/inputs/structured.ts) ------------------------

const ADDRESS_PARTS = "street, unit, city, state, ZIP and country; all but the unit go together";
const OVERRIDES = (jsonLabel: string) => `Fields filled here replace the same fields of ${jsonLabel}.`;

/** An address JSON input kept for mapped values, next to its structured fields. */
const addressJson = (label: string, structuredLabel: string, extra = "") =>
  field("address", label, ADDRESS, {
    comments: {
      replace: `The address as one JSON object {street, unit, city, state, zip, country}, for an address mapped from another step; to type it, use ${structuredLabel}.${extra}`,
    },
  });

/** A contact list's JSON input, kept for the entries beyond the plain Phone, Mobile Phone and Email inputs. */
const contactsJson = field("contacts", "Additional Contacts (JSON)", CONTACTS, {
  comments: {
    replace:
      "Further phone numbers and emails as a JSON list, one {type, value, memo} entry each (type Phone, MobilePhone, Email or Fax); they are sent after Phone, Mobile Phone and Email.",
  },
});

/** Phone, Mobile Phone and Email of the record the action creates, each one more contact entry. */
const contactInputs = (whose: string, into = "contacts[]") => ({
  phone: contactItem(into, "Phone", "Phone", `${whose} phone number, stored as a Phone contact.`, "555-201-3344"),
  mobilePhone: contactItem(into, "MobilePhone", "Mobile Phone", `${whose} mobile number, stored as a MobilePhone contact (ServiceTitan can text it).`, "555-201-7788"),
  email: contactItem(into, "Email", "Email", `${whose} email address, stored as an Email contact.`, "jane.smith@example.com"),
});

export const curation: ModuleCuration = {
  // ---- bookings ------------------------------------------------------------------------------------------------
  Bookings_Create: {
    key: "createBookingByProvider",
    label: "Create Booking by Provider",
    inputs: {
      "path.booking_provider": id("bookingProvider", "Booking Provider"),
      "body.source": field("source", "Source", "Website chat"),
      "body.name": field("name", "Name", "Jane Smith"),
      "body.summary": field("summary", "Summary", "AC not cooling; customer home after 2pm."),
      "body.isFirstTimeClient": field("isFirstTimeClient", "Is First Time Client", "true"),
      "body.externalId": field("externalId", "External ID", "chat-88213"),
      "body.address": addressJson("Booking Address (JSON)", "Booking Address"),
      "body.contacts": contactsJson,
      "body.customerType": field("customerType", "Customer Type", "Residential", closed(CUSTOMER_TYPE)),
      "body.start": field("start", "Start", DATE_TIME),
      "body.campaignId": id("campaignId", "Campaign ID"),
      "body.businessUnitId": id("businessUnitId", "Business Unit ID"),
      "body.jobTypeId": id("jobTypeId", "Job Type ID"),
      "body.priority": field("priority", "Priority", "Normal"),
      "body.uploadedImages": field("uploadedImages", "Uploaded Images", "https://example.com/photos/unit.jpg"),
      "body.isSendConfirmationEmail": field("isSendConfirmationEmail", "Send Confirmation Email", "false"),
    },
    description:
      "Creates a booking for the Calls screen through a booking provider (POST /booking-provider/{booking_provider}/bookings, scope tn.crm.bookings:w). A name and either an address or a phone number/email are required, checked before sending; Job Type, Business Unit and Campaign prefill the CSR's form (with job types mapped to business units, send a matching pair).",
    validate: checkBookingHasContactRoute,
    structured: {
      bookingAddress: addressGroup(
        "address",
        "Booking Address",
        `Where the customer wants the work done: ${ADDRESS_PARTS}. ${OVERRIDES("Booking Address (JSON)")}`,
      ),
      ...contactInputs("The caller's"),
    },
  },
  Bookings_GetForProvider: {
    key: "getBookingByProvider",
    label: "Get Booking by Provider",
    inputs: { "path.booking_provider": id("bookingProvider", "Booking Provider"), "path.id": id("bookingId", "Booking ID") },
  },
  Bookings_Get: { key: "getBookingByTenant", label: "Get Booking by Tenant", inputs: { "path.id": id("bookingId", "Booking ID") } },
  Bookings_GetList2: list("listBookingByProvider", "List Bookings by Provider", {
    "path.booking_provider": id("bookingProvider", "Booking Provider"),
  }),
  Bookings_GetList: list("listBookingByTenant", "List Bookings by Tenant"),
  Bookings_Update: {
    key: "updateBooking",
    label: "Update Booking",
    inputs: {
      "path.booking_provider": id("bookingProvider", "Booking Provider"),
      "path.id": id("bookingId", "Booking ID"),
      "body.address": addressJson("Booking Address (JSON)", "Booking Address"),
      "body.isFirstTimeClient": field("isFirstTimeClient", "Is First Time Client", "false"),
    },
    structured: {
      bookingAddress: addressGroup(
        "address",
        "Booking Address",
        `The booking's new address: street, unit, city, state, ZIP and country, all six together (ServiceTitan replaces the whole address). ${OVERRIDES("Booking Address (JSON)")}`,
      ),
    },
  },
  Bookings_GetContactList2: { key: "listBookingContactsByProvider", label: "List Booking Contacts by Provider" },
  Bookings_CreateContact: {
    inputs: { "body.type": { comments: { replace: BOOKING_CONTACT_TYPE }, example: "MobilePhone", ...closed(CONTACT_TYPE) } },
  },

  // ---- bulk tags -----------------------------------------------------------------------------------------------
  BulkTags_AddTags: {
    label: "Add Tags to Customers (Bulk)",
    inputs: {
      "body.customerIds": f("Customer IDs", "Customers to tag: one ID per row, or separated by commas.", "1234567"),
      "body.tagTypeIds": f("Tag Type IDs", "Tag types to add to every listed customer.", "1234567"),
    },
  },
  BulkTags_RemoveTags: {
    label: "Remove Tags from Customers (Bulk)",
    inputs: {
      "body.customerIds": f("Customer IDs", "Customers to untag: one ID per row, or separated by commas.", "1234567"),
      "body.tagTypeIds": f("Tag Type IDs", "Tag types to remove from every listed customer.", "1234567"),
    },
  },

  // ---- contact methods -----------------------------------------------------------------------------------------
  ContactMethods_GetContactMethods: { inputs: { "path.contactId": CONTACT_GUID, "query.type": CONTACT_METHOD_TYPE } },
  ContactMethods_CreateContactMethod: {
    inputs: {
      "path.contactId": CONTACT_GUID,
      "body.type": f("Contact Method Type", "Phone, MobilePhone, Email or Fax.", "MobilePhone"),
      "body.value": f("Value", "The phone number or email address.", "555-201-3344"),
    },
  },
  ContactMethods_GetContactMethod: { inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID } },
  ContactMethods_UpdateContactMethod: { inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID } },
  ContactMethods_UpsertContactMethod: {
    label: "Create or Replace Contact Method",
    inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID },
  },
  ContactMethods_DeleteContactMethod: { inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID } },

  // ---- contact preferences -------------------------------------------------------------------------------------
  ContactPreferences_GetContactMethodPreferences: { inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID } },
  ContactPreferences_GetContactMethodPreference: {
    inputs: { "path.contactId": CONTACT_GUID, "path.contactMethodId": METHOD_GUID, "path.preferenceName": PREFERENCE },
  },
  ContactPreferences_UpdateContactMethodPreference: {
    inputs: {
      "path.contactId": CONTACT_GUID,
      "path.contactMethodId": METHOD_GUID,
      "path.preferenceName": PREFERENCE,
      "body.value": f("Value", "The new value; true or false for yes/no preferences.", "false"),
    },
  },

  // ---- contacts ------------------------------------------------------------------------------------------------
  Contacts_GetPreferenceMetadataList: {
    label: "List Contact Preference Types",
    description:
      "Lists the communication preferences ServiceTitan can store for a contact method (such as job reminders or marketing updates), with each one's name and data type. Use the names with Get or Update Contact Method Preference. Calls GET /contacts/preferences (scope tn.crm.contacts:r).",
  },
  Contacts_Create: {
    label: "Create Contact",
    inputs: {
      "body.name": f("Name", "The person's name.", "Jane Smith"),
      "body.title": f("Title", "Job title or role, such as Property Manager.", "Property Manager"),
      "body.referenceId": f(
        "Reference ID",
        "Your own ID for this contact (for example from your CRM), to find it again with List Contacts.",
        "crm-4411",
      ),
    },
  },
  Contacts_SearchContactMethods: { inputs: { "query.type": CONTACT_METHOD_TYPE } },
  Contacts_Get: { inputs: { "path.id": CONTACT_GUID } },
  Contacts_Update: { inputs: { "path.id": CONTACT_GUID } },
  Contacts_Replace: { inputs: { "path.id": CONTACT_GUID } },
  Contacts_DeleteContact: { inputs: { "path.id": CONTACT_GUID } },
  Contacts_GetContactRelationshipList: { inputs: { "path.contactId": CONTACT_GUID } },
  Contacts_CreateContactRelationship: {
    label: "Create Contact Relationship",
    inputs: { "path.contactId": CONTACT_GUID, "path.relatedEntityId": RELATED_ID, "path.typeSlug": TYPE_SLUG },
  },
  Contacts_DeleteContactRelationship: {
    label: "Delete Contact Relationship",
    inputs: { "path.contactId": CONTACT_GUID, "path.relatedEntityId": RELATED_ID, "path.typeSlug": TYPE_SLUG },
  },
  Contacts_GetByRelationshipId: {
    label: "List Contacts of a Record",
    inputs: {
      "path.relationshipId": f(
        "Related Record ID",
        "ID of the customer, location or other record whose related contacts are listed.",
        "1234567",
      ),
    },
  },

  // ---- customers -----------------------------------------------------------------------------------------------
  Customers_CreateContact: {
    key: "createCustomerContact",
    label: "Create Customer Contact",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "body.type": field("type", "Customer Contact Type", "MobilePhone"),
      "body.value": field("value", "Contact Value", "555-201-3344"),
      "body.memo": field("memo", "Memo", "Owner's mobile"),
    },
  },
  Customers_UpdateContact: {
    key: "updateCustomerContact",
    label: "Update Customer Contact",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "path.contactId": id("customerContactId", "Customer Contact ID"),
      "body.type": field("type", "Customer Contact Type", "Email"),
      "body.value": field("value", "Contact Value", "jane.smith@example.com"),
      "body.memo": field("memo", "Memo", "Billing questions"),
    },
  },
  Customers_DeleteContact: {
    key: "deletCustomersContact",
    label: "Delete Customer Contact",
    inputs: { "path.id": id("customerId", "Customer ID"), "path.contactId": id("customerContactId", "Customer Contact ID") },
  },
  Customers_GetContactList: list("listCustomersContact", "List Customer Contacts", { "path.id": id("customerId", "Customer ID") }),
  Customers_Create: {
    key: "createCustomer",
    label: "Create Customer",
    inputs: {
      "body.name": field("name", "Name", "Jane Smith"),
      "body.address": addressJson("Customer Address (JSON)", "Customer Address", " With both empty, the first location's address is sent."),
      "body.locations": field(
        "locations",
        "Additional Locations (JSON)",
        JSON.stringify([{ name: "Lake House", address: JSON.parse(ADDRESS), contacts: [{ type: "Phone", value: "555-201-3344" }] }]),
        {
          comments: {
            replace:
              "Further service locations as a JSON list, one {name, address, contacts} entry each; they are created after the first location (Location Name, Location Address). Needed only when the first location is left empty.",
          },
        },
      ),
      "body.contacts": contactsJson,
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.doNotMail": field("doNotMail", "Do Not Mail", "false"),
      "body.doNotService": field("doNotService", "Do Not Service", "false"),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
      "body.type": field("type", "Customer Type", "Residential"),
    },
    structured: {
      locationName: {
        into: "locations[0].name",
        label: "Location Name",
        comments: "Name of the customer's first service location, as office staff see it, such as Home or Main Street Office.",
        example: "Home",
      },
      locationAddress: addressGroup("locations[0].address", "Location Address", `Where the work happens at the first location: ${ADDRESS_PARTS}.`),
      locationPhone: contactItem("locations[0].contacts[]", "Phone", "Location Phone", "Phone number at the first location, stored as its Phone contact.", "555-201-9000"),
      locationEmail: contactItem("locations[0].contacts[]", "Email", "Location Email", "Email address for the first location, stored as its Email contact.", "home@example.com"),
      customerAddress: {
        ...addressGroup(
          "address",
          "Customer Address",
          `The customer's billing address: ${ADDRESS_PARTS}. Empty, with Customer Address (JSON) empty too: the first location's address. ${OVERRIDES("Customer Address (JSON)")}`,
        ),
        sameAs: "locationAddress",
      },
      ...contactInputs("The customer's"),
    },
  },
  Customers_Update: {
    key: "updateCustomer",
    label: "Update Customer",
    inputs: {
      "path.id": id("customerId", "Customer ID"),
      "body.name": field("name", "Name", "Jane Smith"),
      "body.type": field("type", "Customer Type", "Commercial"),
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
  },
  Customers_Get: { key: "getCustomer", label: "Get Customer", inputs: { "path.id": id("customerId", "Customer ID") } },
  Customers_CreateTag: { label: "Add Tag to Customer" },
  Customers_DeleteTag: { label: "Remove Tag from Customer" },
  Customers_GetModifiedContactsList: {
    label: "List Contacts Across Customers",
    description:
      "Lists the contact entries (phone numbers, emails) of many customers at once from ServiceTitan CRM, filtered by customer or by when they were created or changed; handy for syncing contact changes. Returns one page (Page, Page Size), or every matching entry with Fetch All. Calls GET /customers/contacts (scope tn.crm.customers:r).",
  },
  Customers_GetList: list("listCustomers", "List Customers", {
    "query.name": f("Name Contains", "Only customers whose name contains this text (case-insensitive).", "Smith"),
    "query.phone": f("Phone", "Only customers with a contact phone number matching this one.", "5552013344"),
    ...ADDRESS_FILTERS,
  }),
  Customers_GetCustomFieldTypes: { label: "List Customer Custom Field Types" },
  Customers_GetNotes: { label: "List Customer Notes" },
  Customers_CreateNote: {
    label: "Create Customer Note",
    inputs: {
      "body.text": NOTE_TEXT,
      "body.pinToTop": PIN,
      "body.addToLocations": f("Add to Locations", "When true, the note is also added to each of the customer's locations.", "false"),
    },
  },

  // ---- leads ---------------------------------------------------------------------------------------------------
  Leads_GetList: {
    label: "List Leads",
    inputs: {
      "query.status": f(
        "Lead Status",
        "Only leads in this status. Open: still to be followed up. Dismissed: no further follow-up. Converted: the lead was won — a job was booked from it (ServiceTitan's screens call this Won). Empty: every status.",
        "Open",
      ),
      "query.withoutCustomer": f(
        "Only Leads Without Customer or Location",
        tri(
          "When true, only leads with no customer or no location record attached yet (for example web-form leads to match or create); when false, only leads that have both.",
        ),
        "true",
      ),
      "query.isProspect": f(
        "Only Prospects",
        tri(
          "When true, only leads with no customer, or whose customer has no job yet; when false, only leads of customers who already have a job.",
        ),
        "true",
      ),
      "query.customerId": f("Customer ID", "Only leads of this customer.", "1234567"),
      "query.customerCity": f("Customer City", "Only leads whose customer's address is in this city.", "Glendale"),
      "query.customerState": f("Customer State", "Only leads whose customer's address is in this state.", "CA"),
      "query.customerZip": f("Customer ZIP", "Only leads whose customer's address has this ZIP.", "91203"),
      "query.customerCreatedOnOrAfter": f(
        "Customer Created On or After",
        "Only leads whose customer record was created at or after this moment (UTC).",
        "2026-01-01T00:00:00Z",
      ),
      "query.customerCreatedBefore": f(
        "Customer Created Before",
        "Only leads whose customer record was created before this moment (UTC).",
        "2026-02-01T00:00:00Z",
      ),
      "query.customerModifiedOnOrAfter": f(
        "Customer Modified On or After",
        "Only leads whose customer record changed at or after this moment (UTC).",
        "2026-01-01T00:00:00Z",
      ),
      "query.leadCustomerName": f("Lead Name Contains", "Only leads whose name contains this text.", "Smith"),
      "query.leadPhone": f("Lead Phone", "Only leads with this phone number.", "555-201-3344"),
      "query.isCaptureSourceForm": f(
        "Only Web Form Leads",
        tri("When true, only leads captured by a lead form (Submit Lead Form); when false, only the others."),
        "true",
      ),
      "query.genPermUrl": f(
        "Include Permanent Lead URL",
        "When true, each lead carries a permanent link to it in ServiceTitan (leadUrl).",
        "false",
      ),
    },
  },
  Leads_Get: { label: "Get Lead" },
  Leads_Create: {
    label: "Create Lead",
    inputs: {
      "body.campaignId": f("Campaign ID", "The marketing campaign the lead came from.", "1234567"),
      "body.summary": f("Summary", "What the person asked for, as office staff will read it.", "Wants a quote for a new water heater."),
      "body.customerId": f(
        "Customer ID",
        "Customer the lead belongs to; leave empty for someone not yet in ServiceTitan (then fill the Lead Name, Phone, Email and address fields).",
        "1234567",
      ),
      "body.locationId": f("Location ID", "Service location of the lead; it must belong to the customer.", "1234567"),
      "body.callReasonId": f("Call Reason ID", "Why the inquiry did not become a job (a call reason marked as lead).", "1234567"),
      "body.followUpDate": f("Next Follow-Up Date", "When someone in the office should reach back out (UTC).", "2026-01-20T16:00:00Z"),
      "body.bookingId": f("Booking ID", "The booking the lead was created from, if any.", "1234567"),
      ...LEAD_TEXT,
    },
  },
  Leads_Update: { label: "Update Lead", inputs: { ...LEAD_TEXT } },
  Leads_SubmitLeadForm: {
    label: "Submit Lead Form",
    inputs: {
      "query.id": f(
        "Existing Lead ID",
        "Optional: the lead this form submission updates; empty creates a new lead from the form.",
        "1234567",
      ),
      "body.name": f("Name", "Name of the person who filled in the form.", "Jane Smith"),
      "body.email": f("Email", "Email address from the form.", "jane.smith@example.com"),
      "body.phoneNumber": f("Phone Number", "Phone number from the form.", "555-201-3344"),
      "body.summary": f("Summary", "What the person asked for.", "Furnace makes a rattling noise."),
    },
  },
  Leads_CreateFollowUp: {
    label: "Set Lead Follow-Up",
    description:
      "Sets the next follow-up date of an open lead and, optionally, logs a note about this follow-up (POST /leads/{id}/follow-up, scope tn.crm.leads:w).",
    inputs: {
      "body.followUpDate": f("Next Follow-Up Date", "When someone should reach back out next (UTC).", "2026-01-22T16:00:00Z"),
      "body.text": f("Follow-Up Note", "Optional note logged with this follow-up.", "Left a voicemail; try again Thursday."),
      "body.pinToTop": PIN,
    },
  },
  Leads_Dismiss: {
    label: "Dismiss Lead",
    inputs: {
      "body.dismissingReasonId": f(
        "Dismissal Reason ID",
        "ID of the call reason explaining why the lead needs no further follow-up (Settings → Call Reasons).",
        "1234567",
      ),
    },
  },
  Leads_GetNotes: { label: "List Lead Notes" },
  Leads_CreateNote: { label: "Create Lead Note", inputs: { "body.text": NOTE_TEXT, "body.pinToTop": PIN } },

  // ---- locations -----------------------------------------------------------------------------------------------
  Locations_Create: {
    key: "createLocation",
    label: "Create Location",
    inputs: {
      "body.name": field("name", "Name", "Main Street Office"),
      "body.address": addressJson("Location Address (JSON)", "Location Address", " One of the two is needed."),
      "body.customerId": id("customerId", "Customer ID"),
      "body.contacts": contactsJson,
      "body.customFields": field("customFields", "Custom Fields", CUSTOM_FIELDS),
      "body.externalData": field("externalData", "External Data", EXTERNAL_DATA),
      "body.tagTypeIds": ids("tagTypeIds", "Tag Type IDs"),
    },
    structured: {
      locationAddress: addressGroup("address", "Location Address", `Where the work happens: ${ADDRESS_PARTS}. ${OVERRIDES("Location Address (JSON)")}`),
      ...contactInputs("The location's"),
    },
  },
  Locations_Update: {
    key: "updateLocation",
    label: "Update Location",
    inputs: {
      "path.id": id("locationId", "Location ID"),
      "body.name": field("name", "Name", "Main Street Office"),
      "body.address": field("address", "Address", JSON.stringify({ ...JSON.parse(ADDRESS), latitude: 34.1425, longitude: -118.2551 })),
      "body.customFields": f(
        "Custom Fields",
        "Custom field values to set, as a JSON list of { typeId, value }; type IDs come from List Location Custom Field Types. Fields not listed keep their values.",
        JSON.stringify([{ typeId: 1234567, value: "4411" }]),
      ),
    },
  },
  Locations_Get: { key: "getLocation", label: "Get Location", inputs: { "path.id": id("locationId", "Location ID") } },
  Locations_CreateTag: { label: "Add Tag to Location" },
  Locations_DeleteTag: { label: "Remove Tag from Location" },
  Locations_UpdatePreferredTechnician: {
    label: "Set Location Preferred Technician",
    inputs: {
      "path.preferredTechnicianId": {
        comments: { replace: "The technician to prefer for work at this location (see List Technicians), by ID." },
        example: "1234567",
      },
    },
  },
  Locations_GetLocationsContactsList: {
    label: "List Contacts Across Locations",
    description:
      "Lists the contact entries (phone numbers, emails) of many locations at once from ServiceTitan CRM, filtered by location or by when they were created or changed. Returns one page (Page, Page Size), or every matching entry with Fetch All. Calls GET /locations/contacts (scope tn.crm.locations:r).",
  },
  Locations_GetList: list("listLocations", "List Locations", {
    "query.name": f("Name Contains", "Only locations whose name contains this text (case-insensitive).", "Smith"),
    "query.customerId": f("Customer ID", "Only locations of this customer.", "1234567"),
    ...ADDRESS_FILTERS,
  }),
  Locations_GetCustomFieldTypes: { label: "List Location Custom Field Types" },
  Locations_GetNotes: { label: "List Location Notes" },
  Locations_CreateNote: {
    label: "Create Location Note",
    inputs: {
      "body.text": NOTE_TEXT,
      "body.pinToTop": PIN,
      "body.addToCustomer": f("Add to Customer", "When true, the note is also added to the location's customer.", "false"),
    },
  },
};
