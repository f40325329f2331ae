import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import { useLogout } from '../../hooks/use-logout';
import { useSession } from '../../hooks/use-session';
import { simulatorDefaults } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { LoginForm } from '../login-form/login-form';
import { FormSuccess } from '../form/form-success';
import { ChangePasswordForm } from './change-password-form';

const simulator = setupSimulator();
const NEW_PASSWORD = 'battery-staple';

async function renderChangePassword(ui = <ChangePasswordForm />) {
  const client = createTestClient(simulator());
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

/** Whether the simulator accepts these credentials now (on a client of its own). */
async function canLogIn(password: string): Promise<boolean> {
  const client = createTestClient(simulator(), { persistence: 'memory' });
  try {
    await client.login({ email: simulatorDefaults.email, password });
    return true;
  } catch {
    return false;
  }
}

const current = () => screen.getByLabelText('Current password');
const next = () => screen.getByLabelText('New password');
const repeat = () => screen.getByLabelText('Repeat the new password');
const submit = () => screen.getByRole('button', { name: 'Change password' });

describe('<ChangePasswordForm> default rendering', () => {
  it('renders three labelled password fields and a submit button', async () => {
    await renderChangePassword();
    expect(current()).toHaveAttribute('type', 'password');
    expect(current()).toHaveAttribute('autocomplete', 'current-password');
    expect(next()).toHaveAttribute('autocomplete', 'new-password');
    expect(next()).toHaveAccessibleDescription('At least 6 characters.');
    expect(repeat()).toHaveAttribute('type', 'password');
    expect(submit()).toBeEnabled();
  });

  it('carries the login email for password managers, read-only and hidden', async () => {
    const { container } = await renderChangePassword();
    const username = await waitFor(() => {
      const input = container.querySelector<HTMLInputElement>('input[autocomplete="username"]');
      expect(input).toHaveValue(simulatorDefaults.email);
      return input as HTMLInputElement;
    });
    expect(username).toHaveAttribute('type', 'email');
    expect(username).toHaveAttribute('readonly');
    expect(username).not.toBeVisible();
    // Before the password fields, where password managers look for it.
    expect(username.compareDocumentPosition(current()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('changes the password, says so and clears the fields', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderChangePassword(<ChangePasswordForm onSuccess={onSuccess} />);
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(current()).toHaveValue('');
    expect(next()).toHaveValue('');
    expect(repeat()).toHaveValue('');
    expect(await canLogIn(NEW_PASSWORD)).toBe(true);
    expect(await canLogIn(simulatorDefaults.password)).toBe(false);
  });

  it('requires every field before sending anything', async () => {
    const { user } = await renderChangePassword();
    await user.click(submit());
    await waitFor(() => expect(current()).toHaveAccessibleDescription('This field is required.'));
    expect(current()).toHaveFocus();
    expect(next()).toHaveAccessibleDescription('This field is required.');
    expect(repeat()).toHaveAccessibleDescription('This field is required.');
    expect(simulator().requestCount('changePassword')).toBe(0);
  });

  it('wants a new password of at least 6 characters', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), '12345');
    await user.type(repeat(), '12345');
    await user.click(submit());
    await waitFor(() => expect(next()).toHaveAccessibleDescription('Must be at least 6 characters.'));
    expect(next()).toHaveFocus();
    expect(simulator().requestCount('changePassword')).toBe(0);
  });

  it('wants a new password other than the current one', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), simulatorDefaults.password);
    await user.type(repeat(), simulatorDefaults.password);
    await user.click(submit());
    await waitFor(() =>
      expect(next()).toHaveAccessibleDescription(
        'Choose a password other than the current one.',
      ),
    );
    expect(simulator().requestCount('changePassword')).toBe(0);
  });

  it('wants the new password twice alike', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), `${NEW_PASSWORD}!`);
    await user.click(submit());
    await waitFor(() => expect(repeat()).toHaveAccessibleDescription('The passwords do not match.'));
    expect(repeat()).toHaveFocus();
    expect(next()).not.toHaveAttribute('aria-invalid');
    expect(simulator().requestCount('changePassword')).toBe(0);
  });

  it('shows a wrong current password on that field and keeps what was typed', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), 'not-my-password');
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    await user.click(submit());
    await waitFor(() => expect(current()).toHaveAccessibleDescription('The current password is not correct.'));
    expect(current()).toHaveFocus();
    expect(current()).toHaveValue('not-my-password');
    expect(next()).toHaveValue(NEW_PASSWORD);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(await canLogIn(simulatorDefaults.password)).toBe(true);

    // The field's server error goes as soon as it is edited.
    await user.type(current(), 'x');
    expect(current()).not.toHaveAttribute('aria-invalid');
  });

  it('keeps every typed value and offers a retry when the network fails', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    simulator().failNext({ with: 'network', match: { path: '/password/change' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(current()).toHaveValue(simulatorDefaults.password);
    expect(repeat()).toHaveValue(NEW_PASSWORD);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the focus on the submit button, aria-disabled, while the change is sent', async () => {
    const { user } = await renderChangePassword();
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    simulator().setLatency(150);
    await user.click(submit());
    const pending = screen.getByRole('button', { name: 'Changing password…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    await screen.findByRole('status');
    expect(simulator().requestCount('changePassword')).toBe(1);
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = await renderChangePassword();
    await user.tab();
    expect(current()).toHaveFocus();
    await user.keyboard(simulatorDefaults.password);
    await user.tab();
    await user.keyboard(NEW_PASSWORD);
    await user.tab();
    await user.keyboard(`${NEW_PASSWORD}{Enter}`);
    expect(await screen.findByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(await canLogIn(NEW_PASSWORD)).toBe(true);
  });

  it('takes translated messages', async () => {
    const { user } = await renderChangePassword(
      <ChangePasswordForm
        messages={{
          'changePassword.currentPassword': 'Aktuelles Passwort',
          'changePassword.submit': 'Passwort ändern',
          'changePassword.currentPasswordWrong': 'Das aktuelle Passwort stimmt nicht.',
        }}
      />,
    );
    await user.type(screen.getByLabelText('Aktuelles Passwort'), 'falsch-falsch');
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Aktuelles Passwort')).toHaveAccessibleDescription('Das aktuelle Passwort stimmt nicht.'),
    );
  });
});

describe('<ChangePasswordForm> composed from parts', () => {
  it('uses the markup it is given', async () => {
    const { user } = await renderChangePassword(
      <ChangePasswordForm className="password">
        <FormError />
        <Field name="currentPassword">
          <Label>Old</Label>
          <Input type="password" className="field" />
          <FieldError />
        </Field>
        <Field name="newPassword">
          <Label>New</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <Field name="confirmNewPassword">
          <Label>Again</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <FormSuccess>Done.</FormSuccess>
        <Submit>Update</Submit>
      </ChangePasswordForm>,
    );
    expect(screen.getByLabelText('Old')).toHaveClass('field');
    await user.type(screen.getByLabelText('Old'), simulatorDefaults.password);
    await user.type(screen.getByLabelText('New'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('Again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done.');
  });
});

/** The account page of the journey: the form and a logout button for a customer, the login form for a guest. */
function PasswordJourney() {
  const session = useSession();
  const logout = useLogout();
  if (session.status !== 'customer') return <LoginForm />;
  return (
    <>
      <ChangePasswordForm />
      <button type="button" onClick={() => logout.mutate()}>
        Log out
      </button>
    </>
  );
}

describe('changing the password, end to end', () => {
  it('logs out and back in with the new password', async () => {
    const { user } = await renderChangePassword(<PasswordJourney />);
    await user.type(current(), simulatorDefaults.password);
    await user.type(next(), NEW_PASSWORD);
    await user.type(repeat(), NEW_PASSWORD);
    await user.click(submit());
    await screen.findByRole('status');

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    await user.type(await screen.findByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not log you in with this email and password.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByLabelText('Current password')).toBeInTheDocument();
    expect(simulator().requestCount('login')).toBe(3);
  });
});
