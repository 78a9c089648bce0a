/**
 * A tenant-API sandbox for a test suite, as the transport and fault tests use it: any free port, a
 * connection with a real token from its token endpoint (scripts/lib/connection.ts), and the ID of the
 * first seeded customer. The suite closes it (`sb.close()`) in afterAll.
 */
import type { Connection } from "@prismatic-io/spectral";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../sandbox/server";
import { K } from "../../sandbox/store";
import { sandboxConnection } from "../../scripts/lib/connection";

export interface SandboxWithCustomer {
  sb: Sandbox;
  connection: Connection;
  /** ID of the first seeded customer, as text. */
  customerId: string;
}

export const startSandboxWithCustomer = async (options: SandboxOptions = {}): Promise<SandboxWithCustomer> => {
  const sb = await startSandbox({ port: 0, ...options });
  const connection = await sandboxConnection(sb);
  return { sb, connection, customerId: String(sb.store.all(K.customers)[0].id) };
};
