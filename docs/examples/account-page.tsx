import {
  AddressBook,
  ChangeEmailForm,
  ChangePasswordForm,
  ProfileForm,
  useCustomer,
  useLogout,
  useSession,
  useSwitchLegalEntity,
} from 'emporix-customer-react';

export function AccountPage({ navigate }: { navigate: (path: string) => void }) {
  const session = useSession();
  // One request for the whole page: loaded with its addresses, the profile also fills the plain profile
  // (ProfileForm) and the address list (AddressBook), which wait for it instead of asking themselves.
  const { data: customer, isPending, error } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();

  if (session.status === 'unknown') return null;
  if (session.status === 'anonymous') {
    return (
      <p>
        Please <a href="/login">log in</a>.
      </p>
    );
  }
  if (isPending) return <p role="status">Loading your account…</p>;
  if (error) return <p role="alert">{error.message}</p>;

  return (
    <main>
      <h1>
        {customer.firstName} {customer.lastName}
      </h1>
      <LegalEntitySwitcher />

      <section aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <ProfileForm />
      </section>

      <section aria-labelledby="addresses">
        <h2 id="addresses">Addresses</h2>
        <AddressBook />
      </section>

      <section aria-labelledby="password">
        <h2 id="password">Password</h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="email">
        <h2 id="email">Login email</h2>
        {/* Sends a confirmation link to the new address; the change takes effect once it is followed. */}
        <ChangeEmailForm />
      </section>

      <button type="button" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>
        Log out
      </button>
    </main>
  );
}

/** B2B: act for another legal entity of the customer (the profile lists them under `b2b.legalEntities`). */
function LegalEntitySwitcher() {
  const session = useSession();
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  const switchLegalEntity = useSwitchLegalEntity();
  const entities = customer?.b2b?.legalEntities ?? [];
  if (entities.length < 2) return null;

  return (
    <label>
      Buying for{' '}
      <select
        value={session.legalEntityId ?? ''}
        disabled={switchLegalEntity.isPending}
        onChange={(event) => switchLegalEntity.mutate({ legalEntityId: event.target.value })}
      >
        {session.legalEntityId === undefined && <option value="">Choose a company</option>}
        {entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
      </select>
    </label>
  );
}
