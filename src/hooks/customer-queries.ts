/** `queryOptions` factories: the unit hooks spread, and apps reuse in loaders and prefetching. */
import { queryOptions } from '@tanstack/react-query';
import type { CustomerClient } from '../api/client';
import type { EmporixError } from '../api/errors';
import type { AddressDto, Customer } from '../api/schemas';
import { customerKeys, type CallerScope } from './customer-keys';

export interface ProfileQueryInput {
  /** Extra data to load with the profile, e.g. `['addresses']` (one request for an account page). */
  expand?: readonly string[];
}

// Reads already retry transient failures inside the client; a second retry layer would multiply requests.
const base = { retry: false } as const;

export const customerQueries = {
  /**
   * @example
   * ```ts
   * await queryClient.prefetchQuery(customerQueries.profile(client, scope, { expand: ['addresses'] }));
   * ```
   */
  profile: (client: CustomerClient, scope: CallerScope, input: ProfileQueryInput = {}) =>
    queryOptions<Customer, EmporixError>({
      ...base,
      queryKey: customerKeys.profile(scope, input.expand),
      queryFn: ({ signal }) => client.getCustomer({ expand: input.expand }, { signal }),
    }),

  addresses: (client: CustomerClient, scope: CallerScope) =>
    queryOptions<AddressDto[], EmporixError>({
      ...base,
      queryKey: customerKeys.addressList(scope),
      queryFn: ({ signal }) => client.listAddresses({ signal }),
    }),

  address: (client: CustomerClient, scope: CallerScope, id: string) =>
    queryOptions<AddressDto, EmporixError>({
      ...base,
      queryKey: customerKeys.address(scope, id),
      queryFn: ({ signal }) => client.getAddress(id, { signal }),
    }),
};
