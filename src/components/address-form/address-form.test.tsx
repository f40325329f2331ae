import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, server, setupSimulator } from '../../../test/harness';
import type { AddressDto } from '../../api/schemas';
import { simulatorDefaults } from '../../testing';
import { Checkbox, Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { AddressForm } from './address-form';

const simulator = setupSimulator();

async function renderForm(ui: React.ReactElement = <AddressForm />) {
  const client = createTestClient(simulator());
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  const view = renderWithCustomer(ui, { client });
  return { user: userEvent.setup(), client, ...view };
}

/** The seeded default address, as the API lists it. */
async function janesAddress(): Promise<AddressDto> {
  const client = createTestClient(simulator());
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  const [address] = await client.listAddresses();
  if (!address) throw new Error('The seeded address is gone.');
  return address;
}

/** The bodies of the address writes (POST / PATCH) sent during the test. */
function recordAddressBodies(): Array<{ method: string; body: unknown }> {
  const bodies: Array<{ method: string; body: unknown }> = [];
  server.events.on('request:start', ({ request }) => {
    if (/\/me\/addresses/.test(new URL(request.url).pathname) && ['POST', 'PATCH'].includes(request.method)) {
      void request
        .clone()
        .json()
        .then((body: unknown) => bodies.push({ method: request.method, body }));
    }
  });
  return bodies;
}

function addresses() {
  return simulator().getCustomer(simulatorDefaults.email)?.addresses ?? [];
}

type User = ReturnType<typeof userEvent.setup>;

async function fillNewAddress(user: User, country = 'FR') {
  await user.type(screen.getByLabelText('Full name'), 'Max Mustermann');
  await user.type(screen.getByLabelText('Street'), 'Rue de Rivoli');
  await user.type(screen.getByLabelText('House number'), '99');
  await user.type(screen.getByLabelText('Postcode'), '75001');
  await user.type(screen.getByLabelText('City'), 'Paris');
  await user.selectOptions(screen.getByLabelText('Country'), country);
}

const saveNew = () => screen.getByRole('button', { name: 'Save address' });
const saveEdit = () => screen.getByRole('button', { name: 'Save changes' });

describe('<AddressForm> adding an address', () => {
  it('renders labelled fields, the tag checkboxes and the default flag', async () => {
    await renderForm();
    expect(screen.getByLabelText('Full name')).toHaveAttribute('autocomplete', 'name');
    // Role queries over 250 options are slow in jsdom: the select is read through the DOM.
    const country = screen.getByLabelText<HTMLSelectElement>('Country');
    expect(country.tagName).toBe('SELECT');
    expect(country).toHaveAttribute('autocomplete', 'country');
    expect(country).toHaveValue('');
    expect(country.selectedOptions[0]).toHaveTextContent('Select a country');
    expect(country.querySelector('option[value="FR"]')).toHaveTextContent('France');
    // The 249 ISO 3166-1 countries, and nothing that is not one (no groupings, aliases or reserved codes).
    expect(country.querySelectorAll('option:not([value=""])')).toHaveLength(249);
    for (const code of ['EU', 'UN', 'UK', 'XK', 'ZZ', 'AC']) expect(country.querySelector(`option[value="${code}"]`)).toBeNull();
    expect(screen.getByRole('group', { name: 'Use this address for' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Billing' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Shipping' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Default address' })).not.toBeChecked();
    expect(saveNew()).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds the address with the filled fields only, the country upper-cased and the checked tags', async () => {
    const onSuccess = vi.fn();
    const bodies = recordAddressBodies();
    const { user } = await renderForm(<AddressForm onSuccess={onSuccess} />);
    await fillNewAddress(user);
    await user.click(screen.getByRole('checkbox', { name: 'Shipping' }));
    await user.click(saveNew());

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const added = addresses().find((address) => address.city === 'Paris');
    expect(onSuccess).toHaveBeenCalledWith({ mode: 'create', id: added?.id, changed: true });
    expect(added).toMatchObject({ contactName: 'Max Mustermann', country: 'FR', tags: ['SHIPPING'], isDefault: false });
    expect(bodies).toEqual([
      {
        method: 'POST',
        body: {
          contactName: 'Max Mustermann',
          street: 'Rue de Rivoli',
          streetNumber: '99',
          zipCode: '75001',
          city: 'Paris',
          country: 'FR',
          tags: ['SHIPPING'],
        },
      },
    ]);
    // The form starts over for the next address.
    expect(screen.getByLabelText('Full name')).toHaveValue('');
    expect(simulator().requestCount('createAddress')).toBe(1);
  });

  it('makes the new address the default when asked', async () => {
    const { user } = await renderForm();
    await fillNewAddress(user);
    await user.click(screen.getByRole('checkbox', { name: 'Default address' }));
    await user.click(saveNew());

    await waitFor(() => expect(addresses().find((address) => address.city === 'Paris')?.isDefault).toBe(true));
    expect(addresses().find((address) => address.city === 'Berlin')?.isDefault).toBe(false);
    expect(simulator().requestCount('createAddress')).toBe(1);
    expect(simulator().requestCount('updateAddress')).toBe(1);
  });

  it('completes an address whose "make default" step failed on retry, without adding it twice', async () => {
    const { user } = await renderForm();
    await fillNewAddress(user);
    await user.click(screen.getByRole('checkbox', { name: 'Default address' }));
    simulator().failNext({ with: 503, match: { method: 'PATCH', path: '/me/addresses/' } });
    await user.click(saveNew());
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(addresses().filter((address) => address.city === 'Paris')).toMatchObject([{ isDefault: false }]);

    await user.click(saveNew());
    await waitFor(() => expect(addresses().find((address) => address.city === 'Paris')?.isDefault).toBe(true));
    expect(addresses().filter((address) => address.city === 'Paris')).toHaveLength(1);
    expect(simulator().requestCount('createAddress')).toBe(1);
  });

  it('requires a name, before sending anything', async () => {
    const { user } = await renderForm();
    await user.selectOptions(screen.getByLabelText('Country'), 'DE');
    await user.click(saveNew());

    const name = screen.getByLabelText('Full name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('This field is required.');

    await user.type(name, '   ');
    await user.click(saveNew());
    await waitFor(() => expect(name).toHaveAccessibleDescription('This field is required.'));
    expect(simulator().requestCount('createAddress')).toBe(0);
  });

  it("offers the shop's own countries, named in the messages' locale, and keeps a stored code it does not list", async () => {
    const address = { ...(await janesAddress()), country: 'IS' };
    const { user } = await renderForm(
      <AddressForm address={address} countries={['DE', 'AT', { value: 'CH', label: 'Schweiz (CH)' }]} messages={{ 'choices.locale': 'de' }} />,
    );
    const country = screen.getByLabelText('Country');
    expect([...country.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Select a country',
      'Island',
      'Deutschland',
      'Österreich',
      'Schweiz (CH)',
    ]);
    expect(country).toHaveValue('IS');
    await user.selectOptions(country, 'Österreich');
    expect(country).toHaveValue('AT');
  });

  it('accepts an address without a country', async () => {
    const { user } = await renderForm();
    await user.type(screen.getByLabelText('Full name'), 'No Country');
    await user.click(saveNew());
    await waitFor(() => expect(addresses().some((address) => address.contactName === 'No Country')).toBe(true));
    expect(addresses().find((address) => address.contactName === 'No Country')).not.toHaveProperty('country');
  });

  it('shows the server’s field details on their fields and the rest on the form', async () => {
    server.use(
      http.post(`${simulatorDefaults.baseUrl}/customer/${simulatorDefaults.tenant}/me/addresses`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: 'The request failed validation.',
            details: [
              { field: 'contactName', type: 'invalid_value', message: 'contactName contains characters we cannot print.' },
              { field: 'mixins.deliveryNote', type: 'invalid_value', message: 'The delivery note is too long.' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await renderForm();
    await fillNewAddress(user);
    await user.click(saveNew());

    const name = screen.getByLabelText('Full name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('contactName contains characters we cannot print.'));
    expect(name).toHaveFocus();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some of your entries were not accepted. Please check them and try again.');
    // The detail about a field the form does not render is not lost: it is listed, naming the field.
    expect(within(alert).getByRole('listitem')).toHaveTextContent('Delivery note: The delivery note is too long.');
  });

  it('keeps every typed value when the network fails, and a retry adds the address once', async () => {
    const { user } = await renderForm();
    await fillNewAddress(user);
    await user.click(screen.getByRole('checkbox', { name: 'Billing' }));
    simulator().failNext({ with: 'network', match: { method: 'POST', path: '/me/addresses' } });
    await user.click(saveNew());

    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(screen.getByLabelText('Full name')).toHaveValue('Max Mustermann');
    expect(screen.getByLabelText('Country')).toHaveValue('FR');
    expect(screen.getByRole('checkbox', { name: 'Billing' })).toBeChecked();

    await user.click(saveNew());
    await waitFor(() => expect(addresses().filter((address) => address.city === 'Paris')).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a server failure as a plain form error', async () => {
    const { user } = await renderForm();
    await fillNewAddress(user);
    simulator().failNext({ with: 503, match: { method: 'POST', path: '/me/addresses' } });
    await user.click(saveNew());
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.getByLabelText('City')).toHaveValue('Paris');
  });

  it('is pending while saving: the button is aria-disabled, keeps the focus and says so', async () => {
    const { user } = await renderForm(<AddressForm aria-label="New address" />);
    await fillNewAddress(user);
    simulator().setLatency(150);
    await user.click(saveNew());
    const pending = await screen.findByRole('button', { name: 'Saving address…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(screen.getByRole('form', { name: 'New address' })).toHaveAttribute('data-pending');
    await waitFor(() => expect(saveNew()).not.toHaveAttribute('aria-disabled'));
    expect(simulator().requestCount('createAddress')).toBe(1);
  });

  it('can be completed with the keyboard alone', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderForm(<AddressForm onSuccess={onSuccess} onCancel={() => {}} />);
    await user.tab();
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    await user.keyboard('Erika Musterfrau');
    await user.tab(); // company
    await user.tab();
    await user.keyboard('Hauptstraße');
    await user.tab();
    await user.keyboard('5');
    await user.tab(); // appendix
    await user.tab();
    await user.keyboard('80331');
    await user.tab();
    await user.keyboard('München');
    await user.tab(); // state
    await user.tab();
    expect(screen.getByLabelText('Country')).toHaveFocus();
    await user.tab(); // phone
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Billing' })).toHaveFocus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(addresses().find((address) => address.city === 'München')).toMatchObject({ tags: ['BILLING'] });
  });

  it('offers Cancel when onCancel is given', async () => {
    const onCancel = vi.fn();
    const { user } = await renderForm(<AddressForm onCancel={onCancel} />);
    await user.type(screen.getByLabelText('Full name'), 'Draft');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(simulator().requestCount('createAddress')).toBe(0);
  });

  it('takes translated messages and a list of tags of its own', async () => {
    const { user } = await renderForm(
      <AddressForm
        tags={['BILLING', 'PICKUP']}
        messages={{
          'address.contactName': 'Name',
          'address.create': 'Adresse speichern',
          'address.tag.PICKUP': 'Abholung',
          'field.required': 'Pflichtfeld',
        }}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'Abholung' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Shipping' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Adresse speichern' }));
    expect(await screen.findByLabelText('Name')).toHaveAccessibleDescription('Pflichtfeld');
  });
});

describe('<AddressForm> editing an address', () => {
  it('is filled with the address and sends only what changed, with its version', async () => {
    const address = await janesAddress();
    const onSuccess = vi.fn();
    const bodies = recordAddressBodies();
    const { user } = await renderForm(<AddressForm address={address} onSuccess={onSuccess} />);
    expect(screen.getByLabelText('Full name')).toHaveValue('Jane Doe');
    expect(screen.getByLabelText('Country')).toHaveValue('DE');
    expect(screen.getByRole('checkbox', { name: 'Billing' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Default address' })).toBeChecked();

    await user.clear(screen.getByLabelText('City'));
    await user.type(screen.getByLabelText('City'), 'Potsdam');
    await user.type(screen.getByLabelText('Company (optional)'), 'Acme');
    await user.click(screen.getByRole('checkbox', { name: 'Shipping' }));
    await user.click(saveEdit());

    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ mode: 'update', id: address.id, changed: true }));
    expect(bodies).toEqual([
      {
        method: 'PATCH',
        body: { companyName: 'Acme', city: 'Potsdam', tags: ['BILLING'], metadata: { version: address.metadata?.version } },
      },
    ]);
    expect(addresses()[0]).toMatchObject({ city: 'Potsdam', companyName: 'Acme', tags: ['BILLING'], isDefault: true });
  });

  it('sends nothing when nothing changed', async () => {
    const address = await janesAddress();
    const onSuccess = vi.fn();
    const { user } = await renderForm(<AddressForm address={address} onSuccess={onSuccess} />);
    await user.click(saveEdit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ mode: 'update', id: address.id, changed: false }));
    expect(simulator().requestCount('updateAddress')).toBe(0);
  });

  it('keeps tags it does not offer', async () => {
    const address = { ...(await janesAddress()), tags: ['BILLING', 'PICKUP'] };
    const bodies = recordAddressBodies();
    const { user } = await renderForm(<AddressForm address={address} />);
    expect(screen.getByRole('checkbox', { name: 'PICKUP' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Billing' }));
    await user.click(saveEdit());
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]?.body).toMatchObject({ tags: ['PICKUP'] });
  });

  it('shows the server refusing a cleared country on the country field', async () => {
    const address = await janesAddress();
    const { user } = await renderForm(<AddressForm address={address} />);
    await user.selectOptions(screen.getByLabelText('Country'), 'Select a country');
    await user.click(saveEdit());
    const country = screen.getByLabelText('Country');
    await waitFor(() => expect(country).toHaveAttribute('aria-invalid', 'true'));
    expect(country).toHaveFocus();
    expect(country).toHaveAccessibleDescription('country must be a two-letter country code.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(addresses()[0]?.country).toBe('DE');
  });
});

describe('<AddressForm> composed from parts', () => {
  it('uses the markup it is given', async () => {
    const onSuccess = vi.fn();
    const { user } = await renderForm(
      <AddressForm aria-label="Quick address" onSuccess={onSuccess}>
        <FormError />
        <Field name="contactName">
          <Label>Recipient</Label>
          <Input className="name" />
          <FieldError />
        </Field>
        <Field name="country">
          <Label>Country</Label>
          <Input />
          <FieldError />
        </Field>
        <Field name="tags.SHIPPING">
          <Checkbox />
          <Label>Ship here</Label>
        </Field>
        <Submit>Add</Submit>
      </AddressForm>,
    );
    const form = screen.getByRole('form', { name: 'Quick address' });
    expect(within(form).getByLabelText('Recipient')).toHaveClass('name');
    await user.type(within(form).getByLabelText('Country'), 'Germany');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('Enter a two-letter country code, for example DE.')).toBeInTheDocument();

    await user.type(within(form).getByLabelText('Recipient'), 'Ann');
    await user.clear(within(form).getByLabelText('Country'));
    await user.type(within(form).getByLabelText('Country'), 'at');
    await user.click(within(form).getByLabelText('Ship here'));
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(addresses().find((address) => address.contactName === 'Ann')).toMatchObject({ country: 'AT', tags: ['SHIPPING'] });
  });
});
