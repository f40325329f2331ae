import { ConfirmEmailChange } from 'emporix-customer-react';
import { paths } from '../paths';
import { Link } from '../router';
import { useTokenFromLink } from '../use-token-from-link';
import { PageHeading } from '../page-heading';

/** The link mailed to a new login email: `/email/confirm?token=…` (works logged in or not). */
export function ConfirmEmailPage() {
  const token = useTokenFromLink();
  return (
    <main>
      <PageHeading>Confirm your new email address</PageHeading>
      {token ? <ConfirmEmailChange token={token} /> : <p>This link is incomplete.</p>}
      <p>
        <Link href={paths.account}>Go to your account</Link>
      </p>
    </main>
  );
}
