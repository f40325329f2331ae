import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, waitFor, within } from 'storybook/test';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { CurrencyOptions } from '../form/choice-options';
import { Checkbox, Field, FieldError, Input, Label, Select, Submit } from '../form/parts';
import { SignupFormError } from './signup-actions';
import { SignupForm } from './signup-form';

const NEW = { email: 'max.mustermann@example.com', password: 'secret-123' };

type Canvas = ReturnType<typeof within>;
type User = { type: (element: Element, text: string) => Promise<void> };

async function fillAccount(canvas: Canvas, userEvent: User, email = NEW.email) {
  await userEvent.type(canvas.getByLabelText('Email'), email);
  await userEvent.type(canvas.getByLabelText('Password'), NEW.password);
  await userEvent.type(canvas.getByLabelText('Confirm password'), NEW.password);
  await userEvent.type(canvas.getByLabelText('First name'), 'Max');
  await userEvent.type(canvas.getByLabelText('Last name'), 'Mustermann');
}

const meta = {
  title: 'Forms/SignupForm',
  component: SignupForm,
} satisfies Meta<typeof SignupForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched: account fields, the company checkbox, the button. */
export const Default: Story = {
  play: async ({ canvas }) => {
    // One password hint, on the password only.
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('At least 6 characters.');
    await expect(canvas.getByLabelText('Confirm password')).not.toHaveAccessibleDescription();
    await expect(canvas.getByLabelText('I am signing up for a company')).not.toBeChecked();
    await expect(canvas.queryByLabelText('Company')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** Signing up without double opt-in: the account is created and the shopper is logged in right away — by keyboard only. */
export const Success: Story = {
  args: { onSuccess: fn() },
  play: async ({ canvas, userEvent, args, loaded }) => {
    await userEvent.tab();
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await userEvent.keyboard(NEW.email);
    await userEvent.tab();
    await userEvent.keyboard(NEW.password);
    await userEvent.tab();
    await userEvent.keyboard(NEW.password);
    await userEvent.tab();
    await userEvent.keyboard('Max');
    await userEvent.tab();
    await userEvent.keyboard('Mustermann{Enter}');
    const status = await canvas.findByRole('status');
    await expect(status).toHaveTextContent('Your account is ready and you are logged in.');
    await expect(status).toHaveFocus();
    await expect(args.onSuccess).toHaveBeenCalledWith({ status: 'loggedIn', email: NEW.email });
    const simulator = loaded.simulator as EmporixSimulator;
    await expect(simulator.getCustomer(NEW.email)).toMatchObject({ contactEmail: NEW.email, activated: true });
  },
};

/**
 * A business customer: the company section opens with its checkbox; with a company registration ID, first
 * name, last name and company are required.
 */
export const B2BSignup: Story = {
  name: 'B2B signup',
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), NEW.email);
    await userEvent.type(canvas.getByLabelText('Password'), NEW.password);
    await userEvent.type(canvas.getByLabelText('Confirm password'), NEW.password);
    await userEvent.click(canvas.getByLabelText('I am signing up for a company'));
    await expect(canvas.getByRole('group', { name: 'Company details' })).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Company registration ID'), 'HRB 12345');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const required = 'Required for a company account (with a company registration ID).';
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveAccessibleDescription(required));
    await expect(canvas.getByLabelText('Last name')).toHaveAccessibleDescription(required);
    await expect(canvas.getByLabelText('Company')).toHaveAccessibleDescription(required);

    await userEvent.type(canvas.getByLabelText('First name'), 'Max');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Mustermann');
    await userEvent.type(canvas.getByLabelText('Company'), 'Mustermann GmbH');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('you are logged in');
    await expect((loaded.simulator as EmporixSimulator).getCustomer(NEW.email)).toMatchObject({
      company: 'Mustermann GmbH',
      b2b: { companyRegistrationId: 'HRB 12345' },
    });
  },
};

/**
 * Every rule is checked before anything is sent: the required fields, a valid email, a password of 6+
 * characters typed twice alike. The first invalid field takes the focus; a field's error takes its hint's place.
 */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();

    await userEvent.type(canvas.getByLabelText('Email'), 'max@');
    await userEvent.type(canvas.getByLabelText('Password'), '123');
    await userEvent.type(canvas.getByLabelText('Confirm password'), '456');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('Must be at least 6 characters.');
    await expect(canvas.getByLabelText('Confirm password')).toHaveAccessibleDescription('The passwords do not match.');
    await expect((loaded.simulator as EmporixSimulator).requestCount('signup')).toBe(0);
  },
};

/** The server refuses with field details (injected here): `customerDetails.firstName` lands on "First name". */
export const ServerFieldErrors: Story = {
  beforeEach({ msw, loaded }) {
    const simulator = loaded.simulator as EmporixSimulator;
    msw.use(
      http.post(`${simulator.baseUrl}/customer/${simulator.tenant}/signup`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: 'The request failed validation.',
            details: [
              { field: 'customerDetails.firstName', type: 'invalid_value', message: 'First name contains characters we cannot store.' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
  },
  play: async ({ canvas, userEvent }) => {
    await fillAccount(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const firstName = canvas.getByLabelText('First name');
    await waitFor(() => expect(firstName).toHaveAccessibleDescription('First name contains characters we cannot store.'));
    await expect(firstName).toHaveFocus();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** The email already has an account (409): the form says so and offers to log in or reset the password. */
export const AccountExists: Story = {
  args: { onLoginInstead: fn(), onResetPassword: fn() },
  play: async ({ canvas, userEvent, args }) => {
    await fillAccount(canvas, userEvent, simulatorDefaults.email);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('An account with this email already exists.');
    await waitFor(() => expect(alert).toHaveFocus());
    await userEvent.click(within(alert).getByRole('button', { name: 'Log in instead' }));
    await expect(args.onLoginInstead).toHaveBeenCalledWith(simulatorDefaults.email);
    await userEvent.click(within(alert).getByRole('button', { name: 'Reset password' }));
    await expect(args.onResetPassword).toHaveBeenCalledWith(simulatorDefaults.email);
  },
};

/**
 * A tenant with double opt-in (`activation="doubleOptIn"`): the account waits for the mailed link, so the form
 * tries no login and says "check your inbox"; the link can be sent again.
 */
export const DoubleOptInPending: Story = {
  parameters: { simulator: { activation: 'doubleOptIn' } },
  args: { activation: 'doubleOptIn', onSuccess: fn() },
  play: async ({ canvas, userEvent, args, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await fillAccount(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const status = await canvas.findByText(/Check your inbox/);
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveTextContent(`we sent a link to ${NEW.email}`);
    await expect(args.onSuccess).toHaveBeenCalledWith({ status: 'confirmationPending', email: NEW.email });
    await expect(simulator.lastMail('activation', NEW.email)).toBeDefined();
    await expect(simulator.requestCount('login')).toBe(0);

    await userEvent.click(canvas.getByRole('button', { name: 'Send the link again' }));
    await expect(await canvas.findByText('We sent a new link. Check your inbox.')).toBeVisible();
    await expect(simulator.outbox().filter((mail) => mail.kind === 'activation')).toHaveLength(2);
  },
};

/**
 * A tenant whose employees activate new accounts (`activation="employee"`): no login is tried, and the
 * shopper reads that the account awaits activation.
 */
export const AwaitingActivation: Story = {
  parameters: { simulator: { activation: 'employee' } },
  args: { activation: 'employee', onSuccess: fn() },
  play: async ({ canvas, userEvent, args, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await fillAccount(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const status = await canvas.findByText(/awaits activation/);
    await expect(status).toHaveAttribute('role', 'status');
    await waitFor(() => expect(status).toHaveFocus());
    await expect(args.onSuccess).toHaveBeenCalledWith({ status: 'awaitingActivation', email: NEW.email });
    await expect(simulator.requestCount('login')).toBe(0);
    await expect(simulator.outbox()).toHaveLength(0);
  },
};

/** The network drops: the form says so in an alert, which takes the focus, and keeps every value. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await fillAccount(canvas, userEvent);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/signup' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Password')).toHaveValue(NEW.password);
    await expect(canvas.getByLabelText('Last name')).toHaveValue('Mustermann');
  },
};

/** The journey through a dropped network: the alert, then the retry with every value still there creates the account. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await fillAccount(canvas, userEvent);
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { path: '/signup' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('you are logged in');
  },
};

/** A server error (503): a form-level alert, which takes the focus; nothing lost. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await fillAccount(canvas, userEvent);
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: '/signup' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(NEW.email);
  },
};

/**
 * The server refuses fields the form does not show (injected here: a phone number and a postcode of the
 * delivery address): no detail is lost — each is listed in the alert, naming its field.
 */
export const ServerDetailsForFieldsNotShown: Story = {
  beforeEach({ msw, loaded }) {
    const simulator = loaded.simulator as EmporixSimulator;
    msw.use(
      http.post(`${simulator.baseUrl}/customer/${simulator.tenant}/signup`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: 'The request failed validation.',
            details: [
              { field: 'customerDetails.contactPhone', type: 'invalid_value', message: 'Not a phone number.' },
              { field: 'customerAddress.zipCode', type: 'invalid_value', message: 'Unknown postcode.' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
  },
  play: async ({ canvas, userEvent }) => {
    await fillAccount(canvas, userEvent);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Some of your entries were not accepted.');
    await expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Contact phone: Not a phone number.',
      'Zip code: Unknown postcode.',
    ]);
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/** While the signup is in flight the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await fillAccount(canvas, userEvent);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const pending = await canvas.findByRole('button', { name: 'Creating your account…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(pending).toHaveAttribute('data-pending');
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toHaveTextContent('you are logged in');
    simulator.setLatency(0);
  },
};

/** Composed from parts: your own markup and copy, a currency select of the shop's currencies; the wiring, the 409 actions and the outcome stay. */
export const Composed: Story = {
  args: {
    onLoginInstead: fn(),
    children: (
      <>
        <SignupFormError style={{ color: 'crimson' }} />
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>Email address</Label>
          <Input type="email" autoComplete="email" placeholder="you@example.com" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="password" style={{ display: 'grid', gap: 4 }}>
          <Label>Choose a password</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="confirmPassword" style={{ display: 'grid', gap: 4 }}>
          <Label>Repeat it</Label>
          <Input type="password" autoComplete="new-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="preferredCurrency" style={{ display: 'grid', gap: 4 }}>
          <Label>Currency</Label>
          <Select>
            <CurrencyOptions choices={['EUR', 'USD', 'CHF']} />
          </Select>
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="forCompany">
          <Checkbox />
          <Label>Business account</Label>
        </Field>
        <Submit>{({ pending }) => (pending ? 'Signing up…' : 'Sign up')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email address'), NEW.email);
    await userEvent.type(canvas.getByLabelText('Choose a password'), NEW.password);
    await userEvent.type(canvas.getByLabelText('Repeat it'), NEW.password);
    await userEvent.selectOptions(canvas.getByLabelText('Currency'), 'Euro');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign up' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('you are logged in');
    await expect((loaded.simulator as EmporixSimulator).getCustomer(NEW.email)?.preferredCurrency).toBe('EUR');
  },
};
