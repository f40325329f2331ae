/**
 * The one place a request leaves the library: builds the URL below `baseUrl`, sends JSON, retries what
 * the caller marks safe to repeat after transient failures, and turns every failure into an `EmporixError`
 * that carries none of the secrets the request held. It knows nothing about tokens or operations; the caller
 * passes the bearer and says whether the request may be sent twice.
 */
import { EmporixError, scrubSecrets, secretsInBody, SECRET_QUERY_PARAMETERS, type EmporixErrorDetail } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface WireRequest {
  /** The client operation, for errors and logs. */
  operation: string;
  method: HttpMethod;
  /** Path below the API root, already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  bearer?: string | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Whether sending the request twice does no harm (reads): only then is it retried after a transient
   * failure, and only then is a failure known to have changed nothing. Writes, and reads that spend a
   * single-use token (an opt-in link, a rotating refresh token), are sent once; when they fail on the way
   * the error says the outcome is unknown.
   */
  repeatable: boolean;
  /** Overrides the policy's number of extra attempts (repeatable requests only). */
  retries?: number | undefined;
  /** Gives up after this many milliseconds with a `timeout` error. */
  timeoutMs?: number | undefined;
  /** Values that must never reach an error, beyond the bearer, secret query values and password/token fields. */
  secrets?: readonly string[] | undefined;
}

/**
 * How reads are retried after a transient failure (the `retry` option of `createCustomerClient`). Writes and
 * single-use links are never retried.
 */
export interface RetryPolicy {
  /** Extra attempts for reads after a transient failure (network, timeout, 429, 502, 503, 504). */
  retries: number;
  /** Delay before retry number `attempt` (1-based), in milliseconds. */
  delay: (attempt: number) => number;
}

/** 250 ms, 500 ms, 1 s (±25 % jitter), at most 4 s. */
export const defaultRetryPolicy: RetryPolicy = {
  retries: 3,
  delay: (attempt) => Math.min(250 * 2 ** (attempt - 1), 4000) * (0.75 + Math.random() * 0.5),
};

export interface TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  retry?: RetryPolicy | undefined;
}

export type Send = (request: WireRequest) => Promise<unknown>;

/** Statuses after which a request that is not repeatable may or may not have been carried out. */
const OUTCOME_UNKNOWN_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

export function createTransport(options: TransportOptions): Send {
  const root = new URL(options.baseUrl);
  const retry = options.retry ?? defaultRetryPolicy;
  // Looked up on every call so test tools that patch fetch after the client was created still apply.
  const doFetch: typeof globalThis.fetch = (...args) => (options.fetch ?? globalThis.fetch)(...args);

  return async function send(request) {
    const url = buildUrl(root, request);
    const secrets = secretsOf(request);
    const attempts = request.repeatable ? (request.retries ?? retry.retries) + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await withTimeout(request, (signal) =>
          sendOnce(doFetch, url, buildInit(request, signal), request, secrets),
        );
      } catch (error) {
        const again = attempt < attempts && error instanceof EmporixError && error.isTransient;
        if (!again) throw error;
        await sleep(retry.delay(attempt), request.signal);
      }
    }
  };
}

/** `baseUrl` may carry a path (an API behind the shop's own proxy): operation paths go below it. */
function buildUrl(root: URL, request: WireRequest): URL {
  const url = new URL(root.origin);
  url.pathname = root.pathname.replace(/\/+$/, '') + request.path;
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

function buildInit(request: WireRequest, signal: AbortSignal | undefined): RequestInit {
  const headers = new Headers({ accept: 'application/json' });
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  if (request.bearer) headers.set('authorization', `Bearer ${request.bearer}`);
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(request.body);
  }
  if (signal) init.signal = signal;
  return init;
}

function secretsOf(request: WireRequest): string[] {
  const secrets = [...(request.secrets ?? [])];
  if (request.bearer) secrets.push(request.bearer);
  for (const name of SECRET_QUERY_PARAMETERS) {
    const value = request.query?.[name];
    if (value) secrets.push(value);
  }
  secretsInBody(request.body, secrets);
  // Longest first, so a secret that contains another is replaced whole.
  return secrets.sort((a, b) => b.length - a.length);
}

/** Runs one attempt with the caller's signal, plus a deadline when the request has one. */
async function withTimeout<T>(request: WireRequest, attempt: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  if (request.timeoutMs === undefined) return attempt(request.signal);
  const controller = new AbortController();
  const timeout = new EmporixError({
    status: 0,
    type: 'timeout',
    message: 'The Emporix API did not answer in time.',
    operation: request.operation,
    outcomeUnknown: !request.repeatable,
  });
  const timer = setTimeout(() => controller.abort(timeout), request.timeoutMs);
  const forward = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) forward();
  else request.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await attempt(controller.signal);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', forward);
  }
}

async function sendOnce(
  doFetch: typeof globalThis.fetch,
  url: URL,
  init: RequestInit,
  request: WireRequest,
  secrets: readonly string[],
): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason ?? error;
    throw new EmporixError({
      status: 0,
      type: 'network_error',
      message: request.repeatable
        ? 'The Emporix API could not be reached.'
        : 'The Emporix API could not be reached; the change may or may not have been saved.',
      operation: request.operation,
      url: url.toString(),
      outcomeUnknown: !request.repeatable,
    });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const outcomeUnknown = !request.repeatable && OUTCOME_UNKNOWN_STATUSES.has(response.status);
    throw errorFromResponse(response.status, text, request.operation, url, secrets, outcomeUnknown);
  }
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmporixError({
      status: response.status,
      type: 'malformed_response',
      message: 'The Emporix API answered with a body that is not JSON.',
      operation: request.operation,
      url: url.toString(),
    });
  }
}

/**
 * Reads an `ErrorMessage` body, a gateway `fault` body, or nothing useful (empty, HTML), into one error.
 * Whatever the server echoes of the request's secrets is replaced.
 */
export function errorFromResponse(
  status: number,
  text: string,
  operation: string,
  url: URL | string,
  secrets: readonly string[] = [],
  outcomeUnknown = false,
): EmporixError {
  const body = parseJsonObject(text);
  const fault = asRecord(body?.fault);
  const faultDetail = asRecord(fault?.detail);
  const scrub = (value: string | undefined) => (value === undefined ? undefined : scrubSecrets(value, secrets));
  const details = Array.isArray(body?.details) ? body.details.flatMap((value) => toDetail(value, scrub)) : [];
  const message =
    stringOr(body?.message) ?? stringOr(fault?.faultstring) ?? `The Emporix API answered with status ${status}.`;
  return new EmporixError({
    status,
    type: scrub(stringOr(body?.type)) ?? (status === 401 ? 'unauthorized' : `http_${status}`),
    message: scrubSecrets(message, secrets),
    details,
    code: scrub(stringOr(faultDetail?.errorcode)),
    operation,
    url: url.toString(),
    outcomeUnknown,
  });
}

function toDetail(value: unknown, scrub: (text: string | undefined) => string | undefined): EmporixErrorDetail[] {
  const detail = asRecord(value);
  if (!detail) return [];
  return [
    { field: scrub(stringOr(detail.field)), type: scrub(stringOr(detail.type)), message: scrub(stringOr(detail.message)) },
  ];
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
