/**
 * A ServiceTitan client that answers in code, for unit tests of what sits on top of the transport
 * (paging, CRM lookups, the change feed): it records every request and answers 200 with `answer`'s data.
 * `answer` may throw to stand for a failed call.
 */
import type { ServiceTitanClient, StRequest } from "../../src/http/client";

export const fakeClient = (answer: (request: StRequest, n: number) => unknown) => {
  const sent: StRequest[] = [];
  const client: ServiceTitanClient = {
    tenant: "1",
    apiBaseUrl: "x",
    request: async <T>(r: StRequest) => {
      sent.push(r);
      return { status: 200, headers: {}, data: answer(r, sent.length) as T };
    },
  };
  return { client, sent };
};
