import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithSession, server, setupSimulator } from '../../../test/harness';
import { simulatorDefaults, UNDOCUMENTED_CHOICES } from '../../testing';
import { Field, FieldError, Input, Label, Submit } from '../form/parts';
import { SignupFormError } from './signup-actions';
import { SignupForm } from './signup-form';

const simulator = setupSimulator();

const NEW = { email: 'max.mustermann@example.com', password: 'secret-123' };

function renderSignup(ui = <SignupForm />) {
  return renderWithSession(ui, simulator());
}

async function fillAccount(user: ReturnType<typeof userEvent.setup>, values: Partial<Record<string, string>> = {}) {
  const v = { email: NEW.email, password: NEW.password, confirm: NEW.password, firstName: 'Max', lastName: 'Mustermann', ...values };
  if (v.email) await user.type(screen.getByLabelText('Email'), v.email);
  if (v.password) await user.type(screen.getByLabelText('Password'), v.password);
  if (v.confirm) await user.type(screen.getByLabelText('Confirm password'), v.confirm);
  if (v.firstName) await user.type(screen.getByLabelText('First name'), v.firstName);
  if (v.lastName) await user.type(screen.getByLabelText('Last name'), v.lastName);
}

const submit = () => screen.getByRole('button', { name: 'Create account' });

describe('<SignupForm> default rendering', () => {
  it('renders the account fields, a collapsed company section and a submit button', async () => {
    const { user } = renderSignup();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 6 characters.');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('First name')).toBeInTheDocument();
    expect(screen.getByLabelText('Last name')).toBeInTheDocument();
    expect(screen.queryByLabelText('Company')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('I am signing up for a company'));
    const company = screen.getByRole('group', { name: 'Company details' });
    expect(within(company).getByLabelText('Company')).toBeInTheDocument();
    expect(within(company).getByLabelText('Company registration ID')).toBeInTheDocument();
    expect(submit()).toBeEnabled();
  });

  it('creates the account, sends contactEmail = email and logs the customer in', async () => {
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm onSuccess={onSuccess} />);
    await fillAccount(user);
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'loggedIn', email: NEW.email }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your account is ready and you are logged in.');
    expect(screen.getByRole('status')).toHaveFocus();
    expect(screen.getByTestId('session')).toHaveTextContent('customer');
    expect(simulator().getCustomer(NEW.email)).toMatchObject({
      email: NEW.email,
      contactEmail: NEW.email,
      firstName: 'Max',
      lastName: 'Mustermann',
      activated: true,
      preferredLanguage: 'en_US',
      preferredCurrency: 'USD',
      preferredSite: 'main',
    });
    expect(simulator().getCustomer(NEW.email)?.b2b?.companyRegistrationId).toBeUndefined();
    expect(simulator().requestCount('login')).toBe(1);
  });

  it('signs up a company: company and registration ID go with the request', async () => {
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm onSuccess={onSuccess} />);
    await fillAccount(user);
    await user.click(screen.getByLabelText('I am signing up for a company'));
    await user.type(screen.getByLabelText('Company'), 'Mustermann GmbH');
    await user.type(screen.getByLabelText('Company registration ID'), 'HRB 12345');
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'loggedIn', email: NEW.email }));
    expect(simulator().getCustomer(NEW.email)).toMatchObject({
      company: 'Mustermann GmbH',
      b2b: { companyRegistrationId: 'HRB 12345' },
    });
  });

  it('drops the company fields when the company box is unchecked again', async () => {
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm onSuccess={onSuccess} />);
    await fillAccount(user, { firstName: '', lastName: '' });
    await user.click(screen.getByLabelText('I am signing up for a company'));
    await user.type(screen.getByLabelText('Company registration ID'), 'HRB 12345');
    await user.click(screen.getByLabelText('I am signing up for a company'));
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(simulator().getCustomer(NEW.email)?.b2b?.companyRegistrationId).toBeUndefined();
  });

  it('shows "check your inbox" with double opt-in, without a login that could only fail, and sends the link again', async () => {
    simulator().setActivation('doubleOptIn');
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm activation="doubleOptIn" onSuccess={onSuccess} />);
    await fillAccount(user);
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'confirmationPending', email: NEW.email }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(`Check your inbox: we sent a link to ${NEW.email}.`);
    expect(status).toHaveFocus();
    expect(screen.getByTestId('session')).toHaveTextContent('anonymous');
    expect(simulator().getCustomer(NEW.email)?.activated).toBe(false);
    expect(simulator().requestCount('login')).toBe(0);
    const first = simulator().lastMail('activation', NEW.email);
    expect(first).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByText('We sent a new link. Check your inbox.')).toBeInTheDocument();
    expect(simulator().lastMail('activation', NEW.email)?.token).not.toBe(first?.token);
  });

  it('still takes the deprecated doubleOptIn flag for activation by mail', async () => {
    simulator().setDoubleOptIn(true);
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm doubleOptIn onSuccess={onSuccess} />);
    await fillAccount(user);
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'confirmationPending', email: NEW.email }));
    expect(simulator().requestCount('login')).toBe(0);
  });

  it('says the account awaits activation when an employee activates accounts, without trying to log in', async () => {
    simulator().setActivation('employee');
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm activation="employee" onSuccess={onSuccess} />);
    await fillAccount(user);
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'awaitingActivation', email: NEW.email }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Your account was created and awaits activation.');
    expect(status).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Send the link again' })).not.toBeInTheDocument();
    expect(simulator().requestCount('login')).toBe(0);
    expect(simulator().outbox()).toEqual([]);
    simulator().activateCustomer(NEW.email);
    expect(simulator().getCustomer(NEW.email)?.activated).toBe(true);
  });

  it.each([
    ['immediate', 'loggedIn', 'Your account is ready and you are logged in.'],
    ['doubleOptIn', 'confirmationPending', 'Check your inbox'],
    ['employee', 'awaitingActivation', 'awaits activation'],
  ] as const)(
    'ends a normal signup on a tenant activating %s with "%s", logging no console error',
    async (activation, status, text) => {
      const consoleError = vi.spyOn(console, 'error');
      simulator().setActivation(activation);
      const onSuccess = vi.fn();
      const { user } = renderSignup(<SignupForm activation={activation} onSuccess={onSuccess} />);
      await fillAccount(user);
      await user.click(submit());
      await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status, email: NEW.email }));
      expect(screen.getByRole('status')).toHaveTextContent(text);
      expect(simulator().requests.filter((request) => request.status >= 400)).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
    },
  );

  it.each(UNDOCUMENTED_CHOICES.inactiveLogin)(
    'told activation is immediate on a tenant that activates otherwise, says the account awaits activation (inactive login: %s)',
    async (shape) => {
      simulator().setActivation('employee');
      simulator().setUndocumented({ inactiveLogin: shape });
      const onSuccess = vi.fn();
      const { user } = renderSignup(<SignupForm onSuccess={onSuccess} />);
      await fillAccount(user);
      await user.click(submit());
      await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'awaitingActivation', email: NEW.email }));
      expect(screen.getByRole('status')).toHaveTextContent('You can log in once it is activated.');
      expect(screen.getByTestId('session')).toHaveTextContent('anonymous');
    },
  );

  it('says the account was created when the login after it fails', async () => {
    const onSuccess = vi.fn();
    const { user } = renderSignup(<SignupForm onSuccess={onSuccess} onLoginInstead={vi.fn()} />);
    await fillAccount(user);
    simulator().failNext({ with: 'network', match: { path: /\/demoshop\/login$/ } });
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ status: 'created', email: NEW.email }));
    expect(screen.getByRole('status')).toHaveTextContent('Your account is ready. Please log in.');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });
});

describe('<SignupForm> with separate sign-up credentials', () => {
  /** The JSON body of each signup request, read on its way to the simulator. */
  function signupBodies(): unknown[] {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${simulatorDefaults.baseUrl}/customer/${simulatorDefaults.tenant}/signup`, async ({ request }) => {
        bodies.push(await request.clone().json());
        return undefined;
      }),
    );
    return bodies;
  }

  function SeparateCredentials({ withContactEmail = false }: { withContactEmail?: boolean }) {
    return (
      <SignupForm>
        <SignupFormError />
        <Field name="email"><Label>Email</Label><Input type="email" /><FieldError /></Field>
        <Field name="password"><Label>Password</Label><Input type="password" /><FieldError /></Field>
        <Field name="confirmPassword"><Label>Confirm password</Label><Input type="password" /><FieldError /></Field>
        {withContactEmail && (
          <Field name="contactEmail"><Label>Contact email</Label><Input type="email" /><FieldError /></Field>
        )}
        <Field name="signup.email"><Label>Login email</Label><Input type="email" /><FieldError /></Field>
        <Field name="signup.password"><Label>Login password</Label><Input type="password" /><FieldError /></Field>
        <Submit>Create account</Submit>
      </SignupForm>
    );
  }

  async function fillSeparate(user: ReturnType<typeof userEvent.setup>) {
    await fillAccount(user, { firstName: '', lastName: '' });
    await user.type(screen.getByLabelText('Login email'), 'max.login@example.com');
    await user.type(screen.getByLabelText('Login password'), 'login-secret-1');
  }

  it('sends contactEmail — the form’s email — beside the sign-up credentials, and logs in with those', async () => {
    const bodies = signupBodies();
    const { user } = renderSignup(<SeparateCredentials />);
    await fillSeparate(user);
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('you are logged in');
    expect(bodies).toEqual([
      expect.objectContaining({
        email: NEW.email,
        customerDetails: expect.objectContaining({ contactEmail: NEW.email }),
        signup: { email: 'max.login@example.com', password: 'login-secret-1' },
      }),
    ]);
    expect(simulator().getCustomer('max.login@example.com')).toMatchObject({ contactEmail: NEW.email });
  });

  it('sends the contact email the form gives instead', async () => {
    const bodies = signupBodies();
    const { user } = renderSignup(<SeparateCredentials withContactEmail />);
    await fillSeparate(user);
    await user.type(screen.getByLabelText('Contact email'), 'max.post@example.com');
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('you are logged in');
    expect(bodies).toEqual([
      expect.objectContaining({ customerDetails: expect.objectContaining({ contactEmail: 'max.post@example.com' }) }),
    ]);
    expect(simulator().getCustomer('max.login@example.com')).toMatchObject({ contactEmail: 'max.post@example.com' });
  });
});

describe('<SignupForm> validation', () => {
  it('checks email, password length and confirmation before sending anything, focusing the first invalid field', async () => {
    const { user } = renderSignup();
    await fillAccount(user, { email: 'not-an-email', password: '123', confirm: '456' });
    await user.click(submit());
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription('Enter a valid email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Must be at least 6 characters.');
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription('The passwords do not match.');
    expect(simulator().requestCount('signup')).toBe(0);
  });

  it('requires email, password and its confirmation', async () => {
    const { user } = renderSignup();
    await user.click(submit());
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This field is required.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('First name')).not.toHaveAttribute('aria-invalid');
  });

  it('requires first name, last name and company with a company registration ID', async () => {
    const { user } = renderSignup();
    await fillAccount(user, { firstName: '', lastName: '' });
    await user.click(screen.getByLabelText('I am signing up for a company'));
    await user.type(screen.getByLabelText('Company registration ID'), 'HRB 12345');
    await user.click(submit());
    const required = 'Required for a company account (with a company registration ID).';
    await waitFor(() => expect(screen.getByLabelText('First name')).toHaveAccessibleDescription(required));
    expect(screen.getByLabelText('First name')).toHaveFocus();
    expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription(required);
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription(required);
    expect(simulator().requestCount('signup')).toBe(0);
  });

  it('checks a preferred currency given in a composed form as a three-letter code', async () => {
    const { user } = renderSignup(
      <SignupForm>
        <Field name="email"><Label>Email</Label><Input type="email" /><FieldError /></Field>
        <Field name="password"><Label>Password</Label><Input type="password" /><FieldError /></Field>
        <Field name="confirmPassword"><Label>Confirm password</Label><Input type="password" /><FieldError /></Field>
        <Field name="preferredCurrency"><Label>Currency</Label><Input /><FieldError /></Field>
        <Submit>Create account</Submit>
      </SignupForm>,
    );
    await fillAccount(user, { firstName: '', lastName: '' });
    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'EU1');
    await user.click(submit());
    await waitFor(() => expect(currency).toHaveAccessibleDescription('Enter a three-letter currency code such as EUR.'));
    await user.clear(currency);
    await user.type(currency, 'eur');
    await user.click(submit());
    await waitFor(() => expect(simulator().getCustomer(NEW.email)?.preferredCurrency).toBe('EUR'));
  });
});

describe('<SignupForm> server errors', () => {
  it('says the account exists on a 409 and offers log in and password reset', async () => {
    const onLoginInstead = vi.fn();
    const onResetPassword = vi.fn();
    const { user } = renderSignup(<SignupForm onLoginInstead={onLoginInstead} onResetPassword={onResetPassword} />);
    await fillAccount(user, { email: simulatorDefaults.email });
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('An account with this email already exists.');
    await user.click(within(alert).getByRole('button', { name: 'Log in instead' }));
    expect(onLoginInstead).toHaveBeenCalledWith(simulatorDefaults.email);
    await user.click(within(alert).getByRole('button', { name: 'Reset password' }));
    expect(onResetPassword).toHaveBeenCalledWith(simulatorDefaults.email);
    expect(screen.getByLabelText('Email')).toHaveValue(simulatorDefaults.email);
  });

  it('offers no buttons on a 409 without callbacks', async () => {
    const { user } = renderSignup();
    await fillAccount(user, { email: simulatorDefaults.email });
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('An account with this email already exists.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('maps the API field paths of a 400 onto the fields', async () => {
    server.use(
      http.post(`${simulatorDefaults.baseUrl}/customer/${simulatorDefaults.tenant}/signup`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: 'The request failed validation.',
            details: [
              { field: 'customerDetails.firstName', type: 'invalid_value', message: 'First name contains characters we cannot store.' },
              { field: 'password', type: 'invalid_value', message: 'The password is too weak for this shop.' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderSignup();
    await fillAccount(user);
    await user.click(submit());
    const firstName = screen.getByLabelText('First name');
    await waitFor(() => expect(firstName).toHaveAccessibleDescription('First name contains characters we cannot store.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('The password is too weak for this shop.');
    expect(firstName).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps every typed value and offers a retry when the network fails', async () => {
    const { user } = renderSignup();
    await fillAccount(user);
    simulator().failNext({ with: 'network', match: { path: '/signup' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(screen.getByLabelText('Password')).toHaveValue(NEW.password);
    expect(screen.getByLabelText('Last name')).toHaveValue('Mustermann');
    await user.click(submit());
    expect(await screen.findByRole('status')).toHaveTextContent('you are logged in');
    expect(simulator().getCustomer(NEW.email)).toBeDefined();
  });

  it('shows a 5xx as a form error', async () => {
    const { user } = renderSignup();
    await fillAccount(user);
    simulator().failNext({ with: 503, match: { path: '/signup' } });
    await user.click(submit());
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(simulator().getCustomer(NEW.email)).toBeUndefined();
  });
});

describe('<SignupForm> interaction', () => {
  it('keeps the focus on the submit button, aria-disabled, while the signup is pending', async () => {
    simulator().setLatency(150);
    const { user } = renderSignup();
    await fillAccount(user);
    await user.click(submit());
    const pending = await screen.findByRole('button', { name: 'Creating your account…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(pending.closest('form')).toHaveAttribute('data-pending');
    expect(await screen.findByRole('status', {}, { timeout: 3000 })).toHaveTextContent('you are logged in');
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = renderSignup();
    await user.tab();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await user.keyboard(NEW.email);
    await user.tab();
    await user.keyboard(NEW.password);
    await user.tab();
    await user.keyboard(NEW.password);
    await user.tab();
    await user.keyboard('Max');
    await user.tab();
    await user.keyboard('Mustermann');
    await user.tab();
    expect(screen.getByLabelText('I am signing up for a company')).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard('Mustermann GmbH');
    await user.tab();
    await user.keyboard('HRB 12345');
    await user.tab();
    expect(submit()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('you are logged in');
    expect(simulator().getCustomer(NEW.email)?.b2b?.companyRegistrationId).toBe('HRB 12345');
  });

  it('re-renders nothing while the shopper types on in a field', async () => {
    let commits = 0;
    const { user } = renderSignup(
      <Profiler id="signup" onRender={() => (commits += 1)}>
        <SignupForm />
      </Profiler>,
    );
    await user.type(screen.getByLabelText('Email'), 'm');
    const afterFirstKey = commits;
    await user.type(screen.getByLabelText('Email'), 'ax.mustermann@example.com');
    await user.type(screen.getByLabelText('Last name'), 'M');
    const afterOtherField = commits;
    await user.type(screen.getByLabelText('Last name'), 'ustermann');
    expect(commits).toBe(afterOtherField);
    expect(afterOtherField - afterFirstKey).toBeLessThanOrEqual(3);
  });

  it('takes translated messages', async () => {
    const { user } = renderSignup(
      <SignupForm
        messages={{
          'signup.email': 'E-Mail',
          'signup.submit': 'Konto anlegen',
          'signup.passwordMismatch': 'Die Passwörter stimmen nicht überein.',
          'signup.loggedIn': 'Willkommen!',
        }}
      />,
    );
    await user.type(screen.getByLabelText('E-Mail'), NEW.email);
    await user.type(screen.getByLabelText('Password'), NEW.password);
    await user.type(screen.getByLabelText('Confirm password'), 'anders-123');
    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription('Die Passwörter stimmen nicht überein.'),
    );
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), NEW.password);
    await user.click(screen.getByRole('button', { name: 'Konto anlegen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Willkommen!');
  });
});

describe('<SignupForm> composed from parts', () => {
  it('uses the markup it is given, and its own success view', async () => {
    const { user } = renderSignup(
      <SignupForm
        className="signup"
        onLoginInstead={vi.fn()}
        renderSuccess={({ status }) => <p role="status">Done: {status}</p>}
      >
        <SignupFormError />
        <Field name="email">
          <Label>Your email</Label>
          <Input type="email" className="field" />
          <FieldError />
        </Field>
        <Field name="password">
          <Label>Password</Label>
          <Input type="password" />
        </Field>
        <Field name="confirmPassword">
          <Label>Confirm password</Label>
          <Input type="password" />
        </Field>
        <Submit>Sign up</Submit>
      </SignupForm>,
    );
    expect(screen.getByLabelText('Your email')).toHaveClass('field');
    await user.type(screen.getByLabelText('Your email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), NEW.password);
    await user.type(screen.getByLabelText('Confirm password'), NEW.password);
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Log in instead' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Your email'));
    await user.type(screen.getByLabelText('Your email'), NEW.email);
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done: loggedIn');
  });
});
