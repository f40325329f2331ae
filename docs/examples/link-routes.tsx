import { useEffect, useState } from 'react';
import { ConfirmEmailChange, ConfirmSignup, PasswordResetForm, ResendActivationForm } from 'emporix-customer-react';

/**
 * Reads a token from the page's URL once, then removes it from the address bar (and from this history
 * entry), so it does not linger in the browser history, bookmarks or screenshots.
 */
export function useTokenFromLink(param = 'token'): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.search).get(param));
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, '', url);
  }, [param]);
  return token;
}

type Navigate = (path: string) => void;

/**
 * `/signup/confirm?token=…` — activates a double opt-in account; the customer is then logged in. A link the API
 * refuses (expired, used) makes `ConfirmSignup` offer a new activation mail itself.
 */
export function ConfirmSignupPage({ navigate }: { navigate: Navigate }) {
  const token = useTokenFromLink();
  if (!token) {
    return (
      <main>
        <h1>Activate your account</h1>
        <p>This link is incomplete. Ask for a new activation mail:</p>
        <ResendActivationForm />
      </main>
    );
  }
  return (
    <main>
      <h1>Activate your account</h1>
      <ConfirmSignup token={token} onSuccess={() => navigate('/account')} />
    </main>
  );
}

/** `/password/reset?token=…` — choose a new password. */
export function PasswordResetPage({ navigate }: { navigate: Navigate }) {
  const token = useTokenFromLink();
  return (
    <main>
      <h1>Choose a new password</h1>
      {token ? (
        <PasswordResetForm
          token={token}
          onLogin={() => navigate('/login')}
          onRequestNewLink={() => navigate('/password/forgot')}
        />
      ) : (
        <p>
          This link is incomplete. <a href="/password/forgot">Request a new one.</a>
        </p>
      )}
    </main>
  );
}

/** `/email/confirm?token=…` — confirms a login-email change (works logged in or not). */
export function ConfirmEmailChangePage({ navigate }: { navigate: Navigate }) {
  const token = useTokenFromLink();
  return (
    <main>
      <h1>Confirm your new email address</h1>
      {token ? (
        <ConfirmEmailChange token={token} onSuccess={() => navigate('/account')} />
      ) : (
        <p>This link is incomplete.</p>
      )}
    </main>
  );
}
