import { ConfirmEmailView } from './confirm-email-view';

/** The link mailed to a new login email: `/email/confirm?token=…` (works logged in or not). */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <ConfirmEmailView token={typeof token === 'string' ? token : undefined} />;
}
