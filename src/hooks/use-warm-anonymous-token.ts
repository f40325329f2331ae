import { useEffect } from 'react';
import { useCustomerClient } from './customer-context';

/**
 * Fetches a guest's anonymous token as soon as a form that sends with it (login, signup) is on screen, so
 * submitting waits for one round trip less. A failure is dropped here: the submit asks again and reports it.
 */
export function useWarmAnonymousToken(): void {
  const client = useCustomerClient();
  useEffect(() => {
    if (client.session.getState().status === 'anonymous') client.session.ensureAnonymous().catch(() => undefined);
  }, [client]);
}
