/**
 * The customer tokens of one login, and their renewal. Every caller names the login (the per-login id)
 * it acts for: it gets that login's token or a `session_changed` error — never the token of whoever is
 * logged in by then. Renewals run one at a time per login in this tab (a shared promise; a legal-entity
 * switch queues on its own) and across tabs (the refresh lock, then a fresh look at the storage).
 *
 * `refreshauthtoken` is authorised by the anonymous token (renewed once if the gateway refuses it) and is
 * sent once: its refresh token may rotate, so a repeat could spend a token already replaced. A refresh the
 * server refuses ends the session it was for — only if that login is still the stored one. Once the refresh
 * token has lapsed nothing is sent: the access token serves until it expires or a 401 shows it dead, and a
 * legal-entity switch fails with `login_required`.
 */
import { EmporixError, isTokenFault, loginRequiredError, sessionChangedError, sessionExpiredError } from './errors';
import { isRefusal, type AnonymousTokens } from './anonymous-tokens';
import type { RefreshLock } from './refresh-lock';
import { normalizeCustomerToken, type NormalizedToken } from './schemas';
import type { SessionEvent } from './session-view';
import { singleFlight } from './single-flight';
import type { StoredCustomer, StoredSession } from './stored-session';
import { liveSaasToken, parseToken } from './token-answer';
import type { TokenClock } from './token-clock';
import type { TokenStore } from './token-store';
import type { Send } from './transport';

export interface RenewOptions {
  /** The token the caller holds (due, or refused by the server): a renewal by someone else since counts. */
  failed?: string | undefined;
  /** The server refused `failed`: it must not be handed out again, even before it expires. */
  refused?: boolean;
  /** Bind the token to this legal entity (`id: undefined`: none) — a request of its own, never joined. */
  legalEntity?: { id: string | undefined } | undefined;
  /** When the renewal cannot get through, hand out the current token as long as it lasts (callers waiting for it). */
  keepUsable?: boolean;
}

export interface CustomerTokens {
  /** An access token of login `loginId`, renewed when due. */
  token(operation: string, loginId: string): Promise<string>;
  renew(loginId: string, options?: RenewOptions): Promise<string>;
  /**
   * A fresh access token for the grant of a login that has already ended here, storing nothing (for logout);
   * `anonymous`: the anonymous token to authorise the refresh with, when the ended session still had one.
   */
  renewEnded(customer: StoredCustomer, anonymous?: string): Promise<string>;
}

export interface CustomerTokensConfig {
  tenant: string;
  send: Send;
  store: TokenStore;
  clock: TokenClock;
  lock: RefreshLock;
  lockName: string;
  anonymous: AnonymousTokens;
  emit: (event: SessionEvent) => void;
}

const OPERATION = 'refreshCustomerToken';

/** The stored customer if it is login `loginId`; otherwise the caller's session is over: `session_changed`. */
export function ownLogin(session: StoredSession, loginId: string, operation: string): StoredCustomer {
  const customer = session.customer;
  if (customer?.loginId !== loginId) throw sessionChangedError(operation);
  return customer;
}

export function createCustomerTokens(config: CustomerTokensConfig): CustomerTokens {
  const { store, clock } = config;
  const flights = singleFlight<string, string>();

  function renew(loginId: string, options: RenewOptions = {}): Promise<string> {
    const task = () => config.lock.run(config.lockName, (signal) => renewLocked(config, loginId, options, signal));
    return options.legalEntity === undefined ? flights(loginId, task) : task();
  }

  return {
    async token(operation, loginId) {
      const current = ownLogin(store.current(), loginId, operation);
      if (clock.fresh(current)) return current.accessToken;
      return renew(loginId, { failed: current.accessToken, keepUsable: true });
    },
    renew,
    renewEnded(customer, anonymous) {
      if (!clock.renewable(customer)) return Promise.reject(sessionExpiredError(OPERATION));
      const refreshToken = customer.refreshToken as string;
      return config.lock.run(config.lockName, async (signal) => {
        const token = await requestRefresh(config, refreshToken, customer.legalEntityId, signal, anonymous);
        return token.accessToken;
      });
    },
  };
}

/** One renewal of login `loginId`, holding the refresh lock. */
async function renewLocked(
  config: CustomerTokensConfig,
  loginId: string,
  options: RenewOptions,
  signal: AbortSignal,
): Promise<string> {
  const { store, clock } = config;
  const current = ownLogin(store.reload(), loginId, OPERATION);
  const { legalEntity, refused = false, keepUsable = false } = options;
  const switching = legalEntity !== undefined && legalEntity.id !== current.legalEntityId;
  if (!switching && current.accessToken !== options.failed && clock.fresh(current)) return current.accessToken;
  if (!clock.renewable(current)) {
    // The refresh token has lapsed, which ends nothing: the access token serves until it expires or is
    // refused, and only then is the session over. A switch needs a renewal: it takes a new login.
    if (refused || !clock.usable(current)) throw endLogin(store, loginId);
    if (switching) throw loginRequiredError(OPERATION);
    return current.accessToken;
  }
  const legalEntityId = legalEntity ? legalEntity.id : current.legalEntityId;
  let token: NormalizedToken;
  try {
    token = await requestRefresh(config, current.refreshToken as string, legalEntityId, signal);
  } catch (error) {
    // When switching, a 400 refuses the legal entity, not the session.
    if (isRefusal(error) && !(switching && error.status === 400)) throw endLogin(store, loginId, error);
    if (keepUsable && !refused && !switching && clock.usable(current)) return current.accessToken;
    throw error;
  }
  const next: StoredCustomer = {
    ...clock.renewed(current, token),
    // A refresh answer carries no SaaS token: the one from login stays while its own `exp` lies ahead.
    saasToken: token.saasToken ?? liveSaasToken(current, clock.now()),
    legalEntityId,
  };
  if (store.renewLogin(next, current, switching ? 'legalEntity' : 'tokens')) {
    config.emit({ type: 'refresh', kind: 'customer' });
    return next.accessToken;
  }
  // The stored tokens changed meanwhile. The answer is still this login's to use while it is the one
  // stored; a switch that could not be stored did not happen.
  ownLogin(store.current(), loginId, OPERATION);
  if (switching) throw sessionChangedError(OPERATION);
  return next.accessToken;
}

/** Ends login `loginId` after its refresh was refused — unless another login (or none) is stored by now. */
function endLogin(store: TokenStore, loginId: string, cause?: unknown): EmporixError {
  const ended = store.end('sessionExpired', loginId);
  return ended ? sessionExpiredError(OPERATION, cause) : sessionChangedError(OPERATION);
}

async function requestRefresh(
  config: CustomerTokensConfig,
  refreshToken: string,
  legalEntityId: string | undefined,
  signal: AbortSignal | undefined,
  bearer?: string,
): Promise<NormalizedToken> {
  const request = (bearer: string) =>
    config.send({
      operation: OPERATION,
      method: 'GET',
      path: `/customer/${config.tenant}/refreshauthtoken`,
      query: { refreshToken, legalEntityId },
      bearer,
      signal,
      repeatable: false,
    });
  let anonymous = bearer ?? (await config.anonymous.ensure());
  let raw: unknown;
  try {
    raw = await request(anonymous);
  } catch (error) {
    if (!(error instanceof EmporixError && isTokenFault(error))) throw error;
    anonymous = await config.anonymous.renew(anonymous);
    raw = await request(anonymous);
  }
  return parseToken(normalizeCustomerToken, raw, OPERATION);
}
