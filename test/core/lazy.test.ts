/**
 * src/core/lazy.ts: records whose values are made on first read, once, and then are plain properties in
 * the same place — the keys, their order and what JSON sees do not change.
 */
import { copyProperty, defineLazy, isUnread, lazyRecord, mapLazy } from "../../src/core/lazy";
import { mergeKeyed } from "../../src/core/productArea";

test("a lazy record has its keys in order and makes each value once, on first read", () => {
  const made: string[] = [];
  const record = lazyRecord(["b", "a", "c"], (key) => {
    made.push(key);
    return { key };
  });
  expect(Object.keys(record)).toEqual(["b", "a", "c"]);
  expect("a" in record).toBe(true);
  expect(made).toEqual([]);
  const first = record.a;
  expect(record.a).toBe(first);
  expect(made).toEqual(["a"]);
  expect(isUnread(record, "a")).toBe(false);
  expect(isUnread(record, "b")).toBe(true);
  expect(Object.getOwnPropertyDescriptor(record, "a")).toMatchObject({ value: first, writable: true, enumerable: true });
  expect(JSON.stringify(record)).toBe('{"b":{"key":"b"},"a":{"key":"a"},"c":{"key":"c"}}');
  expect(made).toEqual(["a", "b", "c"]);
  expect(Object.keys(record)).toEqual(["b", "a", "c"]);
});

test("copies share the one made value, whichever is read first", () => {
  let count = 0;
  const original: Record<string, object> = {};
  defineLazy(original, "x", () => ({ n: ++count }));
  const copy: Record<string, object> = {};
  copyProperty(original, copy, "x");
  expect(isUnread(copy, "x")).toBe(true);
  const fromCopy = copy.x;
  expect(isUnread(original, "x")).toBe(true); // the copy settled, the original is still a getter
  expect(original.x).toBe(fromCopy);
  expect(count).toBe(1);
});

test("mapLazy and mergeKeyed read no value", () => {
  const made: string[] = [];
  const record = lazyRecord(["one", "two"], (key) => {
    made.push(key);
    return key.length;
  });
  const mapped = mapLazy(record, (n, key) => `${key}:${n}`);
  const merged = mergeKeyed("Thing", [mapped, { three: "3" }]);
  expect(made).toEqual([]);
  expect(Object.keys(merged)).toEqual(["one", "two", "three"]);
  expect(merged.two).toBe("two:3");
  expect(made).toEqual(["two"]);
  expect(() => mergeKeyed("Thing", [mapped, { one: "again" }])).toThrow("Thing key one is defined twice.");
  expect(made).toEqual(["two"]);
});
