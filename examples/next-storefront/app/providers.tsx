'use client';

/**
 * The browser side: a QueryClient and a customer client per page load (made once, on the server for its
 * render and in the browser for the page). The client is in proxy mode — every call goes to this app's
 * `/api/emporix`, and no token reaches the page — and starts from the session the server rendered for, so
 * the page hydrates as the server rendered it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createCustomerClient, type SessionState } from 'emporix-customer-react/api';
import { CustomerProvider } from 'emporix-customer-react';

export interface ProvidersProps {
  tenant: string;
  clientId: string;
  proxyPath: string;
  /** The session the server rendered this page for (read from the proxy's cookies). */
  initialSession: SessionState;
  children: ReactNode;
}

export function Providers({ tenant, clientId, proxyPath, initialSession, children }: ProvidersProps) {
  const [queryClient] = useState(() => new QueryClient());
  const [client] = useState(() => createCustomerClient({ tenant, clientId, proxy: proxyPath, initialSession }));
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{children}</CustomerProvider>
    </QueryClientProvider>
  );
}
