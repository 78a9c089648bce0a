/**
 * Curated words for ServiceTitan Job Booking (module "jbce"), one entry per operation keyed by
 * operationId. Its one operation (call reasons) reads well as derived: nothing to add yet.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {};
