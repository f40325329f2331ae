import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Checkbox, Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { FormSuccess } from '../form/form-success';
import { withLoggedInCustomer } from '../../../.storybook/logged-in-customer';
import { ChangeEmailForm } from './change-email-form';

const NEW_EMAIL = 'jane.new@example.com';

const meta = {
  title: 'Forms/ChangeEmailForm',
  component: ChangeEmailForm,
  decorators: [withLoggedInCustomer],
} satisfies Meta<typeof ChangeEmailForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched, with the current login email filled in from the profile (read-only). */
export const Default: Story = {
  play: async ({ canvas }) => {
    const email = await canvas.findByLabelText('Current login email');
    await waitFor(() => expect(email).toHaveValue(simulatorDefaults.email));
    await expect(email).toHaveAttribute('readonly');
    await expect(email).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('type', 'password');
    await expect(canvas.getByLabelText('New login email')).toHaveValue('');
    await expect(canvas.getByLabelText('Also use the new address as my contact email')).not.toBeChecked();
  },
};

/** Checked before sending: the password is required, and the new address must be valid and a different one. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await waitFor(() => expect(canvas.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
    await userEvent.type(canvas.getByLabelText('New login email'), simulatorDefaults.email.toUpperCase());
    await userEvent.click(canvas.getByRole('button', { name: 'Change login email' }));
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('This field is required.'));
    await expect(canvas.getByLabelText('Password')).toHaveFocus();
    await expect(canvas.getByLabelText('New login email')).toHaveAccessibleDescription(
      'Enter an email address other than the current one.',
    );
    await expect((loaded.simulator as EmporixSimulator).requestCount('requestEmailChange')).toBe(0);
  },
};

/**
 * A wrong password, refused as the live API was seen to refuse a wrong current password (a bare 401): it
 * shows on the password field, nothing is mailed.
 */
export const WrongPassword: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await waitFor(() => expect(canvas.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
    await userEvent.type(canvas.getByLabelText('Password'), 'not-my-password');
    await userEvent.type(canvas.getByLabelText('New login email'), NEW_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: 'Change login email' }));
    await waitFor(() => expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('The password is not correct.'));
    await expect(canvas.getByLabelText('Password')).toHaveFocus();
    await expect(canvas.getByLabelText('New login email')).toHaveValue(NEW_EMAIL);
    await expect((loaded.simulator as EmporixSimulator).outbox()).toHaveLength(0);
  },
};

/** Another account already logs in with the new address: the server's detail shows on that field, which takes the focus. */
export const NewEmailTaken: Story = {
  parameters: {
    simulator: {
      customers: [
        { email: simulatorDefaults.email, password: simulatorDefaults.password, firstName: 'Jane', lastName: 'Doe' },
        { email: NEW_EMAIL, password: 'another-secret' },
      ],
    },
  },
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('New login email'), NEW_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: 'Change login email' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('New login email')).toHaveAccessibleDescription(
        'Another account already uses this email address.',
      ),
    );
    await expect(canvas.getByLabelText('New login email')).toHaveFocus();
  },
};

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type UserEvent = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

async function submitWhileNetworkDown(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  await waitFor(() => expect(canvas.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
  simulator.failNext({ with: 'network', match: { path: '/email/change' } });
  await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
  await userEvent.type(canvas.getByLabelText('New login email'), NEW_EMAIL);
  await userEvent.click(canvas.getByRole('button', { name: 'Change login email' }));
}

/** The network is down: a form-level alert, which takes the focus; every typed value stays. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Password')).toHaveValue(simulatorDefaults.password);
    await expect(canvas.getByLabelText('New login email')).toHaveValue(NEW_EMAIL);
  },
};

/** The journey through a dropped network: the alert, then the retry with every value still there goes through. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Change login email' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(NEW_EMAIL);
  },
};

/**
 * Asking for the change with the keyboard alone: the form tells the shopper to confirm through the link mailed
 * to the new address (see it in the dev inbox), and the login email stays until then. The focus stays on the
 * button the shopper pressed.
 */
export const Success: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await waitFor(() => expect(canvas.getByLabelText('Current login email')).toHaveValue(simulatorDefaults.email));
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByLabelText('Password')).toHaveFocus();
    await userEvent.keyboard(simulatorDefaults.password);
    await userEvent.tab();
    await userEvent.keyboard(NEW_EMAIL);
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(canvas.getByLabelText('Also use the new address as my contact email')).toBeChecked();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      `We sent a confirmation link to ${NEW_EMAIL}. Open it to finish the change; until then, log in with your current email.`,
    );
    await expect(simulator.lastMail('emailChange', NEW_EMAIL)).toBeDefined();
    await expect(simulator.getCustomer(simulatorDefaults.email)).toBeDefined();
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Change login email' })).toHaveFocus();
  },
};

/** Composed from parts: your own markup and copy, including the checkbox; the wiring stays. */
export const Composed: Story = {
  args: {
    defaultValues: { syncContactEmail: true },
    children: (
      <>
        <FormError />
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>Email you log in with</Label>
          <Input type="email" autoComplete="username" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="password" style={{ display: 'grid', gap: 4 }}>
          <Label>Your password</Label>
          <Input type="password" autoComplete="current-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="newEmail" style={{ display: 'grid', gap: 4 }}>
          <Label>Email from now on</Label>
          <Input type="email" autoComplete="email" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="syncContactEmail">
          <Checkbox />
          <Label>Send my mail there too</Label>
        </Field>
        <FormSuccess>
          <strong>Check your new inbox for the confirmation link.</strong>
        </FormSuccess>
        <Submit>{({ pending }) => (pending ? 'Sending…' : 'Change email')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getByLabelText('Email you log in with')).toHaveValue(simulatorDefaults.email));
    await expect(canvas.getByLabelText('Send my mail there too')).toBeChecked();
    await userEvent.type(canvas.getByLabelText('Your password'), simulatorDefaults.password);
    await userEvent.type(canvas.getByLabelText('Email from now on'), NEW_EMAIL);
    await userEvent.click(canvas.getByRole('button', { name: 'Change email' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Check your new inbox for the confirmation link.');
  },
};
