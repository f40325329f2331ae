import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, renderWithSession, setupSimulator } from '../../../test/harness';
import { simulatorDefaults } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { LoginForm } from './login-form';

const simulator = setupSimulator();

function renderLogin(ui = <LoginForm />) {
  return renderWithSession(ui, simulator());
}

describe('<LoginForm> default rendering', () => {
  it('renders labelled fields and a submit button', () => {
    renderLogin();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('logs the customer in', async () => {
    const onSuccess = vi.fn();
    const { user } = renderLogin(<LoginForm onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ initialPassword: false }));
    expect(screen.getByTestId('session')).toHaveTextContent('customer');
  });

  it('shows a wrong password as a form error and keeps the typed email', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not log you in with this email and password.');
    expect(screen.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    expect(screen.getByTestId('session')).toHaveTextContent('anonymous');
  });

  it('validates before sending anything and focuses the first invalid field', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), '123');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Must be at least 6 characters.');
    expect(simulator().requestCount('login')).toBe(0);
  });

  it('sends an internationalised email: the server, not the form, decides whether it is an account', async () => {
    simulator().seedCustomer({ email: 'jürgen@bücher.de', password: 'geheim-1' });
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'jürgen@bücher.de');
    await user.type(screen.getByLabelText('Password'), 'geheim-1');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByTestId('session')).toHaveTextContent('customer'));
    expect(simulator().requestCount('login')).toBe(1);
  });

  it('keeps every typed value and offers a retry when the network fails', async () => {
    const { user } = renderLogin();
    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    simulator().failNext({ with: 'network', match: { path: '/login' } });
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(screen.getByLabelText('Password')).toHaveValue(simulatorDefaults.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByTestId('session')).toHaveTextContent('customer'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = renderLogin();
    await user.tab();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await user.keyboard(simulatorDefaults.email);
    await user.tab();
    await user.keyboard(`${simulatorDefaults.password}{Enter}`);
    await waitFor(() => expect(screen.getByTestId('session')).toHaveTextContent('customer'));
  });

  it('takes translated messages', async () => {
    const { user } = renderLogin(
      <LoginForm messages={{ 'login.email': 'E-Mail', 'login.submit': 'Anmelden', 'field.required': 'Pflichtfeld' }} />,
    );
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByLabelText('E-Mail')).toHaveAccessibleDescription('Pflichtfeld');
  });
});

describe('<LoginForm> before anyone types', () => {
  it('starts with a given email, e.g. the one a password reset handed over', () => {
    renderLogin(<LoginForm defaultValues={{ email: simulatorDefaults.email }} />);
    expect(screen.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  /**
   * A client that counts its own anonymous logins, with storage of its own: a request another test left in
   * flight, or a token it stored, cannot be mistaken for this one's.
   */
  function countingClient() {
    const anonymousLogins: string[] = [];
    const client = createTestClient(simulator(), {
      persistence: 'memory',
      tabSync: false,
      fetch: (input, init) => {
        if (String(input).includes('/anonymous/login')) anonymousLogins.push(String(input));
        return fetch(input, init);
      },
    });
    return { client, anonymousLogins };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("fetches a guest's anonymous token once on mount", async () => {
    const { client, anonymousLogins } = countingClient();
    renderWithCustomer(<LoginForm />, { client });
    await waitFor(() => expect(anonymousLogins).toHaveLength(1));
    await settle();
    expect(anonymousLogins).toHaveLength(1);
  });

  it('sends nothing while the browser is offline, and fetches the token once when it is back online', async () => {
    const { client, anonymousLogins } = countingClient();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderWithCustomer(<LoginForm />, { client });
    await settle();
    expect(anonymousLogins).toHaveLength(0);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(anonymousLogins).toHaveLength(1));
    await settle();
    expect(anonymousLogins).toHaveLength(1);
  });
});

describe('<LoginForm> composed from parts', () => {
  it('uses the markup it is given', async () => {
    const { user } = renderLogin(
      <LoginForm className="login">
        <Field name="email">
          <Label>Your email</Label>
          <Input type="email" className="field" />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>Your password</Label>
          <Input type="password" />
        </Field>
        <FormError>{({ message }) => <strong>{message}</strong>}</FormError>
        <Submit>Sign in</Submit>
      </LoginForm>,
    );
    expect(screen.getByLabelText('Your email')).toHaveClass('field');
    await user.type(screen.getByLabelText('Your email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Your password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not log you in with this email and password.');
  });
});
