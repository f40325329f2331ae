import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { FormSuccess } from '../form/form-success';
import { withLoggedInCustomer } from '../../../.storybook/logged-in-customer';
import { ChangePasswordForm } from './change-password-form';

const NEW_PASSWORD = 'battery-staple';

/** Whether the simulator accepts these credentials now, on a client of its own. */
async function canLogIn(simulator: EmporixSimulator, password: string): Promise<boolean> {
  const client = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
  try {
    await client.login({ email: simulatorDefaults.email, password });
    return true;
  } catch {
    return false;
  }
}

const meta = {
  title: 'Forms/ChangePasswordForm',
  component: ChangePasswordForm,
  decorators: [withLoggedInCustomer],
} satisfies Meta<typeof ChangePasswordForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The complete form it renders without children, untouched: current password, new password twice, submit —
 * and, hidden, the login email for password managers.
 */
export const Default: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    await waitFor(() =>
      expect(canvasElement.querySelector('input[autocomplete="username"]')).toHaveValue(simulatorDefaults.email),
    );
    await expect(canvasElement.querySelector('input[autocomplete="username"]')).not.toBeVisible();
    await expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription('At least 6 characters.');
    await expect(canvas.getByLabelText('Repeat the new password')).toHaveAttribute('type', 'password');
    await expect(canvas.getByRole('button', { name: 'Change password' })).not.toHaveAttribute('aria-disabled');
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/**
 * Checked before sending: every field, a new password of 6 characters or more, other than the current one,
 * typed twice alike. The first invalid field takes the focus.
 */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const current = await canvas.findByLabelText('Current password');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('This field is required.'));
    await expect(current).toHaveFocus();

    await userEvent.type(current, simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('New password'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('Repeat the new password'), 'something-else');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription('Choose a password other than the current one.'),
    );
    await expect(canvas.getByLabelText('New password')).toHaveFocus();
    await expect(canvas.getByLabelText('Repeat the new password')).toHaveAccessibleDescription(
      'The passwords do not match.',
    );

    await userEvent.clear(canvas.getByLabelText('New password'));
    await userEvent.type(canvas.getByLabelText('New password'), '12345');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New password')).toHaveAccessibleDescription('Must be at least 6 characters.'),
    );
    await expect((loaded.simulator as EmporixSimulator).requestCount('changePassword')).toBe(0);
  },
};

/**
 * A wrong current password, refused as the live API was seen to refuse it (a bare 401): it shows on that
 * field, which takes the focus, and the session stays.
 */
export const WrongCurrentPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    const current = await canvas.findByLabelText('Current password');
    await userEvent.type(current, 'not-my-password');
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat the new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is not correct.'));
    await expect(current).toHaveFocus();
    await expect(current).toHaveValue('not-my-password');
    await expect(canvas.queryByRole('status')).not.toBeInTheDocument();
  },
};

/** A server error (503): a form-level alert, which takes the focus; the typed passwords stay for another try. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/password/change' } });
    await userEvent.type(await canvas.findByLabelText('Current password'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat the new password'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('New password')).toHaveValue(NEW_PASSWORD);
  },
};

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type UserEvent = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

async function submitWhileNetworkDown(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  simulator.failNext({ with: 'network', match: { path: '/password/change' } });
  await userEvent.type(await canvas.findByLabelText('Current password'), simulatorDefaults.password);
  await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
  await userEvent.type(canvas.getByLabelText('Repeat the new password'), NEW_PASSWORD);
  await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
}

/** The network is down: a form-level alert, which takes the focus; the typed passwords stay. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Current password')).toHaveValue(simulatorDefaults.password);
  },
};

/** The journey through a dropped network: the alert, then the retry with the passwords still there goes through. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Your password has been changed.');
  },
};

/** While the change is sent (a slow simulator here) the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(await canvas.findByLabelText('Current password'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('Repeat the new password'), NEW_PASSWORD);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    const pending = canvas.getByRole('button', { name: 'Changing password…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(pending).toHaveAttribute('data-pending');
    await expect(await canvas.findByRole('status', {}, { timeout: 3000 })).toHaveTextContent(
      'Your password has been changed.',
    );
    simulator.setLatency(0);
  },
};

/**
 * Changing the password with the keyboard alone: the form says so, clears the fields, and the new one logs
 * in. The focus stays where the shopper pressed Enter.
 */
export const Success: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByLabelText('Current password');
    await userEvent.tab();
    await expect(canvas.getByLabelText('Current password')).toHaveFocus();
    await userEvent.keyboard(simulatorDefaults.password);
    await userEvent.tab();
    await userEvent.keyboard(NEW_PASSWORD);
    await userEvent.tab();
    await userEvent.keyboard(`${NEW_PASSWORD}{Enter}`);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Your password has been changed.');
    await expect(canvas.getByLabelText('Repeat the new password')).toHaveFocus();
    await expect(canvas.getByLabelText('Current password')).toHaveValue('');
    await expect(canvas.getByLabelText('New password')).toHaveValue('');
    await expect(await canLogIn(simulator, NEW_PASSWORD)).toBe(true);
  },
};

/** Composed from parts: your own markup and copy; the wiring (errors, pending, success) stays. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <FormError />
        <Field name="currentPassword" style={{ display: 'grid', gap: 4 }}>
          <Label>Password you use now</Label>
          <Input type="password" autoComplete="current-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="newPassword" style={{ display: 'grid', gap: 4 }}>
          <Label>New password</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="confirmNewPassword" style={{ display: 'grid', gap: 4 }}>
          <Label>New password, again</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <FormSuccess>
          <strong>Password updated.</strong>
        </FormSuccess>
        <Submit>{({ pending }) => (pending ? 'Updating…' : 'Update password')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('Password you use now'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('New password'), NEW_PASSWORD);
    await userEvent.type(canvas.getByLabelText('New password, again'), NEW_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Update password' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Password updated.');
  },
};
