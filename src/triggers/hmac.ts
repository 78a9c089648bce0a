/**
 * HMAC-SHA256 webhook signatures: the signature is computed over the raw request body (the bytes
 * as received, never a re-serialised JSON) with the app's HMAC key, and sent in a header as hex or
 * base64 (base64url and a "sha256=" prefix accepted; several comma-separated signatures, as during a
 * key rotation, match when any one does). Comparison is constant-time (crypto.timingSafeEqual).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const DIGEST_BYTES = 32;

/** The raw body as bytes, whatever form the platform hands it over in. */
export const rawBodyBytes = (data: unknown): Buffer | undefined => {
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (data && typeof data === "object") {
    const o = data as { type?: unknown; data?: unknown };
    if (o.type === "Buffer" && Array.isArray(o.data)) return Buffer.from(o.data as number[]);
  }
  return undefined;
};

export const signBody = (body: Buffer | string, key: string): Buffer => createHmac("sha256", key).update(body).digest();

/** One signature text → 32 digest bytes, or undefined when it is neither hex nor base64 of a SHA-256. */
export const decodeSignature = (text: string): Buffer | undefined => {
  const value = text.trim().replace(/^sha256[=:]/i, "").trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === DIGEST_BYTES ? bytes : undefined;
  }
  return undefined;
};

export type VerifyFailure = "missing body" | "missing signature" | "malformed signature" | "signature mismatch";

export const verifySignature = (
  body: Buffer | undefined,
  key: string,
  header: string | undefined,
): { ok: true } | { ok: false; reason: VerifyFailure } => {
  if (!body) return { ok: false, reason: "missing body" };
  if (header === undefined || header.trim() === "") return { ok: false, reason: "missing signature" };
  const expected = signBody(body, key);
  const candidates = header.split(",").map(decodeSignature);
  if (candidates.every((c) => c === undefined)) return { ok: false, reason: "malformed signature" };
  let match = false;
  for (const candidate of candidates) {
    // Every candidate is compared (no early exit), each in constant time.
    if (candidate && candidate.length === expected.length && timingSafeEqual(candidate, expected)) match = true;
  }
  return match ? { ok: true } : { ok: false, reason: "signature mismatch" };
};
