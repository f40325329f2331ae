import { createContext, useContext } from 'react';
import type { CustomerClient } from '../api/client';

export const CustomerClientContext = createContext<CustomerClient | null>(null);

/** The client given to `<CustomerProvider>`; throws a clear error outside it. */
export function useCustomerClient(): CustomerClient {
  const client = useContext(CustomerClientContext);
  if (!client) {
    throw new Error('emporix-customer-react: hooks and components must be used within <CustomerProvider client={…}>.');
  }
  return client;
}
