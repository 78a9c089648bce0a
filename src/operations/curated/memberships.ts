/**
 * Curated words for ServiceTitan Memberships (module "memberships"), one entry per operation keyed by
 * operationId: customer memberships (maintenance agreements), their types and billing, and the
 * recurring services and visits (events) a membership promises.
 *
 * The generator's words fit most operations; these entries fix what the names alone get wrong: the
 * sale endpoint sells a membership, mark-complete/mark-incomplete set a visit's outcome, and the
 * `active` filter, a billing flag that keeps expired memberships, is not what builders mean by active
 * (issue 16 item 4; users ask for `status=Active`).
 */
import type { ModuleCuration } from "./types";

const ACTIVE_IS_BILLING =
  "ServiceTitan's active flag, which follows billing: expired memberships can still carry it. To find memberships in force, use Status (Active) instead and leave this on Any.";

export const curation: ModuleCuration = {
  CustomerMemberships_GetList: {
    inputs: {
      "query.active": { label: "Active Flag (Billing)", comments: { replace: `${ACTIVE_IS_BILLING} True, False or Any.` }, example: "Any" },
      "query.status": {
        comments: { replace: "Only memberships in this status: Active (in force), Suspended, Expired, Canceled or Deleted. Empty: every status." },
      },
      "query.customerIds": { label: "Customer IDs", comments: { replace: "Only memberships of these customers: one ID per row, or separated by commas." } },
    },
  },
  CustomerMemberships_Create: {
    key: "sellMembership",
    label: "Sell Membership",
    description:
      "Sells a membership to a customer in ServiceTitan Memberships: creates the customer membership from a sale task (a pricebook item that sells a membership type) and a duration/billing option, and optionally schedules its recurring services at a location. Returns ServiceTitan's answer with the new membership. Calls POST /memberships/sale (scope tn.mem.memberships:w).",
  },
  CustomerMemberships_Update: {
    inputs: {
      "body.from": { label: "Start Date", comments: { add: "When the membership starts." } },
      "body.to": { label: "End Date", comments: { add: "When the membership ends; empty for open-ended memberships." } },
      "body.nextScheduledBillDate": { comments: { add: "The next date the membership is billed." } },
    },
  },
  LocationRecurringServiceEvents_MarkComplete: {
    key: "markRecurringServiceEventComplete",
    label: "Mark Recurring Service Event Complete",
    description:
      "Marks one recurring service visit (event) of a membership as done in ServiceTitan Memberships, linked to the job that did the work. Calls POST /recurring-service-events/{id}/mark-complete (scope tn.mem.recurringserviceevents:w).",
    inputs: { "body.jobId": { comments: { replace: "The job that carried out the visit." } } },
  },
  LocationRecurringServiceEvents_MarkIncomplete: {
    key: "markRecurringServiceEventIncomplete",
    label: "Mark Recurring Service Event Incomplete",
    description:
      "Marks one recurring service visit (event) of a membership as not done again in ServiceTitan Memberships, undoing Mark Recurring Service Event Complete. Calls POST /recurring-service-events/{id}/mark-incomplete (scope tn.mem.recurringserviceevents:w).",
  },
  LocationRecurringServiceEvents_GetList: {
    label: "List Recurring Service Events",
    description:
      "Lists the visits (events) that memberships' recurring services promise at locations, with their follow-up status, from ServiceTitan Memberships. Returns one page (Page, Page Size), or every matching record with Fetch All. Calls GET /recurring-service-events (scope tn.mem.recurringserviceevents:r).",
  },
  LocationRecurringServices_GetList: { label: "List Recurring Services" },
  LocationRecurringServices_Get: { label: "Get Recurring Service" },
  LocationRecurringServices_Update: { label: "Update Recurring Service" },
};
