import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import { simulatorDefaults } from '../../testing';
import { Checkbox, Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { FormSuccess } from '../form/form-success';
import { ChangeEmailForm } from './change-email-form';

const simulator = setupSimulator();
const NEW_EMAIL = 'jane.new@example.com';

async function renderChangeEmail(ui = <ChangeEmailForm />) {
  const client = createTestClient(simulator());
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

const email = () => screen.getByLabelText('Current login email');
const password = () => screen.getByLabelText('Password');
const newEmail = () => screen.getByLabelText('New login email');
const sync = () => screen.getByLabelText('Also use the new address as my contact email');
const submit = () => screen.getByRole('button', { name: 'Change login email' });

describe('<ChangeEmailForm> default rendering', () => {
  it('fills in the current login email from the profile, read-only', async () => {
    await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    expect(email()).toHaveAttribute('readonly');
    expect(email()).toHaveAttribute('autocomplete', 'username');
    expect(password()).toHaveAttribute('type', 'password');
    expect(newEmail()).toHaveAttribute('type', 'email');
    expect(sync()).not.toBeChecked();
  });

  it('asks for the current email when the profile cannot tell', async () => {
    simulator().failNext({ with: 'network', match: { method: 'GET', path: '/me' } });
    const { user } = await renderChangeEmail();
    await user.click(submit());
    await waitFor(() => expect(email()).toHaveAccessibleDescription('This field is required.'));
    expect(email()).toHaveFocus();
    expect(email()).not.toHaveAttribute('readonly');
  });

  it('mails a confirmation link to the new address and says so', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderChangeEmail(<ChangeEmailForm onSuccess={onSuccess} />);
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), simulatorDefaults.password);
    await user.type(newEmail(), NEW_EMAIL);
    await user.click(sync());
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent(
      `We sent a confirmation link to ${NEW_EMAIL}. Open it to finish the change; until then, log in with your current email.`,
    );
    expect(onSuccess).toHaveBeenCalledWith({ email: simulatorDefaults.email, newEmail: NEW_EMAIL, syncContactEmail: true });
    expect(simulator().lastMail('emailChange', NEW_EMAIL)).toBeDefined();
    // The login email changes only once the link is followed.
    expect(simulator().getCustomer(simulatorDefaults.email)).toBeDefined();
    expect(email()).toHaveValue(simulatorDefaults.email);
    expect(password()).toHaveValue('');
    expect(newEmail()).toHaveValue('');
    expect(sync()).not.toBeChecked();
  });

  it('checks both addresses before sending anything', async () => {
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(newEmail(), 'jane@');
    await user.click(submit());
    await waitFor(() => expect(password()).toHaveAccessibleDescription('This field is required.'));
    expect(password()).toHaveFocus();
    expect(newEmail()).toHaveAccessibleDescription('Enter a valid email address.');

    await user.clear(newEmail());
    await user.type(newEmail(), simulatorDefaults.email.toUpperCase());
    await user.click(submit());
    await waitFor(() =>
      expect(newEmail()).toHaveAccessibleDescription('Enter an email address other than the current one.'),
    );
    expect(simulator().requestCount('requestEmailChange')).toBe(0);
  });

  it('shows a wrong password on the password field and keeps what was typed', async () => {
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), 'not-my-password');
    await user.type(newEmail(), NEW_EMAIL);
    await user.click(submit());
    await waitFor(() => expect(password()).toHaveAccessibleDescription('The password is not correct.'));
    expect(password()).toHaveFocus();
    expect(newEmail()).toHaveValue(NEW_EMAIL);
    expect(simulator().outbox()).toHaveLength(0);
  });

  it('says when another account uses the new address', async () => {
    simulator().seedCustomer({ email: 'taken@example.com', password: 'secret-pass' });
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), simulatorDefaults.password);
    await user.type(newEmail(), 'taken@example.com');
    await user.click(submit());
    await waitFor(() =>
      expect(newEmail()).toHaveAccessibleDescription('Another account already uses this email address.'),
    );
  });

  it('keeps every typed value and offers a retry when the network fails', async () => {
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), simulatorDefaults.password);
    await user.type(newEmail(), NEW_EMAIL);
    simulator().failNext({ with: 'network', match: { path: '/email/change' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(password()).toHaveValue(simulatorDefaults.password);
    expect(newEmail()).toHaveValue(NEW_EMAIL);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent(NEW_EMAIL);
  });

  it('keeps the focus on the submit button, aria-disabled, while the request is sent', async () => {
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), simulatorDefaults.password);
    await user.type(newEmail(), NEW_EMAIL);
    simulator().setLatency(150);
    await user.click(submit());
    const pending = screen.getByRole('button', { name: 'Sending…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    await screen.findByRole('status');
    expect(simulator().requestCount('requestEmailChange')).toBe(1);
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = await renderChangeEmail();
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.tab();
    expect(email()).toHaveFocus();
    await user.tab();
    await user.keyboard(simulatorDefaults.password);
    await user.tab();
    await user.keyboard(NEW_EMAIL);
    await user.tab();
    expect(sync()).toHaveFocus();
    await user.keyboard(' ');
    expect(sync()).toBeChecked();
    await user.tab();
    expect(submit()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent(NEW_EMAIL);
  });

  it('takes translated messages', async () => {
    const { user } = await renderChangeEmail(
      <ChangeEmailForm
        messages={{
          'changeEmail.newEmail': 'Neue E-Mail',
          'changeEmail.submit': 'E-Mail ändern',
          'changeEmail.sent': 'Bestätigungslink an {newEmail} gesendet.',
        }}
      />,
    );
    await waitFor(() => expect(email()).toHaveValue(simulatorDefaults.email));
    await user.type(password(), simulatorDefaults.password);
    await user.type(screen.getByLabelText('Neue E-Mail'), NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: 'E-Mail ändern' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Bestätigungslink an ${NEW_EMAIL} gesendet.`);
  });
});

describe('<ChangeEmailForm> composed from parts', () => {
  it('uses the markup it is given', async () => {
    const { user } = await renderChangeEmail(
      <ChangeEmailForm className="email" defaultValues={{ syncContactEmail: true }}>
        <FormError />
        <Field name="email">
          <Label>Email now</Label>
          <Input type="email" className="field" />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>Your password</Label>
          <Input type="password" />
          <FieldError />
        </Field>
        <Field name="newEmail">
          <Label>Email from now on</Label>
          <Input type="email" />
          <FieldError />
        </Field>
        <Field name="syncContactEmail">
          <Checkbox />
          <Label>Contact me there too</Label>
        </Field>
        <FormSuccess>Check your new inbox.</FormSuccess>
        <Submit>Change</Submit>
      </ChangeEmailForm>,
    );
    await waitFor(() => expect(screen.getByLabelText('Email now')).toHaveValue(simulatorDefaults.email));
    expect(screen.getByLabelText('Email now')).toHaveClass('field');
    expect(screen.getByLabelText('Contact me there too')).toBeChecked();
    await user.type(screen.getByLabelText('Your password'), simulatorDefaults.password);
    await user.type(screen.getByLabelText('Email from now on'), NEW_EMAIL);
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Check your new inbox.');
  });
});
