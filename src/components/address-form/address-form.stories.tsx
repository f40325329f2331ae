import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { useAddresses } from '../../hooks/use-addresses';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { withLoggedInCustomer } from '../../../.storybook/logged-in-customer';
import { Checkbox, Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { AddressForm, type AddressFormProps } from './address-form';
import type { AddressFormResult } from './use-address-form';

/** The form, and what a shopper is told once it saved. */
function AddressFormWithOutcome(props: AddressFormProps) {
  const [saved, setSaved] = useState<AddressFormResult | undefined>(undefined);
  return (
    <>
      <AddressForm
        {...props}
        onSuccess={(result) => {
          setSaved(result);
          props.onSuccess?.(result);
        }}
      />
      {saved && <p role="status">{saved.changed ? 'Address saved.' : 'Nothing to save.'}</p>}
    </>
  );
}

/** Edits the customer's first address, once loaded. */
function EditFirstAddress(props: AddressFormProps) {
  const { data: addresses } = useAddresses();
  const address = addresses?.[0];
  if (!address) return <p role="status">Loading the address…</p>;
  return <AddressFormWithOutcome {...props} address={address} />;
}

function storedAddresses(simulator: EmporixSimulator) {
  return simulator.getCustomer(simulatorDefaults.email)?.addresses ?? [];
}

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type UserEvent = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

async function fillParis(canvas: Canvas, userEvent: UserEvent, country = 'France') {
  await userEvent.type(canvas.getByLabelText('Full name'), 'Max Mustermann');
  await userEvent.type(canvas.getByLabelText('Street'), 'Rue de Rivoli');
  await userEvent.type(canvas.getByLabelText('House number'), '99');
  await userEvent.type(canvas.getByLabelText('Postcode'), '75001');
  await userEvent.type(canvas.getByLabelText('City'), 'Paris');
  await userEvent.selectOptions(canvas.getByLabelText('Country'), country);
}

const meta = {
  title: 'Forms/AddressForm',
  component: AddressForm,
  decorators: [withLoggedInCustomer],
  args: { 'aria-label': 'New address' },
  render: (args) => <AddressFormWithOutcome {...args} />,
} satisfies Meta<typeof AddressForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, untouched, for a new address: the country is chosen by name. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('Full name')).toHaveValue('');
    const country = canvas.getByLabelText('Country');
    await expect(country.tagName).toBe('SELECT');
    await expect(country).toHaveDisplayValue('Select a country');
    await expect(canvas.getByRole('group', { name: 'Use this address for' })).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** The shop's own countries (`countries`), named in the shopper's language (here German, `choices.locale`). */
export const ShopCountries: Story = {
  args: { countries: ['DE', 'AT', 'CH'], messages: { 'choices.locale': 'de', 'address.country': 'Land' } },
  play: async ({ canvas }) => {
    const country = await canvas.findByLabelText('Land');
    await expect(within(country).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Select a country',
      'Deutschland',
      'Österreich',
      'Schweiz',
    ]);
  },
};

/** Adding an address on the simulator: the country chosen by name is sent as its code, with the checked tags; the focus stays on the button. */
export const Success: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('form', { name: 'New address' });
    await fillParis(canvas, userEvent);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Shipping' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
    await expect(await canvas.findByText('Address saved.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save address' })).toHaveFocus();
    await expect(storedAddresses(simulator).find((address) => address.city === 'Paris')).toMatchObject({
      contactName: 'Max Mustermann',
      country: 'FR',
      tags: ['SHIPPING'],
    });
  },
};

/** Editing an address: filled with it; only the changed fields are sent. */
export const Edit: Story = {
  args: { 'aria-label': 'Edit address' },
  render: (args) => <EditFirstAddress {...args} />,
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    const city = await canvas.findByLabelText('City');
    await expect(canvas.getByLabelText('Full name')).toHaveValue('Jane Doe');
    await expect(canvas.getByRole('checkbox', { name: 'Default address' })).toBeChecked();
    await userEvent.clear(city);
    await userEvent.type(city, 'Potsdam');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    await expect(await canvas.findByText('Address saved.')).toBeVisible();
    await expect(storedAddresses(simulator)[0]).toMatchObject({ city: 'Potsdam', street: 'Friedrichstraße' });
    await expect(simulator.requestCount('updateAddress')).toBe(1);
  },
};

/** The name is required: said on the field, which takes the focus, before anything is sent. */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(await canvas.findByLabelText('City'), 'Paris');
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
    const name = canvas.getByLabelText('Full name');
    await waitFor(() => expect(name).toHaveFocus());
    await expect(name).toHaveAccessibleDescription('This field is required.');
    await expect(simulator.requestCount('createAddress')).toBe(0);
  },
};

/** The server refuses a field (400 with details): its message shows on that field, here the cleared country. */
export const ServerFieldError: Story = {
  args: { 'aria-label': 'Edit address' },
  render: (args) => <EditFirstAddress {...args} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(await canvas.findByLabelText('Country'), 'Select a country');
    await userEvent.click(canvas.getByRole('button', { name: 'Save changes' }));
    const country = canvas.getByLabelText('Country');
    await waitFor(() => expect(country).toHaveAttribute('aria-invalid', 'true'));
    await expect(country).toHaveFocus();
    await expect(country).toHaveAccessibleDescription('country must be a two-letter country code.');
  },
};

/** The server fails (503): a form-level alert, which takes the focus; every typed value stays. */
export const ServerError: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('form', { name: 'New address' });
    await fillParis(canvas, userEvent);
    simulator.failNext({ with: 503, match: { method: 'POST', path: '/me/addresses' } });
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('City')).toHaveValue('Paris');
  },
};

async function saveWhileNetworkDown(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  await canvas.findByRole('form', { name: 'New address' });
  await fillParis(canvas, userEvent);
  simulator.failNext({ with: 'network', match: { method: 'POST', path: '/me/addresses' } });
  await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
}

/** The network is down: an alert, which takes the focus; the values stay. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await saveWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/could not reach the server/);
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('Full name')).toHaveValue('Max Mustermann');
    await expect(canvas.getByLabelText('Country')).toHaveDisplayValue('France');
  },
};

/** The journey through a dropped network: the alert, then the retry saves the address, once. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await saveWhileNetworkDown(canvas, userEvent, simulator);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
    await expect(await canvas.findByText('Address saved.')).toBeVisible();
    await expect(storedAddresses(simulator).filter((address) => address.city === 'Paris')).toHaveLength(1);
  },
};

/** While saving, the button is aria-disabled — it keeps the focus — and says so (here the server is slow). */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByRole('form', { name: 'New address' });
    await fillParis(canvas, userEvent);
    simulator.setLatency(800);
    await userEvent.click(canvas.getByRole('button', { name: 'Save address' }));
    const pending = await canvas.findByRole('button', { name: 'Saving address…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(canvas.getByRole('form', { name: 'New address' })).toHaveAttribute('data-pending');
    await expect(await canvas.findByText('Address saved.', {}, { timeout: 5000 })).toBeVisible();
  },
};

/** Composed from parts: your own fields, labels and copy; the wiring stays. */
export const Composed: Story = {
  args: {
    'aria-label': 'Quick address',
    children: (
      <>
        <FormError>{({ message }) => <strong>{message}</strong>}</FormError>
        <Field name="contactName" style={{ display: 'grid', gap: 4 }}>
          <Label>Recipient</Label>
          <Input autoComplete="name" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="city" style={{ display: 'grid', gap: 4 }}>
          <Label>Town</Label>
          <Input autoComplete="address-level2" />
        </Field>
        <Field name="country" style={{ display: 'grid', gap: 4 }}>
          <Label>Country (ISO code)</Label>
          <Input autoComplete="country" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="tags.SHIPPING">
          <Checkbox />
          <Label>Ship here</Label>
        </Field>
        <Submit>{({ pending }) => (pending ? 'Adding…' : 'Add')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(await canvas.findByLabelText('Recipient'), 'Ann Example');
    await userEvent.type(canvas.getByLabelText('Town'), 'Salzburg');
    await userEvent.type(canvas.getByLabelText('Country (ISO code)'), 'at');
    await userEvent.click(canvas.getByLabelText('Ship here'));
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText('Address saved.')).toBeVisible();
    await expect(storedAddresses(simulator).find((address) => address.city === 'Salzburg')).toMatchObject({
      country: 'AT',
      tags: ['SHIPPING'],
    });
  },
};
