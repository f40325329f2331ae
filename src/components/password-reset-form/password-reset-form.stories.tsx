import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, Input, Label, Submit } from '../form/parts';
import { PasswordResetForm } from './password-reset-form';
import { PasswordResetFormError } from './password-reset-form-error';

const NEW_PASSWORD = 'brand-new-1';

type Canvas = ReturnType<typeof within>;
type UserEvent = { type: (element: Element, text: string) => Promise<void>; click: (element: Element) => Promise<void> };

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

/** Stands for the token of a reset mail, requested for the seeded shopper before the story renders. */
const FROM_THE_MAIL = 'token-from-the-mail';

const meta = {
  title: 'Forms/PasswordResetForm',
  component: PasswordResetForm,
  args: { token: FROM_THE_MAIL, onSuccess: fn(), onLogin: fn(), onRequestNewLink: fn() },
  async beforeEach({ loaded, args }) {
    if (args.token === FROM_THE_MAIL) args.token = await mailedToken(loaded.simulator as EmporixSimulator);
  },
} satisfies Meta<typeof PasswordResetForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The complete form it renders without children, untouched: the account's email for password managers
 * (optional: the link does not tell it), the new password twice and the button.
 */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByLabelText('Email')).not.toHaveAttribute('readonly');
    await expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription('At least 6 characters.');
    await expect(canvas.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** The app knows the account's email (from the link, or the request made in this tab): shown read-only. */
export const KnownEmail: Story = {
  args: { email: simulatorDefaults.email },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('readonly');
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'username');
  },
};

/**
 * The new password is set by keyboard only; the outcome takes the focus and "Log in" hands the email over
 * (for `<LoginForm defaultValues={{ email }}>`) — and logging in with the new password works.
 */
export const Success: Story = {
  play: async ({ canvas, userEvent, args, loaded }) => {
    await userEvent.tab();
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await userEvent.keyboard(simulatorDefaults.email);
    await userEvent.tab();
    await expect(canvas.getByLabelText('New password')).toHaveFocus();
    await userEvent.keyboard(NEW_PASSWORD);
    await userEvent.tab();
    await userEvent.keyboard(`${NEW_PASSWORD}{Enter}`);
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent('Your password has been changed. You can now log in with it.');
    await expect(status).toHaveFocus();
    await expect(args.onSuccess).toHaveBeenCalledWith({ email: simulatorDefaults.email });
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await expect(args.onLogin).toHaveBeenCalledWith(simulatorDefaults.email);
    const client = clientOn(loaded.simulator as EmporixSimulator);
    await expect(client.login({ email: simulatorDefaults.email, password: NEW_PASSWORD })).resolves.toBeDefined();
  },
};

async function submitNewPassword(canvas: Canvas, userEvent: UserEvent) {
  await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
  await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
  await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
}

/**
 * A link the API refuses (it does not say why: unknown, expired or used): the form gives way to the message,
 * which takes the focus, and "Request a new link".
 */
export const InvalidToken: Story = {
  args: { token: 'expired-or-used-token' },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await submitNewPassword(canvas, userEvent);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This reset link did not work: it may have expired or been used already.');
    await expect(alert).toHaveFocus();
    await expect(canvas.queryByLabelText('New password')).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Request a new link' }));
    await expect(args.onRequestNewLink).toHaveBeenCalledWith(simulatorDefaults.email);
  },
};

/** An invalid link where the app gives no `onRequestNewLink`: a form that sends a new link shows in place. */
export const InvalidTokenWithoutCallback: Story = {
  args: { token: 'expired-or-used-token', onRequestNewLink: undefined },
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await submitNewPassword(canvas, userEvent);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This reset link did not work');
    const request = canvas.getByRole('form', { name: 'Send me a new link' });
    await expect(within(request).getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await userEvent.click(within(request).getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('status')).toHaveFocus();
    await expect((loaded.simulator as EmporixSimulator).lastMail('passwordReset', simulatorDefaults.email)).toBeDefined();
  },
};

/** A link without a token: invalid from the start, so no form at all; nothing takes the focus, nothing is sent. */
export const MissingToken: Story = {
  args: { token: '' },
  play: async ({ canvas, loaded }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('This reset link did not work');
    await expect(alert).not.toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Request a new link' })).toBeVisible();
    await expect((loaded.simulator as EmporixSimulator).requestCount('resetPassword')).toBe(0);
  },
};

/** The rules are checked before anything is sent: required, 6+ characters, typed twice alike; the first invalid field takes the focus. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const password = canvas.getByLabelText('New password');
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription('This field is required.'));
    await expect(password).toHaveFocus();

    await userEvent.type(password, '12345');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), '54321');
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    // One hint, not two saying the same: the error takes the hint's place.
    await waitFor(() => expect(password).toHaveAccessibleDescription('Must be at least 6 characters.'));
    await expect(password).toHaveFocus();
    await expect(canvas.getByLabelText('Confirm new password')).toHaveAccessibleDescription('The passwords do not match.');
    await expect((loaded.simulator as EmporixSimulator).requestCount('resetPassword')).toBe(0);
  },
};

/** The network drops: an alert, which takes the focus; both passwords stay for a retry. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/password/reset/update' } });
    await submitNewPassword(canvas, userEvent);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Confirm new password')).toHaveValue(NEW_PASSWORD);
  },
};

/** The journey through a dropped network: the alert, then the retry with both passwords still there goes through. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/password/reset/update' } });
    await submitNewPassword(canvas, userEvent);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Your password has been changed.');
  },
};

/** A server error (503) is a form-level alert, which takes the focus. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/password/reset/update' } });
    await submitNewPassword(canvas, userEvent);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/** While the request is in flight the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm new password'), NEW_PASSWORD);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Set new password' }));
    const pending = await canvas.findByRole('button', { name: 'Saving…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toBeVisible();
    simulator.setLatency(0);
  },
};

/** Composed from parts: your own markup, copy and success view; the username field for password managers is yours to place. */
export const Composed: Story = {
  args: {
    renderSuccess: () => <p role="status">All set — your new password works now.</p>,
    children: (
      <>
        <PasswordResetFormError style={{ color: 'crimson' }} />
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>Your email</Label>
          <Input type="email" autoComplete="username" />
        </Field>
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
