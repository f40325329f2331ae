import { ConfirmSignup, ResendActivationForm } from 'emporix-customer-react';
import { paths } from '../paths';
import { navigate } from '../router';
import { useTokenFromLink } from '../use-token-from-link';
import { PageHeading } from '../page-heading';

/** The activation link of a double opt-in signup: `/signup/confirm?token=…`. The customer is then logged in. */
export function ConfirmSignupPage() {
  const token = useTokenFromLink();
  return (
    <main>
      <PageHeading>Activate your account</PageHeading>
      {token ? (
        <ConfirmSignup token={token} onSuccess={() => navigate(paths.account)} />
      ) : (
        <>
          <p>This link is incomplete. Ask for a new activation mail:</p>
          <ResendActivationForm />
        </>
      )}
    </main>
  );
}
