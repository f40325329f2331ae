/**
 * The session the proxy keeps in cookies: the anonymous token obtained or renewed when an operation needs
 * it, customer tokens renewed only through `refreshauthtoken` (the browser drives renewal), refused
 * refreshes and logout ending the session in the cookies, and legal-entity switches.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_ID_HEADER } from '../../src/server';
import { UNDOCUMENTED_CHOICES } from '../../src/testing';
import { setupProxy, simulatorDefaults, type Browser, type ProxyAnswer } from './support';

const setup = setupProxy({
  simulator: {
    customers: [
      {
        email: simulatorDefaults.email,
        password: simulatorDefaults.password,
        firstName: 'Jane',
        legalEntities: [{ id: 'le-north', name: 'North GmbH' }],
      },
    ],
  },
});
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const operations = () => setup.sim().requests.map((request) => `${request.operation} ${request.status}`);

async function logIn(browser: Browser): Promise<ProxyAnswer> {
  const answer = await browser.send('POST', setup.tenantPath('/login'), { body: jane });
  expect(answer.status).toBe(200);
  return answer;
}

/** Every cookie the answer expired (Max-Age=0 and a date in 1970), by name suffix. */
function expired(answer: ProxyAnswer): string[] {
  return answer.setCookies
    .filter((cookie) => cookie.maxAge === 0 && cookie.value === '' && /1970/.test(cookie.expires ?? ''))
    .map((cookie) => cookie.name.replace(/^.*?-emporix-\w+-/, ''))
    .sort();
}

const ALL = ['anon', 'anon-refresh', 'customer', 'customer-refresh', 'legal-entity', 'login', 'saas'];

describe('the anonymous token, obtained by the proxy when needed', () => {
  it('a first request without cookies gets an anonymous session first, and learns its id', async () => {
    const browser = setup.browser();
    const answer = await browser.send('POST', setup.tenantPath('/password/reset'), { body: { email: jane.email } });
    expect(answer.status).toBe(204);
    expect(operations()).toEqual(['anonymousLogin 200', 'requestPasswordReset 204']);
    expect(answer.headers.get(SESSION_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(browser.cookie('anon')).toBeDefined();
    expect(browser.cookie('anon-refresh')).toBeDefined();
  });

  it('an anonymous access cookie that ran out is renewed with the refresh cookie: same session', async () => {
    const browser = setup.browser();
    const login = await browser.send('GET', '/customerlogin/auth/anonymous/login');
    browser.lapse('anon');
    const answer = await browser.send('GET', setup.tenantPath('/me'));
    expect(answer.status).toBe(200);
    expect(answer.json.firstName).toBe('Anonymous');
    expect(answer.headers.get(SESSION_ID_HEADER)).toBe(login.json.sessionId);
    expect(operations()).toEqual(['anonymousLogin 200', 'anonymousRefresh 200', 'getCustomer 200']);
  });

  it('an anonymous token the API refuses is renewed and the request sent once more', async () => {
    const browser = setup.browser();
    await browser.send('GET', '/customerlogin/auth/anonymous/login');
    setup.sim().expireTokens('anonymous');
    const answer = await browser.send('POST', setup.tenantPath('/signup'), { body: { email: 'new@example.com', password: 'secret-pass' } });
    expect(answer.status).toBe(201);
    expect(operations()).toEqual(['anonymousLogin 200', 'signup 401', 'anonymousRefresh 200', 'signup 201']);
  });

  it('a social login is never sent twice: its code is spent once', async () => {
    const browser = setup.browser();
    await browser.send('GET', '/customerlogin/auth/anonymous/login');
    setup.sim().expireTokens('anonymous');
    const code = setup.sim().issueSocialCode('social@example.com');
    const answer = await browser.send('POST', setup.tenantPath('/socialLogin'), {
      query: { code, redirect_uri: 'https://shop.example/callback' },
    });
    expect(answer.status).toBe(401);
    expect(operations()).toEqual(['anonymousLogin 200', 'socialLogin 401']);
  });

  it('an anonymous refresh without a refresh cookie is refused without asking the API', async () => {
    const answer = await setup.browser().send('GET', '/customerlogin/auth/anonymous/refresh');
    expect(answer.status).toBe(401);
    expect(answer.json.fault.detail.errorcode).toBe('proxy.NoRefreshToken');
    expect(setup.upstream()).toEqual([]);
  });

  // How the live API refuses a refresh token is undocumented: every candidate answer must end the session.
  it.each(UNDOCUMENTED_CHOICES.refreshRefused)('a refused anonymous refresh (%s) expires the anonymous cookies', async (shape) => {
    setup.sim().setUndocumented({ refreshRefused: shape });
    const browser = setup.browser();
    await browser.send('GET', '/customerlogin/auth/anonymous/login');
    setup.sim().revokeRefreshTokens('anonymous');
    const answer = await browser.send('GET', '/customerlogin/auth/anonymous/refresh');
    expect([400, 401]).toContain(answer.status);
    expect(expired(answer)).toEqual(['anon', 'anon-refresh']);
    expect(browser.cookies.size).toBe(0);
  });

  it('an API key the API refuses is a configuration fault (502), never passed on as a 401', async () => {
    const browser = setup.browser(undefined, setup.createProxy({ clientId: 'wrong-key' }));
    const answer = await browser.send('POST', setup.tenantPath('/login'), { body: jane });
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ type: 'anonymous_session_refused' });
    expect(answer.json.message).toMatch(/clientId/);
  });
});

describe('the customer session in cookies', () => {
  it('a customer operation without a customer session is refused without asking the API', async () => {
    const answer = await setup.browser().send('GET', setup.tenantPath('/me/addresses'));
    expect(answer.status).toBe(401);
    expect(answer.json.fault.detail.errorcode).toBe('proxy.NoCustomerSession');
    expect(setup.upstream()).toEqual([]);
  });

  it('an access cookie that ran out while the refresh token lives answers "expired"; a refresh through the proxy cures it', async () => {
    const browser = setup.browser();
    await logIn(browser);
    browser.lapse('customer');
    const before = setup.upstream().length;
    for (const path of ['/me/addresses', '/me']) {
      const answer = await browser.send('GET', setup.tenantPath(path));
      expect(answer.status).toBe(401);
      expect(answer.json.fault.detail.errorcode).toBe('keymanagement.service.access_token_expired');
    }
    expect(setup.upstream()).toHaveLength(before);
    expect((await browser.send('GET', setup.tenantPath('/refreshauthtoken'))).status).toBe(200);
    const me = await browser.send('GET', setup.tenantPath('/me'));
    expect(me.json.firstName).toBe('Jane');
  });

  it('the refresh fills in the refresh token from its cookie and is authorised by the anonymous token', async () => {
    const browser = setup.browser();
    await logIn(browser);
    const refreshed = await browser.send('GET', setup.tenantPath('/refreshauthtoken'));
    expect(refreshed.status).toBe(200);
    const sent = setup.upstream().at(-1)!;
    const refreshToken = sent.url.searchParams.get('refreshToken');
    expect(refreshToken).toBeTruthy();
    // The bearer is the anonymous token the browser holds in its cookie.
    expect(sent.headers.get('authorization')).toBe(`Bearer ${browser.cookie('anon')!.value}`);
    // The simulator rotates customer refresh tokens: the cookie now holds the new one.
    expect(browser.cookie('customer-refresh')!.value).not.toContain(refreshToken!);
  });

  it('a customer refresh without a customer session is refused without asking the API; the anonymous session stays', async () => {
    const browser = setup.browser();
    await browser.send('GET', '/customerlogin/auth/anonymous/login');
    const before = setup.upstream().length;
    const answer = await browser.send('GET', setup.tenantPath('/refreshauthtoken'));
    expect(answer.status).toBe(401);
    expect(answer.json.fault.detail.errorcode).toBe('proxy.NoRefreshToken');
    expect(setup.upstream()).toHaveLength(before);
    expect(expired(answer)).toEqual(['customer', 'customer-refresh', 'legal-entity', 'login', 'saas']);
    expect(browser.cookie('anon')).toBeDefined();
  });

  it.each(UNDOCUMENTED_CHOICES.refreshRefused)('a refused refresh (%s) expires every cookie of the session', async (shape) => {
    setup.sim().setUndocumented({ refreshRefused: shape });
    const browser = setup.browser();
    await logIn(browser);
    setup.sim().revokeRefreshTokens('customer');
    const answer = await browser.send('GET', setup.tenantPath('/refreshauthtoken'));
    expect([400, 401]).toContain(answer.status);
    expect(expired(answer)).toEqual(ALL);
    expect(browser.cookies.size).toBe(0);
    const me = await browser.send('GET', setup.tenantPath('/me'));
    expect(me.json.firstName).toBe('Anonymous');
  });

  it('logout tells the API with the customer token and expires every cookie', async () => {
    const browser = setup.browser();
    await logIn(browser);
    const oldCookies = browser.cookieHeader(`/api/emporix/customer/x/me`);
    const answer = await browser.send('GET', setup.tenantPath('/logout'));
    expect(answer.status).toBe(204);
    expect(expired(answer)).toEqual(ALL);
    expect(browser.cookies.size).toBe(0);
    const logout = setup.upstream().at(-1)!;
    expect(logout.url.searchParams.get('accessToken')).toBe(logout.headers.get('authorization')?.replace('Bearer ', ''));
    expect(setup.sim().requests.at(-1)).toMatchObject({ operation: 'logout', auth: 'customer', status: 204 });
    // The old cookies, replayed, no longer let anyone in.
    const replay = await setup.proxy().handle(
      new Request(`https://shop.example/api/emporix${setup.tenantPath('/validateauthtoken')}`, {
        headers: { 'x-emporix-proxy': '1', cookie: oldCookies },
      }),
    );
    expect(replay.status).toBe(401);
  });

  it('logout without a session expires the cookies and asks nothing of the API', async () => {
    const answer = await setup.browser().send('GET', setup.tenantPath('/logout'));
    expect(answer.status).toBe(204);
    expect(expired(answer)).toEqual(ALL);
    expect(setup.upstream()).toEqual([]);
  });

  it('a legal-entity switch is kept on later refreshes; a refused switch (400) keeps the session', async () => {
    const browser = setup.browser();
    await logIn(browser);
    const refused = await browser.send('GET', setup.tenantPath('/refreshauthtoken'), { query: { legalEntityId: 'le-unknown' } });
    expect(refused.status).toBe(400);
    expect(expired(refused)).toEqual([]);
    expect((await browser.send('GET', setup.tenantPath('/me/addresses'))).status).toBe(200);

    const switched = await browser.send('GET', setup.tenantPath('/refreshauthtoken'), { query: { legalEntityId: 'le-north' } });
    expect(switched.status).toBe(200);
    expect((await browser.send('GET', setup.tenantPath('/validateauthtoken'))).json.legalEntityId).toBe('le-north');
    expect((await browser.send('GET', setup.tenantPath('/refreshauthtoken'))).status).toBe(200);
    expect(setup.upstream().at(-1)!.url.searchParams.get('legalEntityId')).toBe('le-north');
    expect((await browser.send('GET', setup.tenantPath('/validateauthtoken'))).json.legalEntityId).toBe('le-north');
  });
});
