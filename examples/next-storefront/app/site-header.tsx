'use client';

import Link from 'next/link';
import { useSession } from 'emporix-customer-react';

/** The navigation: log-in and sign-up links only for guests (known on the server, so rendered right away). */
export function SiteHeader({ simulated }: { simulated: boolean }) {
  const session = useSession();
  return (
    <header>
      <nav aria-label="Main">
        <Link href="/account">My account</Link>
        {session.status === 'anonymous' && <Link href="/login">Log in</Link>}
        {simulated && <Link href="/dev/inbox">Dev inbox</Link>}
      </nav>
    </header>
  );
}
