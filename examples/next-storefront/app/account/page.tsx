/**
 * The account page, rendered on the server for the customer the cookies name: the profile with its addresses
 * is loaded here (one request to the API), so the first HTML already shows the customer, and the browser,
 * hydrating the same data under the same keys, sends no request for it.
 */
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { prefetchAccountPage } from 'emporix-customer-react/queries';
import { emporixProxy } from '../../lib/emporix';
import { AccountView } from './account-view';

export default async function AccountPage() {
  const client = emporixProxy().client({ headers: await headers() });
  if (client.session.getState().status !== 'customer') redirect('/login');
  // One QueryClient per request: a shared one would serve one customer's data to the next.
  const queryClient = new QueryClient();
  await prefetchAccountPage(queryClient, client);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccountView />
    </HydrationBoundary>
  );
}
