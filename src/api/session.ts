/**
 * The session manager: owns the anonymous and the customer token, obtains the anonymous token lazily,
 * renews tokens before they expire (a background timer) or after a 401, one refresh at a time in this
 * tab (a shared promise) and across tabs (a lock, then a fresh look at storage), persists them, keeps
 * the other tabs informed, and publishes a token-free view of the session for UIs (`getState` /
 * `subscribe`, shaped for `useSyncExternalStore`). A refused refresh ends the session; a failed one keeps it.
 */
import { EmporixError, notLoggedInError } from './errors';
import {
  isSharedPersistence,
  readSession,
  resolvePersistence,
  storageKey,
  updateSession,
  writeSession,
  type Persistence,
  type StoredAnonymous,
  type StoredCustomer,
  type StoredSession,
  type StoredTokens,
} from './persistence';
import { defaultRefreshLock, type RefreshLock } from './refresh-lock';
import { normalizeAnonymousToken, normalizeCustomerToken, type NormalizedToken } from './schemas';
import { createTabSync, defaultTabChannel, tabChannelName, type TabChannelFactory, type TabMessageType } from './tab-sync';
import { createRefreshScheduler } from './timers';
import type { Send } from './transport';

/** How long before expiry a token is renewed, unless configured otherwise. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 90;

/** Session context the anonymous login starts with. */
export interface SessionContext {
  currency?: string;
  siteCode?: string;
  language?: string;
  targetLocation?: string;
}

/** What a UI may know about the session: who is calling, never the tokens themselves. */
export interface SessionState {
  status: 'anonymous' | 'customer';
  /** The session (cart) id; `undefined` until the first anonymous token arrives. */
  sessionId: string | undefined;
  /** The logged-in customer's id, read from the SaaS token. */
  customerId: string | undefined;
  legalEntityId: string | undefined;
  /** When the current access token expires (epoch ms); `undefined` before any token. */
  expiresAt: number | undefined;
}

export type SessionEvent =
  | { type: 'login' }
  | { type: 'refresh'; kind: 'anonymous' | 'customer' }
  | { type: 'logout' }
  | { type: 'sessionExpired' };

export interface SessionConfig {
  tenant: string;
  clientId: string;
  send: Send;
  sessionContext?: SessionContext | undefined;
  persistence?: Persistence | undefined;
  refreshMarginSeconds?: number | undefined;
  lock?: RefreshLock | undefined;
  /** `false` turns cross-tab messages off; default: a BroadcastChannel when the storage is shared. */
  tabSync?: false | TabChannelFactory | undefined;
  now?: (() => number) | undefined;
}

export type TokenKind = 'anonymous' | 'customer';

export interface Session {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  on(listener: (event: SessionEvent) => void): () => void;
  /** The SaaS token other Emporix services (checkout, orders) expect in a `saas-token` header. */
  getSaasToken(): string | undefined;
  /** An anonymous access token, obtained or renewed when needed. */
  ensureAnonymous(): Promise<string>;
  /** Renews the anonymous token now (same session id while its refresh token lives). */
  refreshAnonymous(): Promise<string>;
  /** A customer access token, renewed when near expiry; rejects when no customer is logged in. */
  customerToken(operation: string): Promise<string>;
  /** The stored customer access token as it is — expired or not, never renewed (for logout). */
  storedCustomerToken(): string | undefined;
  hasCustomer(): boolean;
  /** Renews the token of `kind` after `failed` was refused, unless another caller already did. */
  renew(kind: TokenKind, failed: string): Promise<string>;
  /** Refreshes the customer token, optionally binding it to another legal entity. */
  refreshCustomer(options?: { legalEntityId?: string | undefined }): Promise<void>;
  /** Starts a customer session from a token response (login, opt-in, social login, exchange). */
  startCustomer(raw: unknown, operation: string): void;
  /** Forgets every token, in memory and in storage, and tells the other tabs. */
  clear(reason: 'logout' | 'sessionExpired'): void;
  /** Stops background renewal and cross-tab messages. */
  dispose(): void;
}

const REJECTED_REFRESH = new Set([400, 401]);

export function createSession(config: SessionConfig): Session {
  const now = config.now ?? (() => Date.now());
  const marginMs = (config.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS) * 1000;
  const adapter = resolvePersistence(config.persistence);
  const shared = isSharedPersistence(config.persistence);
  const key = storageKey(config.tenant);
  const lock = config.lock ?? defaultRefreshLock(shared ? adapter : undefined);
  const lockName = (kind: TokenKind) => `emporix-customer-react:${config.tenant}:${kind}`;
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: SessionEvent) => void>();

  let stored: StoredSession = readSession(adapter, key);
  let state = toState(stored);

  const tabs = createTabSync(
    tabChannelName(config.tenant),
    config.tabSync === false || !shared ? undefined : (config.tabSync ?? defaultTabChannel()),
    heard,
  );
  const scheduler = createRefreshScheduler({ now, nextDue, renew: renewDue });

  /** Stores one part of the session (the other part as storage has it now) and tells the other tabs. */
  function save(part: StoredSession, message: TabMessageType): void {
    stored = updateSession(adapter, key, part);
    changed();
    tabs.post(message);
  }

  /**
   * Whether the stored tokens of `kind` are still the ones a refresh started from. A logout, a new login
   * or another tab may have replaced them while the request was out; its answer must not undo that.
   */
  function unchangedSince(kind: TokenKind, before: StoredTokens): boolean {
    const latest = readSession(adapter, key)[kind];
    return latest?.accessToken === before.accessToken && latest.refreshToken === before.refreshToken;
  }

  function changed(): void {
    publish();
    scheduler.reschedule();
  }

  function publish(): void {
    const nextState = toState(stored);
    if (sameState(nextState, state)) return;
    state = nextState;
    for (const listener of listeners) listener();
  }

  function emit(event: SessionEvent): void {
    for (const listener of eventListeners) listener(event);
  }

  /** Picks up what another tab may have written since this one last looked. */
  function reload(): void {
    stored = readSession(adapter, key);
    changed();
  }

  /**
   * Another tab changed the shared session: new tokens are read from storage, an ended session is dropped.
   * The ending tab emptied the storage before it posted, so whatever is stored when the message arrives
   * came later (a new login, a new anonymous session, maybe this tab's own) and stays.
   */
  function heard(type: TabMessageType): void {
    reload();
    if (type === 'logout' || type === 'sessionExpired') emit({ type });
  }

  const renewAt = (tokens: StoredTokens): number => tokens.renewAt ?? tokens.expiresAt - marginMs;
  const fresh = (tokens: StoredTokens): boolean => renewAt(tokens) > now();
  const alive = (tokens: StoredTokens): boolean =>
    tokens.refreshToken !== undefined && (tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now());

  /** The next renewal; a customer token that cannot be renewed is due when it expires (to end the session). */
  function nextDue(): number | undefined {
    const { anonymous, customer } = stored;
    const due = [
      ...(anonymous ? [renewAt(anonymous)] : []),
      ...(customer ? [alive(customer) ? renewAt(customer) : customer.expiresAt] : []),
    ];
    return due.length === 0 ? undefined : Math.min(...due);
  }

  /** What the background timer runs: the anonymous token first, as the customer refresh needs it. */
  async function renewDue(): Promise<void> {
    const { anonymous, customer } = stored;
    if (anonymous && !fresh(anonymous)) await renewAnonymous(anonymous.accessToken);
    if (customer && !fresh(customer)) await renewCustomer(customer.accessToken);
  }

  function toTokens(token: NormalizedToken): StoredTokens {
    const issuedAt = now();
    const lifetimeMs = token.expiresIn * 1000;
    return {
      accessToken: token.accessToken,
      expiresAt: issuedAt + lifetimeMs,
      // A margin as long as the lifetime would renew on every use (and the timer in a loop).
      renewAt: issuedAt + Math.max(lifetimeMs - marginMs, lifetimeMs / 2),
      refreshToken: token.refreshToken,
      refreshExpiresAt:
        token.refreshTokenExpiresIn === undefined ? undefined : issuedAt + token.refreshTokenExpiresIn * 1000,
    };
  }

  /** New tokens from a refresh; the refresh token (and its expiry) stays when the answer brings none. */
  function renewed<T extends StoredTokens>(current: T, token: NormalizedToken): T {
    const tokens = toTokens(token);
    return {
      ...current,
      ...tokens,
      refreshToken: tokens.refreshToken ?? current.refreshToken,
      refreshExpiresAt: tokens.refreshToken ? tokens.refreshExpiresAt : current.refreshExpiresAt,
    };
  }

  const anonymousFlight = singleFlight<string>();
  const customerFlight = singleFlight<string>();

  async function ensureAnonymous(): Promise<string> {
    const current = stored.anonymous;
    if (current && fresh(current)) return current.accessToken;
    return renewAnonymous(current?.accessToken);
  }

  function renewAnonymous(failed: string | undefined, force = false): Promise<string> {
    return anonymousFlight(() =>
      lock.run(lockName('anonymous'), async (signal) => {
        reload();
        const current = stored.anonymous;
        if (!force && current && current.accessToken !== failed && fresh(current)) return current.accessToken;
        if (current && alive(current)) {
          try {
            return await anonymousRefresh(current, signal);
          } catch (error) {
            if (!(error instanceof EmporixError && REJECTED_REFRESH.has(error.status))) throw error;
          }
        }
        return anonymousLogin(signal);
      }),
    );
  }

  async function anonymousLogin(signal: AbortSignal): Promise<string> {
    const raw = await config.send({
      operation: 'anonymousLogin',
      method: 'GET',
      path: '/customerlogin/auth/anonymous/login',
      query: { tenant: config.tenant, client_id: config.clientId, ...config.sessionContext },
      signal,
    });
    const token = parseToken(normalizeAnonymousToken, raw, 'anonymousLogin');
    const anonymous: StoredAnonymous = { ...toTokens(token), sessionId: token.sessionId };
    save({ anonymous }, 'tokens');
    return anonymous.accessToken;
  }

  async function anonymousRefresh(current: StoredAnonymous, signal: AbortSignal): Promise<string> {
    const raw = await config.send({
      operation: 'anonymousRefresh',
      method: 'GET',
      path: '/customerlogin/auth/anonymous/refresh',
      query: { tenant: config.tenant, refresh_token: current.refreshToken, client_id: config.clientId },
      signal,
    });
    const token = parseToken(normalizeAnonymousToken, raw, 'anonymousRefresh');
    const anonymous: StoredAnonymous = { ...renewed(current, token), sessionId: token.sessionId ?? current.sessionId };
    // Replaced meanwhile (e.g. logged out): the caller may use the token, the session keeps what it has now.
    if (!unchangedSince('anonymous', current)) return anonymous.accessToken;
    save({ anonymous }, 'tokens');
    emit({ type: 'refresh', kind: 'anonymous' });
    return anonymous.accessToken;
  }

  async function customerToken(operation: string): Promise<string> {
    const current = stored.customer;
    if (!current) throw notLoggedInError(operation);
    if (fresh(current)) return current.accessToken;
    return renewCustomer(current.accessToken);
  }

  /**
   * Renews the customer token unless another caller (or tab) already did. `refused`: the server just
   * turned `failed` down (a 401), so it must not be used again.
   */
  function renewCustomer(
    failed: string | undefined,
    options: { refused?: boolean; legalEntity?: { id: string | undefined } } = {},
  ): Promise<string> {
    const { refused = false, legalEntity } = options;
    const task = () =>
      lock.run(lockName('customer'), async (signal) => {
        reload();
        const current = stored.customer;
        if (!current) throw expired('refreshCustomerToken');
        const switching = legalEntity !== undefined && legalEntity.id !== current.legalEntityId;
        if (!switching && current.accessToken !== failed && fresh(current)) return current.accessToken;
        if (!alive(current)) {
          // Nothing to renew with: the token serves until it expires or is refused, then the session is over.
          const usable = !refused && !switching && current.expiresAt > now();
          return usable ? current.accessToken : endWith(expired('refreshCustomerToken'));
        }
        const legalEntityId = legalEntity ? legalEntity.id : current.legalEntityId;
        const raw = await refreshAuthToken(current.refreshToken as string, legalEntityId, switching, signal);
        const token = parseToken(normalizeCustomerToken, raw, 'refreshCustomerToken');
        const customer: StoredCustomer = {
          ...renewed(current, token),
          // The refresh response carries no SaaS token: the one from login stays valid.
          saasToken: token.saasToken ?? current.saasToken,
          legalEntityId,
        };
        if (!unchangedSince('customer', current)) {
          // Logged out, or another login, meanwhile: the answer belongs to a session that is over.
          reload();
          if (!stored.customer) throw notLoggedInError('refreshCustomerToken');
          return stored.customer.accessToken;
        }
        save({ customer }, switching ? 'legalEntity' : 'tokens');
        emit({ type: 'refresh', kind: 'customer' });
        return customer.accessToken;
      });
    // A legal-entity switch is a request of its own, queued by the lock: joining a renewal already in
    // flight would resolve without switching.
    return legalEntity === undefined ? customerFlight(task) : task();
  }

  /**
   * `refreshauthtoken` is authorised by the anonymous token; a refused anonymous token is renewed once.
   * A 400/401 then means the refresh token was refused and ends the session — except when switching
   * legal entity, where a 400 refuses only the switch.
   */
  async function refreshAuthToken(
    refreshToken: string,
    legalEntityId: string | undefined,
    switching: boolean,
    signal: AbortSignal,
  ): Promise<unknown> {
    const request = (bearer: string) =>
      config.send({
        operation: 'refreshCustomerToken',
        method: 'GET',
        path: `/customer/${config.tenant}/refreshauthtoken`,
        query: { refreshToken, legalEntityId },
        bearer,
        signal,
      });
    let anonymous = await ensureAnonymous();
    try {
      try {
        return await request(anonymous);
      } catch (error) {
        if (!(error instanceof EmporixError && error.status === 401 && isTokenFault(error))) throw error;
        anonymous = await renewAnonymous(anonymous);
        return await request(anonymous);
      }
    } catch (error) {
      const refused = error instanceof EmporixError && REJECTED_REFRESH.has(error.status);
      if (refused && !(switching && error.status === 400)) return endWith(expired('refreshCustomerToken', error));
      throw error;
    }
  }

  function endWith(error: EmporixError): never {
    clear('sessionExpired');
    throw error;
  }

  function clear(reason: 'logout' | 'sessionExpired'): void {
    const hadCustomer = stored.customer !== undefined;
    stored = {};
    writeSession(adapter, key, stored);
    changed();
    tabs.post(reason);
    if (reason === 'logout') emit({ type: 'logout' });
    else if (hadCustomer) emit({ type: 'sessionExpired' });
  }

  function startCustomer(raw: unknown, operation: string): void {
    const token = parseToken(normalizeCustomerToken, raw, operation);
    const customer: StoredCustomer = {
      ...toTokens(token),
      saasToken: token.saasToken,
      sessionId: token.sessionId ?? stored.anonymous?.sessionId,
      customerId: token.saasToken ? subjectOf(token.saasToken) : undefined,
      legalEntityId: undefined,
    };
    save({ customer }, 'tokens');
    emit({ type: 'login' });
  }

  scheduler.reschedule();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    getSaasToken: () => stored.customer?.saasToken,
    ensureAnonymous,
    refreshAnonymous: () => renewAnonymous(stored.anonymous?.accessToken, true),
    customerToken,
    storedCustomerToken() {
      reload();
      return stored.customer?.accessToken;
    },
    hasCustomer: () => stored.customer !== undefined,
    renew: (kind, failed) => (kind === 'anonymous' ? renewAnonymous(failed) : renewCustomer(failed, { refused: true })),
    async refreshCustomer(options) {
      const current = stored.customer;
      if (!current) throw notLoggedInError('refreshCustomerToken');
      // No legal entity given: renew for the one current under the lock, so that a switch another tab
      // made meanwhile is kept rather than undone with the one this tab knew when called.
      const id = options?.legalEntityId;
      await renewCustomer(current.accessToken, { legalEntity: id === undefined ? undefined : { id } });
    },
    startCustomer,
    clear,
    dispose() {
      scheduler.dispose();
      tabs.close();
    },
  };
}

/** Shares one in-flight promise among concurrent callers; the next call after it settles starts anew. */
function singleFlight<T>(): (task: () => Promise<T>) => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return (task) => {
    inFlight ??= task().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

function toState(stored: StoredSession): SessionState {
  const { anonymous, customer } = stored;
  return customer
    ? {
        status: 'customer',
        sessionId: customer.sessionId ?? anonymous?.sessionId,
        customerId: customer.customerId,
        legalEntityId: customer.legalEntityId,
        expiresAt: customer.expiresAt,
      }
    : {
        status: 'anonymous',
        sessionId: anonymous?.sessionId,
        customerId: undefined,
        legalEntityId: undefined,
        expiresAt: anonymous?.expiresAt,
      };
}

function sameState(a: SessionState, b: SessionState): boolean {
  return (
    a.status === b.status &&
    a.sessionId === b.sessionId &&
    a.customerId === b.customerId &&
    a.legalEntityId === b.legalEntityId &&
    a.expiresAt === b.expiresAt
  );
}

function parseToken(normalize: (raw: unknown) => NormalizedToken, raw: unknown, operation: string): NormalizedToken {
  try {
    const token = normalize(raw);
    if (HEADER_SAFE.test(token.accessToken) && HEADER_SAFE.test(token.sessionId ?? '')) return token;
  } catch {
    // The parse failure is not attached: it could quote the tokens it was given.
  }
  throw malformed(operation, 'The token response was not what the Emporix API promises.');
}

/**
 * Visible ASCII: what the access token (the bearer) and the session id (the `session-id` header of a social
 * login) must be to travel in a header as they are. Anything else would make every later request fail in
 * `fetch` with a TypeError instead of reaching the server.
 */
const HEADER_SAFE = /^[\x21-\x7E]*$/;

/** The gateway's codes for an access token it does not accept (as opposed to refused credentials). */
export function isTokenFault(error: EmporixError): boolean {
  return error.code !== undefined && /access_?token|invalidtoken/i.test(error.code);
}

/** The customer id is the subject of the SaaS token (a JWT); `undefined` if it cannot be read. */
function subjectOf(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' || typeof sub === 'number' ? String(sub) : undefined;
  } catch {
    return undefined;
  }
}

function malformed(operation: string, message: string): EmporixError {
  return new EmporixError({ status: 0, type: 'malformed_response', message, operation });
}

function expired(operation: string, cause?: unknown): EmporixError {
  return new EmporixError({
    status: 401,
    type: 'session_expired',
    message: 'The customer session has expired. Please log in again.',
    operation,
    cause,
  });
}
