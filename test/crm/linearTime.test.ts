/**
 * Nothing read back from ServiceTitan can stall Find or Create Customer or Validate Location Address:
 * the normaliser caps every value before it works on it, and the parts that scan text (phone
 * extensions, a unit at the end of a street line, unit designators) take time linear in its length.
 *
 * No absolute time is asserted: each check compares the time per call for an input 16 times longer
 * than another. Linear work gives a ratio near 16, quadratic work near 256; the bound is 64.
 */
import {
  MAX_PHONE_LENGTH,
  MAX_TEXT_LENGTH,
  addressKey,
  normalizeName,
  normalizePhone,
  normalizeUnit,
  parseStreet,
  stripPhoneExtension,
  trailingUnit,
} from "../../src/crm/normalize";
import { excerpt } from "../../src/http/errors";

/** Best time per call (ns) of `fn` over 3 trials of at least 5 ms each. */
const perCall = (fn: () => unknown): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let trial = 0; trial < 3; trial++) {
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0;
    do {
      fn();
      calls += 1;
      elapsed = Number(process.hrtime.bigint() - start);
    } while (elapsed < 5e6);
    best = Math.min(best, elapsed / calls);
  }
  return best;
};

const SMALL = 2000;
const LARGE = SMALL * 16;

/** How much longer a call on the large input takes than on the small one. */
const growth = (make: (n: number) => string, fn: (text: string) => unknown): number => {
  const small = make(SMALL);
  const large = make(LARGE);
  fn(small); // warm up
  return perCall(() => fn(large)) / perCall(() => fn(small));
};

/** Inputs that made the former patterns backtrack: long runs of spaces, repeated designators. */
const spacedPhone = (n: number) => `619 555 0101${" ".repeat(n)}call after 5`;
const spacedStreet = (n: number) => `12${" ".repeat(n)}Main St`;
const spacedUnitWord = (n: number) => `12 Main St apt${" ".repeat(n)}!`;
const designators = (n: number) => `${"apt ".repeat(n / 4)}4`;
const spacedName = (n: number) => `Jane${" ".repeat(n)}Smith`;

describe("values read back are capped before normalising", () => {
  it.each<[string, (n: number) => string, (s: string) => unknown]>([
    ["phone", spacedPhone, normalizePhone],
    ["street", spacedStreet, parseStreet],
    ["street with a unit word", spacedUnitWord, parseStreet],
    ["unit", designators, normalizeUnit],
    ["name", spacedName, normalizeName],
    ["address key", spacedStreet, (s) => addressKey({ street: s, city: s, state: s, zip: s, unit: s })],
  ])("%s: a 16× longer value costs less than 64× the time", (_, make, fn) => {
    expect(growth(make, fn)).toBeLessThan(64);
  });

  it("only the first characters of a value count", () => {
    expect(normalizePhone(`(619) 555-0101${" ".repeat(MAX_PHONE_LENGTH)}99`)).toBe("6195550101");
    expect(normalizeName(`Jane Smith${" ".repeat(MAX_TEXT_LENGTH)}Extra`)).toBe("jane smith");
    expect(parseStreet(`12 Main St${" ".repeat(MAX_TEXT_LENGTH)}Apt 4`)).toEqual({ number: "12", name: "main st", unit: "" });
  });
});

describe("the scanning parts are linear, whatever the length", () => {
  it("phone extension", () => {
    expect(growth(spacedPhone, stripPhoneExtension)).toBeLessThan(64);
    expect(growth((n) => `6195550101 x${" ".repeat(n)}1`, stripPhoneExtension)).toBeLessThan(64);
    expect(stripPhoneExtension("619-555-0101 ext. 22")).toBe("619-555-0101 ");
    expect(stripPhoneExtension("619-555-0101 x3  ")).toBe("619-555-0101 ");
  });

  it("unit at the end of a street line", () => {
    expect(growth(spacedStreet, trailingUnit)).toBeLessThan(64);
    expect(growth(spacedUnitWord, trailingUnit)).toBeLessThan(64);
    expect(growth((n) => `12 Main St #${" ".repeat(n)}`, trailingUnit)).toBeLessThan(64);
    expect(growth((n) => `12 Main St, ${"9".repeat(n)}x!`, trailingUnit)).toBeLessThan(64);
  });
});

describe("the scans read short lines as the former patterns did", () => {
  // The former patterns, kept here only as the reference (fine on short text, quadratic on long runs).
  const WORDS = ["apartment", "apt", "suite", "ste", "unit", "room", "rm", "floor", "fl", "bldg", "building", "lot", "space", "spc", "dept", "no", "number"];
  const FORMER_UNIT = new RegExp(`(?:,|\\s)\\s*(?:(?:${WORDS.join("|")})\\.?\\s*#?\\s*|#\\s*)([a-z0-9-]+)\\s*$`, "i");
  const FORMER_EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/;
  const PIECES = ["apt", "Apt", "#", ".", " ", "  ", ",", "4", "4b", "no", "number", "lot", "us", "x", "ext", "-", "main", "12", "\t", "Suite", "b"];

  it("on 20,000 lines built from street and phone fragments", () => {
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 20000; i++) {
      const count = 1 + Math.floor(next() * 7);
      let line = "";
      for (let j = 0; j < count; j++) line += PIECES[Math.floor(next() * PIECES.length)];
      line = line.trim();
      const m = FORMER_UNIT.exec(line);
      expect([line, trailingUnit(line)]).toEqual([line, m ? { index: m.index, unit: m[1] } : undefined]);
      const lower = line.toLowerCase();
      expect([line, stripPhoneExtension(lower).replace(/\D/g, "")]).toEqual([line, lower.replace(FORMER_EXTENSION, "").replace(/\D/g, "")]);
    }
  });
});

describe("HTML error bodies are capped before their tags are stripped", () => {
  it.each<[string, (n: number) => string]>([
    ["unclosed tags", (n) => `<html>${"<".repeat(n)}`],
    ["unclosed scripts", (n) => `<p>Bad gateway</p>${"<script>".repeat(n / 8)}`],
  ])("%s: a 16× longer body costs less than 64× the time", (_, make) => {
    expect(growth(make, excerpt)).toBeLessThan(64);
  });

  it("the excerpt still shows the page's words", () => {
    expect(excerpt(`<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1>${"<br>".repeat(100000)}</body></html>`)).toBe("502 Bad Gateway");
  });
});
