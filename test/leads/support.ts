/**
 * Test helpers for the Leads Integration Platform: a connection with a real token from the leads
 * sandbox (what Prismatic does for a deployed instance), and an HTTP receiver that hands each incoming
 * webhook to a trigger through Spectral's harness — so webhooks travel over real HTTP from the
 * sandbox's emitter to the trigger, and the trigger's `response` goes back to the sender.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Connection } from "@prismatic-io/spectral";
import { spectral, useLeadsSandbox } from "../support/harness";
import { LEADS_CONNECTION_KEY } from "../../src/leads/connection";
import type { LeadsSandbox, LeadsSandboxOptions } from "../../sandbox/leads";
import { fetchToken } from "../../scripts/lib/connection";

export const harness = spectral;

/** A token from the leads sandbox's token endpoint (the same client-credentials exchange as the scripts'). */
export const fetchLeadsToken = (sandbox: LeadsSandbox): Promise<string> =>
  fetchToken({ tokenUrl: sandbox.tokenUrl, clientId: sandbox.credentials.clientId, clientSecret: sandbox.credentials.clientSecret });

export const leadsConnection = async (sandbox: LeadsSandbox, token?: string): Promise<Connection> => ({
  key: LEADS_CONNECTION_KEY,
  configVarKey: "Leads Connection",
  fields: {
    environment: "custom",
    identityHost: sandbox.identityUrl,
    tokenUrl: sandbox.tokenUrl,
    bookingApiUrl: sandbox.url,
    clientId: sandbox.credentials.clientId,
    clientSecret: sandbox.credentials.clientSecret,
    scopes: "",
  },
  token: { access_token: token ?? (await fetchLeadsToken(sandbox)), token_type: "Bearer", expires_in: 3600 },
});

/** A Leads sandbox for the enclosing block (test/support/harness.ts) and a connection with a real token from it. */
export const useLeads = (options: Omit<LeadsSandboxOptions, "port"> = {}): { readonly sandbox: LeadsSandbox; readonly connection: Connection } => {
  const l = useLeadsSandbox(options);
  let connection: Connection;
  beforeAll(async () => {
    connection = await leadsConnection(l.leads);
  });
  return {
    get sandbox() {
      return l.leads;
    },
    get connection() {
      return connection;
    },
  };
};

export interface Received {
  result: any;
  error?: Error;
}

/** A webhook endpoint that runs `triggerKey` for each POST, like Prismatic's flow URL with a path fragment. */
export const startReceiver = async (
  triggerKey: string,
  params: Record<string, unknown>,
  context: Record<string, unknown> = {},
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> => {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const [path, query = ""] = (req.url ?? "/").split("?");
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const contentType = headers["content-type"] ?? "application/octet-stream";
    let parsed: unknown = raw.toString("utf8");
    if (contentType.includes("json")) {
      try {
        parsed = JSON.parse(raw.toString("utf8"));
      } catch {
        /* hand over the text */
      }
    }
    try {
      const result = await harness.trigger(
        triggerKey,
        {
          headers,
          queryParameters: Object.fromEntries(new URLSearchParams(query)),
          rawBody: { data: raw, contentType },
          body: { data: parsed, contentType },
          pathFragment: path,
        } as never,
        params as never,
        context as never,
      );
      received.push({ result });
      const response = (result as any)?.response;
      res.writeHead(response?.statusCode ?? 200, { "Content-Type": response?.contentType ?? "application/json" });
      res.end(response?.body ?? "");
    } catch (error) {
      received.push({ result: undefined, error: error as Error });
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("execution failed");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
