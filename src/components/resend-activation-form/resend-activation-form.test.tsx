import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { ResendActivationForm } from './resend-activation-form';

const simulator = setupSimulator();

const WAITING = 'waiting@example.com';

function renderResend(ui = <ResendActivationForm />) {
  const client = createTestClient(simulator());
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

const submit = () => screen.getByRole('button', { name: 'Send activation link' });

describe('<ResendActivationForm>', () => {
  it('renders a labelled email field and a submit button', () => {
    renderResend();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(submit()).toBeEnabled();
  });

  it('sends a new activation mail and says a link is on its way', async () => {
    simulator().seedCustomer({ email: WAITING, password: 'secret-1', activated: false });
    const onSuccess = vi.fn();
    const { user } = renderResend(<ResendActivationForm onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText('Email'), ` ${WAITING} `);
    await user.click(submit());
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(`If an account for ${WAITING} is waiting for activation, a new activation link is on its way.`);
    expect(status).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith({ email: WAITING });
    expect(simulator().lastMail('activation', WAITING)).toBeDefined();
  });

  it('answers an unknown email the same way, revealing nothing', async () => {
    const { user } = renderResend();
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account for nobody@example.com is waiting for activation, a new activation link is on its way.',
    );
    expect(simulator().outbox()).toEqual([]);
  });

  it('validates the email before sending anything', async () => {
    const { user } = renderResend();
    await user.click(submit());
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(submit());
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    expect(simulator().requestCount('resendActivation')).toBe(0);
  });

  it('keeps the email and offers a retry when the network fails', async () => {
    const { user } = renderResend();
    await user.type(screen.getByLabelText('Email'), WAITING);
    simulator().failNext({ with: 'network', match: { path: '/signup/optin/refresh_token' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(screen.getByLabelText('Email')).toHaveValue(WAITING);
    await user.click(submit());
    expect(await screen.findByRole('status')).toBeInTheDocument();
  });

  it('keeps the focus on the submit button, aria-disabled, while pending', async () => {
    simulator().setLatency(150);
    const { user } = renderResend();
    await user.type(screen.getByLabelText('Email'), WAITING);
    await user.click(submit());
    const pending = await screen.findByRole('button', { name: 'Sending…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(await screen.findByRole('status', {}, { timeout: 3000 })).toBeInTheDocument();
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = renderResend();
    await user.tab();
    await user.keyboard(`${WAITING}{Enter}`);
    expect(await screen.findByRole('status')).toHaveTextContent(WAITING);
  });

  it('takes translated messages and a prefilled email', async () => {
    const { user } = renderResend(
      <ResendActivationForm
        defaultValues={{ email: WAITING }}
        messages={{ 'resendActivation.submit': 'Link erneut senden', 'resendActivation.sent': 'Unterwegs an {email}.' }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Link erneut senden' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Unterwegs an ${WAITING}.`);
  });

  it('is composed from the parts it is given', async () => {
    const { user } = renderResend(
      <ResendActivationForm renderSuccess={({ email }) => <p role="status">Sent to {email}</p>}>
        <FormError />
        <Field name="email">
          <Label>Your email</Label>
          <Input type="email" />
          <FieldError />
        </Field>
        <Submit>Resend</Submit>
      </ResendActivationForm>,
    );
    await user.type(screen.getByLabelText('Your email'), WAITING);
    await user.click(screen.getByRole('button', { name: 'Resend' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Sent to ${WAITING}`);
  });
});
