import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, Input, Label, Submit } from '../form/parts';
import { PasswordResetForm } from './password-reset-form';
import { PasswordResetFormError } from './password-reset-form-error';

const NEW_PASSWORD = 'brand-new-1';

function clientOn(simulator: EmporixSimulator) {
  return createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
}

/** Requests a reset for the seeded shopper and returns the token of the mail, as the link would carry it. */
async function mailedToken(simulator: EmporixSimulator): Promise<string> {
  await clientOn(simulator).requestPasswordReset({ email: simulatorDefaults.email });
  const mail = simulator.lastMail('passwordReset', simulatorDefaults.email);
  if (!mail) throw new Error('The simulator sent no reset mail.');
  return mail.token;
}

const meta = {
  title: 'Forms/PasswordResetForm',
  component: PasswordResetForm,
  args: { token: '', onSuccess: fn(), onLogin: fn(), onRequestNewLink: fn() },
  async beforeEach({ loaded, args }) {
    if (args.token === '') args.token = await mailedToken(loaded.simulator as EmporixSimulator);
  },
} satisfies Meta<typeof PasswordResetForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children: the new password twice and the button. */
export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription('At least 6 characters.');
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await expect(canvas.getByLabelText('New password')).toHaveFocus();
    await expect(canvas.getByLabelText('Confirm new password')).toHaveAccessibleDescription('This field is required.');
  },
};

/**
 * The token of a reset mail (requested before the story renders): the new password is set by keyboard only,
 * then "Log in" is offered — and logging in with the new password works.
 */
export const Success: Story = {
  play: async ({ canvas, userEvent, args, loaded }) => {
    await userEvent.tab();
    await expect(canvas.getByLabelText('New password')).toHaveFocus();
    await userEvent.keyboard(NEW_PASSWORD);
    await userEvent.tab();
    await userEvent.keyboard(`${NEW_PASSWORD}{Enter}`);
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent('Your password has been changed. You can now log in with it.');
    await expect(args.onSuccess).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await expect(args.onLogin).toHaveBeenCalledOnce();
    const client = clientOn(loaded.simulator as EmporixSimulator);
    await expect(client.login({ email: simulatorDefaults.email, password: NEW_PASSWORD })).resolves.toBeDefined();
  },
};

/** An unknown, expired or used link: the form says so and offers to request a new one. */
export const InvalidToken: Story = {
  args: { token: 'expired-or-used-token' },
  // The form recognises a refused link by a 400 `invalid_token` with a detail on `token`, a shape no source documents.
  parameters: { simulator: { undocumented: { usedToken: 'invalidToken400' } } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This reset link is invalid, expired or already used. Request a new one.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Request a new link' }));
    await expect(args.onRequestNewLink).toHaveBeenCalledOnce();
  },
};

/** The rules are checked before anything is sent: 6+ characters, typed twice alike. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('New password'), '12345');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), '54321');
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription(
        'At least 6 characters. Must be at least 6 characters.',
      ),
    );
    await expect(canvas.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The passwords do not match.');
    await expect((loaded.simulator as EmporixSimulator).requestCount('resetPassword')).toBe(0);
  },
};

/** The network drops: an alert, both passwords stay, the retry goes through. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/password/reset/update' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await expect(canvas.getByLabelText('Confirm new password')).toHaveValue(NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Your password has been changed.');
  },
};

/** A server error (503) is a form-level alert. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/password/reset/update' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** While the request is in flight the button is disabled and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    const pending = await canvas.findByRole('button', { name: 'Saving…' });
    await expect(pending).toBeDisabled();
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toBeVisible();
    simulator.setLatency(0);
  },
};

/** Composed from parts: your own markup, copy and success view; the invalid-link action stays. */
export const Composed: Story = {
  args: {
    renderSuccess: () => <p role="status">All set — your new password works now.</p>,
    children: (
      <>
        <PasswordResetFormError style={{ color: 'crimson' }} />
        <Field name="password" style={{ display: 'grid', gap: 4 }}>
          <Label>Pick a new password</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="confirmPassword" style={{ display: 'grid', gap: 4 }}>
          <Label>Type it again</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Submit>Save password</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Pick a new password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Type it again'), `${NEW_PASSWORD}{Enter}`);
    await expect(await canvas.findByRole('status')).toHaveTextContent('All set — your new password works now.');
  },
};
