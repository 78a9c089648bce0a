/**
 * The curated layer: our words on top of the generated contract. An entry can rename an action (to
 * keep the keys integrations already use), rename or relabel inputs, add examples, link data sources,
 * tighten required flags, and add a cross-field rule checked before sending.
 */
/** What curated words may set on one generated input (applied by src/inputs/fromSchema.ts). */
export interface InputOverrides {
  label?: string;
  comments?: string;
  example?: string;
  placeholder?: string;
  required?: boolean;
  dataSource?: string;
  default?: string;
}

export interface CuratedInput extends InputOverrides {
  /** Input key to use instead of the derived one (e.g. the seed's "jobAppointmentId"). */
  key?: string;
  /** Shown after the generated comment when the seed and the document disagree; the document wins. */
  note?: string;
}

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
  /** The largest page this list operation takes, where ServiceTitan documents a limit below 5,000 in prose. */
  maxPageSize?: number;
  /** Reshapes the response for the flow (e.g. names metrics plainly); the raw response stays under `raw`. */
  transformOutput?: (data: unknown) => unknown;
}

/** Curated entries keyed by "<module>:<operationId>". */
export type CuratedCatalog = Record<string, CuratedOperation>;
