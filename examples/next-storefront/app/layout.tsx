/**
 * Every page: the providers, given the session the proxy's cookies name for this request (who is calling —
 * never a token), so that client components render on the server for that customer.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { emporixProxy, PROXY_PATH, storefrontSettings } from '../lib/emporix';
import { Providers } from './providers';
import { SiteHeader } from './site-header';
// The library's optional look (it styles what is inside `.emporix`), then the page layout.
import 'emporix-customer-react/styles.css';
import './styles.css';

export const metadata: Metadata = { title: 'Next.js storefront — emporix-customer-react example' };

/** Every page depends on who is calling: rendered per request, never at build time. */
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const { tenant, clientId, simulator } = storefrontSettings();
  const session = emporixProxy().client({ headers: requestHeaders }).session.getState();
  return (
    <html lang="en">
      <body className="emporix" data-theme="system">
        <Providers tenant={tenant} clientId={clientId} proxyPath={PROXY_PATH} initialSession={session}>
          <SiteHeader simulated={simulator !== undefined} />
          {children}
        </Providers>
      </body>
    </html>
  );
}
