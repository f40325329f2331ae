/**
 * The one query-key factory of the library, ordered general → specific. Every key carries the caller's
 * scope (which login, for which legal entity — or which anonymous session), so data fetched for one
 * caller is never served to another.
 */
import type { SessionState } from '../api/session';

/**
 * Who is calling, as a key segment: `customer:<login id>:<legal entity or ->` or `anonymous:<session id>`.
 * The login id is the per-login id of the session (`SessionState.loginId`), new with every login — also
 * when the same customer logs in again — and never taken from what the server answers.
 */
export type CallerScope = string;

/**
 * The scope the hooks use while no customer is logged in (guests, and the server render before the
 * session is known). Nothing is ever stored under it, so a guest never sees cached customer data —
 * not even the API's placeholder "Anonymous" profile.
 */
export const SIGNED_OUT: CallerScope = 'signed-out';

/**
 * The scope of the caller a session state describes: what every query key of that caller starts with. Pass
 * it to `customerKeys` and `customerQueries` when you work with the cache outside the hooks.
 *
 * @example
 * ```ts
 * const scope = callerScope(client.session.getState()); // e.g. 'customer:6f1c…9a2e:-'
 * ```
 */
export function callerScope(state: Pick<SessionState, 'status' | 'loginId' | 'sessionId' | 'legalEntityId'>): CallerScope {
  return state.status === 'customer'
    ? `customer:${state.loginId ?? '?'}:${state.legalEntityId ?? '-'}`
    : `anonymous:${state.sessionId ?? '-'}`;
}

/** Whether a scope belongs to a logged-in customer. */
export function isCustomerScope(scope: CallerScope): boolean {
  return scope.startsWith('customer:');
}

/** An `expand` list without duplicates, sorted: the same data always has the same key and the same request. */
export function normalizeExpand(expand: readonly string[]): string[] {
  return [...new Set(expand)].sort();
}

/**
 * The query and mutation keys of every hook, ordered general → specific: `all`, then per caller `scope`, then
 * `profiles`/`profile`, `addresses`/`addressList`/`address`, `token`. Use them to invalidate, prefetch, read or
 * cancel the library's cache entries; never build the arrays by hand.
 *
 * @example
 * ```ts
 * queryClient.invalidateQueries({ queryKey: customerKeys.addresses(scope) }); // list and single addresses
 * useMutationState({ filters: { mutationKey: customerKeys.mutation('updateAddress'), status: 'pending' } });
 * ```
 */
export const customerKeys = {
  all: ['emporix-customer'] as const,
  scope: (scope: CallerScope) => [...customerKeys.all, scope] as const,
  profiles: (scope: CallerScope) => [...customerKeys.scope(scope), 'profile'] as const,
  profile: (scope: CallerScope, expand: readonly string[] = []) =>
    [...customerKeys.profiles(scope), { expand: normalizeExpand(expand) }] as const,
  addresses: (scope: CallerScope) => [...customerKeys.scope(scope), 'addresses'] as const,
  addressList: (scope: CallerScope) => [...customerKeys.addresses(scope), 'list'] as const,
  addressDetails: (scope: CallerScope) => [...customerKeys.addresses(scope), 'detail'] as const,
  address: (scope: CallerScope, id: string) => [...customerKeys.addressDetails(scope), id] as const,
  token: (scope: CallerScope) => [...customerKeys.scope(scope), 'token'] as const,
  /** Mutation keys, so a logout can find and drop every write that has not been sent. */
  mutations: () => [...customerKeys.all, 'mutation'] as const,
  /**
   * One kind of write. Writes to a customer's data carry the scope they were made in: a write queued by
   * one customer is never sent for another, and a hook's state resets when the caller changes.
   */
  mutation: (name: string, scope?: CallerScope) =>
    scope === undefined
      ? ([...customerKeys.mutations(), name] as const)
      : ([...customerKeys.mutations(), name, scope] as const),
};

/** The scope segment of one of our query or mutation keys (`undefined` for unscoped mutations). */
export function scopeOfKey(key: readonly unknown[]): CallerScope | undefined {
  const isMutation = key[1] === 'mutation';
  const scope = isMutation ? key[3] : key[1];
  return typeof scope === 'string' ? scope : undefined;
}
