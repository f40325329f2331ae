import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import type { EmporixSimulator } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { ResendActivationForm } from './resend-activation-form';

const WAITING = 'waiting@example.com';

const meta = {
  title: 'Forms/ResendActivationForm',
  component: ResendActivationForm,
  parameters: {
    simulator: { doubleOptIn: true, customers: [{ email: WAITING, password: 'secret-123', activated: false }] },
  },
  args: { onSuccess: fn() },
} satisfies Meta<typeof ResendActivationForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched: one email field and the button. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    await expect(canvas.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByRole('button', { name: 'Send activation link' })).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** A new activation mail goes out (keyboard only); the message says a link is on its way. */
export const Success: Story = {
  play: async ({ canvas, userEvent, args, loaded }) => {
    await userEvent.tab();
    await userEvent.keyboard(`${WAITING}{Enter}`);
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent(
      `If an account for ${WAITING} is waiting for activation, a new activation link is on its way. Check your inbox.`,
    );
    await expect(status).toHaveFocus();
    await expect(args.onSuccess).toHaveBeenCalledWith({ email: WAITING });
    await expect((loaded.simulator as EmporixSimulator).lastMail('activation', WAITING)).toBeDefined();
  },
};

/** An email without an account gets the very same answer: the form never reveals who has an account. */
export const UnknownEmail: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), 'nobody@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      'If an account for nobody@example.com is waiting for activation, a new activation link is on its way.',
    );
    await expect((loaded.simulator as EmporixSimulator).outbox()).toHaveLength(0);
  },
};

/** An empty field, then an address that is not one: refused before anything is sent, and the field takes the focus. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await userEvent.type(canvas.getByLabelText('Email'), 'waiting@');
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await expect((loaded.simulator as EmporixSimulator).requestCount('resendActivation')).toBe(0);
  },
};

/** The network drops: an alert, which takes the focus; the email stays for a retry. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), WAITING);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/refresh_token' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(WAITING);
  },
};

/** The journey through a dropped network: the alert, then the retry with the email still there goes through. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), WAITING);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/refresh_token' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('a new activation link is on its way');
  },
};

/** A server error (503) is a form-level alert, which takes the focus. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), WAITING);
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/refresh_token' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/** While the request is in flight the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(canvas.getByLabelText('Email'), WAITING);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Send activation link' }));
    const pending = await canvas.findByRole('button', { name: 'Sending…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toBeVisible();
    simulator.setLatency(0);
  },
};

/** Composed from parts, with a success view of your own. */
export const Composed: Story = {
  args: {
    renderSuccess: ({ email }) => <p role="status">Done — look for a mail to {email}.</p>,
    children: (
      <>
        <FormError />
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>The email you signed up with</Label>
          <Input type="email" autoComplete="email" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Submit>{({ pending }) => (pending ? 'One moment…' : 'Resend')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('The email you signed up with'), `${WAITING}{Enter}`);
    await expect(await canvas.findByRole('status')).toHaveTextContent(`Done — look for a mail to ${WAITING}.`);
  },
};
