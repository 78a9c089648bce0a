/**
 * Records whose values are made on first read (issue 16 item 9: cold start does not grow with the
 * catalog). A component with hundreds of actions is loaded for every execution, which runs one of them;
 * building and converting all the others first is the cost that grew with every module added.
 *
 * A lazy property is an enumerable getter in its place among the record's keys: `Object.keys`, `in`,
 * `Object.entries` and JSON see the same keys in the same order as a plain record. On first read the
 * value is made once and the getter replaced by a plain data property holding it, so later reads are
 * ordinary property reads. Copies made with `copyProperty` share the same made-once value.
 */

/** Defines `key` on `target` as made by `make()` on first read (once, however many copies read it). */
export const defineLazy = <T>(target: object, key: string, make: () => T): void => {
  let made = false;
  let value: T;
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get(this: object) {
      if (!made) {
        value = make();
        made = true;
      }
      // Settle as a plain property on whichever record was read (the original or a copy).
      Object.defineProperty(this, key, { configurable: true, enumerable: true, writable: true, value });
      return value;
    },
  });
};

/** A record with one lazy property per key, in the order given. */
export const lazyRecord = <T>(keys: readonly string[], make: (key: string) => T): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const key of keys) defineLazy(out, key, () => make(key));
  return out;
};

/** The record with each value passed through `f`, on first read of each key; no value is read here. */
export const mapLazy = <T, U>(record: Record<string, T>, f: (value: T, key: string) => U): Record<string, U> =>
  lazyRecord(Object.keys(record), (key) => f(record[key], key));

/** Copies one property as it is: a lazy one stays lazy (and shares its value), a plain one is copied. */
export const copyProperty = (from: object, to: object, key: string): void => {
  const descriptor = Object.getOwnPropertyDescriptor(from, key);
  if (descriptor) Object.defineProperty(to, key, { ...descriptor, configurable: true, enumerable: true });
};

/** True while `key` of `record` has not been read yet (for tests and the cold-start check). */
export const isUnread = (record: object, key: string): boolean =>
  typeof Object.getOwnPropertyDescriptor(record, key)?.get === "function";
