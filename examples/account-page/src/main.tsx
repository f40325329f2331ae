import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createCustomerClient } from 'emporix-customer-react/api';
import { CustomerProvider } from 'emporix-customer-react';
import { App } from './app';
// The library's optional look (it styles what is inside `.emporix`, here the whole app), then the page layout.
import 'emporix-customer-react/styles.css';
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

/** React Query devtools while developing and in a demo on the simulator; a real tenant's build leaves them out. */
const Devtools =
  import.meta.env.DEV || simulator
    ? lazy(() =>
        import('@tanstack/react-query-devtools/production').then(({ ReactQueryDevtools }) => ({ default: ReactQueryDevtools })),
      )
    : undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <App simulator={simulator} />
      </CustomerProvider>
      {Devtools && (
        <Suspense>
          <Devtools buttonPosition="bottom-left" />
        </Suspense>
      )}
    </QueryClientProvider>
  </StrictMode>,
);
