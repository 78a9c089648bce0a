/**
 * JSON that keeps int64 IDs exact. JavaScript numbers hold integers exactly only up to 2^53; ServiceTitan
 * IDs are int64. Integer literals beyond that range are read as text (in responses, so the flow can pass
 * them on unchanged) or as bigint (in inputs, so they are written back as the same digits), and bigint
 * values are written as plain integer literals.
 *
 * No value is ever rewritten into a marker string and back: numbers are told apart from strings by a
 * tokenising parser and serialiser (lossless-json), so text a user typed is always sent as typed. Plain
 * JSON.parse / JSON.stringify stay the fast path whenever nothing needs the exact treatment.
 */
import { parse as parseLossless, stringify as stringifyLossless } from "lossless-json";

const BIGINT_SEEN = Symbol("bigint seen");

/** JSON.stringify with bigint values written as exact integer literals. */
export const toJson = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_key, v) => {
      if (typeof v === "bigint") throw BIGINT_SEEN;
      return v;
    });
  } catch (error) {
    if (error !== BIGINT_SEEN) throw error;
    // lossless-json writes bigint as a number literal and otherwise follows JSON.stringify (toJSON,
    // undefined members dropped, undefined in arrays as null)
    return stringifyLossless(value) as string;
  }
};

const INTEGER = /^-?\d+$/;

/** JSON.parse's own choice for duplicate keys: the last one wins. */
const lastKeyWins = ({ newValue }: { newValue: unknown }): unknown => newValue;

/** JSON.parse that keeps integers beyond 2^53 exact: as strings ("text") or bigint ("bigint"). */
export const parseJsonExact = (text: string, bigIntegers: "text" | "bigint" = "text"): unknown => {
  // Only a run of 16+ digits can be an integer beyond 2^53; everything else takes the fast path.
  if (!/\d{16,}/.test(text)) return JSON.parse(text);
  const parseNumber = (token: string): unknown => {
    if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) return bigIntegers === "bigint" ? BigInt(token) : token;
    return Number(token);
  };
  return parseLossless(text, null, { parseNumber, onDuplicateKey: lastKeyWins });
};
