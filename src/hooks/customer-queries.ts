/** `queryOptions` factories: the unit hooks spread, and apps reuse in loaders and prefetching. */
import { queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { CustomerClient } from '../api/client';
import type { EmporixError } from '../api/errors';
import type { AddressDto, Customer, ValidateTokenResponse } from '../api/schemas';
import { customerKeys, type CallerScope } from './customer-keys';
import { customerLoaders, expandOfKey } from './customer-loaders';

/** What the profile query takes (`useCustomer`, `customerQueries.profile`). */
export interface ProfileQueryInput {
  /** Extra data to load with the profile, e.g. `['addresses']` (one request for an account page). */
  expand?: readonly string[];
}

/**
 * - No retries: reads already retry transient failures inside the client; a second layer would multiply
 *   requests.
 * - Fresh for a while: the customer's data changes only when the customer changes it — through these hooks,
 *   which update the cache themselves, or in another tab, which this one reloads from on focus once the data
 *   is stale. Without it, each part of a page that mounts after the profile arrived (a profile form, an
 *   address book) would load again what the profile with its addresses has just filled in.
 */
const base = { retry: false, staleTime: 10_000 } as const;

/**
 * Each factory takes the client and the caller's scope (`callerScope(client.session.getState())`, or
 * `useCallerScope()` in components): the data is cached for that caller only, and a factory refuses to
 * load once another caller has taken over.
 *
 * @example
 * ```ts
 * const scope = callerScope(client.session.getState());
 * await queryClient.prefetchQuery(customerQueries.profile(client, scope, { expand: ['addresses'] }));
 * ```
 */
export const customerQueries = {
  /**
   * The caller's profile (`GET /me`). Loaded with `expand: ['addresses']` it also fills the address list
   * and the plain profile caches.
   */
  profile: (client: CustomerClient, scope: CallerScope, input: ProfileQueryInput = {}) => {
    const load = customerLoaders(client);
    return queryOptions<Customer, EmporixError>({
      ...base,
      queryKey: customerKeys.profile(scope, input.expand),
      queryFn: (context) => load.profile(scope, input.expand ?? [], context),
    });
  },

  /** The address book (`GET /me/addresses`), or the addresses of a profile being loaded with them. */
  addresses: (client: CustomerClient, scope: CallerScope) => {
    const load = customerLoaders(client);
    return queryOptions<AddressDto[], EmporixError>({
      ...base,
      queryKey: customerKeys.addressList(scope),
      queryFn: (context) => load.addresses(scope, context),
    });
  },

  /** One address (`GET /me/addresses/{id}`). */
  address: (client: CustomerClient, scope: CallerScope, id: string) => {
    const load = customerLoaders(client);
    return queryOptions<AddressDto, EmporixError>({
      ...base,
      queryKey: customerKeys.address(scope, id),
      queryFn: (context) => load.address(scope, id, context),
    });
  },

  /** What the API says about the customer token: remaining lifetime, session, email, legal entity. */
  tokenDetails: (client: CustomerClient, scope: CallerScope) => {
    const load = customerLoaders(client);
    return queryOptions<ValidateTokenResponse, EmporixError>({
      ...base,
      queryKey: customerKeys.token(scope),
      queryFn: (context) => load.tokenDetails(scope, context),
    });
  },
};

/**
 * Loads for `scope` what one of our keys names (the key's own scope is ignored), unless it is cached
 * already — used to have the data that was on screen ready under the new scope after a legal-entity switch.
 * Failures show on the query itself, not here.
 */
export function ensureQueryForKey(
  client: CustomerClient,
  queryClient: QueryClient,
  scope: CallerScope,
  key: QueryKey,
): Promise<unknown> {
  const [, , kind, part, id] = key;
  let loading: Promise<unknown> = Promise.resolve();
  if (kind === 'profile') {
    loading = queryClient.ensureQueryData(customerQueries.profile(client, scope, { expand: expandOfKey(key) }));
  } else if (kind === 'addresses' && part === 'list') {
    loading = queryClient.ensureQueryData(customerQueries.addresses(client, scope));
  } else if (kind === 'addresses' && part === 'detail' && typeof id === 'string') {
    loading = queryClient.ensureQueryData(customerQueries.address(client, scope, id));
  } else if (kind === 'token') {
    loading = queryClient.ensureQueryData(customerQueries.tokenDetails(client, scope));
  }
  return loading.catch(() => undefined);
}
