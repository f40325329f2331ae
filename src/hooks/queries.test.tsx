import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../api/errors';
import { createTestQueryClient } from '../../test/harness';
import {
  countOf,
  DATA_READS,
  renderCustomerHook,
  renderWithCustomer,
  seedShopper,
  setupHookTests,
  shopper,
  tick,
  twoAddresses,
} from '../../test/hooks/support';
import { CustomerProvider } from './customer-provider';
import { customerKeys } from './customer-keys';
import { useAddress } from './use-address';
import { useAddresses } from './use-addresses';
import { useCustomer } from './use-customer';
import { useSession } from './use-session';
import { useValidateToken } from './use-validate-token';

const t = setupHookTests();

function Profile() {
  const { data: customer, isPending, error } = useCustomer();
  if (error) return <p role="alert">{error.message}</p>;
  return <h1>{isPending ? 'Loading…' : `${customer.firstName} ${customer.lastName}`}</h1>;
}

describe('outside the provider', () => {
  it('says which provider is missing', () => {
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <QueryClientProvider client={createTestQueryClient()}>{children}</QueryClientProvider>
    );
    expect(() => renderHook(() => useCustomer(), { wrapper })).toThrow(/must be used within <CustomerProvider client=\{…\}>/);
  });
});

describe('useSession', () => {
  it('renders "unknown" on the server, whatever the stored session says', async () => {
    const client = t.client();
    await client.login(shopper);
    function Status() {
      return <output>{useSession().status}</output>;
    }
    const html = renderToString(
      <QueryClientProvider client={createTestQueryClient()}>
        <CustomerProvider client={client}>
          <Status />
        </CustomerProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('unknown');
    expect(html).not.toContain('customer');
  });
});

describe('customer queries for a guest', () => {
  it('send no request at all (no 401 storm) and hold no data', async () => {
    const client = t.client();
    await client.session.ensureAnonymous();
    const { result } = renderCustomerHook(
      () => ({
        customer: useCustomer({ expand: ['addresses'] }),
        addresses: useAddresses(),
        address: useAddress('home'),
        token: useValidateToken(),
      }),
      { client },
    );
    await tick(30);
    expect(countOf(t.sim(), ...DATA_READS)).toBe(0);
    for (const query of Object.values(result.current)) {
      expect(query.fetchStatus).toBe('idle');
      expect(query.data).toBeUndefined();
    }
  });

  it('never show the API\'s "Anonymous" profile, even when an app cached it', async () => {
    const client = t.client();
    await client.session.ensureAnonymous();
    const anonymous = await client.getCustomer();
    expect(anonymous.firstName).toBe('Anonymous');
    const queryClient = createTestQueryClient();
    // An app that fetched GET /me for its guest by hand, under the guest's own key.
    queryClient.setQueryData(customerKeys.profile(`anonymous:${client.session.getState().sessionId}`), anonymous);
    renderWithCustomer(<Profile />, { client, queryClient });
    await tick(20);
    expect(screen.getByRole('heading')).toHaveTextContent('Loading…');
    expect(screen.queryByText(/Anonymous/)).not.toBeInTheDocument();
  });
});

describe('customer queries for a customer', () => {
  it('show the profile, typed errors included', async () => {
    const client = t.client();
    await client.login(shopper);
    renderWithCustomer(<Profile />, { client });
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();

    t.sim().failNext({ with: 500, match: { path: '/me' } });
    const { result } = renderCustomerHook(() => useCustomer(), { client });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(EmporixError);
    expect(result.current.error?.status).toBe(500);
  });

  it('useAddresses lists the address book in order, with the default flagged', async () => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    const { result } = renderCustomerHook(() => useAddresses(), { client });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map(({ id, isDefault }) => ({ id, isDefault }))).toEqual([
      { id: 'home', isDefault: true },
      { id: 'office', isDefault: false },
    ]);
    expect(t.sim().requestCount('listAddresses')).toBe(1);
  });

  it('a profile loaded with its addresses fills the address book: shown without a spinner later', async () => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    const first = renderCustomerHook(() => useCustomer({ expand: ['addresses'] }), { client });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));

    const { result } = renderCustomerHook(() => ({ addresses: useAddresses(), plain: useCustomer() }), {
      client,
      queryClient: first.queryClient,
    });
    expect(result.current.addresses.data?.map((address) => address.city)).toEqual(['Berlin', 'Potsdam']);
    expect(result.current.plain.data?.firstName).toBe(first.result.current.data?.firstName);
    expect(result.current.plain.data).not.toHaveProperty('addresses');
    expect(t.sim().requestCount('getCustomer')).toBe(1);
  });

  it('useAddress shows an address from the cached address book at once, with no request while the book is fresh', async () => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    const list = renderCustomerHook(() => useAddresses(), { client });
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));

    const { result } = renderCustomerHook(
      () => {
        const { data, isFetching } = useAddress('office');
        return { data, isFetching };
      },
      { client, queryClient: list.queryClient },
    );
    expect(result.current.data?.companyName).toBe('Acme');
    await tick();
    expect(result.current.isFetching).toBe(false);
    expect(t.sim().requestCount('getAddress')).toBe(0);
  });

  it('useAddress loads an address that is not cached', async () => {
    const account = seedShopper(t.sim(), { email: 'book@example.com', addresses: twoAddresses });
    const client = t.client();
    await client.login(account);
    const { result } = renderCustomerHook(() => useAddress('home'), { client });
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data?.street).toBe('Main St'));

    const missing = renderCustomerHook(() => useAddress('nope'), { client });
    await waitFor(() => expect(missing.result.current.error?.status).toBe(404));
  });

  it('useValidateToken reports the session and remaining lifetime', async () => {
    const client = t.client();
    await client.login(shopper);
    const { result } = renderCustomerHook(() => useValidateToken(), { client });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.email).toBe(shopper.email);
    expect(result.current.data?.sessionId).toBe(client.session.getState().sessionId);
    expect(result.current.data?.expires_in).toBeGreaterThan(0);
  });
});
