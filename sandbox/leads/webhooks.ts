/**
 * Webhooks the Leads Integration Platform sends to a partner (seed 003, "Webhooks"): lead status updates
 * posted to {prefix}/leads/<status>, and account/profile/availability updates posted to
 * {prefix}/accounts, /profiles, /availabilities. The signing key travels in X-STLeads-Token (or a
 * header name the partner chose); `secret: undefined` sends none, to test refusals.
 */
import { randomUUID } from "node:crypto";

export type LeadStatusKind = "accepted" | "declined" | "appointment_scheduled" | "invoiced";
export type UpdateKind = "accounts" | "profiles" | "availabilities";

export const STATUS_VALUES: Record<LeadStatusKind, string> = {
  accepted: "Accepted",
  declined: "Declined",
  appointment_scheduled: "AppointmentScheduled",
  invoiced: "Invoiced",
};

export interface BookingRef {
  partnerBookingId: string;
  accountId: string;
  profileId: string;
}

/** The body ServiceTitan posts for one status update, in the seed's shape. */
export const statusUpdateBody = (
  kind: LeadStatusKind,
  booking: BookingRef,
  overrides: { statusUpdateId?: string; timestamp?: number; eventData?: Record<string, unknown> } = {},
): Record<string, unknown> => {
  const ts = overrides.timestamp ?? 1_760_000_000;
  const delivered = ts - 1000;
  const eventData: Record<LeadStatusKind, Record<string, unknown>> = {
    accepted: { acceptedTimestamp: ts - 1, leadDeliveredTimestamp: delivered },
    declined: { declineTimestamp: ts - 1, declineReason: "Declined by CSR", leadDeliveredTimestamp: delivered },
    appointment_scheduled: { scheduledStartTimestamp: ts + 86_400, leadDeliveredTimestamp: delivered },
    invoiced: {
      invoicedTimestamp: ts - 1,
      leadDeliveredTimestamp: delivered,
      totalPrice: 400.0,
      skus: [
        { name: "some-service", code: "some-service-code", price: 20.0, quantity: 2.0 },
        { name: "some-material", code: "some-material-code", price: 10.0, quantity: 3.0 },
        { name: "some-equipment", code: "some-equipment-code", price: 110.0, quantity: 3.0, serialNumber: "abcdefg", model: "cool-equipment" },
      ],
    },
  };
  return {
    partnerBookingId: booking.partnerBookingId,
    accountId: booking.accountId,
    profileId: booking.profileId,
    statusUpdateId: overrides.statusUpdateId ?? randomUUID(),
    status: STATUS_VALUES[kind],
    timestamp: ts,
    eventData: overrides.eventData ?? eventData[kind],
  };
};

export interface EmitOptions {
  /** The signing key; undefined sends no header. */
  secret?: string;
  headerName?: string;
}

export interface EmitResult {
  status: number;
  body: string;
}

/** POSTs a JSON webhook to `prefix + path`, as ServiceTitan would. */
export const emitWebhook = async (prefix: string, path: string, body: unknown, options: EmitOptions = {}): Promise<EmitResult> => {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (options.secret !== undefined) headers[options.headerName ?? "X-STLeads-Token"] = options.secret;
  const res = await fetch(`${prefix.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
};

export const emitStatusUpdate = (prefix: string, kind: LeadStatusKind, booking: BookingRef, options: EmitOptions & { statusUpdateId?: string } = {}) =>
  emitWebhook(prefix, `leads/${kind}`, statusUpdateBody(kind, booking, { statusUpdateId: options.statusUpdateId }), options);

export const emitUpdate = (prefix: string, kind: UpdateKind, body: unknown, options: EmitOptions = {}) => emitWebhook(prefix, kind, body, options);
