/**
 * Leads end to end: create, update, lead form, follow-up, notes, dismiss, and conversion to a job
 * ("Won", ServiceTitan's status value Converted) — by lead ID, by the lead's customer and location, and
 * by the lead's booking.
 */
import { K } from "../../sandbox/store";
import { type AnyRecord, jobParams, type Page, useCrmSandbox } from "./support";

const env = useCrmSandbox();

const customerWithLocation = (index: number) => {
  const customer = env.all(K.customers)[index];
  const location = env.all(K.locations).find((l) => l.customerId === customer.id)!;
  return { customer, location };
};

it("create, update and read a lead", async () => {
  const lead = await env.run("createLead", {
    campaignId: env.ref.campaign, summary: "Needs a quote", leadCustomerName: "Hedy Lamarr", leadPhone: "555-404-0000",
    followUpDate: "2026-02-01T17:00:00Z", callReasonId: env.ref.callReason, priority: "Urgent",
  });
  expect(lead).toMatchObject({ status: "Open", priority: "Urgent", followUpDate: "2026-02-01T17:00:00Z", callReasonId: Number(env.ref.callReason), captureSource: "Api" });
  const updated = await env.run("updateLead", { leadId: String(lead.id), summary: "Needs a quote for two units", leadEmail: "hedy@example.com" });
  expect(updated).toMatchObject({ summary: "Needs a quote for two units", leadEmail: "hedy@example.com", leadPhone: "555-404-0000" });
  const byPhone = await env.run<Page>("listLeads", { leadPhone: "(555) 404-0000" });
  expect(byPhone.data.map((l) => l.id)).toEqual([lead.id]);
  const byName = await env.run<Page>("listLeads", { leadCustomerName: "lamarr" });
  expect(byName.data.map((l) => l.id)).toEqual([lead.id]);
});

it("a lead form submission becomes a lead captured by form", async () => {
  const res = await env.run("submitLeadForm", {
    name: "Rosalind Franklin", email: "rf@example.com", phoneNumber: "555-606-0000", summary: "Drain keeps clogging",
    address: JSON.stringify({ street: "12 Helix Way", city: "Glendale", state: "CA", zip: "91203", country: "USA" }),
  });
  const lead = await env.run("getLead", { leadId: String(res.leadId) });
  expect(lead).toMatchObject({ leadCustomerName: "Rosalind Franklin", leadStreet: "12 Helix Way", captureSource: "Form", status: "Open", customerId: null });
  const forms = await env.run<Page>("listLeads", { isCaptureSourceForm: "true", withoutCustomer: "true" });
  expect(forms.data.map((l) => l.id)).toContain(res.leadId);
});

it("follow-ups set the next date and log notes; notes can be added and listed", async () => {
  const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Call back", leadCustomerName: "Barbara McClintock" });
  const follow = await env.run("createLeadFollowUp", { leadId: String(lead.id), followUpDate: "2026-05-01T16:00:00Z", text: "No answer", pinToTop: "true" });
  expect(follow).toMatchObject({ leadId: lead.id, followUpDate: "2026-05-01T16:00:00Z" });
  await env.run("createLeadFollowUp", { leadId: String(lead.id), followUpDate: "2026-05-08T16:00:00Z" });
  await env.run("createLeadNote", { leadId: String(lead.id), text: "Prefers email" });
  expect(await env.run("getLead", { leadId: String(lead.id) })).toMatchObject({ followUpDate: "2026-05-08T16:00:00Z" });
  const notes = await env.run<Page>("listLeadNotes", { leadId: String(lead.id) });
  expect(notes.data.map((n) => [n.text, n.isPinned])).toEqual([["No answer", true], ["Prefers email", false]]);
});

it("dismissing needs a reason; a dismissed lead is no longer open", async () => {
  const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Spam", leadCustomerName: "Nobody" });
  await expect(env.run("dismissLead", { leadId: String(lead.id) })).rejects.toThrow(/Dismissal Reason ID/);
  await expect(env.run("dismissLead", { leadId: String(lead.id), dismissingReasonId: "999999" })).rejects.toThrow(/dismissingReasonId/);
  await env.run("dismissLead", { leadId: String(lead.id), dismissingReasonId: env.ref.callReason });
  expect(await env.run("getLead", { leadId: String(lead.id) })).toMatchObject({ status: "Dismissed", dismissingReasonId: Number(env.ref.callReason) });
  await expect(env.run("createLeadFollowUp", { leadId: String(lead.id), followUpDate: "2026-05-01T16:00:00Z" })).rejects.toThrow(/409|only open leads/);
});

describe("a lead converted to a job reads as Won (status Converted)", () => {
  it("when the job names the lead", async () => {
    const { customer, location } = customerWithLocation(8);
    const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Tankless install", leadCustomerName: "Walk-in" });
    await env.run("createJob", jobParams(env, customer.id, location.id, { leadId: String(lead.id) }));
    expect(await env.run("getLead", { leadId: String(lead.id) })).toMatchObject({ status: "Converted", customerId: customer.id, locationId: location.id });
    const won = await env.run<Page>("listLeads", { status: "Converted" });
    expect(won.data.map((l) => l.id)).toContain(lead.id);
  });

  it("when a job is booked for the lead's customer and location; other customers' leads stay open", async () => {
    const a = customerWithLocation(9);
    const b = customerWithLocation(10);
    const leadA = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Follow up on estimate", customerId: String(a.customer.id), locationId: String(a.location.id) });
    const leadB = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Other customer", customerId: String(b.customer.id), locationId: String(b.location.id) });
    await env.run("createJob", jobParams(env, a.customer.id, a.location.id));
    expect((await env.run("getLead", { leadId: String(leadA.id) })).status).toBe("Converted");
    expect((await env.run("getLead", { leadId: String(leadB.id) })).status).toBe("Open");
  });

  it("when a job is booked from the lead's booking", async () => {
    const { customer, location } = customerWithLocation(11);
    const booking = env.all(K.bookings)[0];
    const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "From booking", bookingId: String(booking.id), leadCustomerName: "Booked" });
    await env.run("createJob", jobParams(env, customer.id, location.id, { bookingId: String(booking.id) }));
    expect((await env.run("getLead", { leadId: String(lead.id) })).status).toBe("Converted");
  });

  it("a converted lead cannot be dismissed, and the export feed carries the change", async () => {
    const { customer, location } = customerWithLocation(12);
    const start = await env.run("exportLeads", { drain: "true" });
    const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Won soon", customerId: String(customer.id), locationId: String(location.id) });
    await env.run("createJob", jobParams(env, customer.id, location.id));
    await expect(env.run("dismissLead", { leadId: String(lead.id), dismissingReasonId: env.ref.callReason })).rejects.toThrow(/converted/);
    const changes = await env.run("exportLeads", { from: start.continueFrom, drain: "true" });
    const mine = changes.data.filter((l: AnyRecord) => l.id === lead.id);
    expect(mine).toEqual([expect.objectContaining({ status: "Converted", active: true })]);
  });
});

it("prospects are leads whose customer has no job yet", async () => {
  const fresh = await env.run("createCustomer", {
    name: "Chien-Shiung Wu", address: JSON.stringify({ street: "3 Parity Ln", city: "Glendale", state: "CA", zip: "91203", country: "USA" }),
    locations: JSON.stringify([{ name: "Home", address: { street: "3 Parity Ln", city: "Glendale", state: "CA", zip: "91203", country: "USA" } }]),
  });
  const lead = await env.run("createLead", { campaignId: env.ref.campaign, summary: "New customer", customerId: String(fresh.id), locationId: String(fresh.locations[0].id) });
  const prospects = await env.run<Page>("listLeads", { isProspect: "true", fetchAll: "true" });
  expect(prospects.data.map((l) => l.id)).toContain(lead.id);
  const job = env.all(K.jobs)[0];
  const existing = await env.run("createLead", { campaignId: env.ref.campaign, summary: "Existing customer", customerId: String(job.customerId) });
  const nonProspects = await env.run<Page>("listLeads", { isProspect: "false", fetchAll: "true" });
  expect(nonProspects.data.map((l) => l.id)).toContain(existing.id);
  expect(nonProspects.data.map((l) => l.id)).not.toContain(lead.id);
});
