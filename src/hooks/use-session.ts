import { useSyncExternalStore } from 'react';
import type { SessionState } from '../api/session';
import { useCustomerClient } from './customer-context';

/** Before hydration on the client, and on the server, nobody knows who is calling yet. */
export interface UnknownSessionState {
  /** Not known yet: render the same as the server did (e.g. nothing, or a placeholder). */
  status: 'unknown';
  /** Not known yet. */
  sessionId: undefined;
  /** Not known yet. */
  loginId: undefined;
  /** Not known yet. */
  customerId: undefined;
  /** Not known yet. */
  legalEntityId: undefined;
  /** Not known yet. */
  expiresAt: undefined;
  /** Not known yet. */
  saasTokenExpiresAt: undefined;
}

/**
 * What `useSession` returns: the session state, or the `'unknown'` state while rendering on the server and hydrating.
 */
export type SessionView = SessionState | UnknownSessionState;

const unknownSession: UnknownSessionState = {
  status: 'unknown',
  sessionId: undefined,
  loginId: undefined,
  customerId: undefined,
  legalEntityId: undefined,
  expiresAt: undefined,
  saasTokenExpiresAt: undefined,
};

/**
 * Who is calling: `'anonymous'`, `'customer'`, or `'unknown'` while rendering on the server and hydrating
 * (so the first client render matches the server's and never flashes a wrong state). Holds no tokens.
 * A client in proxy mode given the `initialSession` the server rendered for renders with that instead, on the
 * server and while hydrating, so a server-rendered account page shows (and keys its data for) the customer.
 *
 * @example
 * ```tsx
 * const session = useSession();
 * return session.status === 'customer' ? <AccountLink /> : <LoginLink />;
 * ```
 */
export function useSession(): SessionView {
  const { session } = useCustomerClient();
  return useSyncExternalStore<SessionView>(session.subscribe, session.getState, () => session.getServerState() ?? unknownSession);
}
