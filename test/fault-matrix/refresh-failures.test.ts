/**
 * Fault matrix rows 4–8 and 22: what a refresh that goes wrong does to the session — a refused refresh
 * ends it cleanly, a flaky network keeps it (and is not retried: the refresh token may have rotated), a
 * bad answer never replaces good tokens.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmporixError, type SessionEvent } from '../../src/api';
import { sentTo, server, sessionKey, simulatorDefaults, storedSession, setupTenant } from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

afterEach(() => {
  vi.useRealTimers();
});

interface StoredCustomer {
  accessToken: string;
  refreshToken: string;
  saasToken?: string;
}

const storedCustomer = () => storedSession(setup.sim())?.customer as StoredCustomer | undefined;
const refreshUrl = () => `${setup.sim().baseUrl}/customer/${setup.sim().tenant}/refreshauthtoken`;

async function loggedIn(options: Parameters<typeof setup.client>[0] = {}) {
  const client = setup.client(options);
  await client.login(jane);
  const events: SessionEvent['type'][] = [];
  client.session.on((event) => events.push(event.type));
  return { client, events };
}

describe('4 · a refused refresh ends the session', () => {
  it.each([
    ['401 (refresh token revoked)', () => setup.sim().revokeRefreshTokens('customer')],
    [
      '400',
      () =>
        server.use(
          http.get(refreshUrl(), () =>
            HttpResponse.json({ status: 400, type: 'invalid_token', message: 'Refresh token invalid.' }, { status: 400 }),
          ),
        ),
    ],
  ])('4 · refresh answered %s: all waiters rejected, tokens wiped, one sessionExpired', async (_, refuse) => {
    const { client, events } = await loggedIn();
    setup.sim().expireTokens('customer');
    refuse();

    const results = await Promise.allSettled([
      client.getCustomer(),
      client.listAddresses(),
      client.validateToken(),
      client.getCustomer(),
      client.updateCustomer({ firstName: 'Janet' }),
    ]);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(EmporixError);
      expect(reason).toMatchObject({ type: 'session_expired', status: 401 });
    }
    expect(events.filter((type) => type === 'sessionExpired')).toHaveLength(1);
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined, customerId: undefined });
    expect(client.session.getSaasToken()).toBeUndefined();
    expect(storedSession(setup.sim())).toBeNull();
    expect(setup.wire().filter((entry) => entry.url.pathname.endsWith('/refreshauthtoken'))).toHaveLength(1);
  });

  it('4 · the next request starts a new anonymous session', async () => {
    const { client } = await loggedIn();
    const { sessionId } = client.session.getState();
    setup.sim().expireTokens('customer');
    setup.sim().revokeRefreshTokens('customer');
    await expect(client.getCustomer()).rejects.toMatchObject({ type: 'session_expired' });

    await expect(client.getCustomer()).resolves.toMatchObject({ id: '00000000' });
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: expect.any(String) });
    expect(client.session.getState().sessionId).not.toBe(sessionId);
  });

  it('4 · a refused switch of legal entity keeps the session', async () => {
    const { client, events } = await loggedIn();
    await expect(client.refreshCustomerToken({ legalEntityId: 'not-mine' })).rejects.toMatchObject({ status: 400 });
    expect(client.session.getState().status).toBe('customer');
    expect(events).not.toContain('sessionExpired');
  });
});

describe('5 · a refresh that meets a flaky network', () => {
  // The refresh token may rotate, so refreshauthtoken is sent once: a repeat after a lost answer could spend
  // a token the server has already replaced, and end the session.
  it.each([503, 504, 'network'] as const)('5 · %s: not retried; the request fails, the session is kept, the next one renews', async (fault) => {
    const delays: number[] = [];
    const { client, events } = await loggedIn({ retry: { retries: 3, delay: (attempt) => (delays.push(attempt), 1) } });
    const before = storedCustomer();
    setup.sim().expireTokens('customer');
    setup.sim().failNext({ with: fault, match: { path: '/refreshauthtoken' } });

    const error = await client.getCustomer().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject(fault === 'network' ? { type: 'network_error', outcomeUnknown: true } : { status: fault });
    expect(delays).toEqual([]);
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    expect(client.session.getState().status).toBe('customer');
    expect(storedCustomer()).toEqual(before);
    expect(events).toEqual([]);

    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(2);
  });

  it('5 · renewing ahead of expiry: a refresh that does not get through leaves the still-valid token in use', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    setup.reconfigure({ lifetimes: { customerAccess: 14_399 } }); // a customer token of 4 h, its refresh token of 24 h
    const { client, events } = await loggedIn();
    const before = storedCustomer();
    vi.setSystemTime(Date.now() + 14_399_000 - 30_000); // within the refresh margin, 30 s before expiry
    setup.sim().failNext({ with: 503, match: { path: '/refreshauthtoken' } });

    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });

    expect(setup.sim().requests.slice(-2).map((r) => [r.operation, r.status, r.auth])).toEqual([
      ['refreshCustomerToken', 503, 'anonymous'],
      ['getCustomer', 200, 'customer'],
    ]);
    expect(sentTo(setup, 'GET', '/me').at(-1)?.headers.get('authorization')).toBe(`Bearer ${before?.accessToken}`);
    expect(events).toEqual(['refresh']); // the anonymous token's, which authorises refreshauthtoken
    expect(storedCustomer()).toEqual(before);
  });
});

describe('6 · a refresh answered with an unusable body', () => {
  it.each([
    ['malformed JSON', () => setup.sim().failNext({ with: 'malformed', match: { path: '/refreshauthtoken' } })],
    [
      'no access_token',
      () => server.use(http.get(refreshUrl(), () => HttpResponse.json({ expires_in: 3600, refresh_token: 'r-new' }), { once: true })),
    ],
    [
      'an access_token but no lifetime',
      () => server.use(http.get(refreshUrl(), () => HttpResponse.json({ access_token: 'a-new' }), { once: true })),
    ],
  ])('6 · %s: a typed error, the good tokens stay and still work', async (_, answer) => {
    const { client, events } = await loggedIn();
    const before = storedCustomer();
    setup.sim().expireTokens('customer');
    answer();

    await expect(client.getCustomer()).rejects.toMatchObject({ type: 'malformed_response' });

    expect(storedCustomer()).toEqual(before);
    expect(client.session.getState().status).toBe('customer');
    expect(events).toEqual([]);
    // The kept refresh token was never spent: the next attempt renews with it.
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
  });
});

describe('7 · the refresh token after a refresh', () => {
  it('7 · no refresh_token in the answer: the old one is kept and used next time', async () => {
    const { client } = await loggedIn();
    const before = storedCustomer() as StoredCustomer;
    server.use(
      http.get(refreshUrl(), () => HttpResponse.json({ access_token: 'access-without-refresh', expires_in: 600 }), {
        once: true,
      }),
    );

    await client.refreshCustomerToken();

    expect(storedCustomer()).toMatchObject({
      accessToken: 'access-without-refresh',
      refreshToken: before.refreshToken,
      saasToken: before.saasToken,
    });
    await client.refreshCustomerToken();
    const sent = setup.wire().filter((entry) => entry.url.pathname.endsWith('/refreshauthtoken'));
    expect(sent.map((entry) => entry.url.searchParams.get('refreshToken'))).toEqual([before.refreshToken, before.refreshToken]);
  });

  it('7 · a rotated refresh token replaces the old one in the same write as the new access token', async () => {
    const { client } = await loggedIn();
    const before = storedCustomer() as StoredCustomer;
    const key = sessionKey(setup.sim());
    const spy = vi.spyOn(Storage.prototype, 'setItem');

    await client.refreshCustomerToken();

    const answer = JSON.parse(
      setup.wire().findLast((entry) => entry.url.pathname.endsWith('/refreshauthtoken'))?.responseText ?? '{}',
    ) as { access_token: string; refresh_token: string };
    const sessionWrites = spy.mock.calls.filter(([k]) => k === key).map(([, value]) => JSON.parse(value) as { customer: StoredCustomer });
    expect(sessionWrites).toHaveLength(1);
    expect(sessionWrites[0]?.customer).toMatchObject({ accessToken: answer.access_token, refreshToken: answer.refresh_token });
    expect(answer.refresh_token).not.toBe(before.refreshToken);
    expect(JSON.stringify(storedSession(setup.sim()))).not.toContain(before.refreshToken);
  });
});

describe('8 · the replayed request is refused again', () => {
  it('8 · the second 401 surfaces as an error, with no second refresh', async () => {
    const { client } = await loggedIn();
    setup.sim().failNext({ with: 'empty401', count: 2, match: { method: 'GET', path: /\/me$/ } });

    const error = await client.getCustomer().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ status: 401, operation: 'getCustomer' });
    expect(setup.sim().requestCount('refreshCustomerToken')).toBe(1);
    expect(setup.sim().requestCount('getCustomer')).toBe(2);
    expect(client.session.getState().status).toBe('customer');
  });
});

describe('22 · the anonymous refresh token is gone while the customer token lives on', () => {
  it('22 · refused by the server: a new anonymous token is fetched before the customer refresh', async () => {
    const { client } = await loggedIn();
    setup.sim().expireTokens('all');
    setup.sim().revokeRefreshTokens('anonymous');
    setup.sim().setUndocumented({ refreshRefused: 'invalidRefreshToken401' });
    const start = setup.sim().requests.length;

    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });

    expect(setup.sim().requests.slice(start).map((r) => [r.operation, r.status])).toEqual([
      ['getCustomer', 401],
      ['refreshCustomerToken', 401],
      ['anonymousRefresh', 401],
      ['anonymousLogin', 200],
      ['refreshCustomerToken', 200],
      ['getCustomer', 200],
    ]);
    expect(client.session.getState().status).toBe('customer');
  });

  it('22 · known to be expired: a new anonymous login first, without a doomed request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // the simulator reads the same clock
    const hours = (h: number) => vi.setSystemTime(Date.now() + h * 3_600_000);
    setup.reconfigure({ lifetimes: { customerAccess: 14_399 } }); // a customer token of 4 h, its refresh token of 24 h
    const client = setup.client();
    await client.session.ensureAnonymous(); // its refresh token lives 24 h from now
    hours(22);
    await client.login(jane); // renews the anonymous access token (same refresh token), then logs in
    hours(4.1); // anonymous refresh token dead (26.1 h), customer token expired (4.1 h > 4 h), its refresh token alive
    const start = setup.sim().requests.length;

    await expect(client.listAddresses()).resolves.toHaveLength(1);

    expect(setup.sim().requests.slice(start).map((r) => [r.operation, r.status])).toEqual([
      ['anonymousLogin', 200],
      ['refreshCustomerToken', 200],
      ['listAddresses', 200],
    ]);
  });
});
