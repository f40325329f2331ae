// login.test.tsx — Vitest (environment: 'jsdom', setupFiles: ['@testing-library/jest-dom/vitest']),
// Testing Library and MSW's setupServer.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CustomerProvider, LoginForm, useSession } from 'emporix-customer-react';
import { createCustomerClient } from 'emporix-customer-react/api';
import { createEmporixSimulator, simulatorDefaults, UNDOCUMENTED_CHOICES } from 'emporix-customer-react/testing';

const simulator = createEmporixSimulator();
const server = setupServer(...simulator.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  simulator.reset(); // customers, tokens, mails, faults and latency back to the start
});
afterAll(() => server.close());

/** A fresh client (tokens in memory) and query cache per test, pointed at the simulator. */
function renderWithCustomer(ui: ReactNode) {
  const client = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
    retry: { retries: 0, delay: () => 0 }, // reads are retried with backoff by default
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>{ui}</CustomerProvider>
    </QueryClientProvider>,
  );
  return { client, user: userEvent.setup() };
}

function SessionStatus() {
  return <output aria-label="session">{useSession().status}</output>;
}

it('logs the seeded shopper in', async () => {
  const { user } = renderWithCustomer(
    <>
      <LoginForm />
      <SessionStatus />
    </>,
  );
  await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
  await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await waitFor(() => expect(screen.getByLabelText('session')).toHaveTextContent('customer'));
  expect(simulator.requestCount('login')).toBe(1);
});

it('shows a network failure and lets the shopper retry', async () => {
  const { user } = renderWithCustomer(<LoginForm />);
  await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
  await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);

  // The next POST to a path containing /login fails; also 500, 503, 429, 'malformed', 'empty401', …
  simulator.failNext({ with: 'network', match: { method: 'POST', path: '/login' } });
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('could not reach the server');

  await user.click(screen.getByRole('button', { name: 'Log in' })); // the typed values are still there
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  expect(simulator.requestCount('login')).toBe(2);
});

it('marks the submit button aria-disabled (it keeps the focus) while the request is slow', async () => {
  simulator.setLatency(500);
  const { user } = renderWithCustomer(<LoginForm />);
  await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
  await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  expect(await screen.findByRole('button', { name: 'Logging in…' })).toHaveAttribute('aria-disabled', 'true');
});

it('resets a password with the token from the mail', async () => {
  const email = 'max@example.com';
  simulator.seedCustomer({ email, password: 'old-password', firstName: 'Max' });
  const { client } = renderWithCustomer(null);

  await client.requestPasswordReset({ email });
  const mail = simulator.lastMail('passwordReset', email); // what the tenant would have mailed
  await client.resetPassword({ token: mail!.token, password: 'new-password' });

  await expect(client.login({ email, password: 'new-password' })).resolves.toEqual({ initialPassword: false });
});

it('activates a double opt-in sign-up from the mailed link', async () => {
  simulator.setDoubleOptIn(true);
  const { client } = renderWithCustomer(null);
  await client.signup({ email: 'new@example.com', password: 'secret-pass' });
  expect(simulator.getCustomer('new@example.com')?.activated).toBe(false);

  const { token } = simulator.lastMail('activation', 'new@example.com')!;
  await client.confirmSignup(token); // what your /signup/confirm?token=… page does
  expect(client.session.getState().status).toBe('customer');
});

// How the live API refuses a wrong password is not documented: the shopper reads the same, true message
// whichever candidate answer the simulator gives.
it.each(UNDOCUMENTED_CHOICES.loginRefused)('says the same about a refused login answered as %s', async (shape) => {
  simulator.setUndocumented({ loginRefused: shape });
  const { user } = renderWithCustomer(<LoginForm />);
  await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
  await user.type(screen.getByLabelText('Password'), 'not-the-password');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('We could not log you in with this email and password.');
});
