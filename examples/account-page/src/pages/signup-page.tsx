import { SignupForm, type SignupActivation } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link, navigate } from '../router';
import { PageHeading } from '../page-heading';

/**
 * How the tenant activates new accounts: the simulator here uses double opt-in; for a real tenant say so in
 * `VITE_EMPORIX_ACTIVATION` (`immediate`, `doubleOptIn` or `employee`; default `immediate`).
 */
function activationOf(simulated: boolean): SignupActivation {
  if (simulated) return 'doubleOptIn';
  const configured = import.meta.env.VITE_EMPORIX_ACTIVATION as string | undefined;
  return configured === 'doubleOptIn' || configured === 'employee' ? configured : 'immediate';
}

/** The form ends with "you are logged in", "check your inbox" or "your account awaits activation". */
export function SignupPage({ simulated }: { simulated: boolean }) {
  return (
    <main>
      <PageHeading>Create an account</PageHeading>
      <SignupForm
        activation={activationOf(simulated)}
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
