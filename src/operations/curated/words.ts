/**
 * Small builders and example values shared by the modules' curated files, so each entry reads as a
 * table row. Nothing here names an operation.
 */
import { InputError } from "../../core/errors";
import type { InputWords } from "./types";

/** An ID input, or a list of IDs, under the key integrations use (the contract decides which). */
export const id = (key: string, label: string, example = "1234567"): InputWords => ({ key, label, example });
export const ids = id;

/** Any other input: key, label and, optionally, an example and further words. */
export const field = (key: string, label: string, example?: string, extra: Partial<InputWords> = {}): InputWords => ({
  key,
  label,
  ...(example !== undefined ? { example } : {}),
  ...extra,
});

/** A list action under the key and label integrations use; the paging inputs come from the factory (src/inputs/shared.ts). */
export const list = (key: string, label: string, inputs: Record<string, InputWords> = {}) => ({ key, label, inputs });

// ---- examples shared by several modules --------------------------------------------------------------

export const ADDRESS = JSON.stringify({ street: "1200 Main St", unit: "Suite 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" });
export const CONTACTS = JSON.stringify([
  { type: "MobilePhone", value: "555-201-3344", memo: "Owner's mobile" },
  { type: "Email", value: "jane.smith@example.com" },
]);
export const CUSTOM_FIELDS = JSON.stringify([{ typeId: 1234567, value: "Gate code 4411" }]);
export const EXTERNAL_DATA = JSON.stringify({
  applicationGuid: "6b29fc40-ca47-1067-b31d-00dd010662da",
  externalData: [{ key: "crmId", value: "C-1001" }],
});
export const ITEMS = JSON.stringify([{ skuId: 1234567, description: "Replace capacitor", quantity: 1, unitPrice: 125.5 }]);
export const CUSTOM_FIELD_OPERATIONS = JSON.stringify([{ objectId: 1234567, customFields: [{ name: "PO Reference", value: "PO-5521" }] }]);
export const SPLITS = JSON.stringify([{ invoiceId: 1234567, amount: 125.5 }]);
export const DATE_TIME = "2026-01-15T09:30:00Z";

// ---- closed value sets the documents give only in words (issue 15 item 7) -------------------------------------
// Values are the documents' facts (see each); labels are ours. `closed` turns one into an input's enum.

/** Job, job type, booking, lead and task priority: the CRM and Task Management documents' Priority enum, and List Jobs' filter. */
export const PRIORITY = { Low: "Low", Normal: "Normal", High: "High", Urgent: "Urgent" } as const;
/** Kind of contact (bookings, contact methods): the contact responses' type enum. */
export const CONTACT_TYPE = { Phone: "Phone", MobilePhone: "Mobile Phone", Email: "Email", Fax: "Fax" } as const;
/** Residential or commercial customer: the customer and booking responses' type enum. */
export const CUSTOMER_TYPE = { Residential: "Residential", Commercial: "Commercial" } as const;

/** Sort direction of an Order By filter: the job types' and invoices' documents name asc and desc (each also reads the spelled-out word). */
export const ORDER_DIRECTION = { asc: "Ascending", desc: "Descending" } as const;

/** An input's closed value set: one value, or with `several` a comma-separated list of them. */
export const closed = (values: Readonly<Record<string, string>>, extra: Partial<InputWords> & { several?: boolean } = {}): InputWords => {
  const { several, ...rest } = extra;
  return { enum: { values, ...(several ? { several: true } : {}) }, ...rest };
};

/** "ModifiedOn" → "Modified On", "Id" → "ID". */
const fieldLabel = (field: string): string =>
  /^id$/i.test(field) ? "ID" : field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/\bId\b/g, "ID");

/**
 * A list's Sort closed to the fields its document names: each ascending ("+Field") and descending
 * ("-Field"), spelled as the document spells the field.
 */
export const sortBy = (fields: readonly string[]): InputWords =>
  closed(
    Object.fromEntries(
      fields.flatMap((f) => [
        [`+${f}`, `${fieldLabel(f)}, ascending`],
        [`-${f}`, `${fieldLabel(f)}, descending`],
      ]),
    ),
    { example: `-${fields.find((f) => /^modifiedOn$/i.test(f)) ?? fields[0]}` },
  );

// ---- structured inputs (src/inputs/structured.ts) -------------------------------------------------------

/** The address fields shown as plain inputs (a Spectral structured object) wherever an address is sent. */
export const ADDRESS_FIELDS = ["street", "unit", "city", "state", "zip", "country"] as const;

/** Our words for each address field. */
export const ADDRESS_FIELD_WORDS = {
  street: { label: "Street", comments: "House number and street, such as 1200 Main St.", example: "1200 Main St" },
  unit: { label: "Unit", comments: "Apartment, suite or unit number, if there is one.", example: "Suite 4" },
  city: { label: "City", comments: "City or town, such as Glendale.", example: "Glendale" },
  state: { label: "State", comments: "State or province, as its postal abbreviation where there is one, such as CA.", example: "CA" },
  zip: { label: "ZIP / Postal Code", comments: "ZIP or postal code, such as 91203.", example: "91203" },
  country: { label: "Country", comments: "Country, such as USA.", example: "USA" },
} as const;

/** An address as a group of plain inputs, filling the body field at `into`. */
export const addressGroup = (into: string, label: string, comments: string) => ({
  into,
  label,
  comments,
  fields: ADDRESS_FIELDS,
  fieldWords: ADDRESS_FIELD_WORDS,
});

/** One phone number or email, sent as one more {type, value} item of the contact list at `into`. */
export const contactItem = (into: string, contactType: "Phone" | "MobilePhone" | "Email", label: string, comments: string, example: string) => ({
  into,
  contactType,
  label,
  comments,
  example,
});

/**
 * A record ID the contract wants twice, in the path and again in the body: the body's input and a rule,
 * checked before sending, that both name the same record.
 */
export const idAgainInBody = (pathKey: string, pathLabel: string, bodyLabel: string) => ({
  input: {
    label: bodyLabel,
    comments: {
      replace: `The same ID as ${pathLabel}: ServiceTitan's contract wants it in the body too; checked to match before sending.`,
    },
  } satisfies InputWords,
  validate: (params: Record<string, unknown>): void => {
    const inPath = params[pathKey];
    const inBody = params.id;
    if (inPath !== undefined && inBody !== undefined && String(inPath) !== String(inBody))
      throw new InputError(`${bodyLabel} (${inBody}) must be the same as ${pathLabel} (${inPath}): both name the record to change.`);
  },
});
