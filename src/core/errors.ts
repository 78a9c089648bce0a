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

/** Two cleaned date-times that must form a range: start strictly before end. */
export const checkDateRange = (startLabel: string, start: unknown, endLabel: string, end: unknown): void => {
  if (typeof start !== "string" || typeof end !== "string") return;
  if (Date.parse(start) >= Date.parse(end)) {
    throw new InputError(`${startLabel} and ${endLabel}: expected ${startLabel} (${start}) to be before ${endLabel} (${end}).`);
  }
};
