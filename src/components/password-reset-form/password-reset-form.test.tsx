import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import { EmporixError } from '../../api/errors';
import { simulatorDefaults } from '../../testing';
import { Field, FieldError, Input, Label, Submit } from '../form/parts';
import { LoginForm } from '../login-form/login-form';
import { PasswordResetRequestForm } from '../password-reset-request-form/password-reset-request-form';
import { PasswordResetForm } from './password-reset-form';
import { PasswordResetFormError } from './password-reset-form-error';

const simulator = setupSimulator();

const NEW_PASSWORD = 'brand-new-1';

function renderReset(ui: ReactElement) {
  const client = createTestClient(simulator());
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

/** A reset token for the seeded shopper, as the mail would carry it. */
async function mailedToken(): Promise<string> {
  const client = createTestClient(simulator());
  await client.requestPasswordReset({ email: simulatorDefaults.email });
  const mail = simulator().lastMail('passwordReset', simulatorDefaults.email);
  if (!mail) throw new Error('No reset mail was sent.');
  return mail.token;
}

async function fill(user: ReturnType<typeof userEvent.setup>, password = NEW_PASSWORD, confirm = password) {
  if (password) await user.type(screen.getByLabelText('New password'), password);
  if (confirm) await user.type(screen.getByLabelText('Confirm new password'), confirm);
}

const submit = () => screen.getByRole('button', { name: 'Set new password' });

describe('<PasswordResetForm>', () => {
  it('renders the new password twice and a submit button', () => {
    renderReset(<PasswordResetForm token="t" />);
    // For password managers: the account's email, optional here (the link does not tell it).
    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).not.toHaveAttribute('readonly');
    expect(email).toHaveAccessibleDescription(/lets your browser save the new password/);
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('At least 6 characters.');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('type', 'password');
    expect(submit()).toBeEnabled();
  });

  it('sets the new password and offers to log in, handing over the email typed', async () => {
    const token = await mailedToken();
    const onSuccess = vi.fn();
    const onLogin = vi.fn();
    const { user } = renderReset(<PasswordResetForm token={token} onSuccess={onSuccess} onLogin={onLogin} />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await fill(user);
    await user.click(submit());
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Your password has been changed. You can now log in with it.');
    expect(status).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith({ email: simulatorDefaults.email });
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(onLogin).toHaveBeenCalledWith(simulatorDefaults.email);
  });

  it('shows a given email read-only for password managers, and the login form starts with it', async () => {
    const token = await mailedToken();
    const client = createTestClient(simulator());
    const user = userEvent.setup();
    let loginEmail: string | undefined;
    const { rerender } = renderWithCustomer(
      <PasswordResetForm token={token} email={simulatorDefaults.email} onLogin={(email) => (loginEmail = email)} />,
      { client },
    );
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue(simulatorDefaults.email);
    expect(email).toHaveAttribute('readonly');
    expect(email).toHaveAttribute('autocomplete', 'username');
    await fill(user);
    await user.click(submit());
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(loginEmail).toBe(simulatorDefaults.email);

    rerender(<LoginForm defaultValues={{ email: loginEmail }} />);
    expect(screen.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(client.session.getState().status).toBe('customer'));
  });

  it('end to end: request a reset, follow the mailed token, log in with the new password', async () => {
    const client = createTestClient(simulator());
    const user = userEvent.setup();
    const { rerender } = renderWithCustomer(<PasswordResetRequestForm />, { client });
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    await screen.findByRole('status');

    const token = simulator().lastMail('passwordReset', simulatorDefaults.email)?.token ?? '';
    expect(token).not.toBe('');
    rerender(<PasswordResetForm token={token} />);
    await fill(user);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');

    await expect(client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password })).rejects.toThrow(
      EmporixError,
    );
    await expect(client.login({ email: simulatorDefaults.email, password: NEW_PASSWORD })).resolves.toEqual({
      initialPassword: false,
    });
    expect(client.session.getState().status).toBe('customer');
  });

  it('replaces the form of a used link with the message and a way to a new link', async () => {
    const token = await mailedToken();
    const onRequestNewLink = vi.fn();
    const first = renderReset(<PasswordResetForm token={token} />);
    await fill(first.user);
    await first.user.click(submit());
    await screen.findByRole('status');
    first.unmount();

    const { user } = renderReset(<PasswordResetForm token={token} onRequestNewLink={onRequestNewLink} />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await fill(user, 'another-pw-2');
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This reset link did not work: it may have expired or been used already. Request a new one.');
    expect(alert).toHaveFocus();
    // The message and the way on, not the error *and* a form that cannot work.
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request a new link' }));
    expect(onRequestNewLink).toHaveBeenCalledWith(simulatorDefaults.email);
  });

  it('without a callback, offers a form that sends a new link', async () => {
    const { user } = renderReset(<PasswordResetForm token="made-up-token" />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await fill(user);
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link did not work');
    const request = screen.getByRole('form', { name: 'Send me a new link' });
    expect(within(request).getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await user.click(within(request).getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(simulatorDefaults.email);
    expect(simulator().lastMail('passwordReset', simulatorDefaults.email)).toBeDefined();
  });

  it('treats a missing token as an invalid link from the start, without sending anything or taking the focus', () => {
    renderReset(<PasswordResetForm token="" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This reset link did not work');
    expect(alert).not.toHaveFocus();
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    expect(simulator().requestCount('resetPassword')).toBe(0);
  });

  it('checks the password length, the confirmation and required fields', async () => {
    const { user } = renderReset(<PasswordResetForm token="t" />);
    await user.click(submit());
    const password = screen.getByLabelText('New password');
    await waitFor(() => expect(password).toHaveAccessibleDescription('This field is required.'));
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('This field is required.');

    await fill(user, '12345', '54321');
    await user.click(submit());
    // One hint, not two saying the same: the error takes the hint's place.
    await waitFor(() => expect(password).toHaveAccessibleDescription('Must be at least 6 characters.'));
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The passwords do not match.');
    expect(simulator().requestCount('resetPassword')).toBe(0);
  });

  it('keeps the typed passwords and offers a retry when the network fails', async () => {
    const token = await mailedToken();
    const { user } = renderReset(<PasswordResetForm token={token} />);
    await fill(user);
    simulator().failNext({ with: 'network', match: { path: '/password/reset/update' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(screen.getByLabelText('New password')).toHaveValue(NEW_PASSWORD);
    expect(screen.getByLabelText('Confirm new password')).toHaveValue(NEW_PASSWORD);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
  });

  it('keeps the focus on the submit button, aria-disabled, while pending', async () => {
    const token = await mailedToken();
    simulator().setLatency(150);
    const { user } = renderReset(<PasswordResetForm token={token} />);
    await fill(user);
    await user.click(submit());
    const pending = await screen.findByRole('button', { name: 'Saving…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(await screen.findByRole('status', {}, { timeout: 3000 })).toBeInTheDocument();
  });

  it('can be completed with the keyboard alone', async () => {
    const token = await mailedToken();
    const { user } = renderReset(<PasswordResetForm token={token} />);
    await user.tab();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await user.keyboard(simulatorDefaults.email);
    await user.tab();
    expect(screen.getByLabelText('New password')).toHaveFocus();
    await user.keyboard(NEW_PASSWORD);
    await user.tab();
    await user.keyboard(`${NEW_PASSWORD}{Enter}`);
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(simulator().getCustomer(simulatorDefaults.email)).toBeDefined();
  });

  it('takes translated messages', async () => {
    const { user } = renderReset(
      <PasswordResetForm
        token="t"
        messages={{ 'passwordReset.submit': 'Speichern', 'passwordReset.passwordMismatch': 'Stimmt nicht überein.' }}
      />,
    );
    await fill(user, 'abcdef', 'abcdeg');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription('Stimmt nicht überein.'),
    );
  });

  it('is composed from the parts it is given', async () => {
    const { user } = renderReset(
      <PasswordResetForm token="unknown" renderInvalidLink={() => <p role="alert">Gone. Ask again.</p>}>
        <PasswordResetFormError className="error" />
        <Field name="password">
          <Label>Password</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <Field name="confirmPassword">
          <Label>Again</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <Submit>Save</Submit>
      </PasswordResetForm>,
    );
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Gone. Ask again.');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});
