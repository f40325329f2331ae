/**
 * The session on the reference's token lifetimes (the simulator's defaults): a customer access token of 30
 * days whose refresh token lapses after 24 h, an anonymous token of 1 h (refresh token 24 h), and a SaaS
 * token of 4 h by its own `exp`. The customer stays logged in while the access token lives; renewal is
 * tried only while the refresh token lives; the anonymous token is fetched only when an operation needs it.
 * Driven by fake timers (the simulator reads the same faked clock).
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server, setupTenant, simulatorDefaults } from '../../test/fault-matrix/support';
import { EmporixError } from './errors';

const setup = setupTenant({ legalEntities: { [simulatorDefaults.email]: [{ id: 'LE-7', name: 'Doe Trading' }] } });
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const START = Date.parse('2025-06-01T10:00:00Z');
const HOUR = 3_600_000;
const hours = (h: number) => vi.advanceTimersByTimeAsync(h * HOUR);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A logged-in client (its refreshes queue in the page), the session events it emits, and what it sends from now on. */
async function loggedIn() {
  const client = setup.client({ persistence: 'memory' });
  await client.login(jane);
  const events: string[] = [];
  client.session.on((event) => events.push(event.type));
  const before = setup.sim().requests.length;
  const sentSince = () => setup.sim().requests.slice(before).map((r) => `${r.operation} ${r.status}`);
  return { client, events, sentSince };
}

describe('a day after login: the access token lives, its refresh token has lapsed', () => {
  it('keeps the customer logged in, reading with the access token, and renews nothing', async () => {
    const { client, events, sentSince } = await loggedIn();
    const { loginId, expiresAt } = client.session.getState();
    expect(expiresAt).toBe(START + 2_591_999_000);

    await hours(25);

    expect(client.session.getState()).toMatchObject({ status: 'customer', loginId, expiresAt });
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
    expect(sentSince()).toEqual(['getCustomer 200']);
    expect(setup.sim().requests.at(-1)?.auth).toBe('customer');
    expect(events).toEqual([]);
  });

  it('refuses a legal-entity switch with login_required, sending nothing; the session stays', async () => {
    const { client, events, sentSince } = await loggedIn();
    await hours(25);
    const before = client.session.getState();

    const error = await client.refreshCustomerToken({ legalEntityId: 'LE-7' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'login_required', operation: 'refreshCustomerToken', message: expect.stringMatching(/log in again/) });
    expect(client.session.getState()).toEqual(before);
    expect(sentSince()).toEqual([]);
    expect(events).toEqual([]);
    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });
  });

  it('ends the session on a 401, as the access token is evidently dead', async () => {
    const { client, events, sentSince } = await loggedIn();
    await hours(25);
    setup.sim().expireTokens('customer');

    await expect(client.getCustomer()).rejects.toMatchObject({ type: 'session_expired' });

    expect(sentSince()).toEqual(['getCustomer 401']);
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', loginId: undefined });
    expect(events).toEqual(['sessionExpired']);
  });

  it('while the refresh token lives, a 401 still renews once (the anonymous token on demand) and replays once', async () => {
    const { client, sentSince } = await loggedIn();
    await hours(2);
    setup.sim().expireTokens('customer');

    await expect(client.getCustomer()).resolves.toMatchObject({ firstName: 'Jane' });

    expect(sentSince()).toEqual(['getCustomer 401', 'anonymousRefresh 200', 'refreshCustomerToken 200', 'getCustomer 200']);
    expect(client.session.getState().status).toBe('customer');
  });
});

describe('the access token lapses', () => {
  it('ends the session cleanly 30 days after login, without trying to renew', async () => {
    const { client, events, sentSince } = await loggedIn();

    await hours(30 * 24 - 1);
    expect(client.session.getState().status).toBe('customer');
    await hours(1);

    expect(client.session.getState()).toMatchObject({ status: 'anonymous', loginId: undefined, saasTokenExpiresAt: undefined });
    expect(events).toEqual(['sessionExpired']);
    expect(sentSince()).toEqual([]);
  });
});

describe('the SaaS token', () => {
  it('is handed out until its own exp, which the state shows; a refresh keeps it only until then', async () => {
    const { client } = await loggedIn();
    const saasToken = client.session.getSaasToken();
    expect(saasToken).toEqual(expect.any(String));
    expect(client.session.getState().saasTokenExpiresAt).toBe(START + 4 * HOUR);

    await hours(3);
    await client.refreshCustomerToken(); // the answer brings no SaaS token
    expect(client.session.getSaasToken()).toBe(saasToken);
    expect(client.session.getState().saasTokenExpiresAt).toBe(START + 4 * HOUR);

    await hours(1);
    expect(client.session.getSaasToken()).toBeUndefined();
    expect(client.session.getState()).toMatchObject({ status: 'customer', saasTokenExpiresAt: START + 4 * HOUR });

    await client.refreshCustomerToken();
    expect(client.session.getSaasToken()).toBeUndefined();
    expect(client.session.getState()).toMatchObject({ status: 'customer', saasTokenExpiresAt: undefined });
  });

  it('one that cannot be decoded is taken to expire with the customer access token', async () => {
    server.use(
      http.post(
        `${setup.sim().baseUrl}/customer/${setup.sim().tenant}/login`,
        () => HttpResponse.json({ access_token: 'a-token', expires_in: 600, refresh_token: 'r-token', saas_token: 'not-a-jwt' }),
        { once: true },
      ),
    );
    const { client } = await loggedIn();

    expect(client.session.getState()).toMatchObject({ expiresAt: START + 600_000, saasTokenExpiresAt: START + 600_000 });
    expect(client.session.getSaasToken()).toBe('not-a-jwt');
  });
});

describe('the anonymous token while a customer is logged in', () => {
  it('is neither renewed nor fetched in the background, over three days', async () => {
    const { sentSince } = await loggedIn();

    await hours(72);

    expect(sentSince()).toEqual([]);
    expect(setup.sim().requestCount('anonymousLogin')).toBe(1);
    expect(setup.sim().requestCount('anonymousRefresh')).toBe(0);
  });

  it('is fetched fresh when an operation needs it, in the customer session', async () => {
    const { client, sentSince } = await loggedIn();
    const { sessionId } = client.session.getState();
    await hours(72);

    await client.requestPasswordReset({ email: jane.email });

    // Its refresh token lapsed after a day: a new anonymous login, then the operation with that token.
    expect(sentSince()).toEqual(['anonymousLogin 200', 'requestPasswordReset 204']);
    expect(setup.sim().requests.at(-1)?.auth).toBe('anonymous');
    expect(client.session.getState()).toMatchObject({ status: 'customer', sessionId });
  });
});
