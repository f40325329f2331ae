/**
 * Server rendering of an account page: the data its hooks read, loaded before the page renders, under the
 * keys the browser uses for the same caller — so the first HTML shows the customer and the browser, once
 * hydrated, sends no request of its own for it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CustomerClient } from '../api/client';
import { callerScope, SIGNED_OUT, type CallerScope } from './customer-keys';
import { customerQueries } from './customer-queries';

/**
 * Loads what an account page shows — the profile with its addresses (`GET /me?expand=addresses`, one request),
 * which also fills the address list and the plain profile — into `queryClient`, for the caller `client` acts
 * for. Nothing is loaded for a guest. Returns the caller's scope (`SIGNED_OUT` for a guest). A failure (e.g. a
 * token that ran out, which the browser renews through the proxy) is not thrown: the data is then missing from
 * the cache and the page loads it in the browser.
 *
 * Use a new `QueryClient` for every request: one shared between requests would hand one customer's data to
 * the next visitor.
 *
 * @example
 * ```tsx
 * // app/account/page.tsx — a Next.js server component
 * const client = proxy.client({ headers: await headers() });
 * const queryClient = new QueryClient();
 * await prefetchAccountPage(queryClient, client);
 * return <HydrationBoundary state={dehydrate(queryClient)}><AccountPage /></HydrationBoundary>;
 * ```
 */
export async function prefetchAccountPage(queryClient: QueryClient, client: CustomerClient): Promise<CallerScope> {
  const state = client.session.getState();
  if (state.status !== 'customer') return SIGNED_OUT;
  const scope = callerScope(state);
  await queryClient.prefetchQuery(customerQueries.profile(client, scope, { expand: ['addresses'] }));
  return scope;
}
