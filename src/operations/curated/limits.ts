import { curatedOperations } from "./index";
import type { CuratedCatalog } from "./types";

/**
 * Page-size limits ServiceTitan states only in words (so the generated contract facts cannot carry them),
 * by "<module>:<operationId>". The limits themselves are written in each module's curated file
 * (`maxPageSize`); this is the view of them for code that reads limits alone.
 */
export const limits: CuratedCatalog = Object.fromEntries(
  Object.entries(curatedOperations)
    .filter(([, entry]) => entry.maxPageSize !== undefined)
    .map(([ref, entry]) => [ref, { maxPageSize: entry.maxPageSize }]),
);
