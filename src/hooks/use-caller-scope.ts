import { callerScope, SIGNED_OUT, type CallerScope } from './customer-keys';
import { useSession } from './use-session';

/**
 * The key scope the customer hooks use, and whether a customer is logged in. While nobody is (guests, the
 * server render, hydration) the scope is `SIGNED_OUT`, under which nothing is ever cached or fetched.
 *
 * @example
 * ```tsx
 * const { scope } = useCallerScope();
 * const queryClient = useQueryClient();
 * const prefetch = () => queryClient.prefetchQuery(customerQueries.address(client, scope, id));
 * ```
 */
export function useCallerScope(): { scope: CallerScope; isCustomer: boolean } {
  const session = useSession();
  const isCustomer = session.status === 'customer';
  return { scope: isCustomer ? callerScope(session) : SIGNED_OUT, isCustomer };
}
