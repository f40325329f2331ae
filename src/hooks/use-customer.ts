import { useQuery } from '@tanstack/react-query';
import { useCustomerClient } from './customer-context';
import { customerQueries, type ProfileQueryInput } from './customer-queries';
import { useCallerScope } from './use-caller-scope';

/**
 * The logged-in customer's profile. Disabled while no customer is logged in, so guests cause no request
 * and the API's placeholder "Anonymous" profile is never shown as a customer.
 *
 * @example
 * ```tsx
 * const { data: customer, isPending } = useCustomer({ expand: ['addresses'] });
 * ```
 */
export function useCustomer(input: ProfileQueryInput = {}) {
  const client = useCustomerClient();
  const { scope, isCustomer } = useCallerScope();
  return useQuery({ ...customerQueries.profile(client, scope, input), enabled: isCustomer });
}
