/**
 * The session: the anonymous token and the tokens of the logged-in customer's login, kept by the token
 * store (this tab, the storage, the other tabs), renewed before they expire by a background timer or after
 * a 401 — the anonymous ones by `anonymous-tokens.ts`, the customer's per login by `customer-tokens.ts` —
 * and published token-free for UIs by `session-view.ts`. This module wires them together.
 *
 * A customer session lasts as long as its access token: it is renewed only while the refresh token lives
 * (by the reference, a day of a 30-day token), and a lapsed refresh token ends nothing.
 */
import { notLoggedInError } from './errors';
import { createAnonymousTokens, type AnonymousTokens } from './anonymous-tokens';
import { createCustomerTokens, type CustomerTokens } from './customer-tokens';
import type { ClientNames } from './names';
import { isSharedPersistence, resolvePersistence, type Persistence } from './persistence';
import { randomHex } from './random-hex';
import { defaultRefreshLock, type RefreshLock } from './refresh-lock';
import { normalizeCustomerToken } from './schemas';
import { createSessionView, type SessionEvent, type SessionState } from './session-view';
import type { StoredAnonymous, StoredCustomer, StoredSession } from './stored-session';
import { defaultTabChannel, type TabChannelFactory } from './tab-sync';
import { createRefreshScheduler } from './timers';
import { liveSaasToken, parseToken, subjectOf } from './token-answer';
import { createTokenClock, type TokenClock } from './token-clock';
import { createTokenStore, type TokenStore } from './token-store';
import type { Send } from './transport';

export type { SessionEvent, SessionState } from './session-view';

/** How long before expiry a token is renewed, unless configured otherwise. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 90;

/** Session context the anonymous login starts with. */
export interface SessionContext {
  /** Three-letter currency code (e.g. `EUR`) the session starts with. */
  currency?: string;
  /** Code of the site the session starts on, as the tenant's site settings define it (e.g. `main`). */
  siteCode?: string;
  /** Language the session starts with (e.g. `EN`). */
  language?: string;
  /** Country code the session starts with (e.g. `DE`), one the tenant's country settings know. */
  targetLocation?: string;
}

export interface SessionConfig {
  tenant: string;
  clientId: string;
  /** The names of its storage key, locks and tab channel. */
  names: ClientNames;
  send: Send;
  sessionContext?: SessionContext | undefined;
  persistence?: Persistence | undefined;
  refreshMarginSeconds?: number | undefined;
  lock?: RefreshLock | undefined;
  /** `false` turns cross-tab messages off; default: a BroadcastChannel when the storage is shared. */
  tabSync?: false | TabChannelFactory | undefined;
  now?: (() => number) | undefined;
  /**
   * Proxy mode: the login id and customer id the proxy's answer carries (it keeps the tokens and mints the
   * login id). Without it, or when it finds none, a login gets a random id of its own.
   */
  loginIdentity?: ((raw: unknown) => { loginId: string; customerId: string | undefined } | undefined) | undefined;
}

export type TokenKind = 'anonymous' | 'customer';

/** What `end` removed of a customer session: its tokens, and the anonymous token that authorises a refresh. */
export type EndedLogin = { customer: StoredCustomer; anonymous?: StoredAnonymous | undefined };

/** A token as handed out to a request: the anonymous one, or a customer token of one login. */
export type BoundToken = { kind: 'anonymous'; value: string } | { kind: 'customer'; value: string; loginId: string };

export interface Session {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  on(listener: (event: SessionEvent) => void): () => void;
  /**
   * The SaaS token other Emporix services (checkout, orders) expect in a `saas-token` header — until its own
   * expiry (`saasTokenExpiresAt` of the state), then `undefined`.
   */
  getSaasToken(): string | undefined;
  /** An anonymous access token, obtained or renewed when needed. */
  ensureAnonymous(): Promise<string>;
  /** Renews the anonymous token now (same session id while its refresh token lives). */
  refreshAnonymous(): Promise<string>;
  /** The per-login id of the customer logged in now; `undefined` for a guest. */
  currentLogin(): string | undefined;
  /** An access token of login `loginId`, renewed when due; `session_changed` once that login is over. */
  customerToken(operation: string, loginId: string): Promise<string>;
  /** Renews a token the server refused — a customer token only for the login it was handed out for. */
  renewRefused(token: BoundToken): Promise<string>;
  /** Refreshes the current login's token, optionally binding it to another legal entity. */
  refreshCustomer(options?: { legalEntityId?: string | undefined }): Promise<void>;
  /** Starts a customer session (a new login) from a token response: login, opt-in, social login, exchange. */
  startCustomer(raw: unknown, operation: string): void;
  /**
   * Ends the session this tab shows, at once, and tells the other tabs; returns the tokens it held, to end them
   * on the server. Should another login be stored by now (the news has not reached this tab yet), that one
   * is left alone and this tab takes it up.
   */
  end(reason: 'logout'): StoredSession;
  /**
   * An access token for the grant of a login that ended here, so that the server can end the grant too: the
   * stored one while it is valid (and not `refused`), else one renewed with its refresh token — stored nowhere.
   */
  endedLoginToken(ended: EndedLogin, options?: { refused?: boolean }): Promise<string>;
  /** Stops background renewal and cross-tab messages. */
  dispose(): void;
}

export function createSession(config: SessionConfig): Session {
  const clock = createTokenClock(config.now ?? (() => Date.now()), (config.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS) * 1000);
  const adapter = resolvePersistence(config.persistence);
  const shared = isSharedPersistence(config.persistence);
  const lock = config.lock ?? defaultRefreshLock(shared ? adapter : undefined);
  const store = createTokenStore({
    adapter,
    key: config.names.session,
    channel: { name: config.names.channel, factory: config.tabSync === false || !shared ? undefined : (config.tabSync ?? defaultTabChannel()) },
    onChange(change) {
      view.update(store.current(), change);
      scheduler.reschedule();
    },
  });
  const view = createSessionView(store.current());
  const common = { send: config.send, store, clock, lock, emit: view.emit, tenant: config.tenant };
  const anonymous = createAnonymousTokens({
    ...common,
    clientId: config.clientId,
    sessionContext: config.sessionContext as Record<string, string | undefined> | undefined,
    lockName: config.names.lock('anonymous'),
  });
  const customer = createCustomerTokens({ ...common, lockName: config.names.lock('customer'), anonymous });
  const scheduler = backgroundRenewal(store, clock, anonymous, customer);
  scheduler.reschedule();

  return {
    getState: view.getState,
    subscribe: view.subscribe,
    on: view.on,
    getSaasToken() {
      const current = store.current().customer;
      return current && liveSaasToken(current, clock.now());
    },
    ensureAnonymous: anonymous.ensure,
    refreshAnonymous: () => anonymous.renew(store.current().anonymous?.accessToken, { force: true }),
    currentLogin: () => store.current().customer?.loginId,
    customerToken: customer.token,
    renewRefused: (token) =>
      token.kind === 'anonymous'
        ? anonymous.renew(token.value)
        : customer.renew(token.loginId, { failed: token.value, refused: true }),
    async refreshCustomer(options) {
      const current = store.current().customer;
      if (!current) throw notLoggedInError('refreshCustomerToken');
      // No legal entity given: renew for the one current under the lock, so that a switch another tab
      // made meanwhile is kept rather than undone with the one this tab knew when called.
      const id = options?.legalEntityId;
      await customer.renew(current.loginId, { failed: current.accessToken, legalEntity: id === undefined ? undefined : { id } });
    },
    startCustomer: (raw, operation) =>
      store.startLogin(newLogin(raw, operation, clock, store.current(), config.loginIdentity?.(raw))),
    end: (reason) => store.end(reason, store.current().customer?.loginId) ?? {},
    async endedLoginToken({ customer: ended, anonymous: authorisation }, options) {
      if (!options?.refused && clock.usable(ended)) return ended.accessToken;
      const bearer = authorisation && clock.usable(authorisation) ? authorisation.accessToken : undefined;
      return customer.renewEnded(ended, bearer);
    },
    dispose() {
      scheduler.dispose();
      store.close();
    },
  };
}

/** The stored tokens of a new login from its token answer, with a per-login id of its own. */
function newLogin(
  raw: unknown,
  operation: string,
  clock: TokenClock,
  session: StoredSession,
  identity: { loginId: string; customerId: string | undefined } | undefined,
): StoredCustomer {
  const token = parseToken(normalizeCustomerToken, raw, operation);
  return {
    ...clock.issue(token),
    loginId: identity?.loginId ?? randomHex(16),
    saasToken: token.saasToken,
    sessionId: token.sessionId ?? session.anonymous?.sessionId,
    customerId: identity ? identity.customerId : subjectOf(token.saasToken),
    legalEntityId: undefined,
  };
}

/**
 * The background timer: renews whatever is due next. While a customer is logged in that is the customer
 * token alone (one that cannot be renewed is due when it expires, to end the session); the anonymous token
 * is then obtained or renewed only when an operation needs it, such as the customer refresh. A guest's
 * anonymous token is renewed before it expires.
 */
function backgroundRenewal(store: TokenStore, clock: TokenClock, anonymous: AnonymousTokens, customer: CustomerTokens) {
  return createRefreshScheduler({
    now: clock.now,
    nextDue() {
      const { anonymous: a, customer: c } = store.current();
      if (c) return clock.dueAt(c);
      return a ? clock.renewAt(a) : undefined;
    },
    async renew() {
      const { anonymous: a, customer: c } = store.current();
      if (c) {
        if (!clock.fresh(c)) await customer.renew(c.loginId, { failed: c.accessToken });
      } else if (a && !clock.fresh(a)) {
        await anonymous.renew(a.accessToken);
      }
    },
  });
}
