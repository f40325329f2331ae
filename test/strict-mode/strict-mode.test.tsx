/**
 * StrictMode mounts, unmounts and mounts again, and runs effects twice: none of that may turn into a second
 * token or data request. Runs in the `unit` project (React 19) and the `react18` project.
 *
 * StrictMode wraps the root, providers included, as in an app's entry (`reactStrictMode`). Seen here: React
 * 19.3 runs the effects of a `<StrictMode>` nested below a non-strict parent only once (18.3 runs them twice),
 * so a nested one would test nothing on 19 — the `effectRuns` probe guards against that.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../harness';
import { LoginForm } from '../../src/components';
import { useCustomer, useSession } from '../../src/hooks';
import { simulatorDefaults, type SimulatorOperation } from '../../src/testing';

const simulator = setupSimulator();

let effectRuns = 0;

function Account() {
  // Proves StrictMode is really in force here: React runs every effect twice on mount in development.
  useEffect(() => {
    effectRuns += 1;
  }, []);
  const session = useSession();
  const { data: customer } = useCustomer();
  return (
    <>
      <output aria-label="session">{session.status}</output>
      <p aria-label="greeting">{customer ? `Hello ${customer.contactEmail}` : 'Hello guest'}</p>
    </>
  );
}

const counted: SimulatorOperation[] = ['anonymousLogin', 'anonymousRefresh', 'login', 'refreshCustomerToken', 'getCustomer'];

/** Requests so far per token or profile operation, leaving out the ones that did not happen. */
function counts(): Partial<Record<SimulatorOperation, number>> {
  return Object.fromEntries(counted.map((op) => [op, simulator().requestCount(op)]).filter(([, n]) => n !== 0));
}

describe('<StrictMode> at the root', () => {
  beforeEach(() => {
    effectRuns = 0;
  });

  it('a guest logging in through LoginForm costs one anonymous login, one login and one profile read', async () => {
    const client = createTestClient(simulator(), { persistence: 'memory' });
    const user = userEvent.setup();
    renderWithCustomer(
      <>
        <LoginForm />
        <Account />
      </>,
      { client, reactStrictMode: true },
    );
    expect(screen.getByLabelText('greeting')).toHaveTextContent('Hello guest');
    expect(effectRuns).toBe(2);
    // Mounting twice must not start a session twice (lazily: at most one anonymous login).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(simulator().requestCount('anonymousLogin')).toBeLessThanOrEqual(1);
    expect(simulator().requestCount('getCustomer')).toBe(0);

    await user.type(screen.getByLabelText('Email'), simulatorDefaults.email);
    await user.type(screen.getByLabelText('Password'), simulatorDefaults.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByLabelText('greeting')).toHaveTextContent(`Hello ${simulatorDefaults.email}`));

    expect(counts()).toEqual({ anonymousLogin: 1, login: 1, getCustomer: 1 });
    client.dispose();
  });

  it('a logged-in customer coming back (stored session) costs one profile read and no token request', async () => {
    // The previous page: logs in, leaves the tokens in localStorage.
    const previous = createTestClient(simulator());
    await previous.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
    previous.dispose();
    const before = counts();

    const client = createTestClient(simulator()); // same localStorage: this page starts logged in
    renderWithCustomer(
      <>
        <LoginForm />
        <Account />
      </>,
      { client, reactStrictMode: true },
    );
    expect(effectRuns).toBe(2);
    expect(screen.getByLabelText('session')).toHaveTextContent('customer');
    await waitFor(() => expect(screen.getByLabelText('greeting')).toHaveTextContent(`Hello ${simulatorDefaults.email}`));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(counts()).toEqual({ ...before, getCustomer: 1 });
    client.dispose();
  });
});
