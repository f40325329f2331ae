import { LoginForm } from 'emporix-customer-react';

export function LoginPage({ navigate }: { navigate: (path: string) => void }) {
  return (
    <main>
      <h1>Log in</h1>
      <LoginForm
        onSuccess={({ initialPassword }) =>
          // An employee set this password: ask the customer to choose their own.
          navigate(initialPassword ? '/account/password' : '/account')
        }
      />
    </main>
  );
}
