import {
  AddressBook,
  ChangeEmailForm,
  ChangePasswordForm,
  ProfileForm,
  useCustomer,
  useLogout,
  useSession,
} from 'emporix-customer-react';
import { paths } from '../paths';
import { Redirect } from '../router';
import { LegalEntitySwitcher } from './legal-entity-switcher';
import { PageHeading } from '../page-heading';

export function AccountPage() {
  const session = useSession();
  // One request for the whole page: with its addresses, the profile also fills what ProfileForm and
  // AddressBook read, so they wait for it instead of asking themselves.
  const { data: customer, isPending, error } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();

  // Logged out here or in another tab, or the session expired.
  if (session.status === 'anonymous') return <Redirect to={paths.login} />;
  if (isPending) return <p role="status">Loading your account…</p>;
  // The error's message is written for developers; shoppers get a sentence that is true whatever went wrong.
  if (error) return <p role="alert">We could not load your account. Please try again later.</p>;

  return (
    <main>
      <PageHeading>My account</PageHeading>
      <p>
        Hello, {customer.firstName} {customer.lastName}.
      </p>
      <LegalEntitySwitcher />

      {/* Two columns on a wide screen (styles.css): the profile, and the rest beside it. */}
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

      {/* The session ends at once (even offline), and the redirect above leads to the login page. */}
      <button type="button" disabled={logout.isPending} onClick={() => logout.mutate()}>
        Log out
      </button>
    </main>
  );
}
