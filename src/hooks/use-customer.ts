import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { EmporixError } from '../api/errors';
import type { Customer } from '../api/schemas';
import { useCustomerClient } from './customer-context';
import { customerQueries, type ProfileQueryInput } from './customer-queries';
import { useCallerScope } from './use-caller-scope';

/**
 * The logged-in customer's profile. Disabled while no customer is logged in, so guests cause no request
 * and the API's placeholder "Anonymous" profile is never shown as a customer. With
 * `expand: ['addresses']` the addresses come along and fill `useAddresses()` too (one request for an
 * account page).
 *
 * @example
 * ```tsx
 * const { data: customer, isPending, error } = useCustomer({ expand: ['addresses'] });
 * if (isPending) return <Spinner />;
 * if (error) return <p role="alert">{error.message}</p>;
 * return <h1>{customer.firstName}</h1>;
 * ```
 */
export function useCustomer(input: ProfileQueryInput = {}): UseQueryResult<Customer, EmporixError> {
  const client = useCustomerClient();
  const { scope, isCustomer } = useCallerScope();
  return useQuery({ ...customerQueries.profile(client, scope, input), enabled: isCustomer });
}
