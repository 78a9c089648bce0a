/**
 * The actions that start most flows, marked `display.important` so Prismatic's designer shows them
 * first (issue 15 item 12). Spectral asks for this sparingly: keep it to about ten.
 */
export const IMPORTANT_ACTION_KEYS: ReadonlySet<string> = new Set([
  "findOrCreateCustomer",
  "createCustomer",
  "getCustomer",
  "listCustomers",
  "createLocation",
  "createJob",
  "getJob",
  "listJobs",
  "createBookingByProvider",
  "assignTechnicians",
]);
