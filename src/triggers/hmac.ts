/**
 * HMAC-SHA256 webhook signatures: the signature is computed over the raw request body (the bytes
 * as received, never a re-serialised JSON) with the app's HMAC key, and sent in a header as hex or
 * base64 (base64url and a "sha256=" prefix accepted; several comma-separated signatures, as during a
 * key rotation, match when any one does). Comparison is constant-time (crypto.timingSafeEqual).
 *
 * Where the signature is: ServiceTitan says only "in the request header", so `signatureCandidates`
 * looks through the headers named in a list — exact names, or patterns with "*" such as "*signature*" —
 * and every value found is a candidate; the request passes when one of them is the right signature.
 * Reading more headers does not weaken the check: each candidate must still be the HMAC of the body
 * under the key. The work is bounded (MAX_CANDIDATE_HEADERS headers, MAX_SIGNATURE_TEXT characters).
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

/** Headers read as signature candidates, at most. */
export const MAX_CANDIDATE_HEADERS = 8;
/** Characters of a signature header read, at most (room for a few signatures during a key rotation). */
export const MAX_SIGNATURE_TEXT = 1024;

/** True when a header name matches a list entry: the name itself, or a pattern with "*" (any letter case). */
export const headerNameMatches = (name: string, entry: string): boolean => {
  const n = name.toLowerCase();
  const parts = entry.toLowerCase().split("*");
  if (parts.length === 1) return n === parts[0];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!n.startsWith(first) || n.length < first.length + last.length) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = n.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return n.length - last.length >= at && n.endsWith(last);
};

/**
 * The values of the headers named by `entries`, in the list's order (exact names first where the list
 * puts them, then the headers each pattern matches, in arrival order), each header once, bounded.
 */
export const signatureCandidates = (headers: Record<string, unknown> | undefined, entries: string[]): { names: string[]; text: string } => {
  const present = Object.entries(headers ?? {});
  const names: string[] = [];
  const values: string[] = [];
  for (const entry of entries) {
    for (const [name, value] of present) {
      if (names.length >= MAX_CANDIDATE_HEADERS) break;
      if (names.includes(name) || !headerNameMatches(name, entry) || value === undefined || value === null) continue;
      names.push(name);
      values.push((Array.isArray(value) ? value.join(",") : String(value)).slice(0, MAX_SIGNATURE_TEXT));
    }
  }
  return { names, text: values.join(",") };
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
