import type { ComponentType } from 'react';
import { useSession } from 'emporix-customer-react';
import type { EmporixSimulator } from 'emporix-customer-react/testing';
import { DevInbox } from './dev-inbox';
import { AccountPage } from './pages/account-page';
import { ConfirmEmailPage } from './pages/confirm-email-page';
import { ConfirmSignupPage } from './pages/confirm-signup-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { LoginPage } from './pages/login-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { SignupPage } from './pages/signup-page';
import { paths } from './paths';
import { Link, Redirect, useRoute } from './router';
import { PageHeading } from './page-heading';

interface PageProps {
  simulated: boolean;
}

const pages: Record<string, ComponentType<PageProps>> = {
  [paths.home]: () => <Redirect to={paths.account} />,
  [paths.login]: LoginPage,
  [paths.signup]: SignupPage,
  [paths.confirmSignup]: ConfirmSignupPage,
  [paths.forgotPassword]: ForgotPasswordPage,
  [paths.resetPassword]: ResetPasswordPage,
  [paths.account]: AccountPage,
  [paths.confirmEmail]: ConfirmEmailPage,
};

function NotFound() {
  return (
    <main>
      <PageHeading>Page not found</PageHeading>
      <Link href={paths.account}>Go to your account</Link>
    </main>
  );
}

export function App({ simulator }: { simulator: EmporixSimulator | undefined }) {
  const route = useRoute();
  const session = useSession();
  const Page = pages[route.path] ?? NotFound;
  return (
    <>
      <header>
        <nav aria-label="Main">
          <Link href={paths.account}>My account</Link>
          {session.status !== 'customer' && (
            <>
              <Link href={paths.login}>Log in</Link>
              <Link href={paths.signup}>Sign up</Link>
            </>
          )}
        </nav>
      </header>
      <Page key={route.key} simulated={simulator !== undefined} />
      {simulator && <DevInbox simulator={simulator} />}
    </>
  );
}
