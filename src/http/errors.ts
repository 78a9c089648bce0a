import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { connectionIdentity, redact, redactAndCut, redactError } from "../core/redact";

/** What the transport knows about the call that failed, for the message. */
export interface FailedCall {
  /** Human name of the operation, e.g. "Create Customer" or "GET /customers/{id}". */
  operation: string;
  method: string;
  /** Path below the tenant base, as sent. */
  path: string;
  /** OAuth scope the operation needs, when known. */
  scope?: string;
  /** What a 500 from this operation usually means (its transport rule, rules.ts), added to the message. */
  serverErrorMeans?: string;
}

/** ServiceTitan's RFC 7807 body (`ApiErrorResponse`). */
interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  traceId?: string;
  errors?: Record<string, string[] | string>;
  data?: unknown;
  /** Not RFC 7807's core, but sent by some answers (gateways, the identity server, older APIs). */
  detail?: unknown;
  message?: unknown;
  error_description?: unknown;
}

/** The first readable text of a JSON error body that has no `title`: `message`, `detail` or `error_description`. */
const describedBy = (problem: ProblemDetails): string | undefined => {
  for (const value of [problem.message, problem.detail, problem.error_description]) {
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
};

/** What the transport knows about the attempts behind a failure, for the message. */
export interface FailureContext {
  /** Attempts made, this one included. */
  attempts: number;
  /** Milliseconds since the first attempt started. */
  elapsedMs?: number;
  /**
   * The answer is a 401 on a retry, after an earlier attempt of the same call was accepted (not 401):
   * the access token expired while the call was waiting to retry.
   */
  tokenExpiredDuringRetries?: boolean;
}

/** An HTTP failure from ServiceTitan, with the parsed details kept for programmatic use. */
export class ServiceTitanApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly traceId?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ServiceTitanApiError";
  }
}

const STATUS_TEXT: Record<number, string> = {
  301: "Moved Permanently",
  302: "Found (redirect)",
  303: "See Other",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * An error body read as a JSON object (RFC 7807 here, the Leads platform's `{ code, message, … }` in
 * src/leads/client.ts); undefined when it is not one, so the caller falls back to an excerpt.
 */
export const parseErrorBody = <T extends object>(body: string): T | undefined => {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(trimmed);
    return parsed && typeof parsed === "object" ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
};

/** Characters of a body an excerpt is made from: cut (after redaction) before the tags are stripped, so a huge page stays cheap. */
const EXCERPT_SOURCE_LENGTH = 8192;

/** A short, safe excerpt of a non-JSON body (redacted, HTML tags dropped, whitespace folded). */
export const excerpt = (body: string): string => {
  const text = redact(body)
    .slice(0, EXCERPT_SOURCE_LENGTH)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/<[^<>]*$/, " ")
    .replace(/\s+/g, " ")
    .trim();
  return redactAndCut(text, 200);
};

/**
 * The message of a 401 that follows accepted attempts of the same call: nothing in the connection is
 * wrong, the access token only aged out while the call waited to retry (tenant and Leads clients alike).
 */
export const tokenExpiredDuringRetries = (head: string, context: FailureContext, trace?: string): string => {
  const seconds = context.elapsedMs === undefined ? "" : ` ${Math.round(context.elapsedMs / 1000)} s after the first attempt`;
  return `${head} on attempt ${context.attempts}${seconds} — the access token expired during the retries (ServiceTitan accepted it on the earlier attempts). Run the step again: it starts with a fresh token.${
    trace ? ` — ${trace}` : ""
  }`;
};

/** Turns an HTTP error response into an Error whose message a person can act on. */
export const toApiError = (
  call: FailedCall,
  status: number,
  body: string,
  connection?: Connection,
  context?: FailureContext,
): Error => {
  const problem = parseErrorBody<ProblemDetails>(body);
  const statusText = STATUS_TEXT[status] ?? "HTTP error";
  const parts: string[] = [`ServiceTitan ${call.operation} failed with ${status} ${statusText}`];
  const headline = problem?.title ?? (problem ? describedBy(problem) : undefined);
  if (headline) parts[0] += `: ${headline}`;

  const fieldErrors: Record<string, string[]> = {};
  if (problem?.errors && typeof problem.errors === "object") {
    for (const [name, messages] of Object.entries(problem.errors)) {
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      fieldErrors[name] = list;
      parts.push(`${name || "(request)"}: ${list.join(" ")}`);
    }
  }
  if (problem && !headline && !Object.keys(fieldErrors).length) parts.push(`Response: ${excerpt(body)}`);
  if (!problem && body.trim()) parts.push(`Response: ${excerpt(body)}`);
  if (!problem && !body.trim()) parts.push("The response had no body.");

  if (status === 403) {
    parts.push(
      call.scope
        ? `The app needs the OAuth scope "${call.scope}" for this operation; add it to the app in the ServiceTitan Developer Portal (scopes cannot be edited on an existing app key) and have the tenant reconnect.`
        : "The app lacks a scope this operation needs, or the tenant has not granted access.",
    );
  }
  if (status === 404) {
    parts.push(`Nothing was found at ${call.method} ${call.path}: check the IDs in the path and the Tenant ID.`);
  }
  if (status === 500 && call.serverErrorMeans) parts.push(call.serverErrorMeans);
  if (status === 429 && (context?.attempts ?? 2) > 1) {
    parts.push(`ServiceTitan's rate limit was still exceeded after ${context ? `${context.attempts} attempts` : "the retries allowed"}.`);
  }
  if (problem?.traceId) parts.push(`traceId: ${problem.traceId}`);

  if (status === 401 && context?.tokenExpiredDuringRetries) {
    const text = redact(tokenExpiredDuringRetries(parts[0], context, problem?.traceId ? `traceId: ${problem.traceId}` : undefined));
    return connection
      ? new ConnectionError(connectionIdentity(connection) as Connection, text)
      : redactError(new ServiceTitanApiError(text, status, problem?.traceId));
  }
  const message = redact(parts.join(" — "));
  if (status === 401 && connection) {
    return new ConnectionError(
      connectionIdentity(connection) as Connection,
      redact(
        `${parts[0]} — the access token or Application Key was rejected. Check Client ID, Client Secret, Application Key and Environment, then reconnect.${problem?.traceId ? ` — traceId: ${problem.traceId}` : ""}`,
      ),
    );
  }
  return redactError(new ServiceTitanApiError(message, status, problem?.traceId, fieldErrors));
};

/** A response that said 2xx but whose body could not be read as the JSON the operation promises. */
export const toBodyError = (call: FailedCall, status: number, body: string, contentType?: string): Error => {
  const other = contentType && !/json/i.test(contentType);
  const what = other ? `a ${contentType.split(";")[0].trim()} body instead of JSON` : "a body that is not valid JSON";
  const verdict = other
    ? "it is not ServiceTitan's answer (a proxy or maintenance page?), so no result is returned"
    : "the response was incomplete, so no partial result is returned";
  // A write that was answered may have been carried out even though its answer is unreadable.
  const maybeDone = call.method === "GET" ? "" : " The request may have been carried out: check in ServiceTitan before running it again.";
  return new ServiceTitanApiError(
    redact(
      `ServiceTitan ${call.operation} returned ${status} with ${what} (${body.length} bytes${
        body.trim() ? `, starting "${excerpt(body).slice(0, 60)}"` : ", empty"
      }); ${verdict}.${maybeDone}`,
    ),
    status,
  );
};

/**
 * A write that promises a record in its answer (a create) was answered 2xx with nothing. It is never
 * reported as a success, and never sent again: the record may have been made.
 */
export const toEmptyBodyError = (call: FailedCall, status: number): Error =>
  new ServiceTitanApiError(
    redact(
      `ServiceTitan ${call.operation} answered ${status} without the record it returns on success, so the result is unknown: the record may have been created. Check in ServiceTitan before running it again.`,
    ),
    status,
  );

/** Network-level failures (reset, refused, timeout) after retries. */
export const toNetworkError = (call: FailedCall, error: unknown, attempts: number): Error => {
  const code = (error as { code?: string })?.code;
  const reason =
    code === "ECONNABORTED" || code === "ETIMEDOUT"
      ? "timed out"
      : code === "ECONNRESET"
        ? "lost its connection (reset)"
        : code === "ECONNREFUSED"
          ? "could not connect (refused)"
          : `failed (${code ?? (error as Error)?.message ?? "network error"})`;
  return new ServiceTitanApiError(
    redact(`ServiceTitan ${call.operation} ${reason} after ${attempts} attempt${attempts === 1 ? "" : "s"} (${call.method} ${call.path}).`),
    0,
  );
};

/** Milliseconds as seconds for a message: "50 s", "1.5 s". */
const secondsText = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** The sentence added to a failure when the server asked for a wait longer than the call may wait. */
export const statedWaitTooLong = (askedMs: number, allowedMs: number): string =>
  `ServiceTitan asked to wait ${secondsText(askedMs)} before retrying, more than the ${secondsText(allowedMs)} allowed (the retry policy's limit or the call's remaining time budget), so nothing was retried for that wait.`;

/** A call ended by the run's deadline (`deadlineAt`); callers tell it apart by `code`. */
export class ServiceTitanDeadlineError extends ServiceTitanApiError {
  readonly code = "ST_DEADLINE";
  constructor(
    message: string,
    status: number,
    readonly attempts: number,
  ) {
    super(message, status);
    this.name = "ServiceTitanDeadlineError";
  }
}

export interface DeadlineStop {
  /** Attempts made (0: the call was never sent). */
  attempts: number;
  /** A wait ServiceTitan asked for that would have ended past the deadline. */
  askedMs?: number;
  leftMs: number;
  /** The failure of the last attempt, when there was one. */
  last?: Error;
  status?: number;
  /** The last attempt was cut off in flight on a request that must not be repeated. */
  maybeCarriedOut?: boolean;
}

/** The error that ends a call at the run's deadline. */
export const toDeadlineError = (label: string, call: FailedCall, stop: DeadlineStop): ServiceTitanDeadlineError => {
  const when =
    stop.attempts === 0 ? "before it could be sent" : `after ${stop.attempts} attempt${stop.attempts === 1 ? "" : "s"}`;
  const parts = [`${label} ${call.operation} stopped: the run's time limit was reached ${when} (${call.method} ${call.path})`];
  if (stop.askedMs !== undefined) {
    parts.push(
      `ServiceTitan asked to wait ${secondsText(stop.askedMs)} before retrying, more than the ${secondsText(stop.leftMs)} left before the time limit, so nothing was retried for that wait`,
    );
  }
  if (stop.last) parts.push(`last attempt: ${stop.last.message}`);
  const tail = stop.maybeCarriedOut ? " The request may have been carried out: check in ServiceTitan before running it again." : "";
  return new ServiceTitanDeadlineError(redact(`${parts.join(" — ")}.${tail}`), stop.status ?? 0, stop.attempts);
};

/** A call refused before it was sent: its operation's budget (rules.ts) would make it wait too long. */
export class ServiceTitanBudgetError extends ServiceTitanApiError {
  readonly code = "ST_BUDGET";
  constructor(
    message: string,
    readonly waitMs: number,
  ) {
    super(message, 0);
    this.name = "ServiceTitanBudgetError";
  }
}

export interface BudgetStop {
  /** The limit in words (rules.ts `Budget.says`). */
  says: string;
  waitMs: number;
  allowedMs: number;
  /** The run's deadline is what the wait would overrun (else the retry policy's longest wait). */
  deadline: boolean;
  /** Attempts already made (0: nothing was sent). */
  attempts: number;
}

/**
 * The error when a budget's wait is longer than the call may wait: a deadline error (code ST_DEADLINE)
 * when the run's time limit is the tighter one, else a budget error (code ST_BUDGET).
 */
export const toBudgetError = (label: string, call: FailedCall, stop: BudgetStop): ServiceTitanApiError => {
  const head = `${label} ${call.operation} was not sent${stop.attempts ? ` again after ${stop.attempts} attempt${stop.attempts === 1 ? "" : "s"}` : ""} (${call.method} ${call.path})`;
  const why = `ServiceTitan allows ${stop.says}, so the next call must wait ${secondsText(stop.waitMs)}, more than the ${secondsText(stop.allowedMs)} ${
    stop.deadline ? "left before the run's time limit" : "this call may wait (the retry policy's longest wait)"
  }`;
  const message = redact(`${head}: ${why}. Run it again later, or space the runs of this operation further apart.`);
  return stop.deadline ? new ServiceTitanDeadlineError(message, 0, stop.attempts) : new ServiceTitanBudgetError(message, stop.waitMs);
};
