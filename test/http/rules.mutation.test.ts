/**
 * The transport rules (src/http/rules.ts) and budget windows (src/http/budget.ts) as units, where
 * mutation testing found them unjudged through the client: matching a sent path to a template, which
 * calls share a budget, the paging checks' bounds, and a budget window's order and waits.
 *
 * Time is an injected clock that the injected sleep advances: nothing really waits.
 */
import { BudgetWindow, budgetWindowFor } from "../../src/http/budget";
import {
  bestMatch,
  budgetKey,
  checkPaging,
  firstPageOf,
  isIdempotent,
  matchTemplate,
  methodRules,
  type OperationRules,
  type RuleTarget,
  rowFor,
  rowsOf,
  rulesFor,
  rulesForRequest,
  SERVICETITAN_MAX_PAGE_SIZE,
} from "../../src/http/rules";

const op = (extra: Partial<RuleTarget> & { page?: number; pageSize?: number | null } = {}): RuleTarget => {
  const { page, pageSize, ...rest } = extra;
  const params: RuleTarget["params"] = [];
  if (page !== undefined) params.push({ name: "page", in: "query", required: false, schema: { type: "integer", minimum: page } });
  if (pageSize !== undefined)
    params.push({
      name: "pageSize",
      in: "query",
      required: false,
      schema: pageSize === null ? { type: "integer" } : { type: "integer", maximum: pageSize },
    });
  return { module: "crm", operationId: "Things_GetList", method: "GET", path: "/things", params, ...rest } as RuleTarget;
};

describe("methods and first pages", () => {
  test("idempotent methods in any case; POST and PATCH are not", () => {
    for (const m of ["GET", "get", "HEAD", "OPTIONS", "PUT", "delete"]) expect(isIdempotent(m)).toBe(true);
    for (const m of ["POST", "PATCH", "patch"]) expect(isIdempotent(m)).toBe(false);
  });

  test("the first page is 0 only when the contract says 0", () => {
    expect(firstPageOf(0)).toBe(0);
    expect(firstPageOf(1)).toBe(1);
    expect(firstPageOf(undefined)).toBe(1);
  });

  test("an operation with no descriptor: the method decides, nothing is paged", () => {
    expect(methodRules("PUT")).toEqual({ repeatable: true, paged: false, maxPageSize: SERVICETITAN_MAX_PAGE_SIZE, firstPage: 1 });
    expect(methodRules("POST").repeatable).toBe(false);
  });
});

describe("rules from a descriptor", () => {
  test("paged only with both page and pageSize; the cap is the contract's, never above 5,000", () => {
    expect(rulesFor(op({ page: 0, pageSize: 200 }))).toEqual({
      ref: "crm:Things_GetList",
      path: "/things",
      repeatable: true,
      paged: true,
      maxPageSize: 200,
      firstPage: 0,
    });
    expect(rulesFor(op({ page: 1 })).paged).toBe(false);
    expect(rulesFor(op({ pageSize: 50 })).paged).toBe(false);
    expect(rulesFor(op({ page: 1, pageSize: 9000 })).maxPageSize).toBe(5000);
    expect(rulesFor(op({ page: 1, pageSize: null })).maxPageSize).toBe(5000);
    // A page parameter in the path is not paging.
    const inPath = op({ pageSize: 10 });
    inPath.params.push({ name: "page", in: "path", required: true, schema: { type: "integer" } });
    expect(rulesFor(inPath).paged).toBe(false);
  });

  test("a row overrides the descriptor and makes the operation paged; a row without paging keeps it unpaged", () => {
    const journal = rulesFor(op({ module: "accounting", operationId: "JournalEntries_GetList", path: "/journal-entries" }));
    expect(journal).toMatchObject({
      ref: "accounting:JournalEntries_GetList",
      paged: true,
      maxPageSize: 500,
      firstPage: 1,
      repeatable: true,
    });
    const capacity = rulesFor(op({ module: "dispatch", operationId: "Capacity_GetList", method: "POST", path: "/capacity" }));
    expect(capacity).toMatchObject({ paged: false, repeatable: true, maxPageSize: 5000 });
    expect(capacity.budget).toBeUndefined();
    const report = rulesFor(
      op({
        module: "reporting" as RuleTarget["module"],
        operationId: "ReportCategoryReports_GetData",
        method: "POST",
        path: "/x",
        page: 0,
        pageSize: 100,
      }),
    );
    expect(report).toMatchObject({
      path: "/report-category/{report_category}/reports/{reportId}/data",
      maxPageSize: 25_000,
      firstPage: 1,
      paged: true,
    });
    expect(report.budget).toMatchObject({ calls: 1, periodMs: 60_000 });
  });

  test("rows by module and by module + operationId", () => {
    expect(rowsOf("accounting").map((r) => r.operationId)).toEqual([
      "JournalEntries_GetList",
      "JournalEntries_GetSummary",
      "JournalEntries_GetDetails",
    ]);
    expect(rowsOf("crm")).toEqual([]);
    expect(rowFor("dispatch", "Capacity_GetList")?.path).toBe("/capacity");
    expect(rowFor("crm", "Capacity_GetList")).toBeUndefined();
  });
});

describe("matching a sent path", () => {
  test("segments by position, literals in any case, parameters as sent; other lengths never match", () => {
    expect(matchTemplate("/a/{id}/B", "/A/7/b")).toEqual({ id: "7" });
    expect(matchTemplate("/a/{id}", "a/7/")).toEqual({ id: "7" });
    expect(matchTemplate("/a/{id}", "/a/7/x")).toBeUndefined();
    expect(matchTemplate("/a/{id}/b", "/a/7")).toBeUndefined();
    expect(matchTemplate("/a/b", "/a/c")).toBeUndefined();
    expect(matchTemplate("/a/{id", "/a/{id")).toEqual({});
    expect(matchTemplate("/a/id}", "/a/7")).toBeUndefined();
  });

  test("the method must match (any case sent); the most literal template wins, wherever it stands", () => {
    const candidates = [
      { method: "GET", path: "/c/{id}/{sub}" },
      { method: "GET", path: "/c/{id}/notes" },
      { method: "GET", path: "/c/export/{sub}" },
      { method: "POST", path: "/c/export/notes" },
    ];
    expect(bestMatch(candidates, "get", "/c/7/notes")?.path).toBe("/c/{id}/notes");
    expect(bestMatch(candidates, "GET", "/c/export/notes")?.path).toBe("/c/export/{sub}");
    expect(bestMatch(candidates, "POST", "/c/export/notes")?.path).toBe("/c/export/notes");
    expect(bestMatch(candidates, "GET", "/c/7/x")?.path).toBe("/c/{id}/{sub}");
    expect(bestMatch(candidates, "DELETE", "/c/7/x")).toBeUndefined();
    expect(bestMatch([...candidates].reverse(), "GET", "/c/export/notes")?.path).toBe("/c/export/{sub}");
  });

  test("a request names its operation, or is matched by path among descriptors, then among the table's rows", () => {
    const descriptors = [op({ page: 1, pageSize: 100 }), op({ operationId: "Things_Get", path: "/things/{id}" })];
    const of = (m: string) => (m === "crm" ? descriptors : undefined);
    expect(rulesForRequest({ module: "crm", method: "GET", path: "/anything", operationId: "Things_GetList" }, of).maxPageSize).toBe(100);
    expect(rulesForRequest({ module: "crm", method: "GET", path: "/things/5" }, of).ref).toBe("crm:Things_Get");
    expect(rulesForRequest({ module: "crm", method: "GET", path: "/nothing" }, of)).toEqual(methodRules("GET"));
    expect(rulesForRequest({ module: "accounting", method: "GET", path: "/journal-entries/5/details" }, of).ref).toBe(
      "accounting:JournalEntries_GetDetails",
    );
    expect(
      rulesForRequest({ module: "accounting", method: "GET", path: "/x", operationId: "JournalEntries_GetSummary" }, of).maxPageSize,
    ).toBe(500);
    expect(rulesForRequest({ module: "crm", method: "GET", path: "/things", operationId: "Nope" }, of)).toEqual(methodRules("GET"));
  });
});

describe("rows that say more (mutation survivors of the 15:10 run)", () => {
  test("a row's serverErrorMeans reaches the rules; an operation without one has none", () => {
    const unknownCall = rulesFor(op({ module: "telecom" as RuleTarget["module"], operationId: "Calls_GetDetails", path: "/calls/{id}" }));
    expect(unknownCall.serverErrorMeans).toMatch(/answers 500, not 404, when the call ID does not exist/);
    expect("serverErrorMeans" in rulesFor(op())).toBe(false);
  });

  test("only a query parameter named pageSize (with page) makes an operation paged", () => {
    const pathPageSize = op({ page: 1 });
    pathPageSize.params.push({ name: "pageSize", in: "path", required: true, schema: { type: "integer" } } as RuleTarget["params"][number]);
    expect(rulesFor(pathPageSize).paged).toBe(false);
  });

  test("a path is matched only among the operations of the version it is sent under", () => {
    const v2 = op({ module: "telecom" as RuleTarget["module"], operationId: "Calls_GetCalls", path: "/calls" });
    const v3 = { ...op({ module: "telecom" as RuleTarget["module"], operationId: "Calls_GetCallsV3", path: "/calls" }), version: "v3" } as RuleTarget;
    const descriptors = () => [v2, v3];
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls", version: "v3" }, descriptors).ref).toBe("telecom:Calls_GetCallsV3");
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls" }, descriptors).ref).toBe("telecom:Calls_GetCalls");
    expect(rulesForRequest({ module: "telecom", method: "GET", path: "/calls", version: "v2" }, () => [v3, v2]).ref).toBe("telecom:Calls_GetCalls");
  });

  test("a page that is not a number or text (true, an object) fails naming Page, not with a TypeError", () => {
    const paged = rulesFor(op({ page: 1, pageSize: 50 }));
    expect(() => checkPaging(paged, { page: true })).toThrow(/^Page \(query parameter page\): /);
    expect(() => checkPaging(paged, { pageSize: { n: 5 } })).toThrow(/^Page Size \(query parameter pageSize\): /);
  });
});

describe("budget keys", () => {
  const rules = (per: "tenant" | "path" | readonly string[], extra: Partial<OperationRules> = {}): OperationRules => ({
    ref: "m:Op",
    path: "/r/{cat}/x/{id}",
    repeatable: true,
    paged: false,
    maxPageSize: 5000,
    firstPage: 1,
    budget: { calls: 1, periodMs: 1000, per, says: "x" },
    ...extra,
  });

  test("no budget: the tenant's own key", () => {
    expect(budgetKey({ ...rules("tenant"), budget: undefined }, "host|t", "/a")).toBe("host|t");
  });

  test("per tenant, per path (any case), per path parameters (decoded; a malformed escape kept as sent)", () => {
    expect(budgetKey(rules("tenant"), "host|t", "/a")).toBe("host|t|m:Op");
    expect(budgetKey(rules("path"), "host|t", "/R/A")).toBe("host|t|m:Op|/r/a");
    expect(budgetKey(rules(["cat", "id"]), "host|t", "/r/ops%20x/x/5")).toBe("host|t|m:Op|cat=ops x&id=5");
    expect(budgetKey(rules(["cat", "id"]), "host|t", "/r/%E0%A4/x/5")).toBe("host|t|m:Op|cat=%E0%A4&id=5");
    expect(budgetKey(rules(["cat"]), "host|t", "/elsewhere")).toBe("host|t|m:Op|cat=");
  });

  test("without a reference the path template names the budget; without a template nothing is matched", () => {
    expect(budgetKey(rules("tenant", { ref: undefined }), "s", "/a")).toBe("s|/r/{cat}/x/{id}");
    expect(budgetKey(rules(["cat"], { ref: undefined, path: undefined }), "s", "/r/a/x/1")).toBe("s||cat=");
  });
});

describe("paging checks", () => {
  const paged: OperationRules = { repeatable: true, paged: true, maxPageSize: 500, firstPage: 1 };
  const check =
    (query: Record<string, unknown> | undefined, rules = paged) =>
    () =>
      checkPaging(rules, query);

  test("page sizes from 1 to the cap pass, as numbers, text with spaces, bigints or a list's first value", () => {
    for (const pageSize of [1, 500, " 500 ", 500n, ["2", "9999"], undefined, null, ""]) expect(check({ pageSize })).not.toThrow();
  });

  test("a page size outside 1–cap or not whole fails naming Page Size and the cap", () => {
    for (const pageSize of [0, 501, 2.5, "abc", 501n, ["501"]]) {
      expect(check({ pageSize })).toThrow(
        /^Page Size \(query parameter pageSize\): expected a whole number from 1 to 500, the largest page ServiceTitan returns/,
      );
    }
  });

  test("a page before the first fails naming Page and the first page; a page from it passes", () => {
    expect(check({ page: 0 })).toThrow("Page (query parameter page): expected a whole number from 1 (this list's first page is 1), got 0.");
    expect(check({ page: 1.5 })).toThrow(/from 1 \(this list's first page is 1\)/);
    expect(check({ page: 1 })).not.toThrow();
    expect(check({ page: 0 }, { ...paged, firstPage: 0 })).not.toThrow();
    expect(check({ page: -1 }, { ...paged, firstPage: 0 })).toThrow(/from 0 \(this list's first page is 0\)/);
  });

  test("nothing is checked for an operation that does not page, or without a query", () => {
    expect(check({ page: 0, pageSize: 99_999 }, { ...paged, paged: false })).not.toThrow();
    expect(check(undefined)).not.toThrow();
  });
});

describe("budget windows", () => {
  const fakeClock = (start = 0) => {
    const clock = { t: start, slept: [] as number[] };
    return {
      clock,
      now: () => clock.t,
      sleep: async (ms: number) => {
        clock.slept.push(ms);
        clock.t += ms;
      },
    };
  };

  test("refuses a budget of no calls or a part of one", () => {
    const { now, sleep } = fakeClock();
    expect(() => new BudgetWindow(0, 1000, { now, sleep })).toThrow("Budget: expected at least 1 call per period, got 0.");
    expect(() => new BudgetWindow(1.5, 1000, { now, sleep })).toThrow(/at least 1 call/);
    expect(new BudgetWindow(1, 1000, { now, sleep }).calls).toBe(1);
  });

  test("two calls a period: the third waits one period after the first answer; check and onWait hear the wait first", async () => {
    const { clock, now, sleep } = fakeClock(1000);
    const window = new BudgetWindow(2, 10_000, { now, sleep });
    const heard: string[] = [];
    const check = (ms: number) => heard.push(`check ${ms}`);
    const onWait = (ms: number) => heard.push(`wait ${ms}`);
    const first = await window.acquire(check, onWait);
    const second = await window.acquire(check, onWait);
    expect(heard).toEqual([]);
    clock.t = 3000;
    first();
    first(); // a second release changes nothing
    clock.t = 4000;
    second();
    const third = await window.acquire(check, onWait);
    expect(heard).toEqual(["check 9000", "wait 9000"]);
    expect(clock.slept).toEqual([9000]);
    expect(clock.t).toBe(13_000);
    third();
    // The fourth waits for the second's answer (at 4000) + 10 s.
    await window.acquire(check);
    expect(clock.slept).toEqual([9000, 1000]);
  });

  test("a slot free already is granted without a wait; a refused wait leaves the slot to the next caller", async () => {
    const { clock, now, sleep } = fakeClock(0);
    const window = new BudgetWindow(1, 1000, { now, sleep });
    (await window.acquire(() => {}))();
    clock.t = 5000;
    const heard: number[] = [];
    const release = await window.acquire((ms) => heard.push(ms));
    expect(heard).toEqual([]);
    release();
    const refuse = (ms: number) => {
      throw new Error(`too long: ${ms}`);
    };
    await expect(window.acquire(refuse)).rejects.toThrow("too long: 1000");
    clock.t = 6000;
    (await window.acquire(refuse))();
    expect(clock.slept).toEqual([]);
  });

  test("callers are served in order: a later caller waits for the earlier's slot to be released", async () => {
    const { clock, now, sleep } = fakeClock(0);
    const window = new BudgetWindow(1, 1000, { now, sleep });
    const order: string[] = [];
    const first = await window.acquire(() => {});
    const second = window
      .acquire(() => {})
      .then((r) => {
        order.push("second");
        return r;
      });
    const third = window
      .acquire(() => {})
      .then((r) => {
        order.push("third");
        return r;
      });
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(order).toEqual([]);
    clock.t = 200;
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
    expect(clock.slept).toEqual([1000, 1000]);
    expect(clock.t).toBe(2200);
  });

  test("a clock that goes back is held at its latest time", async () => {
    const { clock, now, sleep } = fakeClock(10_000);
    const window = new BudgetWindow(1, 1000, { now, sleep });
    (await window.acquire(() => {}))();
    clock.t = 0;
    await window.acquire(() => {});
    expect(clock.slept).toEqual([1000]);
  });

  test("a release repeated later changes nothing: the period runs from the first answer", async () => {
    const { clock, now, sleep } = fakeClock(0);
    const window = new BudgetWindow(1, 10_000, { now, sleep });
    const first = await window.acquire(() => {});
    clock.t = 1000;
    first();
    clock.t = 5000;
    first(); // a caller's finally releasing again, later
    const heard: number[] = [];
    await window.acquire((ms) => heard.push(ms));
    expect(heard).toEqual([6000]);
    expect(clock.t).toBe(11_000);
  });

  test("a window remembers only the last `calls` answers, however many calls it served", async () => {
    const { clock, now, sleep } = fakeClock(0);
    const window = new BudgetWindow(2, 1000, { now, sleep });
    for (let i = 0; i < 50; i += 1) {
      (await window.acquire(() => {}))();
      clock.t += 1000;
    }
    // A long-running process must not keep one entry per call it ever made.
    expect((window as unknown as { held: unknown[] }).held).toHaveLength(2);
  });

  test("one window per key, budget and clock", () => {
    const a = fakeClock();
    const b = fakeClock();
    const w = budgetWindowFor("k", 1, 1000, a);
    expect(budgetWindowFor("k", 1, 1000, a)).toBe(w);
    expect(budgetWindowFor("k", 2, 1000, a)).not.toBe(w);
    expect(budgetWindowFor("k", 1, 2000, a)).not.toBe(w);
    expect(budgetWindowFor("j", 1, 1000, a)).not.toBe(w);
    expect(budgetWindowFor("k", 1, 1000, b)).not.toBe(w);
    expect(budgetWindowFor("k", 2, 1000, a).calls).toBe(2);
    expect(budgetWindowFor("k", 1, 2000, a).periodMs).toBe(2000);
  });
});
