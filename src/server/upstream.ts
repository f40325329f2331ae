/**
 * The proxy's one way to the API: builds the URL from the operation table, sets the bearer and JSON body,
 * gives up after the configured time, and never follows a redirect (it would carry the bearer elsewhere).
 * Network failures become 502 and timeouts 504, both without the URL's secrets.
 */
import { EmporixError } from '../api/errors';
import { OPERATIONS, operationPath, type OperationName } from '../api/operations';
import type { ProxyConfig } from './options';

export interface UpstreamCall {
  operation: OperationName;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | undefined>>;
  bearer?: string | undefined;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

export interface UpstreamAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
  url: URL;
}

export async function callUpstream(config: ProxyConfig, call: UpstreamCall, signal: AbortSignal): Promise<UpstreamAnswer> {
  const spec = OPERATIONS[call.operation];
  const url = new URL(config.apiRoot.origin);
  url.pathname = config.apiRoot.pathname.replace(/\/+$/, '') + operationPath(spec, { ...call.params, tenant: config.tenant });
  for (const [name, value] of Object.entries(call.query)) if (value !== undefined) url.searchParams.set(name, value);

  const headers = new Headers({ accept: 'application/json', ...call.headers });
  if (call.bearer !== undefined) headers.set('authorization', `Bearer ${call.bearer}`);
  const init: RequestInit = { method: spec.method, headers, redirect: 'manual' };
  if (call.body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(call.body);
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const forward = () => controller.abort();
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  init.signal = controller.signal;
  try {
    const response = await config.fetch(url, init);
    const text = await response.text();
    return { status: response.status, text, retryAfter: response.headers.get('retry-after'), url };
  } catch {
    throw timedOut
      ? new EmporixError({ status: 504, type: 'timeout', message: 'The Emporix API did not answer in time.', operation: call.operation })
      : new EmporixError({
          status: 502,
          type: 'network_error',
          message: 'The Emporix API could not be reached.',
          operation: call.operation,
        });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}
