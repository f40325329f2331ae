/**
 * Where no public source shows what the live API answers, the simulator offers every candidate answer
 * (`UNDOCUMENTED_CHOICES`). Whichever of them a real tenant gives, each form tells the shopper something
 * true — the same message for every candidate — and never a reason the API did not give. A refusal of the
 * shop's own settings (client id, tenant) is never blamed on what the shopper typed.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CustomerClientOptions } from '../../src/api';
import {
  ChangeEmailForm,
  ChangePasswordForm,
  ConfirmEmailChange,
  ConfirmSignup,
  LoginForm,
  PasswordResetForm,
  ProfileForm,
} from '../../src/components';
import { simulatorDefaults, UNDOCUMENTED_CHOICES } from '../../src/testing';
import { createTestClient, renderWithCustomer, SessionStatus, setupSimulator } from '../harness';

const simulator = setupSimulator();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

/** Renders `ui` for a guest, or for Jane logged in, on a client with `overrides`. */
async function renderAs(ui: ReactElement, who: 'guest' | 'jane' = 'guest', overrides: Partial<CustomerClientOptions> = {}) {
  const client = createTestClient(simulator(), overrides);
  if (who === 'jane') await client.login(jane);
  return {
    user: userEvent.setup(),
    client,
    ...renderWithCustomer(
      <>
        {ui}
        <SessionStatus />
      </>,
      { client },
    ),
  };
}

async function logIn(user: ReturnType<typeof userEvent.setup>, email: string, password: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

const REFUSED_LOGIN = 'We could not log you in with this email and password.';
const SHOP_UNREACHABLE = 'The shop cannot be reached right now.';

describe('LoginForm', () => {
  it.each(UNDOCUMENTED_CHOICES.loginRefused)('a wrong password answered as %s: could not log you in', async (shape) => {
    simulator().setUndocumented({ loginRefused: shape });
    const { user } = await renderAs(<LoginForm />);
    await logIn(user, jane.email, 'not-the-password');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED_LOGIN);
    expect(alert).not.toHaveTextContent(/incorrect|Access denied|Unauthorized|status/i);
    expect(screen.getByTestId('session')).toHaveTextContent('anonymous');
  });

  it.each(UNDOCUMENTED_CHOICES.inactiveLogin)('an inactive account answered as %s: the same, which mentions activation', async (shape) => {
    simulator().setUndocumented({ inactiveLogin: shape });
    simulator().seedCustomer({ email: 'nora@example.com', password: 'nora-secret-1', activated: false });
    const { user } = await renderAs(<LoginForm />);
    await logIn(user, 'nora@example.com', 'nora-secret-1');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(REFUSED_LOGIN);
    expect(alert).toHaveTextContent('your account may still need to be activated');
  });

  it('a wrong client id: the shop cannot be reached, not "email or password"', async () => {
    const { user } = await renderAs(<LoginForm />, 'guest', { clientId: 'revoked-storefront-key' });
    await logIn(user, jane.email, jane.password);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(SHOP_UNREACHABLE);
    expect(alert).not.toHaveTextContent(/email|password/i);
    expect(simulator().requestCount('login')).toBe(0);
  });

  it.each(UNDOCUMENTED_CHOICES.unknownTenant)('a tenant the API does not know, answered as %s: the shop cannot be reached', async (shape) => {
    simulator().setUndocumented({ unknownTenant: shape });
    const { user } = await renderAs(<LoginForm />, 'guest', { tenant: 'nosuchshop' });
    await logIn(user, jane.email, jane.password);
    expect(await screen.findByRole('alert')).toHaveTextContent(SHOP_UNREACHABLE);
  });

  it.each(UNDOCUMENTED_CHOICES.anonymousRefresh)('after the guest token was renewed (%s), logs in', async (shape) => {
    simulator().setUndocumented({ anonymousRefresh: shape });
    const { user, client } = await renderAs(<LoginForm />);
    await client.session.ensureAnonymous();
    simulator().expireTokens('anonymous');
    await logIn(user, jane.email, jane.password);
    await waitFor(() => expect(screen.getByTestId('session')).toHaveTextContent('customer'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('links from mails', () => {
  it.each(UNDOCUMENTED_CHOICES.usedToken)('ConfirmSignup with a spent link answered as %s: it may have expired or been used', async (shape) => {
    simulator().setUndocumented({ usedToken: shape });
    await renderAs(<ConfirmSignup token="spent-activation-token" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This activation link did not work: it may have expired or been used already.');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it.each(UNDOCUMENTED_CHOICES.usedToken)('PasswordResetForm with a spent link answered as %s: the same, and a way to a new one', async (shape) => {
    simulator().setUndocumented({ usedToken: shape });
    const { user } = await renderAs(<PasswordResetForm token="spent-reset-token" onRequestNewLink={() => undefined} />);
    await user.type(screen.getByLabelText('New password'), 'brand-new-1');
    await user.type(screen.getByLabelText('Confirm new password'), 'brand-new-1');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This reset link did not work: it may have expired or been used already.');
    expect(screen.getByRole('button', { name: 'Request a new link' })).toBeInTheDocument();
  });

  it.each(UNDOCUMENTED_CHOICES.usedToken)('ConfirmEmailChange with a spent link answered as %s: the same', async (shape) => {
    simulator().setUndocumented({ usedToken: shape });
    await renderAs(<ConfirmEmailChange token="spent-change-token" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This confirmation link did not work: it may have expired or been used already.',
    );
  });
});

describe('the current password', () => {
  it.each(UNDOCUMENTED_CHOICES.wrongPassword)('ChangePasswordForm, refused as %s: on the field, the session kept', async (shape) => {
    simulator().setUndocumented({ wrongPassword: shape });
    const { user } = await renderAs(<ChangePasswordForm />, 'jane');
    await user.type(screen.getByLabelText('Current password'), 'not-the-password');
    await user.type(screen.getByLabelText('New password'), 'battery-staple');
    await user.type(screen.getByLabelText('Repeat the new password'), 'battery-staple');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('The current password is not correct.'),
    );
    expect(screen.getByTestId('session')).toHaveTextContent('customer');
    expect(simulator().requestCount('refreshCustomerToken')).toBe(0);
  });

  it.each(UNDOCUMENTED_CHOICES.wrongPassword)('ChangeEmailForm, refused as %s: on the field', async (shape) => {
    simulator().setUndocumented({ wrongPassword: shape });
    const { user } = await renderAs(<ChangeEmailForm />, 'jane');
    await waitFor(() => expect(screen.getByLabelText('Current login email')).toHaveValue(jane.email));
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.type(screen.getByLabelText('New login email'), 'jane.new@example.com');
    await user.click(screen.getByRole('button', { name: 'Change login email' }));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('The password is not correct.'));
  });
});

describe('an ended session', () => {
  it.each(UNDOCUMENTED_CHOICES.refreshRefused)('ProfileForm, once no token can be renewed (refused as %s): log in again', async (shape) => {
    simulator().setUndocumented({ refreshRefused: shape });
    const { user } = await renderAs(<ProfileForm />, 'jane');
    const firstName = await screen.findByLabelText('First name');
    simulator().expireTokens('all');
    simulator().revokeRefreshTokens('all');
    await user.type(firstName, 'e');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended. Please log in again.');
    expect(firstName).toHaveValue('Janee');
  });
});
