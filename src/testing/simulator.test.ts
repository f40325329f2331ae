import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createEmporixSimulator,
  DEFAULT_TOKEN_LIFETIMES,
  REFERENCE_TOKEN_LIFETIMES,
  simulatorDefaults,
  type EmporixSimulator,
  type EmporixSimulatorOptions,
} from './index';

// ---- harness: one MSW server, a simulator on a fake clock, plain fetch ------------------------

const START = Date.parse('2025-03-01T09:00:00Z');
let clock = START;
const advance = (seconds: number) => {
  clock += seconds * 1000;
};

const sim = createEmporixSimulator({ now: () => clock });
const server = setupServer(...sim.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock = START;
  sim.reset();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Another simulator for a test that needs other options (its handlers win until the test ends). */
function useOther(options: EmporixSimulatorOptions): EmporixSimulator {
  const other = createEmporixSimulator({ now: () => clock, ...options });
  server.use(...other.handlers);
  return other;
}

const ORIGIN = simulatorDefaults.baseUrl;
const T = `/customer/${simulatorDefaults.tenant}`;
const ANON_LOGIN = `/customerlogin/auth/anonymous/login?tenant=${simulatorDefaults.tenant}&client_id=${simulatorDefaults.clientId}`;
const JANE = { email: simulatorDefaults.email, password: simulatorDefaults.password };

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; origin?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${options.origin ?? ORIGIN}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

async function anonymous(): Promise<{ access_token: string; refresh_token: string; sessionId: string }> {
  const reply = await call('GET', ANON_LOGIN);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function login(credentials = JANE) {
  const anon = await anonymous();
  const reply = await call('POST', `${T}/login`, { token: anon.access_token, body: credentials });
  expect(reply.status).toBe(200);
  return { anon, customer: reply.body as { access_token: string; refresh_token: string; session_id: string } };
}

async function me(token: string, query = '') {
  return call('GET', `${T}/me${query}`, { token });
}

function expectJsonError(reply: Reply, status: number, type: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toContain('application/json');
  expect(reply.body).toMatchObject({ status, type });
}

function expectFault(reply: Reply, errorcode: string) {
  expect(reply.status).toBe(401);
  expect(reply.headers.get('content-type')).toContain('application/json');
  expect(reply.body.fault.detail.errorcode).toBe(errorcode);
}

const CREDENTIALS_INCORRECT = 'Access denied. Entered credentials are incorrect.';

/** The default answer to refused credentials: a 401 whose body is the sentence seen from the live API. */
function expectCredentialsRefused(reply: Reply) {
  expect(reply.status).toBe(401);
  expect(reply.headers.get('content-type')).toContain('text/plain');
  expect(reply.text).toBe(CREDENTIALS_INCORRECT);
}

/** The situation the simulator's last answer was a refusal for. */
const lastEvidence = () => sim.requests.at(-1)?.evidence;

// ---- anonymous session ------------------------------------------------------------------------

describe('anonymous login and refresh', () => {
  it('issues an anonymous token with its session, scope and lifetimes', async () => {
    const reply = await call('GET', `${ANON_LOGIN}&currency=EUR&siteCode=main&language=EN&targetLocation=DE`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3599,
      refresh_token_expires_in: 86399,
      scope: 'tenant=demoshop',
    });
    expect(reply.body.access_token).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(reply.body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts a new session with new tokens on every login', async () => {
    const [a, b] = [await anonymous(), await anonymous()];
    expect(a.access_token).not.toBe(b.access_token);
    expect(a.refresh_token).not.toBe(b.refresh_token);
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  it('refuses an unknown tenant with 400 and a wrong client id with the gateway’s Invalid ApiKey fault', async () => {
    const tenant = await call('GET', `/customerlogin/auth/anonymous/login?tenant=nope&client_id=demo-client-id`);
    expectJsonError(tenant, 400, 'bad_request');
    expect(tenant.body.message).toBe('The tenant information provided with the request is not valid.');
    expect(lastEvidence()).toBe('unknownTenant');
    const key = await call('GET', `/customerlogin/auth/anonymous/login?tenant=demoshop&client_id=wrong`);
    expectFault(key, 'oauth.v2.InvalidApiKey');
    expect(key.body.fault.faultstring).toBe('Invalid ApiKey');
    expect(lastEvidence()).toBe('invalidApiKey');
  });

  it('refreshes into a new access token in the same session, keeping the refresh token', async () => {
    const anon = await anonymous();
    const reply = await call(
      'GET',
      `/customerlogin/auth/anonymous/refresh?tenant=demoshop&client_id=demo-client-id&refresh_token=${anon.refresh_token}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.sessionId).toBe(anon.sessionId);
    expect(reply.body.refresh_token).toBe(anon.refresh_token);
    expect(reply.body.access_token).not.toBe(anon.access_token);
    expect((await me(reply.body.access_token)).status).toBe(200);
  });

  it('refuses an unknown or expired anonymous refresh token (400 bad_request, an assumed answer)', async () => {
    const refresh = (token: string) =>
      call('GET', `/customerlogin/auth/anonymous/refresh?tenant=demoshop&client_id=demo-client-id&refresh_token=${token}`);
    expectJsonError(await refresh('made-up'), 400, 'bad_request');
    expect(lastEvidence()).toBe('refreshRefused');
    const anon = await anonymous();
    advance(86398);
    expect((await refresh(anon.refresh_token)).status).toBe(200);
    advance(1);
    expectJsonError(await refresh(anon.refresh_token), 400, 'bad_request');
  });

  it('lets the anonymous access token expire on the clock, and a refresh recovers', async () => {
    const anon = await anonymous();
    advance(3598);
    expect((await me(anon.access_token)).status).toBe(200);
    advance(1);
    expectFault(await me(anon.access_token), 'keymanagement.service.access_token_expired');
    const refreshed = await call(
      'GET',
      `/customerlogin/auth/anonymous/refresh?tenant=demoshop&client_id=demo-client-id&refresh_token=${anon.refresh_token}`,
    );
    expect((await me(refreshed.body.access_token)).status).toBe(200);
  });
});

// ---- token kinds and tenant -------------------------------------------------------------------

describe('token rules on /customer paths', () => {
  it('answers 401 InvalidAccessToken without a bearer or with an unknown one', async () => {
    expectFault(await call('GET', `${T}/me`), 'oauth.v2.InvalidAccessToken');
    expectFault(await me('not-a-token'), 'oauth.v2.InvalidAccessToken');
    expect(sim.requests.map((r) => r.auth)).toEqual(['none', 'invalid']);
  });

  it('answers 400 for another tenant, with the reference’s invalid-tenant body', async () => {
    const anon = await anonymous();
    const reply = await call('GET', '/customer/othershop/me', { token: anon.access_token });
    expectJsonError(reply, 400, 'bad_request');
    expect(reply.body.message).toBe('The tenant information provided with the request is not valid.');
    expect(lastEvidence()).toBe('invalidTenantPath');
  });

  it('refuses the wrong kind of token with 403 forbidden', async () => {
    const { anon, customer } = await login();
    const forbidden = await call('GET', `${T}/me/addresses`, { token: anon.access_token });
    expectJsonError(forbidden, 403, 'forbidden');
    expect(forbidden.body.message).toBe('User not authorized.');
    expectJsonError(await call('POST', `${T}/login`, { token: customer.access_token, body: JANE }), 403, 'forbidden');
  });

  it('serves GET /me to both kinds: the Anonymous profile or the customer', async () => {
    const { anon, customer } = await login();
    expect((await me(anon.access_token)).body).toEqual({
      id: '00000000',
      customerNumber: '00000000',
      firstName: 'Anonymous',
      lastName: 'Anonymous',
      preferredSite: 'default',
      accounts: [],
    });
    const profile = (await me(customer.access_token)).body;
    expect(profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe', contactEmail: JANE.email, businessModel: 'B2C' });
    expect(profile.accounts).toEqual([{ id: JANE.email }]);
    expect(profile.addresses).toBeUndefined();
  });
});

// ---- login, refresh, validate, logout ---------------------------------------------------------

describe('customer login', () => {
  it('returns a customer token bound to the anonymous session', async () => {
    const anon = await anonymous();
    const reply = await call('POST', `${T}/login`, { token: anon.access_token, body: JANE });
    expect(reply.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 2591999,
      refresh_token_expires_in: 86399,
      session_id: anon.sessionId,
      initialPassword: false,
    });
    expect(reply.body.saas_token.split('.')).toHaveLength(3);
    expect((await me(reply.body.access_token)).body.lastLogin).toBe(new Date(START).toISOString());
  });

  it('refuses a wrong password and an unknown email alike (401, the sentence seen live) and missing fields with 400 details', async () => {
    const anon = await anonymous();
    const wrong = await call('POST', `${T}/login`, { token: anon.access_token, body: { ...JANE, password: 'nope-nope' } });
    expectCredentialsRefused(wrong);
    expect(lastEvidence()).toBe('loginRefused');
    const unknown = await call('POST', `${T}/login`, { token: anon.access_token, body: { ...JANE, email: 'x@example.com' } });
    expectCredentialsRefused(unknown);
    const missing = await call('POST', `${T}/login`, { token: anon.access_token, body: {} });
    expectJsonError(missing, 400, 'validation_failure');
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['email', 'password']);
  });

  it('accepts the login email case-insensitively', async () => {
    const anon = await anonymous();
    const reply = await call('POST', `${T}/login`, { token: anon.access_token, body: { ...JANE, email: JANE.email.toUpperCase() } });
    expect(reply.status).toBe(200);
  });

  it('honours overridden lifetimes', async () => {
    const other = useOther({ lifetimes: { customerAccess: 60 } });
    const anon = await anonymous();
    const reply = await call('POST', `${T}/login`, { token: anon.access_token, body: JANE });
    expect(reply.body.expires_in).toBe(60);
    advance(60);
    expectFault(await me(reply.body.access_token), 'keymanagement.service.access_token_expired');
    expect(other.requestCount('getCustomer')).toBe(1);
  });
});

describe('customer token refresh', () => {
  const refresh = (anonToken: string, refreshToken: string, extra = '') =>
    call('GET', `${T}/refreshauthtoken?refreshToken=${refreshToken}${extra}`, { token: anonToken });

  it('rotates the refresh token, keeps the session and sends no saas_token', async () => {
    const { anon, customer } = await login();
    const first = await refresh(anon.access_token, customer.refresh_token);
    expect(first.status).toBe(200);
    expect(first.body.session_id).toBe(customer.session_id);
    expect(first.body.refresh_token).not.toBe(customer.refresh_token);
    expect(first.body.saas_token).toBeUndefined();
    expect((await me(first.body.access_token)).body.firstName).toBe('Jane');
    expectJsonError(await refresh(anon.access_token, customer.refresh_token), 400, 'bad_request');
    expect(lastEvidence()).toBe('refreshRefused');
    expect((await refresh(anon.access_token, first.body.refresh_token)).status).toBe(200);
  });

  it('must be authorised with the anonymous token', async () => {
    const { customer } = await login();
    expectJsonError(await refresh(customer.access_token, customer.refresh_token), 403, 'forbidden');
  });

  it('recovers an expired customer access token (with a live anonymous token)', async () => {
    useOther({ lifetimes: { customerAccess: 14399 } });
    const { anon, customer } = await login();
    advance(14399);
    expectFault(await me(customer.access_token), 'keymanagement.service.access_token_expired');
    expectFault(await refresh(anon.access_token, customer.refresh_token), 'keymanagement.service.access_token_expired');
    const freshAnon = await anonymous();
    const refreshed = await refresh(freshAnon.access_token, customer.refresh_token);
    expect(refreshed.body.session_id).toBe(customer.session_id);
    expect((await me(refreshed.body.access_token)).status).toBe(200);
  });

  it('binds the token to one of the customer’s legal entities, and only those', async () => {
    useOther({
      customers: [{ email: 'buyer@acme.example', password: 'buyer-pass', firstName: 'Bo', lastName: 'Buyer', company: 'Acme' }],
      legalEntities: { 'buyer@acme.example': [{ id: 'LE1', name: 'Acme Berlin' }, { id: 'LE2', name: 'Acme Paris' }] },
    });
    const { anon, customer } = await login({ email: 'buyer@acme.example', password: 'buyer-pass' });
    const bound = await refresh(anon.access_token, customer.refresh_token, '&legalEntityId=LE2');
    expect(bound.status).toBe(200);
    const validated = await call('GET', `${T}/validateauthtoken`, { token: bound.body.access_token });
    expect(validated.body.legalEntityId).toBe('LE2');
    const profile = (await me(bound.body.access_token)).body;
    expect(profile.businessModel).toBe('B2B');
    expect(profile.b2b.legalEntities.map((e: { id: string }) => e.id)).toEqual(['LE1', 'LE2']);
    const refused = await refresh(anon.access_token, bound.body.refresh_token, '&legalEntityId=LE9');
    expectJsonError(refused, 400, 'validation_failure');
    expect(refused.body.details[0].field).toBe('legalEntityId');
    const unbound = await refresh(anon.access_token, bound.body.refresh_token);
    const revalidated = await call('GET', `${T}/validateauthtoken`, { token: unbound.body.access_token });
    expect(revalidated.body.legalEntityId).toBeUndefined();
  });

  it('stops working after revokeRefreshTokens, per kind', async () => {
    const { anon, customer } = await login();
    sim.revokeRefreshTokens('customer');
    expectJsonError(await refresh(anon.access_token, customer.refresh_token), 400, 'bad_request');
    const anonRefresh = await call(
      'GET',
      `/customerlogin/auth/anonymous/refresh?tenant=demoshop&client_id=demo-client-id&refresh_token=${anon.refresh_token}`,
    );
    expect(anonRefresh.status).toBe(200);
    sim.revokeRefreshTokens();
    const again = await call(
      'GET',
      `/customerlogin/auth/anonymous/refresh?tenant=demoshop&client_id=demo-client-id&refresh_token=${anon.refresh_token}`,
    );
    expect(again.status).toBe(400);
  });

  it('expireTokens acts on the chosen kind only', async () => {
    const { anon, customer } = await login();
    sim.expireTokens('anonymous');
    expectFault(await me(anon.access_token), 'keymanagement.service.access_token_expired');
    expect((await me(customer.access_token)).status).toBe(200);
    sim.expireTokens('customer');
    expectFault(await me(customer.access_token), 'keymanagement.service.access_token_expired');
    const { customer: fresh } = await login();
    expect((await me(fresh.access_token)).status).toBe(200);
  });
});

describe('validate and logout', () => {
  it('validates a customer token with its remaining lifetime, session and email', async () => {
    const { anon, customer } = await login();
    advance(100);
    const reply = await call('GET', `${T}/validateauthtoken`, { token: customer.access_token });
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 2591899, sessionId: anon.sessionId, email: JANE.email });
    expect(reply.body.scope).toContain('tenant=demoshop');
    expectJsonError(await call('GET', `${T}/validateauthtoken`, { token: anon.access_token }), 403, 'forbidden');
  });

  it('logs out: the access token and its refresh token stop working', async () => {
    const { anon, customer } = await login();
    const reply = await call('GET', `${T}/logout?accessToken=${customer.access_token}`, { token: customer.access_token });
    expect(reply.status).toBe(204);
    expectFault(await me(customer.access_token), 'oauth.v2.InvalidAccessToken');
    const refresh = await call('GET', `${T}/refreshauthtoken?refreshToken=${customer.refresh_token}`, { token: anon.access_token });
    expect(refresh.status).toBe(400);
    expect(lastEvidence()).toBe('refreshRefused');
    expect((await me(anon.access_token)).status).toBe(200);
  });

  it('needs the accessToken query parameter', async () => {
    const { customer } = await login();
    const reply = await call('GET', `${T}/logout`, { token: customer.access_token });
    expectJsonError(reply, 400, 'validation_failure');
    expect(reply.body.details[0]).toMatchObject({ field: 'accessToken', type: 'missing_value' });
  });
});

// ---- external identities ----------------------------------------------------------------------

describe('token exchange', () => {
  const exchange = (anonToken: string, subject: string, extra = '') =>
    call('POST', `${T}/exchangeauthtoken?subjectAccessToken=${encodeURIComponent(subject)}${extra}`, { token: anonToken });

  it('exchanges an issued subject token for a customer token and echoes it', async () => {
    const anon = await anonymous();
    const subject = sim.issueSubjectToken(JANE.email);
    expect(subject.split('.')).toHaveLength(3);
    const reply = await exchange(anon.access_token, subject, '&config=default');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ subject_access_token: subject, session_id: anon.sessionId, token_type: 'Bearer', expires_in: 2591999 });
    expect(typeof reply.body.saas_token).toBe('string');
    expect((await me(reply.body.access_token)).body.contactEmail).toBe(JANE.email);
  });

  it('refuses an unknown configuration (400) and an unknown subject token (as refused credentials)', async () => {
    const anon = await anonymous();
    expectJsonError(await exchange(anon.access_token, sim.issueSubjectToken(JANE.email), '&config=site_XX'), 400, 'bad_request');
    expect(lastEvidence()).toBe('unknownExchangeConfig');
    expectCredentialsRefused(await exchange(anon.access_token, 'a.b.c'));
    expect(lastEvidence()).toBe('subjectTokenRefused');
  });

  it('provisions an account for an unknown external identity', async () => {
    const anon = await anonymous();
    const reply = await exchange(anon.access_token, sim.issueSubjectToken('new.person@example.com'));
    const profile = (await me(reply.body.access_token)).body;
    expect(profile.accounts[0].id).toBe('new.person@example.com');
    expect(sim.getCustomer('new.person@example.com')?.activated).toBe(true);
  });
});

describe('social login', () => {
  const social = (anonToken: string, query: string, headers?: Record<string, string>) =>
    call('POST', `${T}/socialLogin?${query}`, { token: anonToken, ...(headers ? { headers } : {}) });

  it('accepts a code once and answers lifetimes as strings', async () => {
    const anon = await anonymous();
    const code = sim.issueSocialCode(JANE.email);
    const reply = await social(anon.access_token, `code=${code}&redirect_uri=https://shop.example/cb`);
    expect(reply.status).toBe(200);
    expect(reply.body.expires_in).toBe('2591999');
    expect(reply.body.refresh_token_expires_in).toBe('86399');
    expect((await me(reply.body.access_token)).body.firstName).toBe('Jane');
    expectJsonError(await social(anon.access_token, `code=${code}&redirect_uri=https://shop.example/cb`), 400, 'bad_request');
    expect(lastEvidence()).toBe('usedToken');
  });

  it('uses the session-id header for the customer session', async () => {
    const anon = await anonymous();
    const code = sim.issueSocialCode(JANE.email);
    const reply = await social(anon.access_token, `code=${code}&redirect_uri=https://shop.example/cb`, { 'session-id': 'my-session' });
    const validated = await call('GET', `${T}/validateauthtoken`, { token: reply.body.access_token });
    expect(validated.body.sessionId).toBe('my-session');
  });

  it('checks the redirect URI and the PKCE verifier when the code recorded them', async () => {
    const anon = await anonymous();
    // RFC 7636 appendix B example pair.
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const options = { redirectUri: 'https://shop.example/cb', codeChallenge: challenge };
    const wrongUri = await social(anon.access_token, `code=${sim.issueSocialCode(JANE.email, options)}&redirect_uri=https://evil.example`);
    expect(wrongUri.status).toBe(400);
    const base = `redirect_uri=${encodeURIComponent(options.redirectUri)}`;
    const wrongVerifier = await social(anon.access_token, `code=${sim.issueSocialCode(JANE.email, options)}&${base}&code_verifier=nope`);
    expect(wrongVerifier.status).toBe(400);
    const ok = await social(anon.access_token, `code=${sim.issueSocialCode(JANE.email, options)}&${base}&code_verifier=${verifier}`);
    expect(ok.status).toBe(200);
  });

  it('needs code and redirect_uri', async () => {
    const anon = await anonymous();
    const reply = await social(anon.access_token, 'code=x');
    expectJsonError(reply, 400, 'validation_failure');
    expect(reply.body.details[0].field).toBe('redirect_uri');
  });
});

// ---- signup and double opt-in ----------------------------------------------------------------

const NEW = { email: 'max@example.com', password: 'secret-123' };

describe('signup', () => {
  it('creates an account that can log in; its address becomes the default', async () => {
    const anon = await anonymous();
    const reply = await call('POST', `${T}/signup`, {
      token: anon.access_token,
      body: {
        ...NEW,
        customerDetails: { firstName: 'Max', lastName: 'Muster', contactEmail: NEW.email, preferredCurrency: 'EUR' },
        customerAddress: { contactName: 'Max Muster', street: 'Hauptstraße', zipCode: '80331', city: 'München', country: 'DE', tags: ['SHIPPING'] },
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toMatch(/^\d+$/);
    const { customer } = await login(NEW);
    const profile = (await me(customer.access_token, '?expand=addresses')).body;
    expect(profile).toMatchObject({ id: reply.body.id, firstName: 'Max', contactEmail: NEW.email, preferredCurrency: 'EUR' });
    expect(profile.addresses).toHaveLength(1);
    expect(profile.addresses[0]).toMatchObject({ city: 'München', isDefault: true, tags: ['SHIPPING'] });
    expect(sim.outbox()).toEqual([]);
  });

  it('validates the body with field details', async () => {
    const anon = await anonymous();
    const fields = async (body: unknown) => {
      const reply = await call('POST', `${T}/signup`, { token: anon.access_token, body });
      expectJsonError(reply, 400, 'validation_failure');
      return reply.body.details.map((d: { field: string }) => d.field);
    };
    expect(await fields({})).toEqual(['email', 'password']);
    expect(await fields({ ...NEW, password: '123' })).toEqual(['password']);
    expect(await fields({ ...NEW, customerDetails: { contactEmail: 'other@example.com' } })).toEqual(['customerDetails.contactEmail']);
    expect(await fields({ ...NEW, customerDetails: { firstName: 'Max', b2b: { companyRegistrationId: 'HRB 1' } } })).toEqual([
      'customerDetails.lastName',
      'customerDetails.company',
    ]);
    expect(await fields({ ...NEW, customerAddress: { city: 'Berlin', country: 'DEU' } })).toEqual([
      'customerAddress.contactName',
      'customerAddress.country',
    ]);
    const missing = await call('POST', `${T}/signup`, { token: anon.access_token, body: {} });
    expect(missing.body.details[0]).toMatchObject({ type: 'missing_value' });
  });

  it('logs in with the separate signup credentials', async () => {
    const anon = await anonymous();
    const body = {
      ...NEW,
      customerDetails: { contactEmail: NEW.email },
      signup: { email: 'login-max@example.com', password: 'other-secret' },
    };
    expect((await call('POST', `${T}/signup`, { token: anon.access_token, body })).status).toBe(201);
    const { customer } = await login({ email: 'login-max@example.com', password: 'other-secret' });
    const profile = (await me(customer.access_token)).body;
    expect(profile.contactEmail).toBe(NEW.email);
    expect(profile.accounts).toEqual([{ id: 'login-max@example.com' }]);
  });

  it('refuses a duplicate login email with 409', async () => {
    const anon = await anonymous();
    const reply = await call('POST', `${T}/signup`, { token: anon.access_token, body: { email: 'Jane.Doe@example.com', password: 'whatever1' } });
    expectJsonError(reply, 409, 'conflict_resource');
    expect(reply.body.message).toContain('Duplicate account');
  });

  it('needs an anonymous token', async () => {
    const { customer } = await login();
    expectJsonError(await call('POST', `${T}/signup`, { token: customer.access_token, body: NEW }), 403, 'forbidden');
  });
});

describe('double opt-in', () => {
  it('holds the account until the mailed token is confirmed, which logs the customer in', async () => {
    sim.setDoubleOptIn(true);
    const anon = await anonymous();
    const created = await call('POST', `${T}/signup`, { token: anon.access_token, body: NEW });
    expect(created.status).toBe(201);
    const mail = sim.lastMail('activation', NEW.email);
    expect(mail).toMatchObject({ kind: 'activation', to: NEW.email, sentAt: START });

    const early = await call('POST', `${T}/login`, { token: anon.access_token, body: NEW });
    expectCredentialsRefused(early);
    expect(lastEvidence()).toBe('inactiveLogin');
    const wrongPassword = await call('POST', `${T}/login`, { token: anon.access_token, body: { ...NEW, password: 'not-it-1' } });
    expect({ status: wrongPassword.status, text: wrongPassword.text }).toEqual({ status: early.status, text: early.text });
    expect(sim.getCustomer(NEW.email)?.activated).toBe(false);

    const confirmed = await call('GET', `${T}/signup/optin/${mail?.token}`, { token: anon.access_token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ token_type: 'Bearer', session_id: anon.sessionId, expires_in: 2591999 });
    expect(typeof confirmed.body.saas_token).toBe('string');
    expect((await me(confirmed.body.access_token)).body.id).toBe(created.body.id);
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: NEW })).status).toBe(200);

    expectJsonError(await call('GET', `${T}/signup/optin/${mail?.token}`, { token: anon.access_token }), 400, 'bad_request');
    expect(lastEvidence()).toBe('usedToken');
  });

  it('resends a fresh activation mail that supersedes the first', async () => {
    const other = useOther({ doubleOptIn: true });
    const anon = await anonymous();
    await call('POST', `${T}/signup`, { token: anon.access_token, body: NEW });
    const first = other.lastMail('activation');
    const resent = await call('POST', `${T}/signup/optin/refresh_token`, { token: anon.access_token, body: { email: NEW.email } });
    expect(resent.status).toBe(202);
    const second = other.lastMail('activation');
    expect(second?.token).not.toBe(first?.token);
    expect(other.outbox()).toHaveLength(2);
    expect((await call('GET', `${T}/signup/optin/${first?.token}`, { token: anon.access_token })).status).toBe(400);
    expect((await call('GET', `${T}/signup/optin/${second?.token}`, { token: anon.access_token })).status).toBe(200);
  });

  it('answers 202 without a mail for unknown or active accounts, and 400 without email', async () => {
    const anon = await anonymous();
    const resend = (body: unknown) => call('POST', `${T}/signup/optin/refresh_token`, { token: anon.access_token, body });
    expect((await resend({ email: 'nobody@example.com' })).status).toBe(202);
    expect((await resend({ email: JANE.email })).status).toBe(202);
    expect(sim.outbox()).toEqual([]);
    expectJsonError(await resend({}), 400, 'validation_failure');
  });

  it('keeps the opt-in token out of the request log', async () => {
    sim.setDoubleOptIn(true);
    const anon = await anonymous();
    await call('POST', `${T}/signup`, { token: anon.access_token, body: NEW });
    const token = sim.lastMail('activation')?.token as string;
    await call('GET', `${T}/signup/optin/${token}`, { token: anon.access_token });
    const entry = sim.requests.find((r) => r.operation === 'confirmSignup');
    expect(entry).toMatchObject({ path: '/customer/demoshop/signup/optin/[redacted]', auth: 'anonymous', status: 200 });
    expect(JSON.stringify(sim.requests)).not.toContain(token);
    expect(JSON.stringify(sim.requests)).not.toContain(anon.access_token);
  });
});

describe('activation', () => {
  const signup = async (anonToken: string) => call('POST', `${T}/signup`, { token: anonToken, body: NEW });
  const loginAs = (anonToken: string, body = NEW) => call('POST', `${T}/login`, { token: anonToken, body });

  it('keeps an account inactive until an employee activates it, with no mail and no link that works', async () => {
    const other = useOther({ activation: 'employee' });
    const anon = await anonymous();
    expect((await signup(anon.access_token)).status).toBe(201);
    expect(other.outbox()).toEqual([]);
    expect(other.getCustomer(NEW.email)?.activated).toBe(false);
    expectCredentialsRefused(await loginAs(anon.access_token));
    expect(other.requests.at(-1)?.evidence).toBe('inactiveLogin');

    const resent = await call('POST', `${T}/signup/optin/refresh_token`, { token: anon.access_token, body: { email: NEW.email } });
    expect(resent.status).toBe(202);
    expect(other.outbox()).toEqual([]);

    other.activateCustomer(NEW.email.toUpperCase());
    expect(other.getCustomer(NEW.email)?.activated).toBe(true);
    expect((await loginAs(anon.access_token)).status).toBe(200);
  });

  it('activating a double opt-in account by hand voids its activation link', async () => {
    sim.setActivation('doubleOptIn');
    const anon = await anonymous();
    await signup(anon.access_token);
    const link = sim.lastMail('activation', NEW.email)?.token;
    sim.activateCustomer(NEW.email);
    expect((await loginAs(anon.access_token)).status).toBe(200);
    expectJsonError(await call('GET', `${T}/signup/optin/${link}`, { token: anon.access_token }), 400, 'bad_request');
  });

  it('throws for an account it does not know', () => {
    expect(() => sim.activateCustomer('nobody@example.com')).toThrow(/nobody@example\.com/);
  });

  it('switches modes: setDoubleOptIn maps to doubleOptIn and immediate, activation wins over doubleOptIn', async () => {
    sim.setDoubleOptIn(true);
    const anon = await anonymous();
    await signup(anon.access_token);
    expect(sim.lastMail('activation', NEW.email)).toBeDefined();
    sim.setDoubleOptIn(false);
    await call('POST', `${T}/signup`, { token: anon.access_token, body: { email: 'now@example.com', password: 'secret-123' } });
    expect(sim.getCustomer('now@example.com')?.activated).toBe(true);

    const other = useOther({ doubleOptIn: true, activation: 'employee' });
    const otherAnon = await anonymous();
    await signup(otherAnon.access_token);
    expect(other.getCustomer(NEW.email)?.activated).toBe(false);
    expect(other.outbox()).toEqual([]);
    other.setActivation('immediate');
    other.reset();
    await signup((await anonymous()).access_token);
    expect(other.getCustomer(NEW.email)?.activated).toBe(false);
    expect(other.outbox()).toEqual([]);
    expect(() => other.setActivation('later' as never)).toThrow(/activation/);
  });

  it('seeds inactive accounts that wait for an opt-in link or for an employee', async () => {
    const other = useOther({
      customers: [
        { email: 'optin@example.com', password: 'secret-123', activated: false },
        { email: 'staff@example.com', password: 'secret-123', activated: false, awaits: 'employee' },
      ],
    });
    const anon = await anonymous();
    const resend = (email: string) =>
      call('POST', `${T}/signup/optin/refresh_token`, { token: anon.access_token, body: { email } });
    await resend('optin@example.com');
    await resend('staff@example.com');
    expect(other.outbox().map((mail) => mail.to)).toEqual(['optin@example.com']);
    const link = other.lastMail('activation')?.token;
    expect((await call('GET', `${T}/signup/optin/${link}`, { token: anon.access_token })).status).toBe(200);
    expect(other.getCustomer('staff@example.com')?.activated).toBe(false);
  });
});

// ---- token lifetimes --------------------------------------------------------------------------

/** The payload of a JWT, decoded (not verified). */
function jwtPayload(jwt: string): { sub?: string; iat?: number; exp?: number } {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string; iat?: number; exp?: number };
}

describe('token lifetimes', () => {
  it('issues the reference’s lifetimes by default, the SaaS token with its own 4 h expiry', async () => {
    expect(REFERENCE_TOKEN_LIFETIMES).toEqual({
      anonymousAccess: 3599,
      anonymousRefresh: 86399,
      customerAccess: 2591999,
      customerRefresh: 86399,
      saasToken: 14400,
    });
    expect(DEFAULT_TOKEN_LIFETIMES).toEqual(REFERENCE_TOKEN_LIFETIMES);
    const anon = await anonymous();
    expect(anon).toMatchObject({ expires_in: 3599, refresh_token_expires_in: 86399 });
    const { customer } = await login();
    expect(customer).toMatchObject({ expires_in: 2591999, refresh_token_expires_in: 86399 });
    const saas = jwtPayload((customer as unknown as { saas_token: string }).saas_token);
    expect(saas.sub).toBe(sim.getCustomer(JANE.email)?.id);
    expect((saas.exp ?? 0) - (saas.iat ?? 0)).toBe(14400);
    expect(saas.iat).toBe(Math.floor(START / 1000));
  });

  it('a day after login the refresh token is gone while the access token lives on', async () => {
    const anon = await anonymous();
    const { body: customer } = await call('POST', `${T}/login`, { token: anon.access_token, body: JANE });
    advance(25 * 3600);
    expect((await me(customer.access_token)).body.firstName).toBe('Jane');
    const validated = await call('GET', `${T}/validateauthtoken`, { token: customer.access_token });
    expect(validated.body.expires_in).toBe(2591999 - 25 * 3600);
    const freshAnon = await anonymous();
    const refresh = await call('GET', `${T}/refreshauthtoken?refreshToken=${customer.refresh_token}`, { token: freshAnon.access_token });
    expect(refresh.status).toBe(400);
    expect(sim.requests.at(-1)?.evidence).toBe('refreshRefused');
  });

  it('lets the SaaS lifetime be set apart from the customer token’s', async () => {
    useOther({ lifetimes: { saasToken: 60 } });
    const anon = await anonymous();
    const reply = await call('POST', `${T}/login`, { token: anon.access_token, body: JANE });
    expect(reply.body.expires_in).toBe(2591999);
    const saas = jwtPayload(reply.body.saas_token);
    expect((saas.exp ?? 0) - (saas.iat ?? 0)).toBe(60);
  });
});

// ---- profile ----------------------------------------------------------------------------------

describe('profile', () => {
  const patch = (token: string, body: unknown) => call('PATCH', `${T}/me`, { token, body });

  it('merges a partial update, answers 200 without a body and bumps the version', async () => {
    const { customer } = await login();
    const before = (await me(customer.access_token)).body;
    expect(before.metadata.version).toBe(1);
    const reply = await patch(customer.access_token, { firstName: 'Janet', contactPhone: '555', metadata: { version: 1 } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const after = (await me(customer.access_token)).body;
    expect(after).toMatchObject({ firstName: 'Janet', lastName: 'Doe', contactPhone: '555', metadata: { version: 2 } });
    await patch(customer.access_token, { title: 'MS' });
    expect((await me(customer.access_token)).body.metadata.version).toBe(3);
  });

  it('refuses a stale metadata.version with 409', async () => {
    const { customer } = await login();
    await patch(customer.access_token, { firstName: 'A' });
    expectJsonError(await patch(customer.access_token, { firstName: 'B', metadata: { version: 1 } }), 409, 'conflict_resource');
    expect((await me(customer.access_token)).body.firstName).toBe('A');
  });

  it('refuses to unset contactEmail and checks currency and B2B names', async () => {
    const { customer } = await login();
    const unset = await patch(customer.access_token, { contactEmail: null });
    expectJsonError(unset, 400, 'validation_failure');
    expect(unset.body.details[0].field).toBe('contactEmail');
    expect((await patch(customer.access_token, { preferredCurrency: 'EURO' })).body.details[0].field).toBe('preferredCurrency');
    const b2b = await patch(customer.access_token, { b2b: { companyRegistrationId: 'HRB 1' } });
    expect(b2b.body.details.map((d: { field: string }) => d.field)).toEqual(['company']);
    expect((await patch(customer.access_token, { company: 'Doe GmbH', b2b: { companyRegistrationId: 'HRB 1' } })).status).toBe(200);
    expect((await me(customer.access_token)).body.b2b).toEqual({ companyRegistrationId: 'HRB 1', legalEntities: [] });
  });

  it('expands addresses on request', async () => {
    const { customer } = await login();
    const profile = (await me(customer.access_token, '?expand=addresses,mixin:*')).body;
    expect(profile.addresses).toEqual([
      expect.objectContaining({ contactName: 'Jane Doe', city: 'Berlin', isDefault: true, tags: ['BILLING', 'SHIPPING'] }),
    ]);
  });

  it('is not writable with an anonymous token, and bad JSON is a 400', async () => {
    const { anon, customer } = await login();
    expectJsonError(await patch(anon.access_token, { firstName: 'X' }), 403, 'forbidden');
    const response = await fetch(`${ORIGIN}${T}/me`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${customer.access_token}`, 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'bad_request' });
  });
});

// ---- addresses --------------------------------------------------------------------------------

describe('addresses', () => {
  const A = `${T}/me/addresses`;

  async function asCustomer(seedAddresses = true) {
    if (!seedAddresses) {
      sim.seedCustomer({ email: 'empty@example.com', password: 'empty-pass' });
      return (await login({ email: 'empty@example.com', password: 'empty-pass' })).customer.access_token;
    }
    return (await login()).customer.access_token;
  }

  it('lists the seeded default address', async () => {
    const token = await asCustomer();
    const reply = await call('GET', A, { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(1);
    expect(reply.body[0]).toMatchObject({ country: 'DE', isDefault: true, metadata: { version: 1 } });
    expect(reply.body[0].id).toMatch(/^[0-9a-f]{10}$/);
  });

  it('creates addresses in order; the first one a customer gets is the default', async () => {
    const token = await asCustomer(false);
    const first = await call('POST', A, { token, body: { contactName: 'E One', city: 'Hamburg', country: 'DE' } });
    expect(first.status).toBe(201);
    const second = await call('POST', A, { token, body: { contactName: 'E Two', city: 'Köln' } });
    const list = (await call('GET', A, { token })).body;
    expect(list.map((a: { id: string }) => a.id)).toEqual([first.body.id, second.body.id]);
    expect(list.map((a: { isDefault: boolean }) => a.isDefault)).toEqual([true, false]);
    const got = await call('GET', `${A}/${second.body.id}`, { token });
    expect(got.body).toMatchObject({ id: second.body.id, contactName: 'E Two', tags: [] });
  });

  it('validates contactName and a two-letter country', async () => {
    const token = await asCustomer();
    const noName = await call('POST', A, { token, body: { city: 'Berlin' } });
    expectJsonError(noName, 400, 'validation_failure');
    expect(noName.body.details).toEqual([expect.objectContaining({ field: 'contactName', type: 'missing_value' })]);
    const badCountry = await call('POST', A, { token, body: { contactName: 'X', country: 'Germany' } });
    expect(badCountry.body.details[0].field).toBe('country');
  });

  it('answers 404 resource_not_found for unknown or other customers’ addresses', async () => {
    const janeToken = await asCustomer();
    const janeAddress = (await call('GET', A, { token: janeToken })).body[0].id;
    expectJsonError(await call('GET', `${A}/nope`, { token: janeToken }), 404, 'resource_not_found');
    const otherToken = await asCustomer(false);
    expectJsonError(await call('GET', `${A}/${janeAddress}`, { token: otherToken }), 404, 'resource_not_found');
    expect((await call('DELETE', `${A}/${janeAddress}`, { token: otherToken })).status).toBe(404);
  });

  it('moves the default flag on update, keeps one default and bumps versions', async () => {
    const token = await asCustomer();
    const [seeded] = (await call('GET', A, { token })).body;
    const created = (await call('POST', A, { token, body: { contactName: 'Work', city: 'Potsdam', country: 'DE' } })).body;
    const reply = await call('PATCH', `${A}/${created.id}`, { token, body: { isDefault: true, street: 'Am Kanal', metadata: { version: 1 } } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const list = (await call('GET', A, { token })).body;
    expect(list.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: string }) => a.id)).toEqual([created.id]);
    expect(list[1]).toMatchObject({ street: 'Am Kanal', city: 'Potsdam', metadata: { version: 2 } });
    expect(list[0].id).toBe(seeded.id);
    expect(list[0].metadata.version).toBe(2);
    const stale = await call('PATCH', `${A}/${created.id}`, { token, body: { city: 'X', metadata: { version: 1 } } });
    expectJsonError(stale, 409, 'conflict_resource');
    const cleared = await call('PATCH', `${A}/${created.id}`, { token, body: { contactName: '' } });
    expect(cleared.body.details[0].field).toBe('contactName');
  });

  it('deleting the default leaves no default', async () => {
    const token = await asCustomer();
    const [seeded] = (await call('GET', A, { token })).body;
    await call('POST', A, { token, body: { contactName: 'Second' } });
    expect((await call('DELETE', `${A}/${seeded.id}`, { token })).status).toBe(204);
    const list = (await call('GET', A, { token })).body;
    expect(list).toHaveLength(1);
    expect(list[0].isDefault).toBe(false);
    expect((await call('GET', `${A}/${seeded.id}`, { token })).status).toBe(404);
  });

  it('adds tags idempotently and removes tags, missing ones included', async () => {
    const token = await asCustomer();
    const [address] = (await call('GET', A, { token })).body;
    const tags = `${A}/${address.id}/tags`;
    expect((await call('POST', `${tags}?tags=BILLING,OFFICE`, { token })).status).toBe(204);
    expect((await call('POST', `${tags}?tags=OFFICE`, { token })).status).toBe(204);
    expect((await call('GET', `${A}/${address.id}`, { token })).body.tags).toEqual(['BILLING', 'SHIPPING', 'OFFICE']);
    expect((await call('DELETE', `${tags}?tags=BILLING,NOT_THERE`, { token })).status).toBe(204);
    const after = (await call('GET', `${A}/${address.id}`, { token })).body;
    expect(after.tags).toEqual(['SHIPPING', 'OFFICE']);
    expect(after.metadata.version).toBe(3);
    expect((await call('POST', tags, { token })).body.details[0]).toMatchObject({ field: 'tags', type: 'missing_value' });
    expect((await call('POST', `${A}/nope/tags?tags=A`, { token })).status).toBe(404);
  });
});

// ---- credentials ------------------------------------------------------------------------------

describe('credentials', () => {
  it('changes the password after checking the current one', async () => {
    const { anon, customer } = await login();
    const change = (body: unknown) => call('POST', `${T}/password/change`, { token: customer.access_token, body });
    expectCredentialsRefused(await change({ currentPassword: 'nope-nope', newPassword: 'brand-new-1' }));
    expect(lastEvidence()).toBe('wrongPassword');
    expect((await change({ currentPassword: JANE.password, newPassword: '123' })).body.details[0].field).toBe('newPassword');
    expect((await change({ currentPassword: JANE.password, newPassword: 'brand-new-1' })).status).toBe(204);
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: JANE })).status).toBe(401);
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: { ...JANE, password: 'brand-new-1' } })).status).toBe(200);
    expectJsonError(await call('POST', `${T}/password/change`, { token: anon.access_token, body: {} }), 403, 'forbidden');
  });

  it('resets a password through the mailed token, once', async () => {
    const anon = await anonymous();
    const request = (email: string) => call('POST', `${T}/password/reset`, { token: anon.access_token, body: { email, site: 'main' } });
    expect((await request('nobody@example.com')).status).toBe(204);
    expect(sim.outbox()).toEqual([]);
    expect((await request(JANE.email)).status).toBe(204);
    const mail = sim.lastMail('passwordReset', JANE.email);
    expect(mail?.to).toBe(JANE.email);
    const update = (body: unknown) => call('POST', `${T}/password/reset/update`, { token: anon.access_token, body });
    expect((await update({ token: mail?.token, password: 'reset-pass-1' })).status).toBe(204);
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: { ...JANE, password: 'reset-pass-1' } })).status).toBe(200);
    expectJsonError(await update({ token: mail?.token, password: 'reset-pass-2' }), 400, 'bad_request');
    expectJsonError(await update({ token: 'made-up', password: 'reset-pass-2' }), 400, 'bad_request');
    expect(lastEvidence()).toBe('usedToken');
  });

  it('changes the login email after confirmation, syncing the contact email on request', async () => {
    const { anon, customer } = await login();
    const request = (body: unknown) =>
      call('POST', `${T}/me/accounts/internal/email/change`, { token: customer.access_token, body });
    const base = { email: JANE.email, password: JANE.password, newEmail: 'jane@new.example', syncContactEmail: true };
    expectCredentialsRefused(await request({ ...base, password: 'nope-nope' }));
    expect(sim.outbox()).toEqual([]);
    expect((await request(base)).status).toBe(204);
    const mail = sim.lastMail('emailChange');
    expect(mail?.to).toBe('jane@new.example');
    expect(sim.getCustomer(JANE.email)).toBeDefined();

    const confirm = await call('POST', `${T}/me/accounts/internal/email/change/confirm`, {
      token: anon.access_token,
      body: { token: mail?.token },
    });
    expect(confirm.status).toBe(204);
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: JANE })).status).toBe(401);
    const relogged = await call('POST', `${T}/login`, { token: anon.access_token, body: { email: 'jane@new.example', password: JANE.password } });
    const profile = (await me(relogged.body.access_token)).body;
    expect(profile.contactEmail).toBe('jane@new.example');
    expect(profile.accounts).toEqual([{ id: 'jane@new.example' }]);
    expect(profile.metadata.version).toBe(2);
  });

  it('leaves the contact email alone without syncContactEmail, and refuses a taken new email', async () => {
    sim.seedCustomer({ email: 'taken@example.com', password: 'taken-pass' });
    const { anon, customer } = await login();
    const request = (newEmail: string) =>
      call('POST', `${T}/me/accounts/internal/email/change`, {
        token: customer.access_token,
        body: { email: JANE.email, password: JANE.password, newEmail, syncContactEmail: false },
      });
    const taken = await request('taken@example.com');
    expect(taken.body.details[0]).toMatchObject({ field: 'newEmail', type: 'duplicate_value' });
    await request('jane@other.example');
    const token = sim.lastMail('emailChange', 'jane@other.example')?.token;
    await call('POST', `${T}/me/accounts/internal/email/change/confirm`, { token: anon.access_token, body: { token } });
    expect(sim.getCustomer('jane@other.example')?.contactEmail).toBe(JANE.email);
    const reused = await call('POST', `${T}/me/accounts/internal/email/change/confirm`, { token: anon.access_token, body: { token } });
    expectJsonError(reused, 400, 'bad_request');
  });
});

// ---- controls ---------------------------------------------------------------------------------

describe('fault injection', () => {
  it('fails the next request with a status, then serves normally', async () => {
    sim.failNext({ with: 503 });
    const failed = await call('GET', ANON_LOGIN);
    expectJsonError(failed, 503, 'service_unavailable');
    expect((await call('GET', ANON_LOGIN)).status).toBe(200);
    expect(sim.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('honours count and match (method and path, substring or RegExp)', async () => {
    const anon = await anonymous();
    sim.failNext({ with: 500, count: 2, match: { method: 'get', path: '/me' } });
    sim.failNext({ with: 502, match: { path: /\/login$/ } });
    expect((await call('POST', `${T}/login`, { token: anon.access_token, body: JANE })).status).toBe(502);
    expect((await me(anon.access_token)).status).toBe(500);
    expect((await me(anon.access_token)).status).toBe(500);
    expect((await me(anon.access_token)).status).toBe(200);
  });

  it('answers 429 with Retry-After and 504 as JSON', async () => {
    sim.failNext({ with: 429 });
    const limited = await call('GET', ANON_LOGIN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    sim.failNext({ with: 504 });
    expectJsonError(await call('GET', ANON_LOGIN), 504, 'gateway_timeout');
  });

  it('simulates a network error', async () => {
    sim.failNext({ with: 'network' });
    await expect(fetch(`${ORIGIN}${ANON_LOGIN}`)).rejects.toThrow(TypeError);
    expect(sim.requests[0]).toMatchObject({ operation: 'anonymousLogin', status: 0 });
  });

  it('sends a malformed JSON body with status 200', async () => {
    sim.failNext({ with: 'malformed' });
    const response = await fetch(`${ORIGIN}${ANON_LOGIN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    await expect(response.json()).rejects.toThrow();
  });

  it('sends 401 with an empty body or with HTML', async () => {
    const anon = await anonymous();
    sim.failNext({ with: 'empty401' });
    const empty = await me(anon.access_token);
    expect(empty.status).toBe(401);
    expect(empty.text).toBe('');
    sim.failNext({ with: 'html401' });
    const html = await me(anon.access_token);
    expect(html.status).toBe(401);
    expect(html.headers.get('content-type')).toContain('text/html');
  });

  it('rejects a non-positive count', () => {
    expect(() => sim.failNext({ with: 500, count: 0 })).toThrow();
  });
});

describe('controls', () => {
  it('logs requests with operation, credential kind and status, and counts them', async () => {
    const { customer } = await login();
    await call('GET', `${T}/me/addresses`, { token: customer.access_token });
    await call('GET', `${T}/me/addresses`);
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/customerlogin/auth/anonymous/login', operation: 'anonymousLogin', auth: 'none', status: 200 },
      { method: 'POST', path: '/customer/demoshop/login', operation: 'login', auth: 'anonymous', status: 200 },
      { method: 'GET', path: '/customer/demoshop/me/addresses', operation: 'listAddresses', auth: 'customer', status: 200 },
      {
        method: 'GET',
        path: '/customer/demoshop/me/addresses',
        operation: 'listAddresses',
        auth: 'none',
        status: 401,
        evidence: 'invalidAccessToken',
      },
    ]);
    expect(sim.requestCount('listAddresses')).toBe(2);
    expect(sim.requestCount()).toBe(4);
    sim.expireTokens();
    await call('GET', `${T}/me/addresses`, { token: customer.access_token });
    expect(sim.requests.at(-1)?.auth).toBe('invalid');
  });

  it('adds latency', async () => {
    sim.setLatency(60);
    const started = performance.now();
    await anonymous();
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('reset restores the seeded state and invalidates every token', async () => {
    sim.setDoubleOptIn(true);
    const { anon, customer } = await login();
    await call('POST', `${T}/signup`, { token: anon.access_token, body: NEW });
    sim.failNext({ with: 500 });
    sim.reset();
    expect(sim.outbox()).toEqual([]);
    expect(sim.requests).toEqual([]);
    expect(sim.getCustomer(NEW.email)).toBeUndefined();
    expect(sim.getCustomer(JANE.email)?.firstName).toBe('Jane');
    expect((await me(customer.access_token)).status).toBe(401);
    const again = await anonymous();
    const created = await call('POST', `${T}/signup`, { token: again.access_token, body: NEW });
    expect(created.status).toBe(201);
    expect(sim.outbox()).toEqual([]);
  });

  it('seeds customers and returns deep copies for assertions', async () => {
    const id = sim.seedCustomer({
      email: 'b2b@example.com',
      password: 'b2b-pass',
      company: 'Acme',
      addresses: [{ contactName: 'A' }, { contactName: 'B', isDefault: true }],
      legalEntities: [{ id: 'LE7', name: 'Acme' }],
    });
    const copy = sim.getCustomer(id);
    expect(copy).toMatchObject({ email: 'b2b@example.com', company: 'Acme', activated: true, metadata: { version: 1 } });
    expect(copy?.addresses.map((a) => a.isDefault)).toEqual([false, true]);
    expect(copy).not.toHaveProperty('password');
    copy!.addresses.length = 0;
    expect(sim.getCustomer('B2B@example.com')?.addresses).toHaveLength(2);
    expect(() => sim.seedCustomer({ email: 'b2b@example.com' })).toThrow();
  });

  it('answers on a custom tenant, client id and base URL', async () => {
    const other = useOther({ tenant: 'acme', clientId: 'acme-key', baseUrl: 'https://sim.example/' });
    expect(other.baseUrl).toBe('https://sim.example');
    const anon = await call('GET', '/customerlogin/auth/anonymous/login?tenant=acme&client_id=acme-key', { origin: other.baseUrl });
    expect(anon.body.scope).toBe('tenant=acme');
    const reply = await call('POST', '/customer/acme/login', { origin: other.baseUrl, token: anon.body.access_token, body: JANE });
    expect(reply.status).toBe(200);
  });
});

// ---- mail links and a stored tenant -----------------------------------------------------------

describe('mail links', () => {
  it('puts a link built from the template of its kind into a mail, with the token URL-encoded', async () => {
    const other = useOther({ mailLinks: { passwordReset: 'https://shop.example/password/reset?token={token}' } });
    const anon = await anonymous();
    await call('POST', `${T}/password/reset`, { token: anon.access_token, body: { email: JANE.email } });
    const mail = other.lastMail('passwordReset');
    expect(mail?.link).toBe(`https://shop.example/password/reset?token=${encodeURIComponent(mail?.token ?? '')}`);
    expect(other.outbox()).toEqual([mail]);
  });

  it('leaves mails without a template link-less', async () => {
    const anon = await anonymous();
    await call('POST', `${T}/password/reset`, { token: anon.access_token, body: { email: JANE.email } });
    expect(sim.lastMail('passwordReset')).not.toHaveProperty('link');
  });
});

describe('persist', () => {
  /** One browser's localStorage, shared by the simulators of its tabs. */
  function memoryStorage() {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  }

  it('lets a second simulator on the same storage serve the tenant and tokens of the first', async () => {
    const storage = memoryStorage();
    const first = useOther({ persist: { storage }, doubleOptIn: true });
    const { anon, customer } = await login();
    await call('POST', `${T}/signup`, { token: anon.access_token, body: NEW });
    expect(storage.items.has(`emporix-simulator:${simulatorDefaults.tenant}`)).toBe(true);

    const second = useOther({ persist: { storage } });
    expect((await me(customer.access_token)).body.firstName).toBe('Jane');
    expect(second.lastMail('activation', NEW.email)?.token).toBe(first.lastMail('activation', NEW.email)?.token);
    const logout = `${T}/logout?accessToken=${customer.access_token}`;
    expect((await call('GET', logout, { token: customer.access_token })).status).toBe(204);

    // the first one takes over what the second changed before it answers
    server.use(...first.handlers);
    expect((await me(customer.access_token)).status).toBe(401);
    expect(first.getCustomer(NEW.email)?.activated).toBe(false);
  });

  it('keeps a tenant across a new simulator (a reload) and starts over on reset', async () => {
    const storage = memoryStorage();
    const before = useOther({ persist: { storage } });
    const { customer } = await login();
    before.seedCustomer({ email: 'kept@example.com' });

    const after = useOther({ persist: { storage } });
    expect(after.getCustomer('kept@example.com')).toBeDefined();
    expect((await me(customer.access_token)).status).toBe(200);
    after.reset();
    expect(before.getCustomer('kept@example.com')).toBeUndefined();
    expect((await me(customer.access_token)).status).toBe(401);
  });

  it('ignores unreadable data and other tenants, and honours a custom key', async () => {
    const storage = memoryStorage();
    storage.setItem('sim', '{not json');
    const other = useOther({ persist: { storage, key: 'sim' } });
    expect(other.getCustomer(JANE.email)?.firstName).toBe('Jane');
    expect(JSON.parse(storage.getItem('sim') ?? '{}')).toMatchObject({ v: 1, tenant: simulatorDefaults.tenant });

    const acme = createEmporixSimulator({ tenant: 'acme', persist: { storage, key: 'sim' }, customers: [] });
    expect(acme.getCustomer(JANE.email)).toBeUndefined();
  });
});
