import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { AddressDto } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import { customerQueries } from './customer-queries';
import { useCallerScope } from './use-caller-scope';

/**
 * The logged-in customer's address book, in the order the addresses were added. Disabled for guests.
 * When `useCustomer({ expand: ['addresses'] })` is loading at the same time, this waits for it instead of
 * sending a request of its own.
 *
 * @example
 * ```tsx
 * const { data: addresses = [] } = useAddresses();
 * return <ul>{addresses.map((a) => <li key={a.id}>{a.street} {a.city}{a.isDefault && ' (default)'}</li>)}</ul>;
 * ```
 */
export function useAddresses(): UseQueryResult<AddressDto[], EmporixError> {
  const client = useCustomerClient();
  const { scope, isCustomer } = useCallerScope();
  return useQuery({ ...customerQueries.addresses(client, scope), enabled: isCustomer });
}
