/**
 * `createCustomerClient`: one object with every operation of the Customer Service (customer-managed),
 * each sending exactly what its endpoint expects with the token that endpoint needs.
 */
import { EmporixError } from './errors';
import type { Persistence } from './persistence';
import type { RefreshLock } from './refresh-lock';
import { parseAddress, parseAddressList, parseCustomer, parseResourceLocation, parseValidateToken } from './parse';
import type {
  AddressCreate,
  AddressDto,
  AddressUpdate,
  ChangeEmailRequest,
  Customer,
  CustomerPatch,
  CustomerSignup,
  PasswordAuthentication,
  PasswordChange,
  PasswordResetRequest,
  PasswordUpdate,
  ValidateTokenResponse,
} from './schemas';
import { createSession, isTokenFault, type Session, type SessionContext, type TokenKind } from './session';
import {
  beginSocialLogin,
  clearSocialLogin,
  completeSocialLogin,
  type BeginSocialLoginOptions,
} from './social-login';
import type { TabChannelFactory } from './tab-sync';
import { createTransport, type HttpMethod, type RetryPolicy } from './transport';

export interface CustomerClientOptions {
  /** Your Emporix tenant, lowercase (3–16 characters, letters and digits, starting with a letter). */
  tenant: string;
  /** The storefront API key (client id) of the tenant. */
  clientId: string;
  /** API origin; defaults to the production API. */
  baseUrl?: string;
  /** A `fetch` of your own (e.g. instrumented); defaults to the global one at call time. */
  fetch?: typeof globalThis.fetch;
  /** Where tokens are kept between page loads; `'local'` by default. */
  persistence?: Persistence;
  /** Currency, site, language and target location the anonymous session starts with. */
  sessionContext?: SessionContext;
  /** How long before expiry a token is renewed, in seconds (default 90). */
  refreshMarginSeconds?: number;
  /** How reads (token refreshes included) are retried after transient failures; default 3 retries from 250 ms. */
  retry?: RetryPolicy;
  /**
   * Keeps token refreshes one at a time across tabs. Default: Web Locks where the browser has them, else a
   * lease in the persistence storage (see `createStorageRefreshLock`); a page-local queue for `'session'` and
   * `'memory'` persistence.
   */
  lock?: RefreshLock;
  /**
   * How tabs tell each other about new tokens, logout, session expiry and legal-entity switches.
   * Default: in a page, a `BroadcastChannel` named `emporix-customer-react:{tenant}` when the persistence is
   * shared (`'local'` or an adapter); never on a server, where clients of different visitors share a process.
   * `false` turns it off.
   */
  tabSync?: false | TabChannelFactory;
}

/** Options every read accepts, e.g. the `signal` TanStack Query passes to cancel it. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** What a login-like operation tells the app; the tokens stay inside the client. */
export interface LoginResult {
  /** The password was set by an employee and should be changed. */
  initialPassword: boolean;
}

export type CustomerSession = Pick<
  Session,
  'getState' | 'subscribe' | 'on' | 'getSaasToken' | 'ensureAnonymous' | 'refreshAnonymous'
> & {
  /** The access token of whoever is calling (the customer when logged in, else anonymous), renewed when needed. */
  getAccessToken(): Promise<string>;
};

export const DEFAULT_BASE_URL = 'https://api.emporix.io';

const TENANT_PATTERN = /^[a-z][a-z0-9]{2,15}$/;

type Auth = 'none' | 'anonymous' | 'customer' | 'either';

interface Call {
  operation: string;
  method: HttpMethod;
  path: string;
  auth: Auth;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Whether a 401 means "renew the token and try again" (true unless the operation checks credentials). */
  replayOn401?: (error: EmporixError) => boolean;
  /** Values to keep out of errors beyond what the transport knows (e.g. a token in the path). */
  secrets?: readonly string[];
}

/** How long logout waits for the server before it gives up (the local session is gone already). */
const LOGOUT_TIMEOUT_MS = 10_000;

/**
 * Creates the framework-free client.
 *
 * @example
 * ```ts
 * const client = createCustomerClient({ tenant: 'myshop', clientId: import.meta.env.VITE_EMPORIX_CLIENT_ID });
 * await client.login({ email: 'jane@example.com', password: 'secret-pass' });
 * const me = await client.getCustomer({ expand: ['addresses'] });
 * ```
 */
export function createCustomerClient(options: CustomerClientOptions) {
  const { tenant, clientId } = validate(options);
  const send = createTransport({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    fetch: options.fetch,
    retry: options.retry,
  });
  const session = createSession({
    tenant,
    clientId,
    send,
    persistence: options.persistence,
    sessionContext: options.sessionContext,
    refreshMarginSeconds: options.refreshMarginSeconds,
    lock: options.lock,
    tabSync: options.tabSync,
  });
  const base = `/customer/${tenant}`;

  async function tokenFor(auth: Auth, operation: string): Promise<{ kind: TokenKind; value: string } | undefined> {
    if (auth === 'none') return undefined;
    if (auth === 'customer' || (auth === 'either' && session.hasCustomer())) {
      return { kind: 'customer', value: await session.customerToken(operation) };
    }
    return { kind: 'anonymous', value: await session.ensureAnonymous() };
  }

  /** Sends with the right token; a 401 renews that token once and replays the request once. */
  async function call(spec: Call): Promise<unknown> {
    const token = await tokenFor(spec.auth, spec.operation);
    const request = { ...spec, bearer: token?.value };
    try {
      return await send(request);
    } catch (error) {
      const replay =
        token !== undefined &&
        error instanceof EmporixError &&
        error.status === 401 &&
        (spec.replayOn401?.(error) ?? true);
      if (!replay) throw error;
      return send({ ...request, bearer: await session.renew(token.kind, token.value) });
    }
  }

  async function startCustomer(operation: string, spec: Omit<Call, 'operation'>): Promise<LoginResult> {
    const raw = await call({ operation, ...spec });
    session.startCustomer(raw, operation);
    const initialPassword = (raw as { initialPassword?: unknown } | undefined)?.initialPassword;
    return { initialPassword: initialPassword === true || initialPassword === 'true' };
  }

  const address = (id: string) => `${base}/me/addresses/${pathSegment(id, 'address id')}`;
  const joinList = (values: readonly string[] | string | undefined) =>
    values === undefined ? undefined : typeof values === 'string' ? values : values.join(',');

  const publicSession: CustomerSession = {
    getState: session.getState,
    subscribe: session.subscribe,
    on: session.on,
    getSaasToken: session.getSaasToken,
    ensureAnonymous: session.ensureAnonymous,
    refreshAnonymous: session.refreshAnonymous,
    getAccessToken: () =>
      session.hasCustomer() ? session.customerToken('getAccessToken') : session.ensureAnonymous(),
  };

  const client = {
    tenant,
    session: publicSession,

    /**
     * Stops the client's background work: the renewal timer, the visibility listener and the cross-tab
     * channel. Call it when a client is thrown away before the page ends (tests, micro-frontends); the
     * session itself stays stored. Requests made afterwards still work, without background renewal.
     */
    dispose(): void {
      session.dispose();
    },

    /** Creates an account (201 `{ id }`); with double opt-in the account waits for the mailed link. */
    async signup(body: CustomerSignup): Promise<{ id: string }> {
      const raw = await call({ operation: 'signup', method: 'POST', path: `${base}/signup`, auth: 'anonymous', body });
      return parseResourceLocation(raw, 'signup');
    },

    /** Logs a customer in with email and password; a refused login is an `invalid_credentials` error. */
    async login(body: PasswordAuthentication): Promise<LoginResult> {
      try {
        return await startCustomer('login', {
          method: 'POST',
          path: `${base}/login`,
          auth: 'anonymous',
          body,
          replayOn401: isTokenFault,
        });
      } catch (error) {
        if (error instanceof EmporixError && error.status === 401 && !isTokenFault(error)) {
          throw new EmporixError({
            status: 401,
            type: 'invalid_credentials',
            message: 'The email or password is incorrect.',
            code: error.code,
            operation: 'login',
          });
        }
        throw error;
      }
    },

    /**
     * Ends the session. Locally it always ends at once (tokens in memory and storage, other tabs told, a
     * `logout` event); the server is then told with the stored token as it is — never renewed for this —
     * and an answer of any kind, or none within 10 s, counts as done.
     */
    async logout(): Promise<void> {
      const accessToken = session.storedCustomerToken();
      session.clear('logout');
      clearSocialLogin(tenant);
      if (accessToken === undefined) return;
      try {
        await send({
          operation: 'logout',
          method: 'GET',
          path: `${base}/logout`,
          query: { accessToken },
          bearer: accessToken,
          retries: 0,
          timeoutMs: LOGOUT_TIMEOUT_MS,
        });
      } catch {
        // Best effort: an unreachable server or a token it already forgot must not keep anyone logged in.
      }
    },

    /** Renews the customer token now; pass `legalEntityId` to act for another legal entity (B2B). */
    refreshCustomerToken(options?: { legalEntityId?: string }): Promise<void> {
      return session.refreshCustomer(options);
    },

    async validateToken(options?: RequestOptions): Promise<ValidateTokenResponse> {
      const raw = await call({
        operation: 'validateToken',
        method: 'GET',
        path: `${base}/validateauthtoken`,
        auth: 'customer',
        signal: options?.signal,
      });
      return parseValidateToken(raw, 'validateToken');
    },

    /** Exchanges an identity provider's access token for an Emporix customer session. */
    exchangeToken(input: { subjectAccessToken: string; config?: string }): Promise<LoginResult> {
      return startCustomer('exchangeToken', {
        method: 'POST',
        path: `${base}/exchangeauthtoken`,
        auth: 'anonymous',
        query: { subjectAccessToken: input.subjectAccessToken, config: input.config },
      });
    },

    /**
     * Completes a social login with the identity provider's authorization code (prefer
     * `completeSocialLogin`, which also checks the state). A code is sent once: a 401 is not replayed.
     */
    async socialLogin(input: { code: string; redirectUri: string; codeVerifier?: string }): Promise<LoginResult> {
      await session.ensureAnonymous();
      return startCustomer('socialLogin', {
        method: 'POST',
        path: `${base}/socialLogin`,
        auth: 'anonymous',
        query: { code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier },
        headers: { 'session-id': session.getState().sessionId },
        replayOn401: () => false,
      });
    },

    /**
     * Starts a social login: returns the identity provider URL (PKCE S256 + random `state`) to redirect
     * to; the verifier and state wait in this tab's sessionStorage for `completeSocialLogin`.
     */
    beginSocialLogin(options: BeginSocialLoginOptions): Promise<string> {
      return beginSocialLogin(client, options);
    },

    /** Finishes a social login on the redirect page: verifies `state`, then spends the code once. */
    completeSocialLogin(callbackUrl: string | URL): Promise<LoginResult> {
      return completeSocialLogin(client, callbackUrl);
    },

    /** Activates a double opt-in account with the mailed token; the customer is then logged in. */
    async confirmSignup(token: string): Promise<LoginResult> {
      return startCustomer('confirmSignup', {
        method: 'GET',
        path: `${base}/signup/optin/${pathSegment(token, 'activation token')}`,
        auth: 'anonymous',
        secrets: [token, encodeURIComponent(token)],
      });
    },

    async resendActivation(body: { email: string }): Promise<void> {
      await call({
        operation: 'resendActivation',
        method: 'POST',
        path: `${base}/signup/optin/refresh_token`,
        auth: 'anonymous',
        body,
      });
    },

    /**
     * The caller's profile. With an anonymous session the API answers a placeholder "Anonymous" profile
     * (id `00000000`): check `session.getState().status` before treating it as a customer.
     */
    async getCustomer(input?: { expand?: readonly string[] | string }, options?: RequestOptions): Promise<Customer> {
      const raw = await call({
        operation: 'getCustomer',
        method: 'GET',
        path: `${base}/me`,
        auth: 'either',
        query: { expand: joinList(input?.expand) },
        signal: options?.signal,
      });
      return parseCustomer(raw, 'getCustomer');
    },

    async updateCustomer(patch: CustomerPatch): Promise<void> {
      await call({ operation: 'updateCustomer', method: 'PATCH', path: `${base}/me`, auth: 'customer', body: patch });
    },

    async listAddresses(options?: RequestOptions): Promise<AddressDto[]> {
      const raw = await call({
        operation: 'listAddresses',
        method: 'GET',
        path: `${base}/me/addresses`,
        auth: 'customer',
        signal: options?.signal,
      });
      return parseAddressList(raw, 'listAddresses');
    },

    async getAddress(id: string, options?: RequestOptions): Promise<AddressDto> {
      const raw = await call({
        operation: 'getAddress',
        method: 'GET',
        path: address(id),
        auth: 'customer',
        signal: options?.signal,
      });
      return parseAddress(raw, 'getAddress');
    },

    /** Adds an address; the API answers only its id. */
    async createAddress(body: AddressCreate): Promise<{ id: string }> {
      const raw = await call({
        operation: 'createAddress',
        method: 'POST',
        path: `${base}/me/addresses`,
        auth: 'customer',
        body,
      });
      return parseResourceLocation(raw, 'createAddress');
    },

    async updateAddress(id: string, patch: AddressUpdate): Promise<void> {
      await call({ operation: 'updateAddress', method: 'PATCH', path: address(id), auth: 'customer', body: patch });
    },

    async deleteAddress(id: string): Promise<void> {
      await call({ operation: 'deleteAddress', method: 'DELETE', path: address(id), auth: 'customer' });
    },

    async addAddressTags(id: string, tags: readonly string[]): Promise<void> {
      await call({
        operation: 'addAddressTags',
        method: 'POST',
        path: `${address(id)}/tags`,
        auth: 'customer',
        query: { tags: joinList(tags) },
      });
    },

    async removeAddressTags(id: string, tags: readonly string[]): Promise<void> {
      await call({
        operation: 'removeAddressTags',
        method: 'DELETE',
        path: `${address(id)}/tags`,
        auth: 'customer',
        query: { tags: joinList(tags) },
      });
    },

    async changePassword(body: PasswordChange): Promise<void> {
      await call({
        operation: 'changePassword',
        method: 'POST',
        path: `${base}/password/change`,
        auth: 'customer',
        body,
      });
    },

    /** Mails a reset token; answers the same whether or not the email has an account. */
    async requestPasswordReset(body: PasswordResetRequest): Promise<void> {
      await call({
        operation: 'requestPasswordReset',
        method: 'POST',
        path: `${base}/password/reset`,
        auth: 'anonymous',
        body,
      });
    },

    async resetPassword(body: PasswordUpdate): Promise<void> {
      await call({
        operation: 'resetPassword',
        method: 'POST',
        path: `${base}/password/reset/update`,
        auth: 'anonymous',
        body,
      });
    },

    /** Asks to change the login email; a token is mailed to the new address. */
    async requestEmailChange(body: ChangeEmailRequest): Promise<void> {
      await call({
        operation: 'requestEmailChange',
        method: 'POST',
        path: `${base}/me/accounts/internal/email/change`,
        auth: 'customer',
        body,
      });
    },

    async confirmEmailChange(body: { token: string }): Promise<void> {
      await call({
        operation: 'confirmEmailChange',
        method: 'POST',
        path: `${base}/me/accounts/internal/email/change/confirm`,
        auth: 'anonymous',
        body,
      });
    },
  };
  return client;
}

export type CustomerClient = ReturnType<typeof createCustomerClient>;

/** One path segment from a caller's value; `.` and `..` would climb the path, an empty one would drop it. */
function pathSegment(value: string, what: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new EmporixError({ status: 0, type: 'invalid_argument', message: `The ${what} is missing or not valid.` });
  }
  return encodeURIComponent(value);
}

function validate(options: CustomerClientOptions): { tenant: string; clientId: string } {
  const { tenant, clientId } = options;
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw new EmporixError({
      status: 0,
      type: 'invalid_config',
      message: `The tenant "${String(tenant)}" is not valid: use 3–16 lowercase letters and digits, starting with a letter.`,
    });
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new EmporixError({
      status: 0,
      type: 'invalid_config',
      message: 'A clientId (the storefront API key of the tenant) is required.',
    });
  }
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
    throw new EmporixError({
      status: 0,
      type: 'invalid_config',
      message: 'baseUrl must be an absolute URL such as https://api.emporix.io.',
    });
  }
  return { tenant, clientId };
}
