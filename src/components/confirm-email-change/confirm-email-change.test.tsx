import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import type { CustomerClient } from '../../api';
import { useSession } from '../../hooks/use-session';
import { simulatorDefaults } from '../../testing';
import { ChangeEmailForm } from '../change-email-form/change-email-form';
import { LoginForm } from '../login-form/login-form';
import { ConfirmEmailChange } from './confirm-email-change';
import { ConfirmEmailChangeParts } from './index';

const simulator = setupSimulator();
const NEW_EMAIL = 'jane.new@example.com';

/** Asks for the change the way the form does (logged in, on a client of its own) and returns the mailed token. */
async function requestChange(newEmail = NEW_EMAIL): Promise<string> {
  const client = createTestClient(simulator(), { persistence: 'memory' });
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  await client.requestEmailChange({
    email: simulatorDefaults.email,
    password: simulatorDefaults.password,
    newEmail,
    syncContactEmail: true,
  });
  await client.logout();
  const mail = simulator().lastMail('emailChange', newEmail);
  if (!mail) throw new Error('No email-change mail was sent.');
  return mail.token;
}

function renderConfirm(ui: ReactElement, client: CustomerClient = createTestClient(simulator())) {
  return { user: userEvent.setup(), client, ...renderWithCustomer(<StrictMode>{ui}</StrictMode>, { client }) };
}

describe('<ConfirmEmailChange> default rendering', () => {
  it('confirms once, also under StrictMode, and says the login email changed', async () => {
    const token = await requestChange();
    const onSuccess = vi.fn();
    renderConfirm(<ConfirmEmailChange token={token} onSuccess={onSuccess} />);
    expect(screen.getByRole('status')).toHaveTextContent('Confirming your new email address…');
    expect(await screen.findByText(/Your login email has been changed/)).toHaveAttribute('role', 'status');
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(simulator().requestCount('confirmEmailChange')).toBe(1);
    expect(simulator().getCustomer(NEW_EMAIL)).toMatchObject({ email: NEW_EMAIL, contactEmail: NEW_EMAIL });
    expect(simulator().getCustomer(simulatorDefaults.email)).toBeUndefined();
  });

  it('says an unknown or used link is invalid', async () => {
    const token = await requestChange();
    renderConfirm(<ConfirmEmailChange token={`${token}x`} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This confirmation link did not work: it may have expired or been used already.',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(simulator().getCustomer(simulatorDefaults.email)).toBeDefined();
  });

  it('says a link without a token is invalid, without asking the server', () => {
    renderConfirm(<ConfirmEmailChange token="" />);
    expect(screen.getByRole('alert')).toHaveTextContent(/did not work: it may have expired or been used already/);
    expect(simulator().requestCount('confirmEmailChange')).toBe(0);
  });

  it('offers a retry when the network fails', async () => {
    const token = await requestChange();
    simulator().failNext({ with: 'network', match: { path: '/email/change/confirm' } });
    const { user } = renderConfirm(<ConfirmEmailChange token={token} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Your login email has been changed/)).toBeInTheDocument();
    expect(simulator().getCustomer(NEW_EMAIL)).toBeDefined();
  });

  it('exposes where it stands as data-state', async () => {
    const token = await requestChange();
    const { container } = renderConfirm(<ConfirmEmailChange token={token} className="confirm" />);
    const root = container.querySelector('.confirm');
    expect(root).toHaveAttribute('data-state', 'confirming');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'confirmed'));
  });

  it('takes translated messages', async () => {
    renderConfirm(<ConfirmEmailChange token="no-such-token" messages={{ 'confirmEmailChange.invalidToken': 'Ungültiger Link.' }} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Ungültiger Link.');
  });
});

describe('<ConfirmEmailChange> composed from parts', () => {
  it('shows the parts it is given, each in its state', async () => {
    const token = await requestChange();
    renderConfirm(
      <ConfirmEmailChange token={token}>
        <ConfirmEmailChangeParts.Confirming>One moment…</ConfirmEmailChangeParts.Confirming>
        <ConfirmEmailChangeParts.Confirmed className="done">Done: log in with your new email.</ConfirmEmailChangeParts.Confirmed>
        <ConfirmEmailChangeParts.InvalidLink />
      </ConfirmEmailChange>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('One moment…');
    expect(await screen.findByText('Done: log in with your new email.')).toHaveClass('done');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

/** The account page's change-email form, then the page of the mailed link, with the login once logged out. */
function EmailJourney({ tokenFor }: { tokenFor: (newEmail: string) => string }) {
  const session = useSession();
  const [token, setToken] = useState<string | null>(null);
  if (token !== null) {
    return (
      <>
        <ConfirmEmailChange token={token} />
        {session.status === 'customer' ? <p>Logged in</p> : <LoginForm />}
      </>
    );
  }
  return <ChangeEmailForm onSuccess={({ newEmail }) => setToken(tokenFor(newEmail))} />;
}

describe('changing the login email, end to end', () => {
  it('confirms with the mailed token, then logs in with the new email', async () => {
    const client = createTestClient(simulator());
    await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
    const tokenFor = (newEmail: string) => simulator().lastMail('emailChange', newEmail)?.token ?? '';
    const user = userEvent.setup();
    renderWithCustomer(<EmailJourney tokenFor={tokenFor} />, { client });

    await waitFor(() => expect(screen.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    await user.type(screen.getByLabelText('New login email'), NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: 'Change login email' }));

    expect(await screen.findByText(/Your login email has been changed/)).toBeInTheDocument();
    await client.logout();
    await user.type(await screen.findByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not log you in with this email and password.');

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Logged in')).toBeInTheDocument();
    expect(simulator().getCustomer(NEW_EMAIL)?.contactEmail).toBe(simulatorDefaults.email);
  });
});
