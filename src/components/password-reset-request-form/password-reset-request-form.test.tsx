import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, server, setupSimulator } from '../../../test/harness';
import { simulatorDefaults } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { PasswordResetRequestForm } from './password-reset-request-form';

const simulator = setupSimulator();

function renderRequest(ui = <PasswordResetRequestForm />) {
  const client = createTestClient(simulator());
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

/** Records the bodies of password reset requests; the simulator still answers them. */
function recordResetBodies(): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${simulatorDefaults.baseUrl}/customer/${simulatorDefaults.tenant}/password/reset`, async ({ request }) => {
      bodies.push(await request.clone().json());
    }),
  );
  return bodies;
}

const submit = () => screen.getByRole('button', { name: 'Send reset link' });
const sent = (email: string) => `If an account exists for ${email}, we sent it a link to reset the password.`;

describe('<PasswordResetRequestForm>', () => {
  it('renders a labelled email field and a submit button', () => {
    renderRequest();
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(submit()).toBeEnabled();
  });

  it('requests a reset mail and confirms without saying whether the account exists', async () => {
    const onSuccess = vi.fn();
    const { user } = renderRequest(<PasswordResetRequestForm onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.click(submit());
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(sent(simulatorDefaults.email));
    expect(status).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith({ email: simulatorDefaults.email });
    expect(simulator().lastMail('passwordReset', simulatorDefaults.email)?.token).toEqual(expect.any(String));
  });

  it('answers an unknown email with the same message', async () => {
    const { user } = renderRequest();
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent(sent('nobody@example.com'));
    expect(simulator().outbox()).toEqual([]);
  });

  it('passes the site through', async () => {
    const bodies = recordResetBodies();
    const { user } = renderRequest(<PasswordResetRequestForm site="b2b-shop" />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.click(submit());
    await screen.findByRole('status');
    expect(bodies).toEqual([{ email: simulatorDefaults.email, site: 'b2b-shop' }]);
  });

  it('sends no site without one', async () => {
    const bodies = recordResetBodies();
    const { user } = renderRequest();
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.click(submit());
    await screen.findByRole('status');
    expect(bodies).toEqual([{ email: simulatorDefaults.email }]);
  });

  it('validates the email before sending anything', async () => {
    const { user } = renderRequest();
    await user.type(screen.getByLabelText('Email'), 'jane@');
    await user.click(submit());
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(simulator().requestCount('requestPasswordReset')).toBe(0);
  });

  it('keeps the email and offers a retry after a server error', async () => {
    const { user } = renderRequest();
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    simulator().failNext({ with: 503, match: { path: '/password/reset' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent(sent(simulatorDefaults.email));
  });

  it('keeps the focus on the submit button, aria-disabled, while pending', async () => {
    simulator().setLatency(150);
    const { user } = renderRequest();
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.click(submit());
    const pending = await screen.findByRole('button', { name: 'Sending…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(await screen.findByRole('status', {}, { timeout: 3000 })).toBeInTheDocument();
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = renderRequest();
    await user.tab();
    await user.keyboard(`${simulatorDefaults.email}{Enter}`);
    expect(await screen.findByRole('status')).toHaveTextContent(sent(simulatorDefaults.email));
  });

  it('takes translated messages', async () => {
    const { user } = renderRequest(
      <PasswordResetRequestForm messages={{ 'passwordResetRequest.email': 'E-Mail', 'field.required': 'Pflichtfeld' }} />,
    );
    await user.click(submit());
    expect(await screen.findByLabelText('E-Mail')).toHaveAccessibleDescription('Pflichtfeld');
  });

  it('is composed from the parts it is given', async () => {
    const { user } = renderRequest(
      <PasswordResetRequestForm className="reset">
        <FormError />
        <Field name="email">
          <Label>Your email</Label>
          <Input type="email" />
          <FieldError />
        </Field>
        <Submit>Reset</Submit>
      </PasswordResetRequestForm>,
    );
    await user.type(screen.getByLabelText('Your email'), simulatorDefaults.email);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(await screen.findByRole('status')).toHaveTextContent(sent(simulatorDefaults.email));
  });
});
