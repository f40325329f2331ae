/**
 * The session manager: owns the anonymous and the customer token, obtains the anonymous token lazily,
 * renews tokens before they expire or after a 401 (one refresh at a time), persists them, and publishes a
 * token-free view of the session for UIs (`getState` / `subscribe`, shaped for `useSyncExternalStore`).
 */
import { EmporixError } from './errors';
import {
  readSession,
  resolvePersistence,
  storageKey,
  writeSession,
  type Persistence,
  type StoredAnonymous,
  type StoredCustomer,
  type StoredSession,
  type StoredTokens,
} from './persistence';
import { createRefreshLock, type RefreshLock } from './refresh-lock';
import { normalizeAnonymousToken, normalizeCustomerToken, type NormalizedToken } from './schemas';
import type { Send } from './transport';

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
  hasCustomer(): boolean;
  /** Renews the token of `kind` after `failed` was refused, unless another caller already did. */
  renew(kind: TokenKind, failed: string): Promise<string>;
  /** Refreshes the customer token, optionally binding it to another legal entity. */
  refreshCustomer(options?: { legalEntityId?: string | undefined }): Promise<void>;
  /** Starts a customer session from a token response (login, opt-in, social login, exchange). */
  startCustomer(raw: unknown, operation: string): void;
  /** Forgets every token, in memory and in storage. */
  clear(reason: 'logout' | 'sessionExpired'): void;
}

const REJECTED_REFRESH = new Set([400, 401]);

export function createSession(config: SessionConfig): Session {
  const now = config.now ?? Date.now;
  const marginMs = (config.refreshMarginSeconds ?? 90) * 1000;
  const adapter = resolvePersistence(config.persistence);
  const key = storageKey(config.tenant);
  const lock = config.lock ?? createRefreshLock(`emporix-customer-react:${config.tenant}`);
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: SessionEvent) => void>();

  let stored: StoredSession = readSession(adapter, key);
  let state = toState(stored);

  function commit(next: StoredSession): void {
    stored = next;
    writeSession(adapter, key, next);
    publish();
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
    publish();
  }

  const fresh = (tokens: StoredTokens): boolean => tokens.expiresAt - marginMs > now();
  const alive = (tokens: StoredTokens): boolean =>
    tokens.refreshToken !== undefined && (tokens.refreshExpiresAt === undefined || tokens.refreshExpiresAt > now());

  function toTokens(token: NormalizedToken): StoredTokens {
    const issuedAt = now();
    return {
      accessToken: token.accessToken,
      expiresAt: issuedAt + token.expiresIn * 1000,
      refreshToken: token.refreshToken,
      refreshExpiresAt:
        token.refreshTokenExpiresIn === undefined ? undefined : issuedAt + token.refreshTokenExpiresIn * 1000,
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
      lock.run('anonymous', async () => {
        reload();
        const current = stored.anonymous;
        if (!force && current && current.accessToken !== failed && fresh(current)) return current.accessToken;
        if (current && alive(current)) {
          try {
            return await anonymousRefresh(current);
          } catch (error) {
            if (!(error instanceof EmporixError && REJECTED_REFRESH.has(error.status))) throw error;
          }
        }
        return anonymousLogin();
      }),
    );
  }

  async function anonymousLogin(): Promise<string> {
    const raw = await config.send({
      operation: 'anonymousLogin',
      method: 'GET',
      path: '/customerlogin/auth/anonymous/login',
      query: { tenant: config.tenant, client_id: config.clientId, ...config.sessionContext },
    });
    const token = parseToken(normalizeAnonymousToken, raw, 'anonymousLogin');
    if (!token.sessionId) throw malformed('anonymousLogin', 'The anonymous token came without a session id.');
    const anonymous: StoredAnonymous = { ...toTokens(token), sessionId: token.sessionId };
    commit({ ...stored, anonymous });
    return anonymous.accessToken;
  }

  async function anonymousRefresh(current: StoredAnonymous): Promise<string> {
    const raw = await config.send({
      operation: 'anonymousRefresh',
      method: 'GET',
      path: '/customerlogin/auth/anonymous/refresh',
      query: { tenant: config.tenant, refresh_token: current.refreshToken, client_id: config.clientId },
    });
    const token = parseToken(normalizeAnonymousToken, raw, 'anonymousRefresh');
    const tokens = toTokens(token);
    const anonymous: StoredAnonymous = {
      ...tokens,
      // Keep the refresh token (and its expiry) when the response brings none.
      refreshToken: tokens.refreshToken ?? current.refreshToken,
      refreshExpiresAt: tokens.refreshToken ? tokens.refreshExpiresAt : current.refreshExpiresAt,
      sessionId: token.sessionId ?? current.sessionId,
    };
    commit({ ...stored, anonymous });
    emit({ type: 'refresh', kind: 'anonymous' });
    return anonymous.accessToken;
  }

  async function customerToken(operation: string): Promise<string> {
    const current = stored.customer;
    if (!current) throw notLoggedIn(operation);
    if (fresh(current)) return current.accessToken;
    return renewCustomer(current.accessToken);
  }

  function renewCustomer(failed: string | undefined, legalEntity?: { id: string | undefined }): Promise<string> {
    return customerFlight(() =>
      lock.run('customer', async () => {
        reload();
        const current = stored.customer;
        if (!current) throw expired('refreshCustomerToken');
        const switching = legalEntity !== undefined && legalEntity.id !== current.legalEntityId;
        if (!switching && current.accessToken !== failed && fresh(current)) return current.accessToken;
        if (!current.refreshToken) return endWith(expired('refreshCustomerToken'));
        const legalEntityId = legalEntity ? legalEntity.id : current.legalEntityId;
        const raw = await refreshAuthToken(current.refreshToken, legalEntityId);
        const token = parseToken(normalizeCustomerToken, raw, 'refreshCustomerToken');
        const tokens = toTokens(token);
        const customer: StoredCustomer = {
          ...current,
          ...tokens,
          refreshToken: tokens.refreshToken ?? current.refreshToken,
          refreshExpiresAt: tokens.refreshToken ? tokens.refreshExpiresAt : current.refreshExpiresAt,
          // The refresh response carries no SaaS token: the one from login stays valid.
          saasToken: token.saasToken ?? current.saasToken,
          legalEntityId,
        };
        commit({ ...stored, customer });
        emit({ type: 'refresh', kind: 'customer' });
        return customer.accessToken;
      }),
    );
  }

  /** `refreshauthtoken` is authorised by the anonymous token; a refused anonymous token is renewed once. */
  async function refreshAuthToken(refreshToken: string, legalEntityId: string | undefined): Promise<unknown> {
    const request = (bearer: string) =>
      config.send({
        operation: 'refreshCustomerToken',
        method: 'GET',
        path: `/customer/${config.tenant}/refreshauthtoken`,
        query: { refreshToken, legalEntityId },
        bearer,
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
      if (error instanceof EmporixError && REJECTED_REFRESH.has(error.status)) {
        return endWith(expired('refreshCustomerToken', error));
      }
      throw error;
    }
  }

  function endWith(error: EmporixError): never {
    clear('sessionExpired');
    throw error;
  }

  function clear(reason: 'logout' | 'sessionExpired'): void {
    const hadCustomer = stored.customer !== undefined;
    commit({});
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
    commit({ ...stored, customer });
    emit({ type: 'login' });
  }

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
    hasCustomer: () => stored.customer !== undefined,
    renew: (kind, failed) => (kind === 'anonymous' ? renewAnonymous(failed) : renewCustomer(failed)),
    async refreshCustomer(options) {
      const current = stored.customer;
      if (!current) throw notLoggedIn('refreshCustomerToken');
      await renewCustomer(current.accessToken, { id: options?.legalEntityId ?? current.legalEntityId });
    },
    startCustomer,
    clear,
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
    return normalize(raw);
  } catch {
    // The parse failure is not attached: it could quote the tokens it was given.
    throw malformed(operation, 'The token response was not what the Emporix API promises.');
  }
}

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

function notLoggedIn(operation: string): EmporixError {
  return new EmporixError({
    status: 401,
    type: 'not_logged_in',
    message: 'No customer is logged in.',
    operation,
  });
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
