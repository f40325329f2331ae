import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { simulatorDefaults, type EmporixSimulator, type SimulatorAddressSeed } from '../../testing';
import { AddressBook } from './address-book';
import { BeforeFirstRender, withLoggedInCustomer } from '../../../.storybook/logged-in-customer';
import * as AddressBookParts from './parts';

/** The seeded shopper (Jane Doe) with the given address book. */
function janeWith(addresses: SimulatorAddressSeed[]) {
  return {
    simulator: {
      customers: [
        { email: simulatorDefaults.email, password: simulatorDefaults.password, firstName: 'Jane', lastName: 'Doe', addresses },
      ],
    },
  };
}

const berlin: SimulatorAddressSeed = {
  id: 'berlin',
  contactName: 'Jane Doe',
  street: 'Friedrichstraße',
  streetNumber: '43',
  zipCode: '10117',
  city: 'Berlin',
  country: 'DE',
  isDefault: true,
  tags: ['BILLING', 'SHIPPING'],
};
const hamburg: SimulatorAddressSeed = {
  id: 'hamburg',
  contactName: 'Jane Doe',
  companyName: 'Doe & Partner',
  street: 'Jungfernstieg',
  streetNumber: '1',
  zipCode: '20095',
  city: 'Hamburg',
  country: 'DE',
  tags: ['SHIPPING'],
};
const vienna: SimulatorAddressSeed = {
  id: 'vienna',
  contactName: 'John Doe',
  street: 'Graben',
  streetNumber: '21',
  zipCode: '1010',
  city: 'Vienna',
  country: 'AT',
};

function stored(simulator: EmporixSimulator, id: string) {
  return simulator.getCustomer(simulatorDefaults.email)?.addresses.find((address) => address.id === id);
}

/** The entries as shown, top to bottom. */
function entries(canvasElement: HTMLElement): HTMLElement[] {
  return within(within(canvasElement).getByRole('list')).getAllByRole('listitem');
}

function entryFor(canvasElement: HTMLElement, city: string): HTMLElement {
  const entry = entries(canvasElement).find((li) => li.querySelector('address')?.textContent?.includes(city));
  if (!entry) throw new Error(`No entry for ${city}.`);
  return entry;
}

const meta = {
  title: 'Forms/AddressBook',
  component: AddressBook,
  decorators: [withLoggedInCustomer],
  parameters: janeWith([berlin, hamburg, vienna]),
} satisfies Meta<typeof AddressBook>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A customer without addresses: the empty state offers to add one. */
export const Empty: Story = {
  parameters: janeWith([]),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No addresses yet')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add address' })).toBeVisible();
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
  },
};

/** One address: it is the default, so it offers no "Set as default". */
export const OneAddress: Story = {
  parameters: janeWith([berlin]),
  play: async ({ canvas, canvasElement }) => {
    await canvas.findByRole('list');
    const [only] = entries(canvasElement);
    await expect(entries(canvasElement)).toHaveLength(1);
    await expect(only?.querySelector('address')).toHaveTextContent('Friedrichstraße 43');
    await expect(within(only as HTMLElement).getByText('Default')).toBeVisible();
    await expect(within(only as HTMLElement).getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    await expect(within(only as HTMLElement).getByRole('checkbox', { name: 'Shipping' })).toBeChecked();
    await expect(canvas.queryByRole('button', { name: /Set as default/ })).not.toBeInTheDocument();
  },
};

/**
 * Several addresses, default first. "Set as default" on another one moves it to the top at once, with one
 * write and at most one reload.
 */
export const ManyWithDefaultSwitching: Story = {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('list');
    await expect(entries(canvasElement).map((li) => li.querySelector('address')?.textContent)).toEqual([
      expect.stringContaining('Berlin'),
      expect.stringContaining('Hamburg'),
      expect.stringContaining('Vienna'),
    ]);
    const listsBefore = simulator.requestCount('listAddresses');

    await userEvent.click(canvas.getByRole('button', { name: 'Set as default: Jane Doe, Hamburg' }));
    await expect(entries(canvasElement)[0]).toHaveTextContent('Hamburg');
    await expect(within(entryFor(canvasElement, 'Hamburg')).getByText('Default')).toBeVisible();
    await expect(within(entryFor(canvasElement, 'Berlin')).queryByText('Default')).not.toBeInTheDocument();

    await waitFor(() => expect(stored(simulator, 'hamburg')?.isDefault).toBe(true));
    await expect(stored(simulator, 'berlin')?.isDefault).toBe(false);
    await waitFor(() => expect(entryFor(canvasElement, 'Hamburg')).not.toHaveAttribute('data-pending'));
    await expect(simulator.requestCount('updateAddress')).toBe(1);
    await expect(simulator.requestCount('listAddresses') - listsBefore).toBeLessThanOrEqual(1);
  },
};

/** Adding an address with the keyboard alone: Tab to "Add address", fill the form, Enter; the focus returns to "Add address". */
export const AddAddress: Story = {
  parameters: janeWith([berlin]),
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    const add = await canvas.findByRole('button', { name: 'Add address' });
    for (let presses = 0; presses < 10 && document.activeElement !== add; presses += 1) await userEvent.tab();
    await expect(add).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const form = canvas.getByRole('form', { name: 'New address' });
    await expect(within(form).getByLabelText('Full name')).toHaveFocus();
    await userEvent.keyboard('John Doe');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('Graben');
    await userEvent.tab();
    await userEvent.keyboard('21');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('1010');
    await userEvent.tab();
    await userEvent.keyboard('Vienna');
    await userEvent.tab();
    await userEvent.tab();
    // The country is a native select, reached by Tab; choosing in it is the browser's own keyboard handling,
    // which headless Chromium does not run, so the choice is made with selectOptions.
    await expect(within(form).getByLabelText('Country')).toHaveFocus();
    await userEvent.selectOptions(within(form).getByLabelText('Country'), 'Austria');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await expect(within(form).getByRole('checkbox', { name: 'Shipping' })).toHaveFocus();
    await userEvent.keyboard(' {Enter}');

    await waitFor(() => expect(canvas.getByRole('button', { name: 'Add address' })).toHaveFocus());
    await expect(entries(canvasElement)).toHaveLength(2);
    await expect(entryFor(canvasElement, 'Vienna')).toHaveTextContent('AT');
    const added = simulator.getCustomer(simulatorDefaults.email)?.addresses.find((address) => address.city === 'Vienna');
    await expect(added).toMatchObject({ contactName: 'John Doe', country: 'AT', tags: ['SHIPPING'], isDefault: false });
  },
};

/** Editing in place: the entry becomes an address form; saving sends only the changed fields. */
export const Edit: Story = {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.click(await canvas.findByRole('button', { name: 'Edit John Doe, Vienna' }));
    const form = canvas.getByRole('form', { name: 'Edit John Doe, Vienna' });
    await expect(within(form).getByLabelText('Full name')).toHaveFocus();
    await userEvent.clear(within(form).getByLabelText('City'));
    await userEvent.type(within(form).getByLabelText('City'), 'Graz');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(canvas.getByRole('button', { name: 'Edit John Doe, Graz' })).toHaveFocus());
    await expect(entryFor(canvasElement, 'Graz')).toHaveTextContent('1010 Graz');
    await expect(stored(simulator, 'vienna')?.city).toBe('Graz');
  },
};

/** Deleting asks first; focus goes to Cancel. Confirming removes the address at once. */
export const DeleteWithConfirmation: Story = {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.click(await canvas.findByRole('button', { name: 'Delete John Doe, Vienna' }));
    const question = within(entryFor(canvasElement, 'Vienna')).getByRole('group', { name: 'Delete this address?' });
    await expect(within(question).getByRole('button', { name: 'Cancel deleting John Doe, Vienna' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('button', { name: 'Delete John Doe, Vienna' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab({ shift: true });
    await expect(canvas.getByRole('button', { name: 'Confirm delete John Doe, Vienna' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    await expect(entries(canvasElement)).toHaveLength(2);
    await expect(canvas.getByRole('button', { name: 'Add address' })).toHaveFocus();
    await waitFor(() => expect(stored(simulator, 'vienna')).toBeUndefined());
    await expect(simulator.requestCount('deleteAddress')).toBe(1);
  },
};

/** Tags switch on and off at once, and on the server. */
export const TagsToggle: Story = {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('list');
    const hamburgTags = within(entryFor(canvasElement, 'Hamburg')).getByRole('group', { name: 'Tags of Jane Doe, Hamburg' });
    await userEvent.click(within(hamburgTags).getByRole('checkbox', { name: 'Billing' }));
    await expect(within(hamburgTags).getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    await waitFor(() => expect(stored(simulator, 'hamburg')?.tags).toEqual(['SHIPPING', 'BILLING']));
    await waitFor(() => expect(entryFor(canvasElement, 'Hamburg')).not.toHaveAttribute('data-pending'));

    await userEvent.click(within(hamburgTags).getByRole('checkbox', { name: 'Shipping' }));
    await expect(within(hamburgTags).getByRole('checkbox', { name: 'Shipping' })).not.toBeChecked();
    await waitFor(() => expect(stored(simulator, 'hamburg')?.tags).toEqual(['BILLING']));
  },
};

/** The add form checks the address before anything is sent: the name is required. */
export const ValidationErrors: Story = {
  parameters: janeWith([berlin]),
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.click(await canvas.findByRole('button', { name: 'Add address' }));
    await userEvent.selectOptions(canvas.getByLabelText('Country'), 'Germany');
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));

    const name = canvas.getByLabelText('Full name');
    await waitFor(() => expect(name).toHaveFocus());
    await expect(name).toHaveAccessibleDescription('This field is required.');
    await expect(simulator.requestCount('createAddress')).toBe(0);
  },
};

/** The server fails (503) to set the default: the change is undone and the entry says so. */
export const SetDefaultServerError: Story = {
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('list');
    simulator.failNext({ with: 503, match: { method: 'PATCH', path: '/me/addresses/vienna' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Set as default: John Doe, Vienna' }));

    const alert = await within(entryFor(canvasElement, 'Vienna')).findByRole('alert');
    await expect(alert).toHaveTextContent('John Doe, Vienna could not be made your default address.');
    await expect(entries(canvasElement)[0]).toHaveTextContent('Berlin');
    await expect(within(entryFor(canvasElement, 'Berlin')).getByText('Default')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Set as default: John Doe, Vienna' })).toBeVisible();
    await expect(stored(simulator, 'berlin')?.isDefault).toBe(true);
  },
};

/** While the addresses load (here: slowly), a status says so. */
export const Loading: Story = {
  render: (args, { loaded }) => (
    <BeforeFirstRender setup={() => (loaded.simulator as EmporixSimulator).setLatency(60_000)}>
      <AddressBook {...args} />
    </BeforeFirstRender>
  ),
  play: async ({ canvas }) => {
    // "Logging in…" first, then the book's own status.
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Loading your addresses…'));
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Add address' })).not.toBeInTheDocument();
  },
};

/** The addresses could not be loaded: an alert and a retry, which then shows them. */
export const LoadError: Story = {
  render: (args, { loaded }) => (
    <BeforeFirstRender
      setup={() => (loaded.simulator as EmporixSimulator).failNext({ with: 503, match: { method: 'GET', path: '/me/addresses' } })}
    >
      <AddressBook {...args} />
    </BeforeFirstRender>
  ),
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not load your addresses.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('list')).toBeVisible();
  },
};

/** Composed from parts: your own order and classes; the behaviour stays. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <AddressBookParts.Status />
        <AddressBookParts.AddAddress style={{ marginBottom: 12 }}>Add a new address</AddressBookParts.AddAddress>
        <AddressBookParts.List style={{ display: 'grid', gap: 16, listStyle: 'none', padding: 0 }} />
      </>
    ),
  },
  play: async ({ canvas }) => {
    await canvas.findByRole('list');
    await expect(canvas.getByRole('button', { name: 'Add a new address' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Edit Jane Doe, Berlin' })).toBeVisible();
  },
};
