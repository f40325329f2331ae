import { PasswordResetRequestForm } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link } from '../router';
import { PageHeading } from '../page-heading';

export function ForgotPasswordPage() {
  return (
    <main>
      <PageHeading>Reset your password</PageHeading>
      <p>We will mail you a link to choose a new password.</p>
      <PasswordResetRequestForm />
      <p>
        <Link href={paths.login}>Back to login</Link>
      </p>
    </main>
  );
}
