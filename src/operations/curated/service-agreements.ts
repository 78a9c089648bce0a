/**
 * Curated words for ServiceTitan Service Agreements (module "service-agreements"), one entry per operation keyed by
 * operationId: service agreements (commercial contracts). The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {};
