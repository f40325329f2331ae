import { SignupForm } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link, navigate } from '../router';
import { PageHeading } from '../page-heading';

/** With double opt-in (as on the simulator) the form ends with "check your inbox"; else the customer is in. */
export function SignupPage() {
  return (
    <main>
      <PageHeading>Create an account</PageHeading>
      <SignupForm
        onSuccess={({ status }) => status === 'loggedIn' && navigate(paths.account)}
        onLoginInstead={() => navigate(paths.login)}
        onResetPassword={() => navigate(paths.forgotPassword)}
      />
      <p>
        Already have an account? <Link href={paths.login}>Log in</Link>
      </p>
    </main>
  );
}
