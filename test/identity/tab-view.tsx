/**
 * What each tab of the identity test renders: the account page's data (profile with addresses, and the
 * address book) through the library's hooks, and the write hooks the commands press. Every render is
 * checked on the spot: what it shows must belong to the login the tab shows it for.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CustomerClient } from '../../src/api';
import type { AddressDto, Customer } from '../../src/api/schemas';
import { CustomerProvider } from '../../src/hooks/customer-provider';
import { useAddresses } from '../../src/hooks/use-addresses';
import { useCreateAddress } from '../../src/hooks/use-create-address';
import { useCustomer } from '../../src/hooks/use-customer';
import { useDeleteAddress } from '../../src/hooks/use-delete-address';
import { useSession } from '../../src/hooks/use-session';
import { useUpdateCustomer } from '../../src/hooks/use-update-customer';

export interface TabHooks {
  updateCustomer: ReturnType<typeof useUpdateCustomer>;
  createAddress: ReturnType<typeof useCreateAddress>;
  deleteAddress: ReturnType<typeof useDeleteAddress>;
  addresses: AddressDto[] | undefined;
}

export interface TabViewProps {
  /** Whose data it is (a shopper's name), or `undefined` when the data cannot be placed. */
  ownerOf: (data: Customer | AddressDto) => string | undefined;
  /** Who a login is, from what the test learnt. */
  whoIs: (loginId: string | undefined) => string | undefined;
  onRender: (shown: { loginId: string | undefined; owners: string[] }) => void;
  /** Hands the write hooks of the latest render to the commands that press them. */
  onHooks: (hooks: TabHooks) => void;
}

function AccountPage({ ownerOf, whoIs, onRender, onHooks }: TabViewProps) {
  const session = useSession();
  const profile = useCustomer({ expand: ['addresses'] });
  const book = useAddresses();
  const updateCustomer = useUpdateCustomer();
  const createAddress = useCreateAddress();
  const deleteAddress = useDeleteAddress();
  onHooks({ updateCustomer, createAddress, deleteAddress, addresses: book.data });
  const shown = [profile.data, ...(profile.data?.addresses ?? []), ...(book.data ?? [])].filter(
    (data): data is Customer | AddressDto => data !== undefined,
  );
  const owners = shown.map((data) => ownerOf(data) ?? '(unknown)');
  onRender({ loginId: session.status === 'customer' ? session.loginId : undefined, owners });
  return (
    <section data-login={whoIs(session.loginId) ?? 'guest'}>
      <h1>{profile.data ? `${profile.data.firstName} ${profile.data.lastName}` : session.status}</h1>
      <ul>
        {(book.data ?? []).map((address) => (
          <li key={address.id}>{address.contactName}</li>
        ))}
      </ul>
    </section>
  );
}

export function TabView({ client, queryClient, ...props }: TabViewProps & { client: CustomerClient; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CustomerProvider client={client}>
        <AccountPage {...props} />
      </CustomerProvider>
    </QueryClientProvider>
  );
}

export function tabQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}
