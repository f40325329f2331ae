import { createCustomerClient, type CustomerClient } from 'emporix-customer-react/api';

/**
 * A real tenant when both settings are present, the built-in simulator otherwise. The simulator and MSW are
 * imported dynamically, so a build for a real tenant never loads them.
 */
export async function createClient(): Promise<CustomerClient> {
  const tenant = import.meta.env.VITE_EMPORIX_TENANT as string | undefined;
  const clientId = import.meta.env.VITE_EMPORIX_CLIENT_ID as string | undefined;
  if (tenant && clientId) return createCustomerClient({ tenant, clientId });

  const [{ setupWorker }, { createEmporixSimulator }] = await Promise.all([
    import('msw/browser'),
    import('emporix-customer-react/testing'),
  ]);
  const simulator = createEmporixSimulator();
  await setupWorker(...simulator.handlers).start({ onUnhandledRequest: 'bypass' });
  return createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
  });
}
