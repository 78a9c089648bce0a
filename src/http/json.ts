/**
 * JSON that keeps int64 IDs exact. JavaScript numbers hold integers exactly only up to 2^53; ServiceTitan
 * IDs are int64. Integer literals beyond that range are read as text (in responses, so the flow can pass
 * them on unchanged) or as bigint (in inputs, so they are written back as the same digits), and bigint
 * values are written as plain integer literals.
 */

/** JSON.stringify with bigint values written as exact integer literals. */
export const toJson = (value: unknown): string => {
  let hasBig = false;
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === "bigint") {
      hasBig = true;
      return `__st_bigint__${v.toString()}__`;
    }
    return v;
  });
  return hasBig ? text.replace(/"__st_bigint__(-?\d+)__"/g, "$1") : text;
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Rewrites integer literals outside strings that JavaScript cannot hold exactly into quoted markers.
 * Only called when the text has a run of 16+ digits, so ordinary payloads take the fast path.
 */
const markUnsafeIntegers = (text: string): { text: string; found: boolean } => {
  let out = "";
  let found = false;
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i += 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i += 1;
      }
      i += 1;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      i += 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i += 1;
        else break;
      }
      const token = text.slice(start, i);
      if (/^-?\d{16,}$/.test(token)) {
        const big = BigInt(token);
        if (big > MAX_SAFE || big < -MAX_SAFE) {
          out += `${text.slice(last, start)}"__st_int64__${token}"`;
          last = i;
          found = true;
        }
      }
    } else i += 1;
  }
  return found ? { text: out + text.slice(last), found } : { text, found };
};

/** JSON.parse that keeps integers beyond 2^53 exact: as strings ("text") or bigint ("bigint"). */
export const parseJsonExact = (text: string, bigIntegers: "text" | "bigint" = "text"): unknown => {
  if (!/\d{16,}/.test(text)) return JSON.parse(text);
  const marked = markUnsafeIntegers(text);
  if (!marked.found) return JSON.parse(text);
  return JSON.parse(marked.text, (_key, v) => {
    if (typeof v === "string" && v.startsWith("__st_int64__")) {
      const digits = v.slice("__st_int64__".length);
      return bigIntegers === "bigint" ? BigInt(digits) : digits;
    }
    return v;
  });
};
