import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { AddressDto } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import { cachedAddress } from './customer-loaders';
import { customerQueries } from './customer-queries';
import { useCallerScope } from './use-caller-scope';

/**
 * One address of the logged-in customer. It shows at once when the address book (or a profile loaded with
 * its addresses) is cached, and is then refreshed in the background as usual.
 *
 * @example
 * ```tsx
 * const { data: address } = useAddress(addressId);
 * return address ? <AddressForm defaultValues={address} /> : <Spinner />;
 * ```
 */
export function useAddress(id: string): UseQueryResult<AddressDto, EmporixError> {
  const client = useCustomerClient();
  const queryClient = useQueryClient();
  const { scope, isCustomer } = useCallerScope();
  return useQuery({
    ...customerQueries.address(client, scope, id),
    initialData: () => cachedAddress(queryClient, scope, id)?.address,
    initialDataUpdatedAt: () => cachedAddress(queryClient, scope, id)?.updatedAt,
    enabled: isCustomer && id !== '',
  });
}
