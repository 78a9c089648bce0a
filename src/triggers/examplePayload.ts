/**
 * The example trigger payload shown in Prismatic's designer: every field a trigger receives, blank
 * except the body (and headers) that a trigger's example is about. One place for the envelope, so the
 * polling and webhook triggers show the same shape.
 */
import type { TriggerPayload } from "@prismatic-io/spectral";

export const EXAMPLE_STARTED_AT = "2026-01-15T09:35:00Z";

export const exampleTriggerPayload = <B extends TriggerPayload["body"]>(
  body: B,
  headers: Record<string, string> = {},
): TriggerPayload & { body: B } => ({
  headers,
  queryParameters: {},
  rawBody: { data: null },
  body,
  pathFragment: "",
  webhookUrls: {},
  webhookApiKeys: {},
  invokeUrl: "",
  executionId: "",
  customer: { id: "", name: "", externalId: "" },
  instance: { id: "", name: "" },
  user: { id: "", name: "", email: "", externalId: "" },
  integration: { id: "", name: "", versionSequenceId: "", externalVersion: "" },
  flow: { id: "", name: "", stableId: "" },
  startedAt: EXAMPLE_STARTED_AT,
  globalDebug: false,
});
