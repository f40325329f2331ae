// .storybook/preview.tsx — with 'msw-storybook-addon' in main.ts `addons`, and `staticDirs: ['../public']`
// holding MSW's worker (npx msw init public --save).
import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useState, type ReactNode } from 'react';
import { CustomerProvider } from 'emporix-customer-react';
import { createCustomerClient } from 'emporix-customer-react/api';
import { createEmporixSimulator } from 'emporix-customer-react/testing';

/** One simulator; every story starts from its seeded state. Stories import it to add faults or latency. */
export const simulator = createEmporixSimulator();

/** A fresh query cache and client per story, tokens in memory so stories never share a session. */
function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const [client] = useState(() =>
    createCustomerClient({
      tenant: simulator.tenant,
      clientId: simulator.clientId,
      baseUrl: simulator.baseUrl,
      persistence: 'memory',
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{children}</CustomerProvider>
    </QueryClientProvider>
  );
}

const withCustomer: Decorator = (Story) => (
  <Providers>
    <Story />
  </Providers>
);

const preview: Preview = {
  loaders: [mswLoader()],
  beforeEach({ msw }) {
    simulator.reset();
    msw.use(...simulator.handlers);
  },
  decorators: [withCustomer],
};

export default preview;
