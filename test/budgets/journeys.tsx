/**
 * The journeys a storefront runs most, measured at the simulator: each runs on a tenant of its own with the
 * library's own components (the account page of the docs, `LoginForm`, `AddressBook`) and returns the
 * operations it cost. budgets.ts turns them into the rows `journeys.test.tsx` pins and `npm run bench` prints.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { expect } from 'vitest';
import { seedShopper, shopper, twoAddresses } from '../hooks/support';
import { createLocalRefreshLock } from '../../src/api';
import { AddressBook, LoginForm, ProfileForm } from '../../src/components';
import { useCustomer, useSession } from '../../src/hooks';
import type { EmporixSimulator, SimulatorOperation } from '../../src/testing';
import { onSimulator, renderInProviders, settle } from './on-simulator';

/** What a journey cost: the operations the simulator answered, in order. */
export interface JourneyCost {
  operations: SimulatorOperation[];
}

/** One request as the client saw it: when it left and when its answer came (`performance.now()`). */
interface Timed {
  operation: string;
  start: number;
  end: number;
}

/** The login journey under latency: its requests, the sequential round trips after submit, and the wait. */
export interface LoginCost extends JourneyCost {
  /** Request waves from submit to profile shown: the longest chain of requests each sent after the previous answer. */
  roundTrips: number;
  /** Milliseconds from the submit event to the profile's first commit. */
  elapsedMs: number;
}

/** Operations answered after the first `from` requests of the log. */
const operationsSince = (sim: EmporixSimulator, from = 0): SimulatorOperation[] =>
  sim.requests.slice(from).map((request) => request.operation);

/** An account page as the docs compose it (see `examples/account-page`): heading, profile form, address book. */
function AccountPage({ onShown }: { onShown?: () => void }) {
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  useEffect(() => {
    if (customer) onShown?.();
  }, [customer, onShown]);
  if (!customer) return <p role="status">Loading your account…</p>;
  return (
    <main>
      <h1>
        {customer.firstName} {customer.lastName}
      </h1>
      <ProfileForm />
      <AddressBook />
    </main>
  );
}

/** The shop's account route: the login form for guests, the account page for customers. */
function AccountApp({ onShown }: { onShown?: () => void }) {
  const session = useSession();
  return session.status === 'customer' ? <AccountPage onShown={onShown} /> : <LoginForm />;
}

const janeBook = { email: 'jane.book@example.com', firstName: 'Jane', lastName: 'Book', addresses: twoAddresses };

/** Account page is up: heading, profile form filled, address book listed. */
async function accountPageShown(name: string) {
  await screen.findByRole('heading', { name });
  await screen.findByRole('button', { name: /Set as default/ });
  await waitFor(() => expect(screen.getByLabelText('First name')).toHaveValue(name.split(' ')[0]));
}

/** A page opened on a session stored by an earlier page: profile and addresses shown. */
export function bootWithStoredSession(): Promise<JourneyCost> {
  return onSimulator(async (sim, newClient) => {
    const account = seedShopper(sim, janeBook);
    const previousPage = newClient();
    await previousPage.login(account);
    previousPage.dispose();
    const before = sim.requestCount();

    const queryClient = renderInProviders(<AccountApp />, newClient()); // same localStorage: starts logged in
    await accountPageShown('Jane Book');
    await settle(queryClient);
    return { operations: operationsSince(sim, before) };
  });
}

/** The account page (profile with addresses, profile form, address book) opened by a logged-in customer. */
export function accountPage(): Promise<JourneyCost> {
  return onSimulator(async (sim, newClient) => {
    const account = seedShopper(sim, janeBook);
    const client = newClient();
    await client.login(account);
    const before = sim.requestCount();

    const queryClient = renderInProviders(<AccountPage />, client);
    await accountPageShown('Jane Book');
    await settle(queryClient);
    return { operations: operationsSince(sim, before) };
  });
}

/** The longest chain of requests in which each one left after the answer to the previous one. */
function sequentialWaves(requests: readonly Timed[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((request, index) => {
    const earlier = sorted.slice(0, index).map((other, j) => (other.end <= request.start ? (depth[j] ?? 0) : 0));
    depth.push(1 + Math.max(0, ...earlier));
  });
  return Math.max(0, ...depth);
}

/**
 * A guest on the account route logs in through `LoginForm` until the account page shows the profile. The
 * guest has been on the page a moment (nothing in flight when they submit); `latencyMs` is added to every answer.
 */
export function loginToProfile(latencyMs: number): Promise<LoginCost> {
  return onSimulator(async (sim, newClient) => {
    const account = seedShopper(sim, janeBook);
    const timed: Timed[] = [];
    const timedFetch: typeof fetch = async (input, init) => {
      const entry = { operation: `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`, start: performance.now(), end: Infinity };
      timed.push(entry);
      try {
        return await fetch(input, init);
      } finally {
        entry.end = performance.now();
      }
    };
    let shownAt: number | undefined;
    const onShown = () => {
      shownAt ??= performance.now();
    };
    let submittedAt: number | undefined;
    const onSubmit = () => {
      submittedAt ??= performance.now();
    };
    document.addEventListener('submit', onSubmit, { capture: true });
    try {
      const user = userEvent.setup();
      // jsdom has no Web Locks, so the default lock would be the storage lease, which waits one poll
      // (50 ms) per token taken; a browser's Web Locks grant at once, as this page-local lock does.
      const client = newClient({ fetch: timedFetch, lock: createLocalRefreshLock() });
      const queryClient = renderInProviders(<AccountApp onShown={onShown} />, client);
      await settle(queryClient);
      await user.type(screen.getByLabelText('Email'), account.email);
      await user.type(screen.getByLabelText('Password'), account.password);
      await waitFor(() => expect(timed.every((request) => request.end !== Infinity)).toBe(true));

      await user.click(screen.getByRole('button', { name: 'Log in' }));
      await screen.findByRole('heading', { name: 'Jane Book' }, { timeout: 20 * latencyMs + 1000 });
      await settle(queryClient);

      if (submittedAt === undefined || shownAt === undefined) throw new Error('The login journey did not finish.');
      const start = submittedAt;
      const end = shownAt;
      return {
        operations: operationsSince(sim),
        roundTrips: sequentialWaves(timed.filter((request) => request.start >= start && request.end <= end)),
        elapsedMs: end - start,
      };
    } finally {
      document.removeEventListener('submit', onSubmit, { capture: true });
    }
  }, { latencyMs });
}

/** On the account page, "Set as default" on the second address, until the server has it and the page is calm. */
export function setDefaultAddress(): Promise<JourneyCost> {
  return onSimulator(async (sim, newClient) => {
    const account = seedShopper(sim, janeBook);
    const client = newClient();
    await client.login(account);
    const queryClient = renderInProviders(<AccountPage />, client);
    await accountPageShown('Jane Book');
    await settle(queryClient);
    const before = sim.requestCount();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Set as default: .*Potsdam$/ }));
    await waitFor(() => expect(sim.getCustomer(account.email)?.addresses.find((a) => a.id === 'office')?.isDefault).toBe(true));
    await settle(queryClient);
    const office = screen.getAllByRole('listitem').find((item) => item.textContent?.includes('Potsdam'));
    if (!office || !within(office).queryByText('Default')) throw new Error('The new default address is not shown.');
    return { operations: operationsSince(sim, before) };
  });
}

/** 20 reads at once on a customer access token the server now rejects (401): they should share one refresh. */
export function concurrentReadsOnRejectedToken(): Promise<JourneyCost> {
  return onSimulator(async (sim, newClient) => {
    const client = newClient();
    await client.login(shopper);
    sim.expireTokens('customer');
    const before = sim.requestCount();

    await Promise.all(Array.from({ length: 20 }, () => client.getCustomer()));
    return { operations: operationsSince(sim, before) };
  });
}
