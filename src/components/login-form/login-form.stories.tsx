import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { useCustomer } from '../../hooks/use-customer';
import { useSession } from '../../hooks/use-session';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { LoginForm } from './login-form';

/** Shows who the simulator says is logged in, so a story's outcome is visible. */
function Greeting() {
  const session = useSession();
  const { data: customer } = useCustomer();
  if (session.status !== 'customer') return null;
  return <p role="status">{customer ? `Welcome back, ${customer.firstName} ${customer.lastName}.` : 'Loading your profile…'}</p>;
}

const meta = {
  title: 'Forms/LoginForm',
  component: LoginForm,
  render: (args) => (
    <>
      <LoginForm {...args} />
      <Greeting />
    </>
  ),
} satisfies Meta<typeof LoginForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched: labels, inputs and the submit button. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'username');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    await expect(canvas.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByRole('button', { name: 'Log in' })).not.toHaveAttribute('aria-disabled');
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** Started with an email, as the login page gets it after a password reset (`defaultValues`). */
export const PrefilledEmail: Story = {
  args: { defaultValues: { email: simulatorDefaults.email } },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await expect(canvas.getByLabelText('Password')).toHaveValue('');
  },
};

/** Logging in on the simulator, then the profile loads with the customer token; the focus stays on the button. */
export const Success: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await expect(await canvas.findByText('Welcome back, Jane Doe.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Log in' })).toHaveFocus();
    await expect(loaded.simulator.requestCount('login')).toBe(1);
  },
};

/**
 * A wrong password: the refusal shows as a form-level alert, which takes the focus; the typed email stays. The
 * API does not say why it refused (wrong password, unknown email, or an account not activated yet), so the
 * message claims none of them.
 */
export const WrongPassword: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), 'not-my-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not log you in with this email and password.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await expect(canvas.queryByRole('status')).not.toBeInTheDocument();
  },
};

/** Keyboard only: Tab into the form, type, Enter to submit; the focus stays where the shopper pressed Enter. */
export const KeyboardOnly: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await userEvent.keyboard(simulatorDefaults.email);
    await userEvent.tab();
    await userEvent.keyboard(`${simulatorDefaults.password}{Enter}`);
    await expect(await canvas.findByText('Welcome back, Jane Doe.')).toBeVisible();
    await expect(canvas.getByLabelText('Password')).toHaveFocus();
  },
};

/** An empty form, then what is not an email address: refused on the fields before anything is sent; the first takes the focus. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();

    await userEvent.type(canvas.getByLabelText('Email'), 'jane@');
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address.'));
    await expect(canvas.getByLabelText('Email')).toHaveFocus();
    await expect(canvas.getByLabelText('Password')).toHaveAccessibleDescription('This field is required.');
    await expect((loaded.simulator as EmporixSimulator).requestCount('login')).toBe(0);
  },
};

/**
 * A double opt-in account whose activation mail was not followed yet. The API answers it like wrong
 * credentials (nothing public shows another answer), so the alert says what is true in both cases: the login
 * did not work, and a new account may still need to be activated. It has the focus.
 */
export const NotActivated: Story = {
  parameters: {
    simulator: {
      doubleOptIn: true,
      customers: [{ email: 'new@example.com', password: 'Secret-pass-1', firstName: 'Nora', lastName: 'New', activated: false }],
    },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), 'new@example.com');
    await userEvent.type(canvas.getByLabelText('Password'), 'Secret-pass-1');
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('If you signed up recently, your account may still need to be activated.');
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/**
 * The shop's client id is refused by the API gateway (a revoked storefront key): the shopper reads that the
 * shop cannot be reached — nothing about the email or password they typed; the developer finds the setting to
 * check in the error (`invalid_config`).
 */
export const ShopUnreachable: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${simulatorDefaults.baseUrl}/customerlogin/auth/anonymous/login`, () =>
        HttpResponse.json({ fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } }, { status: 401 }),
      ),
    );
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The shop cannot be reached right now. Please try again later.');
    await expect(alert).not.toHaveTextContent(/email|password/i);
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type UserEvent = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

/** Types Jane's credentials and submits while the network drops the login request. */
async function submitWhileNetworkDown(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
  await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
  simulator.failNext({ with: 'network', match: { path: /^\/customer\/[^/]+\/login$/ } });
  await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
}

/** The network drops: an alert, which takes the focus, and both typed values stay for a retry. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    await expect(canvas.getByLabelText('Password')).toHaveValue(simulatorDefaults.password);
    await expect(canvas.queryByRole('status')).not.toBeInTheDocument();
  },
};

/** The journey through a dropped network: the alert, then the retry with the values still there logs in. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await submitWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    await expect(await canvas.findByText('Welcome back, Jane Doe.')).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** A server error (503): a form-level alert in the shopper's words, not the gateway's; it takes the focus. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { path: /^\/customer\/[^/]+\/login$/ } });
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
  },
};

/** While the login is in flight the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(canvas.getByLabelText('Email'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Log in' }));
    const pending = await canvas.findByRole('button', { name: 'Logging in…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(await canvas.findByText('Welcome back, Jane Doe.', {}, { timeout: 4000 })).toBeVisible();
    simulator.setLatency(0);
  },
};

/** Composed from parts: your own markup and copy; the wiring (labels, errors, pending state) stays. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <FormError>{({ message }) => <strong>{message}</strong>}</FormError>
        <Field name="email" style={{ display: 'grid', gap: 4 }}>
          <Label>Email address</Label>
          <Input type="email" autoComplete="username" placeholder="you@example.com" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="password" style={{ display: 'grid', gap: 4 }}>
          <Label>Password</Label>
          <Input type="password" autoComplete="current-password" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Submit>{({ pending }) => (pending ? 'Signing in…' : 'Sign in')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Email address'), simulatorDefaults.email);
    await userEvent.type(canvas.getByLabelText('Password'), simulatorDefaults.password);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByText('Welcome back, Jane Doe.')).toBeVisible());
  },
};
