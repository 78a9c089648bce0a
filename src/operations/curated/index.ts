import type { CuratedCatalog } from "./types";
import { disambiguation } from "./disambiguation";

/** All curated entries, merged. Later files win for the same operation. */
export const curatedOperations: CuratedCatalog = {
  ...disambiguation,
};
