/**
 * The client's small rules where mutation testing found them judged only by whole-component tests (which
 * module http-client leaves out, see scripts/mutation/modules.js): file uploads (multipart.ts), query
 * strings, path filling, and which switch turns a step's request log on (clientFor.ts).
 */
import { encodeMultipart, toFilePart } from "../../src/http/multipart";
import { buildQuery, createServiceTitanClient, encodePathValue, fillPath } from "../../src/http/client";
import { clientFor, transportFor } from "../../src/http/clientFor";
import type { Connection } from "@prismatic-io/spectral";
import { randomBytes } from "node:crypto";
import {
  connectionField,
  isLoopbackHost,
  parseConnectionUrl,
  resolveConnection,
  tenantPathProblem,
  tenantUrl,
} from "../../src/http/endpoints";
import { requestFor } from "../../src/http/requestFor";
import { redact } from "../../src/core/redact";
import * as rateLimit from "../../src/http/rateLimit";
import * as rules from "../../src/http/rules";
import { buildConnection } from "../../scripts/lib/connection";
import { type CaptureServer, captureConnection, startCaptureServer } from "../support/captureServer";
import { refusalOf } from "../support/refusal";

describe("toFilePart: what a data input delivered becomes one file", () => {
  it("a Buffer is sent as bytes of unknown type, named upload.bin", () => {
    const part = toFilePart(Buffer.from([1, 2, 3]));
    expect(part).toEqual({ data: Buffer.from([1, 2, 3]), contentType: "application/octet-stream", fileName: "upload.bin" });
  });

  it("Prismatic file data keeps its bytes and content type; the name follows the type", () => {
    const pdf = toFilePart({ data: Buffer.from("%PDF-1.7"), contentType: "application/pdf" });
    expect(pdf).toEqual({ data: Buffer.from("%PDF-1.7"), contentType: "application/pdf", fileName: "upload.pdf" });
    // Parameters and case do not hide the type.
    expect(toFilePart({ data: Buffer.from("a,b"), contentType: "Text/CSV; charset=utf-8" }).fileName).toBe("upload.csv");
    expect(toFilePart({ data: Buffer.from("a,b"), contentType: "text/csv ; charset=utf-8" }).fileName).toBe("upload.csv");
    expect(toFilePart({ data: Buffer.from("x"), contentType: "image/jpeg" }).fileName).toBe("upload.jpg");
    expect(toFilePart({ data: Buffer.from("x"), contentType: "application/x-unknown" }).fileName).toBe("upload.bin");
  });

  it("file data whose bytes are text is sent as those bytes; missing data as an empty file", () => {
    expect(toFilePart({ data: "hello" }).data.toString("utf8")).toBe("hello");
    expect(toFilePart({ data: "hello" }).contentType).toBe("application/octet-stream");
    expect(toFilePart({ data: undefined }).data.length).toBe(0);
    expect(toFilePart({ data: null }).data.length).toBe(0);
  });

  it("file data with an empty or non-text content type keeps the default type", () => {
    expect(toFilePart({ data: Buffer.from("x"), contentType: "" }).contentType).toBe("application/octet-stream");
    expect(toFilePart({ data: Buffer.from("x"), contentType: 7 }).contentType).toBe("application/octet-stream");
  });

  it("plain text is sent as UTF-8 text/plain, named upload.txt; nothing becomes an empty text file", () => {
    expect(toFilePart("héllo")).toEqual({ data: Buffer.from("héllo", "utf8"), contentType: "text/plain", fileName: "upload.txt" });
    expect(toFilePart(undefined).data.length).toBe(0);
    expect(toFilePart(null).data.length).toBe(0);
    // An object without data is text, not file data.
    expect(toFilePart({ other: 1 }).contentType).toBe("text/plain");
  });

  it("a given file name is used, trimmed; a blank one falls back to the default", () => {
    expect(toFilePart(Buffer.from("x"), "  invoice 42.pdf ").fileName).toBe("invoice 42.pdf");
    expect(toFilePart(Buffer.from("x"), "   ").fileName).toBe("upload.bin");
  });
});

/** Splits a multipart body into its parts by the boundary its content type names. */
const partsOf = (body: { data: Buffer; contentType: string }) => {
  const match = /^multipart\/form-data; boundary=(.+)$/.exec(body.contentType);
  expect(match).not.toBeNull();
  const boundary = match![1];
  const text = body.data.toString("latin1");
  expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  const parts = text.slice(0, -`--${boundary}--\r\n`.length).split(`--${boundary}\r\n`);
  expect(parts[0]).toBe("");
  return { boundary, parts: parts.slice(1) };
};

describe("encodeMultipart: the body of an upload", () => {
  it("a file part carries its name, file name, content type and exact bytes; text fields follow as text", () => {
    const bytes = Buffer.from([0, 255, 13, 10, 45, 45]);
    const body = encodeMultipart({
      file: { data: bytes, contentType: "image/png", fileName: "photo.png" },
      note: "first visit",
      meta: { a: 1 },
      skipped: undefined,
    });
    const { boundary, parts } = partsOf(body);
    expect(boundary).toMatch(/^----servicetitan-[0-9a-f]{24}$/);
    expect(parts).toEqual([
      `Content-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n${bytes.toString("latin1")}\r\n`,
      'Content-Disposition: form-data; name="note"\r\n\r\nfirst visit\r\n',
      'Content-Disposition: form-data; name="meta"\r\n\r\n{"a":1}\r\n',
    ]);
  });

  it("each body has its own boundary", () => {
    expect(encodeMultipart({ a: "1" }).contentType).not.toBe(encodeMultipart({ a: "1" }).contentType);
  });

  it("quotes, line breaks and backslashes in names cannot break the part's header", () => {
    const { parts } = partsOf(
      encodeMultipart({ 'a"b\r\nc\\d': "v", file: { data: Buffer.from("x"), contentType: "text/plain", fileName: 'evil".txt\r\nX: 1' } }),
    );
    expect(parts[0]).toBe('Content-Disposition: form-data; name="a_b__c_d"\r\n\r\nv\r\n');
    expect(parts[1]).toBe(
      'Content-Disposition: form-data; name="file"; filename="evil_.txt__X: 1"\r\nContent-Type: text/plain\r\n\r\nx\r\n',
    );
  });

  it("a value shaped like a file but without bytes is a JSON text field; null is the text null", () => {
    const { parts } = partsOf(encodeMultipart({ fake: { fileName: "a.txt", data: "not bytes" }, empty: null, zero: 0 }));
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="fake"\r\n\r\n{"fileName":"a.txt","data":"not bytes"}\r\n',
      'Content-Disposition: form-data; name="empty"\r\n\r\nnull\r\n',
      'Content-Disposition: form-data; name="zero"\r\n\r\n0\r\n',
    ]);
  });

  it("no fields: only the closing boundary", () => {
    expect(partsOf(encodeMultipart({})).parts).toEqual([]);
  });
});

describe("buildQuery", () => {
  it("leaves out unset values, repeats array keys, keeps false and 0", () => {
    expect(buildQuery({ a: undefined, b: null, c: "", d: false, e: 0, ids: [1, 2n, "3"], name: "a b&c" })).toBe(
      "?d=false&e=0&ids=1&ids=2&ids=3&name=a+b%26c",
    );
  });

  it("nothing to send: no question mark", () => {
    expect(buildQuery(undefined)).toBe("");
    expect(buildQuery({})).toBe("");
    expect(buildQuery({ a: undefined, b: "" })).toBe("");
  });
});

describe("fillPath", () => {
  it("fills every parameter, each one encoded segment", () => {
    expect(fillPath("/jobs/{jobId}/notes/{id}", { jobId: 12, id: "a b" }, (n) => n)).toBe("/jobs/12/notes/a%20b");
    expect(encodePathValue(42n)).toBe("42");
  });

  it.each([undefined, null, ""])("a missing value (%p) fails naming the input by its label", (value) => {
    expect(() => fillPath("/jobs/{jobId}", { jobId: value }, (n) => `Label of ${n}`)).toThrow(/^Label of jobId: .*required/);
  });

  it("a value that would not stay one segment fails naming the input and why", () => {
    expect(() => fillPath("/customers/{id}", { id: ".." }, () => "Customer ID")).toThrow(
      /^Customer ID: expected a value that stays one path segment \(not "\." or "\.\.", no backslash or control characters\)/,
    );
  });

  it("0 is a value", () => {
    expect(fillPath("/jobs/{jobId}", { jobId: 0 }, (n) => n)).toBe("/jobs/0");
  });
});

describe("transportFor: which switch logs a step's requests", () => {
  const logger = { info: () => undefined };
  it.each([
    [{}, {}, false],
    [{ debug: { enabled: true } }, {}, true],
    [{ debug: { enabled: false } }, { debugRequest: true }, true],
    [{ debug: { enabled: false } }, { debugRequest: false }, false],
    // Only the boolean true turns it on: text from a mis-typed input does not.
    [{}, { debugRequest: "true" }, false],
    [{ debug: { enabled: "yes" } }, {}, false],
  ])("context %p with inputs %p: debug %p", (context, params, debug) => {
    expect(transportFor({ ...context, logger } as Parameters<typeof transportFor>[0], params)).toEqual({ logger, debug });
  });
});

// ---------------------------------------------------------------------------------------------------
// Survivors of the 16:16 run (module http-client): connection checks, the tenant path's messages, the
// headers and keys of a request, requestFor's refusals. Each test names what a changed line would let by.
// ---------------------------------------------------------------------------------------------------

const messageOf = refusalOf;

const conn = (fields: Record<string, unknown>, token: string | undefined = "access-token-1234567890") =>
  buildConnection({ tenant: "1234", applicationKey: "ak1.app-key-0000000000", ...fields } as never, token);

describe("connection fields and URLs", () => {
  it("a field is trimmed text; absent or null is empty; a connection without fields has none", () => {
    expect(connectionField({ key: "x", fields: { tenant: 1234 } } as unknown as Connection, "tenant")).toBe("1234");
    expect(connectionField({ key: "x", fields: { tenant: null } } as unknown as Connection, "tenant")).toBe("");
    expect(connectionField({ key: "x", fields: { tenant: "  42 " } } as unknown as Connection, "tenant")).toBe("42");
    expect(connectionField({ key: "x" } as unknown as Connection, "tenant")).toBe("");
    expect(messageOf(() => resolveConnection({ key: "serviceTitanConnection" } as unknown as Connection))).toMatch(
      /^Tenant ID: expected the numeric/,
    );
  });

  it("something that is not a connection object is refused as no connection", () => {
    expect(messageOf(() => resolveConnection("serviceTitanConnection" as unknown as Connection))).toBe(
      "Connection: no ServiceTitan connection was given.",
    );
  });

  it("URL refusals name the field, with the example when given", () => {
    const c = conn({});
    expect(messageOf(() => parseConnectionUrl(c, "Environment", "not a url", "https://auth.example.com"))).toBe(
      'Environment: expected an absolute http(s) URL such as https://auth.example.com, got "not a url".',
    );
    expect(messageOf(() => parseConnectionUrl(c, "Environment", "not a url"))).toBe(
      'Environment: expected an absolute http(s) URL, got "not a url".',
    );
    expect(messageOf(() => parseConnectionUrl(c, "Environment", "ftp://files.example.com"))).toBe(
      'Environment: expected an http or https URL, got "ftp:".',
    );
    expect(messageOf(() => parseConnectionUrl(c, "Environment", "https://someone@proxy.example.com"))).toMatch(
      /^Environment: a user name or password/,
    );
    expect(messageOf(() => parseConnectionUrl(c, "Environment", "https://:pw@proxy.example.com"))).toMatch(
      /^Environment: a user name or password/,
    );
  });

  it.each([
    ["127.0.0.1", true],
    ["127.10.200.3", true],
    ["127.0.10.1", true],
    ["localhost", true],
    ["[::1]", true],
    ["a.127.0.0.1", false],
    ["127.0.0.1.example.com", false],
    ["128.0.0.1", false],
  ])("loopback %s: %p", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it("Environment: an auth origin with its slash, or the words, pick the known hosts", () => {
    expect(resolveConnection(conn({ environment: "https://auth.servicetitan.io/" })).apiBaseUrl).toBe("https://api.servicetitan.io");
    expect(resolveConnection(conn({ environment: "https://auth-integration.servicetitan.io/" })).apiBaseUrl).toBe(
      "https://api-integration.servicetitan.io",
    );
    expect(resolveConnection(conn({ environment: "Integration" })).apiBaseUrl).toBe("https://api-integration.servicetitan.io");
    expect(resolveConnection(conn({ environment: "PRODUCTION" })).apiBaseUrl).toBe("https://api.servicetitan.io");
    expect(resolveConnection(conn({ environment: "integration " })).apiBaseUrl).toBe("https://api-integration.servicetitan.io");
  });

  it("Environment that only contains a URL is not one; a proxy base loses all its trailing slashes", () => {
    expect(messageOf(() => resolveConnection(conn({ environment: "our proxy https://proxy.example.com" })))).toMatch(
      /^Environment: expected Production \(https:\/\/auth\.servicetitan\.io\), Integration/,
    );
    const proxied = resolveConnection(conn({ environment: "https://proxy.example.com", apiBaseUrl: "https://proxy.example.com/st//" }));
    expect(proxied.apiBaseUrl).toBe("https://proxy.example.com/st");
  });

  it("a Token URL that is not a URL is refused naming Token URL", () => {
    expect(messageOf(() => resolveConnection(conn({ tokenUrl: "nope" })))).toBe('Token URL: expected an absolute http(s) URL, got "nope".');
  });

  it("the access token, app key and client secret are registered for redaction as the connection is read", () => {
    const token = `tok-${randomBytes(12).toString("hex")}`;
    const appKey = `ak1.${randomBytes(12).toString("hex")}`;
    const secret = `cs-${randomBytes(12).toString("hex")}`;
    resolveConnection(conn({ applicationKey: appKey, clientSecret: secret }, token));
    const text = redact(`token ${token} key ${appKey} secret ${secret}`);
    for (const value of [token, appKey, secret]) expect(text).not.toContain(value);
  });
});

describe("the tenant path's refusals, word for word", () => {
  it.each([
    ["customers/1", 'expected a path below the tenant base starting with "/", such as /customers/123'],
    ["/customers?active=true", 'put query parameters in Query Parameters; "?" and "#" are not allowed in the path'],
    ["/customers#x", 'put query parameters in Query Parameters; "?" and "#" are not allowed in the path'],
    ["/customers//1", 'empty segments ("//") are not allowed in the path'],
    ["/customers/%9f", "control characters (tab, newline and the like) are not allowed in the path"],
  ])("%s", (path, problem) => {
    expect(tenantPathProblem(path)).toBe(problem);
    expect(messageOf(() => tenantUrl("https://api.example.com", "crm", "1234", path, ""))).toBe(
      `Path: ${problem} (got ${JSON.stringify(path)}).`,
    );
  });

  it("dots inside a segment are fine: only whole dot segments are refused", () => {
    expect(tenantPathProblem("/attachments/photo.v2.jpg")).toBeUndefined();
    expect(tenantPathProblem("/a/./b")).toMatch(/^"\." and "\.\." segments are not allowed/);
  });

  it("letters beyond ASCII are not control characters", () => {
    expect(tenantPathProblem("/customers/café")).toBeUndefined();
    expect(tenantPathProblem("/customers/Jos%C3%A9")).toBeUndefined();
    expect(tenantPathProblem("/customers/%a0")).toBeUndefined();
  });

  it("a module that is not one lower-case segment is refused naming Module", () => {
    expect(messageOf(() => tenantUrl("https://api.example.com", "crm/../jpm", "1234", "/jobs", ""))).toBe(
      'Module: expected one API module such as crm or jpm, got "crm/../jpm".',
    );
  });

  it("a dot segment hidden under up to five layers of escapes is refused; deeper nesting is refused as such", () => {
    let escaped = "%2e%2e";
    for (let depth = 1; depth <= 5; depth += 1) {
      expect(tenantPathProblem(`/a/${escaped}/b`)).toMatch(/^"\." and "\.\." segments are not allowed/);
      escaped = escaped.replace(/%/g, "%25");
    }
    // Six layers: five rounds of decoding still leave an escape that one more decoder turns into "..".
    expect(tenantPathProblem(`/a/${escaped}/b`)).toBe("percent-escapes nested more than five deep are not allowed in the path");
    expect(tenantPathProblem("/notes/100%25")).toBeUndefined();
  });
});

describe("what the client puts on the wire", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.clear());

  it("a JSON body is sent as application/json; no body, no Content-Type; a raw body with its own type", async () => {
    const st = createServiceTitanClient(captureConnection(server));
    await st.request({ module: "crm", method: "GET", path: "/customers", operation: "List" });
    await st.request({ module: "crm", method: "POST", path: "/customers", body: { name: "A" }, operation: "Create" });
    await st.request({
      module: "crm",
      method: "POST",
      path: "/files",
      rawBody: { data: "a=1", contentType: "text/plain" },
      operation: "Upload",
    });
    const [get, post, raw] = server.requests;
    expect(get.headers["content-type"]).toBeUndefined();
    expect(get.rawBody).toBe("");
    expect(post.headers["content-type"]).toBe("application/json");
    expect(post.rawBody).toBe('{"name":"A"}');
    expect(raw.headers["content-type"]).toBe("text/plain");
    expect(raw.rawBody).toBe("a=1");
  });

  it("Accept is JSON, or anything for a download; a caller's headers go along but cannot replace the credentials", async () => {
    const st = createServiceTitanClient(captureConnection(server));
    await st.request({
      module: "crm",
      method: "GET",
      path: "/a",
      operation: "A",
      headers: { "X-Trace": "t1", Authorization: "Bearer stolen" },
    });
    server.setResponder(() => ({ status: 200, body: "bytes", headers: { "content-type": "application/octet-stream" } }));
    await st.request({ module: "crm", method: "GET", path: "/b", operation: "B", responseType: "binary" });
    const [json, binary] = server.requests;
    expect(json.headers.accept).toBe("application/json");
    expect(json.headers["x-trace"]).toBe("t1");
    expect(json.headers.authorization).not.toBe("Bearer stolen");
    expect(binary.headers.accept).toBe("*/*");
  });

  it("the rate limiter and a budget are kept per API host and tenant", async () => {
    const limiterFor = jest.spyOn(rateLimit, "rateLimiterFor");
    const keyOf = jest.spyOn(rules, "budgetKey");
    try {
      const st = createServiceTitanClient(captureConnection(server), { sleep: async () => undefined });
      const prefix = `${st.apiBaseUrl}|${st.tenant}`;
      expect(limiterFor).toHaveBeenCalledWith(prefix, 60);
      server.setResponder(() => ({ status: 200, body: { fields: [], data: [], page: 1, pageSize: 1, hasMore: false } }));
      await st.request({
        module: "reporting",
        method: "POST",
        path: "/report-category/operations/reports/42/data",
        operationId: "ReportCategoryReports_GetData",
        body: { parameters: [] },
        operation: "Run Report",
      });
      expect(keyOf).toHaveBeenCalledWith(expect.anything(), prefix, "/report-category/operations/reports/42/data");
    } finally {
      limiterFor.mockRestore();
      keyOf.mockRestore();
    }
  });

  it("runLog writes redacted lines at info level; progress only in debug; neither without a logger", () => {
    const lines: string[] = [];
    const logger = {
      info: (m: unknown) => {
        lines.push(String(m));
      },
    };
    const quiet = createServiceTitanClient(captureConnection(server), { logger });
    quiet.runLog?.(`page 2 with Bearer ${"x".repeat(30)}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^page 2 with /);
    expect(lines[0]).not.toContain("x".repeat(30));
    expect(quiet.progress).toBeUndefined();
    const loud = createServiceTitanClient(captureConnection(server), { logger, debug: true });
    loud.progress?.("page 3");
    expect(lines).toEqual([lines[0], "page 3"]);
    const none = createServiceTitanClient(captureConnection(server), { debug: true });
    expect("runLog" in none).toBe(false);
    expect("progress" in none).toBe(false);
  });

  it("clientFor passes the step's own options (here: the sleep of retry waits) to the client", async () => {
    let n = 0;
    server.setResponder(() => (n++ === 0 ? { status: 503, body: { title: "busy" } } : { status: 200, body: {} }));
    const slept: number[] = [];
    const st = clientFor(
      {},
      { connection: captureConnection(server) },
      { sleep: async (ms) => void slept.push(ms), retry: { maxAttempts: 2 } },
    );
    await st.request({ module: "crm", method: "GET", path: "/customers", operation: "List" });
    expect(server.requests).toHaveLength(2);
    expect(slept).toHaveLength(1);
  });
});

describe("requestFor's refusals, word for word", () => {
  it("a parameter the operation does not take names the ones it does", () => {
    expect(messageOf(() => requestFor("crm", "Customers_Get", { id: 1, nope: 2 }))).toBe(
      'requestFor crm:Customers_Get: "nope" is not a parameter of this operation (it takes: id)',
    );
    expect(messageOf(() => requestFor("accounting", "ApBills_MarkAsExported", { id: 1 }))).toBe(
      'requestFor accounting:ApBills_MarkAsExported: "id" is not a parameter of this operation (it takes: none)',
    );
  });

  it("query values: scalars or lists of non-boolean scalars", () => {
    expect(requestFor("crm", "Customers_GetList", { ids: [1, "2", 3n] }).query).toEqual({ ids: [1, "2", 3n] });
    expect(messageOf(() => requestFor("crm", "Customers_GetList", { ids: [true] }))).toBe(
      'requestFor crm:Customers_GetList: query parameter "ids" takes a scalar or a list of scalars',
    );
    expect(messageOf(() => requestFor("crm", "Customers_GetList", { ids: [[1]] }))).toMatch(/query parameter "ids" takes a scalar/);
    expect(messageOf(() => requestFor("crm", "Customers_GetList", { ids: [1, true] }))).toMatch(/query parameter "ids" takes a scalar/);
    expect(messageOf(() => requestFor("crm", "Customers_GetList", { name: { a: 1 } }))).toMatch(/query parameter "name" takes a scalar/);
  });

  it("a required query parameter that is null or empty text has no value", () => {
    for (const ids of [null, "", undefined])
      expect(messageOf(() => requestFor("jpm", "Jobs_GetCancelReasons", { ids }))).toBe(
        'requestFor jpm:Jobs_GetCancelReasons: required query parameter "ids" has no value',
      );
  });

  it("unset query values are left out, and a single boolean is a scalar", () => {
    expect(requestFor("crm", "Customers_GetList", { name: undefined, active: null, ids: [1] }).query).toEqual({
      name: undefined,
      active: null,
      ids: [1],
    });
    expect(requestFor("crm", "Customers_GetList", { active: true, name: "Ann", pageSize: 5 }).query).toEqual({
      active: true,
      name: "Ann",
      pageSize: 5,
    });
  });

  it("a versioned operation's request carries its version; others none", () => {
    const v3 = requestFor("telecom", "Calls_Calls", {});
    expect(v3.version).toBe("v3");
    expect("version" in requestFor("crm", "Customers_GetList", {})).toBe(false);
  });
});
