import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { emporixProxy, storefrontSettings } from '../../lib/emporix';
import { LoginView } from './login-view';

export default async function LoginPage() {
  if (emporixProxy().client({ headers: await headers() }).session.getState().status === 'customer') redirect('/account');
  return <LoginView simulated={storefrontSettings().simulator !== undefined} />;
}
