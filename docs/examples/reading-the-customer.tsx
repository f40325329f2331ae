import { useCustomer, useLogout, useSession } from 'emporix-customer-react';

export function AccountMenu() {
  const session = useSession();
  const { data: customer } = useCustomer();
  const logout = useLogout();

  // 'unknown' while rendering on the server and hydrating: render what the server rendered.
  if (session.status === 'unknown') return null;
  if (session.status === 'anonymous') return <a href="/login">Log in</a>;

  return (
    <p>
      Hello {customer?.firstName ?? '…'}{' '}
      <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Log out
      </button>
    </p>
  );
}
