import { createContext, useContext } from 'react';
import type { CustomerClient } from '../api/client';

export const CustomerClientContext = createContext<CustomerClient | null>(null);

/**
 * The client given to `<CustomerProvider>`; throws a clear error outside it.
 *
 * @example
 * ```tsx
 * const client = useCustomerClient();
 * const saasToken = client.session.getSaasToken(); // for checkout and order services
 * ```
 */
export function useCustomerClient(): CustomerClient {
  const client = useContext(CustomerClientContext);
  if (!client) {
    throw new Error('emporix-customer-react: hooks and components must be used within <CustomerProvider client={…}>.');
  }
  return client;
}
