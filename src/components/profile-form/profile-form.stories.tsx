import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { createCustomerClient } from '../../api';
import { simulatorDefaults, type EmporixSimulator } from '../../testing';
import { Field, FieldError, FormError, Input, Label, Submit } from '../form/parts';
import { FormSuccess } from '../form/form-success';
import { BeforeFirstRender, withLoggedInCustomer } from '../../../.storybook/logged-in-customer';
import { ProfileForm } from './profile-form';

function stored(simulator: EmporixSimulator) {
  return simulator.getCustomer(simulatorDefaults.email);
}

const meta = {
  title: 'Forms/ProfileForm',
  component: ProfileForm,
  decorators: [withLoggedInCustomer],
} satisfies Meta<typeof ProfileForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The complete form it renders without children, filled with the logged-in customer's profile. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('First name')).toHaveValue('Jane');
    await expect(canvas.getByLabelText('Last name')).toHaveValue('Doe');
    await expect(canvas.getByLabelText('Contact email')).toHaveValue(simulatorDefaults.email);
    await expect(canvas.getByLabelText('Preferred currency')).toHaveValue('USD');
    await expect(canvas.getByLabelText('Preferred currency')).toHaveDisplayValue('US Dollar');
    await expect(canvas.getByLabelText('Preferred language')).toHaveDisplayValue('English (United States)');
    await expect(canvas.getByLabelText('Company registration ID')).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Save profile' })).toBeEnabled();
  },
};

/** While the profile loads (the simulator answers slowly here), a status says so; then the form appears. */
export const Loading: Story = {
  render: (args, { loaded }) => (
    <BeforeFirstRender setup={() => (loaded.simulator as EmporixSimulator).setLatency(800)}>
      <ProfileForm {...args} />
    </BeforeFirstRender>
  ),
  play: async ({ canvas, loaded }) => {
    const loading = await canvas.findByText('Loading your profile…');
    await expect(loading).toHaveAttribute('role', 'status');
    await expect(canvas.queryByRole('textbox')).not.toBeInTheDocument();
    await expect(await canvas.findByLabelText('First name', {}, { timeout: 3000 })).toHaveValue('Jane');
    (loaded.simulator as EmporixSimulator).setLatency(0);
  },
};

/** Loading the profile fails (the network drops the first `GET /me`): an alert with a retry, which loads it. */
export const LoadError: Story = {
  beforeEach({ loaded }) {
    (loaded.simulator as EmporixSimulator).failNext({ with: 'network', match: { method: 'GET', path: /\/me$/ } });
  },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not load your profile.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByLabelText('First name')).toHaveValue('Jane');
  },
};

/**
 * The rules are checked before anything is sent: a valid contact email, and for a business customer (company
 * registration ID) first name, last name and company.
 */
export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.clear(await canvas.findByLabelText('Last name'));
    await userEvent.type(canvas.getByLabelText('Company registration ID'), 'HRB 12345');
    await userEvent.clear(canvas.getByLabelText('Contact email'));
    await userEvent.type(canvas.getByLabelText('Contact email'), 'jane@');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));

    const required = 'Required for business customers (with a company registration ID).';
    await waitFor(() => expect(canvas.getByLabelText('Last name')).toHaveAccessibleDescription(required));
    await expect(canvas.getByLabelText('Last name')).toHaveFocus();
    await expect(canvas.getByLabelText('Company')).toHaveAccessibleDescription(required);
    await expect(canvas.getByLabelText('Contact email')).toHaveAccessibleDescription('Enter a valid email address.');
    await expect((loaded.simulator as EmporixSimulator).requestCount('updateCustomer')).toBe(0);
  },
};

/** The server refuses with field details (injected here): each lands on its field, the rest on the form. */
export const ServerFieldErrors: Story = {
  beforeEach({ msw, loaded }) {
    const simulator = loaded.simulator as EmporixSimulator;
    msw.use(
      http.patch(`${simulator.baseUrl}/customer/${simulator.tenant}/me`, () =>
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
  },
  play: async ({ canvas, userEvent }) => {
    const phone = await canvas.findByLabelText('Phone');
    await userEvent.clear(phone);
    await userEvent.type(phone, 'call me');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(phone).toHaveAccessibleDescription('contactPhone is not a phone number.'));
    await expect(phone).toHaveFocus();
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Some of your entries were not accepted.');
    // The detail about a field the form does not have is listed, naming it.
    await expect(within(alert).getByRole('listitem')).toHaveTextContent('Loyalty: Unknown mixin.');
    await expect(phone).toHaveValue('call me');
  },
};

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type UserEvent = Parameters<NonNullable<Story['play']>>[0]['userEvent'];

/** Changes the last name from another client, then saves a first name in the form: the form's version is stale. */
async function saveAfterAChangeElsewhere(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  const firstName = await canvas.findByLabelText('First name');
  const elsewhere = createCustomerClient({
    tenant: simulator.tenant,
    clientId: simulator.clientId,
    baseUrl: simulator.baseUrl,
    persistence: 'memory',
  });
  await elsewhere.login({ email: simulatorDefaults.email, password: simulatorDefaults.password });
  await elsewhere.updateCustomer({ lastName: 'Smith' });
  await userEvent.clear(firstName);
  await userEvent.type(firstName, 'Janet');
  await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
}

/**
 * The profile changed elsewhere after the form was filled: the server refuses the stale version (409). The
 * form loads the latest version — the last name changed elsewhere shows — keeps the typed first name, and
 * says so in an alert, which takes the focus.
 */
export const Conflict: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await saveAfterAChangeElsewhere(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(
      'This was changed elsewhere; we loaded the latest version and kept your edits — check and save again.',
    );
    await waitFor(() => expect(alert).toHaveFocus());
    await waitFor(() => expect(canvas.getByLabelText('Last name')).toHaveValue('Smith'));
    await expect(canvas.getByLabelText('First name')).toHaveValue('Janet');
  },
};

/** The journey out of a conflict: after checking the latest version, saving again keeps both changes. */
export const SaveAgainAfterConflict: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await saveAfterAChangeElsewhere(canvas, userEvent, simulator);
    await canvas.findByRole('alert');
    await waitFor(() => expect(canvas.getByLabelText('Last name')).toHaveValue('Smith'));
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Profile saved');
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
    await expect(simulator.getCustomer(simulatorDefaults.email)).toMatchObject({ firstName: 'Janet', lastName: 'Smith' });
  },
};

async function saveWhileNetworkDown(canvas: Canvas, userEvent: UserEvent, simulator: EmporixSimulator) {
  const firstName = await canvas.findByLabelText('First name');
  await userEvent.clear(firstName);
  await userEvent.type(firstName, 'Janet');
  simulator.failNext({ with: 'network', match: { method: 'PATCH', path: '/me' } });
  await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
}

/** The network is down when saving: a form-level alert, which takes the focus; every typed value stays. */
export const NetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    await saveWhileNetworkDown(canvas, userEvent, loaded.simulator as EmporixSimulator);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('First name')).toHaveValue('Janet');
  },
};

/** The journey through a dropped network: the alert, then the retry with the values still there saves. */
export const RetryAfterNetworkDown: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await saveWhileNetworkDown(canvas, userEvent, simulator);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not reach the server.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Profile saved');
    await expect(stored(simulator)?.firstName).toBe('Janet');
  },
};

/** While the changes are saved (a slow simulator here) the button is aria-disabled — it keeps the focus — and says so. */
export const Pending: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await userEvent.type(await canvas.findByLabelText('Middle name'), 'Quinn');
    simulator.setLatency(600);
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    const pending = await canvas.findByRole('button', { name: 'Saving…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await expect(pending).toHaveFocus();
    await expect(await canvas.findByRole('status', {}, { timeout: 4000 })).toHaveTextContent('Profile saved');
    simulator.setLatency(0);
  },
};

/** The shop's own lists: languages with a region as the API writes them, its currencies and sites, all by name. */
export const ShopChoices: Story = {
  args: {
    languages: ['en_US', 'de', 'fr_CH'],
    currencies: ['USD', 'EUR', 'CHF'],
    sites: [
      { value: 'main', label: 'United States' },
      { value: 'ch', label: 'Switzerland' },
    ],
  },
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    const language = await canvas.findByLabelText('Preferred language');
    const names = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);
    await expect(names(language)).toEqual(['English (United States)', 'German', 'French (Switzerland)']);
    await expect(names(canvas.getByLabelText('Preferred currency'))).toEqual(['US Dollar', 'Euro', 'Swiss Franc']);
    await expect(canvas.getByLabelText('Preferred site')).toHaveDisplayValue('United States');

    await userEvent.selectOptions(language, 'French (Switzerland)');
    await userEvent.selectOptions(canvas.getByLabelText('Preferred currency'), 'Swiss Franc');
    await userEvent.selectOptions(canvas.getByLabelText('Preferred site'), 'Switzerland');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Profile saved');
    await expect(stored(simulator)).toMatchObject({ preferredLanguage: 'fr_CH', preferredCurrency: 'CHF', preferredSite: 'ch' });
  },
};

/**
 * Saving with the keyboard alone: only the changed fields are sent, and the form says "Profile saved"; the
 * focus stays where the shopper pressed Enter.
 */
export const Success: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    await canvas.findByLabelText('Title');
    await userEvent.tab();
    await expect(canvas.getByLabelText('Title')).toHaveFocus();
    await userEvent.keyboard('Dr.');
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByLabelText('Middle name')).toHaveFocus();
    await userEvent.keyboard('Quinn{Enter}');
    await expect(await canvas.findByRole('status')).toHaveTextContent('Profile saved');
    await expect(canvas.getByLabelText('Middle name')).toHaveFocus();
    await expect(stored(simulator)).toMatchObject({ title: 'Dr.', middleName: 'Quinn', firstName: 'Jane' });
    await expect(stored(simulator)?.metadata.version).toBe(2);
  },
};

/**
 * The session ends while the shopper edits (tokens expired and refresh refused in the simulator): the form
 * says so in an alert, which takes the focus, and keeps what was typed.
 */
export const SessionExpired: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const simulator = loaded.simulator as EmporixSimulator;
    const firstName = await canvas.findByLabelText('First name');
    await userEvent.clear(firstName);
    await userEvent.type(firstName, 'Janet');
    simulator.expireTokens('customer');
    simulator.revokeRefreshTokens('customer');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Your session has ended. Please log in again.');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(canvas.getByLabelText('First name')).toHaveValue('Janet');
    await expect(stored(simulator)?.firstName).toBe('Jane');
  },
};

/** Composed from parts: your own markup and copy for the fields you want; the wiring stays. */
export const Composed: Story = {
  args: {
    children: (
      <>
        <FormError />
        <Field name="firstName" style={{ display: 'grid', gap: 4 }}>
          <Label>Given name</Label>
          <Input autoComplete="given-name" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <Field name="lastName" style={{ display: 'grid', gap: 4 }}>
          <Label>Family name</Label>
          <Input autoComplete="family-name" />
          <FieldError style={{ color: 'crimson' }} />
        </Field>
        <FormSuccess>
          <strong>All set.</strong>
        </FormSuccess>
        <Submit>{({ pending }) => (pending ? 'Updating…' : 'Update')}</Submit>
      </>
    ),
  },
  play: async ({ canvas, userEvent, loaded }) => {
    const givenName = await canvas.findByLabelText('Given name');
    await expect(givenName).toHaveValue('Jane');
    await userEvent.clear(givenName);
    await userEvent.type(givenName, 'Janet');
    await userEvent.click(canvas.getByRole('button', { name: 'Update' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('All set.');
    await expect(stored(loaded.simulator as EmporixSimulator)).toMatchObject({ firstName: 'Janet', lastName: 'Doe' });
  },
};
