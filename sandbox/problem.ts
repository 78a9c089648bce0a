/**
 * RFC 7807 error bodies in ServiceTitan's `ApiErrorResponse` shape: exactly
 * `{ type, title, status, traceId, errors: { field: [messages] }, data: {} }`.
 */
import { randomBytes } from "node:crypto";
import type { SandboxResponse } from "./types";

const TYPES: Record<number, string> = {
  400: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
  401: "https://tools.ietf.org/html/rfc7235#section-3.1",
  403: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
  404: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
  405: "https://tools.ietf.org/html/rfc7231#section-6.5.5",
  409: "https://tools.ietf.org/html/rfc7231#section-6.5.8",
  429: "https://tools.ietf.org/html/rfc6585#section-4",
  500: "https://tools.ietf.org/html/rfc7231#section-6.6.1",
  502: "https://tools.ietf.org/html/rfc7231#section-6.6.3",
  503: "https://tools.ietf.org/html/rfc7231#section-6.6.4",
  504: "https://tools.ietf.org/html/rfc7231#section-6.6.5",
};

export type FieldErrors = Record<string, string[]>;

export interface ApiErrorBody {
  type: string;
  title: string;
  status: number;
  traceId: string;
  errors: FieldErrors;
  data: Record<string, unknown>;
}

export const traceId = (): string => `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`;

export const problemBody = (
  status: number,
  title: string,
  errors: FieldErrors = {},
  data: Record<string, unknown> = {},
): ApiErrorBody => ({
  type: TYPES[status] ?? "about:blank",
  title,
  status,
  traceId: traceId(),
  errors,
  data,
});

export const problem = (
  status: number,
  title: string,
  errors: FieldErrors = {},
  data: Record<string, unknown> = {},
  headers?: Record<string, string>,
): SandboxResponse => ({ status, headers, body: problemBody(status, title, errors, data) });

/** Thrown by handlers; the server turns it into an RFC 7807 response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: FieldErrors = {},
    readonly data: Record<string, unknown> = {},
  ) {
    super(title);
  }
  toResponse(): SandboxResponse {
    return problem(this.status, this.title, this.errors, this.data);
  }
}

export const badRequest = (errors: FieldErrors, title = "One or more validation errors occurred."): ApiError =>
  new ApiError(400, title, errors);

export const notFound = (what: string, id: unknown, field = "id"): ApiError =>
  new ApiError(404, `${what} not found.`, { [field]: [`${what} with ID ${String(id)} was not found.`] });

export const conflict = (message: string, field = "request"): ApiError =>
  new ApiError(409, "Conflict", { [field]: [message] });
