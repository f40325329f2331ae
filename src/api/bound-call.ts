/**
 * Sends an operation as whoever started it. The caller is fixed the moment the operation is called —
 * nobody, the anonymous session, or one login (its per-login id) — and every step after that is for that
 * caller only: the token it is sent with, the renewal after a 401 and the replay. Should another customer
 * log in, or the session end, while it is under way, the renewal rejects with `session_changed` and nothing
 * is sent with the token of a different identity.
 */
import { EmporixError, isTokenFault, notLoggedInError } from './errors';
import { OPERATIONS, type OperationName, type OperationSpec } from './operations';
import type { BoundToken, Session } from './session';
import type { Send, WireRequest } from './transport';

export interface CallInput {
  /** The address id and the mailed token an operation's path holds (`{addressId}`, `{token}`). */
  params?: { id?: string; token?: string };
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export type Call = (operation: OperationName, input?: CallInput) => Promise<unknown>;

export function createBoundCall(session: Session, send: Send, tenant: string): Call {
  /** The token for `spec`, bound to the caller of this moment; synchronous up to the first wait. */
  function tokenFor(spec: OperationSpec, operation: string): Promise<BoundToken> | undefined {
    if (spec.auth === 'none') return undefined;
    const loginId = spec.auth === 'anonymous' ? undefined : session.currentLogin();
    if (spec.auth === 'customer' && loginId === undefined) return Promise.reject(notLoggedInError(operation));
    if (loginId === undefined) return session.ensureAnonymous().then((value) => ({ kind: 'anonymous', value }));
    return session.customerToken(operation, loginId).then((value) => ({ kind: 'customer', value, loginId }));
  }

  return async function call(operation, input = {}) {
    const spec: OperationSpec = OPERATIONS[operation];
    const path = fillPath(spec.path, tenant, input.params);
    const token = await tokenFor(spec, operation);
    const request: WireRequest = {
      operation,
      method: spec.method,
      path,
      query: input.query,
      headers: input.headers,
      body: input.body,
      signal: input.signal,
      repeatable: spec.repeatable,
      secrets: input.params?.token === undefined ? undefined : [input.params.token, encodeURIComponent(input.params.token)],
      bearer: token?.value,
    };
    try {
      return await send(request);
    } catch (error) {
      if (!token || !replays(spec, error)) throw error;
      return send({ ...request, bearer: await session.renewRefused(token) });
    }
  };
}

/** Whether a failure means "renew the token and replay once" for this operation. */
function replays(spec: OperationSpec, error: unknown): boolean {
  if (!(error instanceof EmporixError) || error.status !== 401) return false;
  return spec.on401 === 'renew' || (spec.on401 === 'renewOnTokenFault' && isTokenFault(error));
}

function fillPath(path: string, tenant: string, params: CallInput['params'] = {}): string {
  return path
    .replace('{tenant}', tenant)
    .replace('{addressId}', () => pathSegment(params.id, 'address id'))
    .replace('{token}', () => pathSegment(params.token, 'activation token'));
}

/** One path segment from a caller's value; `.` and `..` would climb the path, an empty one would drop it. */
function pathSegment(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new EmporixError({ status: 0, type: 'invalid_argument', message: `The ${what} is missing or not valid.` });
  }
  return encodeURIComponent(value);
}
