/**
 * Input errors: what a user typed is wrong. The one place that words them ("<label>: expected …, got …"),
 * in the leaf folder every other folder may import (issue 17). Values shown in a message are redacted
 * and cut to 80 characters.
 */
import { redactAndCut } from "./redact";

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

const show = (value: unknown): string => {
  const text = typeof value === "string" ? `"${value}"` : (() => {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  })();
  return redactAndCut(text, 80);
};

export const fail = (label: string, expected: string, value?: unknown): never => {
  throw new InputError(`${label}: expected ${expected}${value === undefined ? "" : `, got ${show(value)}`}.`);
};

/**
 * Two cleaned date-times that must form a range: start strictly before end and, with `maxDays`, at most
 * that many days apart (a limit of the operation, such as Dispatch capacity's 14 days).
 */
export const checkDateRange = (startLabel: string, start: unknown, endLabel: string, end: unknown, limit: { maxDays?: number; why?: string } = {}): void => {
  if (typeof start !== "string" || typeof end !== "string") return;
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (from >= to) {
    throw new InputError(`${startLabel} and ${endLabel}: expected ${startLabel} (${start}) to be before ${endLabel} (${end}).`);
  }
  const DAY_MS = 86_400_000;
  if (limit.maxDays !== undefined && to - from > limit.maxDays * DAY_MS) {
    const days = Math.round(((to - from) / DAY_MS) * 10) / 10;
    throw new InputError(
      `${startLabel} and ${endLabel}: at most ${limit.maxDays} days apart${limit.why ? ` (${limit.why})` : ""}; got ${days} days (${start} to ${end}).`,
    );
  }
};
