/**
 * Fault matrix rows 9 and 19: logout always ends the session here, whatever the server says, and
 * leaves nothing of the library behind in Web Storage; the server is asked to end the grant too, with a
 * renewed token when the stored one has expired or is refused.
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
    ['offline', () => setup.sim().failNext({ with: 'network', match: { path: '/logout' } }), 1],
    ['answered 500', () => setup.sim().failNext({ with: 500, match: { path: '/logout' } }), 1],
    ['answered 503 (not retried)', () => setup.sim().failNext({ with: 503, match: { path: '/logout' } }), 1],
    // The token was refused: it is renewed and the logout sent once more, to end the grant.
    ['answered 401 twice', () => setup.sim().failNext({ with: 'empty401', count: 2, match: { path: '/logout' } }), 2],
    [
      'answered 403',
      () => server.use(http.get(logoutUrl(), () => HttpResponse.json({ status: 403, type: 'forbidden' }, { status: 403 }))),
      1,
    ],
    [
      'answered 404',
      () => server.use(http.get(logoutUrl(), () => HttpResponse.json({ status: 404, type: 'not_found' }, { status: 404 }))),
      1,
    ],
  ])('9 · %s: logout resolves and the local session is wiped', async (_, fault, logoutRequests) => {
    const client = setup.client({ retry: { retries: 3, delay: () => 1 } });
    await client.login(jane);
    const events: SessionEvent['type'][] = [];
    client.session.on((event) => events.push(event.type));
    fault();

    await expect(client.logout()).resolves.toBeUndefined();

    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined, customerId: undefined });
    expect(client.session.getSaasToken()).toBeUndefined();
    expect(storedSession(setup.sim())).toBeNull();
    expect(events).toEqual(['logout']);
    expect(setup.wire().filter((entry) => entry.url.pathname.endsWith('/logout'))).toHaveLength(logoutRequests);
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'not_logged_in' });
  });
});

/** Whether the server still renews with this refresh token (asked directly, as an attacker holding it would). */
async function refreshTokenWorks(refreshToken: string): Promise<boolean> {
  const sim = setup.sim();
  const anonymous = await fetch(
    `${sim.baseUrl}/customerlogin/auth/anonymous/login?tenant=${sim.tenant}&client_id=${sim.clientId}`,
  ).then((response) => response.json() as Promise<{ access_token: string }>);
  const response = await fetch(
    `${sim.baseUrl}/customer/${sim.tenant}/refreshauthtoken?refreshToken=${encodeURIComponent(refreshToken)}`,
    { headers: { authorization: `Bearer ${anonymous.access_token}` } },
  );
  return response.ok;
}

/** The refresh token of the newest refresh answer on the wire. */
const lastIssuedRefreshToken = () =>
  (JSON.parse(setup.wire().findLast((entry) => entry.url.pathname.endsWith('/refreshauthtoken'))?.responseText ?? '{}') as {
    refresh_token?: string;
  }).refresh_token ?? '';

describe('9 · logout ends the grant on the server', () => {
  it('9 · a valid token: logout is sent with it, without a refresh, and the refresh token dies with it', async () => {
    const client = setup.client();
    await client.login(jane);
    const { accessToken, refreshToken } = storedSession(setup.sim())?.customer as { accessToken: string; refreshToken: string };

    await client.logout();

    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(0);
    const sent = setup.wire().find((entry) => entry.url.pathname.endsWith('/logout'));
    expect(sent?.url.searchParams.get('accessToken')).toBe(accessToken);
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${accessToken}`);
    await expect(refreshTokenWorks(refreshToken)).resolves.toBe(false);
  });

  it('9 · an expired token: renewed first, then logged out with the new one, so the grant ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      setup.reconfigure({ lifetimes: { customerAccess: 14_399 } }); // a customer token of 4 h, its refresh token of 24 h
      const client = setup.client();
      await client.login(jane);
      const stored = (storedSession(setup.sim())?.customer as { accessToken: string }).accessToken;
      vi.setSystemTime(Date.now() + 15_000_000); // past the customer token's lifetime, not its refresh token's

      await client.logout();

      expect(client.session.getState().status).toBe('anonymous');
      expect(storedSession(setup.sim())?.customer).toBeUndefined();
      expect(setup.sim().requests.slice(-2).map((r) => [r.operation, r.status, r.auth])).toEqual([
        ['refreshCustomerToken', 200, 'anonymous'],
        ['logout', 204, 'customer'],
      ]);
      const sent = setup.wire().find((entry) => entry.url.pathname.endsWith('/logout'));
      expect(sent?.url.searchParams.get('accessToken')).not.toBe(stored);
      await expect(refreshTokenWorks(lastIssuedRefreshToken())).resolves.toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('9 · a token the server refuses at logout: renewed, logout sent again, the grant ends', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().expireTokens('customer');

    await client.logout();

    expect(setup.sim().requests.slice(-3).map((r) => [r.operation, r.status])).toEqual([
      ['logout', 401],
      ['refreshCustomerToken', 200],
      ['logout', 204],
    ]);
    await expect(refreshTokenWorks(lastIssuedRefreshToken())).resolves.toBe(false);
    expect(storedSession(setup.sim())).toBeNull();
  });
});

describe('9 · logout timing', () => {

  it('9 · the session is wiped before the server answers', async () => {
    const client = setup.client();
    await client.login(jane);
    setup.sim().setLatency(200);

    const done = client.logout();

    expect(client.session.getState().status).toBe('anonymous');
    expect(storedSession(setup.sim())).toBeNull();
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
