/**
 * npm start — the main job: starts the embedded ServiceTitan sandbox and runs a booking-intake flow
 * through the BUILT component (dist/index.js), step by step, as a Prismatic flow would:
 *
 *   look up reference data → create customer with location → create booking (by provider) →
 *   list bookings (Fetch All) → create job → add appointment → assign technician → list assignments
 */
import { startSandbox } from "../sandbox/server";
import { sandboxConnection } from "./lib/connection";
import { builtHarness } from "./lib/component";
import { redact } from "../src/core/redact";

type Result = { data?: unknown };
const line = (text = "") => process.stdout.write(`${text}\n`);
const short = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  return text.length > 220 ? `${text.slice(0, 220)}…` : text;
};

const main = async () => {
  const sandbox = await startSandbox({ port: 0 });
  line(`ServiceTitan sandbox listening at ${sandbox.url} (tenant ${sandbox.credentials.tenant})`);
  const connection = await sandboxConnection(sandbox);
  const harness = builtHarness();
  let stepNo = 0;
  const step = async (title: string, key: string, params: Record<string, unknown>): Promise<Result> => {
    stepNo += 1;
    const started = Date.now();
    const result = (await harness.action(key, { connection, ...params })) as Result;
    line(`\n${stepNo}. ${title}  [${key}, ${Date.now() - started} ms]`);
    line(`   → ${short(result?.data)}`);
    return result;
  };
  const first = (r: Result) => ((r.data as { data: Array<{ id: number }> }).data ?? [])[0];

  try {
    const bu = first(await step("Find a business unit", "listBusinessUnits", { pageSize: "1" }));
    const jobType = first(await step("Find a job type", "listJobTypes", { pageSize: "1" }));
    const campaign = first(await step("Find a campaign", "listCampaigns", { pageSize: "1" }));
    const tech = first(await step("Find a technician", "listTechnicians", { pageSize: "1" }));
    const provider = first(await step("Find a booking provider tag", "listBookingProviderTags", { pageSize: "1" }));

    const customer = (
      await step("Create the customer with a service location", "createCustomer", {
        name: "Jordan Rivera",
        type: "Residential",
        address: JSON.stringify({ street: "1200 Elm Street", city: "Springfield", state: "IL", zip: "62704", country: "USA" }),
        locations: JSON.stringify([
          {
            name: "Home",
            address: { street: "1200 Elm Street", city: "Springfield", state: "IL", zip: "62704", country: "USA" },
            contacts: [{ type: "MobilePhone", value: "217-555-0142", memo: "cell" }],
          },
        ]),
        contacts: JSON.stringify([{ type: "Email", value: "jordan.rivera@example.com" }]),
      })
    ).data as { id: number; locations?: Array<{ id: number }> };
    const locationId = customer.locations?.[0]?.id;
    if (!locationId) throw new Error("The created customer came back without its location.");

    await step("Create a booking for the call center (by provider)", "createBookingByProvider", {
      bookingProvider: String(provider.id),
      source: "Website booking form",
      name: "Jordan Rivera",
      summary: "AC blowing warm air; prefers mornings.",
      isFirstTimeClient: "true",
      externalId: "web-form-20261122-001",
      address: JSON.stringify({ street: "1200 Elm Street", city: "Springfield", state: "IL", zip: "62704", country: "USA" }),
      contacts: JSON.stringify([{ type: "Phone", value: "217-555-0142" }]),
      businessUnitId: String(bu.id),
      jobTypeId: String(jobType.id),
      campaignId: String(campaign.id),
    });

    const bookings = await step("List every booking of the tenant (Fetch All)", "listBookingByTenant", { fetchAll: "true" });
    line(`   (${(bookings.data as { data: unknown[] }).data.length} bookings in all)`);

    const start = new Date(Date.now() + 24 * 3600 * 1000);
    start.setUTCHours(15, 0, 0, 0);
    const end = new Date(start.getTime() + 2 * 3600 * 1000);
    const job = (
      await step("Book the job", "createJob", {
        customerId: String(customer.id),
        locationId: String(locationId),
        businessUnitId: String(bu.id),
        jobTypeId: String(jobType.id),
        priority: "Normal",
        campaignId: String(campaign.id),
        summary: "AC blowing warm air",
        appointments: JSON.stringify([{ start: start.toISOString(), end: end.toISOString(), arrivalWindowStart: start.toISOString(), arrivalWindowEnd: end.toISOString() }]),
      })
    ).data as { id: number };

    const followUpStart = new Date(start.getTime() + 7 * 24 * 3600 * 1000);
    const appointment = (
      await step("Add a follow-up appointment", "createAppointment", {
        jobId: String(job.id),
        start: followUpStart.toISOString(),
        end: new Date(followUpStart.getTime() + 3600 * 1000).toISOString(),
        specialInstructions: "Check refrigerant level after repair.",
      })
    ).data as { id: number };

    await step("Assign a technician", "assignTechnicians", { jobAppointmentId: String(appointment.id), technicianIds: [String(tech.id)] });
    await step("Read the assignment back", "listAppointmentsAssignment", { appointmentIds: String(appointment.id) });

    const posts = sandbox.requests.filter((r) => r.method !== "GET").length;
    line(`\nDemo flow finished: ${sandbox.requests.length} requests to the sandbox (${posts} writes), no errors.`);
  } finally {
    await sandbox.close();
  }
};

main().catch((error) => {
  console.error(redact(`Demo failed: ${(error as Error)?.message ?? error}`));
  process.exit(1);
});
