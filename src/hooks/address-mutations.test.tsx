import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerClient } from '../api/client';
import {
  countOf,
  DATA_READS,
  renderCustomerHook,
  renderWithCustomer,
  seedShopper,
  setupHookTests,
  tick,
  twoAddresses,
} from '../../test/hooks/support';
import { useAddAddressTags } from './use-add-address-tags';
import { useAddress } from './use-address';
import { useAddresses } from './use-addresses';
import { useCreateAddress } from './use-create-address';
import { useCustomer } from './use-customer';
import { useDeleteAddress } from './use-delete-address';
import { useRemoveAddressTags } from './use-remove-address-tags';
import { useSetDefaultAddress } from './use-set-default-address';
import { useUpdateAddress } from './use-update-address';

const t = setupHookTests();
const EMAIL = 'book@example.com';

async function loggedIn(): Promise<CustomerClient> {
  const account = seedShopper(t.sim(), { email: EMAIL, addresses: twoAddresses });
  const client = t.client();
  await client.login(account);
  return client;
}

function stored(id: string) {
  return t.sim().getCustomer(EMAIL)?.addresses.find((address) => address.id === id);
}

/** An account page: the profile with its addresses, and an address book with every address action. */
function AccountPage() {
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  const { data: addresses } = useAddresses();
  const setDefault = useSetDefaultAddress();
  const remove = useDeleteAddress();
  const addTags = useAddAddressTags();
  const removeTags = useRemoveAddressTags();
  const errors = [setDefault.error, remove.error, addTags.error, removeTags.error].filter((error) => error !== null);
  if (!customer || !addresses) return <p>Loading</p>;
  return (
    <>
      <p>Profile default: {customer.addresses?.find((address) => address.isDefault)?.city ?? 'none'}</p>
      <ul aria-label="Addresses">
        {addresses.map(({ id = '', city, isDefault, tags = [] }) => (
          <li key={id} aria-label={city}>
            <span>
              {city}
              {isDefault ? ' (default)' : ''} [{tags.join(',')}]
            </span>
            <button type="button" onClick={() => setDefault.mutate(id)}>
              Make default
            </button>
            <button type="button" onClick={() => remove.mutate(id)}>
              Delete
            </button>
            <button type="button" onClick={() => addTags.mutate({ id, tags: ['BILLING'] })}>
              Tag billing
            </button>
            <button type="button" onClick={() => removeTags.mutate({ id, tags: ['SHIPPING'] })}>
              Untag shipping
            </button>
          </li>
        ))}
      </ul>
      {errors.map((error) => (
        <p role="alert" key={error.message}>
          {error.message}
        </p>
      ))}
    </>
  );
}

async function renderAccountPage() {
  const client = await loggedIn();
  const view = renderWithCustomer(<AccountPage />, { client });
  await screen.findByRole('list', { name: 'Addresses' });
  return { client, ...view };
}

const entry = (city: string) => screen.getByRole('listitem', { name: city });
/** Clicks at once (no pointer-event choreography), so "before the server answered" does not race the test. */
const press = async (city: string, button: string) => {
  act(() => {
    fireEvent.click(within(entry(city)).getByRole('button', { name: button }));
  });
  await Promise.resolve();
};

describe('useSetDefaultAddress', () => {
  it('moves the default flag at once, in the address book and in the profile, before the server answers', async () => {
    await renderAccountPage();
    t.sim().setLatency(150);
    await press('Potsdam', 'Make default');

    await waitFor(() => expect(entry('Potsdam')).toHaveTextContent('Potsdam (default)'));
    expect(entry('Berlin')).not.toHaveTextContent('(default)');
    expect(screen.getByText(/Profile default/)).toHaveTextContent('Profile default: Potsdam');
    expect(t.sim().requestCount('updateAddress')).toBe(0);

    await waitFor(() => expect(stored('office')?.isDefault).toBe(true));
    expect(stored('home')?.isDefault).toBe(false);
    await tick(200);
    expect(entry('Potsdam')).toHaveTextContent('Potsdam (default)');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('rolls back when the server refuses, and says why', async () => {
    await renderAccountPage();
    t.sim().setLatency(100);
    t.sim().failNext({ with: 503, match: { method: 'PATCH' } });
    await press('Potsdam', 'Make default');
    await waitFor(() => expect(entry('Potsdam')).toHaveTextContent('Potsdam (default)'));

    expect(await screen.findByRole('alert')).toHaveTextContent('Simulated 503 response.');
    expect(entry('Berlin')).toHaveTextContent('Berlin (default)');
    expect(entry('Potsdam')).not.toHaveTextContent('(default)');
    expect(screen.getByText(/Profile default/)).toHaveTextContent('Profile default: Berlin');
    expect(stored('home')?.isDefault).toBe(true);
  });

  it('quick successive changes end on the last choice, reloading once', async () => {
    await renderAccountPage();
    const readsBefore = countOf(t.sim(), ...DATA_READS);
    t.sim().setLatency(80);
    await press('Potsdam', 'Make default');
    await press('Berlin', 'Make default');
    await waitFor(() => expect(t.sim().requestCount('updateAddress')).toBe(2));
    await tick(250);
    expect(entry('Berlin')).toHaveTextContent('Berlin (default)');
    expect(entry('Potsdam')).not.toHaveTextContent('(default)');
    expect(stored('home')?.isDefault).toBe(true);
    expect(countOf(t.sim(), ...DATA_READS) - readsBefore).toBe(1);
  });
});

describe('useDeleteAddress', () => {
  it('removes the address at once and for good', async () => {
    await renderAccountPage();
    t.sim().setLatency(100);
    await press('Potsdam', 'Delete');
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Potsdam' })).not.toBeInTheDocument());
    expect(t.sim().requestCount('deleteAddress')).toBe(0);
    await waitFor(() => expect(stored('office')).toBeUndefined());
    await tick(150);
    expect(screen.queryByRole('listitem', { name: 'Potsdam' })).not.toBeInTheDocument();
  });

  it('brings the address back when the server refuses', async () => {
    await renderAccountPage();
    t.sim().setLatency(100);
    t.sim().failNext({ with: 500, match: { method: 'DELETE' } });
    await press('Potsdam', 'Delete');
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Potsdam' })).not.toBeInTheDocument());
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(entry('Potsdam')).toBeInTheDocument();
    expect(stored('office')).toBeDefined();
  });

  it('never shows a deleted address again from the cache', async () => {
    const client = await loggedIn();
    const editor = renderCustomerHook(() => useAddress('office'), { client });
    await waitFor(() => expect(editor.result.current.data?.city).toBe('Potsdam'));
    editor.unmount();
    const { result } = renderCustomerHook(() => useDeleteAddress(), { client, queryClient: editor.queryClient });
    await act(() => result.current.mutateAsync('office'));

    const reopened = renderCustomerHook(() => useAddress('office'), { client, queryClient: editor.queryClient });
    expect(reopened.result.current.data).toBeUndefined();
    await waitFor(() => expect(reopened.result.current.error?.status).toBe(404));
  });
});

describe('useAddAddressTags / useRemoveAddressTags', () => {
  it('show tag changes at once and keep them once saved', async () => {
    await renderAccountPage();
    t.sim().setLatency(150);
    await press('Berlin', 'Tag billing');
    await waitFor(() => expect(entry('Berlin')).toHaveTextContent('[SHIPPING,BILLING]'));
    expect(t.sim().requestCount('addAddressTags')).toBe(0);
    await waitFor(() => expect(stored('home')?.tags).toEqual(['SHIPPING', 'BILLING']));

    await press('Berlin', 'Untag shipping');
    await waitFor(() => expect(entry('Berlin')).toHaveTextContent('[BILLING]'));
    expect(t.sim().requestCount('removeAddressTags')).toBe(0);
    await waitFor(() => expect(stored('home')?.tags).toEqual(['BILLING']));
    await tick(350);
    expect(entry('Berlin')).toHaveTextContent('[BILLING]');
  });

  it('roll a refused tag change back', async () => {
    await renderAccountPage();
    t.sim().setLatency(60);
    t.sim().failNext({ with: 500, match: { method: 'POST', path: '/tags' } });
    await press('Berlin', 'Tag billing');
    await waitFor(() => expect(entry('Berlin')).toHaveTextContent('[SHIPPING,BILLING]'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(entry('Berlin')).toHaveTextContent('[SHIPPING]');
    expect(stored('home')?.tags).toEqual(['SHIPPING']);
  });
});

describe('useCreateAddress', () => {
  it('shows the new address once the mutation settles, after one reload', async () => {
    const client = await loggedIn();
    const rendered: string[] = [];
    const { result } = renderCustomerHook(
      () => {
        const addresses = useAddresses();
        const create = useCreateAddress();
        rendered.push(`${create.status}: ${addresses.data?.length ?? 0} addresses`);
        return { addresses, create };
      },
      { client },
    );
    await waitFor(() => expect(result.current.addresses.data).toHaveLength(2));
    const readsBefore = countOf(t.sim(), ...DATA_READS);
    t.sim().setLatency(40);

    act(() => result.current.create.mutate({ contactName: 'Jane Doe', street: 'Lake Rd', city: 'Hamburg', country: 'DE' }));
    await waitFor(() => expect(result.current.create.isSuccess).toBe(true));
    expect(result.current.addresses.data?.map((address) => address.city)).toEqual(['Berlin', 'Potsdam', 'Hamburg']);
    expect(result.current.addresses.data?.[2]?.id).toBe(result.current.create.data?.id);
    // Never "saved" while the list still lacked the new address.
    expect(rendered).not.toContain('success: 2 addresses');
    expect(countOf(t.sim(), ...DATA_READS) - readsBefore).toBe(1);
  });

  it('(fault row 12) a network drop: no automatic retry, an "outcome unknown" error, no duplicate', async () => {
    const client = await loggedIn();
    // An app whose defaults retry writes: the library's writes must not.
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: 3, retryDelay: 0 } },
    });
    const { result } = renderCustomerHook(() => ({ addresses: useAddresses(), create: useCreateAddress() }), { client, queryClient });
    await waitFor(() => expect(result.current.addresses.data).toHaveLength(2));

    t.sim().failNext({ with: 'network', match: { method: 'POST', path: '/me/addresses' } });
    const address = { contactName: 'Jane Doe', street: 'Lake Rd', city: 'Hamburg', country: 'DE' };
    await act(() => result.current.create.mutateAsync(address).catch(() => undefined));

    await waitFor(() => expect(result.current.create.isError).toBe(true));
    expect(result.current.create.error?.outcomeUnknown).toBe(true);
    expect(result.current.create.error?.message).toMatch(/may or may not have been saved/);
    await tick(30);
    expect(t.sim().requestCount('createAddress')).toBe(1);
    // The address book was reloaded to show the truth: nothing was saved.
    expect(result.current.addresses.data?.map((a) => a.city)).toEqual(['Berlin', 'Potsdam']);

    await act(() => result.current.create.mutateAsync(address));
    expect(t.sim().getCustomer(EMAIL)?.addresses.map((a) => a.city)).toEqual(['Berlin', 'Potsdam', 'Hamburg']);
    await waitFor(() => expect(result.current.addresses.data?.map((a) => a.city)).toEqual(['Berlin', 'Potsdam', 'Hamburg']));
  });
});

describe('useUpdateAddress', () => {
  it('keeps isPending until the changed address is reloaded everywhere it is shown', async () => {
    const client = await loggedIn();
    const rendered: string[] = [];
    const { result } = renderCustomerHook(
      () => {
        const addresses = useAddresses();
        const office = useAddress('office');
        const update = useUpdateAddress();
        rendered.push(`${update.status}: ${office.data?.city} / ${addresses.data?.[1]?.city}`);
        return { addresses, office, update };
      },
      { client },
    );
    await waitFor(() => expect(result.current.office.data?.city).toBe('Potsdam'));
    t.sim().setLatency(40);
    act(() => result.current.update.mutate({ id: 'office', patch: { city: 'Brandenburg' } }));
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(rendered.filter((line) => line.startsWith('success'))).not.toContainEqual(expect.stringContaining('Potsdam'));
    expect(result.current.office.data?.city).toBe('Brandenburg');
    expect(result.current.addresses.data?.[1]?.city).toBe('Brandenburg');
    expect(result.current.office.data?.metadata?.version).toBe(2);
  });

  it('refuses a change made from stale data (409), then shows the current data to try again', async () => {
    const client = await loggedIn();
    const { result } = renderCustomerHook(() => ({ office: useAddress('office'), update: useUpdateAddress() }), { client });
    await waitFor(() => expect(result.current.office.data?.metadata?.version).toBe(1));
    // Someone changed it elsewhere (another device).
    await client.updateAddress('office', { street: 'Elsewhere 1' });

    await act(() =>
      result.current.update.mutateAsync({ id: 'office', patch: { city: 'Brandenburg', metadata: { version: 1 } } }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.update.error?.status).toBe(409));
    expect(stored('office')?.city).toBe('Potsdam');
    await waitFor(() => expect(result.current.office.data?.street).toBe('Elsewhere 1'));
    expect(result.current.office.data?.metadata?.version).toBe(2);

    await act(() => result.current.update.mutateAsync({ id: 'office', patch: { city: 'Brandenburg', metadata: { version: 2 } } }));
    expect(stored('office')?.city).toBe('Brandenburg');
  });
});
