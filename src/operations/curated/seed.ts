import type { CuratedCatalog } from "./types";

/** Seed parity: the keys, labels and input keys integrations built on the earlier component use. */
export const seed: CuratedCatalog = {};
