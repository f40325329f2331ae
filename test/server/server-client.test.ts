/**
 * `proxy.client(request)`: a customer client on the server, bound to one request's cookies. It reads with
 * the tokens of those cookies and nobody else's, knows who is calling as the browser does (login id, legal
 * entity), never renews or starts a session (that sets cookies, which only the proxy's answers can), and
 * answers a token that ran out with a 401 the browser resolves through the proxy.
 */
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../../src/api';
import { callerScope, customerKeys, customerQueries, prefetchAccountPage, SIGNED_OUT } from '../../src/queries';
import { setupProxy, SHOP, type Browser } from './support';

const ada = { email: 'ada@example.com', password: 'ada-secret-1', firstName: 'Ada' };
const bob = { email: 'bob@example.com', password: 'bob-secret-2', firstName: 'Bob' };
const setup = setupProxy({
  simulator: {
    customers: [
      { ...ada, addresses: [{ contactName: 'Ada Home', street: 'Ada Street', city: 'Aachen', country: 'DE', zipCode: '52062' }], legalEntities: [{ id: 'le-ada', name: 'Ada AG' }] },
      { ...bob, addresses: [{ contactName: 'Bob Home', street: 'Bob Street', city: 'Bonn', country: 'DE', zipCode: '53111' }] },
    ],
  },
});

async function loggedIn(who: { email: string; password: string }, origin = SHOP): Promise<{ browser: Browser; loginId: string }> {
  const browser = setup.browser(origin);
  const login = await browser.send('POST', setup.tenantPath('/login'), { body: { email: who.email, password: who.password } });
  expect(login.status).toBe(200);
  return { browser, loginId: login.json.loginId };
}

/** The request for a page of the shop, with the cookies a browser sends there. */
function pageRequest(browser: Browser, path = '/account'): Request {
  return new Request(new URL(path, browser.origin), { headers: { cookie: browser.cookieHeader(path) } });
}

const upstreamOperations = () => setup.sim().requests.map((request) => `${request.operation} ${request.status}`);

describe('the server client of one request', () => {
  it('knows who is calling as the browser does, and reads with the customer token of the cookies', async () => {
    const { browser, loginId } = await loggedIn(ada);
    const before = setup.sim().requests.length;

    const client = setup.proxy().client(pageRequest(browser));
    const me = await client.getCustomer({ expand: ['addresses'] });

    expect(client.session.getState()).toEqual({
      status: 'customer',
      loginId,
      customerId: setup.sim().getCustomer(ada.email)?.id,
      legalEntityId: undefined,
      sessionId: undefined,
      expiresAt: undefined,
      // The SaaS token's own expiry, from its JWT (the cookie lives exactly as long).
      saasTokenExpiresAt: expect.any(Number),
    });
    expect(me.firstName).toBe('Ada');
    expect(me.addresses?.map((address) => address.city)).toEqual(['Aachen']);
    expect(setup.sim().requests.slice(before).map((request) => `${request.operation} ${request.auth}`)).toEqual(['getCustomer customer']);
    // The SaaS token other server code needs (checkout, orders): the one in the cookie.
    expect(client.session.getSaasToken()).toBe(browser.cookie('saas')?.value);
  });

  it('takes the request headers alone (a server component), naming the cookies by the Host', async () => {
    const { browser, loginId } = await loggedIn(ada);
    const onHttps = setup.proxy().client({ headers: new Headers({ cookie: browser.cookieHeader('/account'), host: 'shop.example' }) });
    expect(onHttps.session.getState().loginId).toBe(loginId);

    const local = await loggedIn(bob, 'http://localhost:3000');
    expect(local.browser.cookie('login')?.name).not.toMatch(/^__/);
    const onLocalhost = setup.proxy().client({ headers: new Headers({ cookie: local.browser.cookieHeader('/account'), host: 'localhost:3000' }) });
    expect(onLocalhost.session.getState().loginId).toBe(local.loginId);
    expect((await onLocalhost.getCustomer()).firstName).toBe('Bob');
  });

  it('on https, a cookie without its __Host- prefix (one a subdomain could plant) counts for nothing', async () => {
    const { browser } = await loggedIn(ada);
    const planted = browser.cookieHeader('/account').replace(/__Host-/g, '');

    const client = setup.proxy().client(new Request(`${SHOP}/account`, { headers: { cookie: planted } }));

    expect(client.session.getState().status).toBe('anonymous');
  });

  it('keys its data by the legal entity the customer acts for, as the browser does', async () => {
    const { browser, loginId } = await loggedIn(ada);
    const switched = await browser.send('GET', setup.tenantPath('/refreshauthtoken'), { query: { legalEntityId: 'le-ada' } });
    expect(switched.status).toBe(200);

    const state = setup.proxy().client(pageRequest(browser)).session.getState();

    expect(state).toMatchObject({ loginId, legalEntityId: 'le-ada' });
    expect(callerScope(state)).toBe(`customer:${loginId}:le-ada`);
  });

  it('a guest: anonymous, and nothing to read without the anonymous cookie', async () => {
    const client = setup.proxy().client(new Request(`${SHOP}/account`));

    expect(client.session.getState()).toMatchObject({ status: 'anonymous', loginId: undefined });
    await expect(client.getCustomer()).rejects.toMatchObject({ status: 401 });
    expect(setup.sim().requests).toEqual([]);
  });
});

describe('it never renews, starts or ends a session', () => {
  it('a customer token whose cookie ran out: a 401 the browser resolves, and nothing sent', async () => {
    const { browser } = await loggedIn(ada);
    browser.lapse('customer');
    const before = upstreamOperations().length;

    const client = setup.proxy().client(pageRequest(browser));
    const error = await client.getCustomer().catch((caught: unknown) => caught);

    expect(client.session.getState().status).toBe('customer');
    expect(error).toBeInstanceOf(EmporixError);
    expect(error).toMatchObject({ status: 401, code: 'keymanagement.service.access_token_expired' });
    expect(upstreamOperations().slice(before)).toEqual([]);
  });

  it('a token the API refuses: one request, no renewal, the 401 passed on', async () => {
    const { browser } = await loggedIn(ada);
    setup.sim().expireTokens('customer');
    const before = upstreamOperations().length;

    const error = await setup.proxy().client(pageRequest(browser)).getCustomer().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 401 });
    expect(upstreamOperations().slice(before)).toEqual(['getCustomer 401']);
  });

  it.each([
    ['login', (client: ReturnType<ReturnType<typeof setup.proxy>['client']>) => client.login(ada)],
    ['logout', (client: ReturnType<ReturnType<typeof setup.proxy>['client']>) => client.logout()],
    ['refreshCustomerToken', (client: ReturnType<ReturnType<typeof setup.proxy>['client']>) => client.refreshCustomerToken()],
    ['anonymousRefresh', (client: ReturnType<ReturnType<typeof setup.proxy>['client']>) => client.session.refreshAnonymous()],
  ])('%s is refused: it would have to set cookies', async (_name, act) => {
    const { browser } = await loggedIn(ada);
    const before = upstreamOperations().length;

    await expect(act(setup.proxy().client(pageRequest(browser)))).rejects.toMatchObject({ type: 'invalid_state' });

    expect(upstreamOperations().slice(before)).toEqual([]);
  });
});

describe('two customers at once', () => {
  it('interleaved server clients read and write only their own customer’s data', async () => {
    const [a, b] = await Promise.all([loggedIn(ada), loggedIn(bob)]);
    const clients = { a: () => setup.proxy().client(pageRequest(a.browser)), b: () => setup.proxy().client(pageRequest(b.browser)) };

    const work = Array.from({ length: 12 }, (_, index) => {
      const who = index % 2 === 0 ? 'a' : 'b';
      const client = clients[who]();
      const name = `${who === 'a' ? 'Ada' : 'Bob'}-${index}`;
      return index % 3 === 0
        ? client.updateCustomer({ middleName: name }).then(() => ({ who, name: undefined as string | undefined }))
        : client.getCustomer({ expand: ['addresses'] }).then((me) => ({ who, name: `${me.firstName}:${me.addresses?.[0]?.city}` }));
    });
    const results = await Promise.all(work);

    for (const { who, name } of results) {
      if (name !== undefined) expect(name).toBe(who === 'a' ? 'Ada:Aachen' : 'Bob:Bonn');
    }
    expect(setup.sim().getCustomer(ada.email)?.middleName).toMatch(/^Ada-/);
    expect(setup.sim().getCustomer(bob.email)?.middleName).toMatch(/^Bob-/);
  });

  it('prefetching into a QueryClient per request keys each customer’s page by that customer’s login', async () => {
    const [a, b] = await Promise.all([loggedIn(ada), loggedIn(bob)]);

    const pages = await Promise.all(
      [a, b].map(async ({ browser }) => {
        const queryClient = new QueryClient();
        const scope = await prefetchAccountPage(queryClient, setup.proxy().client(pageRequest(browser)));
        return { scope, queryClient };
      }),
    );

    expect(pages.map(({ scope }) => scope)).toEqual([`customer:${a.loginId}:-`, `customer:${b.loginId}:-`]);
    const [adaPage, bobPage] = pages;
    expect(adaPage!.queryClient.getQueryData(customerKeys.profile(adaPage!.scope, ['addresses']))).toMatchObject({ firstName: 'Ada' });
    expect(bobPage!.queryClient.getQueryData(customerKeys.profile(bobPage!.scope, ['addresses']))).toMatchObject({ firstName: 'Bob' });
    expect(adaPage!.queryClient.getQueryData(customerKeys.profile(bobPage!.scope, ['addresses']))).toBeUndefined();
  });
});

describe('prefetching the account page', () => {
  it('one request fills the profile with its addresses, the address list and the plain profile', async () => {
    const { browser, loginId } = await loggedIn(ada);
    const before = upstreamOperations().length;
    const queryClient = new QueryClient();

    const scope = await prefetchAccountPage(queryClient, setup.proxy().client(pageRequest(browser)));

    expect(scope).toBe(`customer:${loginId}:-`);
    expect(upstreamOperations().slice(before)).toEqual(['getCustomer 200']);
    const keys = dehydrate(queryClient).queries.map((query) => JSON.stringify(query.queryKey)).sort();
    expect(keys).toEqual(
      [customerKeys.profile(scope, ['addresses']), customerKeys.addressList(scope), customerKeys.profile(scope)].map((key) => JSON.stringify(key)).sort(),
    );
    expect(queryClient.getQueryData(customerQueries.addresses(setup.proxy().client(pageRequest(browser)), scope).queryKey)).toHaveLength(1);
  });

  it('for a guest: nothing loaded, nothing sent', async () => {
    const queryClient = new QueryClient();

    await expect(prefetchAccountPage(queryClient, setup.proxy().client(new Request(`${SHOP}/account`)))).resolves.toBe(SIGNED_OUT);

    expect(dehydrate(queryClient).queries).toEqual([]);
    expect(setup.sim().requests).toEqual([]);
  });

  it('a token that ran out leaves the page to the browser: nothing cached, nothing thrown', async () => {
    const { browser } = await loggedIn(ada);
    browser.lapse('customer');
    const queryClient = new QueryClient();

    await prefetchAccountPage(queryClient, setup.proxy().client(pageRequest(browser)));

    expect(dehydrate(queryClient).queries).toEqual([]);
  });
});
