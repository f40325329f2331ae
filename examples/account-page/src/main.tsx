import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCustomerClient } from 'emporix-customer-react/api';
import { CustomerProvider } from 'emporix-customer-react';
import { App } from './app';

const tenant = import.meta.env.VITE_EMPORIX_TENANT as string | undefined;
const clientId = import.meta.env.VITE_EMPORIX_CLIENT_ID as string | undefined;
const onRealTenant = Boolean(tenant && clientId);

/** Without tenant settings the app runs on the built-in simulator, served by an MSW worker in the browser. */
async function startSimulator() {
  const [{ setupWorker }, { createEmporixSimulator }] = await Promise.all([
    import('msw/browser'),
    import('emporix-customer-react/testing'),
  ]);
  const simulator = createEmporixSimulator();
  await setupWorker(...simulator.handlers).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return simulator;
}

const simulator = onRealTenant ? undefined : await startSimulator();
const client = createCustomerClient(
  onRealTenant
    ? { tenant: tenant!, clientId: clientId! }
    : { tenant: simulator!.tenant, clientId: simulator!.clientId, baseUrl: simulator!.baseUrl },
);
const queryClient = new QueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <App simulated={!onRealTenant} />
      </CustomerProvider>
    </QueryClientProvider>
  </StrictMode>,
);
