/**
 * The client's object from its parts — a session, a way to send requests, the names it keeps in a browser —
 * shared by every way of keeping the session: tokens in the page (`createCustomerClient`), handles in the page
 * and tokens in the proxy's cookies (proxy mode), one request's cookies on the server (`proxy.client(request)`).
 */
import { accountOperations } from './account-operations';
import { addressOperations } from './address-operations';
import { createBoundCall } from './bound-call';
import { EmporixError } from './errors';
import { loginOperations, socialLoginOperations } from './login-operations';
import { createLogout } from './logout';
import type { ParseIssueListener } from './parse';
import type { ClientNames } from './names';
import type { Session, SessionState } from './session';
import { clearSocialLogin } from './social-login';
import type { Send } from './transport';

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

export interface ClientParts {
  tenant: string;
  names: ClientNames;
  session: Session;
  send: Send;
  /** The session the page was rendered for on the server, if known. */
  serverState?: SessionState | undefined;
  /** `false` in proxy mode, where the session holds handles instead of tokens. */
  holdsTokens?: boolean;
  /** Told about each field of a profile or an address left out because it did not fit its schema. */
  onParseIssue?: ParseIssueListener | undefined;
}

/** The client's object from its parts: one for every way of keeping the session (page, proxy, server). */
export function assembleClient({ tenant, names, session, send, serverState, holdsTokens = true, onParseIssue }: ClientParts) {
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

    /**
     * Renews the customer token now; pass `legalEntityId` to act for another legal entity (B2B). Once the refresh
     * token has lapsed nothing is sent: a switch rejects with `login_required` (the session stays as it is), a
     * plain renewal resolves, as the access token is still good.
     */
    refreshCustomerToken(options?: { legalEntityId?: string }): Promise<void> {
      return session.refreshCustomer(options);
    },

    ...loginOperations(call, session),
    ...socialLoginOperations(call, session, tenant, names.prefix),
    ...accountOperations(call, { onIssue: onParseIssue, isCustomer: () => session.currentLogin() !== undefined }),
    ...addressOperations(call, { onIssue: onParseIssue }),
  };
}

/**
 * The client `createCustomerClient` returns: one method per operation of the Customer Service, the `session`,
 * `logout()` and `dispose()`. Hand it to `<CustomerProvider client={…}>` and reach it in components with
 * `useCustomerClient()`.
 */
export type CustomerClient = ReturnType<typeof assembleClient>;

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
