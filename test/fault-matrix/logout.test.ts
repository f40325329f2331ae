/**
 * Fault matrix rows 9 and 19: logout always ends the session here, whatever the server says, and
 * leaves nothing of the library behind in Web Storage.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from '../../src/api';
import { libraryKeys, server, simulatorDefaults, storedSession, setupTenant } from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const logoutUrl = () => `${setup.sim().baseUrl}/customer/${setup.sim().tenant}/logout`;

describe('9 · logout when the server cannot confirm it', () => {
  it.each([
    ['offline', () => setup.sim().failNext({ with: 'network', match: { path: '/logout' } })],
    ['answered 500', () => setup.sim().failNext({ with: 500, match: { path: '/logout' } })],
    ['answered 503 (not retried)', () => setup.sim().failNext({ with: 503, match: { path: '/logout' } })],
    ['answered 401', () => setup.sim().failNext({ with: 'empty401', match: { path: '/logout' } })],
    [
      'answered 403',
      () => server.use(http.get(logoutUrl(), () => HttpResponse.json({ status: 403, type: 'forbidden' }, { status: 403 }))),
    ],
    [
      'answered 404',
      () => server.use(http.get(logoutUrl(), () => HttpResponse.json({ status: 404, type: 'not_found' }, { status: 404 }))),
    ],
  ])('9 · %s: logout resolves and the local session is wiped', async (_, fault) => {
    const client = setup.client({ retry: { retries: 3, delay: () => 1 } });
    await client.login(jane);
    const events: SessionEvent['type'][] = [];
    client.session.on((event) => events.push(event.type));
    fault();

    await expect(client.logout()).resolves.toBeUndefined();

    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined, customerId: undefined });
    expect(client.session.getSaasToken()).toBeUndefined();
    expect(storedSession(setup.sim().tenant)).toBeNull();
    expect(events).toEqual(['logout']);
    expect(setup.wire().filter((entry) => entry.url.pathname.endsWith('/logout'))).toHaveLength(1);
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'not_logged_in' });
  });

  it('9 · an expired token is sent as it is: logout never refreshes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const client = setup.client();
      await client.login(jane);
      const stored = (storedSession(setup.sim().tenant)?.customer as { accessToken: string }).accessToken;
      vi.setSystemTime(Date.now() + 15_000_000); // past the customer token's lifetime

      await client.logout();

      expect(setup.sim().requestCount('refreshCustomerToken')).toBe(0);
      const sent = setup.wire().find((entry) => entry.url.pathname.endsWith('/logout'));
      expect(sent?.url.searchParams.get('accessToken')).toBe(stored);
      expect(sent?.headers.get('authorization')).toBe(`Bearer ${stored}`);
      expect(client.session.getState().status).toBe('anonymous');
    } finally {
      vi.useRealTimers();
    }
  });

  it('9 · the session is wiped before the server answers', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().setLatency(200);

    const done = client.logout();

    expect(client.session.getState().status).toBe('anonymous');
    expect(storedSession(setup.sim().tenant)).toBeNull();
    await done;
    expect(setup.sim().requests.at(-1)).toMatchObject({ operation: 'logout', status: 204 });
  });
});

describe('19 · nothing left behind', () => {
  it('19 · after a full session with default persistence, logout leaves no key of the library', async () => {
    const client = setup.client();
    await client.login(jane);
    await client.getCustomer();
    await client.refreshCustomerToken();
    await client.beginSocialLogin({
      authorizeUrl: 'https://idp.example.com/authorize',
      clientId: 'shop',
      redirectUri: 'https://shop.example.com/callback',
    });
    expect(libraryKeys().length).toBeGreaterThanOrEqual(2); // the session, and the pending social login

    await client.logout();

    expect(libraryKeys()).toEqual([]);
  });

  it('19 · a guest who never logged in leaves no key either', async () => {
    const client = setup.client();
    await client.getCustomer();
    expect(libraryKeys()).toHaveLength(1);

    await client.logout();

    expect(libraryKeys()).toEqual([]);
    expect(setup.sim().requestCount('logout')).toBe(0); // nobody to log out on the server
  });
});
