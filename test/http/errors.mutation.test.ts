/**
 * The messages of src/http/errors.ts word for word where mutation testing found them unjudged: each
 * part of a failure's message is what a person acts on (which field, which scope, how long to wait,
 * whether a write may have happened), so a part dropped or changed is a defect.
 */
import { ConnectionError } from "@prismatic-io/spectral";
import {
  excerpt,
  parseErrorBody,
  ServiceTitanApiError,
  ServiceTitanBudgetError,
  ServiceTitanDeadlineError,
  statedWaitTooLong,
  toApiError,
  toBodyError,
  toBudgetError,
  toDeadlineError,
  toEmptyBodyError,
  toNetworkError,
  tokenExpiredDuringRetries,
} from "../../src/http/errors";

const call = { operation: '"Get Customer"', method: "GET", path: "/customers/7" };
const write = { operation: '"Create Customer"', method: "POST", path: "/customers", scope: "tn.crm.customers:w" };
const connection = { key: "serviceTitanConnection", configVarKey: "c", fields: {} };

describe("parseErrorBody", () => {
  test("only a JSON object is a body to read; anything else is undefined", () => {
    expect(parseErrorBody('  {"a":1} ')).toEqual({ a: 1 });
    expect(parseErrorBody("[1]")).toBeUndefined();
    expect(parseErrorBody("{broken")).toBeUndefined();
    expect(parseErrorBody("null")).toBeUndefined();
    expect(parseErrorBody("")).toBeUndefined();
  });
});

describe("excerpt", () => {
  test("scripts and styles go with their content, tags become spaces, whitespace folds, an open tag at the end goes", () => {
    expect(excerpt("<p>Hello</p><script>var x = 1;</script><STYLE>p{}</STYLE>\n\n  <b>world</b> <i")).toBe("Hello world");
    expect(excerpt("a<br>b")).toBe("a b");
    expect(excerpt("a<script>x</script>b")).toBe("a b");
    // Only the last open tag, cut off at the end, is dropped.
    expect(excerpt("a <b <c")).toBe("a <b");
    expect(excerpt("  plain   text \t here ")).toBe("plain text here");
  });

  test("a long body is cut to about 200 characters", () => {
    const text = excerpt("word ".repeat(400));
    expect(text.length).toBeGreaterThan(150);
    expect(text.length).toBeLessThanOrEqual(210);
  });

  test("a tag opened early in a long page and closed late is dropped whole", () => {
    expect(excerpt(`start <a ${"x".repeat(9000)}> end`)).toBe("start");
  });
});

describe("toApiError", () => {
  test("a JSON error with a title and field errors: every part, joined, field errors kept for programs", () => {
    const e = toApiError(
      write,
      400,
      JSON.stringify({ title: "Invalid.", traceId: "00-t-01", errors: { Name: ["Required.", "Too short."], "": "Body unreadable." } }),
    );
    expect(e).toBeInstanceOf(ServiceTitanApiError);
    expect(e.message).toBe(
      'ServiceTitan "Create Customer" failed with 400 Bad Request: Invalid. — Name: Required. Too short. — (request): Body unreadable. — traceId: 00-t-01',
    );
    expect((e as ServiceTitanApiError).fieldErrors).toEqual({ Name: ["Required.", "Too short."], "": ["Body unreadable."] });
    expect((e as ServiceTitanApiError).traceId).toBe("00-t-01");
    expect((e as ServiceTitanApiError).status).toBe(400);
    expect(e.name).toBe("ServiceTitanApiError");
  });

  test("a described body shows its first readable text, trimmed; blanks are skipped", () => {
    expect(toApiError(call, 400, JSON.stringify({ message: "  ", detail: "  Not active.  " })).message).toBe(
      'ServiceTitan "Get Customer" failed with 400 Bad Request: Not active.',
    );
    expect(toApiError(call, 400, JSON.stringify({ message: 5, error_description: "Bad client" })).message).toBe(
      'ServiceTitan "Get Customer" failed with 400 Bad Request: Bad client',
    );
  });

  test("a JSON body with nothing readable is shown as an excerpt; one with field errors only is not", () => {
    expect(toApiError(call, 418, JSON.stringify({ code: "E1" })).message).toBe(
      'ServiceTitan "Get Customer" failed with 418 HTTP error — Response: {"code":"E1"}',
    );
    expect(toApiError(call, 400, JSON.stringify({ errors: { id: ["Bad."] } })).message).toBe(
      'ServiceTitan "Get Customer" failed with 400 Bad Request — id: Bad.',
    );
    // `errors` that is not an object is not a list of field errors: the body is shown as an excerpt.
    expect(toApiError(call, 400, JSON.stringify({ errors: "text" })).message).toBe(
      'ServiceTitan "Get Customer" failed with 400 Bad Request — Response: {"errors":"text"}',
    );
  });

  test("text bodies are excerpted; empty and blank bodies say so", () => {
    expect(toApiError(call, 503, " <h1>Down</h1> ").message).toBe(
      'ServiceTitan "Get Customer" failed with 503 Service Unavailable — Response: Down',
    );
    expect(toApiError(call, 500, "  \n").message).toBe(
      'ServiceTitan "Get Customer" failed with 500 Internal Server Error — The response had no body.',
    );
  });

  test("403 without a known scope, 404, 429 after the retries, 429 without context", () => {
    expect(toApiError(call, 403, "").message).toBe(
      'ServiceTitan "Get Customer" failed with 403 Forbidden — The response had no body. — The app lacks a scope this operation needs, or the tenant has not granted access.',
    );
    expect(toApiError(write, 403, "").message).toContain(
      'The app needs the OAuth scope "tn.crm.customers:w" for this operation; add it to the app in the ServiceTitan Developer Portal',
    );
    expect(toApiError(call, 404, "").message).toBe(
      'ServiceTitan "Get Customer" failed with 404 Not Found — The response had no body. — Nothing was found at GET /customers/7: check the IDs in the path and the Tenant ID.',
    );
    expect(toApiError(call, 429, "", undefined, { attempts: 4 }).message).toBe(
      'ServiceTitan "Get Customer" failed with 429 Too Many Requests — The response had no body. — ServiceTitan\'s rate limit was still exceeded after 4 attempts.',
    );
    expect(toApiError(call, 429, "").message).toMatch(/still exceeded after the retries allowed\.$/);
    expect(toApiError(call, 429, "", undefined, { attempts: 1 }).message).not.toMatch(/still exceeded/);
  });

  test("401: a ConnectionError with a connection (traceId kept), an API error without one", () => {
    const body = JSON.stringify({ title: "Unauthorized", traceId: "00-u-01" });
    const e = toApiError(call, 401, body, connection);
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.message).toBe(
      'ServiceTitan "Get Customer" failed with 401 Unauthorized: Unauthorized — the access token or Application Key was rejected. Check Client ID, Client Secret, Application Key and Environment, then reconnect. — traceId: 00-u-01',
    );
    expect(toApiError(call, 401, "{}", connection).message).toMatch(/then reconnect\.$/);
    const bare = toApiError(call, 401, body);
    expect(bare).toBeInstanceOf(ServiceTitanApiError);
    expect(bare.message).toBe('ServiceTitan "Get Customer" failed with 401 Unauthorized: Unauthorized — traceId: 00-u-01');
  });

  test("401 after accepted attempts: the token expired during the retries, with or without a connection", () => {
    const context = { attempts: 3, elapsedMs: 61_400, tokenExpiredDuringRetries: true };
    const body = JSON.stringify({ title: "Unauthorized", traceId: "00-u-02" });
    const withConnection = toApiError(call, 401, body, connection, context);
    expect(withConnection).toBeInstanceOf(ConnectionError);
    expect(withConnection.message).toBe(
      'ServiceTitan "Get Customer" failed with 401 Unauthorized: Unauthorized on attempt 3 61 s after the first attempt — the access token expired during the retries (ServiceTitan accepted it on the earlier attempts). Run the step again: it starts with a fresh token. — traceId: 00-u-02',
    );
    const without = toApiError(call, 401, "{}", undefined, context);
    expect(without).toBeInstanceOf(ServiceTitanApiError);
    expect(without.message).toMatch(/on attempt 3 61 s after the first attempt — the access token expired.*fresh token\.$/);
    expect((without as ServiceTitanApiError).status).toBe(401);
    // A 401 whose earlier attempts were not accepted is an ordinary rejection.
    expect(toApiError(call, 401, "{}", connection, { attempts: 3 }).message).toMatch(/was rejected/);
    // Another status with a connection is an API error, not a rejected connection.
    const forbidden = toApiError(call, 403, "{}", connection);
    expect(forbidden).toBeInstanceOf(ServiceTitanApiError);
    expect(forbidden).not.toBeInstanceOf(ConnectionError);
    expect(forbidden.message).not.toMatch(/rejected/);
    // Another status never reads as an expired token.
    expect(toApiError(call, 403, "{}", connection, context).message).not.toMatch(/expired/);
  });

  test("tokenExpiredDuringRetries without the elapsed time or a trace", () => {
    expect(tokenExpiredDuringRetries("Head", { attempts: 2 })).toBe(
      "Head on attempt 2 — the access token expired during the retries (ServiceTitan accepted it on the earlier attempts). Run the step again: it starts with a fresh token.",
    );
    expect(tokenExpiredDuringRetries("Head", { attempts: 2, elapsedMs: 1499 }, "T")).toMatch(
      /^Head on attempt 2 1 s after .*fresh token\. — T$/,
    );
  });
});

describe("toBodyError, toEmptyBodyError, toNetworkError", () => {
  test("cut-off JSON on a read; on a write it may have been carried out", () => {
    expect(toBodyError(call, 200, '{"id":').message).toBe(
      'ServiceTitan "Get Customer" returned 200 with a body that is not valid JSON (6 bytes, starting "{"id":"); the response was incomplete, so no partial result is returned.',
    );
    expect(toBodyError(write, 201, "").message).toBe(
      'ServiceTitan "Create Customer" returned 201 with a body that is not valid JSON (0 bytes, empty); the response was incomplete, so no partial result is returned. The request may have been carried out: check in ServiceTitan before running it again.',
    );
    expect((toBodyError(call, 200, "") as ServiceTitanApiError).status).toBe(200);
  });

  test("a page of another declared type; JSON declared in any case is JSON", () => {
    expect(toBodyError(call, 200, "<b>Maintenance</b>", "text/html; charset=utf-8").message).toBe(
      'ServiceTitan "Get Customer" returned 200 with a text/html body instead of JSON (18 bytes, starting "Maintenance"); it is not ServiceTitan\'s answer (a proxy or maintenance page?), so no result is returned.',
    );
    expect(toBodyError(call, 200, "{", "Application/JSON").message).toMatch(/a body that is not valid JSON/);
  });

  test("a body of spaces is said to be empty; a long body is quoted by its first 60 characters; the type is named without its spaces", () => {
    expect(toBodyError(call, 200, "   ").message).toMatch(/ \(3 bytes, empty\); /);
    expect(toBodyError(call, 200, "b".repeat(100)).message).toContain(`(100 bytes, starting "${"b".repeat(60)}"); `);
    expect(toBodyError(call, 200, "x", "text/html ; charset=utf-8").message).toContain("with a text/html body instead of JSON");
  });

  test("an empty create answer", () => {
    const e = toEmptyBodyError(write, 200);
    expect(e.message).toBe(
      'ServiceTitan "Create Customer" answered 200 without the record it returns on success, so the result is unknown: the record may have been created. Check in ServiceTitan before running it again.',
    );
    expect((e as ServiceTitanApiError).status).toBe(200);
  });

  test("each network failure in words, with the attempts and the call", () => {
    expect(toNetworkError(call, { code: "ETIMEDOUT" }, 2).message).toBe(
      'ServiceTitan "Get Customer" timed out after 2 attempts (GET /customers/7).',
    );
    expect(toNetworkError(call, { code: "ECONNREFUSED" }, 1).message).toBe(
      'ServiceTitan "Get Customer" could not connect (refused) after 1 attempt (GET /customers/7).',
    );
    expect(toNetworkError(call, { code: "EAI_AGAIN" }, 1).message).toMatch(/ failed \(EAI_AGAIN\) after/);
    expect(toNetworkError(call, new Error("socket hang up"), 1).message).toMatch(/ failed \(socket hang up\) after/);
    expect(toNetworkError(call, undefined, 1).message).toMatch(/ failed \(network error\) after/);
    expect((toNetworkError(call, undefined, 1) as ServiceTitanApiError).status).toBe(0);
  });
});

describe("waits and deadlines", () => {
  test("statedWaitTooLong gives seconds to a tenth", () => {
    expect(statedWaitTooLong(12_340, 5_000)).toBe(
      "ServiceTitan asked to wait 12.3 s before retrying, more than the 5 s allowed (the retry policy's limit or the call's remaining time budget), so nothing was retried for that wait.",
    );
  });

  test("toDeadlineError: never sent, one attempt, several with the last failure and a stated wait", () => {
    const none = toDeadlineError("ServiceTitan", call, { attempts: 0, leftMs: 0 });
    expect(none).toBeInstanceOf(ServiceTitanDeadlineError);
    expect(none.message).toBe(
      `ServiceTitan "Get Customer" stopped: the run's time limit was reached before it could be sent (GET /customers/7).`,
    );
    expect(none.code).toBe("ST_DEADLINE");
    expect(none.name).toBe("ServiceTitanDeadlineError");
    expect(none.status).toBe(0);
    expect(none.attempts).toBe(0);
    expect(toDeadlineError("L", call, { attempts: 1, leftMs: 0 }).message).toMatch(/reached after 1 attempt \(/);
    const many = toDeadlineError("L", write, {
      attempts: 3,
      askedMs: 20_000,
      leftMs: 4_250,
      last: new Error("HTTP 503"),
      status: 503,
      maybeCarriedOut: true,
    });
    expect(many.message).toBe(
      `L "Create Customer" stopped: the run's time limit was reached after 3 attempts (POST /customers) — ServiceTitan asked to wait 20 s before retrying, more than the 4.3 s left before the time limit, so nothing was retried for that wait — last attempt: HTTP 503. The request may have been carried out: check in ServiceTitan before running it again.`,
    );
    expect(many.status).toBe(503);
    expect(many.attempts).toBe(3);
  });

  test("toBudgetError: the retry policy's wait (ST_BUDGET) or the run's deadline (ST_DEADLINE)", () => {
    const budget = toBudgetError("ServiceTitan", write, {
      says: "1 call a minute",
      waitMs: 45_000,
      allowedMs: 30_000,
      deadline: false,
      attempts: 0,
    });
    expect(budget).toBeInstanceOf(ServiceTitanBudgetError);
    expect(budget.name).toBe("ServiceTitanBudgetError");
    expect((budget as ServiceTitanBudgetError).code).toBe("ST_BUDGET");
    expect((budget as ServiceTitanBudgetError).waitMs).toBe(45_000);
    expect(budget.status).toBe(0);
    expect(budget.message).toBe(
      'ServiceTitan "Create Customer" was not sent (POST /customers): ServiceTitan allows 1 call a minute, so the next call must wait 45 s, more than the 30 s this call may wait (the retry policy\'s longest wait). Run it again later, or space the runs of this operation further apart.',
    );
    const deadline = toBudgetError("ServiceTitan", write, {
      says: "1 call a minute",
      waitMs: 45_000,
      allowedMs: 2_000,
      deadline: true,
      attempts: 1,
    });
    expect(deadline).toBeInstanceOf(ServiceTitanDeadlineError);
    expect((deadline as ServiceTitanDeadlineError).attempts).toBe(1);
    expect(deadline.message).toMatch(
      /^ServiceTitan "Create Customer" was not sent again after 1 attempt \(POST \/customers\): .*more than the 2 s left before the run's time limit\. Run it/,
    );
    expect(toBudgetError("L", write, { says: "x", waitMs: 1, allowedMs: 0, deadline: true, attempts: 2 }).message).toMatch(
      /not sent again after 2 attempts \(/,
    );
  });
});

describe("what a 500 from this operation usually means", () => {
  test("is said for a 500 only, never for another status", () => {
    const unknownCall = { ...call, serverErrorMeans: "ServiceTitan answers 500 when the ID does not exist." };
    expect(toApiError(unknownCall, 500, "").message).toContain("ServiceTitan answers 500 when the ID does not exist.");
    for (const status of [400, 404, 502, 503])
      expect(toApiError(unknownCall, status, "").message).not.toContain("when the ID does not exist");
  });
});
