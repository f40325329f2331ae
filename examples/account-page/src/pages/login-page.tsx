import { LoginForm, ResendActivationForm, useSession } from 'emporix-customer-react';
import { simulatorDefaults } from 'emporix-customer-react/testing';
import { paths } from '../paths';
import { Link, Redirect } from '../router';
import { PageHeading } from '../page-heading';

export function LoginPage({ simulated }: { simulated: boolean }) {
  const session = useSession();
  if (session.status === 'customer') return <Redirect to={paths.account} />;
  return (
    <main>
      <PageHeading>Log in</PageHeading>
      {simulated && (
        <p className="hint">
          Simulator: log in as <code>{simulatorDefaults.email}</code> with <code>{simulatorDefaults.password}</code>,
          or create an account.
        </p>
      )}
      <LoginForm aria-label="Log in" />
      <p>
        <Link href={paths.forgotPassword}>Forgot your password?</Link> · <Link href={paths.signup}>Create an account</Link>
      </p>
      <details>
        <summary>No activation mail?</summary>
        <ResendActivationForm aria-label="Resend activation mail" />
      </details>
    </main>
  );
}
