/**
 * The hooks and the headless forms run unchanged on a client in proxy mode: a shopper logs in with
 * `LoginForm`, edits the profile and the address book, changes the password and logs out — every request
 * through the proxy, no token in the page at any step.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AddressBook, ChangePasswordForm, LoginForm, ProfileForm, useCustomer, useLogout, useSession } from '../../src';
import { simulatorDefaults } from '../../src/testing';
import { renderWithCustomer } from '../harness';
import { PROXY_PATH, readableByScripts, setupProxyPage } from './support';

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const page = setupProxyPage({ simulator: { customers: [{ ...jane, firstName: 'Jane', lastName: 'Doe' }] } });

function Account() {
  const session = useSession();
  const { data: customer } = useCustomer({ expand: ['addresses'] });
  const logout = useLogout();
  if (session.status !== 'customer') return <LoginForm aria-label="Log in" />;
  return (
    <main>
      <h1>{`Hello, ${customer?.firstName ?? '…'}`}</h1>
      <ProfileForm />
      <AddressBook />
      <ChangePasswordForm />
      <button type="button" onClick={() => logout.mutate()}>
        Log out
      </button>
    </main>
  );
}

function expectNoTokenReadable(): void {
  const readable = readableByScripts();
  for (const token of page.tokens()) expect(readable).not.toContain(token);
}

describe('hooks and forms on a proxy-mode client', () => {
  it('log in, edit the profile and the address book, change the password, log out', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    renderWithCustomer(<Account />, { client: page.client() });

    await user.type(await screen.findByLabelText('Email'), jane.email);
    await user.type(screen.getByLabelText('Password'), jane.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Hello, Jane' })).toBeInTheDocument();
    expectNoTokenReadable();

    const firstName = await screen.findByLabelText('First name');
    await waitFor(() => expect(firstName).toHaveValue('Jane'));
    await user.clear(firstName);
    await user.type(firstName, 'Janet');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('heading', { name: 'Hello, Janet' })).toBeInTheDocument();
    expect(page.sim().getCustomer(jane.email)?.firstName).toBe('Janet');

    await user.click(screen.getByRole('button', { name: 'Add address' }));
    const form = within(screen.getByRole('form', { name: 'New address' }));
    await user.type(form.getByLabelText('Full name'), 'Janet Doe');
    await user.type(form.getByLabelText('Street'), 'Elbchaussee');
    await user.type(form.getByLabelText('House number'), '1');
    await user.type(form.getByLabelText('Postcode'), '22763');
    await user.type(form.getByLabelText('City'), 'Hamburg');
    await user.selectOptions(form.getByLabelText('Country'), 'DE');
    await user.click(screen.getByRole('button', { name: 'Save address' }));
    await waitFor(() => expect(page.sim().getCustomer(jane.email)?.addresses.map((address) => address.city)).toEqual(['Hamburg']));

    await user.type(screen.getByLabelText('Current password'), jane.password);
    await user.type(screen.getByLabelText('New password', { exact: true }), 'second-pass-2');
    await user.type(screen.getByLabelText('Repeat the new password'), 'second-pass-2');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expectNoTokenReadable();

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('form', { name: 'Log in' })).toBeInTheDocument();
    expect(document.cookie).not.toMatch(/-login=/);

    const paths = new Set(page.requests().map((request) => request.url.pathname.slice(0, PROXY_PATH.length)));
    expect([...paths]).toEqual([PROXY_PATH]);
    expect(page.requests().every((request) => !request.headers.has('authorization'))).toBe(true);
  });
});
