/**
 * `proxy.client(request)`: a customer client on the server, acting with the tokens of one request's cookies —
 * for server rendering (the account page's first HTML) and for server code that needs the SaaS token. It is
 * the same client as in the browser (operations, parsing, errors, the caller bound to each request), over a
 * session that reads the cookies and keeps nothing: one per request, never shared, no timers, no locks, no
 * storage.
 *
 * It never obtains or renews a token. Those answers set cookies, and only the proxy's own answers to the
 * browser can. So a read whose token has run out, or that the API refuses, fails with a 401 the page can
 * leave to the browser: once hydrated, the browser client renews through the proxy and loads again. For the
 * same reason the operations that start, renew or end a session (login, refresh, logout, …) are refused here.
 */
import { assembleClient } from '../api/assemble-client';
import { classifyingSend } from '../api/refusals';
import { EmporixError, notLoggedInError, sessionChangedError } from '../api/errors';
import { clientNames } from '../api/names';
import { OPERATIONS, type OperationName, type OperationSpec } from '../api/operations';
import type { Session, SessionState } from '../api/session';
import { createTransport, type Send } from '../api/transport';
import type { CookieJar } from './cookie-jar';
import { jwtClaims } from '../api/jwt';
import type { ProxyConfig } from './options';

/** What `client()` needs of a request: its cookies, and its URL (for the cookies' names) where there is one. */
export interface ServerRequest {
  /** The request's headers: its `Cookie`, and its `Host` when there is no `url`. */
  headers: Headers;
  /** The URL the request came to. Without it (e.g. Next.js `headers()`), plain HTTP is assumed only for localhost. */
  url?: string;
}

const LOGIN_ID = /^[0-9a-f]{32}$/;

/** The session as one request's cookies tell it. */
export function stateFromCookies(jar: CookieJar): SessionState {
  const loginId = jar.read('loginId');
  if (loginId === undefined || !LOGIN_ID.test(loginId)) {
    return {
      status: 'anonymous',
      sessionId: undefined,
      loginId: undefined,
      customerId: undefined,
      legalEntityId: undefined,
      expiresAt: undefined,
      saasTokenExpiresAt: undefined,
    };
  }
  const saas = jar.read('saas');
  const claims = saas === undefined ? {} : jwtClaims(saas);
  return {
    status: 'customer',
    sessionId: undefined,
    loginId,
    customerId: claims.sub,
    legalEntityId: jar.read('legalEntity'),
    // The cookies do not say when the access token expires; the SaaS token says so itself.
    expiresAt: undefined,
    saasTokenExpiresAt: claims.exp === undefined ? undefined : claims.exp * 1000,
  };
}

export function createServerClient(config: ProxyConfig, jar: CookieJar) {
  const state = Object.freeze(stateFromCookies(jar));
  const session = cookieSession(jar, state);
  const send = classifyingSend(serverSend(config), { tenant: config.tenant, baseUrl: config.apiRoot.href });
  const names = clientNames(config.tenant, config.clientId, config.apiRoot.href);
  return assembleClient({ tenant: config.tenant, names, session, send, serverState: state });
}

/** The API behind the proxy, with its timeout; operations that would change the session's cookies refused. */
function serverSend(config: ProxyConfig): Send {
  const send = createTransport({ baseUrl: config.apiRoot.href, fetch: config.fetch });
  return (request) => {
    const spec: OperationSpec | undefined = OPERATIONS[request.operation as OperationName];
    const effect = spec?.effect;
    if (effect !== undefined) return Promise.reject(throughTheProxy(request.operation));
    return send({ ...request, timeoutMs: request.timeoutMs ?? config.timeoutMs });
  };
}

function throughTheProxy(operation: string): EmporixError {
  return new EmporixError({
    status: 0,
    type: 'invalid_state',
    message: `${operation} starts, renews or ends the session, which lives in the proxy's cookies: call it from the browser, through the proxy.`,
    operation,
  });
}

/** A token that ran out (its cookie is gone) or that the API refused: the browser renews it through the proxy. */
function renewInBrowser(operation: string): EmporixError {
  return new EmporixError({
    status: 401,
    type: 'unauthorized',
    code: 'keymanagement.service.access_token_expired',
    message: 'The access token has expired; the browser renews it through the proxy.',
    operation,
  });
}

function cookieSession(jar: CookieJar, state: SessionState): Session {
  const customerToken = jar.read('customer');
  const anonymousToken = jar.read('anonymous');
  const refuse = (operation: string) => () => Promise.reject(throughTheProxy(operation));
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    on: () => () => undefined,
    getSaasToken: () =>
      state.status === 'customer' && Date.now() < (state.saasTokenExpiresAt ?? Infinity) ? jar.read('saas') : undefined,
    ensureAnonymous: () => (anonymousToken === undefined ? Promise.reject(renewInBrowser('anonymousLogin')) : Promise.resolve(anonymousToken)),
    refreshAnonymous: refuse('anonymousRefresh'),
    currentLogin: () => state.loginId,
    customerToken(operation, loginId) {
      if (loginId !== state.loginId) return Promise.reject(sessionChangedError(operation));
      return customerToken === undefined ? Promise.reject(renewInBrowser(operation)) : Promise.resolve(customerToken);
    },
    renewRefused: (token) => Promise.reject(renewInBrowser(token.kind === 'customer' ? 'refreshCustomerToken' : 'anonymousRefresh')),
    refreshCustomer: () =>
      state.status === 'customer' ? Promise.reject(throughTheProxy('refreshCustomerToken')) : Promise.reject(notLoggedInError('refreshCustomerToken')),
    startCustomer(_raw, operation) {
      throw throughTheProxy(operation);
    },
    end() {
      throw throughTheProxy('logout');
    },
    endedLoginToken: refuse('logout'),
    dispose: () => undefined,
  };
}
