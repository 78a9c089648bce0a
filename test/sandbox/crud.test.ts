import { useClient, expectProblem, newCustomer } from "./helpers";

describe("sandbox CRUD", () => {
  const c = useClient();

  it("creates a customer with locations and contacts, and reads them back", async () => {
    const created = await c.call("crm", "POST", "/customers", newCustomer());
    expect(created.status).toBe(200);
    const cust = created.body;
    expect(cust).toMatchObject({ name: "Jamie Rivera", active: true, type: "Residential", balance: 0 });
    expect(typeof cust.id).toBe("number");
    expect(cust.locations).toHaveLength(2);
    expect(cust.locations[0]).toMatchObject({ customerId: cust.id, name: "Home" });
    expect(cust.locations[0].contacts).toEqual([expect.objectContaining({ type: "Phone", value: "619-555-0101" })]);
    // the location's contact was also added to the customer
    expect(cust.contacts.map((x: any) => x.value).sort()).toEqual(["619-555-0101", "jamie@example.com"]);

    const got = await c.get("crm", `/customers/${cust.id}`);
    expect(got.status).toBe(200);
    expect(got.body.locations).toBeUndefined();
    expect(got.body.createdOn).toMatch(/Z$/);

    const locs = await c.get("crm", `/locations?customerId=${cust.id}`);
    expect(locs.body.data.map((l: any) => l.name)).toEqual(["Home", "Cabin"]);
    const locContacts = await c.get("crm", `/locations/${cust.locations[0].id}/contacts`);
    expect(locContacts.body.data).toHaveLength(1);
    const custContacts = await c.get("crm", `/customers/${cust.id}/contacts`);
    expect(custContacts.body.data).toHaveLength(2);
    expect(custContacts.body.data[0].customerId).toBeUndefined();

    const patched = await c.call("crm", "PATCH", `/customers/${cust.id}`, { name: "Jamie R.", address: { street: "12 Harbor Rd", unit: "2", city: "Burbank", state: "CA", zip: "91502", country: "USA", latitude: 34.18, longitude: -118.31 } });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe("Jamie R.");
    expect(patched.body.address).toMatchObject({ city: "Burbank", street: "12 Harbor Rd" });
    expect(patched.body.modifiedOn >= cust.modifiedOn).toBe(true);

    const byName = await c.get("crm", `/customers?name=${encodeURIComponent("jamie r.")}`);
    expect(byName.body.data.map((x: any) => x.id)).toEqual([cust.id]);
    const byPhone = await c.get("crm", `/customers?phone=6195550101`);
    expect(byPhone.body.data.map((x: any) => x.id)).toContain(cust.id);

    const contact = await c.call("crm", "POST", `/customers/${cust.id}/contacts`, { type: "MobilePhone", value: "619-555-0199" });
    expect(contact.status).toBe(200);
    expect(contact.body.phoneSettings).toEqual({ phoneNumber: "6195550199", doNotText: false });
    expect((await c.call("crm", "DELETE", `/customers/${cust.id}/contacts/${contact.body.id}`)).status).toBe(200);
    expect((await c.call("crm", "DELETE", `/customers/${cust.id}/contacts/${contact.body.id}`)).status).toBe(404);
  });

  it("adds a location to an existing customer and its contacts to the customer", async () => {
    const cust = (await c.call("crm", "POST", "/customers", newCustomer("Lee Park"))).body;
    const loc = await c.call("crm", "POST", "/locations", {
      customerId: cust.id,
      name: "Office",
      address: { street: "1 Main", city: "Glendale", state: "CA", zip: "91203", country: "USA" },
      contacts: [{ type: "Email", value: "office@example.com" }],
    });
    expect(loc.status).toBe(200);
    const contacts = (await c.get("crm", `/customers/${cust.id}/contacts`)).body.data.map((x: any) => x.value);
    expect(contacts).toContain("office@example.com");
    const missing = await c.call("crm", "POST", "/locations", { customerId: 1, name: "X", address: { street: "1", city: "a", state: "b", zip: "c", country: "d" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.customerId).toBeDefined();
  });

  it("validates required body fields with per-field errors", async () => {
    const res = await c.call("crm", "POST", "/customers", { name: "", address: { street: "x" } });
    expect(res.status).toBe(400);
    expectProblem(res.body, 400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(["name", "address.city", "locations"]));
    const badJson = await fetch(`${c.sb.apiBase("crm")}/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${c.token}`, "st-app-key": c.sb.credentials.appKey, "content-type": "application/json" },
      body: "{not json",
    });
    expect(badJson.status).toBe(400);
    const badId = await c.get("crm", "/customers/abc");
    expect(badId.status).toBe(400);
  });

  it("404s unknown ids", async () => {
    const res = await c.get("crm", "/customers/999999999");
    expect(res.status).toBe(404);
    expectProblem(res.body, 404);
    expect(res.body.data.reason).toBeUndefined();
  });

  it("creates a job with appointments, assigns technicians and cancels it", async () => {
    const store = c.sb.store;
    const cust = (await c.call("crm", "POST", "/customers", newCustomer("Sam Job"))).body;
    const [bu] = store.all("settings:/business-units");
    const [jt] = store.all("jpm:/job-types");
    const [camp] = store.all("marketing:/campaigns");
    const techs = store.all("settings:/technicians");
    const job = await c.call("jpm", "POST", "/jobs", {
      customerId: cust.id,
      locationId: cust.locations[0].id,
      businessUnitId: bu.id,
      jobTypeId: jt.id,
      priority: "Normal",
      campaignId: camp.id,
      appointments: [{ start: "2026-04-01T15:00:00Z", end: "2026-04-01T17:00:00Z", technicianIds: [techs[0].id] }],
    });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ jobStatus: "Scheduled", appointmentCount: 1, customerId: cust.id });
    const appt = await c.call("jpm", "POST", "/appointments", { jobId: job.body.id, start: "2026-04-02T15:00:00Z", end: "2026-04-02T16:00:00Z" });
    expect(appt.status).toBe(200);
    expect(appt.body.appointmentNumber).toBe(`${job.body.jobNumber}-2`);
    expect((await c.get("jpm", `/jobs/${job.body.id}`)).body.appointmentCount).toBe(2);

    const assigned = await c.call("dispatch", "POST", "/appointment-assignments/assign-technicians", { jobAppointmentId: appt.body.id, technicianIds: [techs[1].id, techs[2].id] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.id).toBe(appt.body.id);
    let list = await c.get("dispatch", `/appointment-assignments?appointmentIds=${appt.body.id}`);
    expect(list.body.data.map((a: any) => a.technicianId).sort()).toEqual([techs[1].id, techs[2].id].sort());
    expect(list.body.data[0]).toMatchObject({ jobId: job.body.id, active: true, technicianName: expect.any(String) });
    await c.call("dispatch", "POST", "/appointment-assignments/unassign-technicians", { jobAppointmentId: appt.body.id, technicianIds: [techs[1].id] });
    list = await c.get("dispatch", `/appointment-assignments?appointmentIds=${appt.body.id}`);
    expect(list.body.data.map((a: any) => a.technicianId)).toEqual([techs[2].id]);
    const badTech = await c.call("dispatch", "POST", "/appointment-assignments/assign-technicians", { jobAppointmentId: appt.body.id, technicianIds: [1] });
    expect(badTech.status).toBe(400);

    expect((await c.call("jpm", "DELETE", `/appointments/${appt.body.id}`)).status).toBe(200);
    expect((await c.get("jpm", `/appointments/${appt.body.id}`)).status).toBe(404);
    expect((await c.get("jpm", `/jobs/${job.body.id}`)).body.appointmentCount).toBe(1);

    const [reason] = store.all("jpm:/job-cancel-reasons");
    const noMemo = await c.call("jpm", "PUT", `/jobs/${job.body.id}/cancel`, { reasonId: reason.id });
    expect(noMemo.status).toBe(400);
    expect(noMemo.body.errors.memo).toBeDefined();
    const canceled = await c.call("jpm", "PUT", `/jobs/${job.body.id}/cancel`, { reasonId: reason.id, memo: "Customer called" });
    expect(canceled.status).toBe(200);
    expect(canceled.text).toBe("");
    expect((await c.get("jpm", `/jobs/${job.body.id}`)).body.jobStatus).toBe("Canceled");
    const logs = await c.get("jpm", `/jobs/${job.body.id}/canceled-log`);
    expect(logs.status).toBe(200);
    expect(logs.body.data[0]).toMatchObject({ reasonId: reason.id, memo: "Customer called" });
    const badJob = await c.call("jpm", "POST", "/jobs", { customerId: 1, locationId: 2, businessUnitId: bu.id, jobTypeId: jt.id, priority: "Normal", campaignId: camp.id, appointments: [] });
    expect(badJob.status).toBe(400);
  });

  it("handles provider bookings, contacts and dismissal", async () => {
    const created = await c.call("crm", "POST", "/booking-provider/7/bookings", {
      source: "Partner",
      name: "Robin Vale",
      summary: "Leaking faucet",
      isFirstTimeClient: true,
      externalId: "lead-42",
      contacts: [{ type: "Phone", value: "5125550100" }],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: "New", bookingProviderId: 7, externalId: "lead-42" });
    const mine = await c.get("crm", "/booking-provider/7/bookings");
    expect(mine.body.data.map((b: any) => b.id)).toEqual([created.body.id]);
    expect((await c.get("crm", `/booking-provider/8/bookings/${created.body.id}`)).status).toBe(404);
    const all = await c.get("crm", "/bookings?pageSize=100");
    expect(all.body.data.length).toBeGreaterThan(1);
    expect((await c.get("crm", `/bookings/${created.body.id}/contacts`)).body.data).toHaveLength(1);
    const [reason] = c.sb.store.all("jbce:/call-reasons");
    expect((await c.call("crm", "POST", `/booking-provider/7/bookings/${created.body.id}/dismiss`, { callReasonId: reason.id, dismissingMemo: "dup" })).status).toBe(200);
    expect((await c.get("crm", `/bookings/${created.body.id}`)).body.status).toBe("Dismissed");
    const missing = await c.call("crm", "POST", "/booking-provider/7/bookings", { name: "x" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(expect.arrayContaining(["source", "summary", "externalId"]));
  });

  it("serves the reference data lists", async () => {
    for (const [module, path] of [
      ["settings", "/technicians"],
      ["settings", "/business-units"],
      ["jpm", "/job-types"],
      ["marketing", "/campaigns"],
      ["crm", "/booking-provider-tags"],
      ["jbce", "/call-reasons"],
      ["jpm", "/job-cancel-reasons"],
      ["settings", "/user-roles"],
      ["settings", "/tag-types"],
    ]) {
      const res = await c.get(module, path);
      expect([module, path, res.status]).toEqual([module, path, 200]);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data[0]).toEqual(expect.objectContaining({ id: expect.any(Number), active: true }));
    }
    const dup = await c.call("crm", "POST", "/booking-provider-tags", { tagName: "partner-1", description: "again" });
    expect(dup.status).toBe(409);
    const tag = await c.call("crm", "POST", "/booking-provider-tags", { tagName: "new-partner", description: "d" });
    expect(tag.body).toMatchObject({ tagName: "new-partner", type: "V2Api", active: true });
  });

  it("creates and updates records of generic resources", async () => {
    const created = await c.call("settings", "POST", "/tag-types", { name: "Sandbox tag", color: "#000000", code: "SBX" });
    expect(created.status).toBe(200);
    expect(typeof created.body.id).toBe("number");
    const patched = await c.call("settings", "PATCH", `/tag-types/${created.body.id}`, { name: "Renamed" });
    expect(patched.status).toBe(200);
    const list = await c.get("settings", `/tag-types?ids=${created.body.id}`);
    expect(list.body.data[0]).toMatchObject({ id: created.body.id, name: "Renamed", active: true });
    const note = await c.call("crm", "POST", `/customers/${list.body.data[0].id}/notes`, { text: "x" });
    expect(note.status).toBe(404); // a tag type is not a customer
  });
});
