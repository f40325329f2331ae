/**
 * Proxy session mode's way out of the page. Every request goes to the storefront's own proxy — the same
 * operation path below the proxy's path on this origin — with the proxy's header, and without what only the
 * proxy may add: no bearer, none of the tokens the API wants in URLs (the proxy takes them from its cookies).
 *
 * Token answers come back without their tokens. So that the session logic (expiry timers, one renewal at a
 * time across tabs, renew-and-replay after a 401) runs unchanged, each token the proxy kept is stood for by a
 * **handle**: a random string that is not a token, grants nothing and is never sent anywhere. Renewals compare
 * handles as they would compare tokens.
 */
import { EmporixError } from './errors';
import { OPERATIONS, type OperationName, type OperationSpec, type SessionValue } from './operations';
import { randomHex } from './random-hex';
import { createTransport, type RetryPolicy, type Send } from './transport';
import { PROXY_HEADER, SESSION_ID_HEADER } from '../server/protocol';

export interface ProxyTransportOptions {
  /** The proxy's path on this origin, e.g. `/api/emporix`. */
  path: string;
  fetch?: typeof globalThis.fetch | undefined;
  retry?: RetryPolicy | undefined;
  /** The proxy obtained an anonymous token on its own and says which session it belongs to. */
  onSessionId?: (sessionId: string) => void;
}

/** What every handle starts with, so that no one mistakes one for a token. */
export const PROXY_HANDLE_PREFIX = 'held-by-proxy.';

const proxyHandle = () => `${PROXY_HANDLE_PREFIX}${randomHex(12)}`;

/** Session values that are tokens: the proxy fills them in from its cookies and refuses them from a browser. */
const TOKEN_VALUES: ReadonlySet<SessionValue> = new Set(['anonymousRefreshToken', 'customerRefreshToken', 'customerAccessToken']);

export function createProxyTransport(options: ProxyTransportOptions): Send {
  let transport: { origin: string; send: Send } | undefined;
  const fetchFn: typeof globalThis.fetch = async (...args) => {
    const response = await (options.fetch ?? globalThis.fetch)(...args);
    const sessionId = response.headers.get(SESSION_ID_HEADER);
    if (sessionId) options.onSessionId?.(sessionId);
    return response;
  };

  /** Built at the first request, from the page's origin: the client may be created where there is none yet (server rendering). */
  function sendFor(origin: string): Send {
    if (transport?.origin !== origin) {
      transport = { origin, send: createTransport({ baseUrl: `${origin}${options.path}`, fetch: fetchFn, retry: options.retry }) };
    }
    return transport.send;
  }

  return async function send(request) {
    const origin = pageOrigin();
    const spec: OperationSpec | undefined = OPERATIONS[request.operation as OperationName];
    const raw = await sendFor(origin)({
      ...request,
      bearer: undefined,
      headers: { ...request.headers, [PROXY_HEADER]: '1' },
      query: withoutTokens(request.query, spec),
    });
    return spec ? withHandles(raw, spec) : raw;
  };
}

function pageOrigin(): string {
  const origin = (globalThis.location as Location | undefined)?.origin;
  if (!origin || origin === 'null') {
    throw new EmporixError({
      status: 0,
      type: 'invalid_state',
      message: 'In proxy mode the client calls the proxy from a page; on the server, use proxy.client(request).',
    });
  }
  return origin;
}

function withoutTokens(
  query: Record<string, string | undefined> | undefined,
  spec: OperationSpec | undefined,
): Record<string, string | undefined> | undefined {
  const supplied = spec?.sessionQuery;
  if (!query || !supplied) return query;
  return Object.fromEntries(Object.entries(query).filter(([name]) => !TOKEN_VALUES.has(supplied[name] as SessionValue)));
}

/**
 * A token answer with handles where the proxy took the tokens out. A refresh answer gets a new refresh
 * handle only when it tells the refresh token's lifetime (the proxy got a new one); otherwise the one
 * stored stays, as it does for a refresh the API answered without a new refresh token.
 */
function withHandles(raw: unknown, spec: OperationSpec): unknown {
  if (spec.effect === undefined || spec.effect === 'logout' || !raw || typeof raw !== 'object') return raw;
  const body = { ...(raw as Record<string, unknown>) };
  if (body.access_token === undefined && body.accessToken === undefined) body.access_token = proxyHandle();
  const newRefreshToken =
    spec.effect !== 'customerRefresh' ||
    body.refresh_token_expires_in !== undefined ||
    body.refreshTokenExpiresIn !== undefined;
  if (newRefreshToken && body.refresh_token === undefined && body.refreshToken === undefined) body.refresh_token = proxyHandle();
  return body;
}

/**
 * The login id and customer id a proxy's customer token answer carries (the proxy mints the login id and keeps
 * it in a cookie, so that the page and the server rendering it agree on who is calling).
 */
export function proxyLoginIdentity(raw: unknown): { loginId: string; customerId: string | undefined } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { loginId, customerId } = raw as Record<string, unknown>;
  if (typeof loginId !== 'string' || !/^[0-9a-f]{32}$/.test(loginId)) return undefined;
  return { loginId, customerId: typeof customerId === 'string' && customerId !== '' ? customerId : undefined };
}

/** Handles for a session adopted from the proxy's cookies: due at once, so that the first need renews them. */
export function adoptedTokens(now: number) {
  return { accessToken: proxyHandle(), expiresAt: now, renewAt: now, refreshToken: proxyHandle() };
}
