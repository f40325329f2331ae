import { PasswordResetForm } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link, navigate } from '../router';
import { useTokenFromLink } from '../use-token-from-link';
import { PageHeading } from '../page-heading';

/** The link of a password-reset mail: `/password/reset?token=…`. */
export function ResetPasswordPage() {
  const token = useTokenFromLink();
  return (
    <main>
      <PageHeading>Choose a new password</PageHeading>
      {token ? (
        <PasswordResetForm
          token={token}
          onLogin={() => navigate(paths.login)}
          onRequestNewLink={() => navigate(paths.forgotPassword)}
        />
      ) : (
        <p>
          This link is incomplete. <Link href={paths.forgotPassword}>Request a new one.</Link>
        </p>
      )}
    </main>
  );
}
