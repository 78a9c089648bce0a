/**
 * The keys of the component's data sources, read from their definitions (definitions.ts) so they can
 * never disagree. Kept apart from index.ts so input factories can link to the keys without building the
 * data sources themselves. This module must not import anything that imports the actions (the action
 * index imports it): definitions.ts and picklist.ts stay free of the action factory.
 * test/dataSources/links.test.ts checks that these are exactly the keys the component ships.
 */
import { picklistDefinitions } from "./definitions";

export const DATA_SOURCE_KEYS: ReadonlySet<string> = new Set(picklistDefinitions.map((d) => d.key));
