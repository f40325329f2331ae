/**
 * Fault matrix row 23, at the client: token answers in every shape the reference shows (deprecated
 * camelCase names, lifetimes as numeric strings, `initialPassword` as string or boolean, no session id,
 * no refresh token) still start a working session. The reference examples themselves are parsed by
 * the contract tests (test/contract/reference-examples.test.ts).
 */
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server, simulatorDefaults, storedSession, setupTenant } from './support';

const setup = setupTenant();
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const NOW = Date.parse('2025-06-01T10:00:00Z');

afterEach(() => {
  vi.useRealTimers();
});

/** Answers the next login with `body` instead of the simulator's answer. */
function loginAnswers(body: Record<string, unknown>) {
  server.use(
    http.post(`${setup.sim().baseUrl}/customer/${setup.sim().tenant}/login`, () => HttpResponse.json(body), { once: true }),
  );
}

function frozenClient() {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  return setup.client();
}

const customerPart = () => storedSession(setup.sim())?.customer as Record<string, unknown>;

describe('23 · tolerant token answers', () => {
  it('23 · deprecated camelCase names only', async () => {
    const client = frozenClient();
    loginAnswers({ accessToken: 'a-camel', expiresIn: 600, refreshToken: 'r-camel', refreshTokenExpiresIn: 3600, saasToken: 's-camel' });

    await client.login(jane);

    expect(customerPart()).toMatchObject({ accessToken: 'a-camel', refreshToken: 'r-camel', saasToken: 's-camel', expiresAt: NOW + 600_000 });
    expect(client.session.getSaasToken()).toBe('s-camel');
    expect(client.session.getState()).toMatchObject({ status: 'customer', expiresAt: NOW + 600_000 });
  });

  it('23 · snake_case wins where both names are present', async () => {
    const client = frozenClient();
    loginAnswers({ access_token: 'a-snake', accessToken: 'a-camel', expires_in: 60, expiresIn: 999 });

    await client.login(jane);

    expect(customerPart()).toMatchObject({ accessToken: 'a-snake', expiresAt: NOW + 60_000 });
  });

  it('23 · lifetimes as numeric strings (as social login answers)', async () => {
    const client = frozenClient();
    loginAnswers({ access_token: 'a', expires_in: '14399', refresh_token: 'r', refresh_token_expires_in: '86399' });

    await client.login(jane);

    expect(customerPart()).toMatchObject({ expiresAt: NOW + 14_399_000, refreshExpiresAt: NOW + 86_399_000 });
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [undefined, false],
  ])('23 · initialPassword %j tells the app %j', async (sent, told) => {
    const client = setup.client();
    loginAnswers({ access_token: 'a', expires_in: 600, initialPassword: sent });
    await expect(client.login(jane)).resolves.toEqual({ initialPassword: told });
  });

  it('23 · no session id in the customer answer: the anonymous session id is kept', async () => {
    const client = setup.client();
    await client.session.ensureAnonymous();
    const { sessionId } = client.session.getState();
    loginAnswers({ access_token: 'a', expires_in: 600, refresh_token: 'r' });

    await client.login(jane);

    expect(client.session.getState()).toMatchObject({ status: 'customer', sessionId });
  });

  it('23 · session_id instead of sessionId in an anonymous answer, or none at all', async () => {
    const anonymousLogin = () => `${setup.sim().baseUrl}/customerlogin/auth/anonymous/login`;
    const client = setup.client();
    server.use(http.get(anonymousLogin(), () => HttpResponse.json({ access_token: 'anon', expires_in: '3599', session_id: 'S-1' }), { once: true }));
    await expect(client.session.ensureAnonymous()).resolves.toBe('anon');
    expect(client.session.getState().sessionId).toBe('S-1');

    const other = setup.client({ persistence: 'memory' });
    server.use(http.get(anonymousLogin(), () => HttpResponse.json({ access_token: 'anon-2', expires_in: 3599 }), { once: true }));
    await expect(other.session.ensureAnonymous()).resolves.toBe('anon-2');
    expect(other.session.getState()).toMatchObject({ status: 'anonymous', sessionId: undefined });
  });

  it('23 · no refresh token: the token serves until it expires, then the session ends instead of guessing', async () => {
    const client = frozenClient();
    loginAnswers({ access_token: 'a', expires_in: 600 });
    await client.login(jane);
    expect(customerPart()).not.toHaveProperty('refreshToken');

    await expect(client.refreshCustomerToken()).resolves.toBeUndefined(); // nothing to renew with, still valid
    expect(client.session.getState().status).toBe('customer');
    vi.setSystemTime(NOW + 600_000);
    await expect(client.listAddresses()).rejects.toMatchObject({ type: 'session_expired' });

    expect(setup.wire().filter((entry) => entry.url.pathname.endsWith('/refreshauthtoken'))).toEqual([]);
    expect(client.session.getState().status).toBe('anonymous');
  });

  it('23 · the simulator-issued answers of all four login flows parse', async () => {
    const client = setup.client();
    await client.login(jane);
    await client.logout();
    await client.exchangeToken({ subjectAccessToken: setup.sim().issueSubjectToken('ext@example.com') });
    expect(customerPart()).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    await client.logout();
    const code = setup.sim().issueSocialCode('social@example.com');
    await client.socialLogin({ code, redirectUri: 'https://shop.example.com/cb' });
    // Social login sends lifetimes as strings and no session id.
    expect(client.session.getState()).toMatchObject({ status: 'customer', sessionId: expect.any(String) });
    expect(customerPart().expiresAt).toBeGreaterThan(Date.now() + 14_000_000);
  });
});
