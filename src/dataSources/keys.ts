/**
 * The keys of the component's data sources. Kept apart from their definitions so input factories
 * can link to them without importing the data sources themselves.
 */
export const DATA_SOURCE_KEYS: ReadonlySet<string> = new Set<string>([]);
