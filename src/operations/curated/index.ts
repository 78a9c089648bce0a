import type { CuratedCatalog } from "./types";
import { disambiguation } from "./disambiguation";
import { labels } from "./labels";
import { limits } from "./limits";
import { seed } from "./seed";
import { crm } from "./crm";
import { schedulingPro } from "./schedulingPro";

/** All curated entries, merged per operation (later sources refine earlier ones; inputs merge by field). */
const merge = (...sources: CuratedCatalog[]): CuratedCatalog => {
  const out: CuratedCatalog = {};
  for (const source of sources) {
    for (const [ref, entry] of Object.entries(source)) {
      const prev = out[ref];
      out[ref] = prev ? { ...prev, ...entry, inputs: { ...prev.inputs, ...entry.inputs } } : entry;
    }
  }
  return out;
};

export const curatedOperations: CuratedCatalog = merge(disambiguation, labels, limits, seed, crm, schedulingPro);
