/**
 * The one query-key factory of the library, ordered general → specific. Every key carries the caller's
 * scope (which customer, for which legal entity — or which anonymous session), so data fetched for one
 * caller is never served to another.
 */
import type { SessionState } from '../api/session';

/** Who is calling, as a key segment: `customer:<id>:<legal entity>` or `anonymous:<session id>`. */
export type CallerScope = string;

export function callerScope(state: Pick<SessionState, 'status' | 'customerId' | 'sessionId' | 'legalEntityId'>): CallerScope {
  return state.status === 'customer'
    ? `customer:${state.customerId ?? state.sessionId ?? '?'}:${state.legalEntityId ?? '-'}`
    : `anonymous:${state.sessionId ?? '-'}`;
}

export const customerKeys = {
  all: ['emporix-customer'] as const,
  scope: (scope: CallerScope) => [...customerKeys.all, scope] as const,
  profiles: (scope: CallerScope) => [...customerKeys.scope(scope), 'profile'] as const,
  profile: (scope: CallerScope, expand: readonly string[] = []) =>
    [...customerKeys.profiles(scope), { expand: [...expand].sort() }] as const,
  addresses: (scope: CallerScope) => [...customerKeys.scope(scope), 'addresses'] as const,
  addressList: (scope: CallerScope) => [...customerKeys.addresses(scope), 'list'] as const,
  address: (scope: CallerScope, id: string) => [...customerKeys.addresses(scope), 'detail', id] as const,
  token: (scope: CallerScope) => [...customerKeys.scope(scope), 'token'] as const,
  /** Mutation keys: unscoped, so a logout can find and drop every pending write. */
  mutations: () => [...customerKeys.all, 'mutation'] as const,
  mutation: (name: string) => [...customerKeys.mutations(), name] as const,
};
