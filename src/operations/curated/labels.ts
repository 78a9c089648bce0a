import type { CuratedCatalog } from "./types";

/**
 * Our words for actions across all modules where the derived label, description or input wording reads
 * poorly. Seed, CRM and Scheduling Pro entries are merged after these and win where both speak.
 */
export const labels: CuratedCatalog = {};
