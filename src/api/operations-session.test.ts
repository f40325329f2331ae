/**
 * The session operations against the simulator: what each sends (method, path, query, headers, body,
 * which token) and what the caller gets back.
 */
import { describe, expect, it } from 'vitest';
import { queryNames, sentTo, simulatorDefaults, storedSession, setupTenant } from '../../test/fault-matrix/support';

const setup = setupTenant({ legalEntities: { [simulatorDefaults.email]: [{ id: 'LE-7', name: 'Doe Trading' }] } });
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const base = () => `/customer/${setup.sim().tenant}`;
const lastAuth = () => setup.sim().requests.at(-1)?.auth;

describe('anonymous session', () => {
  it('anonymousLogin: GET with tenant, client_id and the session context, no Authorization', async () => {
    const client = setup.client({ sessionContext: { currency: 'EUR', siteCode: 'de', language: 'de', targetLocation: 'DE' } });

    const token = await client.session.ensureAnonymous();

    const [sent] = sentTo(setup, 'GET', '/customerlogin/auth/anonymous/login');
    expect(queryNames(sent)).toEqual(['client_id', 'currency', 'language', 'siteCode', 'targetLocation', 'tenant']);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toMatchObject({
      tenant: setup.sim().tenant,
      client_id: setup.sim().clientId,
      currency: 'EUR',
      siteCode: 'de',
    });
    expect(sent?.headers.has('authorization')).toBe(false);
    expect(token).toEqual(expect.any(String));
    expect(client.session.getState()).toMatchObject({ status: 'anonymous', sessionId: expect.any(String), expiresAt: expect.any(Number) });
  });

  it('anonymousRefresh: GET with tenant, refresh_token and client_id; same session id, new token', async () => {
    const client = setup.client();
    const first = await client.session.ensureAnonymous();
    const { sessionId } = client.session.getState();
    const refreshToken = (storedSession(setup.sim())?.anonymous as { refreshToken: string }).refreshToken;

    const second = await client.session.refreshAnonymous();

    const [sent] = sentTo(setup, 'GET', '/customerlogin/auth/anonymous/refresh');
    expect(queryNames(sent)).toEqual(['client_id', 'refresh_token', 'tenant']);
    expect(sent?.url.searchParams.get('refresh_token')).toBe(refreshToken);
    expect(sent?.headers.has('authorization')).toBe(false);
    expect(second).not.toBe(first);
    expect(client.session.getState().sessionId).toBe(sessionId);
  });
});

describe('customer session', () => {
  it('login: POST JSON {email, password} with the anonymous bearer; the customer is logged in', async () => {
    const client = setup.client();

    await expect(client.login(jane)).resolves.toEqual({ initialPassword: false });

    const [sent] = sentTo(setup, 'POST', `${base()}/login`);
    expect(sent?.body).toEqual(jane);
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.headers.get('authorization')).toMatch(/^Bearer \S+$/);
    expect(setup.sim().requests.find((r) => r.operation === 'login')?.auth).toBe('anonymous');
    expect(client.session.getState()).toMatchObject({
      status: 'customer',
      customerId: setup.sim().getCustomer(jane.email)?.id,
    });
    expect(client.session.getSaasToken()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('logout: GET with the customer token as bearer and as accessToken; the server ends the grant', async () => {
    const client = setup.client();
    await client.login(jane);
    const token = await client.session.getAccessToken();

    await client.logout();

    const [sent] = sentTo(setup, 'GET', `${base()}/logout`);
    expect(queryNames(sent)).toEqual(['accessToken']);
    expect(sent?.url.searchParams.get('accessToken')).toBe(token);
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(setup.sim().requests.at(-1)).toMatchObject({ operation: 'logout', auth: 'customer', status: 204 });
    const after = await fetch(`${setup.sim().baseUrl}${base()}/me/addresses`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('refreshCustomerToken: GET refreshauthtoken?refreshToken with the anonymous bearer; SaaS token carried forward', async () => {
    const client = setup.client();
    await client.login(jane);
    const saas = client.session.getSaasToken();
    const before = await client.session.getAccessToken();

    await client.refreshCustomerToken();

    const [sent] = sentTo(setup, 'GET', `${base()}/refreshauthtoken`);
    expect(queryNames(sent)).toEqual(['refreshToken']);
    expect(lastAuth()).toBe('anonymous');
    expect(await client.session.getAccessToken()).not.toBe(before);
    expect(client.session.getSaasToken()).toBe(saas);
  });

  it('refreshCustomerToken with a legal entity: passed now and on every later refresh', async () => {
    const client = setup.client();
    await client.login(jane);

    await client.refreshCustomerToken({ legalEntityId: 'LE-7' });
    await client.refreshCustomerToken();

    const sent = sentTo(setup, 'GET', `${base()}/refreshauthtoken`);
    expect(sent.map((entry) => entry.url.searchParams.get('legalEntityId'))).toEqual(['LE-7', 'LE-7']);
    expect(client.session.getState().legalEntityId).toBe('LE-7');
    await expect(client.validateToken()).resolves.toMatchObject({ legalEntityId: 'LE-7' });
  });

  it('validateToken: GET validateauthtoken with the customer bearer; answers the token details', async () => {
    const client = setup.client();
    await client.login(jane);

    const details = await client.validateToken();

    const [sent] = sentTo(setup, 'GET', `${base()}/validateauthtoken`);
    expect(queryNames(sent)).toEqual([]);
    expect(lastAuth()).toBe('customer');
    expect(details).toMatchObject({ email: jane.email, sessionId: client.session.getState().sessionId, token_type: 'Bearer' });
    expect(details.expires_in).toBeGreaterThan(14_000);
  });

  it('exchangeToken: POST exchangeauthtoken?subjectAccessToken&config with the anonymous bearer, no body', async () => {
    const client = setup.client();
    const subject = setup.sim().issueSubjectToken('external.shopper@example.com');

    await expect(client.exchangeToken({ subjectAccessToken: subject, config: 'default' })).resolves.toEqual({ initialPassword: false });

    const [sent] = sentTo(setup, 'POST', `${base()}/exchangeauthtoken`);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ subjectAccessToken: subject, config: 'default' });
    expect(sent?.body).toBeUndefined();
    expect(lastAuth()).toBe('anonymous');
    expect(client.session.getState().status).toBe('customer');
  });

  it('socialLogin: POST socialLogin?code&redirect_uri&code_verifier with the session-id header', async () => {
    const client = setup.client();
    await client.session.ensureAnonymous();
    const code = setup.sim().issueSocialCode('social.shopper@example.com', { redirectUri: 'https://shop.example.com/cb' });

    await expect(
      client.socialLogin({ code, redirectUri: 'https://shop.example.com/cb', codeVerifier: 'v'.repeat(43) }),
    ).resolves.toEqual({ initialPassword: false });

    const [sent] = sentTo(setup, 'POST', `${base()}/socialLogin`);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({
      code,
      redirect_uri: 'https://shop.example.com/cb',
      code_verifier: 'v'.repeat(43),
    });
    expect(sent?.headers.get('session-id')).toBe(client.session.getState().sessionId);
    expect(client.session.getState().status).toBe('customer');
  });

  it('socialLogin on a fresh client obtains the anonymous session first, so session-id is sent', async () => {
    const client = setup.client();
    const code = setup.sim().issueSocialCode('social.shopper@example.com');
    await client.socialLogin({ code, redirectUri: 'https://shop.example.com/cb' });
    const [sent] = sentTo(setup, 'POST', `${base()}/socialLogin`);
    expect(sent?.headers.get('session-id')).toEqual(expect.any(String));
    expect(queryNames(sent)).toEqual(['code', 'redirect_uri']);
  });
});
