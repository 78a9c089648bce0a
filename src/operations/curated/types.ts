/**
 * The curated layer: our words on top of the generated contract. An entry can rename an action (to
 * keep the keys integrations already use), rename or relabel inputs, add examples, label enum choices,
 * link data sources, tighten required flags, and add a cross-field rule checked before sending.
 *
 * Words are written per module (curated/<module>.ts, one entry per operation, keyed by ServiceTitan's
 * operationId) as `ModuleCuration`, and compiled (curated/index.ts) into the `CuratedCatalog` the
 * catalog and the factory read. Unknown operation IDs and input keys fail the catalog build.
 */

/**
 * A closed value set the contract does not give as an enum: values listed only in a description ("Values
 * are Low, Normal, High, Urgent"), or stated for the same field elsewhere in the documents. The factory
 * treats it exactly as a contract enum: a dropdown ("(not set)" first when optional), whose clean refuses
 * any other value. The values are facts from the documents; the labels are ours.
 */
export interface CuratedEnum {
  /** Each allowed value, as sent, with the label the dropdown shows for it. */
  readonly values: Readonly<Record<string, string>>;
  /** The text field takes several of the values, separated by commas: a list of dropdowns. */
  readonly several?: boolean;
}

/** What curated words may set on one generated input (applied by src/inputs/fromSchema.ts). */
export interface InputOverrides {
  label?: string;
  /** Replaces the generated comment. */
  comments?: string;
  example?: string;
  placeholder?: string;
  required?: boolean;
  dataSource?: string;
  default?: string;
  /** Labels of an enum input's choices, by value; values not listed keep their derived label. */
  choices?: Readonly<Record<string, string>>;
  /** The closed value set of a text field whose contract gives it no enum (see CuratedEnum). */
  enum?: CuratedEnum;
}

/** One input's curated words as the factory reads them (compiled from `InputWords`). */
export interface CuratedInput extends InputOverrides {
  /** Input key to use instead of the derived one (e.g. the seed's "jobAppointmentId"). */
  key?: string;
  /** Added after the generated comment (which stays). */
  note?: string;
}

/** One operation's curated words as the catalog and the factory read them. */
export interface CuratedOperation {
  /** Action key. Integrations are wired to keys: never change a published one. */
  key?: string;
  label?: string;
  description?: string;
  /**
   * Overrides per contract field, keyed by "<placement>.<wire name>" (e.g. "path.id", "query.name",
   * "body.technicianIds") or by the plain wire name when unambiguous.
   */
  inputs?: Record<string, CuratedInput>;
  examplePayload?: unknown;
  /**
   * A rule across inputs, checked after cleaning and before any request; throw an InputError naming
   * the inputs when it fails.
   */
  validate?: (params: Record<string, unknown>) => void;
  /** Reshapes the response for the flow (e.g. names metrics plainly); the raw response stays under `raw`. */
  transformOutput?: (data: unknown) => unknown;
  /**
   * Plain inputs that fill part of the body a builder would otherwise type as JSON, keyed by input key
   * (src/inputs/structured.ts). The JSON input of the same body field stays for the rest.
   */
  structured?: Readonly<Record<string, StructuredInputWords>>;
}

/**
 * One structured input: where its value goes in the body and our words for it. `into` is a body field
 * ("address"), a field of the first item of a list ("locations[0].name", "locations[0].address") or one
 * more item of a list ("contacts[]", "locations[0].contacts[]"). An object target becomes a group of
 * plain inputs (a Spectral structured object), one per entry of `fields`; one more contact item takes
 * its `contactType` and the input gives the value.
 */
export interface StructuredInputWords {
  into: string;
  label: string;
  comments: string;
  example?: string;
  /** The object's fields shown as plain inputs (object targets only, required there). */
  fields?: readonly string[];
  /** Our words for those fields, by field name (label, comments, example); a field without them gets derived ones. */
  fieldWords?: Readonly<Record<string, Pick<InputOverrides, "label" | "comments" | "example">>>;
  /** The type of the contact item this input adds ("Phone", "MobilePhone", "Email"). */
  contactType?: string;
  /**
   * Another structured input (same kind of object) whose value this one takes when it and its body
   * field's JSON input are both empty: a customer's billing address is the first location's address
   * unless given, as in ServiceTitan's own form.
   */
  sameAs?: string;
}

/** Curated entries keyed by "<module>:<operationId>". */
export type CuratedCatalog = Record<string, CuratedOperation>;

// ---- the words as written, one file per module ------------------------------------------------------

/**
 * What curated words do with an input's generated comment, said explicitly: `replace` it with ours, or
 * `add` a sentence after it (the generated comment — type, format, where the value goes — stays).
 */
export type CommentWords = { readonly replace: string; readonly add?: never } | { readonly add: string; readonly replace?: never };

/** One input's words in a module's curated file. */
export interface InputWords extends Omit<InputOverrides, "comments"> {
  /** Input key to use instead of the derived one. Integrations are wired to input keys too. */
  key?: string;
  comments?: CommentWords;
}

/** One operation's words in a module's curated file. */
export interface OperationWords extends Omit<CuratedOperation, "inputs"> {
  /**
   * Words per contract field, keyed by "<placement>.<wire name>" (e.g. "path.id", "query.name",
   * "body.technicianIds"), by the plain wire name, or "fileName" (the File Name of a multipart upload).
   */
  inputs?: Record<string, InputWords>;
}

/** A module's curated file: one entry per operation, keyed by ServiceTitan's operationId. */
export type ModuleCuration = Readonly<Record<string, OperationWords>>;
