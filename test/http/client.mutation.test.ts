/**
 * The client's small rules where mutation testing found them judged only by whole-component tests (which
 * module http-client leaves out, see scripts/mutation/modules.js): file uploads (multipart.ts), query
 * strings, path filling, and which switch turns a step's request log on (clientFor.ts).
 */
import { encodeMultipart, toFilePart } from "../../src/http/multipart";
import { buildQuery, encodePathValue, fillPath } from "../../src/http/client";
import { transportFor } from "../../src/http/clientFor";

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
    expect(parts[1]).toBe('Content-Disposition: form-data; name="file"; filename="evil_.txt__X: 1"\r\nContent-Type: text/plain\r\n\r\nx\r\n');
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
    expect(transportFor({ ...context, logger }, params)).toEqual({ logger, debug });
  });
});
