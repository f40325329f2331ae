/**
 * The browser client in proxy mode (`createCustomerClient({ proxy })`) against a real proxy and simulator:
 * every call goes to the proxy with its header and nothing the proxy adds itself, no token ever reaches the
 * page, and the session logic is the one of the default mode — renew and replay after a 401, one renewal
 * across tabs, logins and logouts followed by every tab, legal-entity switches — with the login id the
 * proxy's cookie names, so the page and the server agree on who is calling.
 */
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../../src/api';
import { PROXY_HEADER, SESSION_ID_HEADER } from '../../src/server';
import { DEFAULT_TOKEN_LIFETIMES, simulatorDefaults } from '../../src/testing';
import { PROXY_PATH, readableByScripts, setupProxyPage } from './support';

const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };
const page = setupProxyPage({
  simulator: {
    customers: [{ ...jane, firstName: 'Jane', lastName: 'Doe', legalEntities: [{ id: 'le-north', name: 'North GmbH' }] }],
  },
});
const operations = () => page.sim().requests.map((request) => request.operation);
const loginCookie = () => page.browser().cookie('login')?.value;

/** No token the proxy keeps in its cookies is anywhere a script of the page can read. */
function expectNoTokenReadable(): void {
  const readable = readableByScripts();
  const tokens = page.tokens();
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) expect(readable).not.toContain(token);
}

describe('proxy mode: what the page sends and keeps', () => {
  it('logs in through the proxy: every request below its path with its header, no bearer, no token in the page', async () => {
    const client = page.client();

    await client.login(jane);

    const state = client.session.getState();
    expect(state).toMatchObject({ status: 'customer', customerId: page.sim().getCustomer(jane.email)?.id });
    // Renewals are timed by the lifetime the proxy's answer tells, as in the default mode.
    expect(state.expiresAt! - Date.now()).toBeGreaterThan((DEFAULT_TOKEN_LIFETIMES.customerAccess - 60) * 1000);
    expect(state.expiresAt! - Date.now()).toBeLessThanOrEqual(DEFAULT_TOKEN_LIFETIMES.customerAccess * 1000);
    // The login id is the proxy's, from its readable cookie: the server will key its data the same way.
    expect(state.loginId).toBe(loginCookie());
    expect(page.requests().map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      `GET ${PROXY_PATH}/customerlogin/auth/anonymous/login`,
      `POST ${PROXY_PATH}/customer/${page.sim().tenant}/login`,
    ]);
    for (const request of page.requests()) {
      expect(request.headers.get(PROXY_HEADER)).toBe('1');
      expect(request.headers.has('authorization')).toBe(false);
    }
    expect(client.session.getSaasToken()).toBeUndefined();
    await expect(client.session.getAccessToken()).rejects.toMatchObject({ type: 'invalid_state' });
    expectNoTokenReadable();
    // What is stored: expiry times, the session id, the customer and login ids — and handles, which are not tokens.
    const stored = JSON.parse(localStorage.getItem(`${client.storageNamespace}:session`)!);
    expect(stored.customer).toMatchObject({ loginId: state.loginId, accessToken: expect.stringMatching(/^held-by-proxy\./) });
    expect(stored.customer.saasToken).toBeUndefined();
  });

  it('reads and writes the account with the tokens of the cookies', async () => {
    const client = page.client();
    await client.login(jane);

    await client.updateCustomer({ firstName: 'Janet' });
    const { id } = await client.createAddress({ contactName: 'Janet Doe', street: 'Main', city: 'Berlin', country: 'DE', zipCode: '10115' });
    const me = await client.getCustomer({ expand: ['addresses'] });

    expect(me.firstName).toBe('Janet');
    expect(me.addresses?.map((address) => address.id)).toEqual([id]);
    expect(page.sim().requests.filter((request) => request.auth === 'customer').map((request) => request.operation)).toEqual([
      'updateCustomer',
      'createAddress',
      'getCustomer',
    ]);
    expectNoTokenReadable();
  });

  it('never sends the tokens the API wants in URLs: the proxy adds them (logout, refresh)', async () => {
    const client = page.client();
    await client.login(jane);

    await client.refreshCustomerToken();
    await client.logout();

    const sent = page.requests().filter((request) => /refreshauthtoken|logout/.test(request.url.pathname));
    expect(sent.map((request) => [...request.url.searchParams.keys()])).toEqual([[], []]);
    expect(operations().slice(-2)).toEqual(['refreshCustomerToken', 'logout']);
  });
});

describe('proxy mode: the session logic', () => {
  it('a customer token that ran out is renewed through the proxy and the read replayed', async () => {
    const client = page.client();
    await client.login(jane);
    const before = client.session.getState();
    page.browser().lapse('customer');

    const me = await client.getCustomer();

    expect(me.firstName).toBe('Jane');
    expect(operations().slice(-2)).toEqual(['refreshCustomerToken', 'getCustomer']);
    // The login goes on: same login id (the proxy keeps it), new expiry.
    expect(client.session.getState().loginId).toBe(before.loginId);
    expect(loginCookie()).toBe(before.loginId);
  });

  it('two tabs that find the token refused renew it once between them', async () => {
    const first = page.client();
    await first.login(jane);
    const second = page.client();
    expect(second.session.getState().loginId).toBe(first.session.getState().loginId);
    page.sim().expireTokens('customer');

    const [a, b] = await Promise.all([first.getCustomer(), second.getCustomer()]);

    expect([a.firstName, b.firstName]).toEqual(['Jane', 'Jane']);
    expect(page.sim().requests.filter((request) => request.operation === 'refreshCustomerToken')).toHaveLength(1);
  });

  it('a refused renewal ends the session in the page and in the cookies', async () => {
    const client = page.client();
    await client.login(jane);
    page.sim().revokeRefreshTokens('customer');
    page.sim().expireTokens('customer');
    const events: string[] = [];
    client.session.on((event) => events.push(event.type));

    const error = await client.getCustomer().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ type: 'session_expired' });
    expect(client.session.getState().status).toBe('anonymous');
    expect(events).toContain('sessionExpired');
    expect(page.browser().cookie('customer')).toBeUndefined();
    expect(loginCookie()).toBeUndefined();
  });

  it('logout ends it everywhere: cookies expired, the grant ended, the other tab told, storage emptied', async () => {
    const client = page.client();
    await client.login(jane);
    const other = page.client();
    const heard: string[] = [];
    other.session.on((event) => heard.push(event.type));

    await client.logout();

    expect(client.session.getState().status).toBe('anonymous');
    expect(operations().at(-1)).toBe('logout');
    const left = [...page.browser().cookies.values()].map((cookie) => cookie.name);
    expect(left.filter((name) => /customer|saas|login|legal-entity/.test(name))).toEqual([]);
    expect(document.cookie).not.toMatch(/-login=/);
    await expect.poll(() => other.session.getState().status).toBe('anonymous');
    expect(heard).toContain('logout');
  });

  it('a legal-entity switch goes through the proxy and keys the session anew', async () => {
    const client = page.client();
    await client.login(jane);

    await client.refreshCustomerToken({ legalEntityId: 'le-north' });

    expect(client.session.getState()).toMatchObject({ status: 'customer', legalEntityId: 'le-north' });
    expect(page.requests().at(-1)?.url.searchParams.get('legalEntityId')).toBe('le-north');
    expect(page.browser().cookie('legal-entity')?.value).toBe('le-north');
    expect((await client.validateToken()).legalEntityId).toBe('le-north');
  });

  it('a guest page takes up the new session the proxy had to start on its own', async () => {
    const client = page.client();
    await client.session.ensureAnonymous();
    const first = client.session.getState().sessionId;
    // The proxy can no longer renew the page's anonymous session: it starts a new one and says so.
    page.browser().lapse('anon');
    page.browser().lapse('anon-refresh');

    await client.requestPasswordReset({ email: jane.email });

    const announced = page.requests().find((request) => request.answer?.headers.has(SESSION_ID_HEADER))?.answer?.headers.get(SESSION_ID_HEADER);
    expect(announced).toBeTruthy();
    expect(announced).not.toBe(first);
    await expect.poll(() => client.session.getState().sessionId).toBe(announced);
    // It learnt the new session by renewing the anonymous token through the proxy, in that session.
    expect(operations().slice(-3)).toEqual(['anonymousLogin', 'requestPasswordReset', 'anonymousRefresh']);
  });
});

describe('proxy mode: a login the page did not make', () => {
  it('is taken up from the readable login id cookie, with what the server rendered for it', async () => {
    // Logged in through the proxy directly (another page, the server): nothing in this page's storage.
    const login = await page.browser().send('POST', `/customer/${page.sim().tenant}/login`, { body: jane });
    for (const set of login.setCookies) if (!set.httpOnly) document.cookie = set.raw;
    const initialSession = page.proxy().client({ headers: new Headers({ cookie: page.browser().cookieHeader('/account'), host: 'localhost:3000' }) }).session.getState();

    const client = page.client({ initialSession });

    expect(client.session.getState()).toMatchObject({
      status: 'customer',
      loginId: login.json.loginId,
      customerId: initialSession.customerId,
    });
    expect(client.session.getServerState()).toEqual(initialSession);
    expect((await client.getCustomer()).firstName).toBe('Jane');
    expectNoTokenReadable();
  });

  it('a login the cookie does not name (logged in elsewhere since) gives way to the one it names', async () => {
    const first = page.client();
    await first.login(jane);
    const stale = first.session.getState().loginId;
    first.dispose();
    const login = await page.browser().send('POST', `/customer/${page.sim().tenant}/login`, { body: jane });
    for (const set of login.setCookies) if (!set.httpOnly) document.cookie = set.raw;

    const reloaded = page.client();

    expect(reloaded.session.getState().loginId).toBe(login.json.loginId);
    expect(reloaded.session.getState().loginId).not.toBe(stale);
  });
});

describe('proxy mode: settings', () => {
  it.each([
    [{ proxy: 'api/emporix' }, 'proxy'],
    [{ proxy: '/api/emporix/' }, 'proxy'],
    [{ proxy: { path: '/api/emporix', cookiePrefix: 'bad prefix' } }, 'proxy.cookiePrefix'],
    [{ proxy: '/api/emporix', baseUrl: 'https://api.emporix.io' }, 'baseUrl'],
    [{ proxy: '/api/emporix', initialSession: { status: 'customer', loginId: 'nope' } }, 'initialSession.loginId'],
    [{ initialSession: { status: 'anonymous' } }, 'initialSession'],
  ])('refuses %o, naming %s', (options, option) => {
    expect(() => page.client({ proxy: undefined, ...(options as object) })).toThrow(
      expect.objectContaining({ type: 'invalid_config', message: expect.stringMatching(new RegExp(`^${option.replace('.', '\\.')} `)) }),
    );
  });
});
