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

/** Added to the comment of a field the earlier component took as free text where the document defines a boolean. */
export const WAS_TEXT_BOOLEAN =
  "The earlier component took free text here; ServiceTitan's document defines a true/false field, so only true or false is accepted (anything else is refused before sending).";

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
