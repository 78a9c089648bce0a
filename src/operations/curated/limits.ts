import type { CuratedCatalog } from "./types";

/**
 * Limits ServiceTitan states only in words (so the generated contract facts cannot carry them): journal
 * entry lists take at most 500 records a page.
 */
export const limits: CuratedCatalog = {
  "accounting:JournalEntries_GetList": { maxPageSize: 500 },
  "accounting:JournalEntries_GetSummary": { maxPageSize: 500 },
  "accounting:JournalEntries_GetDetails": { maxPageSize: 500 },
};
