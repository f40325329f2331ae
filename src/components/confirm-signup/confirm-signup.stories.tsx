import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { useSession } from '../../hooks/use-session';
import type { EmporixSimulator } from '../../testing';
import { ConfirmSignup } from './confirm-signup';
import * as ConfirmSignupParts from './parts';

const NEW = { email: 'max.mustermann@example.com', password: 'secret-123' };

/** Signs up on the story's simulator (double opt-in) and returns the token of the activation mail. */
async function activationToken(simulator: EmporixSimulator): Promise<string> {
  const client = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
  await client.signup({ ...NEW, customerDetails: { firstName: 'Max', lastName: 'Mustermann', contactEmail: NEW.email } });
  const mail = simulator.lastMail('activation', NEW.email);
  if (!mail) throw new Error('The simulator sent no activation mail.');
  return mail.token;
}

/** Shows who is logged in, so a story's outcome is visible. */
function SessionLine() {
  const session = useSession();
  return <p>{session.status === 'customer' ? 'Logged in as a customer.' : 'Browsing as a guest.'}</p>;
}

const meta = {
  title: 'Forms/ConfirmSignup',
  component: ConfirmSignup,
  parameters: { simulator: { doubleOptIn: true } },
  args: { token: '', onSuccess: fn() },
  render: (args) => (
    <>
      <ConfirmSignup {...args} />
      <SessionLine />
    </>
  ),
} satisfies Meta<typeof ConfirmSignup>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The link from the activation mail: a shopper signed up with double opt-in (done before the story renders),
 * the token comes from the simulator's outbox. The account is activated once and the shopper is logged in.
 */
export const Success: Story = {
  async beforeEach({ loaded, args }) {
    args.token = await activationToken(loaded.simulator as EmporixSimulator);
  },
  play: async ({ canvas, args, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent('Your account is activated and you are logged in.'),
    );
    await expect(canvas.getByText('Logged in as a customer.')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
    await expect(simulator.getCustomer(NEW.email)?.activated).toBe(true);
    await expect(simulator.requestCount('confirmSignup')).toBe(1);
  },
};

/** While the activation request is in flight (the simulator answers slowly here), a status says so. */
export const Confirming: Story = {
  async beforeEach({ loaded, args }) {
    const simulator = loaded.simulator as EmporixSimulator;
    args.token = await activationToken(simulator);
    simulator.setLatency(800);
  },
  play: async ({ canvas, loaded }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Activating your account…');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Your account is activated'), { timeout: 3000 });
    (loaded.simulator as EmporixSimulator).setLatency(0);
  },
};

/** A link the API refuses (it does not say why: unknown, expired or used): an alert says so, and a form sends a new one. */
export const InvalidToken: Story = {
  args: { token: 'expired-or-unknown-token' },
  async beforeEach({ loaded }) {
    await activationToken(loaded.simulator as EmporixSimulator);
  },
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This activation link did not work: it may have expired or been used already.',
    );
    await userEvent.type(canvas.getByLabelText('Email'), `${NEW.email}{Enter}`);
    await expect(await canvas.findByRole('status')).toHaveTextContent('a new activation link is on its way');
    await expect(simulator.outbox().filter((mail) => mail.kind === 'activation')).toHaveLength(2);
    await expect(canvas.getByText('Browsing as a guest.')).toBeVisible();
  },
};

/** An invalid link with `onResendActivation`: a button hands over to the app (e.g. a resend page). */
export const InvalidTokenWithCallback: Story = {
  args: { token: 'expired-or-unknown-token', onResendActivation: fn() },
  play: async ({ canvas, userEvent, args }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Send me a new activation link' }));
    await expect(args.onResendActivation).toHaveBeenCalledOnce();
  },
};

/**
 * The network drops: the link is single-use and may have been spent already, so the shopper is told to try
 * logging in — no "Try again", which could only report a used link.
 */
export const NetworkDown: Story = {
  async beforeEach({ loaded, args }) {
    const simulator = loaded.simulator as EmporixSimulator;
    args.token = await activationToken(simulator);
    simulator.failNext({ with: 'network', match: { path: '/signup/optin/' } });
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not tell whether your account was activated.');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** The service is unavailable (503, nothing was done): an alert and "Try again", which activates the account. */
export const ServiceUnavailable: Story = {
  async beforeEach({ loaded, args }) {
    const simulator = loaded.simulator as EmporixSimulator;
    args.token = await activationToken(simulator);
    simulator.failNext({ with: 503, match: { path: '/signup/optin/' } });
  },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Your account is activated'));
  },
};

/** Composed from parts: your own copy per state; each part renders in its state only. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <ConfirmSignupParts.Confirming>Hang on, we are activating your account…</ConfirmSignupParts.Confirming>
        <ConfirmSignupParts.Confirmed asChild>
          <strong>Welcome aboard!</strong>
        </ConfirmSignupParts.Confirmed>
        <ConfirmSignupParts.InvalidLink>That link does not work any more.</ConfirmSignupParts.InvalidLink>
        <ConfirmSignupParts.ResendActivation />
        <ConfirmSignupParts.Failed />
        <ConfirmSignupParts.Retry>Retry</ConfirmSignupParts.Retry>
      </>
    ),
  },
  async beforeEach({ loaded, args }) {
    args.token = await activationToken(loaded.simulator as EmporixSimulator);
  },
  play: async ({ canvas }) => {
    const welcome = await canvas.findByText('Welcome aboard!');
    await expect(welcome).toHaveAttribute('role', 'status');
    await expect(welcome.parentElement).toHaveAttribute('data-state', 'confirmed');
  },
};
