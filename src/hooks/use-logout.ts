import { useMutation } from '@tanstack/react-query';
import { useCustomerClient } from './customer-context';
import { customerMutations } from './customer-mutations';

/**
 * Logs the customer out: the server is told when reachable, the local session, cached customer data and
 * pending customer writes are always dropped.
 *
 * @example
 * ```tsx
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()}>Log out</button>
 * ```
 */
export function useLogout() {
  const client = useCustomerClient();
  return useMutation(customerMutations.logout(client));
}
