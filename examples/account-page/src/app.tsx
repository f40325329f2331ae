import { LoginForm, useCustomer, useLogout, useSession } from 'emporix-customer-react';
import { simulatorDefaults } from 'emporix-customer-react/testing';

export function App({ simulated }: { simulated: boolean }) {
  const session = useSession();
  return (
    <main>
      <h1>My account</h1>
      {session.status === 'customer' ? <Profile /> : <Login simulated={simulated} />}
    </main>
  );
}

function Login({ simulated }: { simulated: boolean }) {
  return (
    <section aria-labelledby="login-heading">
      <h2 id="login-heading">Log in</h2>
      {simulated && (
        <p>
          Simulator: log in as <code>{simulatorDefaults.email}</code> with <code>{simulatorDefaults.password}</code>.
        </p>
      )}
      <LoginForm />
    </section>
  );
}

function Profile() {
  const { data: customer, isPending, error } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();
  if (isPending) return <p role="status">Loading your profile…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">
        {customer.firstName} {customer.lastName}
      </h2>
      <dl>
        <dt>Email</dt>
        <dd>{customer.contactEmail}</dd>
        <dt>Customer number</dt>
        <dd>{customer.customerNumber}</dd>
      </dl>
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Log out
      </button>
    </section>
  );
}
