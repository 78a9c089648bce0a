/**
 * The one progress rule (src/paging/progress.ts, issue 15 item 13): a run that takes more than one
 * request — Fetch All, an export drain, a dropdown load, a trigger run — writes to the execution log at
 * info level at most one line per PROGRESS_EVERY_MS ("15,000 of 100,000 customers, page 3 of 20", or
 * "15,000 customers so far, page 3" when the list gives no total) and one closing line with the totals;
 * a run of one request writes nothing. Every clock here is a fake one: no assertion depends on how fast
 * the machine is.
 */
import { formatCount, nounOf, PROGRESS_EVERY_MS, startProgress } from "../../src/paging/progress";

/** A reporter over a fake clock and a fake wait tally; `lines` is what reached the log, `at` when. */
const setUp = (opts: { total?: boolean } = {}) => {
  const lines: string[] = [];
  const at: number[] = [];
  const clock = { now: 1_900_000_000_000 };
  const start = clock.now;
  const waits = { count: 0, ms: 0 };
  const sink = {
    runLog: (line: string) => {
      lines.push(line);
      at.push(clock.now - start);
    },
    waits: () => ({ ...waits }),
  };
  const progress = startProgress(sink, { title: 'Fetch All "List Customers"', noun: "customers", now: () => clock.now });
  let records = 0;
  let pages = 0;
  /** One more page of 5,000 answered, `ms` after the previous event. */
  const page = (ms: number) => {
    clock.now += ms;
    records += 5000;
    pages += 1;
    progress.step(opts.total === false ? { records, pages } : { records, pages, total: 100_000, totalPages: 20 });
  };
  return { lines, at, clock, waits, progress, page };
};

test("the interval is a few seconds", () => {
  expect(PROGRESS_EVERY_MS).toBeGreaterThanOrEqual(2000);
  expect(PROGRESS_EVERY_MS).toBeLessThanOrEqual(10_000);
});

test("numbers are written as people read them", () => {
  expect(formatCount(0)).toBe("0");
  expect(formatCount(999)).toBe("999");
  expect(formatCount(15_000)).toBe("15,000");
  expect(formatCount(1_234_567)).toBe("1,234,567");
});

test("a run of one request writes nothing, however long that request took", () => {
  const { lines, page, progress } = setUp();
  page(10 * PROGRESS_EVERY_MS);
  progress.done();
  expect(lines).toEqual([]);
});

test("a quick run of several requests writes only the closing line", () => {
  const { lines, page, progress } = setUp();
  page(10);
  page(10);
  page(10);
  progress.done();
  expect(lines).toEqual(['Fetch All "List Customers": done, 15,000 customers from 3 pages in 3 requests, no waits, 0.0 s.']);
});

test("twenty pages a second apart, with re-reads and waits: a line every interval, then the totals", () => {
  const { lines, at, page, progress, waits, clock } = setUp();
  const every = PROGRESS_EVERY_MS / 5;
  for (let i = 0; i < 20; i++) {
    page(every);
    if (i < 19) progress.reread(); // the boundary check after each page but the last
  }
  waits.count = 2;
  waits.ms = 3500;
  clock.now += 100;
  progress.done();
  expect(lines).toEqual([
    'Fetch All "List Customers": 25,000 of 100,000 customers, page 5 of 20.',
    'Fetch All "List Customers": 50,000 of 100,000 customers, page 10 of 20.',
    'Fetch All "List Customers": 75,000 of 100,000 customers, page 15 of 20.',
    'Fetch All "List Customers": 100,000 of 100,000 customers, page 20 of 20.',
    `Fetch All "List Customers": done, 100,000 customers from 20 pages in 39 requests (19 re-reads), 2 waits (3.5 s), ${((20 * every + 100) / 1000).toFixed(1)} s.`,
  ]);
  expect(at.slice(0, 4)).toEqual([1, 2, 3, 4].map((n) => n * PROGRESS_EVERY_MS));
});

test("without a total the lines say how many so far", () => {
  const { lines, page } = setUp({ total: false });
  page(PROGRESS_EVERY_MS / 2);
  page(PROGRESS_EVERY_MS / 2);
  page(PROGRESS_EVERY_MS / 2);
  expect(lines).toEqual(['Fetch All "List Customers": 10,000 customers so far, page 2.']);
});

test("never two lines within one interval, whatever the pace (irregular fake clock)", () => {
  const { at, lines, page } = setUp({ total: false });
  const gaps = [1, 4999, 1, 5000, 2500, 2499, 2, 9999, 0, 0, 7000, 1, 1, 4998, 3, 12_000, 1];
  for (const gap of gaps) page((gap * PROGRESS_EVERY_MS) / 5000);
  expect(lines.length).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(PROGRESS_EVERY_MS);
  // And no line is held back longer than needed: after the first request, a step an interval after the last line writes one.
  expect(at[0]).toBe(PROGRESS_EVERY_MS);
});

test("the closing line can give the final count and a note (records kept once, a stop)", () => {
  const { lines, page, progress } = setUp({ total: false });
  page(1);
  page(1);
  progress.done({ records: 9_990, note: "stopped at Max Records" });
  expect(lines).toEqual(['Fetch All "List Customers": done, 9,990 customers from 2 pages in 2 requests, no waits, 0.0 s; stopped at Max Records.']);
});

test("a sink without a run log (a test double of the client) is no reason to fail", () => {
  const progress = startProgress({}, { title: "x", noun: "records" });
  progress.step({ records: 1, pages: 1 });
  progress.step({ records: 2, pages: 2 });
  expect(() => progress.done()).not.toThrow();
});

test("the lines name what is read: the operation without its verb, else the path's last named segment", () => {
  expect(nounOf({ operation: '"List Customers"', path: "/customers" })).toBe("customers");
  expect(nounOf({ operation: '"List Intacct Business Unit Mappings"', path: "/intacct" })).toBe("intacct business unit mappings");
  expect(nounOf({ operation: '"Export GL Accounts"', path: "/export/gl-accounts" })).toBe("GL accounts");
  expect(nounOf({ operation: "Raw Request", path: "/customers/12/job-types" })).toBe("job types");
  expect(nounOf({ operation: "Raw Request", path: "/customers/%7Bid%7D" })).toBe("customers");
  expect(nounOf({ operation: "x", path: "/" })).toBe("records");
});
