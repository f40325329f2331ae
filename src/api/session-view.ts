/**
 * What a UI may know about the session — who is calling, never the tokens — as a store shaped for
 * `useSyncExternalStore` (`getState` / `subscribe`), plus the session's events (`on`). A change of the
 * per-login id is announced as `login` wherever it is first seen, in this tab or from another one.
 */
import type { StoredSession } from './stored-session';
import { saasTokenExpiry } from './token-answer';
import type { StoreChange } from './token-store';

/**
 * Who is calling, as `client.session.getState()` tells it — never a token. The object is replaced, not changed, when
 * something in it changes, so it can feed `useSyncExternalStore` directly.
 */
export interface SessionState {
  /** `'customer'` while a customer is logged in, `'anonymous'` otherwise (a guest). */
  status: 'anonymous' | 'customer';
  /** The session (cart) id; `undefined` until the first anonymous token arrives. */
  sessionId: string | undefined;
  /**
   * Which login this is: a random id made when the customer session started (a new one for every login,
   * also of the same customer); `undefined` for guests. Data cached for one login is never another's.
   */
  loginId: string | undefined;
  /** The logged-in customer's id, read from the SaaS token when the login answer had one. */
  customerId: string | undefined;
  /** The legal entity (B2B company) the customer acts for now; `undefined` when none was chosen. */
  legalEntityId: string | undefined;
  /** When the current access token expires (epoch ms); `undefined` before any token. */
  expiresAt: number | undefined;
  /**
   * When the customer's SaaS token expires (epoch ms; its JWT's `exp`); `undefined` without one (guests, or a
   * login whose answer had none). Refreshes bring no new SaaS token: past this time `getSaasToken()` returns
   * `undefined` until the customer logs in again.
   */
  saasTokenExpiresAt: number | undefined;
}

/**
 * What happened to the session, as `client.session.on(listener)` reports it: `login` (a customer session started, in
 * this tab or another), `refresh` (a token was renewed; `kind` says which), `logout`, and `sessionExpired` (the
 * customer session ended because it could not be renewed).
 */
export type SessionEvent =
  | { type: 'login' }
  | { type: 'refresh'; kind: 'anonymous' | 'customer' }
  | { type: 'logout' }
  | { type: 'sessionExpired' };

export interface SessionView {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  on(listener: (event: SessionEvent) => void): () => void;
  emit(event: SessionEvent): void;
  /** Takes in a change of the stored session: publishes the new state, announces logins and ends. */
  update(session: StoredSession, change: StoreChange): void;
}

export function createSessionView(initial: StoredSession): SessionView {
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: SessionEvent) => void>();
  let state = toState(initial);
  /** The login this tab last announced (or found when it opened). */
  let announced = initial.customer?.loginId;

  function emit(event: SessionEvent): void {
    for (const listener of eventListeners) listener(event);
  }

  function publish(session: StoredSession): void {
    const next = toState(session);
    if (sameState(next, state)) return;
    state = next;
    for (const listener of listeners) listener();
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
    emit,
    update(session, change) {
      const hadLogin = announced !== undefined;
      const loginId = session.customer?.loginId;
      publish(session);
      const isNew = loginId !== undefined && loginId !== announced;
      announced = loginId;
      if (change.by === 'another tab') {
        // The ending tab emptied the storage before it posted: what is stored now came later and stays.
        if (change.message === 'logout' || change.message === 'sessionExpired') emit({ type: change.message });
      } else if (change.ended === 'logout' || (change.ended === 'sessionExpired' && hadLogin)) {
        emit({ type: change.ended });
      }
      if (isNew) emit({ type: 'login' });
    },
  };
}

function toState({ anonymous, customer }: StoredSession): SessionState {
  return customer
    ? {
        status: 'customer',
        sessionId: customer.sessionId ?? anonymous?.sessionId,
        loginId: customer.loginId,
        customerId: customer.customerId,
        legalEntityId: customer.legalEntityId,
        expiresAt: customer.expiresAt,
        saasTokenExpiresAt: saasTokenExpiry(customer),
      }
    : {
        status: 'anonymous',
        sessionId: anonymous?.sessionId,
        loginId: undefined,
        customerId: undefined,
        legalEntityId: undefined,
        expiresAt: anonymous?.expiresAt,
        saasTokenExpiresAt: undefined,
      };
}

const STATE_FIELDS = ['status', 'sessionId', 'loginId', 'customerId', 'legalEntityId', 'expiresAt', 'saasTokenExpiresAt'] as const;

function sameState(a: SessionState, b: SessionState): boolean {
  return STATE_FIELDS.every((field) => a[field] === b[field]);
}
