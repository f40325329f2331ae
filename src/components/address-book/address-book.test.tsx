import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestClient, renderWithCustomer, setupSimulator } from '../../../test/harness';
import type { SimulatorAddressSeed } from '../../testing';
import { AddressBook } from './address-book';
import * as AddressBookParts from './parts';

const simulator = setupSimulator();

const SAM = { email: 'sam.lee@example.com', password: 'sam-secret-1' };

/** Sam's three addresses: the default one (Munich) is the second one added. */
const threeAddresses: SimulatorAddressSeed[] = [
  { id: 'hamburg', contactName: 'Sam Lee', street: 'Jungfernstieg', streetNumber: '1', zipCode: '20095', city: 'Hamburg', country: 'DE', tags: ['SHIPPING'] },
  { id: 'munich', contactName: 'Sam Lee', street: 'Marienplatz', streetNumber: '8', zipCode: '80331', city: 'Munich', country: 'DE', tags: ['BILLING'], isDefault: true },
  { id: 'vienna', contactName: 'Kim Lee', street: 'Graben', streetNumber: '21', zipCode: '1010', city: 'Vienna', country: 'AT' },
];

async function renderBook(addresses: SimulatorAddressSeed[] = threeAddresses, ui: React.ReactElement = <AddressBook />) {
  simulator().seedCustomer({ ...SAM, firstName: 'Sam', lastName: 'Lee', addresses });
  const client = createTestClient(simulator());
  await client.login(SAM);
  const view = renderWithCustomer(ui, { client });
  return { user: userEvent.setup(), client, ...view };
}

function stored() {
  return simulator().getCustomer(SAM.email)?.addresses ?? [];
}

/** The entries as shown, top to bottom, each by its first address line and city. */
function shownOrder(): string[] {
  return within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('address')?.textContent ?? '');
}

const item = (city: string) => {
  const found = within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .find((li) => li.querySelector('address')?.textContent?.includes(city));
  if (!found) throw new Error(`No entry for ${city}.`);
  return found;
};

describe('<AddressBook> states', () => {
  it('shows a loading status, then the addresses default first, each in an <address>', async () => {
    await renderBook();
    expect(screen.getByRole('status')).toHaveTextContent('Loading your addresses…');
    await screen.findByRole('list');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(shownOrder()).toEqual([
      expect.stringContaining('Munich'),
      expect.stringContaining('Hamburg'),
      expect.stringContaining('Vienna'),
    ]);
    const munich = item('Munich');
    expect(munich).toHaveAttribute('data-default');
    expect(within(munich).getByText('Default')).toBeInTheDocument();
    expect(within(munich).queryByRole('button', { name: /Set as default/ })).not.toBeInTheDocument();
    expect(within(item('Hamburg')).queryByText('Default')).not.toBeInTheDocument();
    expect(within(munich).getByRole('group', { name: 'Tags of Sam Lee, Munich' })).toBeInTheDocument();
    expect(within(munich).getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    expect(within(munich).getByRole('checkbox', { name: 'Shipping' })).not.toBeChecked();
    expect(munich.querySelector('address')).toHaveTextContent('Sam LeeMarienplatz 880331 MunichDE');
  });

  it('names every action after its address, so entries are told apart', async () => {
    await renderBook();
    await screen.findByRole('list');
    expect(screen.getByRole('button', { name: 'Edit Sam Lee, Hamburg' })).toHaveTextContent('Edit');
    expect(screen.getByRole('button', { name: 'Delete Sam Lee, Munich' })).toHaveTextContent('Delete');
    expect(screen.getByRole('button', { name: 'Set as default: Kim Lee, Vienna' })).toHaveTextContent('Set as default');
    expect(screen.getAllByRole('button', { name: /^Delete / })).toHaveLength(3);
  });

  it('shows the empty state with a way to add an address', async () => {
    await renderBook([]);
    expect(await screen.findByText('No addresses yet')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add address' })).toBeInTheDocument();
  });

  it('shows a load error as an alert and loads again on retry', async () => {
    simulator().failNext({ with: 503, match: { method: 'GET', path: '/me/addresses' } });
    const { user } = await renderBook();
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not load your addresses.');
    expect(screen.queryByRole('button', { name: 'Add address' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('<AddressBook> set as default', () => {
  it('moves the address first at once, with one write and at most one reload', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    const listsBefore = simulator().requestCount('listAddresses');
    await user.click(screen.getByRole('button', { name: 'Set as default: Kim Lee, Vienna' }));

    expect(shownOrder()[0]).toContain('Vienna');
    expect(within(item('Vienna')).getByText('Default')).toBeInTheDocument();
    expect(within(item('Munich')).queryByText('Default')).not.toBeInTheDocument();
    // Focus stays in the entry although its "Set as default" button is gone.
    expect(screen.getByRole('button', { name: 'Edit Kim Lee, Vienna' })).toHaveFocus();

    await waitFor(() => expect(stored().find((address) => address.id === 'vienna')?.isDefault).toBe(true));
    expect(stored().find((address) => address.id === 'munich')?.isDefault).toBe(false);
    await waitFor(() => expect(item('Vienna')).not.toHaveAttribute('data-pending'));
    expect(simulator().requestCount('updateAddress')).toBe(1);
    expect(simulator().requestCount('listAddresses') - listsBefore).toBeLessThanOrEqual(1);
    expect(shownOrder()[0]).toContain('Vienna');
  });

  it('rolls back and explains in the entry when the server fails', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    simulator().failNext({ with: 503, match: { method: 'PATCH', path: '/me/addresses/hamburg' } });
    await user.click(screen.getByRole('button', { name: 'Set as default: Sam Lee, Hamburg' }));

    const alert = await within(item('Hamburg')).findByRole('alert');
    expect(alert).toHaveTextContent('Sam Lee, Hamburg could not be made your default address. Something went wrong.');
    expect(shownOrder()[0]).toContain('Munich');
    expect(within(item('Munich')).getByText('Default')).toBeInTheDocument();
    expect(within(item('Hamburg')).getByRole('button', { name: 'Set as default: Sam Lee, Hamburg' })).toBeInTheDocument();
    expect(stored().find((address) => address.id === 'munich')?.isDefault).toBe(true);

    // The next try clears the alert and succeeds.
    await user.click(screen.getByRole('button', { name: 'Set as default: Sam Lee, Hamburg' }));
    expect(within(item('Hamburg')).queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(stored().find((address) => address.id === 'hamburg')?.isDefault).toBe(true));
  });
});

describe('<AddressBook> delete', () => {
  it('asks for confirmation, with focus on Cancel; Cancel and Escape step back', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    await user.click(screen.getByRole('button', { name: 'Delete Sam Lee, Hamburg' }));

    const question = within(item('Hamburg')).getByRole('group', { name: 'Delete this address?' });
    expect(within(question).getByRole('button', { name: 'Confirm delete Sam Lee, Hamburg' })).toBeInTheDocument();
    expect(within(question).getByRole('button', { name: 'Cancel deleting Sam Lee, Hamburg' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Delete Sam Lee, Hamburg' })).toHaveFocus();
    expect(within(item('Hamburg')).queryByRole('group', { name: 'Delete this address?' })).not.toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Cancel deleting Sam Lee, Hamburg' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Delete Sam Lee, Hamburg' })).toHaveFocus();
    expect(simulator().requestCount('deleteAddress')).toBe(0);
  });

  it('deletes after "Confirm delete", with the keyboard, and moves focus to "Add address"', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    screen.getByRole('button', { name: 'Delete Sam Lee, Hamburg' }).focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('button', { name: 'Confirm delete Sam Lee, Hamburg' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(shownOrder()).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Add address' })).toHaveFocus();
    await waitFor(() => expect(stored().map((address) => address.id)).toEqual(['munich', 'vienna']));
    expect(simulator().requestCount('deleteAddress')).toBe(1);
  });

  it('brings the address back with an alert when the delete fails', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    simulator().failNext({ with: 'network', match: { method: 'DELETE', path: '/me/addresses/vienna' } });
    await user.click(screen.getByRole('button', { name: 'Delete Kim Lee, Vienna' }));
    await user.click(screen.getByRole('button', { name: 'Confirm delete Kim Lee, Vienna' }));
    const alert = await within(item('Vienna')).findByRole('alert');
    expect(alert).toHaveTextContent('Kim Lee, Vienna could not be deleted. We could not reach the server.');
    expect(shownOrder()).toHaveLength(3);
  });
});

describe('<AddressBook> tags', () => {
  it('adds and removes a tag at once, and on the server', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    const hamburg = item('Hamburg');
    await user.click(within(hamburg).getByRole('checkbox', { name: 'Billing' }));
    expect(within(hamburg).getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    await waitFor(() => expect(stored().find((address) => address.id === 'hamburg')?.tags).toEqual(['SHIPPING', 'BILLING']));
    await waitFor(() => expect(hamburg).not.toHaveAttribute('data-pending'));

    await user.click(within(hamburg).getByRole('checkbox', { name: 'Shipping' }));
    expect(within(hamburg).getByRole('checkbox', { name: 'Shipping' })).not.toBeChecked();
    await waitFor(() => expect(stored().find((address) => address.id === 'hamburg')?.tags).toEqual(['BILLING']));
    expect(simulator().requestCount('addAddressTags')).toBe(1);
    expect(simulator().requestCount('removeAddressTags')).toBe(1);
  });

  it('rolls a refused tag change back, with an alert', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    simulator().failNext({ with: 500, match: { path: '/me/addresses/munich/tags' } });
    await user.click(within(item('Munich')).getByRole('checkbox', { name: 'Shipping' }));
    expect(await within(item('Munich')).findByRole('alert')).toHaveTextContent(
      'The tags of Sam Lee, Munich could not be changed.',
    );
    expect(within(item('Munich')).getByRole('checkbox', { name: 'Shipping' })).not.toBeChecked();
    expect(stored().find((address) => address.id === 'munich')?.tags).toEqual(['BILLING']);
  });
});

describe('<AddressBook> add and edit', () => {
  it('edits an address in place and gives focus back to its Edit button', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    await user.click(screen.getByRole('button', { name: 'Edit Kim Lee, Vienna' }));

    const form = screen.getByRole('form', { name: 'Edit Kim Lee, Vienna' });
    const name = within(form).getByLabelText('Full name');
    expect(name).toHaveValue('Kim Lee');
    expect(name).toHaveFocus();
    await user.clear(within(form).getByLabelText('City'));
    await user.type(within(form).getByLabelText('City'), 'Graz');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('button', { name: 'Edit Kim Lee, Graz' })).toHaveFocus();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(stored().find((address) => address.id === 'vienna')?.city).toBe('Graz');
  });

  it('cancels an edit without sending anything', async () => {
    const { user } = await renderBook();
    await screen.findByRole('list');
    await user.click(screen.getByRole('button', { name: 'Edit Sam Lee, Munich' }));
    await user.type(screen.getByLabelText('City'), 'xyz');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Edit Sam Lee, Munich' })).toHaveFocus();
    expect(item('Munich')).toHaveTextContent('80331 Munich');
    expect(simulator().requestCount('updateAddress')).toBe(0);
  });

  it('adds the first address from the empty state, keyboard only', async () => {
    const { user } = await renderBook([]);
    await screen.findByText('No addresses yet');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add address' })).toHaveFocus();
    await user.keyboard('{Enter}');

    const form = screen.getByRole('form', { name: 'New address' });
    expect(within(form).getByLabelText('Full name')).toHaveFocus();
    await user.keyboard('Sam Lee');
    await user.tab();
    await user.tab();
    await user.keyboard('Speicherstadt');
    await user.tab();
    await user.keyboard('3');
    await user.tab();
    await user.tab();
    await user.keyboard('20457');
    await user.tab();
    await user.keyboard('Hamburg');
    await user.tab(); // state
    await user.tab();
    expect(within(form).getByLabelText('Country')).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('button', { name: 'Add address' })).toHaveFocus();
    expect(screen.queryByText('No addresses yet')).not.toBeInTheDocument();
    expect(shownOrder()).toEqual([expect.stringContaining('20457 Hamburg')]);
    // The API makes a customer's first address the default.
    expect(within(item('Hamburg')).getByText('Default')).toBeInTheDocument();
    expect(stored()).toMatchObject([{ contactName: 'Sam Lee', city: 'Hamburg', isDefault: true }]);
  });

  it('shows validation errors in the add form', async () => {
    const { user } = await renderBook([]);
    await user.click(await screen.findByRole('button', { name: 'Add address' }));
    await user.type(screen.getByLabelText('City'), 'Hamburg');
    await user.click(screen.getByRole('button', { name: 'Save address' }));
    const name = screen.getByLabelText('Full name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('This field is required.');
    expect(simulator().requestCount('createAddress')).toBe(0);
  });
});

describe('<AddressBook> custom markup', () => {
  it('takes parts of its own layout', async () => {
    const { user } = await renderBook(threeAddresses, (
      <AddressBook tags={['SHIPPING', 'PICKUP']} className="book">
        <AddressBookParts.AddAddress>New address…</AddressBookParts.AddAddress>
        <AddressBookParts.List className="cards" />
        <AddressBookParts.Status />
      </AddressBook>
    ));
    const list = await screen.findByRole('list');
    expect(list).toHaveClass('cards');
    expect(within(item('Hamburg')).getByRole('checkbox', { name: 'PICKUP' })).not.toBeChecked();
    expect(within(item('Hamburg')).queryByRole('checkbox', { name: 'Billing' })).not.toBeInTheDocument();
    // Tags an address has stay visible even when not offered.
    expect(within(item('Munich')).getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'New address…' }));
    expect(screen.getByRole('form', { name: 'New address' })).toBeInTheDocument();
  });

  it('hands its headless state to a function child', async () => {
    const { user } = await renderBook(threeAddresses, (
      <AddressBook>
        {(book) =>
          book.status === 'ready' && (
            <ol aria-label="My addresses">
              {book.entries.map((entry) => (
                <li key={entry.id}>
                  {entry.name}
                  {entry.isDefault ? ' (default)' : <button onClick={entry.setDefault}>Use {entry.name}</button>}
                </li>
              ))}
            </ol>
          )
        }
      </AddressBook>
    ));
    const list = await screen.findByRole('list', { name: 'My addresses' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sam Lee, Munich (default)',
      'Sam Lee, HamburgUse Sam Lee, Hamburg',
      'Kim Lee, ViennaUse Kim Lee, Vienna',
    ]);
    await user.click(screen.getByRole('button', { name: 'Use Kim Lee, Vienna' }));
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Kim Lee, Vienna (default)');
  });

  it('takes translated messages, also for its address form', async () => {
    const { user } = await renderBook([], (
      <AddressBook
        messages={{ 'addressBook.empty': 'Noch keine Adressen', 'addressBook.add': 'Adresse hinzufügen', 'address.contactName': 'Name' }}
      />
    ));
    expect(await screen.findByText('Noch keine Adressen')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Adresse hinzufügen' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });
});
