import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { CustomerClient } from '../api/client';
import { CustomerClientContext } from './customer-context';
import { callerScope, customerKeys } from './customer-keys';

export interface CustomerProviderProps {
  client: CustomerClient;
  children?: ReactNode;
}

/**
 * Makes the client available to the hooks and components, on the app's own `QueryClientProvider`.
 * It also keeps the query cache honest as the caller changes: data of a previous caller is dropped the
 * moment a customer logs in, logs out, switches legal entity or the session expires.
 *
 * @example
 * ```tsx
 * const client = createCustomerClient({ tenant: 'myshop', clientId: 'storefront-key' });
 * <QueryClientProvider client={queryClient}>
 *   <CustomerProvider client={client}><App /></CustomerProvider>
 * </QueryClientProvider>
 * ```
 */
export function CustomerProvider({ client, children }: CustomerProviderProps) {
  const queryClient = useQueryClient();

  useEffect(() => {
    let scope = callerScope(client.session.getState());
    const unsubscribeState = client.session.subscribe(() => {
      const next = callerScope(client.session.getState());
      if (next === scope) return;
      scope = next;
      void dropOtherCallers(queryClient, next);
    });
    const unsubscribeEvents = client.session.on((event) => {
      if (event.type === 'logout' || event.type === 'sessionExpired') void forgetEverything(queryClient);
    });
    return () => {
      unsubscribeState();
      unsubscribeEvents();
    };
  }, [client, queryClient]);

  return <CustomerClientContext.Provider value={client}>{children}</CustomerClientContext.Provider>;
}

async function dropOtherCallers(queryClient: QueryClient, scope: string): Promise<void> {
  const others = { queryKey: customerKeys.all, predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== scope };
  await queryClient.cancelQueries(others);
  queryClient.removeQueries(others);
}

async function forgetEverything(queryClient: QueryClient): Promise<void> {
  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: customerKeys.mutations() })) {
    if (mutation.state.status !== 'pending' || mutation.state.isPaused) mutations.remove(mutation);
  }
  await queryClient.cancelQueries({ queryKey: customerKeys.all });
  queryClient.removeQueries({ queryKey: customerKeys.all });
}
