/** requestFor (src/http/requestFor.ts): a hand-written request built from the operation's descriptor. */
import { InputError } from "../../src/core/errors";
import { requestFor } from "../../src/http/requestFor";
import { findOperation } from "../../src/operations/catalog";

describe("requestFor", () => {
  it("takes method, path and scope from the descriptor and puts each value where the descriptor says", () => {
    const req = requestFor(
      "schedulingpro",
      "Scheduler_SchedulerSessions",
      { id: "sch/1", createdOnOrAfter: "2026-01-01", createdBefore: undefined },
      '"List Scheduler Sessions"',
    );
    const op = findOperation("schedulingpro", "Scheduler_SchedulerSessions");
    expect(req).toEqual({
      module: "schedulingpro",
      method: "GET",
      path: "/schedulers/sch%2F1/sessions",
      query: { createdOnOrAfter: "2026-01-01", createdBefore: undefined },
      operation: '"List Scheduler Sessions"',
      scope: op?.scope,
    });
    expect(op?.scope).toBe("tn.sp.schedulers:r");
  });

  it("sends a body where the operation takes one, and no query when none is given", () => {
    const req = requestFor("crm", "Locations_Create", { body: { customerId: 1, name: "Home" } }, "Create");
    expect(req).toMatchObject({ method: "POST", path: "/locations", body: { customerId: 1, name: "Home" }, scope: "tn.crm.locations:w" });
    expect(req).not.toHaveProperty("query");
  });

  it("refuses an operation the contract does not have", () => {
    expect(() => requestFor("crm", "Customers_Teleport")).toThrow(/crm:Customers_Teleport: the contract has no such operation/);
  });

  it("refuses a value for a parameter the operation does not declare, naming it", () => {
    expect(() => requestFor("crm", "Customers_GetList", { phones: "5551234567" })).toThrow(/"phones" is not a parameter of this operation/);
    // a path parameter of another operation is not one of this one's
    expect(() => requestFor("schedulingpro", "Scheduler_Schedulers", { id: "x" })).toThrow(/"id" is not a parameter/);
  });

  it("refuses a query value that is an object, a body on an operation without one, and a missing required body", () => {
    expect(() => requestFor("crm", "Customers_GetList", { name: { first: "Ann" } })).toThrow(/query parameter "name" takes a scalar/);
    expect(() => requestFor("crm", "Customers_GetList", { body: { name: "x" } })).toThrow(/takes no body/);
    expect(() => requestFor("crm", "Customers_Create", {})).toThrow(/requires a body/);
  });

  it("refuses a missing required query parameter", () => {
    expect(() => requestFor("jpm", "Jobs_GetCancelReasons", {})).toThrow(/required query parameter "ids" has no value/);
    expect(requestFor("jpm", "Jobs_GetCancelReasons", { ids: "1,2" }).query).toEqual({ ids: "1,2" });
  });

  it("a missing path value fails naming its input, before any request exists", () => {
    const attempt = () => requestFor("schedulingpro", "Scheduler_SchedulerSessions", {}, "op", { id: "Scheduler ID" });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/Scheduler ID/);
    // a value that would leave its path segment is refused the same way
    expect(() => requestFor("schedulingpro", "Scheduler_SchedulerSessions", { id: ".." }, "op", { id: "Scheduler ID" })).toThrow(/Scheduler ID/);
  });
});
