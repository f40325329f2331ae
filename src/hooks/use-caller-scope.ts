import { callerScope, type CallerScope } from './customer-keys';
import { useSession } from './use-session';

/** The caller's key scope, and whether a customer is logged in (customer data is only fetched then). */
export function useCallerScope(): { scope: CallerScope; isCustomer: boolean } {
  const session = useSession();
  return {
    scope: session.status === 'unknown' ? 'unknown' : callerScope(session),
    isCustomer: session.status === 'customer',
  };
}
