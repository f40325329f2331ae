// app/layout.tsx: who is calling, read from the proxy's cookies (never a token), handed to the browser client
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { proxy } from './emporix-proxy';
import { Providers } from './proxy-providers';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = proxy.client({ headers: await headers() }).session.getState();
  return (
    <html lang="en">
      <body>
        <Providers initialSession={session}>{children}</Providers>
      </body>
    </html>
  );
}
