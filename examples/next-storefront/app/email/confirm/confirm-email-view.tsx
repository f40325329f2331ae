'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { ConfirmEmailChange } from 'emporix-customer-react';

export function ConfirmEmailView({ token }: { token: string | undefined }) {
  // The token leaves the address bar (history, bookmarks, screenshots); the page keeps it.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url);
  }, []);

  return (
    <main>
      <h1>Confirm your new email address</h1>
      {token ? <ConfirmEmailChange token={token} /> : <p>This link is incomplete.</p>}
      <p>
        <Link href="/account">Go to your account</Link>
      </p>
    </main>
  );
}
