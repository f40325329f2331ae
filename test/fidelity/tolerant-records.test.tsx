/**
 * The account page on records as a live tenant may hold them: timestamps in another ISO form, `null` for
 * fields that are not set, an address without a contact name, a field whose value the model does not allow.
 * The page shows and saves what it can; what it cannot use is left out (and reported to `onParseIssue`), never
 * the whole profile or address book.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ParseIssue } from '../../src/api';
import { AddressBook, ProfileForm } from '../../src/components';
import { simulatorDefaults } from '../../src/testing';
import { createTestClient, renderWithCustomer, server, setupSimulator } from '../harness';

const simulator = setupSimulator();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const me = `${simulatorDefaults.baseUrl}/customer/${simulatorDefaults.tenant}/me`;

const THROUGH = 'x-answered-by-simulator';

/** The records as the simulator has them, with `edit` applied on the way to the client. */
function answerEdited<T>(path: string, edit: (body: T) => unknown) {
  server.use(
    http.get(`${me}${path}`, async ({ request }) => {
      // The same request again, marked, is left to the simulator's handler.
      if (request.headers.has(THROUGH)) return undefined;
      const headers = new Headers(request.headers);
      headers.set(THROUGH, '1');
      const answer = await fetch(new Request(request.url, { method: request.method, headers }));
      return HttpResponse.json(edit((await answer.json()) as T) as Record<string, unknown>);
    }),
  );
}

async function renderForJane(ui: React.ReactElement) {
  const issues: ParseIssue[] = [];
  const client = createTestClient(simulator(), { onParseIssue: (issue) => issues.push(issue) });
  await client.login(jane);
  return { user: userEvent.setup(), issues, ...renderWithCustomer(ui, { client }) };
}

describe('ProfileForm', () => {
  it('shows and saves a profile with a +hhmm timestamp, nulls and a currency the model does not allow', async () => {
    answerEdited<Record<string, unknown>>('', (profile) => ({
      ...profile,
      lastLogin: '2024-01-01T10:00:00.000+0100',
      middleName: null,
      company: null,
      preferredCurrency: 'EURO',
    }));
    const { user, issues } = await renderForJane(<ProfileForm />);
    const firstName = await screen.findByLabelText('First name');
    expect(firstName).toHaveValue('Jane');
    expect(screen.getByLabelText('Middle name')).toHaveValue('');
    expect(screen.getByLabelText('Company')).toHaveValue('');
    expect(issues).toEqual([expect.objectContaining({ operation: 'getCustomer', path: 'preferredCurrency', action: 'droppedField' })]);

    await user.type(screen.getByLabelText('Middle name'), 'Q');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved');
    expect(simulator().getCustomer(jane.email)).toMatchObject({ middleName: 'Q', firstName: 'Jane' });
  });

  it('a profile without its version cannot be edited safely: the form says it could not load it', async () => {
    answerEdited<Record<string, unknown>>('', ({ metadata: _, ...profile }) => profile);
    await renderForJane(<ProfileForm />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We could not load your profile.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('AddressBook', () => {
  it('lists an address without a contact name and one with a numeric postcode, leaving out only what does not fit', async () => {
    simulator().seedCustomer({
      email: 'sam.lee@example.com',
      password: 'sam-secret-1',
      addresses: [
        { id: 'home', contactName: 'Sam Lee', street: 'Graben', zipCode: '1010', city: 'Vienna', country: 'AT' },
        { id: 'work', contactName: 'Sam Lee', street: 'Landstraße', zipCode: '4020', city: 'Linz', country: 'AT' },
      ],
    });
    answerEdited<Record<string, unknown>[]>('/addresses', ([home, work]) => [
      { ...home, contactName: undefined, state: null },
      { ...work, zipCode: 4020 },
    ]);
    const issues: ParseIssue[] = [];
    const client = createTestClient(simulator(), { onParseIssue: (issue) => issues.push(issue) });
    await client.login({ email: 'sam.lee@example.com', password: 'sam-secret-1' });
    renderWithCustomer(<AddressBook />, { client });

    const list = await screen.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(list).toHaveTextContent('Graben');
    expect(list).toHaveTextContent('Vienna');
    expect(list).toHaveTextContent('Linz');
    expect(list).toHaveTextContent('Landstraße');
    expect(list).not.toHaveTextContent('4020');
    expect(issues).toEqual([expect.objectContaining({ operation: 'listAddresses', path: '1.zipCode', action: 'droppedField' })]);
  });
});
