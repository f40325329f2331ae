import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ReactQueryDevtools } from '@tanstack/react-query-devtools';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCustomerClient } from 'emporix-customer-react/api';
import { CustomerProvider } from 'emporix-customer-react';
import { App } from './app';
import './styles.css';

const tenant = import.meta.env.VITE_EMPORIX_TENANT as string | undefined;
const clientId = import.meta.env.VITE_EMPORIX_CLIENT_ID as string | undefined;

/** With both settings the app talks to that tenant; without, to the built-in simulator (loaded only then). */
const simulator =
  tenant && clientId ? undefined : await import('./simulator').then(({ startSimulator }) => startSimulator());
const client = createCustomerClient(
  simulator
    ? { tenant: simulator.tenant, clientId: simulator.clientId, baseUrl: simulator.baseUrl }
    : { tenant: tenant!, clientId: clientId! },
);
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <App simulator={simulator} />
      </CustomerProvider>
      {/* Rendered in development only (`npm run example`), not in a build. */}
      <ReactQueryDevtools buttonPosition="bottom-left" />
    </QueryClientProvider>
  </StrictMode>,
);
