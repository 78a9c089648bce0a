/**
 * Find or Create Customer and Location: reuse the customer and location a person already has in
 * ServiceTitan (matched by name, phone, email and address, however they are spelled), or create both in
 * one call. The workflow lives in src/crm/findOrCreate.ts; this file is its inputs and the call.
 */
import { action, input } from "@prismatic-io/spectral";
import { findOrCreateCustomer as run } from "../findOrCreate";
import { clientFor } from "../../http/clientFor";
import { withInputChecks } from "../../inputs/allErrors";
import { cleanBoolean, cleanEnum, InputError } from "../../inputs/clean";
import { connectionInput, textInput } from "../../inputs/shared";
import { lazyOutputSchema, responseShapeOf, schemaOfShape } from "../../operations/outputSchema";
import type { Shape } from "../../operations/types";

const text = <R extends boolean = false>(label: string, comments: string, example: string, required?: R, maxLength = 255) =>
  textInput({ label, comments, example, required, maxLength });

export const findOrCreateCustomerInputs = {
  connection: connectionInput,
  name: text(
    "Customer Name",
    "The person's or company's name. Compared without regard to case, punctuation, titles (Mr., Dr.) or word order, so \"Smith, Jane\" finds \"Jane Smith\".",
    "Jane Smith",
    true,
  ),
  street: text("Street", "Street line with house number, such as 1200 Main St. Suffixes (St/Street), directions (N/North), punctuation and a trailing unit (Apt 4, #4) are normalised before comparing. Required to create.", "1200 Main St"),
  unit: text("Unit", "Apartment, suite or unit, such as Apt 4 or Suite 200; \"Apt 4\", \"#4\" and \"4\" compare equal.", "Apt 4"),
  city: text("City", "City of the service address. Required to create.", "Glendale"),
  state: text("State", "State or province, preferably its two-letter code. Required to create.", "CA"),
  zip: text("ZIP / Postal Code", "ZIP or postal code; a ZIP+4 compares equal to its 5-digit ZIP. Required to create.", "91203"),
  country: text("Country", "Country of the address; empty means USA.", "USA"),
  phone: text(
    "Phone",
    "Phone number; punctuation, spaces, a leading +1 and an extension are ignored when comparing. It agrees with an existing customer only when one of that customer's phone contacts is the whole number (10 digits, or more with a country code); a 7-digit number is never compared. Saved as a Phone contact on a new location (ServiceTitan copies it to the customer).",
    "(555) 201-3344",
    false,
    50,
  ),
  email: text("Email", "Email address, compared without regard to case. Saved as an Email contact on a new location.", "jane.smith@example.com"),
  customerType: input({
    label: "Customer Type",
    type: "string",
    required: false,
    default: "Residential",
    model: [
      { label: "Residential", value: "Residential" },
      { label: "Commercial", value: "Commercial" },
    ],
    comments: "Type given to a newly created customer; not used for matching.",
    example: "Residential",
    clean: cleanEnum("Customer Type", ["Residential", "Commercial"]),
  }),
  locationName: text("Location Name", "Name of a newly created location; empty uses the customer name.", "Home"),
  createIfMissing: input({
    label: "Create If Missing",
    type: "boolean",
    required: false,
    default: "true",
    comments:
      "When true, a customer (with its location and contacts) or a missing location is created. When false, the action only searches and returns null IDs when nothing matches — use it to check whether a record exists before creating one. Even when true, no customer is created when a search matched too many records to use (more than 5,000 customers sharing the name word, for example): the person may be among them, so the result says matchMayExist: true, names the search in searchesTruncated and returns null IDs.",
    example: "true",
    clean: cleanBoolean("Create If Missing", { default: true }),
  }),
};

type Params = {
  [K in keyof typeof findOrCreateCustomerInputs]: unknown;
};

/** Checks across inputs, before any request: what a search needs, and what a creation needs. */
export const checkFindOrCreateParams = (p: Record<string, unknown>): void => {
  const has = (k: string) => typeof p[k] === "string" && (p[k] as string).trim() !== "";
  if (!has("street") && !has("phone") && !has("email")) {
    throw new InputError("Find or Create Customer: give at least one of Street, Phone or Email besides Customer Name; a name alone is not enough to tell two people apart.");
  }
  if (p.createIfMissing !== false) {
    const missing = [["street", "Street"], ["city", "City"], ["state", "State"], ["zip", "ZIP / Postal Code"]].filter(([k]) => !has(k)).map(([, l]) => l);
    if (missing.length) {
      throw new InputError(`Find or Create Customer: creating a customer needs a full service address; missing ${missing.join(", ")}. Fill them in, or set Create If Missing to false to only search.`);
    }
  }
};

export const findOrCreateCustomer = action({
  display: {
    label: "Find or Create Customer and Location",
    // Starts most flows that take in a person (src/actions/important.ts lists the others).
    important: true,
    description:
      "Finds the customer and location a person already has (by name, phone, email and service address, spelling-tolerant) or creates the customer with its location and contacts in one call. Returns both IDs, whether anything was created, and which signals matched; creates no customer when a search was too broad to rule a match out (matchMayExist).",
  },
  inputs: findOrCreateCustomerInputs,
  performSafety: "notAllowed",
  examplePayload: {
    data: {
      customerId: 1234567,
      locationId: 1234568,
      created: false,
      customerCreated: false,
      locationCreated: false,
      matched: true,
      matchMayExist: false,
      matchedBy: "name+address+phone",
      rule: "Same name, address and phone as an existing customer.",
      locationMatchedBy: "address",
      candidatesConsidered: 2,
      searchesTruncated: [],
      customer: { id: 1234567, name: "Jane Smith", type: "Residential" },
      location: { id: 1234568, customerId: 1234567, name: "Jane Smith", address: { street: "1200 Main St", unit: "Apt 4", city: "Glendale", state: "CA", zip: "91203", country: "USA" } },
    },
  },
  // The customer and location are ServiceTitan's records, as their get operations' contracts describe them.
  outputSchema: lazyOutputSchema(() => {
    const record = (operationId: string): Shape => ({ ...(responseShapeOf({ module: "crm", operationId }) as Record<string, Shape>), "?": 1 });
    return schemaOfShape({
      customerId: "i?",
      locationId: "i?",
      created: "b",
      customerCreated: "b",
      locationCreated: "b",
      matched: "b",
      matchMayExist: "b",
      matchedBy: "s?",
      rule: "s",
      locationMatchedBy: "s?=address|onlyLocation",
      candidatesConsidered: "i",
      searchesTruncated: ["s=name|phone|address|zip|coordinates"],
      customer: record("Customers_Get"),
      location: record("Locations_Get"),
    });
  }),
  perform: async (context, params) => {
    const p = params as unknown as Params & Record<string, unknown>;
    checkFindOrCreateParams(p);
    const client = clientFor(context, p);
    const data = await run(client, {
      name: p.name as string,
      street: p.street as string | undefined,
      unit: p.unit as string | undefined,
      city: p.city as string | undefined,
      state: p.state as string | undefined,
      zip: p.zip as string | undefined,
      country: p.country as string | undefined,
      phone: p.phone as string | undefined,
      email: p.email as string | undefined,
      customerType: (p.customerType as "Residential" | "Commercial" | undefined) ?? "Residential",
      locationName: p.locationName as string | undefined,
      createIfMissing: p.createIfMissing !== false,
    });
    return { data };
  },
});
withInputChecks(findOrCreateCustomer.perform, checkFindOrCreateParams); // joins the list of invalid inputs (src/inputs/allErrors.ts)
