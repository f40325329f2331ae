import { useEffect } from 'react';
import { useCustomerClient } from './customer-context';

/**
 * Fetches a guest's anonymous token as soon as a form that sends with it (login, signup) is on screen, so
 * submitting waits for one round trip less. A failure is dropped here: the submit asks again and reports it.
 * While the browser is offline nothing is sent (the request could only fail, and be retried): the token is
 * fetched once, when the browser is back online.
 */
export function useWarmAnonymousToken(): void {
  const client = useCustomerClient();
  useEffect(() => {
    if (client.session.getState().status !== 'anonymous') return;
    const warm = () => void client.session.ensureAnonymous().catch(() => undefined);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      window.addEventListener('online', warm, { once: true });
      return () => window.removeEventListener('online', warm);
    }
    warm();
    return undefined;
  }, [client]);
}
