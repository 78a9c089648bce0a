/**
 * HTTP plumbing shared by the two simulators (the tenant-API sandbox in server.ts and the Leads
 * Integration Platform sandbox in leads/server.ts): reading a request, writing a response, listening
 * on loopback and closing.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The request body as text (UTF-8). */
export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

/** Request headers with lower-case names; a repeated header's values joined with ", ". */
export const headersOf = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
};

export interface WireResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (serialised here, with a JSON content type). */
  body?: unknown;
  /** Raw text or bytes sent as-is (takes precedence over `body`). */
  raw?: string | Buffer;
}

/** Writes a response with its length; nothing when the response was already ended or the socket is gone. */
export const writeResponse = (res: ServerResponse, r: WireResponse): void => {
  if (res.writableEnded || res.destroyed) return;
  const text = r.raw !== undefined ? r.raw : r.body === undefined ? "" : JSON.stringify(r.body);
  const headers: Record<string, string> = {};
  if (r.raw === undefined && r.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  Object.assign(headers, r.headers);
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers);
  res.end(text);
};

/** Listens on `host` (loopback by default) and `port` (0: any free port); the base URL it answers on. */
export const listen = async (server: Server, port = 0, host = "127.0.0.1"): Promise<{ url: string; port: number }> => {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { url: `http://${shown}:${address.port}`, port: address.port };
};

/** Stops listening and drops every open connection (kept-alive ones included). */
export const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
