/**
 * A tiny local HTTP server that records every request it receives (method, path, query, headers, body)
 * and answers with whatever the current responder says. Used by the contract test and the bad-input
 * sweep to see exactly what the component puts on the wire, or to prove that nothing was sent.
 *
 * Listens on 127.0.0.1 with an ephemeral port; call `close()` in afterAll.
 */
import * as http from "http";
import type { AddressInfo } from "net";
import type { Connection } from "@prismatic-io/spectral";
import { buildConnection } from "../../scripts/lib/connection";

export interface CapturedRequest {
  method: string;
  /** Path without the query string, still percent-encoded as sent. */
  path: string;
  /** Raw query string without "?" ("" when none). */
  rawQuery: string;
  /** Query parameters; a repeated name becomes an array. */
  query: Record<string, string | string[]>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  rawBody: string;
  /** The body parsed as JSON when it is JSON, otherwise undefined. */
  body: unknown;
}

export interface CannedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (req: CapturedRequest) => CannedResponse;

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  clear(): void;
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

const parseQuery = (raw: string): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
};

const defaultResponder: Responder = () => ({ status: 200, body: {} });

export const startCaptureServer = async (): Promise<CaptureServer> => {
  const requests: CapturedRequest[] = [];
  let responder = defaultResponder;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      if (rawBody) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = undefined;
        }
      }
      const [pathPart, ...rest] = (req.url ?? "/").split("?");
      const rawQuery = rest.join("?");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
      const captured: CapturedRequest = { method: req.method ?? "", path: pathPart, rawQuery, query: parseQuery(rawQuery), headers, rawBody, body };
      requests.push(captured);
      let answer: CannedResponse;
      try {
        answer = responder(captured);
      } catch (error) {
        answer = { status: 500, body: { title: `capture server responder failed: ${(error as Error).message}` } };
      }
      const text = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { "Content-Type": "application/json", ...(answer.headers ?? {}) });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    clear: () => {
      requests.length = 0;
    },
    setResponder: (r) => {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};

/** Fake credentials for a capture server: never real, but registered as secrets by the transport. */
export const CAPTURE_TENANT = "1234567890";
export const CAPTURE_APP_KEY = "ak1.capture-app-key-0001";
export const CAPTURE_ACCESS_TOKEN = "capture-access-token-0001";

/** A connection whose Environment is the capture server (as for a proxy), with a fake access token. */
export const captureConnection = (server: Pick<CaptureServer, "url">): Connection =>
  buildConnection(
    {
      environment: new URL(server.url).origin,
      tokenUrl: `${new URL(server.url).origin}/connect/token`,
      apiBaseUrl: server.url,
      clientId: "capture-client-id",
      clientSecret: "capture-client-secret",
      applicationKey: CAPTURE_APP_KEY,
      tenant: CAPTURE_TENANT,
    },
    CAPTURE_ACCESS_TOKEN,
  );
