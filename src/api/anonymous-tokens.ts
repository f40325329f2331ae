/**
 * The anonymous token: obtained lazily with an anonymous login, renewed with its refresh token before it
 * expires (same session id), replaced by a new anonymous login once its refresh token is gone or refused.
 * One renewal at a time — in this tab a shared promise, across tabs the refresh lock, then a fresh look at
 * the storage, where another tab may have renewed it already.
 */
import { EmporixError } from './errors';
import type { RefreshLock } from './refresh-lock';
import { normalizeAnonymousToken } from './schemas';
import type { SessionEvent } from './session-view';
import { singleFlight } from './single-flight';
import type { StoredAnonymous } from './stored-session';
import { parseToken } from './token-answer';
import type { TokenClock } from './token-clock';
import type { TokenStore } from './token-store';
import type { Send } from './transport';

export interface AnonymousTokens {
  /** A usable anonymous token, renewed when due; while a renewal cannot get through, the current one as long as it lasts. */
  ensure(): Promise<string>;
  /**
   * Renews the anonymous token, unless another caller (or tab) did since `failed` was handed out — `failed`,
   * refused by the server, is never handed out again. `force`: renew even so.
   */
  renew(failed: string | undefined, options?: { force?: boolean; keepUsable?: boolean }): Promise<string>;
}

export interface AnonymousTokensConfig {
  tenant: string;
  clientId: string;
  sessionContext: Record<string, string | undefined> | undefined;
  send: Send;
  store: TokenStore;
  clock: TokenClock;
  lock: RefreshLock;
  lockName: string;
  emit: (event: SessionEvent) => void;
}

/** A refresh the server turned down (as opposed to one that did not get through). */
export const isRefusal = (error: unknown): error is EmporixError =>
  error instanceof EmporixError && (error.status === 400 || error.status === 401);

export function createAnonymousTokens(config: AnonymousTokensConfig): AnonymousTokens {
  const { store, clock } = config;
  const flight = singleFlight<'anonymous', string>();

  function renew(failed: string | undefined, { force = false, keepUsable = false } = {}): Promise<string> {
    return flight('anonymous', () =>
      config.lock.run(config.lockName, async (signal) => {
        const current = store.reload().anonymous;
        if (!force && current && current.accessToken !== failed && clock.fresh(current)) return current.accessToken;
        if (current && clock.renewable(current)) {
          try {
            return await refresh(config, current, signal);
          } catch (error) {
            if (!isRefusal(error)) {
              if (keepUsable && !force && clock.usable(current)) return current.accessToken;
              throw error;
            }
          }
        }
        return login(config, signal);
      }),
    );
  }

  return {
    ensure() {
      const current = store.current().anonymous;
      if (current && clock.fresh(current)) return Promise.resolve(current.accessToken);
      return renew(current?.accessToken, { keepUsable: true });
    },
    renew,
  };
}

async function login(config: AnonymousTokensConfig, signal: AbortSignal): Promise<string> {
  const raw = await config.send({
    operation: 'anonymousLogin',
    method: 'GET',
    path: '/customerlogin/auth/anonymous/login',
    query: { tenant: config.tenant, client_id: config.clientId, ...config.sessionContext },
    signal,
    repeatable: true,
  });
  const token = parseToken(normalizeAnonymousToken, raw, 'anonymousLogin');
  const anonymous: StoredAnonymous = { ...config.clock.issue(token), sessionId: token.sessionId };
  config.store.putAnonymous(anonymous);
  return anonymous.accessToken;
}

/** The refresh token may rotate, so a refresh is sent once: repeating it could spend a token already replaced. */
async function refresh(config: AnonymousTokensConfig, current: StoredAnonymous, signal: AbortSignal): Promise<string> {
  const raw = await config.send({
    operation: 'anonymousRefresh',
    method: 'GET',
    path: '/customerlogin/auth/anonymous/refresh',
    query: { tenant: config.tenant, refresh_token: current.refreshToken, client_id: config.clientId },
    signal,
    repeatable: false,
  });
  const token = parseToken(normalizeAnonymousToken, raw, 'anonymousRefresh');
  const anonymous: StoredAnonymous = { ...config.clock.renewed(current, token), sessionId: token.sessionId ?? current.sessionId };
  // Replaced meanwhile (e.g. logged out): the caller may use the token, the session keeps what it has now.
  if (config.store.putAnonymous(anonymous, current)) config.emit({ type: 'refresh', kind: 'anonymous' });
  return anonymous.accessToken;
}
