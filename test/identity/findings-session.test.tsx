/**
 * Regressions of the identity review, session side (findings 1–4, 10, 11): each reproduces what a shopper
 * would have seen — another customer's data, a logout they did not ask for, a session that came back or
 * vanished — and checks it no longer happens. Two clients on one storage play two tabs.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EmporixError, type SessionEvent } from '../../src/api';
import { useCreateAddress } from '../../src/hooks/use-create-address';
import { useCustomer } from '../../src/hooks/use-customer';
import { useSession } from '../../src/hooks/use-session';
import { useUpdateCustomer } from '../../src/hooks/use-update-customer';
import { createEmporixSimulator } from '../../src/testing';
import { renderCustomerHook, renderWithCustomer } from '../harness';
import { sessionKey, server, setupTenant, simulatorDefaults, storedSession } from '../fault-matrix/support';
import { gateFirst, withoutSaasToken } from './gates';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const bob = { email: 'bob@example.com', password: 'bob-secret-1' };

function seedBob(): string {
  return setup.sim().seedCustomer({ ...bob, firstName: 'Bob', lastName: 'Builder' });
}

/**
 * Tab B logs Jane out and Bob in, and tab A hears of it. The logout ends the session at once; its request
 * to end Jane's grant on the server may still be waiting (for tab A's renewal to release the refresh lock).
 */
async function bobTakesOver(tabA: ReturnType<typeof setup.client>, tabB: ReturnType<typeof setup.client>) {
  void tabB.logout();
  await tabB.login(bob);
  await vi.waitFor(() => expect(tabA.session.getState().loginId).toBe(tabB.session.getState().loginId));
}

describe("finding 1 · a write of A is never applied to B's account", () => {
  it("A's profile write waits for A's renewal while B logs in: it fails with session_changed, B's profile is untouched", async () => {
    seedBob();
    const gate = gateFirst('GET', /\/refreshauthtoken$/, setup.fetch);
    const tabA = setup.client({ fetch: gate.fetch });
    await tabA.login(jane);
    const tabB = setup.client();
    const { result } = renderCustomerHook(() => useUpdateCustomer(), { client: tabA });
    setup.sim().expireTokens('customer');

    let write!: Promise<unknown>;
    act(() => {
      write = result.current.mutateAsync({ firstName: 'Mallory' }).catch((error: unknown) => error);
    });
    await gate.held; // the PATCH was refused (401) and A's renewal is out
    await bobTakesOver(tabA, tabB);
    gate.open();

    await expect(write).resolves.toMatchObject({ type: 'session_changed' });
    await waitFor(() => expect(result.current.isIdle).toBe(true)); // the form now belongs to Bob: nothing of A's write shows
    expect(setup.sim().getCustomer(bob.email)?.firstName).toBe('Bob');
    expect(setup.sim().getCustomer(jane.email)?.firstName).toBe('Jane');
    expect(setup.sim().requests.filter((r) => r.operation === 'updateCustomer').map((r) => r.status)).toEqual([401]);
    await expect(tabB.getCustomer()).resolves.toMatchObject({ firstName: 'Bob' });
  });

  it("A's new address, refused with 401 while B logs in (the renewal finds B's fresh token): never lands in B's book", async () => {
    seedBob();
    const gate = gateFirst('POST', /\/me\/addresses$/, setup.fetch);
    const tabA = setup.client({ fetch: gate.fetch });
    await tabA.login(jane);
    const tabB = setup.client();
    const { result } = renderCustomerHook(() => useCreateAddress(), { client: tabA });
    setup.sim().expireTokens('customer');

    let write!: Promise<unknown>;
    act(() => {
      write = result.current.mutateAsync({ contactName: 'Jane Doe', street: 'Secret Lane 1' }).catch((error: unknown) => error);
    });
    await gate.held; // the 401 is on its way back to A
    await bobTakesOver(tabA, tabB);
    gate.open();

    await expect(write).resolves.toMatchObject({ type: 'session_changed' });
    expect(setup.sim().getCustomer(bob.email)?.addresses).toEqual([]);
    expect(setup.sim().requests.filter((r) => r.operation === 'createAddress').map((r) => r.status)).toEqual([401]);
    await expect(tabB.listAddresses()).resolves.toEqual([]);
  });
});

describe('finding 2 · a refused refresh of A never logs B out', () => {
  it("A's refresh is refused after B logged in: B stays logged in, here and in A's tab", async () => {
    const bobId = seedBob();
    const gate = gateFirst('GET', /\/refreshauthtoken$/, setup.fetch);
    const tabA = setup.client({ fetch: gate.fetch });
    await tabA.login(jane);
    const tabB = setup.client();
    const eventsOfB: SessionEvent['type'][] = [];
    tabB.session.on((event) => eventsOfB.push(event.type));
    setup.sim().expireTokens('customer');
    setup.sim().revokeRefreshTokens('customer'); // Jane's refresh will be refused

    const read = tabA.getCustomer().catch((error: unknown) => error);
    await gate.held;
    await bobTakesOver(tabA, tabB);
    gate.open();

    await expect(read).resolves.toMatchObject({ type: 'session_changed' });
    expect([400, 401]).toContain(setup.sim().requests.find((r) => r.operation === 'refreshCustomerToken')?.status);
    for (const tab of [tabA, tabB]) expect(tab.session.getState()).toMatchObject({ status: 'customer', customerId: bobId });
    expect(storedSession(setup.sim())?.customer).toMatchObject({ customerId: bobId });
    expect(eventsOfB).not.toContain('sessionExpired');
    await expect(tabB.getCustomer()).resolves.toMatchObject({ firstName: 'Bob' });
  });
});

describe('a session ends only by its own logout', () => {
  it("a logout clicked in a tab that has not heard of Bob's login yet leaves Bob logged in", async () => {
    const bobId = seedBob();
    const tabA = setup.client();
    await tabA.login(jane);
    const tabB = setup.client();
    await vi.waitFor(() => expect(tabB.session.getState().status).toBe('customer'));
    await tabB.logout();

    await tabB.login(bob);
    expect(tabA.session.getState().loginId).not.toBe(tabB.session.getState().loginId); // the news is on its way
    const logout = tabA.logout();

    await logout;
    expect(storedSession(setup.sim())?.customer).toMatchObject({ customerId: bobId });
    await vi.waitFor(() => expect(tabA.session.getState()).toMatchObject({ status: 'customer', customerId: bobId }));
    expect(setup.sim().requestCount('logout')).toBe(1); // Jane's, from tab B
  });
});

/** Shows whose profile is on screen, and records every name it rendered. */
function Profile({ seen }: { seen: string[] }) {
  const session = useSession();
  const { data } = useCustomer();
  const text = data ? `${data.firstName} ${data.lastName}` : `(${session.status})`;
  seen.push(text);
  return <h1>{text}</h1>;
}

describe('finding 3 · two logins never share a cache scope', () => {
  it("login answers without saas_token: after B logs in over A, A's profile is never on screen again", async () => {
    seedBob();
    const client = setup.client({ fetch: withoutSaasToken });
    await client.login(jane);
    const seen: string[] = [];
    const { queryClient } = renderWithCustomer(<Profile seen={seen} />, { client });
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeInTheDocument();
    const janesLogin = client.session.getState().loginId;

    await act(() => client.login(bob));
    const afterLogin = seen.length;

    expect(await screen.findByRole('heading', { name: 'Bob Builder' })).toBeInTheDocument();
    expect(client.session.getState()).toMatchObject({ customerId: undefined, loginId: expect.not.stringMatching(janesLogin ?? '') });
    expect(seen.slice(afterLogin).filter((text) => text.includes('Jane'))).toEqual([]);
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data))).not.toContain('Jane');
  });
});

describe('finding 4 · storage that starts refusing writes never brings old tokens back', () => {
  it('refresh tokens rotate while localStorage is full: the session keeps using the newest and stays logged in', async () => {
    const client = setup.client();
    await client.login(jane);
    const stale = JSON.stringify(storedSession(setup.sim()));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await client.refreshCustomerToken(); // rotates; only the memory fallback holds the new refresh token
    await client.refreshCustomerToken(); // must send the new one, not the stale stored copy

    expect(setup.sim().requests.filter((r) => r.operation === 'refreshCustomerToken').map((r) => r.status)).toEqual([200, 200]);
    expect(client.session.getState().status).toBe('customer');
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
    expect(JSON.stringify(storedSession(setup.sim()))).toBe(stale); // storage still holds the old copy, unread
  });

  it('a logout whose removal the storage refuses stays a logout', async () => {
    const client = setup.client();
    await client.login(jane);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('The storage is blocked.', 'SecurityError');
    });

    await client.logout();

    expect(client.session.getState().status).toBe('anonymous');
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'not_logged_in' });
  });
});

describe('finding 10 · storage is namespaced by tenant, client id and API address', () => {
  it('a production login is never sent to a staging API of the same tenant, nor used by another client id', async () => {
    const staging = createEmporixSimulator({ tenant: setup.sim().tenant, baseUrl: 'https://api.staging.example.com' });
    const otherKey = createEmporixSimulator({ tenant: setup.sim().tenant, clientId: 'another-storefront-key' });
    server.use(...staging.handlers);
    const production = setup.client();
    await production.login(jane);
    const productionToken = (storedSession(setup.sim())?.customer as { accessToken: string }).accessToken;

    const onStaging = setup.client({ baseUrl: staging.baseUrl, clientId: staging.clientId });
    const withOtherKey = setup.client({ clientId: otherKey.clientId });

    for (const client of [onStaging, withOtherKey]) expect(client.session.getState()).toMatchObject({ status: 'anonymous', loginId: undefined });
    await expect(onStaging.getCustomer()).resolves.toMatchObject({ id: '00000000' });
    const sentToStaging = setup.wire().filter((entry) => entry.url.origin === staging.baseUrl);
    expect(sentToStaging.length).toBeGreaterThan(0);
    expect(JSON.stringify(sentToStaging.map((entry) => [entry.url.search, [...entry.headers]]))).not.toContain(productionToken);
    expect(Object.keys(localStorage).sort()).toEqual([sessionKey(setup.sim()), sessionKey(staging)].sort());
  });
});

describe('finding 11 · a tampered stored session counts as no session', () => {
  const tamper = {
    'an access token with a line break': (customer: Record<string, unknown>) => ({ ...customer, accessToken: 'abc\nBearer x' }),
    'a customer without its login id': ({ loginId: _loginId, ...customer }: Record<string, unknown>) => customer,
    'an expiry that is not a number': (customer: Record<string, unknown>) => ({ ...customer, expiresAt: 'tomorrow' }),
    'a SaaS token with a non-ASCII character': (customer: Record<string, unknown>) => ({ ...customer, saasToken: 'tökén' }),
  };

  it.each(Object.entries(tamper))('%s: the reloaded page is a guest, and its requests work', async (_, change) => {
    const client = setup.client();
    await client.login(jane);
    client.dispose();
    const stored = storedSession(setup.sim()) as { customer: Record<string, unknown> };
    localStorage.setItem(sessionKey(setup.sim()), JSON.stringify({ ...stored, customer: change(stored.customer) }));

    const reloaded = setup.client();

    expect(reloaded.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined, loginId: undefined });
    const profile = await reloaded.getCustomer().catch((error: unknown) => error);
    expect(profile).not.toBeInstanceOf(TypeError);
    expect(profile).not.toBeInstanceOf(EmporixError);
    expect(profile).toMatchObject({ id: '00000000' });
    expect(JSON.stringify(storedSession(setup.sim()))).not.toContain('Bearer x');
  });
});
