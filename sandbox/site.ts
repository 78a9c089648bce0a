/**
 * The HTTP server both sandboxes run: control endpoints under /__sandbox (controls.ts), every other
 * request through the wire behaviours (behaviours.ts) into the sandbox's core, and the answer written
 * whole, in trickled pieces, or not at all (a reset).
 */
import { createServer, type ServerResponse } from "node:http";
import { controlAnswer, type ControlParts } from "./controls";
import { closeServer, headersOf, listen, readBody, writeResponse } from "./http";
import { type Answer, type Behaviour, type Exchange, runStage, sleep } from "./pipeline";
import { problemBody } from "./problem";
import type { SandboxResponse } from "./types";

export interface SiteOptions {
  behaviours: readonly Behaviour[];
  /** The sandbox's own handling of a request (token endpoint, authentication, routes). */
  core: (exchange: Exchange) => Promise<Answer>;
  controls: Omit<ControlParts, "url" | "behaviours">;
  clock: () => Date;
  port?: number;
  host?: string;
}

export interface Site {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Writes the response with its headers at once and the body in `chunks` pieces spread over `delayMs`. */
const trickle = async (res: ServerResponse, r: SandboxResponse, delayMs: number, chunks: number, signal: AbortSignal): Promise<void> => {
  const text = Buffer.from(r.raw !== undefined ? r.raw : r.body === undefined ? "" : JSON.stringify(r.body));
  const headers: Record<string, string> = {};
  if (r.raw === undefined && r.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  Object.assign(headers, r.headers, { "content-length": String(text.length) });
  res.writeHead(r.status, headers);
  res.flushHeaders();
  const size = Math.max(1, Math.ceil(text.length / chunks));
  for (let at = 0; at < text.length; at += size) {
    await sleep(delayMs / chunks, signal);
    if (res.destroyed) return;
    res.write(text.subarray(at, at + size));
  }
  res.end();
};

export const startSite = async (options: SiteOptions): Promise<Site> => {
  const closing = new AbortController();
  const names = options.behaviours.map((b) => b.name);
  let base = "";
  const controls: ControlParts = { ...options.controls, behaviours: names, url: () => base };

  const server = createServer((req, res) => {
    void (async () => {
      const bodyText = await readBody(req);
      const url = new URL(req.url ?? "/", "http://sandbox.local");
      const method = (req.method ?? "GET").toUpperCase();
      const headers = headersOf(req);
      if (url.pathname.startsWith("/__sandbox/")) {
        writeResponse(res, controlAnswer(controls, method, url.pathname, headers, bodyText));
        return;
      }
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const exchange: Exchange = {
        method,
        path: url.pathname,
        query,
        headers,
        bodyText,
        record: { method, path: url.pathname, query, headers, body: bodyText, time: options.clock().toISOString() },
        signal: closing.signal,
      };
      const answer = await runStage(options.behaviours, "wire", exchange, () => options.core(exchange));
      if (answer === "reset") {
        req.socket.destroy();
        return;
      }
      const slowly = exchange.delivery?.trickle;
      if (slowly) await trickle(res, answer, slowly.delayMs, slowly.chunks, closing.signal);
      else writeResponse(res, answer);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        const body = JSON.stringify(problemBody(500, "Internal Server Error", {}, { message: String(error) }));
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(body);
      }
    });
  });
  server.keepAliveTimeout = 5000;
  const { url, port } = await listen(server, options.port, options.host);
  base = url;
  return {
    url,
    port,
    close: () => {
      closing.abort();
      return closeServer(server);
    },
  };
};
