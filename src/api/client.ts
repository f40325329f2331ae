/**
 * `createCustomerClient`: one object with every operation of the Customer Service (customer-managed),
 * each sending exactly what its endpoint expects with the token that endpoint needs. What each operation
 * needs is the operation table (`operations.ts`); sending it as the caller who started it is
 * `bound-call.ts`; the session behind the tokens is `session.ts`; the operations come in three groups
 * (`login-operations.ts`, `account-operations.ts`, `address-operations.ts`), plus logout (`logout.ts`).
 */
import { accountOperations } from './account-operations';
import { addressOperations } from './address-operations';
import { createBoundCall } from './bound-call';
import { resolveOptions, type CustomerClientOptions, type ResolvedOptions } from './config';
import { EmporixError } from './errors';
import { loginOperations, socialLoginOperations } from './login-operations';
import { createLogout } from './logout';
import { clientNames, type ClientNames } from './names';
import { isSharedPersistence, resolvePersistence } from './persistence';
import { adoptProxyLogin, readLoginCookie } from './proxy-session';
import { createProxyTransport, proxyLoginIdentity } from './proxy-transport';
import { defaultRefreshLock } from './refresh-lock';
import { createSession, type Session, type SessionState } from './session';
import { clearSocialLogin } from './social-login';
import { createTransport, type Send } from './transport';

export type { CustomerClientOptions, ProxyModeOptions } from './config';
export { DEFAULT_BASE_URL } from './config';
export type { LoginResult, RequestOptions } from './request-options';

/**
 * The client's `session`: who is calling, without the tokens. `getState()` and `subscribe()` form a store for
 * `useSyncExternalStore`, `on()` reports logins, renewals, logouts and expired sessions, `getSaasToken()` hands other
 * Emporix services (checkout, orders) the SaaS token, and `ensureAnonymous()` / `refreshAnonymous()` get or renew the
 * anonymous token.
 *
 * In proxy mode the page holds no token: `getSaasToken()` is `undefined`, `getAccessToken()` rejects, and
 * `ensureAnonymous()` / `refreshAnonymous()` resolve to a handle standing for the token the proxy keeps (a sign
 * that the session is ready, never a credential).
 *
 * @example
 * ```ts
 * const unsubscribe = client.session.on((event) => {
 *   if (event.type === 'sessionExpired') showLoginDialog();
 * });
 * ```
 */
export type CustomerSession = Pick<
  Session,
  'getState' | 'subscribe' | 'on' | 'getSaasToken' | 'ensureAnonymous' | 'refreshAnonymous'
> & {
  /**
   * The access token of whoever is calling (the customer when logged in, else anonymous), renewed when needed.
   * In proxy mode the page holds no token: it rejects with an `invalid_state` error.
   */
  getAccessToken(): Promise<string>;
  /**
   * The session the server rendered the page for (proxy mode's `initialSession`); hooks render with it while
   * the page hydrates. `undefined` when the server did not know it (hooks then render as "unknown").
   */
  getServerState(): SessionState | undefined;
};

/**
 * Creates the framework-free client. A setting that cannot work throws an `EmporixError` of type
 * `invalid_config` naming the option.
 *
 * With `proxy` (proxy session mode, see `emporix-customer-react/server`) every call goes to the storefront's
 * own proxy and no token ever reaches the page: `getSaasToken()` is `undefined` there, and what the
 * persistence keeps is expiry times, session id, customer id and login id.
 *
 * @example
 * ```ts
 * const client = createCustomerClient({ tenant: 'myshop', clientId: import.meta.env.VITE_EMPORIX_CLIENT_ID });
 * await client.login({ email: 'jane@example.com', password: 'secret-pass' });
 * const me = await client.getCustomer({ expand: ['addresses'] });
 *
 * // Proxy session mode: tokens stay in HttpOnly cookies of the shop's own server.
 * const proxied = createCustomerClient({ tenant: 'myshop', clientId: 'storefront-key', proxy: '/api/emporix' });
 * ```
 */
export function createCustomerClient(options: CustomerClientOptions) {
  const resolved = resolveOptions(options);
  if (resolved.proxy) return createProxiedClient(resolved, resolved.proxy);
  const names = clientNames(resolved.tenant, resolved.clientId, resolved.baseUrl);
  const send = createTransport({ baseUrl: resolved.baseUrl, fetch: resolved.fetch, retry: resolved.retry });
  const session = createSession({ ...resolved, names, send });
  return assembleClient({ tenant: resolved.tenant, names, session, send });
}

/** Proxy mode: the transport to the proxy, the login the proxy's cookie names, and handles for tokens. */
function createProxiedClient(resolved: ResolvedOptions, proxy: NonNullable<ResolvedOptions['proxy']>) {
  const { tenant } = resolved;
  const origin = (globalThis.location as Location | undefined)?.origin;
  const names = clientNames(tenant, resolved.clientId, new URL(proxy.path, origin && origin !== 'null' ? origin : 'http://localhost').href);
  // The page's own copy of the persistence, so that a login the cookie names is stored before the session reads it.
  const persistence = resolvePersistence(resolved.persistence);
  const shared = isSharedPersistence(resolved.persistence);
  adoptProxyLogin(persistence, names.session, readLoginCookie(tenant, proxy.cookiePrefix), resolved.initialSession, Date.now());
  const send = createProxyTransport({
    path: proxy.path,
    fetch: resolved.fetch,
    retry: resolved.retry,
    // The proxy started a new anonymous session on its own: a guest's page takes it up (carts hang off it).
    onSessionId(sessionId) {
      const state = session.getState();
      if (state.status === 'anonymous' && state.sessionId !== undefined && state.sessionId !== sessionId) {
        session.refreshAnonymous().catch(() => undefined);
      }
    },
  });
  const session = createSession({
    ...resolved,
    names,
    send,
    persistence,
    lock: resolved.lock ?? defaultRefreshLock(shared ? persistence : undefined),
    tabSync: shared ? resolved.tabSync : false,
    loginIdentity: proxyLoginIdentity,
  });
  const initial = resolved.initialSession === undefined ? undefined : Object.freeze({ ...resolved.initialSession });
  return assembleClient({ tenant, names, session, send, serverState: initial, holdsTokens: false });
}

export interface ClientParts {
  tenant: string;
  names: ClientNames;
  session: Session;
  send: Send;
  /** The session the page was rendered for on the server, if known. */
  serverState?: SessionState | undefined;
  /** `false` in proxy mode, where the session holds handles instead of tokens. */
  holdsTokens?: boolean;
}

/** The client's object from its parts: one for every way of keeping the session (page, proxy, server). */
export function assembleClient({ tenant, names, session, send, serverState, holdsTokens = true }: ClientParts) {
  const call = createBoundCall(session, send, tenant);

  return {
    /** The tenant this client talks to, as it was given. */
    tenant,
    /** The prefix of every name this client keeps in the browser: storage keys, refresh locks, tab channel. */
    storageNamespace: names.prefix,
    /** Who is calling and the session's events; the tokens stay inside (see `CustomerSession`). */
    session: publicSession(session, serverState, holdsTokens),

    /**
     * Stops the client's background work: the renewal timer, the visibility listener and the cross-tab
     * channel. Call it when a client is thrown away before the page ends (tests, micro-frontends); the
     * session itself stays stored. Requests made afterwards still work, without background renewal.
     */
    dispose(): void {
      session.dispose();
    },

    /**
     * Ends the session. Locally it always ends at once (tokens in memory and storage, other tabs told, a
     * `logout` event). The server is then asked to end the grant — with the stored access token, or, when
     * that has expired or is refused, with one renewed first — and an answer of any kind, or none within
     * 10 s, counts as done. In proxy mode that request is what expires the proxy's cookies.
     */
    logout: createLogout(session, send, tenant, () => clearSocialLogin(names.socialLogin)),

    /** Renews the customer token now; pass `legalEntityId` to act for another legal entity (B2B). */
    refreshCustomerToken(options?: { legalEntityId?: string }): Promise<void> {
      return session.refreshCustomer(options);
    },

    ...loginOperations(call, session),
    ...socialLoginOperations(call, session, tenant, names.prefix),
    ...accountOperations(call),
    ...addressOperations(call),
  };
}

/**
 * The client `createCustomerClient` returns: one method per operation of the Customer Service, the `session`,
 * `logout()` and `dispose()`. Hand it to `<CustomerProvider client={…}>` and reach it in components with
 * `useCustomerClient()`.
 */
export type CustomerClient = ReturnType<typeof createCustomerClient>;

function publicSession(session: Session, serverState: SessionState | undefined, holdsTokens: boolean): CustomerSession {
  return {
    getState: session.getState,
    subscribe: session.subscribe,
    on: session.on,
    getSaasToken: session.getSaasToken,
    ensureAnonymous: session.ensureAnonymous,
    refreshAnonymous: session.refreshAnonymous,
    getServerState: () => serverState,
    getAccessToken() {
      if (!holdsTokens) {
        return Promise.reject(
          new EmporixError({
            status: 0,
            type: 'invalid_state',
            message: 'In proxy mode the page holds no token: call other Emporix services through your server.',
            operation: 'getAccessToken',
          }),
        );
      }
      const loginId = session.currentLogin();
      return loginId === undefined ? session.ensureAnonymous() : session.customerToken('getAccessToken', loginId);
    },
  };
}
