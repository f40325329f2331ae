/**
 * The one place a request leaves the library: builds the URL against `baseUrl`, sends JSON, retries
 * idempotent reads on transient failures, and turns every failure into an `EmporixError`.
 * It knows nothing about tokens; the caller passes the bearer it chose.
 */
import { EmporixError, type EmporixErrorDetail } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface WireRequest {
  /** The client operation, for errors and logs. */
  operation: string;
  method: HttpMethod;
  /** Path below the API origin, already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  bearer?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface RetryPolicy {
  /** Extra attempts for reads after a transient failure (network, 429, 502, 503, 504). */
  retries: number;
  /** Delay before retry number `attempt` (1-based), in milliseconds. */
  delay: (attempt: number) => number;
}

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

export function createTransport(options: TransportOptions): Send {
  const origin = new URL(options.baseUrl);
  const retry = options.retry ?? defaultRetryPolicy;
  // Looked up on every call so test tools that patch fetch after the client was created still apply.
  const doFetch: typeof globalThis.fetch = (...args) => (options.fetch ?? globalThis.fetch)(...args);

  return async function send(request) {
    const url = buildUrl(origin, request);
    const init = buildInit(request);
    const attempts = request.method === 'GET' ? retry.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(doFetch, url, init, request);
      } catch (error) {
        const again = attempt < attempts && error instanceof EmporixError && error.isTransient;
        if (!again) throw error;
        await sleep(retry.delay(attempt), request.signal);
      }
    }
  };
}

function buildUrl(origin: URL, request: WireRequest): URL {
  const url = new URL(request.path, origin);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

function buildInit(request: WireRequest): RequestInit {
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
  if (request.signal) init.signal = request.signal;
  return init;
}

async function sendOnce(
  doFetch: typeof globalThis.fetch,
  url: URL,
  init: RequestInit,
  request: WireRequest,
): Promise<unknown> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    throw new EmporixError({
      status: 0,
      type: 'network_error',
      message:
        request.method === 'GET'
          ? 'The Emporix API could not be reached.'
          : 'The Emporix API could not be reached; the change may or may not have been saved.',
      operation: request.operation,
      url: url.toString(),
      outcomeUnknown: request.method !== 'GET',
    });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw errorFromResponse(response.status, text, request.operation, url);
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

/** Reads an `ErrorMessage` body, a gateway `fault` body, or nothing useful, into one error. */
export function errorFromResponse(status: number, text: string, operation: string, url: URL | string): EmporixError {
  const body = parseJsonObject(text);
  const fault = asRecord(body?.fault);
  const faultDetail = asRecord(fault?.detail);
  const details = Array.isArray(body?.details) ? body.details.flatMap(toDetail) : [];
  const message =
    stringOr(body?.message) ?? stringOr(fault?.faultstring) ?? `The Emporix API answered with status ${status}.`;
  return new EmporixError({
    status,
    type: stringOr(body?.type) ?? (status === 401 ? 'unauthorized' : `http_${status}`),
    message,
    details,
    code: stringOr(faultDetail?.errorcode),
    operation,
    url: url.toString(),
  });
}

function toDetail(value: unknown): EmporixErrorDetail[] {
  const detail = asRecord(value);
  if (!detail) return [];
  return [{ field: stringOr(detail.field), type: stringOr(detail.type), message: stringOr(detail.message) }];
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

