import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { PasswordResetRequestForm } from './password-reset-request-form';

const sent = (email: string) => `If an account exists for ${email}, we sent it a link to reset the password. Check your inbox.`;

const meta = {
  title: 'Forms/PasswordResetRequestForm',
  component: PasswordResetRequestForm,
  args: { onSuccess: fn() },
} satisfies Meta<typeof PasswordResetRequestForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched: one email field and the button. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    await expect(canvas.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByRole('button', { name: 'Send reset link' })).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** The reset mail goes out (keyboard only) and lands in the simulator's outbox; the message reveals nothing. */
export const Success: Story = {
  args: { site: 'main' },
  play: async ({ canvas, userEvent, args, loaded }) => {
    await userEvent.tab();
    await userEvent.keyboard(`${simulatorDefaults.email}{Enter}`);
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent(sent(simulatorDefaults.email));
    await expect(status).toHaveFocus();
    await expect(args.onSuccess).toHaveBeenCalledWith({ email: simulatorDefaults.email });
    await expect((loaded.simulator as EmporixSimulator).lastMail('passwordReset', simulatorDefaults.email)).toBeDefined();
  },
};

/** An email without an account gets the very same answer. */
export const UnknownEmail: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), 'nobody@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(sent('nobody@example.com'));
    await expect((loaded.simulator as EmporixSimulator).outbox()).toHaveLength(0);
  },
};

/** An empty field, then an address that is not one: refused before anything is sent, and the field takes the focus. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await userEvent.type(canvas.getByLabelText('Email'), 'jane@');
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await expect((loaded.simulator as EmporixSimulator).requestCount('requestPasswordReset')).toBe(0);
  },
};

/** The network drops: an alert, which takes the focus; the email stays for a retry. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/password/reset' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
  },
};

/** The journey through a dropped network: the alert, then the retry with the email still there goes through. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/password/reset' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(sent(simulatorDefaults.email));
  },
};

/** A server error (503) is a form-level alert, which takes the focus. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/password/reset' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/** While the request is in flight the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    const pending = await canvas.findByRole('button', { name: 'Sending…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toBeVisible();
    simulator.setLatency(0);
  },
};

/** Composed from parts: your own markup and copy. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <FormError />
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>Your account email</Label>
          <Input type="email" autoComplete="email" placeholder="you@example.com" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Submit>{({ pending }) => (pending ? 'Sending…' : 'Email me a link')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Your account email'), `${simulatorDefaults.email}{Enter}`);
    await expect(await canvas.findByRole('status')).toHaveTextContent(sent(simulatorDefaults.email));
  },
};
