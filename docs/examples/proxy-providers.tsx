'use client';
// app/providers.tsx: the browser client in proxy mode, made once per page load
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CustomerProvider } from 'emporix-customer-react';
import { createCustomerClient, type SessionState } from 'emporix-customer-react/api';

export function Providers({ initialSession, children }: { initialSession: SessionState; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() =>
    // Every call goes to /api/emporix; the page starts from the session the server rendered for.
    createCustomerClient({ tenant: 'myshop', clientId: 'storefront-key', proxy: '/api/emporix', initialSession }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{children}</CustomerProvider>
    </QueryClientProvider>
  );
}
