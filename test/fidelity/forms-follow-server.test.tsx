/**
 * Forms that edit server data follow it: when newer data arrives, what the shopper has not touched shows it,
 * and what the shopper has edited stays. A save refused because the record changed elsewhere (409) loads the
 * latest version, keeps the edits and says so; saving again then succeeds.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AddressBook, ChangeEmailForm, ConfirmEmailChange, ProfileForm } from '../../src/components';
import { simulatorDefaults } from '../../src/testing';
import { createTestClient, renderWithCustomer, setupSimulator } from '../harness';

const simulator = setupSimulator();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const NEW_EMAIL = 'jane.new@example.com';
const CHANGED_ELSEWHERE = 'This was changed elsewhere; we loaded the latest version and kept your edits — check and save again.';

async function renderForJane(ui: React.ReactElement) {
  const client = createTestClient(simulator());
  await client.login(jane);
  return { user: userEvent.setup(), client, ...renderWithCustomer(ui, { client }) };
}

/** Another device of the same customer. */
async function elsewhere() {
  const other = createTestClient(simulator(), { persistence: 'memory', tabSync: false });
  await other.login(jane);
  return other;
}

/** The account page's profile and login-email parts, and the page the confirmation link opens. */
function AccountPage() {
  const [token, setToken] = useState('');
  return (
    <>
      <section aria-label="Profile">
        <ProfileForm />
      </section>
      <section aria-label="Login email">
        <ChangeEmailForm />
      </section>
      <button type="button" onClick={() => setToken(simulator().lastMail('emailChange', NEW_EMAIL)?.token ?? '')}>
        Open the mailed link
      </button>
      {token && <ConfirmEmailChange token={token} />}
    </>
  );
}

describe('ProfileForm and ChangeEmailForm', () => {
  it('after a login-email change that also changes the contact email, show the new email and keep an edit', async () => {
    const { user } = await renderForJane(<AccountPage />);
    const profile = within(screen.getByRole('region', { name: 'Profile' }));
    const loginEmail = within(screen.getByRole('region', { name: 'Login email' }));
    const firstName = await profile.findByLabelText('First name');
    await waitFor(() => expect(loginEmail.getByLabelText('Current login email')).toHaveValue(jane.email));
    expect(profile.getByLabelText('Contact email')).toHaveValue(jane.email);

    // An edit the shopper has not saved yet.
    await user.clear(firstName);
    await user.type(firstName, 'Janet');

    await user.type(loginEmail.getByLabelText('Password'), jane.password);
    await user.type(loginEmail.getByLabelText('New login email'), NEW_EMAIL);
    await user.click(loginEmail.getByLabelText('Also use the new address as my contact email'));
    await user.click(loginEmail.getByRole('button', { name: 'Change login email' }));
    await loginEmail.findByText(/We sent a confirmation link/);

    await user.click(screen.getByRole('button', { name: 'Open the mailed link' }));
    await screen.findByText(/Your login email has been changed/);

    await waitFor(() => expect(profile.getByLabelText('Contact email')).toHaveValue(NEW_EMAIL));
    expect(firstName).toHaveValue('Janet');
    await waitFor(() => expect(loginEmail.getByLabelText('Current login email')).toHaveValue(NEW_EMAIL));

    // Saving sends the edit against the version the form now shows, not the one it was filled from.
    await user.click(profile.getByRole('button', { name: 'Save profile' }));
    expect(await profile.findByRole('status')).toHaveTextContent('Profile saved');
    expect(simulator().getCustomer(NEW_EMAIL)).toMatchObject({ firstName: 'Janet', contactEmail: NEW_EMAIL });
  });

  it('a profile reloaded for any reason shows what changed, around the fields the shopper edits', async () => {
    const { user, queryClient } = await renderForJane(<ProfileForm />);
    const firstName = await screen.findByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await (await elsewhere()).updateCustomer({ firstName: 'Jay', lastName: 'Smith', contactPhone: '+49 40 555' });

    // e.g. the tab regaining the focus once the data is stale
    await queryClient.invalidateQueries();
    await waitFor(() => expect(screen.getByLabelText('Last name')).toHaveValue('Smith'));
    expect(screen.getByLabelText('Phone')).toHaveValue('+49 40 555');
    expect(firstName).toHaveValue('Janet');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('AddressForm in the address book', () => {
  const SAM = { email: 'sam.lee@example.com', password: 'sam-secret-1' };

  it('on a conflict, shows the address as changed elsewhere, keeps the edit, says so, and saves on the next try', async () => {
    simulator().seedCustomer({
      ...SAM,
      addresses: [{ id: 'home', contactName: 'Sam Lee', street: 'Graben', streetNumber: '21', zipCode: '1010', city: 'Vienna', country: 'AT' }],
    });
    const client = createTestClient(simulator());
    await client.login(SAM);
    const user = userEvent.setup();
    renderWithCustomer(<AddressBook />, { client });

    await user.click(await screen.findByRole('button', { name: 'Edit Sam Lee, Vienna' }));
    const form = screen.getByRole('form', { name: 'Edit Sam Lee, Vienna' });
    const other = createTestClient(simulator(), { persistence: 'memory', tabSync: false });
    await other.login(SAM);
    await other.updateAddress('home', { zipCode: '1020', contactPhone: '+43 1 555' });

    const street = within(form).getByLabelText('Street');
    await user.clear(street);
    await user.type(street, 'Kohlmarkt');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(CHANGED_ELSEWHERE);
    await waitFor(() => expect(within(form).getByLabelText('Postcode')).toHaveValue('1020'));
    expect(within(form).getByLabelText('Phone (optional)')).toHaveValue('+43 1 555');
    expect(street).toHaveValue('Kohlmarkt');
    expect(simulator().getCustomer(SAM.email)?.addresses[0]).toMatchObject({ street: 'Graben', zipCode: '1020' });

    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(simulator().getCustomer(SAM.email)?.addresses[0]).toMatchObject({
      street: 'Kohlmarkt',
      zipCode: '1020',
      contactPhone: '+43 1 555',
    });
  });
});
