import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, createTestQueryClient, Providers, SessionStatus, setupSimulator } from '../../../test/harness';
import { ConfirmSignup } from './confirm-signup';
import * as ConfirmSignupParts from './parts';

const simulator = setupSimulator({ doubleOptIn: true });

const NEW = { email: 'max.mustermann@example.com', password: 'secret-123' };

/** Renders in StrictMode at the root (React double-invokes effects only there), inside fresh providers. */
function renderConfirm(ui: ReactElement) {
  const client = createTestClient(simulator());
  const queryClient = createTestQueryClient();
  return {
    user: userEvent.setup(),
    client,
    ...render(
      <StrictMode>
        <Providers client={client} queryClient={queryClient}>
          {ui}
          <SessionStatus />
        </Providers>
      </StrictMode>,
    ),
  };
}

/** Signs up with double opt-in and returns the token of the activation mail. */
async function activationToken(): Promise<string> {
  await createTestClient(simulator()).signup({ ...NEW, customerDetails: { firstName: 'Max', contactEmail: NEW.email } });
  const mail = simulator().lastMail('activation', NEW.email);
  if (!mail) throw new Error('No activation mail was sent.');
  return mail.token;
}

describe('<ConfirmSignup>', () => {
  it('activates the account once (also in StrictMode) and logs the customer in', async () => {
    const token = await activationToken();
    const onSuccess = vi.fn();
    renderConfirm(<ConfirmSignup token={token} onSuccess={onSuccess} />);
    expect(screen.getByRole('status')).toHaveTextContent('Activating your account…');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your account is activated and you are logged in.'));
    expect(onSuccess).toHaveBeenCalledWith({ initialPassword: false });
    expect(screen.getByTestId('session')).toHaveTextContent('customer');
    expect(simulator().getCustomer(NEW.email)?.activated).toBe(true);
    expect(simulator().requestCount('confirmSignup')).toBe(1);
  });

  it('explains an invalid link and offers the resend form', async () => {
    await activationToken();
    const { user } = renderConfirm(<ConfirmSignup token="not-a-token" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This activation link did not work: it may have expired or been used already.');
    expect(screen.getByText(/^This activation link did not work/).closest('[data-state]')).toHaveAttribute(
      'data-state',
      'invalidToken',
    );
    await user.type(screen.getByLabelText('Email'), NEW.email);
    await user.click(screen.getByRole('button', { name: 'Send activation link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('a new activation link is on its way');
    expect(simulator().outbox().filter((mail) => mail.kind === 'activation')).toHaveLength(2);
    expect(simulator().requestCount('confirmSignup')).toBe(1);
  });

  it('does not accept a token twice', async () => {
    const token = await activationToken();
    await createTestClient(simulator()).confirmSignup(token);
    renderConfirm(<ConfirmSignup token={token} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This activation link did not work: it may have expired or been used already.');
  });

  it('calls onResendActivation instead of showing the form, when given', async () => {
    const onResendActivation = vi.fn();
    const { user } = renderConfirm(<ConfirmSignup token="not-a-token" onResendActivation={onResendActivation} />);
    await user.click(await screen.findByRole('button', { name: 'Send me a new activation link' }));
    expect(onResendActivation).toHaveBeenCalledOnce();
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });

  it('treats a missing token as an invalid link without sending anything', async () => {
    renderConfirm(<ConfirmSignup token="" />);
    expect(screen.getByRole('alert')).toHaveTextContent('This activation link did not work: it may have expired or been used already.');
    expect(simulator().requestCount('confirmSignup')).toBe(0);
  });

  it('offers a retry when the server refused to serve (503), keeping the token usable', async () => {
    const token = await activationToken();
    simulator().failNext({ with: 503, match: { path: '/signup/optin/' } });
    const { user } = renderConfirm(<ConfirmSignup token={token} />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your account is activated'));
    expect(screen.getByTestId('session')).toHaveTextContent('customer');
  });

  it('after a network drop (the link may be used up already) says to try logging in, with no retry', async () => {
    const token = await activationToken();
    simulator().failNext({ with: 'network', match: { path: '/signup/optin/' } });
    renderConfirm(<ConfirmSignup token={token} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not tell whether your account was activated/);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('takes translated messages, also for the resend form inside it', async () => {
    renderConfirm(
      <ConfirmSignup
        token="not-a-token"
        messages={{ 'confirmSignup.invalidToken': 'Link ungültig.', 'resendActivation.submit': 'Neuen Link senden' }}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Link ungültig.');
    expect(screen.getByRole('button', { name: 'Neuen Link senden' })).toBeInTheDocument();
  });

  it('is composed from the parts it is given', async () => {
    const token = await activationToken();
    renderConfirm(
      <ConfirmSignup token={token} className="confirm">
        <ConfirmSignupParts.Confirming>One moment…</ConfirmSignupParts.Confirming>
        <ConfirmSignupParts.Confirmed asChild>
          <strong>Welcome aboard!</strong>
        </ConfirmSignupParts.Confirmed>
        <ConfirmSignupParts.InvalidLink />
        <ConfirmSignupParts.Failed>{({ message }) => <em>{message}</em>}</ConfirmSignupParts.Failed>
        <ConfirmSignupParts.Retry />
      </ConfirmSignup>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('One moment…');
    const confirmed = await screen.findByText('Welcome aboard!');
    expect(confirmed).toHaveAttribute('role', 'status');
    expect(confirmed.parentElement).toHaveClass('confirm');
    expect(confirmed.parentElement).toHaveAttribute('data-state', 'confirmed');
  });
});
