/**
 * The attempt loop against a small local HTTP server whose every answer the test writes by hand:
 * waits stated only in a 429 body, Retry-After on 503, waits longer than the action allows, bodies
 * that trickle in after the headers, the run's deadline, and a token that expires during retries.
 *
 * Waits go through an injected `sleep` (recorded, never slept) and, for the deadline, an injected
 * wall clock that the sleep advances — no assertion depends on the machine's speed.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { ConnectionError } from "@prismatic-io/spectral";
import { createServiceTitanClient, type ServiceTitanClient } from "../../src/http/client";
import { CAPTURE_ACCESS_TOKEN, CAPTURE_APP_KEY, captureConnection } from "../support/captureServer";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

interface HandServer {
  url: string;
  /** Requests received so far. */
  hits: number;
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

const startHandServer = async (): Promise<HandServer> => {
  let handler: Handler = (_req, res) => res.end("{}");
  const state = { hits: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      state.hits += 1;
      handler(req, res, state.hits);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    set hits(v: number) {
      state.hits = v;
    },
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const throttled = (seconds: number | string) => ({
  type: "https://tools.ietf.org/html/rfc6585#section-4",
  title: `Rate limit is exceeded. Try again in ${seconds} seconds.`,
  status: 429,
  traceId: "00-rate-01",
});

let server: HandServer;
beforeAll(async () => {
  server = await startHandServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.hits = 0;
});

const get = (client: ServiceTitanClient, extra: Record<string, unknown> = {}) =>
  client.request<{ id: number }>({ module: "crm", method: "GET", path: "/customers/7", operation: '"Get Customer"', ...extra });

/** A client whose waits are recorded instead of slept. */
const recording = (options: Record<string, unknown> = {}) => {
  const waits: number[] = [];
  const client = createServiceTitanClient(captureConnection(server), {
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, waits };
};

describe("waits the server states", () => {
  test("429 with the wait only in the body's title: waits exactly that long, then retries once", async () => {
    server.setHandler((_req, res, n) => (n === 1 ? json(res, 429, throttled(2)) : json(res, 200, { id: 7 })));
    const { client, waits } = recording();
    const res = await get(client);
    expect(res.data.id).toBe(7);
    expect(waits).toEqual([2000]);
    expect(server.hits).toBe(2);
  });

  test("tolerant of the wording: one second, a decimal, no full stop", async () => {
    const cases: Array<[string, number]> = [
      ["Rate limit is exceeded. Try again in 1 second.", 1000],
      ["Rate limit is exceeded. Try again in 1.5 seconds", 1500],
      ["rate limit exceeded, try again in 3 sec", 3000],
    ];
    for (const [title, expected] of cases) {
      server.hits = 0;
      server.setHandler((_req, res, n) => (n === 1 ? json(res, 429, { status: 429, title }) : json(res, 200, { id: 7 })));
      const { client, waits } = recording();
      await get(client);
      expect(waits).toEqual([expected]);
    }
  });

  test("every stated wait is honoured in turn, never replaced by backoff", async () => {
    server.setHandler((_req, res, n) => (n <= 3 ? json(res, 429, throttled(n)) : json(res, 200, { id: 7 })));
    const { client, waits } = recording();
    await get(client);
    expect(waits).toEqual([1000, 2000, 3000]);
  });

  test("Retry-After is honoured on 503", async () => {
    server.setHandler((_req, res, n) => (n === 1 ? json(res, 503, { title: "Service Unavailable" }, { "retry-after": "4" }) : json(res, 200, { id: 7 })));
    const { client, waits } = recording();
    await get(client);
    expect(waits).toEqual([4000]);
  });

  test("a body wait longer than the policy allows: one request, and the message says so", async () => {
    server.setHandler((_req, res) => json(res, 429, throttled(50)));
    const { client, waits } = recording({ retry: { maxRetryAfterMs: 20_000 } });
    const error = (await get(client).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/ServiceTitan asked to wait 50 s.*more than the 20 s allowed.*nothing was retried/);
    expect(error.message).toContain("traceId: 00-rate-01");
    expect(waits).toEqual([]);
    expect(server.hits).toBe(1);
  });

  test("a wait longer than the call's remaining time budget is refused the same way", async () => {
    server.setHandler((_req, res) => json(res, 429, throttled(30)));
    // A still clock: the budget left is exactly 10 s however slow the machine is.
    const { client } = recording({ retry: { totalBudgetMs: 10_000 }, now: () => 1_700_000_000_000 });
    await expect(get(client)).rejects.toThrow(/ServiceTitan asked to wait 30 s.*more than the 10 s allowed.*nothing was retried/);
    expect(server.hits).toBe(1);
  });
});

describe("per-attempt timeout is a wall-clock deadline for the whole answer", () => {
  test("a body that trickles in after the headers is cut off at timeoutMs", async () => {
    const timers: NodeJS.Timeout[] = [];
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":7,"pad":"');
      // 40 chunks, 100 ms apart: the socket is never idle for long, but the whole body takes 4 s.
      for (let i = 1; i <= 40; i += 1) {
        timers.push(setTimeout(() => (i === 40 ? res.end('x"}') : res.write("x")), i * 100));
      }
    });
    const client = createServiceTitanClient(captureConnection(server), { timeoutMs: 400, retry: { maxAttempts: 1 } });
    try {
      await expect(get(client)).rejects.toThrow('ServiceTitan "Get Customer" timed out after 1 attempt (GET /customers/7).');
    } finally {
      for (const t of timers) clearTimeout(t);
    }
  });
});

describe("the run's deadline (deadlineAt)", () => {
  /** A client on a fake wall clock that only the recorded sleeps move forward. */
  const onFakeClock = (start: number, options: Record<string, unknown> = {}) => {
    const clock = { now: start };
    const waits: number[] = [];
    const client = createServiceTitanClient(captureConnection(server), {
      now: () => clock.now,
      sleep: async (ms: number) => {
        waits.push(ms);
        clock.now += ms;
      },
      ...options,
    });
    return { client, waits, clock };
  };

  test("no retry wait starts that would end past the deadline: the call ends with ST_DEADLINE", async () => {
    server.setHandler((_req, res) => json(res, 503, { title: "Service Unavailable" }));
    const start = 1_700_000_000_000;
    const { client, waits, clock } = onFakeClock(start);
    const error = (await get(client, { deadlineAt: start + 3000 }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.message).toMatch(/run's time limit was reached/);
    expect(error.code).toBe("ST_DEADLINE");
    expect(clock.now).toBeLessThan(start + 3000);
    expect(server.hits).toBe(waits.length + 1);
    expect(server.hits).toBeLessThan(8);
  });

  test("a stated wait longer than the time left ends the call at once with ST_DEADLINE", async () => {
    server.setHandler((_req, res) => json(res, 429, throttled(20)));
    const start = 1_700_000_000_000;
    const { client, waits } = onFakeClock(start);
    const error = (await get(client, { deadlineAt: start + 5000 }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe("ST_DEADLINE");
    expect(error.message).toMatch(/run's time limit was reached.*ServiceTitan asked to wait 20 s.*nothing was retried/);
    expect(waits).toEqual([]);
    expect(server.hits).toBe(1);
  });

  test("a call that starts past the deadline sends nothing", async () => {
    const start = 1_700_000_000_000;
    const { client } = onFakeClock(start);
    const error = (await get(client, { deadlineAt: start - 1 }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe("ST_DEADLINE");
    expect(server.hits).toBe(0);
  });

  test("an attempt gets only the time left, not the whole policy timeout", async () => {
    let release: (() => void) | undefined;
    server.setHandler((_req, res) => {
      // Answers only when the test ends: the attempt can end only through its own timer.
      release = () => json(res, 200, { id: 7 });
    });
    const client = createServiceTitanClient(captureConnection(server), { timeoutMs: 100_000 });
    try {
      const error = (await get(client, { deadlineAt: Date.now() + 300 }).catch((e: unknown) => e)) as Error & { code?: string };
      expect(error.code).toBe("ST_DEADLINE");
      expect(error.message).toMatch(/run's time limit was reached/);
      expect(server.hits).toBe(1);
    } finally {
      release?.();
    }
  });
});

describe("ServiceTitan's maintenance 409 (it succeeds when repeated)", () => {
  const maintenance = { type: "https://tools.ietf.org/html/rfc7231#section-6.5.8", title: "The service is suspended for maintenance. Please try again later.", status: 409, traceId: "00-maint-01" };

  test("a read that meets it is repeated and succeeds", async () => {
    server.setHandler((_req, res, n) => (n === 1 ? json(res, 409, maintenance) : json(res, 200, { id: 7 })));
    const { client, waits } = recording();
    expect((await get(client)).data.id).toBe(7);
    expect(server.hits).toBe(2);
    expect(waits).toHaveLength(1);
  });

  test("a POST is not repeated (it may not be safe), and another 409 is never retried", async () => {
    server.setHandler((_req, res) => json(res, 409, maintenance));
    const { client } = recording();
    await expect(client.request({ module: "crm", method: "POST", path: "/customers", operation: '"Create Customer"', body: {} })).rejects.toThrow(
      /409.*suspended for maintenance/,
    );
    expect(server.hits).toBe(1);
    server.hits = 0;
    server.setHandler((_req, res) => json(res, 409, { title: "Customer ID = 7 is not active", status: 409 }));
    await expect(get(client)).rejects.toThrow(/not active/);
    expect(server.hits).toBe(1);
  });
});

describe("a token that expires during a long retry sequence", () => {
  test("401 on a retry after a non-401 attempt: ConnectionError saying the token expired during retries", async () => {
    server.setHandler((_req, res, n) => (n <= 2 ? json(res, 503, { title: "Service Unavailable" }) : json(res, 401, { title: "Unauthorized" })));
    const { client } = recording();
    const error = (await get(client).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/access token expired during the retries/);
    expect(error.message).toMatch(/attempt 3/);
    // Like every ConnectionError, it carries the connection's identity only, never its secrets.
    const everything = `${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    for (const secret of ["capture-client-secret", CAPTURE_APP_KEY, CAPTURE_ACCESS_TOKEN]) expect(everything).not.toContain(secret);
  });

  test("401 on the first attempt still reads as a rejected token", async () => {
    server.setHandler((_req, res) => json(res, 401, { title: "Unauthorized" }));
    const { client } = recording();
    const error = (await get(client).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).not.toMatch(/during the retries/);
    expect(error.message).toMatch(/rejected/);
  });
});
