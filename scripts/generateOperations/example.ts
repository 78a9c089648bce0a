/**
 * Builds an example value from a resolved SchemaNode. The values are ours, chosen by type and format
 * (never the documents' example text), so integration builders see a realistic shape:
 * - int64 → 123, int32 → 10, other integers → 1; numbers → 10.5
 * - strings by format: date-time → "2026-01-15T09:30:00Z", date → "2026-01-15", duration → "01:30:00",
 *   guid/uuid → a fixed GUID, email → "someone@example.com", phone → "5555550123", uri → "https://example.com";
 *   otherwise "string"
 * - enums → their first value; booleans → true
 * - arrays → exactly one element; maps (additionalProperties) → one "key" entry
 * - paging envelopes read as one complete page: page 1, pageSize 50, hasMore false, totalCount 1
 * - recursive references → {}; nesting deeper than MAX_EXAMPLE_DEPTH stops with {} / [].
 */
import type { SchemaNode } from "../../src/operations/types";

export const MAX_EXAMPLE_DEPTH = 8;

/** Values for the well-known paging/export envelope fields, so an example reads as one complete page. */
const ENVELOPE_VALUES: Record<string, unknown> = {
  page: 1,
  pageSize: 50,
  hasMore: false,
  totalCount: 1,
};

function stringExample(format: string | undefined): string {
  switch (format) {
    case "date-time":
      return "2026-01-15T09:30:00Z";
    case "date":
      return "2026-01-15";
    case "time":
      return "09:30:00";
    case "duration":
      return "01:30:00";
    case "guid":
    case "uuid":
      return "0f8fad5b-d9cb-469f-a165-70867728950e";
    case "email":
      return "someone@example.com";
    case "phone":
      return "5555550123";
    case "uri":
    case "url":
      return "https://example.com";
    default:
      return "string";
  }
}

export function buildExample(node: SchemaNode, depth = 0): unknown {
  if (node.enum && node.enum.length > 0) return node.enum[0];
  if (node.recursive) return {};
  if (node.oneOf && node.oneOf.length > 0 && !node.type) return buildExample(node.oneOf[0], depth);
  const type = node.type ?? (node.properties ? "object" : node.items ? "array" : undefined);
  switch (type) {
    case "integer":
      return node.format === "int64" ? 123 : node.format === "int32" ? 10 : 1;
    case "number":
      return 10.5;
    case "boolean":
      return true;
    case "string":
      return stringExample(node.format);
    case "array":
      if (depth >= MAX_EXAMPLE_DEPTH) return [];
      return node.items ? [buildExample(node.items, depth + 1)] : [];
    case "object": {
      if (depth >= MAX_EXAMPLE_DEPTH) return {};
      const out: Record<string, unknown> = {};
      const props = node.properties ?? {};
      const isEnvelope = "data" in props && ("hasMore" in props || "page" in props);
      for (const [name, sub] of Object.entries(props)) {
        out[name] = isEnvelope && name in ENVELOPE_VALUES ? ENVELOPE_VALUES[name] : buildExample(sub, depth + 1);
      }
      if (!node.properties && node.additionalProperties && typeof node.additionalProperties === "object") {
        out.key = buildExample(node.additionalProperties, depth + 1);
      }
      return out;
    }
    default:
      return {};
  }
}
