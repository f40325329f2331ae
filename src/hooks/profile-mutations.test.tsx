import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { countOf, DATA_READS, renderCustomerHook, renderWithCustomer, setupHookTests, shopper, tick } from '../../test/hooks/support';
import type { Customer } from '../api/schemas';
import { customerKeys } from './customer-keys';
import { useAddresses } from './use-addresses';
import { useCustomer } from './use-customer';
import { useUpdateCustomer } from './use-update-customer';

const t = setupHookTests();

function Names() {
  const plain = useCustomer();
  const withAddresses = useCustomer({ expand: ['addresses'] });
  return (
    <>
      <p>Header: {plain.data?.firstName ?? '…'}</p>
      <p>Account: {withAddresses.data?.firstName ?? '…'}</p>
    </>
  );
}

describe('useUpdateCustomer', () => {
  it('shows the change at once in every cached profile, then keeps the server\'s version', async () => {
    const client = t.client();
    await client.login(shopper);
    const { result, queryClient } = renderCustomerHook(() => useUpdateCustomer(), { client });
    renderWithCustomer(<Names />, { client, queryClient });
    expect(await screen.findByText('Header: Jane')).toBeInTheDocument();
    expect(await screen.findByText('Account: Jane')).toBeInTheDocument();

    t.sim().setLatency(150);
    let saved: Promise<void> | undefined;
    act(() => {
      saved = result.current.mutateAsync({ firstName: 'Janet' });
    });
    await waitFor(() => expect(screen.getByText('Header: Janet')).toBeInTheDocument());
    expect(screen.getByText('Account: Janet')).toBeInTheDocument();
    expect(t.sim().requestCount('updateCustomer')).toBe(0);

    await act(() => saved);
    // isPending lasted until the profile was reloaded: the new version is already in the cache.
    const profiles = queryClient.getQueriesData<Customer>({
      queryKey: customerKeys.all,
      predicate: ({ queryKey }) => queryKey[2] === 'profile',
    });
    expect(profiles.map(([, data]) => data?.metadata?.version)).toEqual([2, 2]);
    expect(t.sim().getCustomer(shopper.email)?.firstName).toBe('Janet');
    expect(screen.getByText('Header: Janet')).toBeInTheDocument();
  });

  it('rolls back a refused change and reports the field', async () => {
    const client = t.client();
    await client.login(shopper);
    const { result, queryClient } = renderCustomerHook(() => useUpdateCustomer(), { client });
    renderWithCustomer(<Names />, { client, queryClient });
    expect(await screen.findByText('Header: Jane')).toBeInTheDocument();

    t.sim().setLatency(100);
    act(() => result.current.mutate({ firstName: 'Janet', preferredCurrency: 'EURO' }));
    await waitFor(() => expect(screen.getByText('Header: Janet')).toBeInTheDocument());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.status).toBe(400);
    expect(result.current.error?.details.map((detail) => detail.field)).toContain('preferredCurrency');
    expect(screen.getByText('Header: Jane')).toBeInTheDocument();
    expect(screen.getByText('Account: Jane')).toBeInTheDocument();
  });

  it('reloads the profile only — not the address book', async () => {
    const client = t.client();
    await client.login(shopper);
    const { result } = renderCustomerHook(() => ({ customer: useCustomer(), addresses: useAddresses(), update: useUpdateCustomer() }), {
      client,
    });
    await waitFor(() => expect(result.current.addresses.isSuccess && result.current.customer.isSuccess).toBe(true));
    const before = { lists: t.sim().requestCount('listAddresses'), reads: countOf(t.sim(), ...DATA_READS) };
    await act(() => result.current.update.mutateAsync({ contactPhone: '+49 30 7654321' }));
    await tick(20);
    await waitFor(() => expect(result.current.customer.data?.contactPhone).toBe('+49 30 7654321'));
    expect(t.sim().requestCount('listAddresses')).toBe(before.lists);
    expect(countOf(t.sim(), ...DATA_READS) - before.reads).toBe(1);
  });

  it('sends metadata.version only when given: a stale one is refused (409) and the current profile loaded', async () => {
    const client = t.client();
    await client.login(shopper);
    const { result } = renderCustomerHook(() => ({ customer: useCustomer(), update: useUpdateCustomer() }), { client });
    await waitFor(() => expect(result.current.customer.data?.metadata?.version).toBe(1));

    // Two saves in a row without versions both go through.
    await act(() => result.current.update.mutateAsync({ firstName: 'A' }));
    await act(() => result.current.update.mutateAsync({ lastName: 'B' }));
    await waitFor(() => expect(result.current.customer.data?.metadata?.version).toBe(3));

    await act(() => result.current.update.mutateAsync({ firstName: 'Stale', metadata: { version: 1 } }).catch(() => undefined));
    await waitFor(() => expect(result.current.update.error?.status).toBe(409));
    expect(t.sim().getCustomer(shopper.email)?.firstName).toBe('A');
    expect(result.current.customer.data?.firstName).toBe('A');
    expect(result.current.customer.data?.metadata?.version).toBe(3);
  });
});
