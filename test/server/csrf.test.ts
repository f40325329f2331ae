/**
 * Cross-site request forgery: a request without the proxy header, from another origin, marked
 * `Sec-Fetch-Site: cross-site`, or posted by an HTML form is refused with 403 before anything reaches the
 * API — with the shopper's session cookies attached, as a browser would attach them.
 */
import { describe, expect, it } from 'vitest';
import { PROXY_HEADER } from '../../src/server';
import { SHOP, setupProxy, simulatorDefaults, type Browser, type SendOptions } from './support';

const setup = setupProxy();

/** A browser with a logged-in customer; the proxy's upstream record starts empty. */
async function loggedIn(): Promise<Browser> {
  const browser = setup.browser();
  const login = await browser.send('POST', setup.tenantPath('/login'), {
    body: { email: simulatorDefaults.email, password: simulatorDefaults.password },
  });
  expect(login.status).toBe(200);
  setup.upstream().length = 0;
  return browser;
}

async function expectRefused(browser: Browser, method: string, path: string, options: SendOptions) {
  const answer = await browser.send(method, path, options);
  expect(answer.status).toBe(403);
  expect(answer.json).toMatchObject({ status: 403, type: 'forbidden' });
  expect(answer.setCookies).toEqual([]);
  expect(setup.upstream()).toEqual([]);
  // The API saw the anonymous login and the login, nothing since.
  expect(setup.sim().requests.map((request) => request.operation)).toEqual(['anonymousLogin', 'login']);
}

const formBodies: [string, string, BodyInit][] = [
  ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
  ['multipart/form-data', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
  ['text/plain', 'text/plain', '{"middleName":"Forged"}'],
];

describe('cross-site request forgery', () => {
  it('a request without the proxy header is refused', async () => {
    const browser = await loggedIn();
    await expectRefused(browser, 'GET', setup.tenantPath('/me'), { headers: { [PROXY_HEADER]: null } });
    await expectRefused(browser, 'PATCH', setup.tenantPath('/me'), {
      body: { middleName: 'Forged' },
      headers: { [PROXY_HEADER]: null },
    });
  });

  it('a proxy header with another value is refused', async () => {
    await expectRefused(await loggedIn(), 'GET', setup.tenantPath('/me'), { headers: { [PROXY_HEADER]: 'true' } });
  });

  it('on this machine, the page may use another loopback name than the URL the proxy was handed (same port)', async () => {
    const browser = setup.browser('http://localhost:3000');
    const login = await browser.send('POST', setup.tenantPath('/login'), {
      body: { email: simulatorDefaults.email, password: simulatorDefaults.password },
      headers: { origin: 'http://127.0.0.1:3000' },
    });
    expect(login.status).toBe(200);
    for (const origin of ['http://127.0.0.1:3001', 'https://127.0.0.1:3000', 'http://127.0.0.2:3000', 'http://localhost.evil.example:3000']) {
      const refused = await browser.send('PATCH', setup.tenantPath('/me'), { body: { middleName: 'Forged' }, headers: { origin } });
      expect(refused.status, origin).toBe(403);
    }
  });

  it('a request from another origin is refused, also an opaque (null) one', async () => {
    const browser = await loggedIn();
    const path = setup.tenantPath('/password/change');
    const body = { currentPassword: simulatorDefaults.password, newPassword: 'attacker-pass' };
    await expectRefused(browser, 'POST', path, { body, headers: { origin: 'https://evil.example' } });
    await expectRefused(browser, 'POST', path, { body, headers: { origin: 'http://shop.example' } });
    await expectRefused(browser, 'POST', path, { body, headers: { origin: 'null' } });
  });

  it('a request the browser marks cross-site is refused, with or without an Origin', async () => {
    const browser = await loggedIn();
    await expectRefused(browser, 'GET', setup.tenantPath('/me/addresses'), { headers: { 'sec-fetch-site': 'cross-site' } });
    await expectRefused(browser, 'DELETE', setup.tenantPath('/me/addresses/x'), {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
  });

  it.each(formBodies)('a cross-site %s form post is refused', async (_name, contentType, rawBody) => {
    const browser = await loggedIn();
    await expectRefused(browser, 'POST', setup.tenantPath('/me/addresses'), {
      rawBody,
      headers: { [PROXY_HEADER]: null, 'content-type': contentType, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
  });

  it.each(formBodies)('a %s body is refused even with the header, from the shop itself (415)', async (_name, contentType, rawBody) => {
    const browser = await loggedIn();
    const answer = await browser.send('POST', setup.tenantPath('/me/addresses'), { rawBody, headers: { 'content-type': contentType } });
    expect(answer.status).toBe(415);
    expect(setup.upstream()).toEqual([]);
  });

  it('the shop itself passes: same-origin writes with Origin, reads without one', async () => {
    const browser = await loggedIn();
    const read = await browser.send('GET', setup.tenantPath('/me'), { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(read.status).toBe(200);
    expect(read.json.firstName).toBe('Jane');
    const write = await browser.send('PATCH', setup.tenantPath('/me'), {
      body: { middleName: 'Q' },
      headers: { origin: SHOP, 'sec-fetch-site': 'same-origin' },
    });
    expect(write.status).toBe(200);
    expect(setup.sim().getCustomer(simulatorDefaults.email)?.middleName).toBe('Q');
  });

  it('allowedOrigins replaces the default: listed origins pass (cross-site too), the request origin no longer does', async () => {
    const proxy = setup.createProxy({ allowedOrigins: ['https://www.shop.example', 'https://checkout.partner.example'] });
    const browser = setup.browser(SHOP, proxy);
    const path = '/customerlogin/auth/anonymous/login';
    const fromWww = await browser.send('GET', path, { headers: { origin: 'https://www.shop.example', 'sec-fetch-site': 'same-site' } });
    expect(fromWww.status).toBe(200);
    const fromPartner = await browser.send('GET', path, {
      headers: { origin: 'https://checkout.partner.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(fromPartner.status).toBe(200);
    const before = setup.upstream().length;
    expect((await browser.send('GET', path, { headers: { origin: SHOP } })).status).toBe(403);
    expect((await browser.send('GET', path, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect(setup.upstream()).toHaveLength(before);
  });
});
