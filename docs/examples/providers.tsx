import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CustomerProvider } from 'emporix-customer-react';
import { createCustomerClient } from 'emporix-customer-react/api';

// One customer client and one QueryClient for the whole app, created once (not on every render).
const client = createCustomerClient({ tenant: 'myshop', clientId: 'your-storefront-client-id' });
const queryClient = new QueryClient();

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{children}</CustomerProvider>
    </QueryClientProvider>
  );
}
