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
import { resolveOptions, type CustomerClientOptions } from './config';
import { loginOperations, socialLoginOperations } from './login-operations';
import { createLogout } from './logout';
import { clientNames } from './names';
import { classifyRefusal } from './refusals';
import { createSession, type Session } from './session';
import { clearSocialLogin } from './social-login';
import { createTransport, type Send } from './transport';

export type { CustomerClientOptions } from './config';
export { DEFAULT_BASE_URL } from './config';
export type { LoginResult, RequestOptions } from './request-options';

/**
 * The client's `session`: who is calling, without the tokens. `getState()` and `subscribe()` form a store for
 * `useSyncExternalStore`, `on()` reports logins, renewals, logouts and expired sessions, `getSaasToken()` hands other
 * Emporix services (checkout, orders) the SaaS token, and `ensureAnonymous()` / `refreshAnonymous()` get or renew the
 * anonymous token.
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
  /** The access token of whoever is calling (the customer when logged in, else anonymous), renewed when needed. */
  getAccessToken(): Promise<string>;
};

/**
 * Creates the framework-free client. A setting that cannot work throws an `EmporixError` of type
 * `invalid_config` naming the option.
 *
 * @example
 * ```ts
 * const client = createCustomerClient({ tenant: 'myshop', clientId: import.meta.env.VITE_EMPORIX_CLIENT_ID });
 * await client.login({ email: 'jane@example.com', password: 'secret-pass' });
 * const me = await client.getCustomer({ expand: ['addresses'] });
 * ```
 */
export function createCustomerClient(options: CustomerClientOptions) {
  const resolved = resolveOptions(options);
  const { tenant } = resolved;
  const names = clientNames(tenant, resolved.clientId, resolved.baseUrl);
  const transport = createTransport({ baseUrl: resolved.baseUrl, fetch: resolved.fetch, retry: resolved.retry });
  // Every refusal, the session's own requests included, is read by what is known about its operation.
  const send: Send = (request) =>
    transport(request).catch((error: unknown) => {
      throw classifyRefusal(error, request.operation, { tenant, baseUrl: resolved.baseUrl });
    });
  const session = createSession({ ...resolved, names, send });
  const call = createBoundCall(session, send, tenant);

  return {
    /** The tenant this client talks to, as it was given. */
    tenant,
    /** The prefix of every name this client keeps in the browser: storage keys, refresh locks, tab channel. */
    storageNamespace: names.prefix,
    /** Who is calling and the session's events; the tokens stay inside (see `CustomerSession`). */
    session: publicSession(session),

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
     * 10 s, counts as done.
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
    ...accountOperations(call, { onIssue: resolved.onParseIssue, isCustomer: () => session.currentLogin() !== undefined }),
    ...addressOperations(call, { onIssue: resolved.onParseIssue }),
  };
}

/**
 * The client `createCustomerClient` returns: one method per operation of the Customer Service, the `session`,
 * `logout()` and `dispose()`. Hand it to `<CustomerProvider client={…}>` and reach it in components with
 * `useCustomerClient()`.
 */
export type CustomerClient = ReturnType<typeof createCustomerClient>;

function publicSession(session: Session): CustomerSession {
  return {
    getState: session.getState,
    subscribe: session.subscribe,
    on: session.on,
    getSaasToken: session.getSaasToken,
    ensureAnonymous: session.ensureAnonymous,
    refreshAnonymous: session.refreshAnonymous,
    getAccessToken() {
      const loginId = session.currentLogin();
      return loginId === undefined ? session.ensureAnonymous() : session.customerToken('getAccessToken', loginId);
    },
  };
}
