/** The request budget of typical screens, counted at the simulator. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  countOf,
  DATA_READS,
  renderWithCustomer,
  seedShopper,
  setupHookTests,
  shopper,
  tick,
  twoAddresses,
} from '../../test/hooks/support';
import { useAddresses } from './use-addresses';
import { useCustomer } from './use-customer';
import { useLogin } from './use-login';
import { useSession } from './use-session';
import { useSetDefaultAddress } from './use-set-default-address';

const t = setupHookTests();

function Greeting({ n }: { n: number }) {
  const { data: customer } = useCustomer();
  return <li>{customer ? `${n}: Hello ${customer.firstName}` : `${n}: …`}</li>;
}

function ProfileHeading() {
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  return <h1>{customer ? `${customer.firstName} ${customer.lastName}` : 'Loading profile'}</h1>;
}

function AddressBook() {
  const { data: addresses } = useAddresses();
  const setDefault = useSetDefaultAddress();
  if (!addresses) return <p>Loading addresses</p>;
  return (
    <ul aria-label="Addresses">
      {addresses.map((address) => (
        <li key={address.id} aria-label={address.city}>
          {address.city}
          {address.isDefault ? ' (default)' : ''}
          <button type="button" onClick={() => setDefault.mutate(address.id ?? '')} disabled={address.isDefault}>
            Make default
          </button>
        </li>
      ))}
    </ul>
  );
}

describe('request counts', () => {
  it('20 components showing the profile cost one request', async () => {
    const client = t.client();
    await client.login(shopper);
    renderWithCustomer(
      <ul>
        {Array.from({ length: 20 }, (_, n) => (
          <Greeting key={n} n={n} />
        ))}
      </ul>,
      { client },
    );
    await waitFor(() => expect(screen.getAllByText(/Hello Jane/)).toHaveLength(20));
    expect(t.sim().requestCount('getCustomer')).toBe(1);
  });

  it.each<[string, ReactElement]>([
    [
      'profile first',
      <>
        <ProfileHeading />
        <AddressBook />
      </>,
    ],
    [
      'address book first',
      <>
        <AddressBook />
        <ProfileHeading />
      </>,
    ],
  ])('an account page (profile with addresses + address book) costs one data request, %s', async (_order, page) => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', firstName: 'Ada', lastName: 'Lovelace', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    renderWithCustomer(page, { client });
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(await screen.findByRole('listitem', { name: 'Berlin' })).toHaveTextContent('Berlin (default)');
    await tick(20);
    expect(countOf(t.sim(), ...DATA_READS)).toBe(1);
    expect(t.sim().requestCount('getCustomer')).toBe(1);
  });

  it('login, then the profile shown: the login and one /me, nothing more', async () => {
    function App() {
      const session = useSession();
      const login = useLogin();
      if (session.status === 'customer') return <Greeting n={1} />;
      return (
        <button type="button" onClick={() => login.mutate(shopper)}>
          Log in
        </button>
      );
    }
    const client = t.client();
    renderWithCustomer(<App />, { client });
    await userEvent.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('1: Hello Jane')).toBeInTheDocument();
    await tick(30);
    expect(t.sim().requests.map((request) => request.operation)).toEqual(['anonymousLogin', 'login', 'getCustomer']);
  });

  it('setting the default address: one write and at most one reload', async () => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    renderWithCustomer(
      <>
        <ProfileHeading />
        <AddressBook />
      </>,
      { client },
    );
    const office = await screen.findByRole('listitem', { name: 'Potsdam' });
    const readsBefore = countOf(t.sim(), ...DATA_READS);

    await userEvent.click(within(office).getByRole('button', { name: 'Make default' }));

    await waitFor(() => expect(t.sim().getCustomer(account.email)?.addresses.find((a) => a.id === 'office')?.isDefault).toBe(true));
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Potsdam' })).toHaveTextContent('Potsdam (default)'));
    await tick(30);
    expect(t.sim().requestCount('updateAddress')).toBe(1);
    expect(countOf(t.sim(), ...DATA_READS) - readsBefore).toBeLessThanOrEqual(1);
    expect(screen.getByRole('listitem', { name: 'Berlin' })).toHaveTextContent(/^Berlin\s*Make default$/);
  });
});
