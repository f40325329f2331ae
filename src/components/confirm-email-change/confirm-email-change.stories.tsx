import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { ConfirmEmailChange } from './confirm-email-change';
import * as ConfirmEmailChangeParts from './parts';

const NEW_EMAIL = 'jane.new@example.com';

/**
 * Before the story renders: the seeded shopper asks (on a client of their own) to change the login email, and
 * the token of the mail sent to the new address becomes the story's `token` — as if they followed the link.
 */
async function requestEmailChange({ loaded, args }: { loaded: Record<string, unknown>; args: { token: string } }) {
  const simulator = loaded.simulator as EmporixSimulator;
  const client = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  await client.requestEmailChange({
    email: simulatorDefaults.email,
    password: simulatorDefaults.password,
    newEmail: NEW_EMAIL,
    syncContactEmail: true,
  });
  await client.logout();
  const mail = simulator.lastMail('emailChange', NEW_EMAIL);
  if (!mail) throw new Error('The simulator sent no email-change mail.');
  args.token = mail.token;
}

const meta = {
  title: 'Forms/ConfirmEmailChange',
  component: ConfirmEmailChange,
  args: { token: 'set-before-each-story' },
} satisfies Meta<typeof ConfirmEmailChange>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The link from the mail is followed: the change is confirmed once, and the new address logs in from now on. */
export const Success: Story = {
  beforeEach: requestEmailChange,
  play: async ({ canvas, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await expect(await canvas.findByText(/Your login email has been changed/)).toHaveAttribute('role', 'status');
    await expect(simulator.requestCount('confirmEmailChange')).toBe(1);
    await expect(simulator.getCustomer(NEW_EMAIL)).toMatchObject({ email: NEW_EMAIL, contactEmail: NEW_EMAIL });
    await expect(simulator.getCustomer(simulatorDefaults.email)).toBeUndefined();
  },
};

/** A token the API refuses (unknown, expired or already used — it does not say): an alert says the link did not work. */
export const InvalidToken: Story = {
  args: { token: 'unknown-or-used-token' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This confirmation link did not work: it may have expired or been used already.',
    );
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument();
  },
};

/** The network is down when the link is followed: an alert and "Try again", here pressed with the keyboard. */
export const NetworkDown: Story = {
  beforeEach: async (context) => {
    await requestEmailChange(context);
    (context.loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/email/change/confirm' } });
  },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We could not reach the server. Check your connection and try again.',
    );
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText(/Your login email has been changed/)).toBeVisible();
  },
};

/** While the confirmation is on its way (a slow simulator here), a status says so. */
export const Confirming: Story = {
  beforeEach: async (context) => {
    await requestEmailChange(context);
    (context.loaded.simulator as EmporixSimulator).setLatency(800);
  },
  play: async ({ canvas, loaded }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Confirming your new email address…');
    await expect(await canvas.findByText(/Your login email has been changed/, {}, { timeout: 3000 })).toBeVisible();
    (loaded.simulator as EmporixSimulator).setLatency(0);
  },
};

/** Composed from parts: each renders in its state only, with your own markup and copy. */
export const Composed: Story = {
  beforeEach: requestEmailChange,
  args: {
    children: (
      <>
        <ConfirmEmailChangeParts.Confirming>One moment…</ConfirmEmailChangeParts.Confirming>
        <ConfirmEmailChangeParts.Confirmed>
          <strong>Done.</strong> Log in with {NEW_EMAIL} from now on.
        </ConfirmEmailChangeParts.Confirmed>
        <ConfirmEmailChangeParts.InvalidLink />
        <ConfirmEmailChangeParts.Failed />
        <ConfirmEmailChangeParts.Retry>Retry</ConfirmEmailChangeParts.Retry>
      </>
    ),
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(`Log in with ${NEW_EMAIL} from now on.`, { exact: false })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(`Done. Log in with ${NEW_EMAIL} from now on.`);
  },
};
