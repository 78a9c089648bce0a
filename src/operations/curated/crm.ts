import type { CuratedCatalog } from "./types";

/** CRM refinements beyond seed parity (labels, examples, cross-field rules). */
export const crm: CuratedCatalog = {};
