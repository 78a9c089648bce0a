/** Raw-HTTP clients of the sandbox for its own tests (no component in between), on the one test harness's rules. */
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox/server";
import { checkReason } from "../support/harness";

export interface Client {
  sb: Sandbox;
  token: string;
  call: (module: string, method: string, path: string, body?: unknown, headers?: Record<string, string>, version?: string) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
  get: (module: string, path: string) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
}

export const requestToken = async (sb: Sandbox, clientId = sb.credentials.clientId, clientSecret = sb.credentials.clientSecret): Promise<Response> =>
  fetch(sb.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString(),
  });

export const connect = async (options: SandboxOptions = {}): Promise<Client> => {
  const sb = await startSandbox(options);
  const token = ((await (await requestToken(sb)).json()) as { access_token: string }).access_token;
  const call: Client["call"] = async (module, method, path, body, headers = {}, version = "v2") => {
    const res = await fetch(`${sb.apiBase(module, version)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        "st-app-key": sb.credentials.appKey,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return { sb, token, call, get: (module, path) => call(module, "GET", path) };
};

/**
 * A client for the enclosing describe block: the sandbox starts in beforeAll and closes in afterAll. A
 * sandbox weaker than "production" says why (`because`), as with useSandbox.
 */
export const useClient = (options: SandboxOptions & { because?: string } = {}): Client => {
  const { because: _because, ...sandboxOptions } = options;
  checkReason(options.profile ?? "production", options);
  let client: Client | undefined;
  const live = (): Client => {
    if (!client) throw new Error("The sandbox client is used before its beforeAll has run.");
    return client;
  };
  beforeAll(async () => {
    client = await connect(sandboxOptions);
  });
  afterAll(async () => {
    await client?.sb.close();
  });
  return {
    get sb() {
      return live().sb;
    },
    get token() {
      return live().token;
    },
    call: (...args) => live().call(...args),
    get: (...args) => live().get(...args),
  };
};

export const newCustomer = (name = "Jamie Rivera") => ({
  name,
  type: "Residential",
  address: { street: "12 Harbor Rd", city: "Glendale", state: "CA", zip: "91203", country: "USA" },
  contacts: [{ type: "Email", value: "jamie@example.com" }],
  locations: [
    {
      name: "Home",
      address: { street: "12 Harbor Rd", city: "Glendale", state: "CA", zip: "91203", country: "USA" },
      contacts: [{ type: "Phone", value: "619-555-0101" }],
    },
    {
      name: "Cabin",
      address: { street: "4 Pine Rd", city: "Big Bear", state: "CA", zip: "92315", country: "USA" },
    },
  ],
});

export const expectProblem = (body: any, status: number): void => {
  expect(Object.keys(body).sort()).toEqual(["data", "errors", "status", "title", "traceId", "type"]);
  expect(body.status).toBe(status);
  expect(typeof body.traceId).toBe("string");
};
