// app/account/page.tsx: the account page's data loaded on the server, under the keys the browser uses
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { prefetchAccountPage } from 'emporix-customer-react/queries';
import { proxy } from './emporix-proxy';
import { AccountView } from './proxy-account-view';

export default async function AccountPage() {
  const client = proxy.client({ headers: await headers() });
  const queryClient = new QueryClient(); // one per request: never share customers' data
  await prefetchAccountPage(queryClient, client); // GET /me?expand=addresses, with the cookies' token
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccountView />
    </HydrationBoundary>
  );
}
