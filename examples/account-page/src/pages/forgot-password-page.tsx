import { PasswordResetRequestForm } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link } from '../router';

export function ForgotPasswordPage() {
  return (
    <main>
      <h1>Reset your password</h1>
      <p>We will mail you a link to choose a new password.</p>
      <PasswordResetRequestForm />
      <p>
        <Link href={paths.login}>Back to login</Link>
      </p>
    </main>
  );
}
