import { useQueryClient, type MutationState, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { CustomerClient } from '../api/client';
import { currentScope } from './caller-guard';
import { CustomerClientContext } from './customer-context';
import { callerScope, customerKeys, isCustomerScope, scopeOfKey, type CallerScope } from './customer-keys';

/** Props of `CustomerProvider`. */
export interface CustomerProviderProps {
  /** The client from `createCustomerClient`; create it once, outside render. */
  client: CustomerClient;
  /** The part of the app whose hooks and components use the client. */
  children?: ReactNode;
}

/**
 * Makes the client available to the hooks and components, on the app's own `QueryClientProvider`.
 * It also keeps the caches honest as the caller changes — in this tab or in another one, as the session
 * follows other tabs. The cache scope is the login (its per-login id), so a new login is a new scope even
 * for the same customer, whatever the server's answer said about who it is:
 *
 * - a login (or opt-in confirmation, social login, token exchange) drops what was cached for the guest
 *   and for the previous login, and that login's writes not yet sent;
 * - a legal-entity switch drops what was cached for the previous legal entity, and its writes not yet sent;
 * - a logout, an expired session or another customer taking over cancels every load in flight and drops all
 *   cached customer data and every write not yet sent (e.g. one paused while offline), so none of it is
 *   sent, or shown, afterwards.
 *
 * To type every query error of the app as `EmporixError` (the hooks already are), register it once:
 * `declare module '@tanstack/react-query' { interface Register { defaultError: EmporixError } }`.
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
    let scope = currentScope(client);
    // The page hydrated for the session the server rendered; if the browser knows another by now (a login or
    // logout in between), the data prefetched for the server's caller goes.
    const rendered = client.session.getServerState();
    if (rendered?.status === 'customer' && callerScope(rendered) !== scope) {
      forgetOtherCallers(queryClient, scope, customerOf(callerScope(rendered)) !== customerOf(scope));
    }
    // A login shows as a new scope: the session publishes the new state before it emits `login`.
    const unsubscribeState = client.session.subscribe(() => {
      const next = currentScope(client);
      if (next === scope) return;
      const customerEnded = isCustomerScope(scope) && customerOf(scope) !== customerOf(next);
      scope = next;
      forgetOtherCallers(queryClient, next, customerEnded);
    });
    const unsubscribeEvents = client.session.on((event) => {
      if (event.type === 'logout' || event.type === 'sessionExpired') forgetOtherCallers(queryClient, undefined, true);
    });
    return () => {
      unsubscribeState();
      unsubscribeEvents();
    };
  }, [client, queryClient]);

  return <CustomerClientContext.Provider value={client}>{children}</CustomerClientContext.Provider>;
}

/** `customer:<login id>:<legal entity>` → `<login id>`. */
function customerOf(scope: CallerScope): string | undefined {
  return isCustomerScope(scope) ? scope.split(':')[1] : undefined;
}

/**
 * Cancels and drops every query not of `keep` (all of them when `keep` is undefined), and every write not
 * yet running that was made for another caller — unscoped ones too when a customer's session ended.
 * Writes already on the wire finish; their callbacks touch the cache only for the current caller.
 */
function forgetOtherCallers(queryClient: QueryClient, keep: CallerScope | undefined, customerEnded: boolean): void {
  const others = {
    queryKey: customerKeys.all,
    predicate: ({ queryKey }: { queryKey: readonly unknown[] }) => keep === undefined || scopeOfKey(queryKey) !== keep,
  };
  void queryClient.cancelQueries(others);
  queryClient.removeQueries(others);

  const mutations = queryClient.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: customerKeys.mutations() })) {
    if (isRunning(mutation)) continue;
    const scope = scopeOfKey(mutation.options.mutationKey ?? []);
    const forOther = scope === undefined ? customerEnded : keep === undefined || scope !== keep;
    if (forOther) mutations.remove(mutation);
  }
}

function isRunning({ state }: { state: Pick<MutationState, 'status' | 'isPaused'> }): boolean {
  return state.status === 'pending' && !state.isPaused;
}
