/**
 * The cookies the proxy sets: names per tenant, `__Host-` / `__Secure-` prefixes browsers enforce, HttpOnly
 * on every token, `Secure` except for plain-HTTP localhost, `SameSite=Lax`, refresh tokens only on the proxy's
 * path, lifetimes that follow the tokens', and a login id the page can read.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { EmporixError } from '../../src/api/errors';
import { createCustomerProxy, type CustomerProxyOptions } from '../../src/server';
import { BASE_PATH, server, setupProxy, simulatorDefaults, type Browser } from './support';

const lifetimes = { anonymousAccess: 1200, anonymousRefresh: 7200, customerAccess: 3000, customerRefresh: 9000, saasToken: 2400 };
const setup = setupProxy({ simulator: { lifetimes } });
const jane = { email: simulatorDefaults.email, password: simulatorDefaults.password };

async function logIn(browser: Browser) {
  const answer = await browser.send('POST', setup.tenantPath('/login'), { body: jane });
  expect(answer.status).toBe(200);
  return answer;
}

describe('cookie attributes', () => {
  it('on https: prefixed names per tenant, HttpOnly tokens, Secure, SameSite=Lax, refresh tokens on the proxy path, the rest on pages', async () => {
    const browser = setup.browser();
    const login = await logIn(browser);
    const tenant = setup.sim().tenant;
    const byName = Object.fromEntries(login.setCookies.map((cookie) => [cookie.name, cookie]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        `__Host-emporix-${tenant}-anon`,
        `__Secure-emporix-${tenant}-anon-refresh`,
        `__Host-emporix-${tenant}-customer`,
        `__Secure-emporix-${tenant}-customer-refresh`,
        `__Host-emporix-${tenant}-saas`,
        `__Host-emporix-${tenant}-login`,
        `__Host-emporix-${tenant}-legal-entity`,
      ].sort(),
    );
    for (const cookie of login.setCookies) {
      expect(cookie.secure, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe('Lax');
      expect(cookie.domain, cookie.name).toBeUndefined();
      expect(cookie.httpOnly, cookie.name).toBe(!cookie.name.endsWith('-login'));
      // Server rendering keys its data by login id and legal entity, as the browser does: both go with pages.
      expect(cookie.path, cookie.name).toBe(/refresh/.test(cookie.name) ? BASE_PATH : '/');
    }
    // A browser keeps them all (the prefixes' rules hold) and sends the refresh tokens only to the proxy.
    expect(browser.refused).toEqual([]);
    expect(browser.cookieHeader('/account')).not.toMatch(/refresh/);
    expect(browser.cookieHeader(`${BASE_PATH}/customer/x/me`)).toMatch(/customer-refresh/);
    expect(browser.cookieHeader('/api/emporixfoo')).not.toMatch(/refresh/);
  });

  it('lifetimes follow the tokens: expires_in, refresh_token_expires_in, the SaaS token exp, the session for the login id', async () => {
    const browser = setup.browser();
    await logIn(browser);
    const maxAge = (suffix: string) => browser.cookie(suffix)?.maxAge;
    expect(maxAge('anon')).toBe(lifetimes.anonymousAccess);
    expect(maxAge('anon-refresh')).toBe(lifetimes.anonymousRefresh);
    expect(maxAge('customer')).toBe(lifetimes.customerAccess);
    expect(maxAge('customer-refresh')).toBe(lifetimes.customerRefresh);
    // The SaaS token expires before the customer access token, as in the reference; the cookie follows its exp claim.
    expect(maxAge('saas')).toBeGreaterThanOrEqual(lifetimes.saasToken - 2);
    expect(maxAge('saas')).toBeLessThanOrEqual(lifetimes.saasToken);
    expect(maxAge('login')).toBe(Math.max(lifetimes.customerAccess, lifetimes.customerRefresh));
  });

  it('a refresh that brings no new refresh token keeps it, the SaaS token and the session length', async () => {
    const browser = setup.browser();
    await logIn(browser);
    const refreshBefore = browser.cookie('customer-refresh')!.value;
    server.use(
      http.get(`${setup.sim().baseUrl}/customer/:tenant/refreshauthtoken`, () =>
        HttpResponse.json({ access_token: 'renewed-access-token-123', expires_in: 600, token_type: 'Bearer' }),
      ),
    );
    const refreshed = await browser.send('GET', setup.tenantPath('/refreshauthtoken'));
    expect(refreshed.status).toBe(200);
    const names = refreshed.setCookies.map((cookie) => cookie.name.replace(/^.*-/, ''));
    expect(names).not.toContain('refresh');
    expect(names).not.toContain('saas');
    expect(browser.cookie('customer-refresh')!.value).toBe(refreshBefore);
    expect(browser.cookie('customer')!.maxAge).toBe(600);
    // The session still ends with the refresh token, not with the shorter new access token.
    expect(browser.cookie('login')!.maxAge).toBeGreaterThan(lifetimes.customerRefresh - 5);
    expect(browser.cookie('login')!.maxAge).toBeLessThanOrEqual(lifetimes.customerRefresh);
  });

  it('the login id: 128-bit hex, readable by the page, new for each login, kept across refreshes', async () => {
    const browser = setup.browser();
    const first = await logIn(browser);
    expect(first.json.loginId).toMatch(/^[0-9a-f]{32}$/);
    expect(browser.scriptCookies('/account').map((cookie) => cookie.value)).toEqual([first.json.loginId]);

    const refreshed = await browser.send('GET', setup.tenantPath('/refreshauthtoken'));
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.loginId).toBe(first.json.loginId);
    expect(browser.cookie('login')?.value).toBe(first.json.loginId);

    const second = await logIn(browser);
    expect(second.json.loginId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.json.loginId).not.toBe(first.json.loginId);
  });

  it('plain-HTTP localhost and 127.0.0.1 get cookies without Secure and without prefixes; other HTTP hosts keep Secure', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173']) {
      const browser = setup.browser(origin);
      await logIn(browser);
      expect(browser.refused).toEqual([]);
      const names = [...browser.cookies.values()].map((cookie) => cookie.name);
      expect(names).toContain(`emporix-${setup.sim().tenant}-customer`);
      expect([...browser.cookies.values()].every((cookie) => !cookie.secure && !cookie.name.startsWith('__'))).toBe(true);
    }
    const behindHttp = setup.browser('http://shop.internal');
    await behindHttp.send('POST', setup.tenantPath('/login'), { body: jane, headers: { origin: 'http://shop.internal' } });
    expect(behindHttp.refused.length).toBeGreaterThan(0);
    expect(behindHttp.refused.every((cookie) => cookie.secure)).toBe(true);
  });

  it('options: prefix, SameSite, Domain and page path change names and attributes; __Host- only where it may be', async () => {
    const proxy = setup.createProxy({
      cookies: { prefix: 'shop', sameSite: 'strict', domain: 'shop.example', path: '/account' },
    });
    const browser = setup.browser(undefined, proxy);
    const login = await browser.send('POST', setup.tenantPath('/login'), { body: jane });
    expect(login.status).toBe(200);
    for (const cookie of login.setCookies) {
      expect(cookie.name).toMatch(new RegExp(`^__Secure-shop-${setup.sim().tenant}-`));
      expect(cookie.sameSite).toBe('Strict');
      expect(cookie.domain).toBe('shop.example');
    }
    expect(browser.cookie('customer')?.path).toBe('/account');
    expect(browser.cookie('customer-refresh')?.path).toBe(BASE_PATH);

    const forcedSecure = setup.browser('http://localhost:3000', setup.createProxy({ cookies: { secure: true } }));
    await forcedSecure.send('POST', setup.tenantPath('/login'), { body: jane });
    expect(forcedSecure.cookie('customer')?.name).toMatch(/^__Host-/);
    expect(forcedSecure.cookie('customer')?.secure).toBe(true);
  });

  it('a bad setting is an invalid_config error naming the option', () => {
    const base: CustomerProxyOptions = { tenant: 'myshop', clientId: 'key' };
    const cases: [Partial<CustomerProxyOptions>, string][] = [
      [{ tenant: 'My Shop' }, 'tenant'],
      [{ clientId: ' ' }, 'clientId'],
      [{ baseUrl: '/relative' }, 'baseUrl'],
      [{ basePath: 'api/emporix/' }, 'basePath'],
      [{ cookies: { prefix: '__Host-x' } }, 'cookies.prefix'],
      [{ cookies: { path: 'account' } }, 'cookies.path'],
      [{ cookies: { domain: 'https://shop.example' } }, 'cookies.domain'],
      [{ cookies: { sameSite: 'none', secure: false } }, 'cookies.secure'],
      [{ allowedOrigins: ['https://shop.example/path'] }, 'allowedOrigins'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
    ];
    for (const [override, option] of cases) {
      const attempt = () => createCustomerProxy({ ...base, ...override });
      expect(attempt, option).toThrow(EmporixError);
      expect(attempt, option).toThrow(new RegExp(`^${option.replace('.', '\\.')}:`));
      try {
        attempt();
      } catch (error) {
        expect((error as EmporixError).type).toBe('invalid_config');
      }
    }
  });
});
