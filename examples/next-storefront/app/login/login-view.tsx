'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { LoginForm, useSession } from 'emporix-customer-react';

export function LoginView({ simulated }: { simulated: boolean }) {
  const session = useSession();
  const router = useRouter();
  const loggedIn = session.status === 'customer';
  useEffect(() => {
    if (loggedIn) router.push('/account');
  }, [loggedIn, router]);

  return (
    <main>
      <h1>Log in</h1>
      {simulated && (
        <p className="hint">
          Simulator: log in as <code>jane.doe@example.com</code> with <code>correct-horse</code>.
        </p>
      )}
      <LoginForm aria-label="Log in" />
    </main>
  );
}
