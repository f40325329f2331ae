'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import {
  AddressBook,
  ChangeEmailForm,
  ChangePasswordForm,
  ProfileForm,
  useCustomer,
  useLogout,
  useSession,
} from 'emporix-customer-react';
import { LegalEntitySwitcher } from './legal-entity-switcher';

export function AccountView() {
  const session = useSession();
  const router = useRouter();
  // The page's one read: with its addresses, the profile also fills what ProfileForm and AddressBook read.
  // On a server-rendered page it is already in the cache.
  const { data: customer, isPending, error } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();

  // Logged out here or in another tab, or the session expired.
  const signedOut = session.status === 'anonymous';
  useEffect(() => {
    if (signedOut) router.replace('/login');
  }, [signedOut, router]);

  if (signedOut) return null;
  if (isPending) return <p role="status">Loading your account…</p>;
  if (error) return <p role="alert">{error.message}</p>;

  return (
    <main>
      <h1>My account</h1>
      <p>{`Hello, ${customer.firstName ?? ''} ${customer.lastName ?? ''}.`}</p>
      <LegalEntitySwitcher />

      <div className="account-sections">
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <ProfileForm />
        </section>

        <div>
          <section aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">Addresses</h2>
            <AddressBook />
          </section>

          <section aria-labelledby="password-heading">
            <h2 id="password-heading">Password</h2>
            <ChangePasswordForm />
          </section>

          <section aria-labelledby="email-heading">
            <h2 id="email-heading">Login email</h2>
            {/* Mails a confirmation link to the new address; the change takes effect once it is followed. */}
            <ChangeEmailForm />
          </section>
        </div>
      </div>

      {/* The proxy expires the session's cookies; the page then leads to the login. */}
      <button type="button" disabled={logout.isPending} onClick={() => logout.mutate()}>
        Log out
      </button>
    </main>
  );
}
