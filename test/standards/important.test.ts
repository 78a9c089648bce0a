/**
 * Important actions (issue 15 item 12): the few actions that start most flows carry display.important,
 * so Prismatic's designer lists them first; "sparingly", as Spectral asks — a handful, not hundreds.
 */
import component from "../../src/index";

const actions = component.actions as unknown as Record<string, { display: { label: string; important?: boolean } }>;

describe("important actions", () => {
  const important = Object.entries(actions)
    .filter(([, a]) => a.display.important === true)
    .map(([key]) => key);

  it("the everyday starting points are marked: customers, locations, jobs, bookings, dispatch, reports", () => {
    expect(important).toEqual(
      expect.arrayContaining(["findOrCreateCustomer", "createCustomer", "listCustomers", "createJob", "getJob", "listJobs", "createBookingByProvider", "assignTechnicians", "runReport"]),
    );
  });

  it("only a handful are: at least 8, at most 12", () => {
    expect(important.length).toBeGreaterThanOrEqual(8);
    expect(important.length).toBeLessThanOrEqual(12);
  });
});
