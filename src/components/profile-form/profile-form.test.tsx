import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { forwardRef, Profiler, type ComponentPropsWithoutRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, renderWithCustomer, server, setupSimulator } from '../../../test/harness';
import { simulatorDefaults } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { FormSuccess } from '../form/form-success';
import { ProfileForm } from './profile-form';

const simulator = setupSimulator();

async function renderProfile(ui = <ProfileForm />) {
  const client = createTestClient(simulator());
  await client.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  const view = renderWithCustomer(ui, { client });
  return { user: userEvent.setup(), client, ...view };
}

/** The bodies of the PATCH /me requests sent during the test. */
function recordPatches(): unknown[] {
  const bodies: unknown[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'PATCH' && new URL(request.url).pathname.endsWith('/me')) {
      void request.clone().json().then((body: unknown) => bodies.push(body));
    }
  };
  server.events.on('request:start', listener);
  return bodies;
}

function stored() {
  const customer = simulator().getCustomer(simulatorDefaults.email);
  if (!customer) throw new Error('The seeded customer is gone.');
  return customer;
}

const save = () => screen.getByRole('button', { name: 'Save profile' });

describe('<ProfileForm> default rendering', () => {
  it('shows a loading status, then the form filled with the profile', async () => {
    await renderProfile();
    expect(screen.getByRole('status')).toHaveTextContent('Loading your profile…');
    expect(await screen.findByLabelText('First name')).toHaveValue('Jane');
    expect(screen.getByLabelText('Last name')).toHaveValue('Doe');
    expect(screen.getByLabelText('Contact email')).toHaveValue(simulatorDefaults.email);
    expect(screen.getByLabelText('Phone')).toHaveValue('+49 30 1234567');
    // Role queries over a few hundred options are slow in jsdom: the selects are read through the DOM.
    const currency = screen.getByLabelText<HTMLSelectElement>('Preferred currency');
    expect(currency.tagName).toBe('SELECT');
    expect(currency).toHaveValue('USD');
    expect(currency.selectedOptions[0]).toHaveTextContent('US Dollar');
    // A currency that is set cannot be cleared: no empty choice.
    expect(currency.querySelector('option[value=""]')).toBeNull();
    const language = screen.getByLabelText<HTMLSelectElement>('Preferred language');
    expect(language).toHaveValue('en_US');
    expect(language.selectedOptions[0]).toHaveTextContent('English (United States)');
    expect(language.querySelector('option[value="de"]')).toHaveTextContent('German');
    expect(screen.getByLabelText('Preferred site').tagName).toBe('INPUT');
    expect(screen.getByLabelText('Preferred site')).toHaveValue('main');
    expect(screen.getByLabelText('Company registration ID')).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('saves only the changed fields, with the profile version, and says so', async () => {
    const onSuccess = vi.fn();
    const patches = recordPatches();
    const { user } = await renderProfile(<ProfileForm onSuccess={onSuccess} />);
    const firstName = await screen.findByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.type(screen.getByLabelText('Company'), 'Acme GmbH');
    await user.selectOptions(screen.getByLabelText('Preferred currency'), 'Euro');
    await user.click(save());

    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    const sent = { firstName: 'Janet', company: 'Acme GmbH', preferredCurrency: 'EUR', metadata: { version: 1 } };
    expect(patches).toEqual([sent]);
    expect(onSuccess).toHaveBeenCalledWith(sent);
    expect(stored()).toMatchObject({ firstName: 'Janet', lastName: 'Doe', company: 'Acme GmbH', preferredCurrency: 'EUR' });
    expect(stored().metadata.version).toBe(2);
    // The saved values are the new baseline: the new currency shows, and nothing is left to save.
    expect(screen.getByLabelText('Preferred currency')).toHaveValue('EUR');
    await user.type(screen.getByLabelText('Middle name'), 'Q');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('sends a second change with the new version', async () => {
    const patches = recordPatches();
    const { user } = await renderProfile();
    await user.type(await screen.findByLabelText('Title'), 'Dr.');
    await user.click(save());
    await screen.findByRole('status');
    await user.clear(screen.getByLabelText('Title'));
    await user.click(save());
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ title: '', metadata: { version: 2 } });
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(stored().title).toBe('');
  });

  it('sends nothing when nothing changed', async () => {
    const { user } = await renderProfile();
    await screen.findByLabelText('First name');
    await user.click(save());
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(simulator().requestCount('updateCustomer')).toBe(0);
  });

  it("offers the shop's languages, currencies and sites when given, named in the messages' locale", async () => {
    const patches = recordPatches();
    const { user } = await renderProfile(
      <ProfileForm
        languages={['de', 'en_US', 'fr_CH']}
        currencies={['EUR', 'CHF']}
        sites={['main', { value: 'ch', label: 'Schweiz' }]}
        messages={{ 'choices.locale': 'de' }}
      />,
    );
    const language = await screen.findByLabelText('Preferred language');
    const names = (select: HTMLElement) => [...select.querySelectorAll('option')].map((option) => option.textContent);
    expect(names(language)).toEqual(['Deutsch', 'Englisch (Vereinigte Staaten)', 'Französisch (Schweiz)']);
    // USD is not among the shop's currencies, but it is Jane's: it stays, with its name.
    expect(names(screen.getByLabelText('Preferred currency'))).toEqual(['US-Dollar', 'Euro', 'Schweizer Franken']);
    expect(names(screen.getByLabelText('Preferred site'))).toEqual(['main', 'Schweiz']);

    await user.selectOptions(language, 'fr_CH');
    await user.selectOptions(screen.getByLabelText('Preferred currency'), 'CHF');
    await user.selectOptions(screen.getByLabelText('Preferred site'), 'Schweiz');
    await user.click(save());
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toMatchObject({ preferredLanguage: 'fr_CH', preferredCurrency: 'CHF', preferredSite: 'ch' });
  });

  it('checks the contact email, which can be changed but not removed', async () => {
    const { user } = await renderProfile();
    const email = await screen.findByLabelText('Contact email');
    await user.clear(email);
    await user.type(email, 'jane@');
    await user.click(save());
    await waitFor(() => expect(email).toHaveAccessibleDescription('Enter a valid email address.'));
    await user.clear(email);
    await user.click(save());
    await waitFor(() => expect(email).toHaveAccessibleDescription('The contact email cannot be removed, only changed.'));
    expect(simulator().requestCount('updateCustomer')).toBe(0);
  });

  it('requires first name, last name and company of a business customer', async () => {
    const { user } = await renderProfile();
    await user.clear(await screen.findByLabelText('Last name'));
    await user.type(screen.getByLabelText('Company registration ID'), 'HRB 12345');
    await user.click(save());
    const required = 'Required for business customers (with a company registration ID).';
    await waitFor(() => expect(screen.getByLabelText('Last name')).toHaveAccessibleDescription(required));
    expect(screen.getByLabelText('Last name')).toHaveFocus();
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription(required);
    expect(screen.getByLabelText('First name')).not.toHaveAttribute('aria-invalid');
    expect(simulator().requestCount('updateCustomer')).toBe(0);

    await user.type(screen.getByLabelText('Last name'), 'Doe');
    await user.type(screen.getByLabelText('Company'), 'Acme GmbH');
    await user.click(save());
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(stored().b2b).toEqual({ companyRegistrationId: 'HRB 12345' });
  });

  it('shows the server’s field details on the fields, the rest as a form error', async () => {
    const { user } = await renderProfile();
    server.use(
      http.patch(`${simulator().baseUrl}/customer/${simulator().tenant}/me`, () =>
        HttpResponse.json(
          {
            status: 400,
            type: 'validation_failure',
            message: 'The request failed validation.',
            details: [
              { field: 'contactPhone', type: 'invalid_value', message: 'contactPhone is not a phone number.' },
              { field: 'mixins.loyalty', type: 'invalid_value', message: 'Unknown mixin.' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const phone = await screen.findByLabelText('Phone');
    await user.clear(phone);
    await user.type(phone, 'call me');
    await user.click(save());
    await waitFor(() => expect(phone).toHaveAccessibleDescription('contactPhone is not a phone number.'));
    expect(phone).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some of your entries were not accepted.');
    expect(phone).toHaveValue('call me');
  });

  it('on a conflict with a change made elsewhere, loads the latest version, keeps the edits and says so', async () => {
    const patches = recordPatches();
    const { user } = await renderProfile();
    const firstName = await screen.findByLabelText('First name');
    const elsewhere = createTestClient(simulator(), { persistence: 'memory' });
    await elsewhere.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
    await elsewhere.updateCustomer({ lastName: 'Smith' });

    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.click(save());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This was changed elsewhere; we loaded the latest version and kept your edits — check and save again.',
    );
    // The latest version on screen, the edit kept; nothing of it saved yet.
    await waitFor(() => expect(screen.getByLabelText('Last name')).toHaveValue('Smith'));
    expect(firstName).toHaveValue('Janet');
    expect(stored()).toMatchObject({ firstName: 'Jane', lastName: 'Smith' });

    await user.click(save());
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(stored()).toMatchObject({ firstName: 'Janet', lastName: 'Smith' });
    // The change made elsewhere, the refused save, then the edit only, against the version now shown.
    expect(patches).toEqual([
      { lastName: 'Smith' },
      { firstName: 'Janet', metadata: { version: 1 } },
      { firstName: 'Janet', metadata: { version: 2 } },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('where the API ignores a stale version, saves the edit over it', async () => {
    simulator().setUndocumented({ staleVersion: 'ignored' });
    const { user } = await renderProfile();
    const firstName = await screen.findByLabelText('First name');
    const elsewhere = createTestClient(simulator(), { persistence: 'memory' });
    await elsewhere.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
    await elsewhere.updateCustomer({ lastName: 'Smith' });
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.click(save());
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(stored()).toMatchObject({ firstName: 'Janet', lastName: 'Smith' });
    await waitFor(() => expect(screen.getByLabelText('Last name')).toHaveValue('Smith'));
  });

  it('keeps every typed value and offers a retry when the network fails', async () => {
    const { user } = await renderProfile();
    const firstName = await screen.findByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.type(screen.getByLabelText('Middle name'), 'Q');
    simulator().failNext({ with: 'network', match: { method: 'PATCH', path: '/me' } });
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/);
    expect(firstName).toHaveValue('Janet');
    expect(screen.getByLabelText('Middle name')).toHaveValue('Q');

    await user.click(save());
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(stored()).toMatchObject({ firstName: 'Janet', middleName: 'Q' });
  });

  it('says the session ended when it did while the shopper was editing', async () => {
    const { user } = await renderProfile();
    const firstName = await screen.findByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    simulator().expireTokens('customer');
    simulator().revokeRefreshTokens('customer');
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended. Please log in again.');
    expect(screen.getByLabelText('First name')).toHaveValue('Janet');
    expect(stored().firstName).toBe('Jane');
  });

  it('keeps the focus on the submit button, aria-disabled, while saving', async () => {
    const { user } = await renderProfile();
    await user.type(await screen.findByLabelText('Middle name'), 'Q');
    simulator().setLatency(150);
    await user.click(save());
    const pending = screen.getByRole('button', { name: 'Saving…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    expect(pending).toHaveFocus();
    expect(pending).toHaveAttribute('data-pending');
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(simulator().requestCount('updateCustomer')).toBe(1);
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = await renderProfile();
    await screen.findByLabelText('Title');
    await user.tab();
    expect(screen.getByLabelText('Title')).toHaveFocus();
    await user.keyboard('Dr.');
    await user.tab();
    await user.tab();
    expect(screen.getByLabelText('Middle name')).toHaveFocus();
    await user.keyboard('Quinn{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(stored()).toMatchObject({ title: 'Dr.', middleName: 'Quinn' });
  });

  it('shows a load failure with a retry', async () => {
    simulator().failNext({ with: 'network', match: { method: 'GET', path: '/me' } });
    const { user } = await renderProfile();
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not load your profile.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('First name')).toHaveValue('Jane');
  });

  it('leaves the form on logout, and shows the next customer their own profile', async () => {
    simulator().seedCustomer({ email: 'max@example.com', password: 'max-password', firstName: 'Max', lastName: 'Muster' });
    const { user, client } = await renderProfile();
    const firstName = await screen.findByLabelText('First name');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');

    await client.logout();
    expect(await screen.findByRole('status')).toHaveTextContent('Log in to see and edit your profile.');
    expect(screen.queryByLabelText('First name')).not.toBeInTheDocument();

    await client.login({ email: 'max@example.com', password: 'max-password' });
    expect(await screen.findByLabelText('First name')).toHaveValue('Max');
    expect(screen.getByLabelText('Contact email')).toHaveValue('max@example.com');
  });

  it('asks a guest to log in', () => {
    const client = createTestClient(simulator());
    renderWithCustomer(<ProfileForm />, { client });
    expect(screen.getByRole('status')).toHaveTextContent('Log in to see and edit your profile.');
  });

  it('takes translated messages', async () => {
    const { user } = await renderProfile(
      <ProfileForm
        messages={{
          'profile.loading': 'Profil wird geladen…',
          'profile.firstName': 'Vorname',
          'profile.submit': 'Speichern',
          'profile.saved': 'Profil gespeichert',
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Profil wird geladen…');
    await user.type(await screen.findByLabelText('Vorname'), 'a');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Profil gespeichert');
  });
});

describe('<ProfileForm> composed from parts', () => {
  it('uses the markup it is given', async () => {
    const { user } = await renderProfile(
      <ProfileForm className="profile">
        <FormError />
        <Field name="firstName">
          <Label>Given name</Label>
          <Input className="field" />
          <FieldError />
        </Field>
        <FormSuccess>All set.</FormSuccess>
        <Submit>Update</Submit>
      </ProfileForm>,
    );
    const firstName = await screen.findByLabelText('Given name');
    expect(firstName).toHaveClass('field');
    expect(firstName).toHaveValue('Jane');
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByRole('status')).toHaveTextContent('All set.');
    expect(stored()).toMatchObject({ firstName: 'Janet', lastName: 'Doe' });
  });
});

describe('<ProfileForm> re-renders', () => {
  it('typing into one field re-renders neither the form root nor the other fields', async () => {
    const rootRendered = vi.fn();
    const otherFieldUpdated = vi.fn();
    // Rendered by `<Form asChild>`, so it renders exactly when the form root does.
    const CountingForm = forwardRef<HTMLFormElement, ComponentPropsWithoutRef<'form'>>(function CountingForm(props, ref) {
      rootRendered();
      return <form ref={ref} {...props} />;
    });
    const { user } = await renderProfile(
      <ProfileForm asChild>
        <CountingForm>
          <Field name="firstName">
            <Label>First name</Label>
            <Input />
          </Field>
          <Profiler id="lastName" onRender={(_id, phase) => phase !== 'mount' && otherFieldUpdated()}>
            <Field name="lastName">
              <Label>Last name</Label>
              <Input />
            </Field>
          </Profiler>
          <Submit>Save</Submit>
        </CountingForm>
      </ProfileForm>,
    );
    const firstName = await screen.findByLabelText('First name');
    await waitFor(() => expect(firstName).toHaveValue('Jane'));
    rootRendered.mockClear();
    otherFieldUpdated.mockClear();
    await user.type(firstName, 'ne Q');
    expect(firstName).toHaveValue('Janene Q');
    expect(rootRendered).not.toHaveBeenCalled();
    expect(otherFieldUpdated).not.toHaveBeenCalled();
  });
});
