/**
 * Every input error at once (issue 15 item 10), in one place.
 *
 * Spectral cleans an action's inputs one after another and the first `clean` that throws ends the run, so
 * a builder would fix one input, run again, and meet the next. For actions, each input's `clean` records
 * its InputError as an InvalidInput value instead of throwing (`recordInputErrors`). Before the action's
 * own perform runs — so before any request — `settleInputs` gathers every recorded error, plus the errors
 * of the action's cross-input checks (date ranges, "fill in at least one field"), and throws one
 * InputError listing them all, one line per input ("<label>: expected …, got …", values redacted as
 * every input error is). The same pass turns date-times typed without a zone into UTC with the
 * connection's Time Zone (src/inputs/dates.ts), the one thing a `clean` cannot know.
 *
 * `withAllInputErrors` applies both to a record of actions (src/actions/index.ts), and
 * `withAllInputErrorsIn` to the component's data sources and triggers (src/index.ts); a perform declares
 * its cross-input checks with `withInputChecks`.
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import { InputError } from "../core/errors";
import { mapLazy } from "../core/lazy";
import { connectionTimeZone, ZonelessDateTime } from "./dates";

/**
 * What a recording `clean` returns for a value it refused: the refusal's message, already worded and
 * redacted. It can never reach the wire: turning it into JSON or text throws that message.
 */
export class InvalidInput {
  constructor(readonly message: string) {}
  toJSON(): never {
    throw new InputError(this.message);
  }
  toString(): never {
    throw new InputError(this.message);
  }
}

type Clean = (value: unknown) => unknown;

/** A `clean` that returns an InvalidInput where the given one throws an InputError (other errors still throw). */
export const recordingClean =
  (clean: Clean): Clean =>
  (value) => {
    try {
      return clean(value);
    } catch (error) {
      if (error instanceof InputError) return new InvalidInput(error.message);
      throw error;
    }
  };

type InputDef = { clean?: Clean; inputs?: Record<string, InputDef> } & Record<string, unknown>;

/** The inputs with every `clean` recording (children of structured inputs too); the given record is not changed. */
export const recordInputErrors = <T extends Record<string, unknown>>(inputs: T): T =>
  Object.fromEntries(
    Object.entries(inputs).map(([key, raw]) => {
      const def = raw as InputDef;
      const out: InputDef = { ...def };
      if (typeof def.clean === "function") out.clean = recordingClean(def.clean);
      if (def.inputs && typeof def.inputs === "object") out.inputs = recordInputErrors(def.inputs);
      return [key, out];
    }),
  ) as T;

/** A cross-input check: reads the cleaned params, throws an InputError when they do not fit together. */
export type InputCheck = (params: Record<string, unknown>) => unknown;

const CHECKS = new WeakMap<object, InputCheck[]>();

/**
 * Declares a perform's cross-input checks, so their errors join the list of invalid inputs. The perform
 * is returned as it is (it may still run the same checks itself).
 */
export const withInputChecks = <F extends object>(perform: F, ...checks: InputCheck[]): F => {
  CHECKS.set(perform, checks);
  return perform;
};

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The value with invalid parts reported and zone-less date-times in UTC; nested lists and objects walked. */
const settleValue = (value: unknown, zone: string, problems: string[]): unknown => {
  if (value instanceof InvalidInput) {
    problems.push(value.message);
    return value;
  }
  if (value instanceof ZonelessDateTime) {
    try {
      return value.toUtc(zone);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
      return new InvalidInput(error.message);
    }
  }
  if (Array.isArray(value)) return value.map((v) => settleValue(v, zone, problems));
  if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, settleValue(v, zone, problems)]));
  return value;
};

const holdsInvalid = (value: unknown): boolean =>
  value instanceof InvalidInput || (Array.isArray(value) ? value.some(holdsInvalid) : isPlain(value) && Object.values(value).some(holdsInvalid));

/** The one error for several problems: a count, then one line per problem. */
export const combinedInputError = (problems: readonly string[]): InputError =>
  new InputError(problems.length === 1 ? problems[0] : `${problems.length} inputs need fixing (nothing was sent):\n${problems.join("\n")}`);

/**
 * The params a perform receives: every problem of every input (in the action's input order) and every
 * declared cross-input check thrown as one InputError; zone-less date-times converted with the
 * connection's Time Zone. A check that read an invalid input is not reported: that input's own error
 * says what to fix, and the check runs again once it is fixed.
 */
export const settleInputs = (
  params: Record<string, unknown>,
  order: readonly string[] = Object.keys(params),
  checks: readonly InputCheck[] = [],
): Record<string, unknown> => {
  const problems: string[] = [];
  const zone = connectionTimeZone(params.connection, problems);
  const keys = [...new Set([...order, ...Object.keys(params)])].filter((k) => Object.hasOwn(params, k));
  const settled: Record<string, unknown> = {};
  for (const key of keys) settled[key] = settleValue(params[key], zone, problems);
  const invalid = new Set(keys.filter((k) => holdsInvalid(settled[k])));
  for (const check of checks) {
    const read = new Set<PropertyKey>();
    const watched = new Proxy(settled, {
      get: (target, key, receiver) => {
        read.add(key);
        return Reflect.get(target, key, receiver);
      },
      ownKeys: (target) => {
        for (const k of Reflect.ownKeys(target)) read.add(k);
        return Reflect.ownKeys(target);
      },
    });
    try {
      check(watched);
    } catch (error) {
      const readInvalid = [...read].some((k) => invalid.has(k as string));
      if (readInvalid) continue;
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw combinedInputError(problems);
  return settled;
};

type AnyPerform = (...args: unknown[]) => Promise<unknown>;

/**
 * `perform` with its params (argument `paramsAt`) settled first: every input problem and declared check
 * thrown as one InputError, zone-less date-times placed in the connection's Time Zone.
 */
const settlingPerform = (perform: AnyPerform, paramsAt: number, order: readonly string[]): AnyPerform => {
  const checks = CHECKS.get(perform) ?? [];
  return async (...args: unknown[]) => {
    const settled = [...args];
    settled[paramsAt] = settleInputs((args[paramsAt] ?? {}) as Record<string, unknown>, order, checks);
    return perform(...settled);
  };
};

/** A definition whose inputs record their errors and whose perform functions settle them first. */
const withSettledInputs = <D>(definition: D, performs: ReadonlyArray<{ name: string; paramsAt: number }>): D => {
  const def = definition as Record<string, unknown> & { inputs?: Record<string, unknown> };
  const inputs = def.inputs ?? {};
  const order = Object.keys(inputs);
  const out: Record<string, unknown> = { ...def, inputs: recordInputErrors(inputs) };
  for (const { name, paramsAt } of performs) {
    if (typeof def[name] === "function") out[name] = settlingPerform(def[name] as AnyPerform, paramsAt, order);
  }
  return out as D;
};

/** One action whose inputs record their errors and whose perform starts with `settleInputs`. */
export const withAllInputErrorsFor = (definition: ActionDefinition): ActionDefinition =>
  withSettledInputs(definition, [{ name: "perform", paramsAt: 1 }]);

/**
 * Where a data source's and a trigger's functions take their params: perform(context, params) for a data
 * source; perform(context, payload, params) for a trigger, whose deploy and delete hooks take (context, params).
 */
const PERFORMS = {
  dataSource: [{ name: "perform", paramsAt: 1 }],
  trigger: [
    { name: "perform", paramsAt: 2 },
    { name: "onInstanceDeploy", paramsAt: 1 },
    { name: "onInstanceDelete", paramsAt: 1 },
  ],
} as const;

/** Every data source or trigger of a record, reporting all its input errors at once as actions do. */
export const withAllInputErrorsIn = <T>(kind: keyof typeof PERFORMS, definitions: Record<string, T>): Record<string, T> =>
  // Each on its first read, like the actions (a data source is made only when something reads it).
  mapLazy(definitions, (definition, key) => {
    const lifecycle = (definition as { webhookLifecycleHandlers?: unknown }).webhookLifecycleHandlers;
    if (lifecycle) throw new Error(`Trigger ${key}: webhook lifecycle handlers would receive unsettled inputs; settle them in allErrors.ts first.`);
    return withSettledInputs(definition, PERFORMS[kind]);
  });

/** Every action of a record, as `withAllInputErrorsFor` makes it, each on its first read (src/core/lazy.ts). */
export const withAllInputErrors = (actions: Record<string, ActionDefinition>): Record<string, ActionDefinition> =>
  mapLazy(actions, withAllInputErrorsFor);
