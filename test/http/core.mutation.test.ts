/**
 * The attempt loop (src/http/core.ts) where mutation testing found it unjudged: what a debug run logs
 * (and masks), what a retry says in the log, the waits a client counts, the answers that are not plain
 * JSON (downloads, redirects, empty bodies, repeated headers), and the attempt count on thrown errors.
 *
 * A local server answers as each test writes; waits go through an injected `sleep` (recorded, never
 * slept) and the wall clock is injected where a test depends on it.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createServiceTitanClient, type StRequest } from "../../src/http/client";
import { defaultSleep, lowerHeaders, sendSettings, sendWithPolicy } from "../../src/http/core";
import { toApiError } from "../../src/http/errors";
import { CAPTURE_ACCESS_TOKEN, CAPTURE_APP_KEY, captureConnection } from "../support/captureServer";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number, body: string) => void;

let handler: Handler = (_req, res) => res.end("{}");
let hits = 0;
let server: http.Server;
let url = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits += 1;
      handler(req, res, hits, Buffer.concat(chunks).toString("utf8"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  hits = 0;
});

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
};

interface Lines {
  info: string[];
  warn: string[];
}

/** A client whose waits are recorded (never slept) and whose log lines are kept. */
const client = (options: Record<string, unknown> = {}) => {
  const waits: number[] = [];
  const lines: Lines = { info: [], warn: [] };
  const st = createServiceTitanClient(captureConnection({ url }), {
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    logger: { info: (m: unknown) => lines.info.push(String(m)), warn: (m: unknown) => lines.warn.push(String(m)) },
    ...options,
  });
  return { st, waits, lines };
};

const getCustomer: StRequest = { module: "crm", method: "GET", path: "/customers/7", operation: '"Get Customer"' };
const createCustomer: StRequest = {
  module: "crm",
  method: "POST",
  path: "/customers",
  operation: '"Create Customer"',
  body: { name: "Ann" },
};
const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e as Error & { attempts?: number; code?: string },
  );

describe("debug logging", () => {
  test("a debug run logs the request (credentials masked, body shown) and the response with its body", async () => {
    handler = (_req, res) => json(res, 201, { id: 9 });
    const { st, lines } = client({ debug: true });
    await st.request(createCustomer);
    expect(lines.info).toHaveLength(2);
    const [sent, answered] = lines.info;
    expect(sent.startsWith(`ServiceTitan request: POST ${url}/crm/v2/tenant/`)).toBe(true);
    expect(sent).toContain("/customers\nheaders: ");
    expect(sent).toContain('\nbody: {"name":"Ann"}');
    expect(sent).not.toContain(CAPTURE_ACCESS_TOKEN);
    expect(sent).not.toContain(CAPTURE_APP_KEY);
    expect(answered).toMatch(/^ServiceTitan response: 201 for POST \/customers in \d+ ms\nbody: \{"id":9\}$/);
  });

  test("a request without a body logs no body line; a download's body is logged by its size only", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(Buffer.from("%PDF-1.7 0123456789"));
    };
    const { st, lines } = client({ debug: true });
    await st.request({ ...getCustomer, responseType: "binary" });
    expect(lines.info[0]).not.toContain("body:");
    expect(lines.info[0]).toMatch(/^ServiceTitan request: GET \S+\/customers\/7\nheaders: \{[^\n]*\}$/);
    expect(lines.info[1]).toMatch(/\nbody: <19 bytes>$/);
  });

  test("a failed download's body is logged as text, not as its size", async () => {
    handler = (_req, res) => json(res, 404, { title: "Not here" });
    const { st, lines } = client({ debug: true });
    await caught(st.request({ ...getCustomer, responseType: "binary" }));
    expect(lines.info[1]).toContain('body: {"title":"Not here"}');
  });

  test("a long body is cut in the debug log, saying how long it was", async () => {
    const long = "x".repeat(12_000);
    handler = (_req, res) => json(res, 200, { id: 7, long });
    const { st, lines } = client({ debug: true });
    await st.request({ ...createCustomer, body: { long } });
    expect(lines.info[0]).toMatch(/… \(\d+ bytes\)$/);
    expect(lines.info[0].length).toBeLessThan(11_000);
    expect(lines.info[1]).toMatch(/… \(\d+ bytes\)$/);
  });

  test("without debug nothing is logged at info level for a plain call", async () => {
    handler = (_req, res) => json(res, 200, { id: 7 });
    const { st, lines } = client();
    await st.request(getCustomer);
    expect(lines.info).toEqual([]);
    expect(lines.warn).toEqual([]);
  });
});

describe("what a retry says in the log", () => {
  test("a status: HTTP code, the wait, the next attempt of how many", async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, { title: "Service Unavailable" }) : json(res, 200, { id: 7 }));
    const { st, lines, waits } = client({ retry: { maxAttempts: 4 } });
    await st.request(getCustomer);
    expect(lines.warn).toEqual([`ServiceTitan "Get Customer": HTTP 503; retrying in ${waits[0]} ms (attempt 2 of 4).`]);
  });

  test("a stated wait says the server asked for it", async () => {
    handler = (_req, res, n) =>
      n === 1 ? json(res, 503, { title: "Service Unavailable" }, { "retry-after": "2" }) : json(res, 200, { id: 7 });
    const { st, lines } = client();
    await st.request(getCustomer);
    expect(lines.warn).toEqual([`ServiceTitan "Get Customer": HTTP 503; retrying in 2000 ms as the server asked (attempt 2 of 8).`]);
  });

  test("a cut-off body reads as an incomplete response body", async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(n === 1 ? '{"id":' : '{"id":7}');
    };
    const { st, lines } = client({ retry: { maxAttempts: 3 } });
    expect((await st.request<{ id: number }>(getCustomer)).data.id).toBe(7);
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).toMatch(/^ServiceTitan "Get Customer": incomplete response body; retrying in \d+ ms \(attempt 2 of 3\)\.$/);
  });

  test("a network failure names its code", async () => {
    handler = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, { id: 7 }));
    const { st, lines } = client({ retry: { maxAttempts: 3 } });
    await st.request(getCustomer);
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).toMatch(/^ServiceTitan "Get Customer": network error ECONNRESET; retrying in \d+ ms \(attempt 2 of 3\)\.$/);
  });

  test("a POST retried because it only reads says so", async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { data: [] }));
    const { st, lines } = client({ retry: { maxAttempts: 2 } });
    await st.request({
      module: "reporting",
      method: "POST",
      path: "/report-category/ops/reports/5/data",
      body: { parameters: [] },
      operation: '"Run Report"',
    });
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).toMatch(/ \(attempt 2 of 2, repeatable: it only reads\)\.$/);
  });
});

describe("a write the caller vouches for (an idempotency token)", () => {
  const post = (safeToRepeat: boolean | undefined, warn: string[]) => {
    const call = { operation: '"Book"', method: "POST", path: "/bookings" };
    const settings = sendSettings(
      { sleep: async () => {}, logger: { warn: (m: unknown) => warn.push(String(m)) } },
      `${url}|vouched`,
      10_000,
    );
    return sendWithPolicy(`${url}/bookings`, { method: "POST", headers: {}, data: "{}", safeToRepeat }, call, {
      ...settings,
      label: "Leads",
      toError: (status, body, context) => toApiError(call, status, body, undefined, context),
    });
  };

  test("is sent again after a 503, saying why; without the token it is not", async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { id: 1 }));
    const warn: string[] = [];
    expect((await post(true, warn)).data).toEqual({ id: 1 });
    expect(hits).toBe(2);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(/^Leads "Book": HTTP 503; retrying in \d+ ms \(attempt 2 of 8, safe to repeat: idempotency token\)\.$/);
    hits = 0;
    await expect(post(undefined, [])).rejects.toThrow(/503/);
    expect(hits).toBe(1);
  });
});

describe("the waits a client counts", () => {
  test("every retry wait is counted with its length", async () => {
    handler = (_req, res, n) =>
      n <= 2 ? json(res, 429, { title: `Rate limit is exceeded. Try again in ${n} seconds.` }) : json(res, 200, { id: 7 });
    const { st } = client();
    expect(st.waits?.()).toEqual({ count: 0, ms: 0 });
    await st.request(getCustomer);
    expect(st.waits?.()).toEqual({ count: 2, ms: 3000 });
  });
});

describe("answers that are not plain JSON", () => {
  test("a download returns the bytes and the content type", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    };
    const { st } = client();
    const res = await st.request<Buffer>({ ...getCustomer, responseType: "binary" });
    expect(Buffer.isBuffer(res.data)).toBe(true);
    expect([...res.data]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    expect(res.contentType).toBe("image/png");
    expect(res.status).toBe(200);
  });

  test("a download redirected without a location hands back null; a 4xx download is an error", async () => {
    handler = (_req, res) => {
      res.writeHead(307, {});
      res.end();
    };
    const { st } = client();
    const res = await st.request<{ redirectUrl: string | null }>({ ...getCustomer, responseType: "binary" });
    expect(res.data).toEqual({ redirectUrl: null });
    expect(res.status).toBe(307);
    handler = (_req, res) => json(res, 400, { title: "No file" });
    await expect(st.request({ ...getCustomer, responseType: "binary" })).rejects.toThrow(/400 Bad Request: No file/);
  });

  test("a redirect is an error for a JSON operation, never followed", async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: `${url}/elsewhere` });
      res.end();
    };
    const { st } = client();
    await expect(st.request(getCustomer)).rejects.toThrow(/^ServiceTitan "Get Customer" failed with 302 Found \(redirect\)/);
    expect(hits).toBe(1);
  });

  test("a header sent several times is joined with commas; the answer's headers are lower-cased", async () => {
    handler = (_req, res) => json(res, 200, { id: 7 }, { "Set-Cookie": ["a=1", "b=2"], "X-Trace": "t1" });
    const { st } = client();
    const res = await st.request(getCustomer);
    expect(res.headers["set-cookie"]).toBe("a=1, b=2");
    expect(res.headers["x-trace"]).toBe("t1");
    expect(res.contentType).toBe("application/json");
  });

  test("a read answered 2xx with nothing is read again; a 204 is an empty success", async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 200, undefined) : json(res, 200, { id: 7 }));
    const { st } = client();
    expect((await st.request<{ id: number }>(getCustomer)).data).toEqual({ id: 7 });
    expect(hits).toBe(2);
    hits = 0;
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const none = await st.request(getCustomer);
    expect(none.status).toBe(204);
    expect(none.data).toBeUndefined();
    expect(hits).toBe(1);
  });

  test("a read answered 2xx with nothing every time fails saying the body was empty", async () => {
    handler = (_req, res) => json(res, 200, undefined);
    const { st } = client({ retry: { maxAttempts: 2 } });
    const error = await caught(st.request(getCustomer));
    expect(error.message).toMatch(/returned 200 with a body that is not valid JSON \(0 bytes, empty\)/);
    expect(hits).toBe(2);
  });

  test("a create that promises its record and gets nothing fails once, saying the record may exist", async () => {
    handler = (_req, res) => json(res, 200, undefined);
    const { st } = client();
    const error = await caught(st.request({ ...createCustomer, expectBody: true }));
    expect(error.message).toMatch(/answered 200 without the record it returns on success/);
    expect(error.attempts).toBe(1);
    expect(hits).toBe(1);
  });

  test("a write that promises nothing may answer with nothing; a 204 create is a success too", async () => {
    handler = (_req, res) => json(res, 200, undefined);
    const { st } = client();
    expect((await st.request(createCustomer)).data).toBeUndefined();
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    expect((await st.request({ ...createCustomer, expectBody: true })).status).toBe(204);
  });

  test("JSON whose type is not declared, cut short, is read again; declared JSON, cut short, too", async () => {
    for (const headers of [{}, { "content-type": "application/problem+json; charset=utf-8" }]) {
      hits = 0;
      handler = (_req, res, n) => {
        res.writeHead(200, headers);
        res.end(n === 1 ? "[1,2" : "[1,2]");
      };
      const { st } = client();
      expect((await st.request(getCustomer)).data).toEqual([1, 2]);
      expect(hits).toBe(2);
    }
  });

  test("a page of another type (upper-case JSON excepted) is refused at once", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("maintenance");
    };
    const { st } = client();
    await expect(st.request(getCustomer)).rejects.toThrow(/text\/plain body instead of JSON/);
    expect(hits).toBe(1);
    hits = 0;
    handler = (_req, res, n) => {
      res.writeHead(200, { "content-type": "APPLICATION/JSON" });
      res.end(n === 1 ? '{"id"' : '{"id":7}');
    };
    expect((await st.request(getCustomer)).data).toEqual({ id: 7 });
    expect(hits).toBe(2);
  });
});

describe("errors carry their attempts", () => {
  test("a status that is not retried: 1 attempt; a retried one that never heals: every attempt", async () => {
    handler = (_req, res) => json(res, 400, { title: "Bad" });
    const { st } = client({ retry: { maxAttempts: 3 } });
    expect((await caught(st.request(getCustomer))).attempts).toBe(1);
    handler = (_req, res) => json(res, 503, { title: "Down" });
    const error = await caught(st.request(getCustomer));
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/503/);
    expect(hits).toBe(4);
  });

  test("a network failure that never heals: every attempt, in the message too", async () => {
    handler = (req) => req.socket.destroy();
    const { st } = client({ retry: { maxAttempts: 2 } });
    const error = await caught(st.request(getCustomer));
    expect(error.attempts).toBe(2);
    expect(error.message).toBe('ServiceTitan "Get Customer" lost its connection (reset) after 2 attempts (GET /customers/7).');
  });
});

describe("the run's deadline cuts a write in flight", () => {
  test("a POST cut off by the deadline says it may have been carried out; a GET does not", async () => {
    const answers: Array<() => void> = [];
    handler = (_req, res) => answers.push(() => json(res, 200, { id: 1 }));
    const { st } = client({ timeoutMs: 100_000 });
    try {
      const write = await caught(st.request({ ...createCustomer, deadlineAt: Date.now() + 250 }));
      expect(write.code).toBe("ST_DEADLINE");
      expect(write.message).toMatch(/may have been carried out/);
      expect(write.attempts).toBe(1);
      const read = await caught(st.request({ ...getCustomer, deadlineAt: Date.now() + 250 }));
      expect(read.code).toBe("ST_DEADLINE");
      expect(read.message).not.toMatch(/may have been carried out/);
    } finally {
      for (const answer of answers) answer();
    }
  });

  test("a POST cut off by its own timeout (no deadline) is a plain timeout, not a deadline", async () => {
    const answers: Array<() => void> = [];
    handler = (_req, res) => answers.push(() => json(res, 200, { id: 1 }));
    const { st } = client({ timeoutMs: 200 });
    try {
      const error = await caught(st.request({ ...createCustomer, deadlineAt: Date.now() + 60_000 }));
      expect(error.code).toBeUndefined();
      expect(error.message).toBe('ServiceTitan "Create Customer" timed out after 1 attempt (POST /customers).');
    } finally {
      for (const answer of answers) answer();
    }
  });
});

describe("an operation's budget in the attempt loop (one run of the same report a minute)", () => {
  const report: StRequest = {
    module: "reporting",
    method: "POST",
    path: "/report-category/ops/reports/5/data",
    body: { parameters: [] },
    operation: '"Run Report"',
  };

  /** A client on a fake wall clock that only its sleeps (and the test) move; the report's budget is primed by one run. */
  const primed = async (options: Record<string, unknown> = {}) => {
    const clock = { t: 1_800_000_000_000 };
    const waits: number[] = [];
    const lines: Lines = { info: [], warn: [] };
    const st = createServiceTitanClient(captureConnection({ url }), {
      now: () => clock.t,
      sleep: async (ms: number) => {
        waits.push(ms);
        clock.t += ms;
      },
      logger: { info: (m: unknown) => lines.info.push(String(m)), warn: (m: unknown) => lines.warn.push(String(m)) },
      ...options,
    });
    handler = (_req, res) => json(res, 200, { data: [] });
    await st.request(report);
    hits = 0;
    return { st, clock, waits, lines };
  };

  test("a wait of exactly the longest allowed is waited, counted, and logged only in debug", async () => {
    const quiet = await primed({ retry: { maxRetryAfterMs: 60_000 } });
    await quiet.st.request(report);
    expect(quiet.waits).toEqual([60_000]);
    expect(quiet.st.waits?.()).toEqual({ count: 1, ms: 60_000 });
    expect(quiet.lines.info).toEqual([]);
    const loud = await primed({ debug: true });
    loud.clock.t += 1234;
    await loud.st.request(report);
    expect(loud.waits).toEqual([58_766]);
    expect(loud.lines.info.filter((l) => l.includes("waiting"))).toEqual([
      'ServiceTitan "Run Report": waiting 58.8 s for ServiceTitan\'s limit of one run of the same report per minute per tenant, each page counting as a run.',
    ]);
  });

  test("a deadline further off than the wait: waited", async () => {
    const { st, clock, waits } = await primed();
    await st.request({ ...report, deadlineAt: clock.t + 100_000 });
    expect(waits).toEqual([60_000]);
    expect(hits).toBe(1);
  });

  test("a wait that would end at the deadline: refused at once, naming the time left", async () => {
    const { st, clock, waits } = await primed();
    const error = await caught(st.request({ ...report, deadlineAt: clock.t + 60_000 }));
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.message).toMatch(/was not sent \(POST .*\): .*must wait 60 s, more than the 60 s left before the run's time limit/);
    expect(waits).toEqual([]);
    expect(hits).toBe(0);
  });

  test("the tighter of the deadline and the longest wait is named: equal, the deadline; the longest wait shorter, the budget", async () => {
    const equal = await primed({ retry: { maxRetryAfterMs: 30_000 } });
    expect((await caught(equal.st.request({ ...report, deadlineAt: equal.clock.t + 30_000 }))).code).toBe("ST_DEADLINE");
    const budget = await primed({ retry: { maxRetryAfterMs: 30_000 } });
    const error = await caught(budget.st.request({ ...report, deadlineAt: budget.clock.t + 50_000 }));
    expect(error.code).toBe("ST_BUDGET");
    expect(error.message).toMatch(/more than the 30 s this call may wait/);
    expect(hits).toBe(0);
  });

  test("a call that starts past its deadline says so, whatever its budget", async () => {
    const { st, clock } = await primed();
    const error = await caught(st.request({ ...report, deadlineAt: clock.t - 1 }));
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.message).toMatch(/stopped: the run's time limit was reached before it could be sent/);
    expect(hits).toBe(0);
  });

  test("the call's time budget starts when its first slot is granted, not when it began queueing", async () => {
    const { st, waits } = await primed({ retry: { totalBudgetMs: 30_000 } });
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { data: [] }));
    await st.request(report);
    expect(hits).toBe(2);
    expect(waits[0]).toBe(60_000);
  });

  test("later attempts do not restart it: a report failing every minute stops when its time budget is spent", async () => {
    const { st } = await primed({ retry: { totalBudgetMs: 100_000 } });
    handler = (_req, res) => json(res, 503, {});
    await expect(st.request(report)).rejects.toThrow(/503/);
    // At 0, 60 and 120 s after the first grant; then the time budget (100 s) is spent.
    expect(hits).toBe(3);
  });
});

describe("the run's deadline and the tenant's rate limit", () => {
  test("a deadline that passes while waiting for the rate limit's slot: nothing is sent", async () => {
    handler = (_req, res) => json(res, 200, { id: 7 });
    const { st } = client({ requestsPerSecond: 1 });
    await st.request(getCustomer);
    hits = 0;
    // The next slot is free a second after that answer: the deadline passes first.
    const error = await caught(st.request({ ...getCustomer, deadlineAt: Date.now() + 200 }));
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.attempts).toBe(0);
    expect(error.message).toMatch(/before it could be sent/);
    expect(hits).toBe(0);
  });

  test("a deadline reached exactly as the call starts: nothing is sent", async () => {
    const t = 1_700_000_000_000;
    const { st } = client({ now: () => t });
    const error = await caught(st.request({ ...getCustomer, deadlineAt: t }));
    expect(error.code).toBe("ST_DEADLINE");
    expect(hits).toBe(0);
  });
});

describe("answers at the edges of their status ranges, bodies of spaces, times in messages", () => {
  test("a 300 is not a success for a JSON operation; for a download it is handed back, its debug body as text", async () => {
    handler = (_req, res) => json(res, 300, { choices: ["a"] }, { location: `${url}/a` });
    const { st, lines } = client({ debug: true });
    await expect(st.request(getCustomer)).rejects.toThrow(/failed with 300 HTTP error/);
    const download = await st.request<{ redirectUrl: string }>({ ...getCustomer, responseType: "binary" });
    expect(download.data).toEqual({ redirectUrl: `${url}/a` });
    expect(lines.info[lines.info.length - 1]).toMatch(/\nbody: \{"choices":\["a"\]\}$/);
  });

  test("the debug response line says how long the call took, on the injected clock", async () => {
    handler = (_req, res) => json(res, 200, { id: 7 });
    let t = 1_700_000_000_000;
    const { st, lines } = client({ debug: true, now: () => (t += 250) });
    await st.request(getCustomer);
    // One tick when the call starts, one when the answer's context is made, one for the line itself.
    expect(lines.info[1]).toMatch(/^ServiceTitan response: 200 for GET \/customers\/7 in 500 ms\n/);
  });

  test("a body of spaces is no body: a read reads again, a create that promises its record fails, another write succeeds", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("  \n ");
    };
    const { st } = client({ retry: { maxAttempts: 2 } });
    await expect(st.request(getCustomer)).rejects.toThrow(/returned 200 with a body that is not valid JSON/);
    expect(hits).toBe(2);
    await expect(st.request({ ...createCustomer, expectBody: true })).rejects.toThrow(
      /answered 200 without the record it returns on success/,
    );
    expect((await st.request(createCustomer)).data).toBeUndefined();
  });

  test("a 401 after accepted attempts says how long after the first attempt", async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 401, { title: "Unauthorized" }));
    const clock = { t: 1_700_000_000_000 };
    const st = createServiceTitanClient(captureConnection({ url }), {
      now: () => clock.t,
      sleep: async (ms: number) => {
        clock.t += ms + 40_000;
      },
    });
    const error = await caught(st.request(getCustomer));
    expect(error.message).toMatch(/on attempt 2 4\d s after the first attempt — the access token expired during the retries/);
  });

  test("a write answered with a status whose stated wait outruns the deadline was not carried out: it does not say it may have been", async () => {
    handler = (_req, res) => json(res, 429, { title: "Rate limit is exceeded. Try again in 20 seconds." });
    const t = 1_700_000_000_000;
    const { st } = client({ now: () => t });
    const error = await caught(st.request({ ...createCustomer, deadlineAt: t + 5000 }));
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.message).toMatch(/asked to wait 20 s/);
    expect(error.message).not.toMatch(/may have been carried out/);
  });
});

describe("lowerHeaders", () => {
  test("names lower-cased, lists joined, values without a value left out", () => {
    expect(lowerHeaders({ A: undefined, B: null, "Set-Cookie": ["x=1", "y=2"], "X-N": 5, E: "" })).toEqual({
      "set-cookie": "x=1, y=2",
      "x-n": "5",
      e: "",
    });
    expect(lowerHeaders(undefined)).toEqual({});
  });
});

describe("the default sleep", () => {
  test("resolves after the time given", async () => {
    const started = Date.now();
    await defaultSleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
